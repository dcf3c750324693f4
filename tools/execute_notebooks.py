"""Execute notebooks in place (cwd = the notebook's folder) and strip ``metadata.widgets``.

Widget state is not stored: the model ids change on every run and the views cannot be
rendered without a kernel anyway; the static figures carry the story on GitHub.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def run(path: Path) -> tuple[nbformat.NotebookNode, float]:
    """The notebook at ``path`` executed in a fresh kernel, and the seconds that took."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def execute(path: Path) -> float:
    """Execute the notebook at ``path`` in place; the seconds it took."""
    nb, elapsed = run(path)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return elapsed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: executed in {execute(Path(name)):.1f} s", flush=True)
