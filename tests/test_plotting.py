"""The house style's table of roles: a colour and a line style each, distinct in greyscale."""

from __future__ import annotations

from itertools import combinations

import pytest
from _greyscale import MIN_LIGHTNESS_GAP, dash_pattern, lightness
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
