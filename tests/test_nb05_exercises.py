"""The self-checks of notebook 05: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import pytest
from _selfcheck import assert_hints, assert_not_yet, assert_right, renderings
from scipy import optimize, stats

from bayeslearn import exercises as check

# The answers, computed independently of the library (closed forms, scipy).
ANSWERS = {
    # SE = σ/√n: 0.02 = σ/√2000, so 0.005 = σ/√n' gives n' = 2000 · (0.02/0.005)².
    "exercise_5_1": 2000 * 16,
    # θ̂ = 1 and every training toss is a head: −log 1 = 0 per toss.
    "exercise_5_2": 0.0,
    # −0.6 log 0.9 − 0.4 log 0.1, a cross-entropy in nats
    "exercise_5_3": stats.entropy([0.6, 0.4]) + stats.entropy([0.6, 0.4], [0.9, 0.1]),
    # (100 + a)/(100 + 2a) = 19/20, the held-out frequency: 100 + a = 95 + 1.9a, so a = 5/0.9
    "exercise_5_4": 50 / 9,
}
#: Exercise 5.4's warm-up, Laplace's held-out loss: θ = 101/102, 19 heads and 1 tail averaged over 20.
LAPLACE_HELD_OUT = -(19 * math.log(101 / 102) + math.log(1 / 102)) / 20
WRONG = {
    "exercise_5_1": [8000, 30_000, 4, 16, 2000, None, "many", True],
    "exercise_5_2": [math.inf, 1.0, math.log(2), None, "zero", False, math.nan],
    "exercise_5_3": [0.1, -ANSWERS["exercise_5_3"], stats.entropy([0.6, 0.4]), ANSWERS["exercise_5_3"] / math.log(2),
                     stats.entropy([0.9, 0.1]) + stats.entropy([0.9, 0.1], [0.6, 0.4]), None],
    "exercise_5_4": [1.0, 0.95, 1 / 0.98, LAPLACE_HELD_OUT, math.inf, 0.0, 50, None, "five"],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_5_1"] == 32_000
    assert ANSWERS["exercise_5_3"] == pytest.approx(-0.6 * math.log(0.9) - 0.4 * math.log(0.1), rel=1e-12)
    # 5.4: a numerical minimiser of the held-out loss over a agrees with the closed form
    def held_out_loss(a: float) -> float:
        theta = (100 + a) / (100 + 2 * a)
        return -(19 * math.log(theta) + math.log1p(-theta)) / 20

    best = optimize.minimize_scalar(held_out_loss, bounds=(1e-3, 1e3), method="bounded", options={"xatol": 1e-9})
    assert best.x == pytest.approx(ANSWERS["exercise_5_4"], rel=1e-6)
    assert held_out_loss(1.0) == pytest.approx(LAPLACE_HELD_OUT, rel=1e-12)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    if ANSWERS[name] == 0.0:  # "0" is in every hint's digits; check the sentence instead
        hint = assert_not_yet(getattr(check, name), wrong, ())
        assert "0.0" not in hint and "is 0" not in hint
        return
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name], ("{:d}", "{:,d}")))


def test_targeted_hints() -> None:
    """Common slips get a hint about the slip itself."""
    cases = [("exercise_5_1", 8000, "1/√n"), ("exercise_5_1", 30_000, "ADD"),
             ("exercise_5_2", math.inf, "TAIL"),
             ("exercise_5_3", WRONG["exercise_5_3"][4], "swapped"),
             ("exercise_5_3", WRONG["exercise_5_3"][2], "entropy"),
             ("exercise_5_3", WRONG["exercise_5_3"][3], "bits"),
             ("exercise_5_4", 1.0, "Laplace"), ("exercise_5_4", 0.95, "pseudo-count"),
             ("exercise_5_4", 1 / 0.98, "TRUE coin"), ("exercise_5_4", LAPLACE_HELD_OUT, "LOSS")]
    assert_hints(check, cases)
