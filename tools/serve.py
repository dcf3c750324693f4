"""Start JupyterLab, Notebook 7 or Voila on 127.0.0.1 with a fresh token and print the URL.

Usage: ``python tools/serve.py {lab,notebook,voila} [--port N] [--root DIR]``. Adds
``--allow-root`` to JupyterLab and Notebook 7 when run as root (containers, classroom
servers); Voila has no such check and no such flag.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys


def command(app: str, port: int, root: str | os.PathLike, token: str) -> tuple[str, list[str]]:
    """The URL to open and the command line serving ``root`` with ``app`` on 127.0.0.1:``port``."""
    root = os.path.abspath(root)
    if app in ("lab", "notebook"):
        # JupyterLab and Notebook 7 are both Jupyter Server apps: the same flags.
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        module, page = ("jupyterlab", "lab") if app == "lab" else ("notebook", "tree")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", choices=["lab", "notebook", "voila"])
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--root", default="notebooks")
    args = parser.parse_args()
    url, cmd = command(args.app, args.port, args.root, secrets.token_hex(16))
    print(f"\n  Open {url}\n  (Ctrl-C stops the server)\n", flush=True)
    os.execv(sys.executable, cmd)

if __name__ == "__main__":
    main()
