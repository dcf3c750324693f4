"""Accessibility of every figure and widget the notebooks and their solutions show.

Each notebook in ``notebooks/`` and ``solutions/`` runs here in this process (tools/nbexec.py);
every figure is checked as the notebook shows it (at ``plt.show()`` and at the end of each
cell), and so is the figure of every :class:`~bayeslearn.widgets.LiveFigure` the notebook
leaves in its namespace, after its first render. The rules:

Titles
    Every axes that draws something (lines, patches, collections, images or text) has its own
    non-empty title (centre, left or right). A figure-level ``suptitle`` stands in for the
    panel title only when it is the one panel of its (sub)figure: in a multi-panel figure
    each panel needs its own title, so a reader can tell them apart.
Axis labels
    Every visible axes that plots data (lines, patches, collections or images) with its axis
    on has a non-empty x label and y label. A label may come from another axes in the same
    grid row (y) or column (x) that shares that axis with it (``sharey``/``sharex`` small
    multiples label the first column / the bottom row), or from ``fig.supylabel`` /
    ``fig.supxlabel``. Colorbar axes, axes that draw nothing (legend-only) and invisible axes
    are exempt; so is an axis made invisible or turned off.
Greyscale
    Lightness is CIE L* (0 black to 100 white) of the Rec. 709 / sRGB relative luminance
    Y = 0.2126 R + 0.7152 G + 0.0722 B (linearised sRGB, colour alpha-composited over the
    axes background). Within one axes:

    * two visible data lines (Line2D, unfilled patch outlines such as step histograms,
      single-colour line collections and contour sets) with the same dash pattern and the
      same marker (shape and fill) but different colours must differ by at least
      ``MIN_LIGHTNESS_GAP`` in L*. Lines of one colour and style are one series and are not
      compared with each other. Reference lines (``axhline``, ``axvline``, ``axline``) are
      compared only with reference lines of the same kind: their geometry already tells
      them from the data;
    * markers (marker-only lines and single-colour scatters) likewise, by marker shape and fill;
    * filled areas that appear in a legend (bars, filled histograms, ``fill_between``: their
      label or their container's label does not start with ``_``) with the same hatch but
      different colours must differ by ``MIN_LIGHTNESS_GAP``; spans (``axvspan``,
      ``axhspan``) only with spans of the same orientation. An unlabelled fill (a band around
      a curve, bars named by their tick labels) is identified by something other than its
      colour and is not compared. Colour-mapped artists are not checked.

    Any two different dash patterns count as different styles, however alike they look.

    ``MIN_LIGHTNESS_GAP`` = 20 L*, a fifth of the black-to-white range. The house palette's L*:
    black 0, blue 46, grey 53, vermillion 54, bluish green 58, reddish purple 61, sky blue 70,
    orange 71. So colour alone tells black from every other colour and blue from sky blue and
    orange; every other pair needs a different line style, marker or hatch.
Widgets
    Every interactive widget (sliders, dropdowns, buttons, ...) in each LiveFigure and in the
    namespace has a non-empty ``description``, the label a screen reader announces; every
    ``Image`` has an accessible name (a non-empty ``tooltip``, which the front end renders
    as the ``<img>``'s ``title`` because the widget syncs an empty ``description``).

Runtime: it executes every notebook: 13 s for notebooks 00-06 and solutions 01-05 on a quiet
2-core machine (25 s under load), 7 s of it for 00-04 and their solutions.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import ipywidgets as widgets
import matplotlib.colors as mcolors
import numpy as np
import pytest
from _greyscale import MIN_LIGHTNESS_GAP, dash_pattern, lightness
from matplotlib import lines
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from nbexec import exec_notebook

from bayeslearn import plotting as plot
from bayeslearn.widgets import LiveFigure

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("solutions/*.ipynb"))


# --- colour ----------------------------------------------------------------------------------------------
def _hex(color) -> str:
    return mcolors.to_hex(color, keep_alpha=mcolors.to_rgba(color)[3] < 1)


# --- naming things in messages -----------------------------------------------------------------------------
def _suptitle(fig) -> str:
    text = getattr(fig, "_suptitle", None)
    return text.get_text().strip() if text is not None else ""


def _titles(ax: Axes) -> str:
    return " ".join(t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t.strip())


def _figure_name(fig: Figure) -> str:
    names = [_suptitle(fig)] + [_titles(ax) for ax in fig.axes]
    return next((repr(n) for n in names if n), "an untitled figure")


def _axes_name(ax: Axes) -> str:
    title = _titles(ax)
    if title:
        return f"axes {title!r}"
    spec = ax.get_subplotspec()
    where = f"row {spec.rowspan.start}, column {spec.colspan.start}" if spec else "added by add_axes"
    return f"untitled axes ({where})"


def _label(artist) -> str:
    return str(artist.get_label() or "_")


# --- what an axes holds ----------------------------------------------------------------------------------------
def _is_colorbar(ax: Axes) -> bool:
    return hasattr(ax, "_colorbar")


def _plots_data(ax: Axes) -> bool:
    artists = [*ax.lines, *ax.collections, *ax.patches, *ax.images, *ax.tables]
    return any(a.get_visible() for a in artists)


def _draws_something(ax: Axes) -> bool:
    return _plots_data(ax) or any(t.get_visible() and t.get_text().strip() for t in ax.texts)


def _owner(ax: Axes):
    """The (sub)figure that holds ``ax``: the one whose suptitle and supxlabel speak for it."""
    return ax.figure  # a SubFigure for axes in a subfigure


def _content_axes(fig: Figure) -> list[Axes]:
    return [ax for ax in fig.axes if ax.get_visible() and not _is_colorbar(ax) and _draws_something(ax)]


# --- titles ------------------------------------------------------------------------------------------------------
def title_problems(fig: Figure) -> list[str]:
    """Every axes that draws something has a title; a suptitle covers a lone panel."""
    problems = []
    axes = _content_axes(fig)
    for ax in axes:
        if _titles(ax):
            continue
        owner = _owner(ax)
        siblings = [other for other in axes if _owner(other) is owner]
        if _suptitle(owner) and len(siblings) == 1:
            continue
        problems.append(f"{_axes_name(ax)} has no title" + (" (the suptitle covers only a figure of one panel)"
                                                            if _suptitle(owner) else ""))
    return problems


# --- axis labels ----------------------------------------------------------------------------------------------
def _same_band(ax: Axes, other: Axes, which: str) -> bool:
    """``other`` sits in the same grid row (which='y') or column (which='x') as ``ax``."""
    a, b = ax.get_subplotspec(), other.get_subplotspec()
    if a is None or b is None or a.get_gridspec() is not b.get_gridspec():
        return False
    return (a.rowspan == b.rowspan) if which == "y" else (a.colspan == b.colspan)


def _axis_labelled(ax: Axes, which: str) -> bool:
    axis = ax.xaxis if which == "x" else ax.yaxis
    if axis.get_label_text().strip():
        return True
    sup = getattr(_owner(ax), "_supxlabel" if which == "x" else "_supylabel", None)
    if sup is not None and sup.get_text().strip():
        return True
    shared = ax.get_shared_x_axes() if which == "x" else ax.get_shared_y_axes()
    return any(
        other is not ax and shared.joined(ax, other) and _same_band(ax, other, which)
        and (other.xaxis if which == "x" else other.yaxis).get_label_text().strip()
        for other in ax.figure.axes
    )


def label_problems(fig: Figure) -> list[str]:
    """Every visible axes that plots data has x and y labels (or shares a labelled axis in its row/column)."""
    problems = []
    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison or _is_colorbar(ax) or not _plots_data(ax):
            continue
        for which, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            if axis.get_visible() and not _axis_labelled(ax, which):
                problems.append(f"{_axes_name(ax)} has no {which} label")
    return problems


# --- greyscale --------------------------------------------------------------------------------------------------
def _marker_shape(marker) -> tuple | None:
    style = marker if isinstance(marker, MarkerStyle) else MarkerStyle(marker)
    if style.get_marker() in (None, "None", "none", "", " "):
        return None
    path = style.get_path().transformed(style.get_transform())
    return tuple(np.round(path.vertices, 3).ravel().tolist())


def _path_shape(path) -> tuple:
    return tuple(np.round(path.vertices, 3).ravel().tolist())


#: ``ax.axline``'s artist class: public as AxLine from matplotlib 3.8, _AxLine before (3.7).
AXLINE = getattr(lines, "AxLine", None) or lines._AxLine


def _is_none(color) -> bool:
    return isinstance(color, str) and color.lower() == "none"


def _reference_kind(ax: Axes, artist) -> str | None:
    """'horizontal' / 'vertical' for axhline/axhspan and axvline/axvspan, 'axline', or None."""
    if isinstance(artist, AXLINE):
        return "axline"
    transform = artist.get_data_transform() if hasattr(artist, "get_data_transform") else artist.get_transform()
    if transform is ax.get_yaxis_transform(which="grid"):
        return "horizontal"
    if transform is ax.get_xaxis_transform(which="grid"):
        return "vertical"
    return None


def _single(colors) -> object | None:
    """The one colour of a collection, or None if it has none or several (colour-mapped)."""
    colors = np.atleast_2d(colors)
    if len(colors) == 0 or not np.all(colors == colors[0]):
        return None
    return tuple(colors[0])


def _marks(ax: Axes) -> list[tuple[str, tuple, object, str]]:
    """(group, style key, colour, name) for every mark in ``ax`` that colour might identify.

    group is 'line:<reference kind>', 'marker' or 'fill'; marks are compared only within a
    group and style key.
    """
    marks = []
    for line in ax.lines:
        n = len(np.atleast_1d(line.get_xdata()))
        has_line = line.get_linestyle() not in ("None", "none", "", " ") and n >= 2
        shape = _marker_shape(line.get_marker())
        if not line.get_visible() or (not has_line and (shape is None or n == 0)):
            continue
        if has_line:
            key = (dash_pattern(line._unscaled_dash_pattern), shape, line.get_fillstyle() if shape else None)
            color = mcolors.to_rgba(line.get_color(), line.get_alpha())
            marks.append((f"line:{_reference_kind(ax, line)}", key, color, _label(line)))
        else:
            face = line.get_markerfacecolor()
            hollow = _is_none(face)
            color = mcolors.to_rgba(line.get_markeredgecolor() if hollow else face, line.get_alpha())
            marks.append(("marker", (shape, hollow), color, _label(line)))
    container_label = {id(p): _label(c) for c in ax.containers for p in c if hasattr(p, "get_facecolor")}
    for patch in ax.patches:
        if not patch.get_visible():
            continue
        face = mcolors.to_rgba(patch.get_facecolor())
        filled = patch.get_fill() and face[3] > 0
        kind = _reference_kind(ax, patch)
        if filled:
            name = _label(patch)
            if name.startswith("_"):
                name = container_label.get(id(patch), name)
            marks.append((f"fill:{kind}", (patch.get_hatch() or "",), face, name))
        elif mcolors.to_rgba(patch.get_edgecolor())[3] > 0 and patch.get_linewidth() > 0:
            marks.append((f"line:{kind}", (dash_pattern(patch._unscaled_dash_pattern), None, None),
                          patch.get_edgecolor(), _label(patch)))
    for coll in ax.collections:
        if not coll.get_visible():
            continue
        dashes = getattr(coll, "_us_linestyles", None) or [(0, None)]
        if isinstance(coll, PathCollection):
            face, edge = _single(coll.get_facecolor()), _single(coll.get_edgecolor())
            color = face if face is not None and face[3] > 0 else edge
            if color is not None and coll.get_array() is None:
                marks.append(("marker", (_path_shape(coll.get_paths()[0]) if coll.get_paths() else None,
                                         face is None or face[3] == 0), color, _label(coll)))
        elif isinstance(coll, ContourSet) and getattr(coll, "filled", False):
            continue  # colour-mapped by construction
        elif isinstance(coll, (LineCollection, ContourSet)):
            color = _single(coll.get_edgecolor())
            if color is not None and len(set(dash_pattern(d) for d in dashes)) == 1:
                marks.append((f"line:{_reference_kind(ax, coll)}", (dash_pattern(dashes[0]), None, None), color,
                              _label(coll)))
        elif isinstance(coll, PolyCollection):
            face = _single(coll.get_facecolor())
            if face is not None and face[3] > 0 and coll.get_array() is None:
                marks.append(("fill:None", (coll.get_hatch() or "",), face, _label(coll)))
            elif face is None or face[3] == 0:
                edge = _single(coll.get_edgecolor())
                if edge is not None and edge[3] > 0:
                    marks.append(("line:None", (dash_pattern(dashes[0]), None, None), edge, _label(coll)))
    return marks


def greyscale_problems(fig: Figure) -> list[str]:
    """Marks of one axes that only colour tells apart must differ in lightness by MIN_LIGHTNESS_GAP."""
    problems = []
    for ax in fig.axes:
        if not ax.get_visible() or _is_colorbar(ax):
            continue
        background = ax.get_facecolor()
        marks = _marks(ax)
        # a fill only needs telling apart if a legend names it; merge a series' members first
        series: dict[tuple, list[str]] = {}
        for group, key, color, name in marks:
            series.setdefault((group, key, tuple(np.round(mcolors.to_rgba(color), 4))), []).append(name)
        entries = []
        for (group, key, color), names in series.items():
            shown = [n for n in names if not n.startswith("_")]
            if group.startswith("fill") and not shown:
                continue
            entries.append((group, key, color, shown[0] if shown else names[0]))
        seen = set()
        for (g1, k1, c1, n1), (g2, k2, c2, n2) in combinations(entries, 2):
            if g1 != g2 or k1 != k2 or c1 == c2:
                continue
            gap = abs(lightness(c1, background) - lightness(c2, background))
            pair = tuple(sorted((n1, n2)))
            if gap < MIN_LIGHTNESS_GAP and pair not in seen:
                seen.add(pair)
                what = {"line": "lines", "marker": "markers", "fill": "filled areas"}[g1.split(":")[0]]
                problems.append(
                    f"{_axes_name(ax)}: {what} {n1!r} ({_hex(c1)}) and {n2!r} ({_hex(c2)}) differ only by colour, "
                    f"and in greyscale by {gap:.0f} L* (< {MIN_LIGHTNESS_GAP:.0f}): give one another "
                    f"{'hatch' if what == 'filled areas' else 'line style or marker'}"
                )
    return problems


def figure_problems(fig: Figure) -> list[str]:
    return title_problems(fig) + label_problems(fig) + greyscale_problems(fig)


# --- widgets --------------------------------------------------------------------------------------------------
_DISPLAY_ONLY = (widgets.Label, widgets.HTML, widgets.HTMLMath, widgets.Image, widgets.Valid)


def _walk(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def image_problems(image: widgets.Image) -> list[str]:
    problems = []
    if not (image.tooltip or "").strip():
        problems.append("an Image has no accessible name (empty tooltip)")
    elif image.get_state().get("description", None) != "":
        problems.append("an Image's tooltip cannot reach the browser: it does not sync an empty description")
    return problems


def widget_problems(root: widgets.Widget) -> list[str]:
    """Interactive widgets have descriptions; images have accessible names."""
    problems = []
    for widget in _walk(root):
        if isinstance(widget, widgets.Image):
            problems += image_problems(widget)
        elif isinstance(widget, (widgets.ValueWidget, widgets.Button)) and not isinstance(widget, _DISPLAY_ONLY):
            if not (getattr(widget, "description", "") or "").strip():
                problems.append(f"a {type(widget).__name__} (value {widget.get_state().get('value')!r}) "
                                "has no description for a screen reader")
    return problems


def live_problems(live: LiveFigure) -> list[str]:
    problems = figure_problems(live.fig) + widget_problems(live)
    for key, control in live.controls.items():
        if not (control.description or "").strip():
            problems.append(f"control {key!r} has no description")
    return problems


# --- the notebooks ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
def test_every_figure_and_widget_is_accessible(path: Path) -> None:
    """Titles, axis labels, greyscale-safe colours and screen-reader labels, figure by figure."""
    problems: list[str] = []
    shown = []

    def on_show(figures: list[Figure], cell: int) -> None:
        for fig in figures:
            shown.append(fig)
            problems.extend(f"cell {cell}, figure {_figure_name(fig)}: {p}" for p in figure_problems(fig))

    namespace = exec_notebook(path, on_show=on_show)
    lives = 0
    for name, value in namespace.items():
        if isinstance(value, LiveFigure):
            lives += 1
            problems.extend(f"LiveFigure {name!r}: {p}" for p in live_problems(value))
        elif isinstance(value, widgets.Widget) and not name.startswith("_"):
            problems.extend(f"widget {name!r}: {p}" for p in widget_problems(value))
    if path.parent.name == "notebooks":  # every lesson shows figures; a solution may not
        assert shown or lives, f"{path.name}: no figure reached the check"
    assert not problems, f"{path.parent.name}/{path.name}: {len(problems)} accessibility problems\n" + "\n".join(
        problems
    )


# --- the checks themselves can fail ------------------------------------------------------------------------
@pytest.fixture
def fig():
    return Figure(figsize=(6, 3))


def test_lightness_runs_from_black_to_white_through_the_house_palette():
    assert lightness("black") == pytest.approx(0) and lightness("white") == pytest.approx(100)
    assert lightness("#777777") == pytest.approx(50, abs=0.5)
    assert lightness((0, 0, 0, 0.0)) == pytest.approx(100)     # transparent over white
    assert lightness(plot.COLORS["likelihood"]) < lightness(plot.COLORS["posterior"]) < lightness(plot.COLORS["prior"])


def test_an_untitled_panel_fails_and_a_suptitle_covers_only_a_lone_panel(fig):
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot([0, 1], [0, 1])
    ax2.plot([0, 1], [1, 0])
    ax1.set_title("left")
    fig.suptitle("the figure")
    assert title_problems(fig) == ["untitled axes (row 0, column 1) has no title "
                                   "(the suptitle covers only a figure of one panel)"]
    ax2.set_title("right")
    assert title_problems(fig) == []
    lone = Figure()
    lone.add_subplot().plot([0, 1])
    assert len(title_problems(lone)) == 1
    lone.suptitle("one panel, one title")
    assert title_problems(lone) == []


def test_text_only_axes_need_a_title_but_no_labels(fig):
    ax = fig.subplots()
    ax.text(0.5, 0.5, "a map")
    ax.axis("off")
    assert title_problems(fig) == ["untitled axes (row 0, column 0) has no title"]
    assert label_problems(fig) == []


def test_missing_labels_fail_unless_a_shared_axis_in_the_row_or_column_has_one():
    fig = Figure()
    axes = fig.subplots(2, 2, sharey="row", sharex="col")
    for ax in axes.flat:
        ax.plot([0, 1], [0, 1])
    axes[0, 0].set_ylabel("y top")
    axes[1, 0].set_xlabel("x left")
    assert sorted(label_problems(fig)) == [
        "untitled axes (row 0, column 1) has no x label",
        "untitled axes (row 1, column 0) has no y label",
        "untitled axes (row 1, column 1) has no x label",
        "untitled axes (row 1, column 1) has no y label",
    ]
    axes[1, 1].set_xlabel("x right")
    fig.supylabel("y for every panel")
    assert label_problems(fig) == []
    unshared = Figure()
    a, b = unshared.subplots(1, 2)                       # not shared: each needs its own y label
    for ax in (a, b):
        ax.plot([0, 1], [0, 1])
        ax.set_xlabel("x")
    a.set_ylabel("y")
    assert label_problems(unshared) == ["untitled axes (row 0, column 1) has no y label"]


def test_colorbar_and_legend_only_axes_are_exempt_from_labels(fig):
    ax, legend_ax = fig.subplots(1, 2)
    image = ax.imshow(np.eye(3))
    ax.set(xlabel="x", ylabel="y", title="t")
    fig.colorbar(image, ax=ax)
    legend_ax.legend(handles=[Line2D([], [], label="a")])
    legend_ax.axis("off")
    assert label_problems(fig) == [] and title_problems(fig) == []


def test_lines_alike_but_for_colour_must_differ_in_lightness(fig):
    ax = fig.subplots()
    x = np.linspace(0, 1, 5)
    ax.plot(x, x, label="likelihood", **plot.style_line("likelihood"))
    ax.plot(x, x**2, label="posterior", color=plot.COLORS["posterior"])      # both solid: 12 L* apart
    ax.plot(x, x**3, label="prior", **plot.style_line("prior"))               # dashed: fine
    problems = greyscale_problems(fig)
    assert len(problems) == 1 and "'likelihood'" in problems[0] and "'posterior'" in problems[0]
    ax.lines[1].set_linestyle(":")
    assert greyscale_problems(fig) == []


def test_same_coloured_series_and_reference_lines_are_not_compared_with_curves(fig):
    ax = fig.subplots()
    x = np.linspace(0, 1, 5)
    for power in (1, 2, 3):                                    # one series in one colour
        ax.plot(x, x**power, color=plot.COLORS["neutral"])
    ax.axhline(0.5, color=plot.COLORS["likelihood"])          # a reference line, solid like the curves
    ax.axvline(0.5, color=plot.COLORS["posterior"])           # another kind of reference line
    assert greyscale_problems(fig) == []
    ax.axhline(0.2, color=plot.COLORS["map"])                 # two horizontal references, 8 L* apart
    assert len(greyscale_problems(fig)) == 1


def test_markers_and_step_histograms_are_checked(fig):
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot([0, 1], [0, 1], "o", color=plot.COLORS["map"])
    ax1.plot([0, 1], [1, 0], "o", color=plot.COLORS["neutral"])
    ax1.plot([0, 1], [0.5, 0.5], "x", color=plot.COLORS["approx"])          # another marker: fine
    ax1.scatter([0.2], [0.3], marker="o", color=plot.COLORS["posterior"])   # a circle again
    ax2.hist([0, 1, 1], histtype="step", color=plot.COLORS["likelihood"])
    ax2.hist([0, 0, 1], histtype="step", color=plot.COLORS["map"])
    problems = greyscale_problems(fig)
    # three circles (line markers and a scatter) within 5 L* of each other, and two step histograms
    assert sum("markers" in p for p in problems) == 3 and sum("lines" in p for p in problems) == 1, problems


def test_legend_named_fills_must_differ_unless_hatched(fig):
    ax = fig.subplots()
    ax.bar([0, 1], [1, 2], color=plot.COLORS["neutral"], label="H(p)")
    ax.bar([0, 1], [1, 1], bottom=[1, 2], color=plot.COLORS["map"], label="KL")
    ax.fill_between([0, 1], [0, 1], color=plot.COLORS["posterior"], alpha=0.2)   # unlabelled band: not compared
    problems = greyscale_problems(fig)
    assert len(problems) == 1 and "'H(p)'" in problems[0] and "'KL'" in problems[0], problems
    for bar in ax.containers[1]:
        bar.set_hatch("//")
    assert greyscale_problems(fig) == []


def test_widgets_need_descriptions_and_the_image_an_accessible_name():
    box = widgets.VBox([widgets.IntSlider(description="n"), widgets.FloatSlider(), widgets.HTML("a heading")])
    assert widget_problems(box) == ["a FloatSlider (value 0.0) has no description for a screen reader"]
    assert image_problems(widgets.Image()) == ["an Image has no accessible name (empty tooltip)"]
    assert "does not sync an empty description" in image_problems(widgets.Image(tooltip="a plot"))[0]
