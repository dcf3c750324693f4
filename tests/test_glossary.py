"""The English / 한국어 glossary (docs/glossary.md) against the notebooks.

Every term in every notebook's own glossary table must have a row in the full glossary
(matched by its English name or one of the other names given in brackets), the core terms
of the course must be there with their Korean names, and every lesson's glossary section
must link to the full glossary. The Korean column has one spelling everywhere: no table, in
the glossary or in a notebook, uses a spelling that ``NON_PREFERRED`` names, and a
notebook's Korean term is the full glossary's first (preferred) one.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.stem.startswith("00_")]

#: Core terms of the course and the Korean name each row must give.
REQUIRED = {
    "likelihood": "가능도",
    "log-likelihood": "로그 가능도",
    "prior": "사전확률",
    "posterior": "사후확률",
    "evidence": "증거",
    "MLE": "최대 가능도 추정",
    "MAP": "최대 사후 확률 추정",
    "conjugate prior": "켤레 사전분포",
    "posterior predictive": "사후 예측분포",
    "Laplace approximation": "라플라스 근사",
    "weight decay": "가중치 감쇠",
    "L2 regularisation": "L2 정규화",
    "ridge regression": "능형 회귀",
    "entropy": "엔트로피",
    "cross-entropy": "교차 엔트로피",
    "KL divergence": "쿨백-라이블러 발산",
    "label smoothing": "레이블 스무딩",
    "mixup": "",
    "calibration": "보정",
    "empirical risk": "경험적 위험",
    "expected risk": "기대 위험",
    "held-out set": "검증 집합",
    "overfitting": "과적합",
    "Monte Carlo estimate": "몬테카를로 추정",
    "log-odds": "로그 오즈",
    "softmax": "소프트맥스",
    "logit": "로짓",
    "confidence": "확신도",
    "reliability diagram": "신뢰도 다이어그램",
    "shrinkage": "축소",
    "Gaussian distribution": "정규분포",
    "surprise": "자기 정보량",
    "Adam": "Adam",
}

#: Korean spellings the course does not use (a regular expression over one Korean cell of a
#: glossary table) and what it uses instead. docs/glossary.md explains the conventions.
NON_PREFERRED = {
    r"(?<!\()우도": "가능도 (우도 only as likelihood's bracketed alternative, never in compounds)",
    r"[가-힣] 분포": "a distribution closed up with its name: 사전분포, 사후분포, 정규분포, 베타분포",
    r"검증용|검증 세트|홀드아웃 세트|홀드아웃 \(검증\)": "검증 집합 (홀드아웃 데이터)",
    r"신뢰도(?! 다이어그램)": "확신도 for confidence (신뢰도 is the reliability diagram's)",
    r"수축": "축소 for shrinkage",
    r"아담": "Adam, in Latin letters",
    r"^놀람": "자기 정보량 first for surprise",
    r"^릿지": "능형 회귀 first (릿지 회귀 in brackets)",
    r"^가우스|^가우시안 분포": "정규분포 first for the Gaussian distribution",
}

#: Coinages without an established Korean term: their Korean cell keeps the English beside it.
KEEP_ENGLISH = (
    "mode covering", "mode seeking", "vicinal risk", "rule of succession", "proper scoring rule",
)

#: Terms kept in Latin letters, whose Korean cell has no Hangul.
LATIN = {"Adam"}


def table_rows(markdown: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``markdown``, as lists of cells."""
    rows = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip("|"))]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells) or cells[0] == "English":
            continue
        rows.append(cells)
    return rows


def normalise(name: str) -> str:
    name = re.sub(r"[-‐]", " ", name.lower())
    name = re.sub(r"\s+(estimate|estimation)$", "", re.sub(r"\s+", " ", name).strip())
    return name


def names(term: str) -> set[str]:
    """A term's English names: without the brackets, and each name given in brackets."""
    found = {re.sub(r"\s*\([^)]*\)", "", term)}
    for inside in re.findall(r"\(([^)]*)\)", term):
        found.update(part for part in inside.split(","))
    return {normalise(n) for n in found if n.strip()}


def split_term(term: str) -> list[str]:
    """``"forward / reverse KL"`` → ``["forward KL", "reverse KL"]``; ``"nat / bit"`` → both."""
    parts = [p.strip() for p in term.split(" / ")]
    tail = parts[-1].split(" ", 1)
    if len(tail) == 2:
        parts = [p if " " in p else f"{p} {tail[1]}" for p in parts[:-1]] + [parts[-1]]
    return parts


def glossary_rows() -> list[list[str]]:
    return table_rows(GLOSSARY.read_text(encoding="utf-8"))


def notebook_glossary(path: Path) -> str | None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Glossary"):
            return cell.source
    return None


def test_one_row_per_term_with_a_meaning() -> None:
    rows = glossary_rows()
    assert len(rows) >= len(REQUIRED)
    english = [normalise(r[0]) for r in rows]
    assert len(set(english)) == len(english), "a term has two rows"
    for row in rows:
        assert len(row) == 4, f"row {row[0]!r}: expected English | 한국어 | Meaning | Notebooks"
        assert all(row[:3]), f"row {row[0]!r} has an empty cell"
        assert row[0] in LATIN or re.search(r"[\uac00-\ud7a3]", row[1]), f"row {row[0]!r}: no Korean term"
    assert english == sorted(english), "rows are not in alphabetical order"


@pytest.mark.parametrize("term", list(REQUIRED))
def test_core_term_has_its_korean_name(term: str) -> None:
    matches = [r for r in glossary_rows() if normalise(term) in names(r[0])]
    assert matches, f"no glossary row for {term!r}"
    assert REQUIRED[term] in matches[0][1], f"{term!r}: Korean should include {REQUIRED[term]!r}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_notebook_term_is_in_the_glossary(path: Path) -> None:
    source = notebook_glossary(path)
    assert source is not None, f"{path.name} has no '## Glossary' section"
    known = set().union(*(names(r[0]) for r in glossary_rows()))
    missing = [
        term
        for row in table_rows(source)
        for term in split_term(row[0])
        if not names(term) & known
    ]
    assert not missing, f"{path.name}: add these terms to docs/glossary.md: {missing}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_notebook_glossary_links_the_full_glossary(path: Path) -> None:
    source = notebook_glossary(path)
    assert source is not None, f"{path.name} has no '## Glossary' section"
    assert "](../docs/glossary.md)" in source, f"{path.name}: glossary does not link ../docs/glossary.md"


def test_glossary_links_resolve() -> None:
    for target in re.findall(r"\]\(([^)#]+)", GLOSSARY.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (GLOSSARY.parent / target).exists(), f"broken link {target}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_glossary_rows_link_the_notebooks_that_use_them(path: Path) -> None:
    source = notebook_glossary(path)
    assert source is not None
    link = f"](../notebooks/{path.name})"
    unlinked = []
    for row in table_rows(source):
        for term in split_term(row[0]):
            match = next((r for r in glossary_rows() if names(term) & names(r[0])), None)
            if match is not None and link not in match[3]:
                unlinked.append(match[0])
    assert not unlinked, f"docs/glossary.md rows that should link {path.name}: {unlinked}"


ALL_NOTEBOOKS = NOTEBOOKS + sorted((ROOT / "solutions").glob("*.ipynb"))


def korean_cells() -> list[tuple[str, str, str]]:
    """(where, English term, Korean cell) for every row of every glossary table."""
    cells = [("docs/glossary.md", row[0], row[1]) for row in glossary_rows()]
    for path in ALL_NOTEBOOKS:
        source = notebook_glossary(path)
        if source is not None:
            cells += [(path.name, row[0], row[1]) for row in table_rows(source)]
    return cells


def preferred(korean: str) -> list[str]:
    """The Korean terms of a cell without their bracketed alternatives, one per ' / ' part."""
    return [re.sub(r"\s*\([^)]*\)", "", part).strip() for part in korean.split(" / ")]


def test_the_spelling_rules_catch_what_they_should() -> None:
    flagged = {"우도 (가능도)", "로그 우도", "최대우도추정량", "사전 분포", "사후 예측 분포",
               "검증용 데이터 (홀드아웃 데이터)", "신뢰도 (확신도)", "수축", "아담", "놀람 (자기 정보량)",
               "릿지 회귀", "가우스분포 (정규분포)", "홀드아웃 (검증) 세트"}
    kept = {"가능도 (우도)", "로그 가능도", "사전확률 (사전분포)", "신뢰도 다이어그램", "확신도",
            "능형 회귀 (릿지 회귀)", "정규분포 (가우스분포)", "검증 집합 (홀드아웃 데이터)", "축소"}
    for text in flagged:
        assert any(re.search(rule, text) for rule in NON_PREFERRED), text
    for text in kept:
        assert not any(re.search(rule, text) for rule in NON_PREFERRED), text


@pytest.mark.parametrize("where", ["docs/glossary.md", *(p.name for p in ALL_NOTEBOOKS)])
def test_one_korean_spelling_everywhere(where: str) -> None:
    found = [f"{term!r}: {korean!r} -> {use}"
             for place, term, korean in korean_cells() if place == where
             for rule, use in NON_PREFERRED.items() if re.search(rule, korean)]
    assert not found, f"{where} uses non-preferred Korean spellings: {found}"


@pytest.mark.parametrize("where", ["docs/glossary.md", *(p.name for p in ALL_NOTEBOOKS)])
def test_coinages_keep_their_english(where: str) -> None:
    missing = [f"{term!r}: {korean!r} should give {english!r} in brackets"
               for place, term, korean in korean_cells() if place == where
               for english in KEEP_ENGLISH
               if english in split_term(term) or english == term
               if f"{english})" not in korean]
    assert not missing, f"{where}: {missing}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_notebook_korean_is_the_glossarys_first_term(path: Path) -> None:
    """A notebook's Korean term is (part of) the full glossary's first Korean term for it."""
    source = notebook_glossary(path)
    assert source is not None
    drift = []
    for row in table_rows(source):
        parts, korean = split_term(row[0]), preferred(row[1])
        pairs = zip(parts, korean, strict=True) if len(parts) == len(korean) else [(parts[0], " / ".join(korean))]
        for term, used in pairs:
            match = next((r for r in glossary_rows() if names(term) & names(r[0])), None)
            if match is not None and used not in preferred(match[1])[0]:
                drift.append(f"{term!r}: {used!r}, glossary: {preferred(match[1])[0]!r}")
    assert not drift, f"{path.name}: Korean terms that differ from docs/glossary.md: {drift}"
