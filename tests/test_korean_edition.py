"""The Korean edition (notebooks/ko/, solutions/ko/) against the English notebooks, twin by twin.

A Korean notebook is its English twin with only the text a reader sees replaced
(tools/translate.py builds it). For every English notebook and solution: the twin exists; it
has the same cells (types and ids, in order); each code cell's syntax tree is the English one
once string literals are masked (independently of tools/translate.py: an f-string keeps the
expressions it formats, sorted); each code cell prints the same numbers (the multiset of
numbers in its stream and text/plain outputs, after the nbval sanitising of
tests/nbval_sanitize.cfg); markdown headings keep their numbers; no Korean markdown or string
literal uses a spelling that tests/test_glossary.py's NON_PREFERRED names (read for prose); every relative link
resolves; the translation table is complete (``translate.py status``); and the Korean sources
are exactly a fresh build, so a hand edit of a Korean notebook fails.

The helpers are tested on small synthetic pairs first: each check passes on a good pair and
fails on a bad one.
"""

from __future__ import annotations

import ast
import configparser
import copy
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from test_glossary import NON_PREFERRED

#: NON_PREFERRED holds rules for a glossary cell (a term and its alternatives). In running text
#: two of them read differently: 우도 is flagged where a word starts with it (경우도 is not the
#: term), and the closed-up rule names the distributions (두 분포, 참 분포 are not names).
#: Rules anchored at a cell's start (^) are about which term comes first: not for prose.
_CELL_ONLY = {r"(?<!\()우도": r"(?<![가-힣(])우도",
              r"[가-힣] 분포": r"(사전|사후|정규|베타|균등|혼합|이산|표본|가우스|베르누이|이항|라플라스|주변)"
                              r" 분포"}
PROSE_NON_PREFERRED = {_CELL_ONLY.get(rule, rule): advice for rule, advice in NON_PREFERRED.items()
                       if not rule.startswith("^")}

ROOT = Path(__file__).parent.parent
ENGLISH = [p for d in ("notebooks", "solutions") for p in sorted((ROOT / d).glob("[0-9][0-9]_*.ipynb"))]


def load_translate():
    """tools/translate.py as a module (for its status check and a fresh build)."""
    spec = importlib.util.spec_from_file_location("translate", ROOT / "tools" / "translate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translate", module)
    spec.loader.exec_module(module)
    return module


# --- the checks ---------------------------------------------------------------------------------


def source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def masked_tree(code: str) -> str:
    """``ast.dump`` of the code with every string literal masked; an f-string becomes the sorted
    dumps of the expressions it formats (with their conversions and format specs, and with the
    string literals inside them masked too)."""

    class Mask(ast.NodeTransformer):
        def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
            for value in node.values:  # a label in braces, f"{'a' if x else 'b'}", is text too;
                if isinstance(value, ast.FormattedValue):  # a format spec is not
                    value.value = self.visit(value.value)
            parts = sorted(ast.dump(value) for value in node.values if isinstance(value, ast.FormattedValue))
            return ast.Constant(value="<f-string: " + " | ".join(parts) + ">")

        def visit_Constant(self, node: ast.Constant) -> ast.AST:
            return ast.Constant(value="<str>") if isinstance(node.value, str) else node

    return ast.dump(Mask().visit(ast.parse(code)))


def structure_problems(english: dict, korean: dict) -> list[str]:
    shape = [(c["cell_type"], c.get("id")) for c in english["cells"]]
    twin = [(c["cell_type"], c.get("id")) for c in korean["cells"]]
    if shape == twin:
        return []
    return [f"cells differ: {len(shape)} English (types, ids) {shape[:3]}..., {len(twin)} Korean {twin[:3]}..."]


def code_problems(english: dict, korean: dict) -> list[str]:
    problems = []
    for en, ko in zip(english["cells"], korean["cells"], strict=False):
        if en["cell_type"] == ko["cell_type"] == "code":
            try:
                same = masked_tree(source(en)) == masked_tree(source(ko))
            except SyntaxError as error:
                problems.append(f"cell {ko.get('id')}: {error}")
                continue
            if not same:
                problems.append(f"cell {ko.get('id')}: the code differs beyond its string literals")
    return problems


def _sanitizers() -> list[tuple[re.Pattern, str]]:
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    return [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]


SANITIZERS = _sanitizers()
#: A number as printed: a sign only where no word precedes it ("class-2" holds the number 2).
NUMBER = re.compile(r"(?<![\w.])[-−]?(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][-+−]?\d+)?")


def printed_numbers(cell: dict) -> Counter:
    """The multiset of numbers in a code cell's stream and text/plain outputs."""
    found: Counter = Counter()
    for output in cell.get("outputs", []):
        texts = [output.get("text", ""), output.get("data", {}).get("text/plain", "")]
        for text in texts:
            text = text if isinstance(text, str) else "".join(text)
            for pattern, replace in SANITIZERS:
                text = pattern.sub(replace, text)
            found.update(n.replace("−", "-").replace(",", "") for n in NUMBER.findall(text))
    return found


def number_problems(english: dict, korean: dict) -> list[str]:
    problems = []
    for en, ko in zip(english["cells"], korean["cells"], strict=False):
        if en["cell_type"] == ko["cell_type"] == "code":
            a, b = printed_numbers(en), printed_numbers(ko)
            if a != b:
                problems.append(f"cell {ko.get('id')}: English only {dict(a - b)}, Korean only {dict(b - a)}")
    return problems


_HEADING = re.compile(r"^(#{1,6})\s+(\d+(?:\.\d+)*\.?)?", re.MULTILINE)


def heading_problems(english: dict, korean: dict) -> list[str]:
    problems = []
    for en, ko in zip(english["cells"], korean["cells"], strict=False):
        if en["cell_type"] == ko["cell_type"] == "markdown":
            a, b = _HEADING.findall(source(en)), _HEADING.findall(source(ko))
            if a != b:
                problems.append(f"cell {ko.get('id')}: headings {a} became {b}")
    return problems


def string_literals(code: str) -> list[str]:
    """The text of every string literal of the code (an f-string's literal parts)."""
    return [node.value for node in ast.walk(ast.parse(code))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def glossary_problems(korean: dict) -> list[str]:
    texts = []
    for cell in korean["cells"]:
        if cell["cell_type"] == "markdown":
            texts.append(source(cell))
        elif cell["cell_type"] == "code":
            texts += string_literals(source(cell))
    return [f"{pattern!r} in {text[:60]!r}: use {advice}"
            for text in texts for pattern, advice in PROSE_NON_PREFERRED.items() if re.search(pattern, text)]


_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\s(?:src|href)=[\"']([^\"']+)[\"']")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def link_problems(korean: dict, folder: Path) -> list[str]:
    problems = []
    for cell in korean["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for match in _LINK.finditer(source(cell)):
            link = match.group(1) or match.group(2)
            if link.startswith("#") or _SCHEME.match(link):
                continue
            target = (folder / link.split("#")[0]).resolve()
            if not target.exists():
                problems.append(f"cell {cell.get('id')}: {link} does not resolve")
    return problems


def twin_problems(english: dict, korean: dict, folder: Path) -> list[str]:
    """Every difference between a notebook and its Korean twin that the edition forbids."""
    problems = structure_problems(english, korean)
    if problems:
        return problems
    return (code_problems(english, korean) + number_problems(english, korean)
            + heading_problems(english, korean) + glossary_problems(korean) + link_problems(korean, folder))


def fresh_build_sources(english: Path, tmp_path: Path, translate) -> list[str]:
    """The cell sources a build of ``english`` writes now, built into ``tmp_path``."""
    copy_dir = tmp_path / english.parent.name
    copy_dir.mkdir(parents=True, exist_ok=True)
    (copy_dir / english.name).write_bytes(english.read_bytes())
    table = translate.translation_path(english)
    original_root, original_path = translate.ROOT, translate.translation_path
    translate.ROOT, translate.translation_path = tmp_path, lambda _: table
    try:
        built = translate.build(copy_dir / english.name)
    finally:
        translate.ROOT, translate.translation_path = original_root, original_path
    return [source(c) for c in json.loads(built.read_text(encoding="utf-8"))["cells"]]


# --- the checks on synthetic pairs ----------------------------------------------------------------


def _cell(kind: str, text: str, cell_id: str, outputs: list | None = None) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": text.splitlines(keepends=True)}
    if kind == "code":
        cell.update(outputs=outputs or [], execution_count=1)
    return cell


def _stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": [text]}


@pytest.fixture
def pair(tmp_path):
    """A small English notebook and a faithful Korean twin in tmp_path/ko."""
    (tmp_path / "ko").mkdir()
    (tmp_path / "glossary.md").write_text("x")
    english = {"cells": [
        _cell("markdown", "## 3. Likelihood\n\nSee the [glossary](glossary.md).", "a1"),
        _cell("code", 'bl.set_language("en")\nx = 0.25\nprint(f"θ = {x:.2f}, n = {10_000:,}")  # a comment',
              "b2", [_stream("θ = 0.25, n = 10,000\n")]),
        _cell("code", 'ax.set_title("likelihood")\n-1.5', "c3",
              [{"output_type": "execute_result", "data": {"text/plain": ["-1.5"]}, "metadata": {}}]),
    ]}
    korean = copy.deepcopy(english)
    korean["cells"][0]["source"] = ["## 3. 가능도\n", "\n", "[용어집](../glossary.md)을 보십시오."]
    korean["cells"][1]["source"] = ['bl.set_language("ko")\n', "x = 0.25\n",
                                    'print(f"n = {10_000:,}, θ = {x:.2f}")  # 주석']
    korean["cells"][1]["outputs"] = [_stream("n = 10,000, θ = 0.25\n")]
    korean["cells"][2]["source"] = ['ax.set_title("가능도")\n', "-1.5"]
    return english, korean, tmp_path / "ko"


def test_a_faithful_twin_passes(pair):
    english, korean, folder = pair
    assert twin_problems(english, korean, folder) == []


def test_a_missing_or_moved_cell_fails(pair):
    english, korean, folder = pair
    assert structure_problems(english, {"cells": korean["cells"][:2]})
    swapped = {"cells": [korean["cells"][1], korean["cells"][0], korean["cells"][2]]}
    assert structure_problems(english, swapped)
    renamed = copy.deepcopy(korean)
    renamed["cells"][2]["id"] = "zz"
    assert twin_problems(english, renamed, folder)


@pytest.mark.parametrize("edit", [
    ("x = 0.25\n", "x = 0.26\n"),  # a number
    ("{x:.2f}", "{x:.3f}"),  # a format spec
    ("{x:.2f}", "{x + 1:.2f}"),  # a formatted expression
    ('ax.set_title("가능도")', 'ax.set_xlabel("가능도")'),  # a call
])
def test_a_code_change_beyond_the_strings_fails(pair, edit):
    english, korean, folder = pair
    for cell in korean["cells"]:
        cell["source"] = source(cell).replace(*edit).splitlines(keepends=True)
    assert code_problems(english, korean)


def test_different_printed_numbers_fail(pair):
    english, korean, folder = pair
    korean["cells"][1]["outputs"] = [_stream("n = 10,000, θ = 0.26\n")]
    assert number_problems(english, korean)
    korean["cells"][1]["outputs"] = [_stream("θ = 0.25\n")]
    assert number_problems(english, korean)
    korean["cells"][2]["outputs"][0]["data"]["text/plain"] = ["−1.5"]  # the same number, Unicode minus
    korean["cells"][1]["outputs"] = [_stream("n = 10000 (θ = 0.25)\n")]  # thousands separators aside
    assert number_problems(english, korean) == []
    korean["cells"][2]["outputs"][0]["data"]["text/plain"] = ["class-1.5"]  # a hyphen is no minus sign
    assert number_problems(english, korean)
    korean["cells"][2]["outputs"][0]["data"]["text/plain"] = ["−1.5"]
    assert number_problems(english, korean) == []
    english["cells"][1]["outputs"] = [_stream("θ = 0.1234567, 10,000\n")]  # nbval's digits beyond the sixth
    korean["cells"][1]["outputs"] = [_stream("10,000 θ = 0.1234569\n")]
    assert number_problems(english, korean) == []


def test_a_renumbered_heading_fails(pair):
    english, korean, folder = pair
    korean["cells"][0]["source"] = ["## 4. 가능도\n"]
    assert heading_problems(english, korean)
    korean["cells"][0]["source"] = ["### 3. 가능도\n"]
    assert heading_problems(english, korean)


@pytest.mark.parametrize("text", ["로그 우도", "사전 분포", "검증 세트", "신뢰도", "아담"])
def test_a_non_preferred_term_fails_in_markdown_and_in_a_string(pair, text):
    english, korean, folder = pair
    markdown = copy.deepcopy(korean)
    markdown["cells"][0]["source"] = [f"## 3. {text}\n"]
    assert glossary_problems(markdown)
    code = copy.deepcopy(korean)
    code["cells"][2]["source"] = [f'ax.set_title("{text}")\n', "-1.5"]
    assert glossary_problems(code)
    assert glossary_problems(korean) == []


def test_a_broken_relative_link_fails(pair):
    english, korean, folder = pair
    korean["cells"][0]["source"] = ["[용어집](glossary.md) ![그림](<missing.png>) [웹](https://example.org)"]
    problems = link_problems(korean, folder)
    assert len(problems) == 2 and "glossary.md" in problems[0] and "missing.png" in problems[1]
    korean["cells"][0]["source"] = ['<img src="../glossary.md"> [위](#top)']
    assert link_problems(korean, folder) == []


def test_a_fresh_build_reproduces_a_notebook_and_notices_a_hand_edit(tmp_path, monkeypatch):
    translate = load_translate()
    english = tmp_path / "repo" / "notebooks" / "01_x.ipynb"
    english.parent.mkdir(parents=True)
    cells = [_cell("markdown", "# 1. Title", "m1"), _cell("code", 'bl.set_language("en")\nprint("hello")', "c1")]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    english.write_text(json.dumps(nb))
    table = tmp_path / "table.json"
    table.write_text(json.dumps({"source": "notebooks/01_x.ipynb",
                                 "markdown": {"m1": {"en": translate.cell_hash("# 1. Title"), "ko": "# 1. 제목"}},
                                 "code": {'"hello"': '"안녕하세요"'}}, ensure_ascii=False))
    monkeypatch.setattr(translate, "translation_path", lambda _: table)
    built = fresh_build_sources(english, tmp_path / "build", translate)
    assert built == ["# 1. 제목", 'bl.set_language("ko")\nprint("안녕하세요")']
    hand_edited = ["# 1. 제목", 'bl.set_language("ko")\nprint("안녕!")']
    assert hand_edited != built
    assert translate.check(english) == {"missing": [], "stale": [], "texts": [], "unused": []}
    nb["cells"][0]["source"] = ["# 1. New title"]
    english.write_text(json.dumps(nb))
    assert translate.check(english)["stale"] == ["m1"]


# --- the real edition -------------------------------------------------------------------------------


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _korean(english: Path) -> dict:
    twin = english.parent / "ko" / english.name
    assert twin.exists(), f"no Korean twin {twin.relative_to(ROOT)}: python tools/translate.py build"
    return json.loads(twin.read_text(encoding="utf-8"))


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_the_korean_twin_matches_its_english_notebook(english):
    korean = _korean(english)
    problems = twin_problems(json.loads(english.read_text(encoding="utf-8")), korean, english.parent / "ko")
    assert problems == []


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_the_translation_is_complete_and_the_twin_is_a_fresh_build(english, tmp_path):
    translate = load_translate()
    report = translate.check(english)
    assert {k: v for k, v in report.items() if v} == {}, "python tools/translate.py status"
    korean = _korean(english)
    assert [source(c) for c in korean["cells"]] == fresh_build_sources(english, tmp_path, translate), (
        "the Korean notebook differs from a fresh build: edit translations/ko/, then python tools/translate.py build"
    )


def test_the_checks_pass_on_a_real_notebook_with_a_complete_translation(tmp_path, monkeypatch):
    """A stand-in translation of a real solution notebook (markdown with a Korean line added and
    its links one folder deeper, every code text kept): its build passes every twin check, with
    the English outputs as its own (the same code prints the same numbers)."""
    translate = load_translate()
    english = ROOT / "solutions" / "03_weight_decay_prior_solutions.ipynb"
    nb = json.loads(english.read_text(encoding="utf-8"))
    markdown = {c["id"]: {"en": translate.cell_hash(source(c)),
                          "ko": source(c).replace("](../", "](../../") + "\n\n(한국어판)"}
                for c in nb["cells"] if c["cell_type"] == "markdown"}
    texts = {text: text for c in nb["cells"] if c["cell_type"] == "code"
             for _, _, kind, text in translate.code_texts(source(c)) if kind != "language"}
    table = tmp_path / "table.json"
    table.write_text(json.dumps({"source": "solutions/x", "markdown": markdown, "code": texts}, ensure_ascii=False))
    monkeypatch.setattr(translate, "translation_path", lambda _: table)
    built = fresh_build_sources(english, tmp_path / "build", translate)
    korean = copy.deepcopy(nb)
    for cell, text in zip(korean["cells"], built, strict=True):
        cell["source"] = text.splitlines(keepends=True)
    assert any('set_language("ko")' in text for text in built)
    assert twin_problems(nb, korean, english.parent / "ko") == []
    korean["cells"][-1]["source"] = ["## 9. 틀린 번호\n"] if korean["cells"][-1]["cell_type"] == "markdown" else ["1"]
    assert twin_problems(nb, korean, english.parent / "ko") != []


def test_the_prose_rules_follow_the_glossary_rules():
    assert set(_CELL_ONLY) <= set(NON_PREFERRED), "a glossary rule read for prose was renamed"
    assert len(PROSE_NON_PREFERRED) == sum(not rule.startswith("^") for rule in NON_PREFERRED)
    flagged = ["우도 함수", "사전 분포를", "검증 세트", "신뢰도가 높은", "가중치 수축", "아담 최적화"]
    kept = ["경우도 있습니다", "두 분포 사이", "사전분포를", "신뢰도 다이어그램", "가능도(우도)"]
    for text in flagged:
        assert any(re.search(rule, text) for rule in PROSE_NON_PREFERRED), text
    for text in kept:
        assert not any(re.search(rule, text) for rule in PROSE_NON_PREFERRED), text
