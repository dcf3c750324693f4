"""The slider factories and LiveFigure: ranges, validation, and repaint-in-place behaviour."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from bayeslearn import plotting as plot
from bayeslearn import widgets as w


# --- sample sizes and slider factories --------------------------------------------------------------------
@pytest.mark.parametrize("maximum", [1, 7, 100, 1_000, 10_000, 1_000_000])
def test_sample_sizes_start_at_zero_rise_strictly_and_end_at_the_maximum(maximum):
    sizes = w.sample_sizes(maximum)
    assert sizes[0] == 0 and sizes[-1] == maximum
    assert all(isinstance(s, int) for s in sizes)
    assert np.all(np.diff(sizes) > 0)
    # log-like: no step more than doubles n, and there are at most six steps a decade
    positive = np.array(sizes[1:], dtype=float)
    assert np.all(positive[1:] / positive[:-1] <= 2.0)
    assert len(sizes) <= 1 + 6 * (int(np.log10(maximum)) + 1)


def test_sample_size_slider_values_are_the_sizes():
    slider = w.sample_size_slider(value=20, maximum=1_000, description="n (tosses)")
    assert list(slider.options) == w.sample_sizes(1_000)
    assert slider.value == 20 and slider.description == "n (tosses)"
    with pytest.raises(ValueError, match="value"):
        w.sample_size_slider(value=21, maximum=1_000)


def test_log_slider_covers_its_bounds_on_a_log_scale():
    slider = w.log_slider(1.0, 0.01, 100.0, "prior σ", steps_per_decade=4)
    assert slider.base == 10.0 and slider.min == pytest.approx(-2) and slider.max == pytest.approx(2)
    assert slider.step == pytest.approx(0.25)
    for bad in [(0.0, 0.0, 1.0), (5.0, 0.1, 1.0), (0.05, 0.1, 1.0), (1.0, -1.0, 2.0)]:
        with pytest.raises(ValueError, match="minimum"):
            w.log_slider(*bad, "x")


def test_probability_slider_stays_inside_zero_one():
    slider = w.probability_slider(0.3, "true θ", minimum=0.0, maximum=1.0)
    assert (slider.min, slider.max, slider.value) == (0.0, 1.0, 0.3)
    for bad in [dict(value=1.2), dict(value=0.5, minimum=-0.1), dict(value=0.5, maximum=1.5)]:
        with pytest.raises(ValueError, match="value must satisfy"):
            w.probability_slider(**bad)


def test_int_slider_and_seed_slider():
    slider = w.int_slider(value=-2, minimum=-5, maximum=5, description="shift")
    assert (slider.min, slider.max, slider.value, slider.step) == (-5, 5, -2, 1)
    assert w.seed_slider(value=3, maximum=9).max == 9
    with pytest.raises(ValueError, match="minimum <= value <= maximum"):
        w.int_slider(value=6, minimum=0, maximum=5, description="x")
    with pytest.raises(ValueError, match="maximum"):
        w.int_slider(value=0, minimum=0, maximum=2.5, description="x")
    with pytest.raises(TypeError, match="value"):
        w.int_slider(value="3", minimum=0, maximum=5, description="x")


def test_every_factory_labels_its_slider_for_screen_readers():
    sliders = [
        w.sample_size_slider(description="training points n"),
        w.log_slider(1.0, 0.1, 10.0, "prior σ (weight units)"),
        w.prior_strength_slider(),
        w.probability_slider(),
        w.int_slider(value=1, minimum=0, maximum=3, description="degree d"),
        w.seed_slider(),
    ]
    for slider in sliders:
        assert slider.description.strip() and slider.tooltip == slider.description
        assert slider.continuous_update


# --- LiveFigure ------------------------------------------------------------------------------------------------
def _live(**kwargs):
    fig, ax = plot.live_figure(1, width_px=400, height_px=200)
    x = np.linspace(0.0, 1.0, 50)
    (line,) = ax.plot(x, np.zeros_like(x))
    ax.set(xlim=(0, 1), ylim=(-1, 1), title="a line", xlabel="x", ylabel="y")
    calls = []

    def update(slope, n):
        calls.append((slope, n))
        line.set_ydata(slope * x)
        if kwargs.get("grow") and slope > 1:
            ax.set_ylim(-slope, slope)
        return {"slope": slope, "n": n, "note": "none" if n == 0 else f"{n} points"}

    controls = {"slope": w.log_slider(0.5, 0.1, 4.0, "slope"), "n": w.sample_size_slider(value=10, maximum=100)}
    return w.LiveFigure(fig, update, controls, animated=[line], title="demo"), line, calls


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_live_figure_renders_once_at_build_and_on_every_change():
    live, line, calls = _live()
    assert calls == [(0.5, 10)]
    assert line.get_animated()
    first = _pixels(live.png())
    assert first.shape == (200, 400, 3)
    live.controls["slope"].value = 0.9
    live.controls["n"].value = 0
    assert calls[-1] == (0.9, 0)
    assert live.readout == {"slope": 0.9, "n": 0, "note": "none"}
    assert not np.array_equal(first, _pixels(live.png())), "moving the slider did not change the picture"
    assert len(live.render_ms) == 3 and all(ms > 0 for ms in live.render_ms)
    assert "none" in live._readout_html.value and "aria-live" in live._readout_html.value


def test_live_figure_fits_narrow_output_areas_and_keeps_its_slider_keys():
    """The layout the browser tests rely on (tests/browser): an image that may shrink with its
    aspect ratio, a figure row that wraps the readout below, sliders no wider than their box,
    and the invisible helper that leaves navigation keys to a focused slider."""
    live, _, _ = _live()
    assert "bayeslearn-live" in live._dom_classes
    assert (live.image.width, live.image.height) == ("400", "200")  # attributes, not a fixed CSS size
    assert live.image.layout.width is None and live.image.layout.height is None
    row = next(c for c in live.children if live.image in getattr(c, "children", ()))
    assert row.layout.flex_flow == "row wrap" and live._readout_html in row.children
    assert all(c.layout.max_width == "100%" for c in live.controls.values())
    helpers = [c for c in live.children if isinstance(c, w._SliderKeys)]
    assert len(helpers) == 1 and helpers[0].layout.display == "none"
    esm = helpers[0]._esm
    assert "data-lm-suppress-shortcuts" in esm and ".bayeslearn-live .widget-slider" in esm
    for key in ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"):
        assert f'"{key}"' in esm


def test_blitting_draws_the_same_pixels_as_a_full_redraw():
    live, line, _ = _live()
    live.controls["slope"].value = 0.8
    blitted = _pixels(live.png())
    line.set_animated(False)
    live.fig.canvas.draw()
    full = np.asarray(live.fig.canvas.buffer_rgba())[..., :3]
    # identical but for the few pixels where the line crosses a grid line or spine: a blitted
    # artist is painted last, on top of what a full draw would paint above it
    differ = np.any(blitted != full, axis=2)
    assert differ.mean() < 1e-3
    live.controls["slope"].value = 0.2                      # and the old line is gone
    assert np.any(np.any(_pixels(live.png()) != blitted, axis=2))


def test_an_axis_limit_change_redraws_the_background():
    live, _, _ = _live(grow=True)
    live.controls["slope"].value = 3.0
    ax = live.fig.axes[0]
    assert ax.get_ylim() == pytest.approx((-3.0, 3.0))
    assert live._limits == live._axis_limits()


def test_repr_is_short_and_names_the_controls():
    live, _, _ = _live()
    assert repr(live) == "LiveFigure(controls=['slope', 'n'])"


def test_live_figure_needs_an_agg_canvas_to_blit():
    from matplotlib.figure import Figure

    bare = Figure()  # no canvas of its own: FigureCanvasBase cannot copy or restore regions
    bare.subplots()
    with pytest.raises(TypeError, match="Agg canvas"):
        w.LiveFigure(bare, lambda: None, {}, [])
