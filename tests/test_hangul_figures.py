"""Hangul in the figures: the house style falls back from DejaVu Sans to an installed Korean font.

DejaVu Sans (matplotlib's default) has no Hangul: a Korean label would be drawn as empty boxes,
with a "Glyph ... missing from font(s)" warning. bayeslearn.plotting lists DejaVu Sans and then
the installed Korean families (make installs fonts-nanum), so Latin letters, digits and the
minus sign keep DejaVu and Hangul comes from the Korean font. The stored outputs of the Korean
notebooks must not hold a font warning either.
"""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font

from bayeslearn import plotting

ROOT = Path(__file__).parent.parent
#: The Korean twin of every English notebook and solution (tests/test_korean_edition.py checks they exist).
KOREAN_NOTEBOOKS = [p.parent / "ko" / p.name for d in ("notebooks", "solutions")
                    for p in sorted((ROOT / d).glob("[0-9][0-9]_*.ipynb"))]
#: What matplotlib logs or warns when a glyph is missing: text ("Glyph ... missing from font"),
#: mathtext ("Font 'default' does not have a glyph": a Hangul letter inside a $...$ label, where
#: no font fallback happens), or a font not found.
FONT_TROUBLE = ("missing from font", "does not have a glyph", "findfont")


def draws_hangul(path: str) -> bool:
    """Whether the font file at ``path`` has a glyph for 가."""
    return FT2Font(path).get_char_index(ord("가")) != 0


def render(title: str, family: list[str] | None = None, korean_ticks: bool = True,
           weight: str = "normal") -> np.ndarray:
    """The RGB pixels of a small figure with ``title``, negative ticks and (optionally) Korean tick labels."""
    style = dict(plotting.STYLE)
    if family is not None:
        style["font.family"] = family
    with mpl.rc_context(style):
        fig = Figure(figsize=(4, 2.5), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.subplots()
        ax.plot([-3, 0, 3], [-1, 0, 1])
        ax.set_title(title, fontweight=weight)
        if korean_ticks:
            ax.set_xticks([-2, 0, 2], ["−2 (왼쪽)", "0", "2 (오른쪽)"])
            ax.set_xlabel("사후확률 θ")
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def test_the_style_lists_dejavu_first_then_only_installed_korean_fonts():
    family = plotting.STYLE["font.family"]
    assert family[0] == "DejaVu Sans"
    assert len(family) >= 2, "no Korean font installed: make installs fonts-nanum"
    assert all(name in plotting.HANGUL_FONTS for name in family[1:])
    for name in family:  # each one is found as itself, not replaced by a default
        font_manager.findfont(name, fallback_to_default=False)
    korean = font_manager.findfont(font_manager.FontProperties(family=family[1]), fallback_to_default=False)
    assert draws_hangul(korean), korean
    assert not draws_hangul(font_manager.findfont("DejaVu Sans"))


def test_a_korean_figure_draws_without_a_missing_glyph_or_findfont_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="matplotlib"), warnings.catch_warnings():
        warnings.simplefilter("error")
        pixels = render("가능도와 사전확률 (−1 < θ)")
        render("∞ 1.25 굵은 글씨", weight="bold")  # bold falls back too (notebook 02's bar labels)
    assert [r.getMessage() for r in caplog.records if "font" in r.getMessage()] == []
    assert (pixels < 128).any()


def test_hangul_draws_as_glyphs_not_as_the_boxes_of_dejavu_alone():
    korean = render("가능도 사후확률")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DejaVu alone warns about the missing glyphs: that is the point
        boxes = render("가능도 사후확률", family=["DejaVu Sans"])
    title_rows = slice(0, 40)
    assert not np.array_equal(korean[title_rows], boxes[title_rows])
    latin = render("theta −0.5", korean_ticks=False)
    assert np.array_equal(latin, render("theta −0.5", family=["DejaVu Sans"], korean_ticks=False))  # DejaVu


def test_the_figure_png_for_a_look(tmp_path):
    """A PNG to look at (pytest's tmp_path); its title row has ink, not blank paper."""
    from PIL import Image

    pixels = render("한국어 제목: 가능도 (−2 … 2)")
    Image.fromarray(pixels).save(tmp_path / "hangul_figure.png")
    assert (pixels[:30] < 128).sum() > 100


def test_fonts_on_disk_that_a_stale_font_cache_does_not_know_are_added(monkeypatch):
    added = []

    class StaleManager:
        ttflist = [font_manager.FontEntry(name="DejaVu Sans")]

        def addfont(self, path):
            added.append(path)
            self.ttflist.append(font_manager.FontEntry(fname=path, name=FT2Font(path).family_name))

    monkeypatch.setattr(font_manager, "fontManager", StaleManager())
    assert plotting._NANUM_DIR.is_dir(), "fonts-nanum is not installed: make installs it"
    family = plotting._font_family()
    assert family[:2] == ["DejaVu Sans", "NanumGothic"]
    assert any(path.endswith("NanumGothic.ttf") for path in added)


def output_texts(notebook: dict) -> list[str]:
    """Every text of every output of a notebook: streams, plain text, errors."""
    texts = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            text = output.get("text", "")
            texts.append(text if isinstance(text, str) else "".join(text))
            plain = output.get("data", {}).get("text/plain", "")
            texts.append(plain if isinstance(plain, str) else "".join(plain))
            texts += output.get("traceback", [])
    return texts


def font_trouble(notebook: dict) -> list[str]:
    return [t for t in output_texts(notebook) if any(s in t for s in FONT_TROUBLE)]


def test_the_output_check_finds_a_font_warning():
    warning = {"output_type": "stream", "name": "stderr",
               "text": ["UserWarning: Glyph 44032 (\\N{HANGUL SYLLABLE GA}) missing from font(s) DejaVu Sans.\n"]}
    log = {"output_type": "stream", "name": "stderr", "text": "findfont: Font family 'Malgun Gothic' not found.\n"}
    clean = {"output_type": "execute_result", "data": {"text/plain": ["0.5"]}}
    assert len(font_trouble({"cells": [{"outputs": [warning, clean, log]}]})) == 2
    assert font_trouble({"cells": [{"outputs": [clean]}]}) == []


@pytest.mark.parametrize("path", KOREAN_NOTEBOOKS, ids=lambda p: f"{p.parent.parent.name}/ko/{p.name}")
def test_no_stored_output_of_a_korean_notebook_reports_a_font_problem(path):
    assert path.exists(), f"{path} is missing: python tools/translate.py build, then make notebooks"
    assert font_trouble(json.loads(path.read_text(encoding="utf-8"))) == []
