"""The self-checks of notebook 07: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import pytest
from _selfcheck import assert_hints, assert_not_yet, assert_right, renderings

from bayeslearn import exercises as check


def h(*p: float) -> float:
    """Entropy in nats, by hand."""
    return -sum(x * math.log(x) for x in p if x > 0)


# The answers, computed by hand (closed forms), independently of the library.
Q1 = 0.8
LOGITS = (2.0, 0.0, -1.0)
_Z = sum(math.exp(x) for x in LOGITS)
_SOFT = [math.exp(x) / _Z for x in LOGITS]
ANSWERS = {
    # H(σ(z)) with q1 = σ(z): dH/dz = −q0 q1 z, z = log(q1/q0)
    "exercise_7_1": -(1 - Q1) * Q1 * math.log(Q1 / (1 - Q1)),
    # weights 0.6·0.5/0.8 = 0.375 and 0.4·0.5/0.2 = 1.0; class 1: 1/1.375
    "exercise_7_2": 1.0 / 1.375,
    # mean of H(0.9, 0.1) and H(0.2, 0.8), minus H(0.55, 0.45)
    "exercise_7_3": (h(0.9, 0.1) + h(0.2, 0.8)) / 2 - h(0.55, 0.45),
    # log Σ e^h − softmax(h)·h, which is the entropy of softmax(h)
    "exercise_7_4": math.log(_Z) - sum(q * x for q, x in zip(_SOFT, LOGITS, strict=True)),
}
WRONG = {
    "exercise_7_1": [0.0, -ANSWERS["exercise_7_1"], 0.16, None, "x", True, math.nan],
    "exercise_7_2": [0.4, 1.0, 0.5, 0.2727, None],
    "exercise_7_3": [0.0, -ANSWERS["exercise_7_3"], (h(0.9, 0.1) + h(0.2, 0.8)) / 2, None],
    "exercise_7_4": [math.log(_Z), math.log(_Z) - 2.0, 2.0, None, "entropy"],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_7_1"] == pytest.approx(-0.221807, abs=1e-6)
    assert ANSWERS["exercise_7_2"] == pytest.approx(0.727273, abs=1e-6)
    assert ANSWERS["exercise_7_3"] == pytest.approx(-0.275396, abs=1e-6)
    assert ANSWERS["exercise_7_4"] == pytest.approx(h(*_SOFT), abs=1e-12)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name], ()))


def test_targeted_hints() -> None:
    """Common slips get a hint about the slip itself."""
    cases = [("exercise_7_1", -ANSWERS["exercise_7_1"], "wrong sign"), ("exercise_7_1", 0.0, "q₁ = 1/2"),
             ("exercise_7_2", 0.4, "before alignment"), ("exercise_7_2", 1.0, "unnormalised"),
             ("exercise_7_3", 0.0, "collapse"), ("exercise_7_3", -ANSWERS["exercise_7_3"], "sign"),
             ("exercise_7_3", (h(0.9, 0.1) + h(0.2, 0.8)) / 2, "only the mean entropy"),
             ("exercise_7_4", math.log(_Z), "alone"), ("exercise_7_4", math.log(_Z) - 2.0, "hard pseudo-label")]
    assert_hints(check, cases)
