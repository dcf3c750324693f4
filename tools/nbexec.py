"""Run a notebook's code cells in this process and return its namespace.

Used by the widget sweeps (tests/) and the benchmarks (benchmarks/) to get at the very
widgets a notebook builds, without a kernel. Static figures are closed instead of shown;
pass ``on_show`` to inspect them first (the figure accessibility test does).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402


def _flush(on_show: Callable[[list, int], None] | None, cell: int) -> None:
    """Hand every open pyplot figure to ``on_show`` (what the notebook would show), then close them."""
    if on_show is not None and plt.get_fignums():
        on_show([plt.figure(number) for number in plt.get_fignums()], cell)
    plt.close("all")


@contextlib.contextmanager
def _quiet_show(folder: Path, show_figures: Callable[[], None]):
    show, cwd = plt.show, os.getcwd()
    plt.show = lambda *args, **kwargs: show_figures()
    os.chdir(folder)
    try:
        yield
    finally:
        plt.show = show
        os.chdir(cwd)
        plt.close("all")


def exec_notebook(path: str | Path, on_show: Callable[[list, int], None] | None = None) -> dict:
    """Execute every code cell of the notebook at ``path`` in one fresh namespace.

    ``on_show(figures, cell)``, if given, receives the open pyplot figures and the index of
    the cell being run at every ``plt.show()`` and at the end of every cell (where the
    inline backend would show them), before they are closed. Raises ``AssertionError``
    naming the cell if one fails.
    """
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    namespace: dict = {"__name__": "__notebook__"}
    current = {"cell": -1}
    with _quiet_show(path.parent, lambda: _flush(on_show, current["cell"])):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            current["cell"] = index
            try:
                exec(compile(cell.source, f"{path.name}[cell {index}]", "exec"), namespace)
            except Exception as exc:
                raise AssertionError(f"{path.name}: cell {index} raised {exc!r}") from exc
            if on_show is not None:
                _flush(on_show, index)
    return namespace


def _on_steps(low: float, high: float, step: float, count: int) -> list[float]:
    """``count`` values from ``low`` to ``high``, evenly spread, each moved to the nearest value
    the slider can stop at (``low + k * step``); both ends kept, repeats dropped."""
    values = np.linspace(low, high, count)
    if step > 0:
        values = np.minimum(low + np.round((values - low) / step) * step, high)
    values[0], values[-1] = low, high
    return list(dict.fromkeys(round(float(x), 12) for x in values))


def slider_values(control: widgets.ValueWidget, interior: int = 3) -> list:
    """The minimum, ``interior`` values in between, and the maximum a slider can take.

    Float sliders only stop at ``min + k * step`` in the browser, so the values in between
    are moved to those stops: a sweep or a benchmark visits what a reader can reach.
    """
    if isinstance(control, (widgets.SelectionSlider, widgets.Dropdown, widgets.ToggleButtons)):
        options = list(control.options)
        options = [o[1] if isinstance(o, tuple) else o for o in options]
        picks = np.linspace(0, len(options) - 1, interior + 2).round().astype(int)
        return [options[i] for i in dict.fromkeys(picks.tolist())]
    if isinstance(control, widgets.FloatLogSlider):
        exponents = _on_steps(control.min, control.max, control.step, interior + 2)
        return [float(control.base**e) for e in exponents]
    if isinstance(control, widgets.IntSlider):
        return sorted({int(round(x)) for x in np.linspace(control.min, control.max, interior + 2)})
    if isinstance(control, widgets.FloatSlider):
        return _on_steps(control.min, control.max, control.step, interior + 2)
    if isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        return [False, True]
    raise TypeError(f"no sweep defined for {type(control).__name__}")
