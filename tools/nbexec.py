"""Run a notebook's code cells in this process and return its namespace.

Used by the widget sweeps (tests/) and the benchmarks (benchmarks/) to get at the very
widgets a notebook builds, without a kernel. Static figures are closed instead of shown.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402


@contextlib.contextmanager
def _quiet_show(folder: Path):
    show, cwd = plt.show, os.getcwd()
    plt.show = lambda *args, **kwargs: plt.close("all")
    os.chdir(folder)
    try:
        yield
    finally:
        plt.show = show
        os.chdir(cwd)
        plt.close("all")


def exec_notebook(path: str | Path) -> dict:
    """Execute every code cell of the notebook at ``path`` in one fresh namespace.

    Raises ``AssertionError`` naming the cell if one fails.
    """
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    namespace: dict = {"__name__": "__notebook__"}
    with _quiet_show(path.parent):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                exec(compile(cell.source, f"{path.name}[cell {index}]", "exec"), namespace)
            except Exception as exc:
                raise AssertionError(f"{path.name}: cell {index} raised {exc!r}") from exc
    return namespace


def slider_values(control: widgets.ValueWidget, interior: int = 3) -> list:
    """The minimum, ``interior`` values in between, and the maximum a slider can take."""
    if isinstance(control, (widgets.SelectionSlider, widgets.Dropdown, widgets.ToggleButtons)):
        options = list(control.options)
        options = [o[1] if isinstance(o, tuple) else o for o in options]
        picks = np.linspace(0, len(options) - 1, interior + 2).round().astype(int)
        return [options[i] for i in dict.fromkeys(picks.tolist())]
    if isinstance(control, widgets.FloatLogSlider):
        exponents = np.linspace(control.min, control.max, interior + 2)
        return [float(control.base**e) for e in exponents]
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        values = np.linspace(control.min, control.max, interior + 2)
        if isinstance(control, widgets.IntSlider):
            return sorted({int(round(x)) for x in values})
        return [float(x) for x in values]
    if isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        return [False, True]
    raise TypeError(f"no sweep defined for {type(control).__name__}")
