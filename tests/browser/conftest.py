"""Fixtures for the real-browser tests: temporary notebook copies, servers, Chromium.

These tests run only when pytest is asked for them with a mark expression that selects
``browser`` (``make test-browser`` runs ``pytest -m browser tests/browser``). Any other run,
such as the plain ``python -m pytest`` of ``make test``, does not even collect this
directory, so it never imports Playwright or starts a server.

Chromium is Debian's ``/usr/bin/chromium`` (``playwright install`` cannot download here).
If it or Playwright is missing, the tests FAIL with a message saying how to install it;
they never skip.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ._server import KOREAN, NOTEBOOK_DIR, NOTEBOOKS, REPO, SCREENSHOTS, start_jupyter

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
#: The two laptop windows every client is checked at: the widgets must fit both.
SIZES = {"1440x900": {"width": 1440, "height": 900}, "1280x800": {"width": 1280, "height": 800}}
VIEWPORT = SIZES["1440x900"]

REPORT = pytest.StashKey[list]()
TIMINGS = pytest.StashKey[dict]()
#: Key press → new pixels, in ms, per client and notebook (``{"lab": {"01_...": [ms, ...]}}``);
#: ``make bench`` reads it (benchmarks/run.py).
TIMINGS_FILE = REPO / "build" / "browser_timings.json"


def _browser_selected(config: pytest.Config) -> bool:
    """True when the ``-m`` expression selects the ``browser`` marker (and does not negate it)."""
    tokens = re.findall(r"\w+", config.getoption("markexpr") or "")
    return any(tok == "browser" and (i == 0 or tokens[i - 1] != "not") for i, tok in enumerate(tokens))


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave tests/browser uncollected unless ``-m browser`` was given."""
    here = Path(__file__).parent
    if collection_path != Path(__file__) and here in (collection_path, *collection_path.parents):
        return None if _browser_selected(config) else True
    return None


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say why nothing runs when tests/browser is named without ``-m browser``."""
    if not _browser_selected(config):
        return "tests/browser: browser tests run only with `-m browser` (make test-browser)"
    return None


def pytest_configure(config: pytest.Config) -> None:
    """A place for the timing lines the tests record, printed at the end of the run."""
    config.stash[REPORT] = []
    config.stash[TIMINGS] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Merge this run's key → pixels latencies into build/browser_timings.json (per client and
    notebook: a run of some tests keeps what earlier runs measured for the others)."""
    measured = session.config.stash.get(TIMINGS, {})
    if not measured:
        return
    TIMINGS_FILE.parent.mkdir(parents=True, exist_ok=True)
    stored = json.loads(TIMINGS_FILE.read_text()) if TIMINGS_FILE.exists() else {}
    if not all(isinstance(v, dict) for v in stored.values()):
        stored = {}  # the older layout, one list per notebook: measured again from now on
    for client, per_notebook in measured.items():
        stored.setdefault(client, {}).update(per_notebook)
    TIMINGS_FILE.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n")


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    """Print the timings the browser tests measured (server start, per notebook, key → pixels)."""
    lines = config.stash.get(REPORT, [])
    if lines:
        terminalreporter.section("browser timings")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def report(pytestconfig: pytest.Config) -> list[str]:
    """Append a line here to have it printed in the "browser timings" section."""
    return pytestconfig.stash[REPORT]


@pytest.fixture(scope="session")
def latencies(pytestconfig: pytest.Config) -> dict[str, dict[str, list[float]]]:
    """Store ``latencies[client][notebook_stem] = [ms, ...]`` to have it written to
    build/browser_timings.json."""
    return pytestconfig.stash[TIMINGS]


@pytest.fixture(scope="session")
def notebook_copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary directory holding copies of every notebook, the Korean edition in ko/ as in
    the repository: the servers never see the repo."""
    root = tmp_path_factory.mktemp("notebooks")
    (root / "ko").mkdir()
    for notebook in NOTEBOOKS + KOREAN:
        shutil.copy2(notebook, root / notebook.relative_to(NOTEBOOK_DIR))
    return root


@pytest.fixture(scope="session")
def log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where server logs go (quoted in failure messages)."""
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """build/screenshots in the repository, created if needed."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def _jupyter_server(app: str, notebook_copies: Path, log_dir: Path, report: list[str]):
    server = start_jupyter(app, notebook_copies, log_dir)
    report.append(f"{app} server ready in {server.startup_s:.1f} s")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def lab_server(notebook_copies: Path, log_dir: Path, report: list[str]):
    """JupyterLab on the notebook copies; stopped by its own process when the session ends."""
    yield from _jupyter_server("lab", notebook_copies, log_dir, report)


@pytest.fixture(scope="session")
def notebook_server(notebook_copies: Path, log_dir: Path, report: list[str]):
    """Notebook 7 on the notebook copies; stopped by its own process when the session ends."""
    yield from _jupyter_server("notebook", notebook_copies, log_dir, report)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, shared by every test of the session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install it with `apt-get install -y chromium` "
                    "(make test-browser does this)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `pip install playwright` "
                    "(it is in the [test] extra)", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context for the session, so JupyterLab's scripts come from the HTTP cache
    after the first notebook (each notebook still gets a fresh page and a reset workspace)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context):
    """A fresh page; console errors (with their URL) collected in ``page.console_errors``."""
    new_page = browser_context.new_page()
    new_page.set_default_timeout(30_000)
    errors: list[str] = []
    new_page.on("console", lambda msg: errors.append(f"{msg.text} ({msg.location.get('url', '')})")
                if msg.type == "error" else None)
    new_page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    new_page.console_errors = errors
    try:
        yield new_page
    finally:
        new_page.close()


def delete_sessions(server) -> None:
    """Shut down every kernel session of a Jupyter server through its REST API."""
    for session in server.api("/api/sessions"):
        server.api(f"/api/sessions/{session['id']}", method="DELETE")


@pytest.fixture
def jupyter(client: str, request: pytest.FixtureRequest):
    """The server of ``client`` ("lab" or "notebook"); afterwards every kernel the test
    started there is shut down."""
    server = request.getfixturevalue(f"{client}_server")
    try:
        yield server
    finally:
        delete_sessions(server)

