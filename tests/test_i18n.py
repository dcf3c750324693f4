"""The message catalogue (bayeslearn.i18n.MESSAGES) against the library's source and its output.

Every call of the lookup ``tr`` in src/bayeslearn must pass a literal English message that has
an English and a Korean entry in the catalogue (a message built at run time could not be
checked, so it fails); every catalogue entry must be used; Korean entries use the glossary's
spellings; and with ``set_language("ko")`` a widget's slider descriptions and an exercise's
verdict come out in Korean, with ``"en"`` in English.
"""

from __future__ import annotations

import ast
import re
import string
from collections import Counter
from pathlib import Path

import pytest
from test_glossary import NON_PREFERRED
from test_korean_edition import NUMBER

import bayeslearn as bl
from bayeslearn.i18n import MESSAGES, tr

SRC = Path(__file__).parent.parent / "src" / "bayeslearn"
HANGUL = re.compile(r"[가-힣]")


def lookup_calls(source: str, filename: str = "<source>") -> tuple[list[str], list[str]]:
    """The literal messages passed to ``tr(...)`` in ``source``, and where a message is not literal."""
    literal, problems = [], []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            message = node.args[0] if node.args else None
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                literal.append(message.value)
            else:
                problems.append(f"{filename}:{node.lineno}: tr() without a literal message")
    return literal, problems


def catalogue_problems(used: list[str], catalogue: dict[str, dict[str, str]]) -> list[str]:
    """What is wrong between the messages used and a catalogue: missing, unused, incomplete."""
    problems = [f"no catalogue entry: {m!r}" for m in sorted(set(used) - set(catalogue))]
    problems += [f"unused catalogue entry: {m!r}" for m in sorted(set(catalogue) - set(used))]
    for message, entry in catalogue.items():
        if set(entry) != {"en", "ko"} or not all(entry.values()):
            problems.append(f"not exactly one English and one Korean text: {message!r}")
            continue
        if entry["en"] != message:
            problems.append(f"the English text differs from its key: {message!r}")
        if not HANGUL.search(entry["ko"]):
            problems.append(f"Korean text without Hangul: {message!r}")
        fields = [sorted({f for _, f, _, _ in string.Formatter().parse(t) if f}) for t in entry.values()]
        if fields[0] != fields[1]:
            problems.append(f"the placeholders differ between English and Korean: {message!r}")
    return problems


def used_messages() -> tuple[list[str], list[str]]:
    used, problems = [], []
    for path in sorted(SRC.rglob("*.py")):
        literal, bad = lookup_calls(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))
        used += literal
        problems += bad
    return used, problems


@pytest.fixture
def korean():
    bl.set_language("ko")
    yield
    bl.set_language("en")


def test_every_message_of_the_library_has_an_english_and_a_korean_entry_and_none_is_unused():
    used, problems = used_messages()
    assert len(set(used)) >= 100
    assert problems + catalogue_problems(used, MESSAGES) == []


def test_the_checks_catch_a_missing_an_unused_and_a_non_literal_message():
    literal, problems = lookup_calls('tr("a")\ntr(f"{x}")\ntr(name)\nprint("b")\n')
    assert literal == ["a"] and len(problems) == 2
    catalogue = {"a": {"en": "a", "ko": "가"}, "b": {"en": "b", "ko": "나"}, "{n}": {"en": "{n}", "ko": "다"}}
    found = catalogue_problems(["a", "c", "{n}"], catalogue)
    assert "no catalogue entry: 'c'" in found and "unused catalogue entry: 'b'" in found
    assert any("placeholders" in p for p in found)
    assert catalogue_problems(["x"], {"x": {"en": "x", "ko": "x"}}) == ["Korean text without Hangul: 'x'"]
    assert catalogue_problems(["x"], {"x": {"en": "x"}}) != []


@pytest.mark.parametrize("pattern", sorted(NON_PREFERRED))
def test_the_korean_messages_use_the_glossary_spellings(pattern):
    offending = [entry["ko"] for entry in MESSAGES.values() if re.search(pattern, entry["ko"])]
    assert offending == [], NON_PREFERRED[pattern]


def test_the_korean_text_holds_the_numbers_of_the_english():
    """A self-check prints its hint in a notebook: the Korean twin must print the same numbers
    (tests/test_korean_edition.py compares them), so every entry keeps the English numbers."""
    differ = [message for message, entry in MESSAGES.items()
              if Counter(NUMBER.findall(entry["en"])) != Counter(NUMBER.findall(entry["ko"]))]
    assert differ == []


def test_the_language_switch_and_its_default():
    assert bl.get_language() == "en"
    bl.set_language("ko")
    try:
        assert bl.get_language() == "ko"
        assert tr("random seed") == "난수 시드"
    finally:
        bl.set_language("en")
    assert tr("random seed") == "random seed"
    assert {"set_language", "get_language"} <= set(bl.__all__)
    with pytest.raises(KeyError, match="no 'en' entry"):
        tr("a message nobody wrote")


def _slider_descriptions():
    from bayeslearn import widgets

    return [widgets.sample_size_slider().description, widgets.prior_strength_slider().description,
            widgets.probability_slider().description, widgets.seed_slider().description]


def test_slider_descriptions_follow_the_language(korean):
    descriptions = _slider_descriptions()
    assert all(HANGUL.search(d) for d in descriptions), descriptions
    bl.set_language("en")
    assert _slider_descriptions() == ["sample size n (tosses)", "prior σ (strength: small = strong)",
                                      "true θ (P(heads))", "random seed"]


def test_a_live_figures_accessible_name_follows_the_language(korean):
    from bayeslearn import plotting, widgets

    fig, ax = plotting.live_figure(1, 1)
    ax.set_title("θ")
    (line,) = ax.plot([0, 1], [0, 1])
    live = widgets.LiveFigure(fig, lambda n: {"n": n}, {"n": widgets.seed_slider()}, [line])
    assert live.alt_text == "실시간 그림 — 패널: θ"
    bl.set_language("en")
    assert live.alt_text == "Live figure — panels: θ"
    assert plotting.format_number(float("nan")) == "undefined"


def test_an_exercises_verdict_follows_the_language(korean, capsys):
    from bayeslearn import exercises

    exercises.exercise_1_1(37 / 120)
    exercises.exercise_1_2(1.0)
    exercises.exercise_1_5(1075)
    korean_out = capsys.readouterr().out.splitlines()
    assert korean_out[0] == "✓ 연습 문제 1.1: 맞습니다."
    assert korean_out[1].startswith("✗ 연습 문제 1.2: 아직 아닙니다. 힌트: ")
    assert korean_out[2].startswith("✗ 연습 문제 1.5: 아직 아닙니다. 힌트: float64일 때의 답입니다. 곱은 2^-n")
    assert all(HANGUL.search(line.split("힌트:")[-1]) for line in korean_out)
    bl.set_language("en")
    exercises.exercise_1_1(37 / 120)
    exercises.exercise_1_5(1075)
    assert capsys.readouterr().out.splitlines() == [
        "✓ Exercise 1.1: right.",
        "✗ Exercise 1.5: not yet. Hint: that is float64; the product is 2^-n; redo the np.cumprod experiment "
        "of section 2 with dtype=np.float32, or compare with np.finfo(np.float32).smallest_subnormal.",
    ]
