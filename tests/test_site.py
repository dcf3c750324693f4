"""The static HTML site (``make site``, tools/build_site.py), built into a temporary folder.

Nothing is executed: the builder renders the outputs stored in the notebooks, so this runs
in a few seconds. Every notebook and solution must get a page, the index must link them in
course order, every relative link and image in every page must resolve to a file of the
site, and no page may show a widget that cannot render ("Loading widget...", or the raw
``LiveFigure(controls=[...])`` repr).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from build_site import WIDGET_MIME, build_site

ROOT = Path(__file__).parent.parent

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))

_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: What a widget looks like when it cannot render: the front end's placeholder, or a repr.
_BROKEN_WIDGET = re.compile(
    r"Loading widget|LiveFigure\(controls=\[['\"]|"
    r"\b(?:VBox|HBox|IntSlider|FloatSlider|FloatLogSlider|SelectionSlider)\((?:children|value|options)="
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def internal_links(page: Path) -> list[str]:
    """Every href/src of the page without a scheme (http:, data:, ...) and not a bare anchor."""
    links = [unquote(link) for link in _LINK.findall(page.read_text(encoding="utf-8"))]
    return [link for link in links if link and not link.startswith("#") and not _SCHEME.match(link)]


def test_every_notebook_and_solution_has_a_page(site: Path) -> None:
    for path in LESSONS:
        assert (site / f"{path.stem}.html").is_file(), f"no page for {path.name}"
    for path in SOLUTIONS:
        assert (site / "solutions" / f"{path.stem}.html").is_file(), f"no page for solutions/{path.name}"
    assert (site / "glossary.html").is_file()
    assert LESSONS and SOLUTIONS


def test_index_links_every_page_in_course_order(site: Path) -> None:
    links = [link.split("#")[0] for link in internal_links(site / "index.html")]
    expected = [f"{p.stem}.html" for p in LESSONS] + [f"solutions/{p.stem}.html" for p in SOLUTIONS]
    found = [link for link in dict.fromkeys(links) if link in expected]
    assert found == expected, "index does not list every page once, in course order"
    assert "glossary.html" in links
    assert "map.png" in links, "index lacks the map figure of notebook 00"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "make lab" in index and "make test" in index


def test_every_internal_link_resolves(site: Path) -> None:
    broken = []
    for page in pages(site):
        for link in internal_links(page):
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} → {link}")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_notebook_links_became_page_links(site: Path) -> None:
    for page in pages(site):
        stale = [link for link in internal_links(page) if link.split("#")[0].endswith((".ipynb", ".md"))]
        assert not stale, f"{page.relative_to(site)} still links source files: {stale}"


def test_no_broken_widget_on_any_page(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        match = _BROKEN_WIDGET.search(text)
        assert match is None, f"{page.relative_to(site)} shows {match.group(0)!r}"
        assert WIDGET_MIME not in text, f"{page.relative_to(site)} holds a widget view it cannot render"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_widgets_are_replaced_by_the_note(site: Path, path: Path) -> None:
    widgets = path.read_text(encoding="utf-8").count(f'"{WIDGET_MIME}"')
    notes = (site / f"{path.stem}.html").read_text(encoding="utf-8").count('role="note">Live widget:')
    assert notes == widgets


def test_figures_are_files_with_alt_text(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", text):
            assert 'src="data:' not in tag, f"{page.relative_to(site)}: figure embedded instead of a file"
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt and alt.group(1).strip(), f"{page.relative_to(site)}: image without alt text"
            assert "No description has been provided" not in alt.group(1)


def test_pages_fetch_nothing_from_the_network_and_typeset_with_the_sites_mathjax(site: Path) -> None:
    remote = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)="(?:[a-z]+:)?//[^"]*"')
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert not remote.findall(text), f"{page.relative_to(site)} loads {remote.findall(text)}"
        script = re.search(r'<script src="((?:\.\./)*mathjax/MathJax\.js)\?config=[^"]+"', text)
        assert script, f"{page.relative_to(site)} does not load the site's MathJax"
        assert (page.parent / script.group(1)).resolve() == (site / "mathjax" / "MathJax.js").resolve()
    for part in ("config/TeX-AMS_CHTML-full.js", "jax/output/CommonHTML/jax.js", "jax/input/TeX/config.js"):
        assert (site / "mathjax" / part).is_file(), f"the site's MathJax lacks {part}"


def test_a_missing_mathjax_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="libjs-mathjax"):
        build_site(tmp_path / "site", mathjax=tmp_path / "no-mathjax")


#: A Hangul font each system ships: the site's font stack must name one for each.
KOREAN_FONTS = {"macOS": "Apple SD Gothic Neo", "Windows": "Malgun Gothic",
                "Linux": ("Noto Sans CJK KR", "NanumGothic")}


def test_every_page_sets_its_text_in_a_stack_that_covers_korean(site: Path) -> None:
    """The glossary and the notebooks' glossary tables are in Korean too: every page names a
    Hangul font for Windows, macOS and Linux, after the Latin fonts, for its text and (the
    notebook pages) for JupyterLab's theme variables."""
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        stacks = re.findall(r"font-family:\s*([^;}]+)", text)
        stacks += re.findall(r"--jp-content-font-family:\s*([^;}]+)", text)
        ours = [s for s in stacks if "Malgun Gothic" in s]
        assert ours, f"{page.name}: no font stack with a Hangul font"
        for stack in ours:
            for system, fonts in KOREAN_FONTS.items():
                names = (fonts,) if isinstance(fonts, str) else fonts
                assert all(f in stack for f in names), f"{page.name}: {system}'s {fonts} missing"
            assert stack.index("system-ui") < stack.index("Apple SD Gothic Neo")
            assert stack.rstrip().endswith("sans-serif")
        if "jp-Notebook" in text or "jp-Cell" in text:
            assert re.search(r"--jp-content-font-family:[^;}]*Malgun Gothic", text), page.name


# --- the Korean edition (ko/) ---------------------------------------------------------------------------

_SWITCH = re.compile(r'<a class="bl-lang" hreflang="(en|ko)" lang="\1" href="([^"]+)">([^<]+)</a>')


def _html_lang(page: Path) -> str:
    match = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


@pytest.fixture(scope="module")
def korean_site(tmp_path_factory) -> Path:
    """A site of a small copy of the course whose lessons 00 and 01 and solution 01 have Korean
    twins (stand-ins: the English notebooks with a Korean title), and one lesson without."""
    import shutil

    import nbformat

    root = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "docs", root / "docs")
    for folder, names in (("notebooks", [*(p.name for p in LESSONS[:3])]), ("solutions", [SOLUTIONS[0].name])):
        (root / folder / "ko").mkdir(parents=True)
        for name in names:
            shutil.copyfile(ROOT / folder / name, root / folder / name)
            if name.startswith("02_"):
                continue  # a lesson not translated yet: no Korean page, no switch link
            nb = nbformat.read(ROOT / folder / name, as_version=4)
            for cell in nb.cells:  # one folder deeper, as tools/translate.py's translators write them
                if cell.cell_type == "markdown":
                    cell.source = cell.source.replace("](../", "](../../").replace('src="../', 'src="../../')
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"# 한국어판 {name[:2]}"))
            nbformat.write(nb, root / folder / "ko" / name)
    out = tmp_path_factory.mktemp("site")
    build_site(out, root=root)
    return out


def test_every_notebook_solution_and_the_glossary_has_a_korean_page(site: Path) -> None:
    """Fails until the Korean edition is built (python tools/translate.py build, make notebooks)."""
    assert (site / "ko" / "glossary.html").is_file() and (site / "ko" / "index.html").is_file()
    missing = [p.name for p in LESSONS if not (site / "ko" / f"{p.stem}.html").is_file()]
    missing += [f"solutions/{p.name}" for p in SOLUTIONS
                if not (site / "ko" / "solutions" / f"{p.stem}.html").is_file()]
    assert missing == [], f"no Korean page for {missing}"


def test_korean_pages_say_lang_ko_and_english_pages_lang_en(site: Path, korean_site: Path) -> None:
    for built in (site, korean_site):
        korean = sorted((built / "ko").rglob("*.html"))
        assert korean
        assert {_html_lang(p) for p in korean} == {"ko"}
        assert {_html_lang(p) for p in pages(built) if p not in korean} == {"en"}


def test_every_page_with_a_twin_links_to_it_in_the_other_language(korean_site: Path) -> None:
    twins = {"00_start_here.html", "glossary.html", "solutions/" + f"{SOLUTIONS[0].stem}.html",
             f"{LESSONS[1].stem}.html"}
    for name in twins:
        english, korean = korean_site / name, korean_site / "ko" / name
        (to_korean,) = _SWITCH.findall(english.read_text(encoding="utf-8"))
        (to_english,) = _SWITCH.findall(korean.read_text(encoding="utf-8"))
        assert to_korean[0] == "ko" and to_korean[2] == "한국어"
        assert to_english[0] == "en" and to_english[2] == "English"
        assert (english.parent / to_korean[1]).resolve() == korean.resolve()
        assert (korean.parent / to_english[1]).resolve() == english.resolve()
    untranslated = korean_site / f"{LESSONS[2].stem}.html"
    assert not (korean_site / "ko" / untranslated.name).exists()
    assert _SWITCH.findall(untranslated.read_text(encoding="utf-8")) == []


def test_the_korean_pages_link_korean_pages_and_every_link_resolves(korean_site: Path) -> None:
    korean_index = (korean_site / "ko" / "index.html").read_text(encoding="utf-8")
    assert "한국어판 01" in korean_index and 'href="glossary.html"' in korean_index
    lesson = korean_site / "ko" / f"{LESSONS[1].stem}.html"
    nav = re.search(r'<nav class="bl-nav".*?</nav>', lesson.read_text(encoding="utf-8")).group(0)
    assert 'href="index.html"' in nav and 'href="glossary.html"' in nav and "용어집" in nav
    # the small copy lacks most lessons: links to them stay .ipynb; every other link must resolve
    broken = [f"{page.relative_to(korean_site)} → {link}" for page in pages(korean_site)
              for link in internal_links(page) if not link.split("#")[0].endswith(".ipynb")
              and not (page.parent / link.split("#")[0].split("?")[0]).resolve().is_file()]
    assert broken == []
    links = internal_links(lesson)
    assert any(link.startswith("glossary.html") for link in links)  # its glossary link became ko/glossary
    assert 'href="ko/index.html"' in (korean_site / "index.html").read_text(encoding="utf-8")
