"""The house style's table of roles: a colour and a line style each, distinct in greyscale."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from _greyscale import MIN_LIGHTNESS_GAP, dash_pattern, lightness
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D

from bayeslearn import plotting as plot


def _pattern(role: str) -> tuple:
    """The role's dash pattern as matplotlib draws it ('-' and 'solid' alike)."""
    return dash_pattern(Line2D([], [], **plot.style_line(role))._unscaled_dash_pattern)


def test_every_role_has_a_colour_and_a_line_style():
    assert set(plot.COLORS) == set(plot.LINESTYLES)
    for role in plot.COLORS:
        style = plot.style_line(role)
        assert style == {"color": plot.COLORS[role], "linestyle": plot.LINESTYLES[role]}
        Line2D([], [], **style)  # matplotlib accepts both


def test_style_line_returns_a_fresh_dict_and_rejects_unknown_roles():
    plot.style_line("posterior")["linestyle"] = "-"
    assert plot.style_line("posterior")["linestyle"] == (0, (8, 2))
    with pytest.raises(ValueError, match="role"):
        plot.style_line("posteriour")


def test_roles_that_share_a_line_style_differ_in_greyscale():
    """Any two roles drawn alike must differ by MIN_LIGHTNESS_GAP in CIE L* (as the accessibility test asks)."""
    for a, b in combinations(plot.COLORS, 2):
        if _pattern(a) == _pattern(b):
            gap = abs(lightness(plot.COLORS[a]) - lightness(plot.COLORS[b]))
            assert gap >= MIN_LIGHTNESS_GAP, f"{a} and {b} share a line style and are {gap:.0f} L* apart"


def test_likelihood_and_posterior_are_told_apart_by_line_style():
    gap = abs(lightness(plot.COLORS["likelihood"]) - lightness(plot.COLORS["posterior"]))
    assert gap < MIN_LIGHTNESS_GAP  # colour alone is not enough in greyscale ...
    assert _pattern("likelihood") != _pattern("posterior")  # ... so the posterior is dashed
    assert _pattern("posterior") not in {_pattern(r) for r in plot.COLORS if r != "posterior"}


def test_a_legend_handle_shows_the_gap_of_every_dash_pattern():
    """A legend handle holds a role's whole dash period and the start of the next dash (else long dashes look solid)."""
    handle = plot.STYLE["legend.handlelength"] * plot.STYLE["legend.fontsize"]  # points
    width = plot.STYLE["lines.linewidth"]
    for role in plot.COLORS:
        _, seq = Line2D([], [], **plot.style_line(role))._unscaled_dash_pattern
        if seq is not None:
            period, first = width * sum(seq), width * seq[0]
            assert handle >= period + first / 4, f"{role}: a {handle:.0f} pt handle shows no second dash"


# --- figure set-up -----------------------------------------------------------------------------------------
@pytest.fixture
def pyplot():
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def test_panels_is_a_constrained_pyplot_figure_of_the_given_size(pyplot):
    fig, ax = plot.panels(figsize=(9.0, 3.6))
    assert isinstance(ax, Axes) and fig.axes == [ax]
    assert fig.get_size_inches().tolist() == [9.0, 3.6]
    assert isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
    assert pyplot.gcf() is fig  # pyplot's: the inline backend shows and stores it


def test_panels_lays_out_a_row_or_a_grid_like_plt_subplots(pyplot):
    fig, row = plot.panels(3, figsize=(12.0, 3.9), sharey=True, gridspec_kw={"width_ratios": [1, 1, 0.8]})
    assert isinstance(row, np.ndarray) and row.shape == (3,)
    assert row[0].get_shared_y_axes().joined(row[0], row[2])
    widths = [ax.get_position().width for ax in row]  # the gridspec reached the subplots
    assert widths[2] < widths[0]
    _, grid = plot.panels(2, 2, figsize=(11.0, 7.6))
    assert grid.shape == (2, 2)  # nrows comes second, as in live_figure(ncols, nrows)
    _, column = plot.panels(1, 3, figsize=(4.0, 9.0))
    assert column.shape == (3,) and column[0].get_position().y0 > column[2].get_position().y0


def test_panels_draws_the_same_pixels_as_the_call_it_replaces(pyplot):
    """The notebooks swapped plt.subplots(1, n, figsize=..., layout="constrained") for panels(n, ...)."""

    def pixels(fig, axes):
        for ax in axes:
            ax.plot([0, 1], [1, 0], label="line")
            plot.label_axes(ax, "x (units)", "y (units)", "a title")
            ax.legend(loc="upper right")
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    plot.use_style()
    before = pixels(*pyplot.subplots(1, 2, figsize=(6.0, 2.5), layout="constrained"))
    after = pixels(*plot.panels(2, figsize=(6.0, 2.5)))
    assert before.shape == after.shape and np.array_equal(before, after)


def test_live_figure_gives_one_axes_or_an_array_outside_pyplot(pyplot):
    fig, ax = plot.live_figure(1, width_px=400, height_px=200)
    assert isinstance(ax, Axes) and isinstance(fig.canvas, FigureCanvasAgg)
    assert fig.get_size_inches().tolist() == [4.0, 2.0]
    assert fig not in map(pyplot.figure, pyplot.get_fignums())  # nothing displays it twice
    _, axes = plot.live_figure(3, width_px=900, height_px=340)
    assert isinstance(axes, np.ndarray) and axes.shape == (3,)
