"""Start and stop the servers the browser tests drive: JupyterLab, Notebook 7 and Voila.

Every server runs as a child process started with :class:`subprocess.Popen`, bound to
127.0.0.1 on a free port with a random token, and is stopped through that process object
(terminate, wait, kill on timeout), never by name. Its output goes to a log file whose tail
is quoted when the server fails to come up.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import serve
from serve import command  # tools/serve.py: what make lab / make notebook / make app run

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
#: Every notebook of the collection, discovered when the test modules are imported.
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
#: The Korean edition (notebooks/ko/, built by tools/translate.py), same names as the English.
KOREAN = sorted((NOTEBOOK_DIR / "ko").glob("*.ipynb"))
SCREENSHOTS = REPO / "build" / "screenshots"

READY_TIMEOUT_S = 60.0
# A file the Voila of .venv serves with 200 as soon as it listens, in single-notebook mode too
# (where serve.py's /voila/tree does not exist), without running a kernel.
VOILA_PROBE = "/voila/labextensions/@voila-dashboards/widgets-manager8/package.json"
#: What each app answers with 200 once it is ready: serve.py's probes (Jupyter Server's status
#: API for JupyterLab and Notebook 7), with Voila's file above.
PROBES = {**serve.PROBES, "voila": VOILA_PROBE}
#: The flag that makes each Jupyter Server app set ``window.jupyterapp`` in the page.
EXPOSE_APP = {"lab": "--LabApp.expose_app_in_browser=True",
              "notebook": "--JupyterNotebookApp.expose_app_in_browser=True"}
STOP_TIMEOUT_S = 10.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (bind to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url: str, timeout: float = 2.0) -> int:
    """The HTTP status of a GET on ``url`` without following redirects; 0 if unreachable."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # noqa: D102 - stop at the first answer
            return None

    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


@dataclass
class Server:
    """A server child process plus what a test needs to reach it.

    Attributes
    ----------
    name : str
        Short label for messages ("lab", "voila 01_coin_flip_mle").
    base_url : str
        ``http://127.0.0.1:PORT``.
    token : str
        The token the server requires (``?token=...``).
    process : subprocess.Popen
        The server itself; :meth:`stop` ends exactly this process.
    log_path : Path
        Where stdout and stderr of the server go.
    startup_s : float
        Seconds from ``Popen`` to the first successful readiness probe.
    """

    name: str
    base_url: str
    token: str
    process: subprocess.Popen
    log_path: Path
    startup_s: float = float("nan")
    printed_url: str = ""
    _log_file: object = field(default=None, repr=False)
    _started: float = field(default_factory=time.perf_counter, repr=False)

    def url(self, path: str, **query: str) -> str:
        """``base_url + path`` with the token (and any extra query items) appended."""
        items = [f"token={self.token}", *(f"{k}={v}" if v else k for k, v in query.items())]
        separator = "&" if "?" in path else "?"
        return f"{self.base_url}{path}{separator}{'&'.join(items)}"

    def api(self, path: str, method: str = "GET"):
        """Call the REST endpoint ``path`` with the token; its JSON answer (None if empty)."""
        request = urllib.request.Request(self.base_url + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server wrote, for failure messages."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def wait_ready(self, probe_path: str, timeout: float = READY_TIMEOUT_S) -> None:
        """Poll ``probe_path`` (with the token) until it answers 200; fail if the process dies."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with code {self.process.returncode} before it was ready:\n"
                    f"{self.log_tail()}"
                )
            if http_status(self.url(probe_path), timeout=1.0) == 200:
                self.startup_s = time.perf_counter() - self._started
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Terminate the server process, wait, and kill it if it does not exit in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    @classmethod
    def launch(cls, name: str, cmd: list[str], port: int, token: str, log_path: Path,
               cwd: Path | None = None) -> Server:
        """Start ``cmd`` with output to ``log_path``; the caller waits for readiness."""
        log_file = open(log_path, "w")  # noqa: SIM115 - closed by stop()
        started = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT, cwd=cwd,
                                   stdin=subprocess.DEVNULL)
        return cls(name, f"http://127.0.0.1:{port}", token, process, log_path,
                   _log_file=log_file, _started=started)


@contextlib.contextmanager
def _stopped_on_failure(server: Server) -> Iterator[Server]:
    """Stop ``server`` if the block raises (it did not come up): no process outlives a failure."""
    try:
        yield server
    except BaseException:
        server.stop()
        raise


def start_jupyter(app: str, root: Path, log_dir: Path) -> Server:
    """JupyterLab (``app="lab"``) or Notebook 7 (``app="notebook"``) on ``root`` (a temporary
    directory), ready to serve, with the app exposed.

    ``expose_app_in_browser`` makes ``window.jupyterapp`` available, so the tests run
    commands (run all cells, clear outputs) as the menus would. Both apps are started with
    the command ``make lab`` / ``make notebook`` run (tools/serve.py).
    """
    port, token = free_port(), secrets.token_hex(16)
    cmd = command(app, port, root, token)[1] + [EXPOSE_APP[app]]
    server = Server.launch(app, cmd, port, token, log_dir / f"{app}.log", cwd=root)
    with _stopped_on_failure(server):
        server.wait_ready(PROBES[app])
    return server


def start_voila(notebook: Path, log_dir: Path) -> Server:
    """Voila serving the folder of ``notebook``, as ``make app`` does (tools/serve.py); the
    app is at ``/voila/render/NAME.ipynb``.

    Voila 0.5 takes its token as ``--Voila.token`` (it ignores ``--IdentityProvider.token``
    and would then serve without any token) and has no ``--allow-root`` flag: it rejects it.
    """
    port, token = free_port(), secrets.token_hex(16)
    cmd = command("voila", port, notebook.parent, token)[1]
    server = Server.launch(f"voila {notebook.stem}", cmd, port, token,
                           log_dir / f"voila_{notebook.stem}.log", cwd=notebook.parent)
    with _stopped_on_failure(server):
        server.wait_ready(VOILA_PROBE)
    return server


def start_serve_py(app: str, root: Path, log_dir: Path) -> Server:
    """Run ``tools/serve.py APP`` (what ``make lab`` / ``make app`` run) on a free port.

    serve.py chooses its own token and prints ``Open URL``; the token is read from that line.
    """
    port = free_port()
    cmd = [sys.executable, str(REPO / "tools" / "serve.py"), app, "--port", str(port),
           "--root", str(root), "--no-browser"]
    log_path = log_dir / f"serve_{app}.log"
    server = Server.launch(f"serve.py {app}", cmd, port, "", log_path, cwd=REPO)
    with _stopped_on_failure(server):
        deadline = time.perf_counter() + READY_TIMEOUT_S
        while not server.token:
            match = re.search(r"Open (http://\S+?)\?token=([0-9a-f]+)", log_path.read_text())
            if match:
                server.token = match.group(2)
                server.printed_url = f"{match.group(1)}?token={match.group(2)}"
            elif server.process.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"serve.py {app} printed no URL:\n{server.log_tail()}")
            else:
                time.sleep(0.05)
        server.wait_ready(PROBES[app])
    return server
