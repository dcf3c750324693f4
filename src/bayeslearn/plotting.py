"""House style for the notebooks' figures: colours, line styles, figure factories.

Colours are the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness; every role also has its own line style, so the figures still read in
greyscale. The one shared style is the solid line of "likelihood" (blue, CIE L* 46) and
"data" (sky blue, L* 70): their lightness alone tells them apart in a greyscale print (24 L*
apart; tests/test_accessibility.py asks for 20). The posterior (bluish green, L* 58) is only
12 L* from the likelihood, so it gets long dashes; the neutral grey (L* 53) is as close to the
likelihood and 17 L* from the data, so it gets dash-dot-dot. Importing this module imports
matplotlib (the maths modules do not).

Text is drawn in DejaVu Sans (matplotlib's own font: Latin, Greek, digits, the minus sign and
mathtext), with glyph-by-glyph fallback to the first installed Korean font of
:data:`HANGUL_FONTS` for Hangul, so the Korean edition's figures draw their labels; only
installed families are listed (an absent one would make matplotlib log "findfont" warnings).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any, Literal, TypedDict, overload

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .i18n import tr

__all__ = [
    "COLORS",
    "HANGUL_FONTS",
    "LINESTYLES",
    "STYLE",
    "format_number",
    "label_axes",
    "live_figure",
    "panels",
    "role_label",
    "small_multiples",
    "style_line",
    "use_style",
]

#: One colour per role in the story (Okabe-Ito).
COLORS: dict[str, str] = {
    "likelihood": "#0072B2",  # blue
    "prior": "#E69F00",  # orange
    "posterior": "#009E73",  # bluish green
    "mle": "#0072B2",  # blue, like the likelihood it maximises
    "map": "#D55E00",  # vermillion
    "truth": "#000000",  # black
    "data": "#56B4E9",  # sky blue
    "approx": "#CC79A7",  # reddish purple
    "neutral": "#7F7F7F",  # grey
}

#: One line style per role, so a greyscale print still separates the curves. Two roles share
#: a style only if their colours differ by at least 20 CIE L* (likelihood and data, solid).
LINESTYLES: dict[str, str | tuple[int, tuple[int, ...]]] = {
    "likelihood": "-",
    "prior": "--",
    "posterior": (0, (8, 2)),  # long dashes
    "mle": ":",
    "map": "-.",
    "truth": (0, (1, 1)),
    "data": "-",
    "approx": (0, (5, 1, 1, 1)),
    "neutral": (0, (3, 1, 1, 1, 1, 1)),  # dash-dot-dot
}

#: Korean font families, in order of preference, that Hangul falls back to from DejaVu Sans.
HANGUL_FONTS: tuple[str, ...] = ("NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo")
#: Where Debian's fonts-nanum puts NanumGothic (make's $(HANGUL_FONT) installs it).
_NANUM_DIR = Path("/usr/share/fonts/truetype/nanum")


def _font_family() -> list[str]:
    """DejaVu Sans, then every installed family of :data:`HANGUL_FONTS`.

    matplotlib caches its font list; when fonts-nanum was installed after that cache was
    written, the fonts are on disk but unknown, so they are added to the font manager here.
    """
    from matplotlib import font_manager

    known = {font.name for font in font_manager.fontManager.ttflist}
    if "NanumGothic" not in known:
        for path in sorted(_NANUM_DIR.glob("NanumGothic*.ttf")):
            font_manager.fontManager.addfont(str(path))
        known = {font.name for font in font_manager.fontManager.ttflist}
    # fonts-nanum's NanumGothicBold.ttf is the family's bold but declares weight 600 in its
    # OS/2 table: matplotlib would log "Failed to find font weight bold" (into the notebook's
    # output) for every bold text, Latin too, since every text falls back through the family.
    font_manager.fontManager.ttflist = [
        dataclasses.replace(font, weight=700)
        if font.name in HANGUL_FONTS and font.weight == 600 and font.fname.endswith("Bold.ttf")
        else font
        for font in font_manager.fontManager.ttflist
    ]
    return ["DejaVu Sans", *(family for family in HANGUL_FONTS if family in known)]


#: rcParams of the house style (applied by :func:`use_style`). The keys are matplotlib's
#: rcParams names (typed ``Any`` because matplotlib types them as a literal union).
STYLE: dict[Any, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.family": _font_family(),
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "legend.fontsize": 10,
    "legend.handlelength": 3.0,  # a whole period of the longest dash pattern (posterior: 16 + 4 pt) and more
    "lines.linewidth": 2.0,
    "axes.prop_cycle": cycler(
        color=[COLORS[k] for k in ("likelihood", "prior", "posterior", "map", "approx", "data")]
    ),
}


class LineStyle(TypedDict):
    """The keyword arguments :func:`style_line` returns, to spread into ``ax.plot(..., **style)``."""

    color: str
    linestyle: str | tuple[int, tuple[int, ...]]


def use_style() -> None:
    """Apply the house style to matplotlib's global rcParams (call once per notebook)."""
    mpl.rcParams.update(STYLE)


def style_line(role: str) -> LineStyle:
    """Keyword arguments ``color`` and ``linestyle`` for a curve playing ``role``.

    Used in: notebook 01, section 1; notebook 02, section 1; notebook 03, section 1;
    notebook 04, section 3; notebook 05, section 1; notebook 06, section 1;
    notebook 07, section 1; notebook 08, section 1

    Parameters
    ----------
    role : str
        One of the keys of :data:`COLORS`.

    Returns
    -------
    dict
        ``{"color": COLORS[role], "linestyle": LINESTYLES[role]}``, a new dict on each call.

    Raises
    ------
    ValueError
        If ``role`` is not a role of the house style.

    Examples
    --------
    >>> style_line("prior")
    {'color': '#E69F00', 'linestyle': '--'}
    >>> style_line("posterior")
    {'color': '#009E73', 'linestyle': (0, (8, 2))}
    """
    if role not in COLORS:
        raise ValueError(f"role must be one of {sorted(COLORS)}, got {role!r}")
    return {"color": COLORS[role], "linestyle": LINESTYLES[role]}


@overload
def live_figure(
    ncols: Literal[1], nrows: Literal[1] = ..., *, width_px: int = ..., height_px: int = ..., dpi: int = ...,
    **subplot_kw: Any,
) -> tuple[Figure, Axes]: ...
@overload
def live_figure(
    ncols: int = ..., nrows: int = ..., *, width_px: int = ..., height_px: int = ..., dpi: int = ...,
    **subplot_kw: Any,
) -> tuple[Figure, np.ndarray]: ...
def live_figure(
    ncols: int = 2, nrows: int = 1, *, width_px: int = 900, height_px: int = 350, dpi: int = 100,
    **subplot_kw: Any,
) -> tuple[Figure, Axes | np.ndarray]:
    """A figure for a live widget, outside pyplot so that nothing displays it twice.

    It has an Agg canvas of its own and a constrained layout, computed once at the first
    full draw; :class:`bayeslearn.widgets.LiveFigure` then repaints only what changes.

    Used in: notebook 01, section 9; notebook 02, section 8; notebook 03, section 10;
    notebook 04, section 9; notebook 05, section 7; notebook 06, section 8;
    notebook 07, section 8; notebook 08, section 7

    Parameters
    ----------
    ncols, nrows : int
        Grid of axes.
    width_px, height_px : int
        Size in pixels (the widget shows the PNG at this size).
    dpi : int
        Dots per inch; the figure is ``width_px / dpi`` inches wide.
    **subplot_kw
        Passed to :meth:`matplotlib.figure.Figure.subplots` (``sharex``, ``gridspec_kw``, ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes, or ndarray of Axes of shape (nrows, ncols) squeezed
        A single Axes for a 1 × 1 grid.
    """
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, axes.squeeze() if axes.size > 1 else axes[0, 0]


@overload
def panels(
    ncols: Literal[1] = ..., nrows: Literal[1] = ..., *, figsize: tuple[float, float] = ..., **subplot_kw: Any
) -> tuple[Figure, Axes]: ...
@overload
def panels(
    ncols: int, nrows: int = ..., *, figsize: tuple[float, float] = ..., **subplot_kw: Any
) -> tuple[Figure, np.ndarray]: ...
def panels(
    ncols: int = 1, nrows: int = 1, *, figsize: tuple[float, float] = (10.0, 3.8), **subplot_kw: Any
) -> tuple[Figure, Axes | np.ndarray]:
    """A pyplot figure of ``ncols`` panels side by side, in a constrained layout.

    The figure set-up of every static figure in the notebooks: it is
    ``plt.subplots(nrows, ncols, figsize=figsize, layout="constrained", **subplot_kw)``,
    so the inline backend shows it and stores it as a PNG in the notebook, and the panels'
    labels and legends never overlap. Call :func:`use_style` once before.

    Used in: notebook 01, section 1; notebook 02, section 1; notebook 03, section 1;
    notebook 04, section 1; notebook 05, section 1; notebook 06, section 1;
    notebook 07, section 1; notebook 08, section 1

    Parameters
    ----------
    ncols : int
        Panels across (default one).
    nrows : int
        Rows of panels (default one).
    figsize : tuple of float
        Width and height in inches (100 pixels an inch in the house style).
    **subplot_kw
        Passed to :func:`matplotlib.pyplot.subplots`: ``sharey=True``,
        ``gridspec_kw={"width_ratios": [1.4, 1]}``, ...

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes, or ndarray of Axes
        One Axes for one panel; a 1-D array of ``ncols`` Axes for one row; an array of
        shape (nrows, ncols) otherwise (as ``plt.subplots`` squeezes them).

    Examples
    --------
    >>> fig, (ax_left, ax_right) = panels(2, figsize=(9.6, 3.6), sharey=True)
    >>> fig.get_size_inches().tolist(), fig.get_layout_engine().__class__.__name__
    ([9.6, 3.6], 'ConstrainedLayoutEngine')
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, layout="constrained", **subplot_kw)
    return fig, axes


def small_multiples(
    nrows: int,
    ncols: int,
    *,
    width_px: int = 960,
    height_px: int | None = None,
    sharex: bool = True,
    sharey: bool = False,
    titles: list[str] | None = None,
) -> tuple[Figure, np.ndarray]:
    """A pyplot grid of axes for a static figure that tells the story without a kernel.

    The figure belongs to pyplot, so the notebook's inline backend shows it and stores it
    as a PNG in the notebook (readable on GitHub).

    Used in: notebook 01, section 8; notebook 02, section 7; notebook 03, section 9;
    notebook 04, section 8; notebook 05, section 6; notebook 06, section 7;
    notebook 07, section 7; notebook 08, section 6

    Parameters
    ----------
    nrows, ncols : int
        Grid of panels, e.g. sample sizes across and prior strengths down.
    width_px, height_px : int
        Size in pixels; the height defaults to 230 px a row.
    sharex, sharey : bool
        Share axes so the panels compare at a glance.
    titles : list of str, optional
        One title a panel, in reading order.

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : ndarray of Axes, shape (nrows, ncols)
    """
    import matplotlib.pyplot as plt

    use_style()
    height_px = height_px or 230 * nrows + 40
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(width_px / 100, height_px / 100), dpi=100,
        sharex=sharex, sharey=sharey, squeeze=False, layout="constrained",
    )
    for ax, title in zip(axes.flat, titles or [], strict=False):
        ax.set_title(title)
    return fig, axes


def format_number(value: float | int) -> str:
    """Fixed-format text for a readout: ints with separators, floats to 4 significant places.

    Examples
    --------
    >>> format_number(10000), format_number(0.123456), format_number(float("-inf"))
    ('10,000', '0.1235', '−∞')
    """
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,d}"
    value = float(value)
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if math.isnan(value):
        return tr("undefined")
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
        return f"{value:.3e}"
    return f"{value:.4g}" if abs(value) >= 1 else f"{value:.4f}"


def role_label(role: str) -> str:
    """What a curve playing ``role`` is called in a legend, in the current language.

    The role names of :data:`COLORS` are keys the code uses (a colour, a line style); this is
    the word a reader sees for them, "prior" or, after ``bayeslearn.set_language("ko")``,
    "사전분포".

    Used in: notebook 02, section 1; notebook 02, section 3; notebook 02, section 4;
    notebook 02, section 7; notebook 02, section 8; notebook 03, section 9

    Parameters
    ----------
    role : str
        One of the keys of :data:`COLORS`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``role`` is not a key of :data:`COLORS`.

    Examples
    --------
    >>> role_label("prior"), role_label("mle")
    ('prior', 'MLE')
    """
    labels = {"likelihood": tr("likelihood"), "prior": tr("prior"), "posterior": tr("posterior"),
              "mle": "MLE", "map": "MAP", "truth": tr("truth"), "data": tr("data"),
              "approx": tr("approximation"), "neutral": tr("other")}
    if not isinstance(role, str) or role not in labels:
        raise ValueError(f"role must be one of {sorted(labels)}, got {role!r}")
    return labels[role]


def label_axes(ax: Axes, xlabel: str, ylabel: str, title: str | None = None) -> Axes:
    """Set both axis labels (with units) and an optional title; return the axes.

    Used in: notebook 01, section 1; notebook 02, section 1; notebook 04, section 1;
    notebook 05, section 1; notebook 06, section 1; notebook 07, section 1;
    notebook 08, section 1
    """
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax
