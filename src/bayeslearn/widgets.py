"""Live figures under sliders: build the figure once, repaint only what moves.

A notebook builds a figure with :func:`bayeslearn.plotting.live_figure`, draws its
artists, and writes one function ``update(**values)`` that moves them and returns the
numbers to show. :class:`LiveFigure` does the rest: it wires the sliders, and on every
change restores the saved background (axes, ticks, static curves), redraws only the
changed ("animated") artists, and pushes a PNG into a ``widgets.Image``. That costs about
10 ms a frame where rebuilding the figure costs over 100 ms, so the estimate moves as
the hand moves.

If an update changes something static (an axis limit), the background is captured again
automatically; call :meth:`LiveFigure.invalidate` after any other static change.

The concept of this module: the live figure, used in every notebook (01 to 08). The sliders
it is driven by are defined in :mod:`bayeslearn.sliders` and re-exported here, so a notebook
imports both from :mod:`bayeslearn.widgets`.
"""

from __future__ import annotations

import html
import io
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import anywidget
import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from traitlets import Unicode

from .i18n import tr
from .plotting import format_number
from .sliders import (
    int_slider,
    log_slider,
    prior_strength_slider,
    probability_slider,
    sample_size_slider,
    sample_sizes,
    seed_slider,
)

__all__ = [
    "LiveFigure",
    "int_slider",
    "log_slider",
    "prior_strength_slider",
    "probability_slider",
    "sample_size_slider",
    "sample_sizes",
    "seed_slider",
]


class _NamedImage(widgets.Image):
    """An ``Image`` whose ``tooltip`` reaches the browser as the ``<img>``'s ``title``.

    A screen reader announces an image with no ``alt`` by its ``title``. ipywidgets 8's front
    end sets ``title`` from ``tooltip`` only when the model's ``description`` is empty, and
    reads ``description.length`` unguarded: on a plain ``Image`` (no description) a tooltip
    breaks the view (jupyter-widgets/ipywidgets#3921). Syncing an empty description fixes both.
    """

    description = Unicode("", help="Always empty: lets the front end show the tooltip as the image's title.").tag(
        sync=True
    )


# Arrow keys, Page Up/Down and Home/End on a focused slider are the slider's. JupyterLab and
# Notebook 7 run their key bindings through Lumino's CommandRegistry, which leaves alone any
# key whose target (or an ancestor) has the attribute ``data-lm-suppress-shortcuts``: the way
# JupyterLab's extension guide ("Keyboard interaction model") gives for outputs that handle
# their own keys. Notebook 7 listens in the capture phase, before the slider sees the key,
# and binds ArrowLeft/ArrowRight to its own commands; JupyterLab listens later. The attribute
# goes on the focused element for one navigation key press only, from a window listener in
# the capture phase (it runs before any document listener), so every other shortcut
# (Shift+Enter, Ctrl+S, Esc) still reaches the application while a slider has focus.
_SLIDER_KEYS_ESM = """
const KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown",
                      "PageUp", "PageDown", "Home", "End"]);
const SUPPRESS = "data-lm-suppress-shortcuts";

function leaveKeyToSlider(event) {
  if (!KEYS.has(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (!(target instanceof Element) || target.hasAttribute(SUPPRESS)
      || !target.closest(".bayeslearn-live .widget-slider")) return;
  target.setAttribute(SUPPRESS, "true");
  setTimeout(() => target.removeAttribute(SUPPRESS), 0);
}

export default {
  render({ el }) {
    el.classList.add("bayeslearn-slider-keys");
    if (!window.__bayeslearnSliderKeys) {
      window.addEventListener("keydown", leaveKeyToSlider, true);
      window.__bayeslearnSliderKeys = true;
    }
  },
};
"""


class _SliderKeys(anywidget.AnyWidget):
    """Invisible: makes the application leave navigation keys to a focused LiveFigure slider."""

    _esm = Unicode(_SLIDER_KEYS_ESM).tag(sync=True)


class LiveFigure(widgets.VBox):
    """A matplotlib figure under sliders, repainted in place by blitting.

    Used in: notebook 01, section 9; notebook 02, section 8; notebook 03, section 10;
    notebook 04, section 9; notebook 05, section 7; notebook 06, section 8;
    notebook 07, section 8; notebook 08, section 7

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure with an Agg canvas, e.g. from :func:`bayeslearn.plotting.live_figure`.
        It is drawn once in full; afterwards only ``animated`` artists are repainted.
    update : callable
        ``update(**values)`` receives every control's value by keyword, moves the artists
        (``set_data``, ``set_xdata``, ``set_text``, ``set_height`` ...) and returns a mapping
        of readout labels to numbers (or strings), shown beside the figure.
    controls : mapping of str to widget
        The sliders, keyed by the keyword ``update`` receives.
    animated : iterable of Artist
        Every artist that ``update`` changes. Anything else is painted once into the
        background.
    title : str, optional
        A heading shown above the controls; it also begins the image's accessible name,
        which goes on with the panels' titles (see :attr:`alt_text`).

    Attributes
    ----------
    controls : dict
        The sliders; set ``live.controls["n"].value = 100`` to drive the widget in a test.
    image : ipywidgets.Image
        The rendered PNG (``image.value`` holds its bytes); its ``tooltip`` is
        :attr:`alt_text`, which the browser shows as the ``<img>``'s ``title`` and a screen
        reader reads as its name.
    readout : dict
        The numbers of the last update, as ``update`` returned them.
    render_ms : list of float
        Milliseconds of every render so far (update + repaint + PNG).
    """

    def __init__(
        self,
        fig: Figure,
        update: Callable[..., Mapping[str, float | str] | None],
        controls: Mapping[str, widgets.ValueWidget],
        animated: Iterable[Artist],
        title: str | None = None,
    ) -> None:
        if not isinstance(fig.canvas, FigureCanvasAgg):
            raise TypeError("fig must have an Agg canvas (plotting.live_figure makes one), "
                            f"got {type(fig.canvas).__name__}")
        self.fig = fig
        self._canvas: FigureCanvasAgg = fig.canvas
        self._update = update
        self.controls = dict(controls)
        self.animated = list(animated)
        for artist in self.animated:
            artist.set_animated(True)
        self.readout: dict[str, float | str] = {}
        self.render_ms: list[float] = []
        self._background: Any = None  # an Agg BufferRegion, opaque
        self._limits: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = ()
        self._title = title
        width, height = (int(round(d)) for d in fig.get_size_inches() * fig.dpi)
        # The img's width and height attributes give its aspect ratio; ipywidgets' own CSS
        # (max-width: 100%, height: auto) scales it down, never up, where the output area
        # is narrower than the figure. The readout wraps below the figure when both do not
        # fit side by side.
        self.image = _NamedImage(format="png", width=str(width), height=str(height),
                                 layout={"flex": "0 1 auto", "min_width": "0"})
        self._readout_html = widgets.HTML(layout={"min_width": "13em", "margin": "0 1em"})
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        children = []
        if title:
            children.append(widgets.HTML(f"<b>{html.escape(title)}</b>"))
        row = widgets.HBox([self.image, self._readout_html],
                           layout={"flex_flow": "row wrap", "align_items": "flex-start"})
        children += [widgets.VBox(list(self.controls.values())), row,
                     _SliderKeys(layout={"display": "none"})]
        super().__init__(children)
        self.add_class("bayeslearn-live")
        self.render()

    # --- public -----------------------------------------------------------------
    @property
    def values(self) -> dict[str, object]:
        """The current value of every control, by keyword."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def alt_text(self) -> str:
        """The image's accessible name: the title, then the panels' titles as they are now.

        E.g. ``"Coin flips — panels: likelihood; θ̂ across repeats"``; ``"Live figure"`` if
        nothing has a title.
        """
        suptitle = getattr(self.fig, "_suptitle", None)
        heading = (self._title or (suptitle.get_text().strip() if suptitle is not None else "")
                   or tr("Live figure"))
        panels = [" ".join(t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t.strip())
                  for ax in self.fig.axes]
        panels = [p for p in panels if p]
        return tr("{heading} — panels: {panels}", heading=heading, panels="; ".join(panels)) if panels else heading

    def invalidate(self) -> None:
        """Forget the saved background: the next render draws the whole figure again."""
        self._background = None

    def render(self) -> float:
        """Run ``update`` with the current values, repaint and publish; return milliseconds."""
        start = time.perf_counter()
        readout = self._update(**self.values)
        self.readout = dict(readout or {})
        limits = self._axis_limits()
        if self._background is None or limits != self._limits:
            self._draw_background()
            self._limits = limits
        self._canvas.restore_region(self._background)
        for artist in self.animated:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        self.image.value = self._png()
        self.image.tooltip = self.alt_text  # synced only when a title changed
        self._readout_html.value = self._readout_table()
        elapsed = (time.perf_counter() - start) * 1e3
        self.render_ms.append(elapsed)
        return elapsed

    def __repr__(self) -> str:
        return f"LiveFigure(controls={list(self.controls)})"

    def png(self) -> bytes:
        """The bytes of the PNG currently shown."""
        return bytes(self.image.value)

    # --- internals ----------------------------------------------------------------
    def _on_change(self, change: Mapping[str, object]) -> None:
        self.render()

    def _axis_limits(self) -> tuple[tuple[tuple[float, float], tuple[float, float]], ...]:
        return tuple((ax.get_xlim(), ax.get_ylim()) for ax in self.fig.axes)

    def _draw_background(self) -> None:
        self._canvas.draw()  # animated artists are skipped by a normal draw
        self._background = self._canvas.copy_from_bbox(self.fig.bbox)

    def _png(self) -> bytes:
        buffer = io.BytesIO()
        rgba = np.asarray(self._canvas.buffer_rgba())
        Image.fromarray(rgba[..., :3]).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def _readout_table(self) -> str:
        rows = "".join(
            f"<tr><td style='padding-right:0.8em'>{html.escape(str(label))}</td>"
            f"<td style='text-align:right;font-family:monospace'>"
            f"{html.escape(value if isinstance(value, str) else format_number(value))}</td></tr>"
            for label, value in self.readout.items()
        )
        return f"<table class='bayeslearn-readout' aria-live='polite'>{rows}</table>"
