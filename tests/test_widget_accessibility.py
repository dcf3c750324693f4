"""LiveFigure's image has an accessible name that reaches the browser.

A screen reader announces an ``<img>`` without ``alt`` by its ``title``; ipywidgets renders an
Image's ``tooltip`` as that ``title`` only if the model syncs an empty ``description`` (a plain
``Image`` with a tooltip fails to render in ipywidgets 8: jupyter-widgets/ipywidgets#3921).
"""

from __future__ import annotations

import ipywidgets as widgets

from bayeslearn import plotting as plot
from bayeslearn.widgets import LiveFigure, log_slider


def test_live_figure_image_is_named_from_its_title_and_panels():
    figure, (ax1, ax2) = plot.live_figure(2, width_px=300, height_px=150)
    (line,) = ax1.plot([0, 1], [0, 1])
    ax2.bar([0], [1])
    ax1.set(title="likelihood", xlabel="θ", ylabel="L")
    ax2.set(title="repeats", xlabel="θ̂", ylabel="count")

    def update(slope):
        line.set_ydata([0, slope])
        ax2.set_title(f"repeats at slope {slope:.1f}")

    live = LiveFigure(figure, update, {"slope": log_slider(1.0, 0.1, 10.0, "slope")}, [line, ax2.title], title="Demo")
    assert live.image.tooltip == "Demo — panels: likelihood; repeats at slope 1.0"
    state = live.image.get_state()
    assert state["description"] == "" and state["tooltip"] == live.image.tooltip
    live.controls["slope"].value = 2.0                 # the name follows the titles
    assert live.image.tooltip.endswith("repeats at slope 2.0")
    bare, _ = plot.live_figure(1, width_px=200, height_px=100)
    untitled = LiveFigure(bare, lambda: None, {}, [])
    assert untitled.image.tooltip == "Live figure"


def test_a_plain_image_does_not_sync_the_description_the_front_end_needs():
    assert "description" not in widgets.Image(tooltip="x").get_state()
