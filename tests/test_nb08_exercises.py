"""The self-checks of notebook 08: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import numpy as np
import pytest
from _selfcheck import assert_hints, assert_not_yet, assert_right, renderings
from scipy import optimize, stats

import bayeslearn as bl
from bayeslearn import exercises as check

# The answers, computed independently of the library (closed forms, scipy).
ANSWERS = {
    # σ̂² = RSS / n = 3.2 / 20
    "exercise_8_1": 3.2 / 20,
    # λ ∝ σ²: (0.3 / 0.1)²
    "exercise_8_2": 9.0,
    # σ(4/T) = 3/4, so 4/T = log 3
    "exercise_8_3": 4 / math.log(3),
    # N(3 | 0, 1 + 4τ²) is largest at 1 + 4τ² = 9
    "exercise_8_4": math.sqrt(2.0),
    # α = 2n · 0.05 = 10, b = 2σ²/α
    "exercise_8_5": 0.2,
}
WRONG = {
    "exercise_8_1": [3.2 / 16, math.sqrt(0.16), 3.2, 0.0, None, "a fifth", True],
    "exercise_8_2": [3.0, 1 / 9, 1 / 3, 0.0, None, math.nan],
    "exercise_8_3": [1.0, math.log(3), math.log(3) / 4, 0.0, None],
    "exercise_8_4": [2.0, 1.5, 0.0, None, math.inf],
    "exercise_8_5": [40.0, 10.0, 0.4, 0.0, None],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    """Numerical optima agree with the closed forms."""
    def nll_t(t: float) -> float:  # 3 right, 1 wrong, logit gap 4
        p = 1 / (1 + math.exp(-4 / t))
        return -(3 * math.log(p) + math.log(1 - p))

    best_t = optimize.minimize_scalar(nll_t, bounds=(0.1, 50), method="bounded", options={"xatol": 1e-10})
    assert best_t.x == pytest.approx(ANSWERS["exercise_8_3"], rel=1e-6)
    best_tau = optimize.minimize_scalar(lambda t: -stats.norm.logpdf(3.0, scale=math.sqrt(1 + 4 * t * t)),
                                        bounds=(0.01, 10), method="bounded", options={"xatol": 1e-10})
    assert best_tau.x == pytest.approx(ANSWERS["exercise_8_4"], rel=1e-6)


def test_the_closed_form_tau_maximises_the_library_evidence() -> None:
    """Exercise 8.4's τ is where bl.log_evidence peaks (this check lived in the exercise as a bare assert)."""
    tau = ANSWERS["exercise_8_4"]
    evidence = bl.log_evidence([[2.0]], [3.0], 1.0, np.array([0.999, 1.0, 1.001]) * tau)  # y = 3, x = 2, σ = 1
    assert evidence[1] >= evidence.max()


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name]))


def test_targeted_hints() -> None:
    """Common slips get a hint about the slip itself."""
    cases = [("exercise_8_1", 0.2, "n − p"), ("exercise_8_1", 0.4, "standard deviation"),
             ("exercise_8_1", 3.2, "sum of squared"),
             ("exercise_8_2", 3.0, "σ²"), ("exercise_8_2", 1 / 9, "LARGER"),
             ("exercise_8_3", 1.0, "T = 1"), ("exercise_8_3", math.log(3), "log-odds"),
             ("exercise_8_3", math.log(3) / 4, "1/T"),
             ("exercise_8_4", 2.0, "τ²"), ("exercise_8_4", 1.5, "noise"),
             ("exercise_8_5", 40.0, "1/(2n)"), ("exercise_8_5", 10.0, "penalty"), ("exercise_8_5", 0.4, "2n")]
    assert_hints(check, cases)
