"""Start JupyterLab, Notebook 7 or Voila on 127.0.0.1 with a fresh token; print the URL once it answers.

Usage: ``python tools/serve.py {lab,notebook,voila} [--port N] [--root DIR] [--no-browser]``
(``make lab``, ``make notebook``, ``make app``).

What ``jupyter lab`` does, and what it does not:

- the URL is printed only once the server answers it (a click before that would be refused);
- without ``--port`` the first free port from 8888 up is taken, so a second Jupyter or a
  leftover server is never handed our token; ``--port N`` (``make lab PORT=N``) takes N or
  stops with an error saying the port is busy;
- the default browser opens on the URL where there is a display (macOS, Windows, or X11 /
  Wayland on Linux), unless ``--no-browser``;
- it is always bound to 127.0.0.1 and always asks for the token.

Adds ``--allow-root`` to JupyterLab and Notebook 7 when run as root (containers, classroom
servers); Voila has no such check and no such flag.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser

DEFAULT_PORT = 8888
#: How many ports from DEFAULT_PORT up are tried when none is asked for.
PORT_TRIES = 50
READY_TIMEOUT_S = 120.0
#: What each app answers with 200 (given the token) once it is ready, without starting a
#: kernel: Jupyter Server's status API (JupyterLab, Notebook 7), and Voila's notebook listing
#: (serve.py runs Voila on a folder; every Voila 0.5 release serves it).
PROBES = {"lab": "/api/status", "notebook": "/api/status", "voila": "/voila/tree"}


def command(app: str, port: int, root: str | os.PathLike, token: str,
            start: str | None = None) -> tuple[str, list[str]]:
    """The URL to open and the command line serving ``root`` with ``app`` on 127.0.0.1:``port``.

    With ``start`` (a notebook's path under ``root``), JupyterLab and Notebook 7 open on that
    notebook instead of the file browser; Voila always opens its list of notebooks.
    """
    root = os.path.abspath(root)
    if app in ("lab", "notebook"):
        # JupyterLab and Notebook 7 are both Jupyter Server apps: the same flags.
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        module, page = ("jupyterlab", "lab") if app == "lab" else ("notebook", "tree")
        if start is not None:
            page = f"lab/tree/{start}" if app == "lab" else f"notebooks/{start}"
        url = f"http://127.0.0.1:{port}/{page}?token={token}"
        cmd = [sys.executable, "-m", module, "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", "--port-retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", *as_root]
    else:
        url = f"http://127.0.0.1:{port}/voila/tree?token={token}"
        # Voila 0.5 ignores --IdentityProvider.token (it would serve with no token at all)
        # and rejects --allow-root; its own --Voila.token is the one it enforces.
        # Notebook 7's JupyterLab extension (installed with it) cannot load in Voila's page and
        # would only log an error there: Voila is told to leave it out.
        cmd = [sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1",
               f"--port={port}", f"--Voila.root_dir={root}", f"--Voila.token={token}",
               "--VoilaConfiguration.extension_denylist=@jupyter-notebook/lab-extension"]
    return url, cmd


def port_is_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:``port``: a bind there succeeds, with SO_REUSEADDR
    as the servers bind (closed connections lingering in TIME_WAIT do not make a port busy)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def choose_port(requested: int | None) -> int:
    """``requested`` if free (else an error); without one, the first free port from 8888 up."""
    if requested is not None:
        if not port_is_free(requested):
            raise SystemExit(f"port {requested} on 127.0.0.1 is busy (another Jupyter?): "
                             "stop that server, or leave PORT unset to take the next free port")
        return requested
    for port in range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES):
        if port_is_free(port):
            return port
    raise SystemExit(f"ports {DEFAULT_PORT}-{DEFAULT_PORT + PORT_TRIES - 1} are all busy: "
                     "give one with PORT=N")


def answers(url: str, timeout: float = 1.0) -> bool:
    """Whether a GET on ``url`` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_until_ready(process: subprocess.Popen, probe_url: str,
                     timeout: float = READY_TIMEOUT_S) -> None:
    """Return once ``probe_url`` answers 200; exit if the server dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode} before it answered")
        if answers(probe_url):
            return
        time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"the server did not answer within {timeout:.0f} s")


def has_display(environ: dict[str, str] | os._Environ = os.environ,
                platform: str = sys.platform) -> bool:
    """Whether a browser window can be shown: always on macOS and Windows, on other systems
    only with an X11 or Wayland display (a terminal-only server has none)."""
    if platform in ("darwin", "win32"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", choices=sorted(PROBES))
    parser.add_argument("--port", type=int, default=None,
                        help=f"this port or an error (default: the first free from {DEFAULT_PORT})")
    parser.add_argument("--root", default="notebooks")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--open", default=None, metavar="NOTEBOOK",
                        help="open this notebook (a path under --root) instead of the file list")
    args = parser.parse_args(argv)
    port, token = choose_port(args.port), secrets.token_hex(16)
    url, cmd = command(args.app, port, args.root, token, args.open)
    process = subprocess.Popen(cmd)
    # Ctrl-C reaches the server too (same process group) and it shuts down in its own way;
    # this process only waits for it. A terminate() of this process is passed on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        wait_until_ready(process, f"http://127.0.0.1:{port}{PROBES[args.app]}?token={token}")
        print(f"\n  Open {url}\n  (Ctrl-C stops the server)\n", flush=True)
        if not args.no_browser and has_display():
            webbrowser.open(url)
        sys.exit(process.wait())
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
