"""Korean text is drawn, not shown as empty boxes: in JupyterLab and on the static site.

The glossary (docs/glossary.md) gives every term in Korean, and every lesson ends with a
glossary table in both languages. On a machine without a Hangul font a browser draws those
cells as boxes; ``make test-browser`` installs one (Debian's fonts-nanum) and these tests
fail on any syllable drawn like the missing glyph (tests/browser/_glyphs.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ._glyphs import missing_glyphs
from ._server import REPO

pytestmark = pytest.mark.browser

GLOSSARY = REPO / "docs" / "glossary.md"


def assert_hangul_drawn(result: dict, where: str) -> None:
    """The glossary's Hangul (over 100 distinct syllables) is all drawn, none as a box."""
    assert result["checked"] > 100, result
    assert not result["missing"], (
        f"{len(result['missing'])} of {result['checked']} Hangul syllables drawn as boxes {where}, "
        f"e.g. {result['missing'][:3]}: install a Hangul font (fonts-nanum)")


def test_the_check_tells_a_missing_glyph_from_a_drawn_one(page):
    """Private-use code points are in no font: the check must call them missing, and must not
    call Latin letters missing."""
    page.set_content("<p>\ue001\ue002 ABC</p>")
    assert missing_glyphs(page, "p", "[\\uE000-\\uE0FF]") == {
        "checked": 2, "missing": ["\ue001", "\ue002"]}
    assert missing_glyphs(page, "p", "[A-Z]") == {"checked": 3, "missing": []}


def test_glossary_in_lab_draws_every_hangul_syllable(lab_server, page, notebook_copies,
                                                       screenshot_dir):
    shutil.copy2(GLOSSARY, notebook_copies / GLOSSARY.name)
    page.goto(lab_server.url("/lab", reset=""))
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands"
                           ".hasCommand('docmanager:open')", timeout=60_000)
    page.evaluate("window.jupyterapp.commands.execute('docmanager:open', "
                  "{path: 'glossary.md', factory: 'Markdown Preview'})")
    page.wait_for_selector(".jp-RenderedMarkdown table td")
    page.screenshot(path=str(screenshot_dir / "glossary-lab.png"))
    assert_hangul_drawn(missing_glyphs(page, ".jp-RenderedMarkdown"), "in JupyterLab")


def test_site_glossary_draws_every_hangul_syllable(page, tmp_path: Path, screenshot_dir):
    from build_site import build_site

    build_site(tmp_path)
    page.goto((tmp_path / "glossary.html").as_uri())
    page.screenshot(path=str(screenshot_dir / "glossary-site.png"))
    assert_hangul_drawn(missing_glyphs(page, "body"), "on the static site")
