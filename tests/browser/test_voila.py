"""Every notebook as a Voila app, in Chromium: it renders clean and its live widgets respond.

One Voila server per notebook (the command ``make app`` runs, on the folder of temporary
copies; the app at ``/voila/render/NAME.ipynb``), stopped by its own process when the test
ends. The app page must show
no error, no console error except the Font Awesome stylesheet Voila fetches from a CDN (it
cannot load offline), every slider of every live widget must move the plot (and the
readout, except for seed sliders) when pressed with the keyboard, and every figure, slider
and readout value must lie inside the window at both sizes the Jupyter clients are checked at.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from ._live import check_fit, exercise_all, find_live_widgets, summary, wait_for_live_widgets
from ._server import NOTEBOOKS, http_status, start_serve_py, start_voila
from .conftest import SIZES

pytestmark = pytest.mark.browser


def voila_notebooks() -> list[Path]:
    """The notebooks to run as apps: the first two lessons (the smoke notebook if there is
    none), or every notebook when ``BAYESLEARN_VOILA=all``.

    Voila executes the whole notebook again, 10-15 s a lesson on these machines, so all of
    them would take the whole run past its budget; two lessons exercise the app path.
    """
    if os.environ.get("BAYESLEARN_VOILA") == "all":
        return NOTEBOOKS
    lessons = [p for p in NOTEBOOKS if not p.stem.startswith("00_")]
    return (lessons or NOTEBOOKS)[:2]


VOILA_NOTEBOOKS = voila_notebooks()

RENDER_TIMEOUT_MS = 120_000
#: The window size the app runs at; the fit is checked there, then at the other size.
RUN_SIZE = "1440x900"


def stored_live_figures(path: Path) -> int:
    """How many LiveFigure displays the stored (executed) notebook holds."""
    notebook = json.loads(path.read_text())
    return sum(
        1
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "".join(output.get("data", {}).get("text/plain", "")).startswith("LiveFigure(")
    )


def is_offline_cdn_error(message: str) -> bool:
    """The one console error expected offline: Voila's Font Awesome stylesheet from a CDN."""
    return "font-awesome" in message.lower() or "fontawesome" in message.lower()


@pytest.fixture
def voila_app(notebook, notebook_copies, log_dir):
    """A Voila server for the copy of ``notebook``; stopped (terminate, wait, kill) afterwards."""
    server = start_voila(notebook_copies / notebook.name, log_dir)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("notebook", VOILA_NOTEBOOKS, ids=[p.stem for p in VOILA_NOTEBOOKS])
def test_notebook_as_voila_app(notebook, voila_app, page, screenshot_dir, report, latencies):
    """The app renders without errors; every slider of every live widget moves its plot from
    the keyboard; every widget fits both window sizes."""
    name = notebook.stem
    page.set_viewport_size(SIZES[RUN_SIZE])
    start = time.perf_counter()
    page.goto(voila_app.url(f"/voila/render/{notebook.name}"), timeout=RENDER_TIMEOUT_MS)
    expected = max(stored_live_figures(notebook), 0 if name.startswith("00_") else 1)
    wait_for_live_widgets(page, expected, timeout_ms=RENDER_TIMEOUT_MS)
    rendered = time.perf_counter()

    text = page.locator("body").inner_text()
    for marker in ("Traceback", "There was an error when executing cell", "Error displaying widget"):
        assert marker not in text, f"voila {name}: the page shows {marker!r}"
    widgets = find_live_widgets(page)
    assert len(widgets) >= expected, f"voila {name}: {len(widgets)} live widgets, expected {expected}"

    runs = exercise_all(page, f"voila {name}")
    done = time.perf_counter()
    if runs:
        latencies.setdefault("voila", {})[name] = [round(ms, 1) for run in runs for ms in run.latencies_ms]
    shots = screenshot_dir / "voila"
    shots.mkdir(exist_ok=True)
    fits = []
    for size in [RUN_SIZE, *(s for s in SIZES if s != RUN_SIZE)]:
        page.set_viewport_size(SIZES[size])
        page.wait_for_timeout(300)
        fits.append(check_fit(page, size, shots / f"{name}_{size}"))
    problems = [f"{fit.size}: {p}" for fit in fits for p in fit.problems]
    assert not problems, f"voila {name}: widgets do not fit:\n" + "\n".join(problems)
    errors = [e for e in page.console_errors if not is_offline_cdn_error(e)]
    assert not errors, f"voila {name}: console errors {errors}"
    report.append(
        f"voila {name}: server {voila_app.startup_s:.1f} s, page+execute {rendered - start:.1f} s, "
        f"sliders {done - rendered:.1f} s; {summary(runs)}; " + "; ".join(fit.line() for fit in fits))


@pytest.mark.parametrize("app", ["lab", "notebook", "voila"])
def test_serve_py_command_line(app: str, notebook_copies, log_dir, report):
    """``make lab`` / ``make notebook`` / ``make app`` (tools/serve.py): the server starts,
    requires its token and serves the notebooks of its ``--root``."""
    server = start_serve_py(app, notebook_copies, log_dir)
    try:
        assert http_status(server.printed_url) == 200, f"{server.printed_url} does not answer 200"
        path = {"lab": "/lab", "notebook": "/tree", "voila": "/voila/tree"}[app]
        without_token = http_status(server.base_url + path)
        assert without_token in (302, 403), (
            f"serve.py {app} serves {path} without the token (HTTP {without_token})")
        contents = "/voila/api/contents" if app == "voila" else "/api/contents"
        listed = {item["name"] for item in server.api(contents)["content"]}
        missing = {p.name for p in notebook_copies.glob("*.ipynb")} - listed
        assert not missing, f"serve.py {app} --root does not serve {sorted(missing)}"
        report.append(f"tools/serve.py {app}: ready in {server.startup_s:.1f} s, token enforced, "
                      f"{len(listed)} entries in its root")
    finally:
        server.stop()
