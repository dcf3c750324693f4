"""Every notebook in JupyterLab and in Notebook 7, in Chromium: it runs clean, its live
widgets fit a laptop's window and answer the keyboard.

One test per client and notebook (notebooks/*.ipynb, discovered at collection): open a
temporary copy (JupyterLab with its default layout, the file browser open), clear the stored
outputs, run all cells in a fresh kernel, then move every slider of every live widget with
the keyboard (End, Home, Page Up/Down, arrows) and watch the plot and readout change. Then
measure that every figure, slider and readout value lies inside the visible output area, at
the size the notebook ran at and, after resizing the window, at the other size of ``SIZES``.
Plus: Lab and Notebook 7 are quiet (no news toast, no autosave).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ._live import (
    check_fit,
    exercise_all,
    find_live_widgets,
    live_locator,
    summary,
    wait_for_live_widgets,
)
from ._server import KOREAN, NOTEBOOK_DIR, NOTEBOOKS
from .conftest import SIZES

pytestmark = pytest.mark.browser

ANSI = re.compile(r"\x1b\[[0-9;]*m")
KERNEL_TIMEOUT_S = 60
RUN_ALL_TIMEOUT_S = 180
LESSONS = [p for p in NOTEBOOKS if not p.stem.startswith("00_")]
#: Per client: how its page for a notebook is reached, and the window size the notebook runs
#: at (every slider is driven there); the fit is checked at this size and then at the other.
CLIENTS = {
    "lab": {"name": "JupyterLab", "path": "/lab/tree/{name}", "query": {"reset": ""}, "size": "1440x900"},
    "notebook": {"name": "Notebook 7", "path": "/notebooks/{name}", "query": {}, "size": "1280x800"},
}

# State of the open notebook, read from Lab's own model (exposed as window.jupyterapp):
# per code cell its execution count, whether it is empty, its error outputs and how many
# LiveFigure displays it produced; plus the status bar text and stderr outputs on screen.
_NOTEBOOK_STATE = """
() => {
  // page.goto returns at the load event, before Lab's startup has set window.jupyterapp:
  // until it has, there is no notebook yet (null), not an error.
  const app = window.jupyterapp;
  if (!app || !app.shell) return null;
  const panel = app.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model || !panel.sessionContext) return null;
  const cells = [];
  const model = panel.content.model;
  for (let i = 0; i < model.cells.length; i++) {
    const cell = model.cells.get(i);
    if (cell.type !== 'code') continue;
    const outputs = cell.outputs.toJSON();
    cells.push({
      index: i,
      count: cell.executionCount,
      empty: cell.sharedModel.getSource().trim() === '',
      errors: outputs.filter((o) => o.output_type === 'error')
        .map((o) => [`${o.ename}: ${o.evalue}`, ...(o.traceback || []).slice(-4)].join('\\n')),
      live: outputs.filter((o) => o.data && o.data['application/vnd.jupyter.widget-view+json']
                          && String(o.data['text/plain'] || '').startsWith('LiveFigure(')).length,
    });
  }
  const notebook = panel.content.node;
  const status = document.querySelector('#jp-main-statusbar');  // JupyterLab's; Notebook 7 has none
  return {
    path: panel.context.path,
    kernel: panel.sessionContext.kernelDisplayStatus,
    statusbar: status ? status.textContent : null,
    cells,
    busyPrompts: Array.from(notebook.querySelectorAll('.jp-InputArea-prompt'))
      .filter((p) => p.textContent.includes('*')).length,
    stderr: Array.from(notebook.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
      .map((e) => e.textContent),  // not innerText: off-screen cells are not laid out
    widgetErrors: notebook.textContent.includes('Error displaying widget'),
    toasts: Array.from(document.querySelectorAll('.Toastify__toast')).map((t) => t.innerText),
  };
}
"""


def notebook_state(page) -> dict:
    """The current state of the open notebook (see ``_NOTEBOOK_STATE``)."""
    return page.evaluate(_NOTEBOOK_STATE)


def wait_until(page, predicate, timeout_s: float, what: str) -> dict:
    """Poll the notebook state until ``predicate(state)``; fail with the last state otherwise."""
    deadline = time.perf_counter() + timeout_s
    state = None
    while time.perf_counter() < deadline:
        state = notebook_state(page)
        if state is not None and predicate(state):
            return state
        page.wait_for_timeout(100)
    brief = None if state is None else {k: state[k] for k in ("path", "kernel", "statusbar")}
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}; last state: {brief}")


def idle(state: dict) -> bool:
    """The kernel is idle, as the session says and, in JupyterLab, as its status bar shows it
    ("Python 3 (...) | Idle")."""
    shown = state["statusbar"] is None or "| Idle" in state["statusbar"]
    return shown and state["kernel"] == "idle"


def finished(state: dict) -> bool:
    """Run-all is over: kernel idle and every non-empty code cell numbered, or an error shown."""
    numbered = all(c["count"] is not None for c in state["cells"] if not c["empty"])
    failed = any(c["errors"] for c in state["cells"])
    return idle(state) and state["busyPrompts"] == 0 and (numbered or failed)


def _effective_setting(server, plugin: str, key: str):
    """A setting's value as Lab will use it: the user's value, else the (overridden) default."""
    data = server.api(f"/lab/api/settings/{plugin}")
    user = data.get("settings") or {}
    return user[key] if key in user else data["schema"]["properties"][key]["default"]


@pytest.mark.parametrize("client", CLIENTS)
def test_lab_is_quiet(client, jupyter):
    """overrides.json from tools/quiet_lab.py is in effect in JupyterLab and Notebook 7:
    no news, no update check, no autosave."""
    hint = "run `python tools/quiet_lab.py` with the venv's Python (the Makefile does)"
    notification = "@jupyterlab/apputils-extension:notification"
    assert _effective_setting(jupyter, notification, "fetchNews") == "false", hint
    assert _effective_setting(jupyter, notification, "checkForUpdates") is False, hint
    docmanager = "@jupyterlab/docmanager-extension:plugin"
    assert _effective_setting(jupyter, docmanager, "autosave") is False, hint


def test_state_probe_waits_for_lab_to_start(page):
    """Before Lab has started (no window.jupyterapp yet) the probe says "no notebook", not an error."""
    page.set_content("<html><body><p>JupyterLab is still loading</p></body></html>")
    assert notebook_state(page) is None
    page.evaluate("window.jupyterapp = {}")  # the app object exists but its shell does not yet
    assert notebook_state(page) is None


def shift_enter_on_a_slider(page, name: str) -> None:
    """Shift+Enter with a slider focused still runs its cell: the sliders keep only the keys
    they use (arrows, Page Up/Down, Home/End), every other key goes to the application."""
    def last_count(state):
        return max(c["count"] or 0 for c in state["cells"])

    before = last_count(notebook_state(page))
    handle = live_locator(page, 0).locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("Shift+Enter")
    wait_until(page, lambda s: last_count(s) == before + 1 and idle(s), KERNEL_TIMEOUT_S,
               f"{name}: Shift+Enter on a focused slider to run its cell")


#: Every English notebook in each client; the Korean edition (same code, Korean text) in
#: JupyterLab, where its longer readouts and labels must fit and its sliders move too.
RUNS = [(client, p) for client in CLIENTS for p in NOTEBOOKS] + [("lab", p) for p in KOREAN]


@pytest.mark.parametrize(("client", "notebook"), RUNS,
                         ids=[f"{c}-{p.relative_to(NOTEBOOK_DIR).with_suffix('')}" for c, p in RUNS])
def test_notebook(client: str, notebook: Path, jupyter, page, notebook_copies, screenshot_dir,
                  report, latencies):
    """Open, run all, no errors; every slider of every live widget moves plot and readout
    from the keyboard; every widget fits both window sizes."""
    name, how = notebook.relative_to(NOTEBOOK_DIR).as_posix(), CLIENTS[client]
    stem = name.removesuffix(".ipynb")
    copy = notebook_copies / name
    original = copy.read_bytes()
    page.set_viewport_size(SIZES[how["size"]])
    start = time.perf_counter()
    page.goto(jupyter.url(how["path"].format(name=name), **how["query"]))
    wait_until(page, lambda s: s["path"] == name and idle(s), KERNEL_TIMEOUT_S, f"{name}: kernel idle")
    opened = time.perf_counter()
    assert page.evaluate("window.jupyterapp.commands.isToggled('docmanager:toggle-autosave')") is False, (
        f"{how['name']}'s autosave is on: tools/quiet_lab.py's overrides are not in effect")

    # Clear the stored outputs first, so every count and output checked below is from this run.
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    state = wait_until(page, lambda s: all(c["count"] is None for c in s["cells"]), 10,
                       f"{name}: outputs cleared")
    assert state["cells"], f"{name} has no code cells"
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    # Wait until some cell has run, so an "Idle" from before the run cannot end the wait early.
    wait_until(page, lambda s: any(c["count"] is not None or c["errors"] for c in s["cells"]),
               KERNEL_TIMEOUT_S, f"{name}: first cell executed")
    state = wait_until(page, finished, RUN_ALL_TIMEOUT_S, f"{name}: run all cells")
    ran = time.perf_counter()

    errors = [f"cell {c['index']}: {ANSI.sub('', e)}" for c in state["cells"] for e in c["errors"]]
    tracebacks = [text[:500] for text in state["stderr"] if "Traceback" in text]
    assert not errors and not tracebacks, f"{name} raised:\n" + "\n".join(errors or tracebacks)
    counts = [c["count"] for c in state["cells"] if not c["empty"]]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{name}: execution counts {counts} are not 1..{len(counts)} in order")
    assert not state["widgetErrors"], f"{name}: a widget failed to display"

    expected = sum(c["live"] for c in state["cells"])
    if not notebook.stem.startswith("00_"):  # every lesson has a live widget
        assert expected >= 1, f"{name}: no cell displayed a LiveFigure"
    wait_for_live_widgets(page, expected, timeout_ms=30_000)
    widgets = find_live_widgets(page)
    assert len(widgets) >= expected, f"{name}: {expected} LiveFigures displayed, {len(widgets)} rendered"

    runs = exercise_all(page, f"{how['name']} {name}")
    done = time.perf_counter()
    if runs:
        latencies.setdefault(client, {})[stem] = [
            round(ms, 1) for run in runs for ms in run.latencies_ms]

    shots = screenshot_dir / client
    shots.mkdir(exist_ok=True)
    fits = []
    for size in [how["size"], *(s for s in SIZES if s != how["size"])]:
        page.set_viewport_size(SIZES[size])
        page.wait_for_timeout(300)  # the application lays itself out again
        fits.append(check_fit(page, size, shots / f"{stem.replace('/', '_')}_{size}"))
    problems = [f"{fit.size}: {p}" for fit in fits for p in fit.problems]
    assert not problems, f"{how['name']} {name}: widgets do not fit:\n" + "\n".join(problems)

    if runs and notebook == LESSONS[0]:
        shift_enter_on_a_slider(page, f"{how['name']} {name}")

    state = notebook_state(page)
    assert not state["toasts"], f"{how['name']} showed notifications: {state['toasts']}"
    assert copy.read_bytes() == original, f"{name}: {how['name']} wrote to the notebook (autosave?)"
    if state["stderr"]:
        report.append(f"  note {name}: stderr output: {[t[:120] for t in state['stderr']]}")
    report.append(
        f"{client} {stem}: open+kernel {opened - start:.1f} s, run all {ran - opened:.1f} s, "
        f"sliders {done - ran:.1f} s, total {time.perf_counter() - start:.1f} s; {summary(runs)}; "
        + "; ".join(fit.line() for fit in fits))
