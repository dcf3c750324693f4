"""Build the Korean edition (notebooks/ko/, solutions/ko/) from the English notebooks.

A Korean notebook is its English twin with three kinds of text replaced, and nothing else:

* each markdown cell, by the Korean text stored for that cell's id;
* each string literal in a code cell that a reader may see (it contains a word: two or more
  letters in a row), by the Korean literal stored for it;
* each code comment, by the Korean comment stored for it.

The translations live in ``translations/ko/<notebooks|solutions>/<name>.json``::

    {
      "source": "notebooks/01_coin_flip_mle.ipynb",
      "markdown": {"<cell id>": {"en": "<hash of the English cell>", "ko": "<Korean markdown>"}},
      "code": {"<English literal or comment, as in the source>": "<Korean literal or comment>"}
    }

A code entry whose value equals its key keeps the English text (a colour name, a file name, an
option such as ``"upper right"``). The code is copied from the English notebook at every build,
so the maths can never differ between the editions; a markdown cell whose English text changed
since it was translated is *stale* (its stored hash no longer matches) and the build refuses it
until the Korean text is brought in step and the hash updated (``status`` shows which).

Usage::

    python tools/translate.py status   [NOTEBOOK ...]   # what is missing, stale or unused
    python tools/translate.py skeleton [NOTEBOOK ...]   # add empty entries for what is missing
    python tools/translate.py rehash   NOTEBOOK CELL_ID # mark one cell's Korean as up to date
    python tools/translate.py carry    [NOTEBOOK ...]   # keep translations of re-wrapped texts
    python tools/translate.py build    [NOTEBOOK ...]   # write the Korean notebooks (no outputs)

Without NOTEBOOK, every notebook in notebooks/ and solutions/. ``build`` writes notebooks whose
outputs are empty (a Korean notebook whose sources it would not change is left as it is, with
its outputs); ``tools/execute_notebooks.py`` then executes them.
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import io
import json
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("notebooks", "solutions")
LANGUAGE = "ko"
# A literal a reader may see: it holds a word of two or more letters (Latin, Greek or Hangul).
_WORD = re.compile(r"[^\W\d_]{2,}")


def english_notebooks() -> list[Path]:
    return sorted(p for d in EDITIONS for p in (ROOT / d).glob("[0-9][0-9]_*.ipynb"))


def korean_path(english: Path) -> Path:
    return english.parent / LANGUAGE / english.name


def translation_path(english: Path) -> Path:
    return ROOT / "translations" / LANGUAGE / english.parent.name / f"{english.stem}.json"


def cell_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of a cell's text (its staleness stamp)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def as_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


# --- the text of a code cell --------------------------------------------------------------


def masked(code: str) -> str:
    """The code's syntax tree with every string literal (and f-string text) masked.

    An f-string keeps the expressions it formats, sorted (a translation may reorder them), with
    the string literals inside them masked too.
    """

    class Mask(ast.NodeTransformer):
        def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
            for value in node.values:  # a label in braces, f"{'a' if x else 'b'}", is text too;
                if isinstance(value, ast.FormattedValue):  # a format spec is not
                    value.value = self.visit(value.value)
            values = sorted(ast.dump(v) for v in node.values if isinstance(v, ast.FormattedValue))
            return ast.Constant(value=("f-string", *values))

        def visit_Constant(self, node: ast.Constant) -> ast.AST:
            return ast.Constant(value="str") if isinstance(node.value, str) else node

    return ast.dump(Mask().visit(ast.parse(code)))


def _offsets(code: str) -> list[int]:
    """Character offset at which each line (1-based, so index 0 is unused) starts."""
    starts = [0, 0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _char_col(line: str, byte_col: int) -> int:
    """ast gives columns in UTF-8 bytes; strings are indexed in characters."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8"))


def _is_language_switch(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    parent = parents.get(node)
    if not isinstance(parent, ast.Call) or parent.args != [node]:
        return False
    func = parent.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name == "set_language"


def code_texts(code: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, text) of every string literal and comment a reader may see.

    ``kind`` is ``"string"``, ``"comment"`` or ``"language"`` (the argument of a
    ``set_language`` call, switched to the edition's language without a catalogue entry).
    String literals nested in an f-string belong to that f-string.
    """
    lines = code.splitlines(keepends=True)
    starts = _offsets(code)
    tree = ast.parse(code)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: list[tuple[int, int, str, str]] = []

    def visit(node: ast.AST) -> None:
        is_text = isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
        if is_text:
            assert node.end_lineno is not None and node.end_col_offset is not None
            start = starts[node.lineno] + _char_col(lines[node.lineno - 1], node.col_offset)
            end = starts[node.end_lineno] + _char_col(
                lines[node.end_lineno - 1], node.end_col_offset
            )
            text = code[start:end]
            if _is_language_switch(node, parents):
                found.append((start, end, "language", text))
            elif _WORD.search(text.lstrip("rRbBuUfF")):
                found.append((start, end, "string", text))
            return  # an f-string's parts are part of it
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            (row, col), (erow, ecol) = token.start, token.end
            found.append((starts[row] + col, starts[erow] + ecol, "comment", token.string))
    return sorted(found)


def translate_code(code: str, table: dict[str, str | None]) -> tuple[str, list[str]]:
    """The code with its texts replaced from ``table``; and the texts the table lacks."""
    missing: list[str] = []
    out = code
    for start, end, kind, text in reversed(code_texts(code)):
        if kind == "language":
            new = text.replace("en", LANGUAGE)
        else:
            new = table.get(text)
            if new is None:
                missing.append(text)
                continue
        out = out[:start] + new + out[end:]
    return out, missing[::-1]


# --- one notebook -------------------------------------------------------------------------


def load_table(english: Path) -> dict:
    path = translation_path(english)
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"source": english.relative_to(ROOT).as_posix(), "markdown": {}, "code": {}}


def save_table(english: Path, table: dict) -> None:
    path = translation_path(english)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def check(english: Path) -> dict[str, list[str]]:
    """What the translation of one notebook lacks: missing/stale cells, missing/unused texts."""
    nb = json.loads(english.read_text(encoding="utf-8"))
    table = load_table(english)
    report: dict[str, list[str]] = {"missing": [], "stale": [], "texts": [], "unused": []}
    used: set[str] = set()
    for cell in nb["cells"]:
        text = source(cell)
        if cell["cell_type"] == "markdown":
            entry = table["markdown"].get(cell["id"])
            if not entry or not entry.get("ko"):
                report["missing"].append(cell["id"])
            elif entry.get("en") != cell_hash(text):
                report["stale"].append(cell["id"])
        elif cell["cell_type"] == "code":
            for _, _, kind, literal in code_texts(text):
                if kind == "language":
                    continue
                used.add(literal)
                if table["code"].get(literal) is None:
                    report["texts"].append(literal)
    report["unused"] = [k for k in table["code"] if k not in used]
    return report


def skeleton(english: Path) -> None:
    """Add an empty entry for every markdown cell and code text the table lacks."""
    nb = json.loads(english.read_text(encoding="utf-8"))
    table = load_table(english)
    for cell in nb["cells"]:
        text = source(cell)
        if cell["cell_type"] == "markdown":
            table["markdown"].setdefault(cell["id"], {"en": cell_hash(text), "ko": None})
        elif cell["cell_type"] == "code":
            for _, _, kind, literal in code_texts(text):
                if kind != "language":
                    table["code"].setdefault(literal, None)
    save_table(english, table)


def _meaning(literal: str) -> str | None:
    """What a literal says, whatever its layout: ``"a " "b"`` and ``"a b"`` mean the same."""
    if literal.startswith("#"):
        return literal
    try:
        return ast.dump(ast.parse(f"(\n{literal}\n)", mode="eval").body)
    except SyntaxError:
        return None


def carry(english: Path) -> int:
    """Give each untranslated code text the translation of an unused entry that says the same.

    When the English code only re-wraps a literal (splits a long f-string into two adjacent
    ones, say), its text is new to the table but means what an old entry meant; the old
    entry's translation is kept for it and the old entry is dropped. Returns how many moved.
    """
    report = check(english)
    table = load_table(english)
    unused = {_meaning(key): key for key in report["unused"]}
    moved = 0
    for literal in report["texts"]:
        old = unused.pop(_meaning(literal), None)
        if old is not None and table["code"].get(old) is not None:
            table["code"][literal] = table["code"].pop(old)
            moved += 1
            continue
        for old, korean in list(table["code"].items()):
            renamed = _renamed(old, literal, korean) if old in report["unused"] else None
            if renamed is not None:
                table["code"][literal] = renamed
                del table["code"][old]
                moved += 1
                break
    save_table(english, table)
    return moved


def _fields(literal: str) -> tuple[str, list[str]] | None:
    """An f-string's text parts (as one dump) and the source of each expression it formats."""
    try:
        code = f"(\n{literal}\n)"
        node = ast.parse(code, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = [v for v in node.values if isinstance(v, ast.FormattedValue)]
    text = ast.dump(ast.JoinedStr([v for v in node.values if not isinstance(v, ast.FormattedValue)]))
    return text, [ast.get_source_segment(code, v.value) or "" for v in parts]


def _renamed(old: str, new: str, korean: str | None) -> str | None:
    """``korean`` with the English edit applied, when the English f-string only renamed what
    it formats (``{fit.mu}`` → ``{fit.mean}``); else None."""
    before, after = _fields(old), _fields(new)
    if korean is None or before is None or after is None or before[0] != after[0]:
        return None
    if len(before[1]) != len(after[1]):
        return None
    for a, b in zip(before[1], after[1], strict=True):
        if a != b:
            if korean.count("{" + a) != 1:
                return None
            korean = korean.replace("{" + a, "{" + b)
    return korean


def build(english: Path) -> Path:
    """Write the Korean twin of one notebook, with empty outputs; raise if anything is lacking."""
    report = check(english)
    if report["missing"] or report["stale"] or report["texts"]:
        raise SystemExit(f"{english.relative_to(ROOT)}: not ready, {_describe(report)}")
    nb = json.loads(english.read_text(encoding="utf-8"))
    table = load_table(english)
    ko = copy.deepcopy(nb)
    for cell in ko["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = as_lines(table["markdown"][cell["id"]]["ko"])
        elif cell["cell_type"] == "code":
            code, _ = translate_code(source(cell), table["code"])
            try:
                same = masked(code) == masked(source(cell))
            except SyntaxError as error:
                raise SystemExit(f"{english.name}, cell {cell['id']}: {error}") from None
            if not same:
                raise SystemExit(f"{english.name}, cell {cell['id']}: a translation changed code")
            cell["source"] = as_lines(code)
            cell["outputs"] = []
            cell["execution_count"] = None
    ko["metadata"]["bayeslearn"] = {
        "language": LANGUAGE,
        "english": f"../{english.name}",
    }
    target = korean_path(english)
    if target.exists() and _sources(json.loads(target.read_text(encoding="utf-8"))) == _sources(ko):
        return target  # already this build: keep its executed outputs
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(ko, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def _sources(nb: dict) -> list[tuple[str, str, str]]:
    """What a build decides in a notebook: each cell's type, id and text."""
    return [(cell["cell_type"], cell["id"], source(cell)) for cell in nb["cells"]]


def _describe(report: dict[str, list[str]]) -> str:
    return ", ".join(f"{len(v)} {k}" for k, v in report.items() if v) or "complete"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["status", "skeleton", "rehash", "carry", "build"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command == "rehash":
        english, cell_id = args.notebooks[0].resolve(), str(args.notebooks[1])
        nb = json.loads(english.read_text(encoding="utf-8"))
        text = next(source(c) for c in nb["cells"] if c["id"] == cell_id)
        table = load_table(english)
        table["markdown"][cell_id]["en"] = cell_hash(text)
        save_table(english, table)
        return 0
    notebooks = [p.resolve() for p in args.notebooks] or english_notebooks()
    failed = False
    for english in notebooks:
        name = english.relative_to(ROOT)
        if args.command == "status":
            report = check(english)
            print(f"{name}: {_describe(report)}")
            for kind in ("missing", "stale"):
                for cell_id in report[kind]:
                    print(f"  {kind} markdown cell {cell_id}")
            for literal in report["texts"]:
                print(f"  untranslated text {literal!r}")
            failed |= bool(report["missing"] or report["stale"] or report["texts"])
        elif args.command == "carry":
            print(f"{name}: {carry(english)} carried over, now {_describe(check(english))}")
        elif args.command == "skeleton":
            skeleton(english)
            print(f"{name}: {_describe(check(english))}")
        else:
            print(f"{name} -> {build(english).relative_to(ROOT)}")
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
