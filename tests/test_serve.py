"""``make lab`` and ``make app`` (tools/serve.py) behave like ``jupyter lab``, not before it.

The URL is printed only once the server answers it; without PORT the first free port from
8888 is taken (a busy 8888 is never handed our token); an explicit busy PORT is an error;
a browser opens where there is a display and not where there is none. The servers here are
real JupyterLab and Voila processes on 127.0.0.1, stopped through serve.py itself.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import serve

REPO = Path(__file__).resolve().parents[1]
SERVE = REPO / "tools" / "serve.py"
OPEN_LINE = re.compile(r"Open (http://127\.0\.0\.1:(\d+)/\S*\?token=([0-9a-f]+))")


@contextlib.contextmanager
def listening(port: int = 0):
    """A socket listening on 127.0.0.1:``port`` (0: any free port); yields the port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind
        sock.bind(("127.0.0.1", port))
        sock.listen()
        yield sock.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status(url: str) -> int:
    """HTTP status of a GET on ``url``; 0 if nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


@contextlib.contextmanager
def serving(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    """Run serve.py with ``args``; yield (process, function returning its stdout so far)."""
    out = tmp_path / "stdout.txt"
    with open(out, "w") as stdout, open(tmp_path / "stderr.txt", "w") as stderr:
        process = subprocess.Popen([sys.executable, str(SERVE), *args, "--root", str(tmp_path)],
                                   stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                   env=env, cwd=REPO)
        try:
            yield process, out.read_text
        finally:
            process.terminate()
            process.wait(timeout=30)


def wait_for_url(process: subprocess.Popen, read, timeout: float = 120.0) -> re.Match:
    """The ``Open URL`` line, as soon as serve.py prints it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = OPEN_LINE.search(read())
        if match:
            return match
        assert process.poll() is None, f"serve.py exited with {process.returncode}: {read()}"
        time.sleep(0.02)
    raise AssertionError(f"serve.py printed no URL in {timeout:.0f} s")


def environment(display: bool, record: Path) -> dict[str, str]:
    """This environment with or without a display, and a BROWSER that records its URL."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if display:
        env["DISPLAY"] = ":0"
    recorder = record.with_suffix(".py")
    recorder.write_text(f"import sys; open({str(record)!r}, 'a').write(sys.argv[1] + '\\n')\n")
    env["BROWSER"] = f"{sys.executable} {recorder} %s"
    return env


def test_display_rule():
    assert serve.has_display({}, "darwin") and serve.has_display({}, "win32")
    assert serve.has_display({"DISPLAY": ":0"}, "linux")
    assert serve.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not serve.has_display({}, "linux")


def test_choose_port_skips_busy_ports(monkeypatch):
    with listening() as busy:
        monkeypatch.setattr(serve, "DEFAULT_PORT", busy)
        chosen = serve.choose_port(None)
        assert chosen > busy and serve.port_is_free(chosen)
        with pytest.raises(SystemExit, match=f"port {busy} on 127.0.0.1 is busy"):
            serve.choose_port(busy)


def test_lab_with_8888_busy_takes_the_next_port_and_prints_a_url_that_answers(tmp_path):
    """8888 busy (held here, or by someone else): the URL names another port, answers at once,
    asks for the token, and a browser is opened on it because there is a display."""
    record = tmp_path / "opened.txt"
    with contextlib.ExitStack() as stack:
        if serve.port_is_free(8888):
            stack.enter_context(listening(8888))
        assert not serve.port_is_free(8888)
        process, read = stack.enter_context(
            serving(tmp_path, "lab", env=environment(display=True, record=record)))
        match = wait_for_url(process, read)
        url, port, token = match.group(1), int(match.group(2)), match.group(3)
        assert port != 8888
        base = f"http://127.0.0.1:{port}"
        assert status(f"{base}/api/status?token={token}") == 200, "printed before it answers"
        assert status(f"{base}/api/status") in (401, 403), "the server does not ask for the token"
        assert status(url) == 200
        deadline = time.monotonic() + 20
        while not record.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert record.read_text().split() == [url], "the browser was not opened on the URL"
    assert serve.port_is_free(port), "stopping serve.py left the server running"


def test_lab_on_a_free_port_given_opens_no_browser_without_a_display(tmp_path):
    record, port = tmp_path / "opened.txt", free_port()
    with serving(tmp_path, "lab", "--port", str(port),
                 env=environment(display=False, record=record)) as (process, read):
        match = wait_for_url(process, read)
        assert int(match.group(2)) == port
        assert status(match.group(1)) == 200
        time.sleep(1.0)
        assert not record.exists(), "a browser was started with no display"


def test_an_explicit_busy_port_is_an_error_not_another_server(tmp_path):
    with listening() as busy, serving(tmp_path, "lab", "--port", str(busy)) as (process, read):
        assert process.wait(timeout=30) != 0
        assert "Open" not in read()
        assert f"port {busy} on 127.0.0.1 is busy" in (tmp_path / "stderr.txt").read_text()


def test_app_prints_its_url_once_voila_answers(tmp_path):
    (tmp_path / "empty.ipynb").write_text(
        '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    with listening() as busy, serving(tmp_path, "voila", "--no-browser") as (process, read):
        match = wait_for_url(process, read)
        url, port, token = match.group(1), int(match.group(2)), match.group(3)
        assert port != busy
        assert status(f"http://127.0.0.1:{port}{serve.PROBES['voila']}?token={token}") == 200
        assert status(url) == 200


def test_notebook_prints_its_url_once_notebook7_answers(tmp_path):
    """make notebook: the same rules, for Notebook 7's tree page."""
    with listening() as busy, serving(tmp_path, "notebook", "--no-browser") as (process, read):
        match = wait_for_url(process, read)
        url, port = match.group(1), int(match.group(2))
        assert port != busy and "/tree?token=" in url
        assert status(url) == 200


@pytest.mark.parametrize(("app", "page"), [("lab", "/lab/tree/"), ("notebook", "/notebooks/")])
def test_open_starts_on_the_named_notebook(tmp_path, app, page):
    """make lab / make notebook: --open puts the start page (which links both editions) in the
    URL, and that page answers."""
    (tmp_path / "00_start_here.ipynb").write_text(
        '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    with serving(tmp_path, app, "--no-browser", "--open", "00_start_here.ipynb") as (process, read):
        url = wait_for_url(process, read).group(1)
        assert f"{page}00_start_here.ipynb?token=" in url
        assert status(url) == 200
