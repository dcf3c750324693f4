"""The sliders under the notebooks' live figures: sample sizes, log scales, probabilities, seeds.

The concept: one control per quantity a reader moves, each labelled in the language of
:func:`bayeslearn.set_language` and laid out alike (a wide label, a wide track), so that
every notebook's figures read the same. Notebooks 01 to 08 use them under the
:class:`bayeslearn.widgets.LiveFigure` of each interactive figure; they are imported from
:mod:`bayeslearn.widgets`, which re-exports them.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import numpy as np

from . import validation as v
from .i18n import tr

__all__ = [
    "int_slider",
    "log_slider",
    "prior_strength_slider",
    "probability_slider",
    "sample_size_slider",
    "sample_sizes",
    "seed_slider",
]


_SLIDER_STYLE = {"description_width": "17em"}
_SLIDER_LAYOUT = {"width": "46em", "max_width": "100%"}


def sample_sizes(maximum: int = 10_000) -> list[int]:
    """Sample sizes 0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, ... up to ``maximum``.

    A log-like scale: each step multiplies n by roughly 1.5, so the slider spends as much
    travel on 1 to 10 tosses as on 1,000 to 10,000, and it starts at 0 (no data).

    Examples
    --------
    >>> sample_sizes(100)
    [0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100]
    """
    candidates: list[float] = [0]
    decade = 1
    while decade <= maximum:
        candidates += [m * decade for m in (1, 1.5, 2, 3, 5, 7) if m * decade <= maximum]
        decade *= 10
    return sorted({int(s) for s in candidates if float(s).is_integer()} | {maximum})


def _slider_kwargs(description: str, tooltip: str | None) -> dict[str, Any]:
    return {
        "description": description,
        "tooltip": tooltip or description,
        "continuous_update": True,
        "style": dict(_SLIDER_STYLE),
        "layout": dict(_SLIDER_LAYOUT),
    }


def sample_size_slider(
    value: int = 20, maximum: int = 10_000, description: str | None = None, tooltip: str | None = None
) -> widgets.SelectionSlider:
    """Slider over :func:`sample_sizes` from 0 to ``maximum`` (log-like steps); values are ints.

    ``description`` defaults to "sample size n (tosses)" in the language of
    :func:`bayeslearn.set_language`.

    Used in: notebook 01, section 9; notebook 02, section 8; notebook 03, section 10;
    notebook 04, section 9; notebook 05, section 7; notebook 06, section 8;
    notebook 08, section 7
    """
    options = sample_sizes(maximum)
    if value not in options:
        raise ValueError(f"value must be one of the slider's sizes {options}, got {value!r}")
    if description is None:
        description = tr("sample size n (tosses)")
    return widgets.SelectionSlider(options=options, value=value, **_slider_kwargs(description, tooltip))


def log_slider(
    value: float,
    minimum: float,
    maximum: float,
    description: str,
    steps_per_decade: int = 10,
    readout_format: str = ".3g",
    tooltip: str | None = None,
) -> widgets.FloatLogSlider:
    """Slider on a log scale between two positive bounds, e.g. a prior's σ or strength.

    Used in: notebook 06, section 8; notebook 08, section 7

    Parameters
    ----------
    value, minimum, maximum : float
        Start and bounds, all > 0 and ``minimum <= value <= maximum``.
    description : str
        Label with units, e.g. ``"prior σ (weight units)"``.
    steps_per_decade : int
        Resolution of the slider.
    """
    if not 0 < minimum <= value <= maximum:
        raise ValueError(f"value must satisfy 0 < minimum <= value <= maximum, got {minimum}, {value}, {maximum}")
    return widgets.FloatLogSlider(
        value=value,
        base=10.0,
        min=float(np.log10(minimum)),
        max=float(np.log10(maximum)),
        step=1.0 / steps_per_decade,
        readout_format=readout_format,
        **_slider_kwargs(description, tooltip),
    )


def prior_strength_slider(
    value: float = 1.0,
    minimum: float = 0.01,
    maximum: float = 100.0,
    description: str | None = None,
    tooltip: str | None = None,
) -> widgets.FloatLogSlider:
    """Log-scale slider for a prior's strength: a prior σ, a pseudo-count or a λ.

    Defaults suit a Gaussian prior's σ from 0.01 (very strong) to 100 (nearly flat); the
    description defaults to "prior σ (strength: small = strong)" in the current language.

    Used in: notebook 02, section 8; notebook 03, section 10; notebook 05, section 7
    """
    if description is None:
        description = tr("prior σ (strength: small = strong)")
    return log_slider(value, minimum, maximum, description, tooltip=tooltip)


def probability_slider(
    value: float = 0.5,
    description: str | None = None,
    minimum: float = 0.0,
    maximum: float = 1.0,
    step: float = 0.01,
    tooltip: str | None = None,
) -> widgets.FloatSlider:
    """Slider over a probability in [minimum, maximum] ⊆ [0, 1].

    ``description`` defaults to "true θ (P(heads))" in the current language.

    Used in: notebook 01, section 9; notebook 02, section 8; notebook 04, section 9;
    notebook 06, section 8; notebook 07, section 8
    """
    if description is None:
        description = tr("true θ (P(heads))")
    if not 0.0 <= minimum <= value <= maximum <= 1.0:
        raise ValueError(f"value must satisfy 0 <= minimum <= value <= maximum <= 1, got {minimum}, {value}, {maximum}")
    return widgets.FloatSlider(
        value=value, min=minimum, max=maximum, step=step, readout_format=".2f", **_slider_kwargs(description, tooltip)
    )


def int_slider(
    value: int, minimum: int, maximum: int, description: str, tooltip: str | None = None
) -> widgets.IntSlider:
    """Slider over the integers ``minimum, ..., maximum``, e.g. a polynomial degree or a width.

    Used in: notebook 03, section 10; notebook 05, section 7

    Raises
    ------
    ValueError
        Unless ``minimum <= value <= maximum``.
    TypeError
        If a bound or the value is not an integer.
    """
    value, minimum, maximum = (v.integer(x, name, minimum=-(2**63)) for x, name in
                               ((value, "value"), (minimum, "minimum"), (maximum, "maximum")))
    if not minimum <= value <= maximum:
        raise ValueError(f"value must satisfy minimum <= value <= maximum, got {minimum}, {value}, {maximum}")
    return widgets.IntSlider(value=value, min=minimum, max=maximum, step=1, **_slider_kwargs(description, tooltip))


def seed_slider(value: int = 0, maximum: int = 99, description: str | None = None) -> widgets.IntSlider:
    """Slider over the seed of the random generator: a new data set for each value.

    ``description`` defaults to "random seed" in the current language.

    Used in: notebook 01, section 9; notebook 02, section 8; notebook 03, section 10;
    notebook 04, section 9; notebook 05, section 7; notebook 06, section 8
    """
    return int_slider(value, 0, maximum, tr("random seed") if description is None else description)
