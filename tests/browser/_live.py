"""Drive bayeslearn live widgets in a real page (JupyterLab, Notebook 7 or Voila) with the keyboard.

A :class:`bayeslearn.widgets.LiveFigure` renders as a VBox whose children are a VBox of
sliders and an HBox holding the plot (``img.widget-image``, a ``blob:`` URL that changes on
every update) and the readout (``table.bayeslearn-readout``). The readout table is the
signature used to find every live widget on a page, whatever the notebook; each one found
is tagged ``data-bl-live="i"`` so later steps can address it.

Moving a slider: focus its ``.noUi-handle``; press End, Home, Page Up and Page Down, each of
which must move the handle (to its maximum, its minimum, a page up, a page down: read from
its ``aria-valuetext`` and ``aria-valuenow``), and bring it back to where it was. Then press
ArrowRight (ArrowLeft once the handle has reached its end, and back again at the other end)
until the plot has changed ``WANTED_UPDATES`` times or ``MAX_PRESSES`` keys were pressed.
After every key the handle must still have the focus: the application (JupyterLab,
Notebook 7) must not have taken the key to move to another cell. Not every step has to
change the picture: with a fixed seed, nudging the true θ by 0.01 leaves a sample of 20
tosses (and so the plot) as it was most of the time. A press counts as "no new picture"
when no new image arrives within ``QUIET_MS``, far above the ~70 ms a picture takes here.

Fitting: :func:`check_fit` measures that the figure, every slider and every readout value of
a live widget lie inside the visible part of its output area (and of the window), with no
sideways scrolling, and that the figure is at least ``MIN_FIGURE_PX`` wide where there is room.

For each arrow press that brings a picture we measure, with the page's own clock, the time from
the ``keydown`` event to the ``load`` event of the plot's new ``src``: key press to new
pixels, kernel round trip included.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

WANTED_UPDATES = 3
MAX_PRESSES = 12
QUIET_MS = 1_000
READOUT_TIMEOUT_MS = 5_000
SETTLE_MS = 300
#: Keys pressed once per slider before the arrows, each with what it must do to the value.
NAVIGATION_KEYS = ("End", "Home", "PageUp", "PageDown")
#: The figure stays at least this wide (or its natural width) wherever the space allows it.
MIN_FIGURE_PX = 800

_FIND_LIVE_WIDGETS = """
() => {
  const roots = [];
  for (const table of document.querySelectorAll('table.bayeslearn-readout')) {
    const row = table.closest('.widget-hbox');
    const root = row && row.parentElement ? row.parentElement.closest('.widget-vbox') : null;
    if (root && !roots.includes(root)) roots.push(root);
  }
  return roots.map((root, i) => {
    root.dataset.blLive = String(i);
    const img = root.querySelector('img.widget-image');
    return {
      images: root.querySelectorAll('img.widget-image').length,
      src: img ? img.src : null,
      width: img ? img.naturalWidth : 0,
      sliders: Array.from(root.querySelectorAll('.widget-slider')).map(
        (s) => (s.querySelector('.widget-label') || {textContent: ''}).textContent.trim()),
    };
  });
}
"""

_SLIDER_STATE = """
([w, s]) => {
  const root = document.querySelector(`[data-bl-live="${w}"]`);
  const slider = root.querySelectorAll('.widget-slider')[s];
  const readout = slider.querySelector('.widget-readout');
  return {
    shown: readout ? readout.textContent.trim() : '',
    src: root.querySelector('img.widget-image').src,
    table: root.querySelector('table.bayeslearn-readout').innerText,
  };
}
"""

_HANDLE_STATE = """
([w, s]) => {
  const root = document.querySelector(`[data-bl-live="${w}"]`);
  const handle = root.querySelectorAll('.widget-slider')[s].querySelector('.noUi-handle');
  const number = (name) => parseFloat(handle.getAttribute(name));
  // noUiSlider's aria-valuetext is the exact position; aria-valuenow, -min and -max are
  // rounded to one decimal (alike, so that they can be compared with each other).
  return {now: number('aria-valuetext'), rounded: number('aria-valuenow'), min: number('aria-valuemin'),
          max: number('aria-valuemax'), focused: document.activeElement === handle};
}
"""

# What of a live widget lies outside the visible part of its output area (or of the window).
_FIT = """
([w, minFigure]) => {
  const root = document.querySelector(`[data-bl-live="${w}"]`);
  const area = root.closest('.jp-OutputArea-output') || document.documentElement;
  const box = area.getBoundingClientRect();
  const left = Math.max(box.left + area.clientLeft, 0);
  const right = Math.min(box.left + area.clientLeft + area.clientWidth,
                         document.documentElement.clientWidth);
  const problems = [];
  const inside = (el, what) => {
    const b = el.getBoundingClientRect();
    if (b.width === 0) { problems.push(`${what} is not laid out`); return false; }
    if (b.left < left - 0.5 || b.right > right + 0.5) {
      problems.push(`${what} spans x ${b.left.toFixed(0)}-${b.right.toFixed(0)} px, ` +
                    `the visible output area ${left.toFixed(0)}-${right.toFixed(0)} px`);
      return false;
    }
    return true;
  };
  const values = Array.from(root.querySelectorAll('table.bayeslearn-readout tr td:last-child'));
  const clipped = values.filter((td) => !inside(td, `readout value ${JSON.stringify(td.textContent.trim())}`));
  root.querySelectorAll('.widget-slider').forEach((slider, i) => {
    inside(slider.querySelector('.noUi-target') || slider, `slider ${i + 1}`);
    const shown = slider.querySelector('.widget-readout');
    if (shown) inside(shown, `slider ${i + 1}'s value`);
  });
  const img = root.querySelector('img.widget-image');
  inside(img, 'the figure');
  const figure = img.getBoundingClientRect().width;
  const wanted = Math.min(minFigure, img.naturalWidth, right - left);
  if (figure < wanted - 1) {
    problems.push(`the figure is ${figure.toFixed(0)} px wide where ${wanted.toFixed(0)} px fit`);
  }
  if (area.scrollWidth > area.clientWidth + 1) {
    problems.push(`the output area scrolls sideways (${area.scrollWidth} px in ${area.clientWidth} px)`);
  }
  return {problems, values: values.length, clipped: clipped.length, figure: Math.round(figure),
          natural: img.naturalWidth, area: Math.round(right - left),
          below: values.length > 0 && values[0].getBoundingClientRect().top >= img.getBoundingClientRect().bottom};
}
"""

# Arms one measurement: keydown time, time the img src changes, time the new src has loaded.
_ARM_PROBE = """
([w]) => {
  const root = document.querySelector(`[data-bl-live="${w}"]`);
  const img = root.querySelector('img.widget-image');
  const probe = {src0: img.src, tKey: null, tSrc: null, tLoad: null, width: 0};
  const onKey = () => { if (probe.tKey === null) probe.tKey = performance.now(); };
  const onLoad = () => {
    if (img.src !== probe.src0 && probe.tLoad === null) {
      probe.tLoad = performance.now();
      probe.width = img.naturalWidth;
    }
  };
  const observer = new MutationObserver(() => {
    if (img.src !== probe.src0 && probe.tSrc === null) probe.tSrc = performance.now();
  });
  observer.observe(img, {attributes: true, attributeFilter: ['src']});
  img.addEventListener('load', onLoad);
  document.addEventListener('keydown', onKey, true);
  probe.disarm = () => {
    observer.disconnect();
    img.removeEventListener('load', onLoad);
    document.removeEventListener('keydown', onKey, true);
  };
  window.__blProbe = probe;
}
"""

_PROBE_RESULT = """
() => {
  const p = window.__blProbe;
  p.disarm();
  return {tKey: p.tKey, tSrc: p.tSrc, tLoad: p.tLoad, width: p.width};
}
"""


@dataclass
class SliderRun:
    """What happened when one slider of one live widget was moved with the keyboard."""

    description: str
    keys: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    image_changed: bool = False
    readout_changed: bool = False
    #: Navigation keys (End, Home, Page Up/Down) that did not do what they should, and why.
    navigation_failures: list[str] = field(default_factory=list)

    @property
    def is_seed(self) -> bool:
        """A seed slider draws a new data set; its readout may legitimately stay the same
        (e.g. it shows only the MLE of a sample whose size did not change, rounded)."""
        return "seed" in self.description.lower()

    @property
    def quiet_presses(self) -> int:
        """Presses that moved the slider but brought no new picture."""
        return len(self.keys) - len(self.latencies_ms)


def wait_for_live_widgets(page: Page, expected: int, timeout_ms: float) -> None:
    """Wait until ``expected`` readout tables are on the page and every plot image is decoded."""
    page.wait_for_function(
        "n => document.querySelectorAll('table.bayeslearn-readout').length >= n "
        "&& Array.from(document.querySelectorAll('img.widget-image')).every(i => i.naturalWidth > 0)",
        arg=expected, timeout=timeout_ms)


def find_live_widgets(page: Page) -> list[dict]:
    """Tag every LiveFigure on the page and describe it (image count, src, slider labels)."""
    return page.evaluate(_FIND_LIVE_WIDGETS)


def live_locator(page: Page, widget: int):
    """Locator of the live widget tagged ``widget`` by :func:`find_live_widgets`."""
    return page.locator(f'[data-bl-live="{widget}"]')


def _slider_moved(page: Page, widget: int, slider: int, shown_before: str) -> bool:
    """Whether the slider's own value readout left ``shown_before`` (it does so on keydown)."""
    try:
        page.wait_for_function(
            "([w, s, t]) => document.querySelector(`[data-bl-live=\"${w}\"]`)"
            ".querySelectorAll('.widget-slider')[s].querySelector('.widget-readout')"
            ".textContent.trim() !== t",
            arg=[widget, slider, shown_before], timeout=500)
    except PlaywrightTimeout:
        return False
    return True


def _press(page: Page, handle, key: str, widget: int, slider: int, shown: str) -> bool:
    """Arm the timing probe, press ``key`` on the focused handle; whether the slider moved.

    The handle must still have the focus afterwards (the application did not take the key)."""
    handle.focus()
    page.evaluate(_ARM_PROBE, [widget])
    page.keyboard.press(key)
    moved = _slider_moved(page, widget, slider, shown)
    if not moved:
        page.evaluate(_PROBE_RESULT)  # disarm
    assert page.evaluate(_HANDLE_STATE, [widget, slider])["focused"], (
        f"{key} took the focus away from the slider (to {page.evaluate('document.activeElement.className')!r})")
    return moved


def _press_and_wait(page: Page, handle, key: str, widget: int, slider: int) -> tuple[dict, dict]:
    """Press ``key`` on the handle; wait for its value to change (up to 500 ms) and for the
    new picture (up to ``QUIET_MS``); the handle's state before and after."""
    before = page.evaluate(_HANDLE_STATE, [widget, slider])
    handle.focus()
    page.evaluate(_ARM_PROBE, [widget])
    page.keyboard.press(key)
    try:
        page.wait_for_function(
            "([w, s, v]) => parseFloat(document.querySelector(`[data-bl-live=\"${w}\"]`)"
            ".querySelectorAll('.widget-slider')[s].querySelector('.noUi-handle')"
            ".getAttribute('aria-valuetext')) !== v", arg=[widget, slider, before["now"]], timeout=500)
        page.wait_for_function("() => window.__blProbe.tLoad !== null", timeout=QUIET_MS)
    except PlaywrightTimeout:
        pass
    page.evaluate(_PROBE_RESULT)  # disarm
    return before, page.evaluate(_HANDLE_STATE, [widget, slider])


def _navigate(page: Page, handle, widget: int, slider: int) -> list[str]:
    """Press End, Home, Page Up, Page Down on the handle; what did not move it as it should.

    Afterwards the slider is brought back to where it was (Page Up, then arrows), so that
    the arrows and the next sliders start from the notebook's own values. Each key's new
    picture is awaited so that it cannot be taken for the picture of a later press."""
    failures = []
    expected = {
        "End": lambda before, now: now["rounded"] == now["max"],
        "Home": lambda before, now: now["rounded"] == now["min"],
        "PageUp": lambda before, now: now["now"] > before["now"],
        "PageDown": lambda before, now: now["now"] < before["now"],
    }
    start = page.evaluate(_HANDLE_STATE, [widget, slider])
    page_step = 0.0
    for key in NAVIGATION_KEYS:
        before, now = _press_and_wait(page, handle, key, widget, slider)
        if not expected[key](before, now):
            failures.append(f"{key}: value {before['now']} -> {now['now']} (range {now['min']}..{now['max']})")
        if not now["focused"]:
            failures.append(f"{key}: the slider lost the focus")
        if key == "PageUp":
            page_step = now["now"] - before["now"]
    if failures:
        return failures
    tolerance = 1e-6 * max(1.0, start["max"] - start["min"])
    now = page.evaluate(_HANDLE_STATE, [widget, slider])
    for key, short_of in (("PageUp", lambda v: v + page_step <= start["now"] + tolerance),
                          ("ArrowRight", lambda v: v < start["now"] - tolerance)):
        stuck = 0
        while short_of(now["now"]):
            _, after = _press_and_wait(page, handle, key, widget, slider)
            if after["now"] <= now["now"]:  # e.g. the kernel's echo of an earlier value came late
                stuck += 1
                if stuck == 3:
                    return [f"{key} did not bring the slider back from {now['now']} towards {start['now']}"]
            now = after
    if abs(now["now"] - start["now"]) > tolerance:
        failures.append(f"the slider came back to {now['now']}, not to {start['now']}")
    return failures


def move_slider(page: Page, widget: int, slider: int) -> SliderRun:
    """Press End, Home, Page Up, Page Down, then arrow keys on one slider until the plot
    changed ``WANTED_UPDATES`` times.

    Every press must move the slider (its value readout changes; at either end the key
    direction flips). A new plot image must be decoded (``naturalWidth > 0``). Whether the
    image and the readout table changed overall is recorded; the caller asserts on it.
    """
    root = live_locator(page, widget)
    control = root.locator(".widget-slider").nth(slider)
    handle = control.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    run = SliderRun(control.locator(".widget-label").text_content().strip())
    run.navigation_failures = _navigate(page, handle, widget, slider)
    # The readout of the last navigation key comes in its own message, after the picture.
    page.wait_for_timeout(SETTLE_MS)
    before = page.evaluate(_SLIDER_STATE, [widget, slider])
    key = "ArrowRight"
    while len(run.latencies_ms) < WANTED_UPDATES and len(run.keys) < MAX_PRESSES:
        shown = page.evaluate(_SLIDER_STATE, [widget, slider])["shown"]
        where = f"widget {widget}, slider {run.description!r}, press {len(run.keys) + 1}"
        if not _press(page, handle, key, widget, slider, shown):
            key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"  # at an end: turn back
            assert _press(page, handle, key, widget, slider, shown), (
                f"{where}: neither arrow key moved the slider from {shown}")
        run.keys.append(key)
        try:
            page.wait_for_function("() => window.__blProbe.tLoad !== null", timeout=QUIET_MS)
        except PlaywrightTimeout:
            page.evaluate(_PROBE_RESULT)  # no new picture for this step
            continue
        result = page.evaluate(_PROBE_RESULT)
        assert result["tKey"] is not None, f"{where}: the page saw no keydown"
        assert result["width"] > 0, f"{where}: the new plot image has no pixels"
        run.latencies_ms.append(result["tLoad"] - result["tKey"])
    after = page.evaluate(_SLIDER_STATE, [widget, slider])
    run.image_changed = after["src"] != before["src"]
    if not run.is_seed and run.image_changed:
        try:  # the readout arrives in its own message, possibly after the image
            page.wait_for_function(
                "([w, t]) => document.querySelector(`[data-bl-live=\"${w}\"] "
                "table.bayeslearn-readout`).innerText !== t",
                arg=[widget, before["table"]], timeout=READOUT_TIMEOUT_MS)
        except PlaywrightTimeout:  # recorded below, judged by the caller
            pass
    after = page.evaluate(_SLIDER_STATE, [widget, slider])
    run.readout_changed = after["table"] != before["table"]
    return run


def exercise_all(page: Page, name: str) -> list[SliderRun]:
    """Move every slider of every live widget on ``page`` with the keyboard.

    Checks per slider: End, Home, Page Up and Page Down move it as they should; every arrow
    press moves it and yields a new plot image; the focus stays on it; afterwards the image
    differs from before and, unless the slider's description contains "seed", the readout
    table text differs too.
    """
    runs: list[SliderRun] = []
    for index, info in enumerate(find_live_widgets(page)):
        assert info["images"] == 1, f"{name}: live widget {index} has {info['images']} plot images"
        assert info["sliders"], f"{name}: live widget {index} has no slider"
        for slider in range(len(info["sliders"])):
            run = move_slider(page, index, slider)
            assert not run.navigation_failures, (
                f"{name}: {run.description!r}: " + "; ".join(run.navigation_failures))
            assert run.image_changed, (
                f"{name}: {len(run.keys)} steps of {run.description!r} left the plot unchanged")
            if not run.is_seed:
                assert run.readout_changed, (
                    f"{name}: {run.description!r} changed the plot but not the readout table")
            runs.append(run)
    return runs


@dataclass
class Fit:
    """How the live widgets of a page fit one window size."""

    size: str
    widgets: int = 0
    values: int = 0
    clipped: int = 0
    figures_px: list[int] = field(default_factory=list)
    readout_below: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        figures = ", ".join(map(str, self.figures_px)) or "-"
        return (f"{self.size}: {self.widgets} widget(s), figure {figures} px, "
                f"{self.clipped}/{self.values} readout values clipped, readout below the figure in "
                f"{self.readout_below}")


def check_fit(page: Page, size: str, screenshot_stem) -> Fit:
    """Measure how every live widget fits the window (see ``_FIT``) and screenshot it.

    Each widget is scrolled into view (its figure row at the bottom of the window) and the window
    is saved as ``STEM.png`` (first widget),
    ``STEM-2.png``, ... ; a page without live widgets is saved as it shows.
    """
    fit = Fit(size)
    widgets = find_live_widgets(page)
    for index in range(len(widgets)):
        # The bottom of the figure and readout row at the bottom of the window: as much of
        # the figure as the window holds, with the readout beside or below it.
        live_locator(page, index).locator("table.bayeslearn-readout").evaluate(
            "table => table.closest('.widget-hbox').scrollIntoView({block: 'end'})")
        page.wait_for_timeout(200)  # let the layout settle after scrolling (windowed notebooks)
        result = page.evaluate(_FIT, [index, MIN_FIGURE_PX])
        fit.widgets += 1
        fit.values += result["values"]
        fit.clipped += result["clipped"]
        fit.figures_px.append(result["figure"])
        fit.readout_below += bool(result["below"])
        fit.problems += [f"widget {index + 1}: {p}" for p in result["problems"]]
        suffix = "" if index == 0 else f"-{index + 1}"
        page.screenshot(path=f"{screenshot_stem}{suffix}.png")
    if not widgets:
        page.screenshot(path=f"{screenshot_stem}.png")
    return fit


def summary(runs: list[SliderRun]) -> str:
    """Slider count and median key press → new pixels over every press of every slider."""
    if not runs:
        return "no live widget"
    latencies = [ms for run in runs for ms in run.latencies_ms]
    median = statistics.median(latencies) if latencies else float("nan")
    quiet = [f"{run.description!r} {run.quiet_presses}/{len(run.keys)}" for run in runs
             if run.quiet_presses]
    slowest = max(latencies, default=float("nan"))
    line = (f"{len(runs)} slider(s), {len(latencies)} new pictures, "
            f"key→pixels median {median:.0f} ms (max {slowest:.0f} ms)")
    return line + (f"; presses with no new picture: {', '.join(quiet)}" if quiet else "")
