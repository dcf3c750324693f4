"""Kernel-side sweeps of every live widget in every notebook.

Each notebook's code cells run here, in this process, exactly as written (static figures
are closed instead of shown). Every :class:`~bayeslearn.widgets.LiveFigure` the notebook
leaves in its namespace is then driven: each slider to its minimum, maximum and interior
values, with the other sliders at each combination of their extremes. Any exception or
warning fails (pytest runs with ``filterwarnings = error``), so does a NaN in the readout,
a readout change without a picture change, or a slider whose whole range never changes
the picture.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from nbexec import exec_notebook, slider_values

from bayeslearn.widgets import LiveFigure

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def check_readout(live: LiveFigure, where: str) -> None:
    for label, value in live.readout.items():
        if isinstance(value, str):
            assert value.strip(), f"{where}: readout {label!r} is empty"
            assert "nan" not in value.lower().split(), f"{where}: readout {label!r} shows NaN"
        else:
            assert not math.isnan(float(value)), f"{where}: readout {label!r} is NaN"


def sweep(live: LiveFigure, name: str) -> int:
    """Drive every slider against every corner of the others; return the number of frames."""
    defaults = live.values
    ranges = {key: slider_values(control) for key, control in live.controls.items()}
    frames = 0
    for key, values in ranges.items():
        others = [k for k in ranges if k != key]
        corners = itertools.product(*[(ranges[k][0], ranges[k][-1]) for k in others])
        for corner in [tuple(defaults[k] for k in others), *corners]:
            for k, value in zip(others, corner, strict=True):
                live.controls[k].value = value
            pictures = set()
            previous = (live.png(), dict(live.readout))
            for value in values:
                live.controls[key].value = value
                frames += 1
                where = f"{name}: {key}={value!r} with {dict(zip(others, corner, strict=True))}"
                check_readout(live, where)
                current = (live.png(), dict(live.readout))
                if current[1] != previous[1]:
                    assert current[0] != previous[0], f"{where}: readout changed but the picture did not"
                pictures.add(current[0])
                previous = current
            if corner == tuple(defaults[k] for k in others):
                assert len(pictures) > 1, f"{name}: moving {key!r} over its range never changed the picture"
    for key, value in defaults.items():
        live.controls[key].value = value
    return frames


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_slider_over_its_full_range(path: Path) -> None:
    """Every live widget survives its sliders' full ranges with a sane readout and picture."""
    namespace = exec_notebook(path)
    lives = {k: v for k, v in namespace.items() if isinstance(v, LiveFigure)}
    if not path.stem.startswith("00_"):  # every lesson has a live widget; the intro may not
        assert lives, f"{path.name} defines no LiveFigure"
    for name, live in lives.items():
        assert live.controls, f"{path.name}: {name} has no controls"
        frames = sweep(live, f"{path.name}:{name}")
        assert frames >= len(live.controls) * 3
        assert all(math.isfinite(ms) for ms in live.render_ms)
