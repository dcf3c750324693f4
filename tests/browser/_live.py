"""Drive bayeslearn live widgets in a real page (JupyterLab or Voila) with the keyboard.

A :class:`bayeslearn.widgets.LiveFigure` renders as a VBox whose children are a VBox of
sliders and an HBox holding the plot (``img.widget-image``, a ``blob:`` URL that changes on
every update) and the readout (``table.bayeslearn-readout``). The readout table is the
signature used to find every live widget on a page, whatever the notebook; each one found
is tagged ``data-bl-live="i"`` so later steps can address it.

Moving a slider: focus its ``.noUi-handle`` and press ArrowRight (ArrowLeft once the
handle has reached its end, and back again at the other end) until the plot has changed
``WANTED_UPDATES`` times or ``MAX_PRESSES`` keys were pressed. Not every step has to change
the picture: with a fixed seed, nudging the true θ by 0.01 leaves a sample of 20 tosses
(and so the plot) as it was most of the time. A press counts as "no new picture" when no
new image arrives within ``QUIET_MS``, far above the ~70 ms a picture takes here.

For each press that brings a picture we measure, with the page's own clock, the time from
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
    """Arm the timing probe, press ``key`` on the focused handle; whether the slider moved."""
    handle.focus()
    page.evaluate(_ARM_PROBE, [widget])
    page.keyboard.press(key)
    moved = _slider_moved(page, widget, slider, shown)
    if not moved:
        page.evaluate(_PROBE_RESULT)  # disarm
    return moved


def move_slider(page: Page, widget: int, slider: int) -> SliderRun:
    """Press arrow keys on one slider until the plot changed ``WANTED_UPDATES`` times.

    Every press must move the slider (its value readout changes; at either end the key
    direction flips). A new plot image must be decoded (``naturalWidth > 0``). Whether the
    image and the readout table changed overall is recorded; the caller asserts on it.
    """
    root = live_locator(page, widget)
    control = root.locator(".widget-slider").nth(slider)
    handle = control.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    run = SliderRun(control.locator(".widget-label").text_content().strip())
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


def exercise_all(page: Page, name: str, screenshot_stem: str, screenshot_dir) -> list[SliderRun]:
    """Move every slider of every live widget on ``page`` and screenshot each widget.

    Checks per slider: every press moves it and yields a new plot image; afterwards the
    image differs from before and, unless the slider's description contains "seed", the
    readout table text differs too. Screenshots go to ``screenshot_dir/STEM.png`` (first
    widget) and ``STEM-2.png``, ... (further widgets); a page without live widgets is
    screenshot as it shows in the window.
    """
    runs: list[SliderRun] = []
    widgets = find_live_widgets(page)
    for index, info in enumerate(widgets):
        assert info["images"] == 1, f"{name}: live widget {index} has {info['images']} plot images"
        assert info["sliders"], f"{name}: live widget {index} has no slider"
        for slider in range(len(info["sliders"])):
            run = move_slider(page, index, slider)
            assert run.image_changed, (
                f"{name}: {len(run.keys)} steps of {run.description!r} left the plot unchanged")
            if not run.is_seed:
                assert run.readout_changed, (
                    f"{name}: {run.description!r} changed the plot but not the readout table")
            runs.append(run)
        suffix = "" if index == 0 else f"-{index + 1}"
        live_locator(page, index).screenshot(path=str(screenshot_dir / f"{screenshot_stem}{suffix}.png"))
    if not widgets:  # a notebook without a live widget: keep what the reader sees first
        page.screenshot(path=str(screenshot_dir / f"{screenshot_stem}.png"))
    return runs


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
