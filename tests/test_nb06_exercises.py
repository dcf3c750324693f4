"""The self-checks of notebook 06: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import pytest
from _selfcheck import assert_hints, assert_not_yet, assert_right, renderings

from bayeslearn import exercises as check

# The answers, computed by hand (closed forms), independently of the library.
K, EPS = 10, 0.1
HIGH, LOW = 1 - EPS + EPS / K, EPS / K                    # 0.91 and 0.01
K3, EPS3, LAM = 3, 0.1, 0.7
ANSWERS = {
    "exercise_6_1": HIGH,
    # q = p̃ at the optimum; softmax ratio q_true / q_other = e^g
    "exercise_6_2": math.log(HIGH / LOW),
    # λ p̃_0[0] + (1 − λ) p̃_2[0] = 0.7 · (0.9 + 0.1/3) + 0.3 · 0.1/3
    "exercise_6_3": LAM * (1 - EPS3 + EPS3 / K3) + (1 - LAM) * EPS3 / K3,
    # bin of 0.9: two predictions, one right -> |0.5 − 0.9|; bin of 0.6: two, both right -> |1 − 0.6|
    "exercise_6_4": 0.5 * abs(0.5 - 0.9) + 0.5 * abs(1.0 - 0.6),
}
WRONG = {
    "exercise_6_1": [0.9, 0.01, 1.0, 0.1, None, "0.91x", True, math.nan],
    "exercise_6_2": [math.inf, math.log10(91), math.log2(91), 91.0, 0.0, None, False],
    "exercise_6_3": [0.7, 0.7 * (0.9 + 0.1 / 3), 0.3, 0.5, None],
    "exercise_6_4": [0.0, 0.8, 0.2, 1.0, None, "zero"],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_6_1"] == pytest.approx(0.91, abs=1e-12)
    assert ANSWERS["exercise_6_2"] == pytest.approx(math.log(91), abs=1e-12)
    assert ANSWERS["exercise_6_3"] == pytest.approx(0.663333, abs=1e-6)
    assert ANSWERS["exercise_6_4"] == pytest.approx(0.4, abs=1e-12)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name], ()))


def test_targeted_hints() -> None:
    """Common slips get a hint about the slip itself."""
    cases = [("exercise_6_1", 0.9, "one-hot part"), ("exercise_6_1", 0.01, "other classes"),
             ("exercise_6_2", math.inf, "one-hot answer"), ("exercise_6_2", math.log10(91), "natural"),
             ("exercise_6_3", 0.7, "smooth both"), ("exercise_6_3", 0.7 * (0.9 + 0.1 / 3), "class-2 example"),
             ("exercise_6_4", 0.0, "one-bin")]
    assert_hints(check, cases)
