"""Build a static HTML site of the notebooks, their solutions and the glossary.

    python tools/build_site.py [OUT_DIR] [--mathjax DIR]     # default: build/site

Mathematics is typeset in the browser by MathJax 2, copied into the site (``mathjax/``,
about 1.5 MB: the TeX input, the CommonHTML output and its TeX web fonts) from Debian's
``libjs-mathjax`` (``/usr/share/javascript/mathjax``, which ``make site`` installs). The
site therefore works offline and from a folder handed out in class: no page loads
anything from the network. (Opened as files, Chromium refuses MathJax's web fonts and the
formulas are set in a system serif; served over HTTP, e.g. ``python -m http.server -d
build/site``, they are set in the TeX fonts.)

Pages show the notebooks' STORED outputs (nothing is executed): every figure as it was
saved. A live widget cannot run without a kernel, so its output is replaced by a short
note pointing at the static figure above it and at ``make lab``. Links between notebooks
(``02_map_gaussian_prior.ipynb``), to the solutions and to ``../docs/glossary.md`` are
rewritten to the pages they became. The index lists every page in course order (file
name order) under the pitch and the map of notebook 00.

The Korean edition (notebooks/ko/, solutions/ko/, built by tools/translate.py) gets the same
pages under ``ko/``, with ``<html lang="ko">``, a Korean index and the glossary (docs/ko/glossary.md
if there is one, else the bilingual docs/glossary.md); every page links to its twin in the other
language (English ↔ 한국어) from its navigation bar.

Layout of the output::

    index.html  glossary.html  00_start_here.html ... 06_....html
    solutions/01_..._solutions.html ...
    ko/index.html  ko/glossary.html  ko/00_start_here.html ...  ko/solutions/...
    img/<page>-<n>.png            the figures, one file each (ko-<page>-<n>.png for Korean pages)
    mathjax/MathJax.js ...        the typesetter
"""

from __future__ import annotations

import argparse
import ast
import base64
import copy
import html
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import mistune
import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent

#: Mime type of a widget view in a stored output.
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

#: What replaces a live widget on a static page.
WIDGET_NOTE = (
    "Live widget: run this notebook in JupyterLab (<code>make lab</code>) to drag the sliders; "
    "the static figure above shows the same story."
)

#: The README's two commands, shown on the index.
COMMANDS = (
    "make lab    # JupyterLab on notebooks/ at 127.0.0.1; prints the URL with its token\n"
    "make test   # ruff, unit + property tests, widget sweeps, every notebook and solution under nbval"
)

#: MathJax 2 to copy into the site: ``$BAYESLEARN_MATHJAX`` (``make ... MATHJAX_DIR=...`` sets
#: it), else Debian's ``libjs-mathjax``.
DEBIAN_MATHJAX = Path(os.environ.get("BAYESLEARN_MATHJAX") or "/usr/share/javascript/mathjax")
#: The parts of MathJax 2 that TeX input with CommonHTML output loads.
_MATHJAX_PARTS = (
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "jax/input/TeX", "jax/element",
    "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff", "extensions", "localization/en",
)
#: Where the typesetter goes in the site, and the configuration pages ask for.
MATHJAX_SCRIPT = PurePosixPath("mathjax", "MathJax.js")
_MATHJAX_QUERY = "?config=TeX-AMS_CHTML-full,Safe"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')

#: Every page's text font: the system's own font for Latin letters, then, glyph by glyph, the
#: Hangul font each system ships: Apple SD Gothic Neo (macOS, iOS), Malgun Gothic (Windows),
#: Noto Sans CJK KR or NanumGothic (Linux: fonts-noto-cjk, fonts-nanum), Noto Sans KR (Android,
#: or installed by hand). Without them a browser may draw the Korean glossary as empty boxes.
FONT_STACK = ('system-ui, -apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", '
              '"Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", NanumGothic, sans-serif')

_CSS = """
body { font-family: FONT_STACK;
       max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; line-height: 1.55;
       color: #1a1a1a; background: #fff; }
h1 { font-size: 2rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; }
a { color: #0a5a8c; } a:hover { color: #D55E00; }
.subtitle { font-size: 1.15rem; color: #444; margin-top: 0; }
.map { width: 100%; height: auto; border: 1px solid #ddd; border-radius: 6px; }
pre { background: #f5f5f5; padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; }
code { font-size: 0.92em; }
ol.pages li { margin: 0.45rem 0; } .meta { color: #555; font-size: 0.92rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; position: sticky; top: 0; }
td, th { word-break: keep-all; overflow-wrap: break-word; }
body.wide { max-width: 68rem; }
""".replace("FONT_STACK", FONT_STACK)

_NAV_CSS = (
    # the notebook pages take nbconvert's JupyterLab theme: its font variables get our stack
    f"<style>:root{{--jp-content-font-family:{FONT_STACK};--jp-ui-font-family:{FONT_STACK}}}"
    ".bl-nav{display:flex;gap:1.2rem;flex-wrap:wrap;align-items:baseline;"
    f"font:15px/1.4 {FONT_STACK};padding:0.6rem 1rem;margin:0 0 1rem;"
    "background:#f3f6f9;border-bottom:1px solid #d0d7de}.bl-nav a{color:#0a5a8c}"
    ".bl-nav .bl-home{font-weight:600}.bl-nav .bl-next{margin-left:auto}"
    ".bayeslearn-widget-note{border-left:4px solid #0072B2;background:#eef5fb;"
    f"padding:0.6rem 0.9rem;font:14px/1.45 {FONT_STACK}}}</style>"
)


@dataclass
class Page:
    """One page of the site: where it comes from, where it goes, what it is called."""

    source: Path
    output: PurePosixPath  # relative to the site's root
    title: str
    section: str  # "lesson", "solution" or "glossary"
    images: list[tuple[str, str]] = field(default_factory=list)  # (site path, alt text)
    notebook: nbformat.NotebookNode | None = field(default=None, repr=False)  # read once, by plan()
    lang: str = "en"  # "en" or "ko" (the Korean edition, under ko/)
    twin: PurePosixPath | None = None  # the same page in the other language


#: The navigation's words, by language.
_WORDS = {
    "en": {"glossary": "Glossary", "switch": "한국어", "switch_lang": "ko"},
    "ko": {"glossary": "용어집", "switch": "English", "switch_lang": "en"},
}


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if match:
                return match.group(1).strip()
    return fallback


def _plain(text: str) -> str:
    """Markdown/LaTeX-light text for a title attribute or alt text."""
    text = re.sub(r"\{[^{}]*\}", "…", text)  # f-string fields
    text = re.sub(r"[$*`\\]", "", text)
    return " ".join(text.split())


def _figure_alt(source: str, title: str, number: int) -> str:
    """Alt text of the ``number``-th figure of a notebook, from the titles its cell sets."""
    found = [m[1] for m in re.findall(r"""(?:suptitle|set_title|title)\s*[(=]\s*f?(["'])(.+?)\1""", source)]
    found += [m[1] for m in re.findall(r"""label_axes\([^()]*?,[^()]*?,[^()]*?,\s*f?(["'])(.+?)\1""", source)]
    names = [_plain(t) for t in found]
    names = [n for n in dict.fromkeys(names) if n and n != "…"]
    described = f"Figure {number} of {title}"
    return f"{described}: {'; '.join(names[:6])}." if names else f"{described}; described in the text above it."


def lessons(root: Path = ROOT) -> list[Path]:
    """The notebooks in course order (file name order)."""
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def solutions(root: Path = ROOT) -> list[Path]:
    """The solution notebooks in course order."""
    return sorted((root / "solutions").glob("*.ipynb"))


def plan(root: Path = ROOT) -> list[Page]:
    """Every page of the site, in the index's order."""
    pages = []
    for section, folder, paths in (("lesson", "", lessons(root)), ("solution", "solutions", solutions(root))):
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            pages.append(Page(path, PurePosixPath(folder, f"{path.stem}.html"), _title(nb, path.stem), section,
                              notebook=nb))
    glossary = root / "docs" / "glossary.md"
    if glossary.exists():
        pages.append(Page(glossary, PurePosixPath("glossary.html"), "Glossary — English / 한국어", "glossary"))
    return pages + korean_pages(pages, root)


def korean_pages(english: list[Page], root: Path = ROOT) -> list[Page]:
    """The Korean twin of every English page that has one, under ko/; links the twins both ways."""
    pages = []
    for page in english:
        if page.section == "glossary":
            korean_glossary = root / "docs" / "ko" / "glossary.md"
            source = korean_glossary if korean_glossary.exists() else page.source
            twin = Page(source, PurePosixPath("ko", page.output), "용어집 — English / 한국어", "glossary", lang="ko")
        else:
            path = page.source.parent / "ko" / page.source.name
            if not path.exists():
                continue
            nb = nbformat.read(path, as_version=4)
            twin = Page(path, PurePosixPath("ko", page.output), _title(nb, path.stem), page.section, notebook=nb,
                        lang="ko")
        page.twin, twin.twin = twin.output, page.output
        pages.append(twin)
    return pages


def _relative(target: PurePosixPath, page: PurePosixPath) -> str:
    return PurePosixPath(os.path.relpath(str(target), str(page.parent) or ".")).as_posix()


def rewrite_links(text: str, page: Page, by_source: dict[Path, PurePosixPath], out_dir: Path) -> str:
    """Point relative links at the pages their targets became; leave the rest alone."""

    def replace(match: re.Match) -> str:
        link = html.unescape(match.group(2))
        if not link or link.startswith("#") or _SCHEME.match(link):
            return match.group(0)
        path, _, fragment = link.partition("#")
        if (out_dir / page.output.parent / unquote(path)).exists():
            return match.group(0)  # already a site file (a figure)
        target = by_source.get((page.source.parent / unquote(path)).resolve())
        if target is None:
            return match.group(0)  # left for the link check to report
        new = _relative(target, page.output) + (f"#{fragment}" if fragment else "")
        return f"{match.group(1)}{html.escape(new, quote=True)}{match.group(3)}"

    return _LINK.sub(replace, text)


def _home(lang: str) -> PurePosixPath:
    return PurePosixPath("index.html") if lang == "en" else PurePosixPath(lang, "index.html")


def _language_switch(page: Page) -> str:
    """The link to the same page in the other language, named in that language."""
    if page.twin is None:
        return ""
    words = _WORDS[page.lang]
    return (f'<a class="bl-lang" hreflang="{words["switch_lang"]}" lang="{words["switch_lang"]}" '
            f'href="{_relative(page.twin, page.output)}">{words["switch"]}</a>')


def _nav(page: Page, pages: list[Page]) -> str:
    same = [p for p in pages if p.section == page.section and p.lang == page.lang]
    index = same.index(page)
    home = _relative(_home(page.lang), page.output)
    links = [f'<a class="bl-home" href="{home}">bayeslearn</a>']
    if index > 0:
        prev = same[index - 1]
        links.append(f'<a href="{_relative(prev.output, page.output)}">← {html.escape(prev.title)}</a>')
    glossary = PurePosixPath("glossary.html") if page.lang == "en" else PurePosixPath(page.lang, "glossary.html")
    links.append(f'<a href="{_relative(glossary, page.output)}">{_WORDS[page.lang]["glossary"]}</a>')
    links.append(_language_switch(page))
    if index + 1 < len(same):
        nxt = same[index + 1]
        links.append(f'<a class="bl-next" href="{_relative(nxt.output, page.output)}">{html.escape(nxt.title)} →</a>')
    return f'<nav class="bl-nav" aria-label="site">{"".join(links)}</nav>'


def _static_notebook(page: Page, out_dir: Path) -> nbformat.NotebookNode:
    """The stored notebook with widgets replaced by a note and figures moved to files."""
    nb = copy.deepcopy(page.notebook)
    nb.metadata.pop("widgets", None)
    figure = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data:
                outputs.append(nbformat.v4.new_output(
                    "display_data",
                    data={"text/html": f'<div class="bayeslearn-widget-note" role="note">{WIDGET_NOTE}</div>',
                          "text/plain": "Live widget (needs a kernel)."},
                ))
                continue
            if "image/png" in data:
                figure += 1
                name = f"{'' if page.lang == 'en' else page.lang + '-'}{page.output.stem}-{figure}.png"
                (out_dir / "img" / name).write_bytes(base64.b64decode(data["image/png"]))
                site_path = PurePosixPath("img", name)
                output.setdefault("metadata", {}).setdefault("filenames", {})["image/png"] = _relative(
                    site_path, page.output)
                page.images.append((str(site_path), _figure_alt(cell.source, page.title, figure)))
            outputs.append(output)
        cell.outputs = outputs
    return nb


def _notebook_page(page: Page, pages: list[Page], exporter: HTMLExporter, out_dir: Path) -> str:
    nb = _static_notebook(page, out_dir)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": page.title}})
    alts = iter(alt for _, alt in page.images)
    body = re.sub(r'alt="No description has been provided for this image"',
                  lambda _: f'alt="{html.escape(next(alts, "Figure"), quote=True)}"', body)
    body = body.replace("</head>", f"{_NAV_CSS}\n</head>", 1)
    body = re.sub(r"<html[^>]*>", f'<html lang="{page.lang}">', body, count=1)
    # require.js serves widget and JavaScript outputs; the pages have none, and it would be
    # the one file a page fetches from the network
    body = re.sub(r'<script src="[^"]*/require(?:\.min)?\.js"></script>', "", body)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + _nav(page, pages), body, count=1)


def _markdown(text: str) -> str:
    render = mistune.create_markdown(plugins=["table", "math", "strikethrough"], escape=False)
    return render(text)


def _shell(title: str, body: str, exporter: HTMLExporter, nav: str = "", wide: bool = False, lang: str = "en") -> str:
    mathjax = exporter.environment.get_template("mathjax.html.j2").module.mathjax(exporter.mathjax_url)
    body_class = ' class="wide"' if wide else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n{_NAV_CSS}\n{mathjax}\n</head>\n"
        f"<body{body_class}>\n{nav}\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _glossary_page(page: Page, pages: list[Page], exporter: HTMLExporter) -> str:
    body = _markdown(page.source.read_text(encoding="utf-8"))
    return _shell(page.title, body, exporter, _nav(page, pages), wide=True, lang=page.lang)


def _section(nb: nbformat.NotebookNode, heading: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith(f"## {heading}"):
            return cell.source.split("\n", 1)[1].strip()
    return ""


def _map_alt(nb: nbformat.NotebookNode) -> str:
    """Describe notebook 00's map in words, from its ``ARROWS`` list."""
    for cell in nb.cells:
        if cell.cell_type != "code" or "ARROWS" not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ARROWS" for t in node.targets):
                arrows = ast.literal_eval(node.value)
                parts = [f"{a} → {b}" for a, b in arrows]
                return "Map of the notebooks; an arrow points from a prerequisite to the notebook that uses it: " + (
                    ", ".join(parts) + ".")
    return "Map of the notebooks and how they build on each other."


def _time_to_read(nb: nbformat.NotebookNode) -> str:
    match = re.search(r"Time to read:?\*{0,2}:?\s*([^\n]+)", nb.cells[0].source if nb.cells else "")
    return _plain(match.group(1)).rstrip(".") if match else ""


def _index(pages: list[Page], exporter: HTMLExporter, out_dir: Path) -> str:
    pages = [p for p in pages if p.lang == "en"]
    start = next((p for p in pages if p.section == "lesson" and p.output.name.startswith("00_")), None)
    pitch, figure = "", ""
    if start is not None:
        nb = start.notebook
        pitch = _markdown(_section(nb, "What the collection teaches"))
        if start.images:
            shutil.copyfile(out_dir / start.images[0][0], out_dir / "map.png")
            figure = (f'<figure><img class="map" src="map.png" alt="{html.escape(_map_alt(nb), quote=True)}">'
                      f"<figcaption class=\"meta\">Each box is a notebook; <a href=\"{start.output}\">"
                      f"{html.escape(start.title)}</a> explains the map.</figcaption></figure>")

    def items(section: str) -> str:
        rows = []
        for page in (p for p in pages if p.section == section):
            meta = ""
            if section == "lesson":
                minutes = _time_to_read(page.notebook)
                meta = f' <span class="meta">· {html.escape(minutes)}</span>' if minutes else ""
            name = re.sub(r"^Solutions\s+—\s+", "", page.title)
            rows.append(f'<li><a href="{page.output}">{html.escape(name)}</a>{meta}</li>')
        return "\n".join(rows)

    glossary = next((p for p in pages if p.section == "glossary"), None)
    glossary_link = f'<a href="{glossary.output}">{html.escape(glossary.title)}</a>' if glossary else "The glossary"
    body = f"""<h1>bayeslearn</h1>
<p class="subtitle">The probabilistic foundations of deep learning: why the losses you train networks with are
what they are.</p>
{pitch}
{figure}
<h2>Lessons, in course order</h2>
<ol class="pages" start="0">
{items("lesson")}
</ol>
<h2>Solutions to the exercises</h2>
<p>Try the exercises in each lesson first: their self-checks say <em>right</em> or give a hint.</p>
<ol class="pages">
{items("solution")}
</ol>
<h2>Glossary</h2>
<p>{glossary_link}: every term, with its Korean name and a one-line meaning.</p>
<p lang="ko">한국어판: <a href="ko/index.html" hreflang="ko">한국어 노트북과 풀이</a>.</p>
<h2>Run it yourself</h2>
<p>These pages show the notebooks as they were last executed; the live widgets need a kernel. From a
clone of the repository:</p>
<pre><code>{html.escape(COMMANDS)}</code></pre>
<p>On first use each command creates <code>.venv</code> and installs everything. With conda:
<code>conda env create -f environment.yml</code>; Binder and repo2docker build from the same file.</p>
"""
    return _shell("bayeslearn — lessons", body, exporter)


def _korean_index(pages: list[Page], exporter: HTMLExporter) -> str:
    """ko/index.html: the Korean pages in course order, and the way back to the English index."""
    here = _home("ko")

    def items(section: str) -> str:
        return "\n".join(f'<li><a href="{_relative(p.output, here)}">{html.escape(p.title)}</a></li>'
                         for p in pages if p.lang == "ko" and p.section == section)

    glossary = next((p for p in pages if p.lang == "ko" and p.section == "glossary"), None)
    glossary_link = (f'<p><a href="{_relative(glossary.output, here)}">{html.escape(glossary.title)}</a></p>'
                     if glossary else "")
    body = f"""<p><a href="../index.html" hreflang="en" lang="en">English</a></p>
<h1>bayeslearn</h1>
<p class="subtitle">딥러닝의 확률적 기초: 신경망을 훈련하는 손실 함수가 왜 그런 모양인지 설명합니다.</p>
<h2>강의 노트북 (순서대로)</h2>
<ol class="pages" start="0">
{items("lesson")}
</ol>
<h2>연습문제 풀이</h2>
<ol class="pages">
{items("solution")}
</ol>
<h2>용어집</h2>
{glossary_link}
"""
    return _shell("bayeslearn — 한국어판", body, exporter, lang="ko")


def copy_mathjax(source: Path, out_dir: Path) -> None:
    """Copy the parts of MathJax 2 the pages use from ``source`` into ``out_dir/mathjax``."""
    if not (source / "MathJax.js").is_file():
        raise FileNotFoundError(
            f"MathJax 2 not found in {source}: install Debian's libjs-mathjax "
            "(`apt-get install -y libjs-mathjax`; `make site` does this) or pass --mathjax DIR")
    target = out_dir / MATHJAX_SCRIPT.parent
    for part in _MATHJAX_PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)


def _use_mathjax(exporter: HTMLExporter, page: PurePosixPath) -> None:
    """Point the exporter at the site's MathJax, relative to ``page``."""
    exporter.mathjax_url = _relative(MATHJAX_SCRIPT, page) + _MATHJAX_QUERY


def build_site(out_dir: str | Path, root: str | Path = ROOT, mathjax: str | Path = DEBIAN_MATHJAX) -> list[Path]:
    """Write the site into ``out_dir`` (emptied first); return the HTML files written.

    Nothing is executed: pages show the outputs stored in the notebooks. ``mathjax`` is a
    MathJax 2 folder to copy into the site (default: Debian's ``libjs-mathjax``).
    """
    out_dir, root = Path(out_dir), Path(root).resolve()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "img").mkdir(parents=True)
    (out_dir / "solutions").mkdir()
    (out_dir / "ko" / "solutions").mkdir(parents=True)
    copy_mathjax(Path(mathjax), out_dir)
    pages = plan(root)
    by_source = {lang: {p.source.resolve(): p.output for p in pages if p.lang == lang} for lang in _WORDS}
    # The syntax highlighter's output is our own code, so bleach's pass over it is skipped
    # (it is half the time of a page); markdown and HTML outputs are not sanitised either way.
    exporter = HTMLExporter(template_name="lab", filters={"clean_html": lambda text: text})
    written = []
    for page in pages:
        _use_mathjax(exporter, page.output)
        if page.section == "glossary":
            text = _glossary_page(page, pages, exporter)
        else:
            text = _notebook_page(page, pages, exporter, out_dir)
        target = out_dir / page.output
        # a link goes to the page its file became, in either edition (00 links the Korean start
        # page, the Korean 00 the English one); a file both editions share (the glossary) goes
        # to the page of this page's language
        links = {source: output for lang in _WORDS for source, output in by_source[lang].items()}
        links.update(by_source["en"])
        links.update(by_source[page.lang])
        target.write_text(rewrite_links(text, page, links, out_dir), encoding="utf-8")
        written.append(target)
    index = Page(root / "index", PurePosixPath("index.html"), "bayeslearn", "index")
    _use_mathjax(exporter, index.output)
    (out_dir / "index.html").write_text(
        rewrite_links(_index(pages, exporter, out_dir), index, by_source["en"], out_dir), encoding="utf-8")
    korean_index = Page(root / "ko" / "index", _home("ko"), "bayeslearn", "index", lang="ko")
    _use_mathjax(exporter, korean_index.output)
    (out_dir / korean_index.output).write_text(_korean_index(pages, exporter), encoding="utf-8")
    return [out_dir / "index.html", out_dir / korean_index.output, *written]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", nargs="?", default=ROOT / "build" / "site", type=Path)
    parser.add_argument("--mathjax", type=Path, default=DEBIAN_MATHJAX,
                        help=f"MathJax 2 folder to copy into the site (default: {DEBIAN_MATHJAX})")
    args = parser.parse_args()
    destination = args.out_dir
    files = build_site(destination, mathjax=args.mathjax)
    print(f"wrote {len(files)} pages to {destination}/ (open {destination / 'index.html'})")
