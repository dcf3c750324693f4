"""The self-checks of notebook 02: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import pytest
from _selfcheck import assert_not_yet, assert_right, renderings
from scipy import optimize
from scipy.special import log_expit

from bayeslearn import exercises as check


def _laplace_sd_by_finite_differences() -> float:
    """Exercise 2.4 solved without the library: optimise, then a central second difference."""

    def f(eta: float) -> float:
        return 10 * log_expit(eta) + 10 * log_expit(-eta) - eta**2 / 2

    eta = optimize.minimize_scalar(lambda x: -f(x), bracket=(-1.0, 1.0)).x
    h = 1e-4
    second = (f(eta + h) - 2 * f(eta) + f(eta - h)) / h**2
    return 1.0 / math.sqrt(-second)


# The answers, computed independently of the library (closed forms, scipy).
ANSWERS = {
    "exercise_2_1": (7 + 3 - 1) / (10 + 3 + 3 - 2),  # mode of Beta(10, 6)
    "exercise_2_2": (0 / 1**2 + 4 * 3.0 / 2**2) / (1 / 1**2 + 4 / 2**2),  # precision-weighted
    "exercise_2_3": (0 + 1) / (8 + 2),  # Laplace's rule of succession
    "exercise_2_4": _laplace_sd_by_finite_differences(),
}
WRONG = {
    "exercise_2_1": [0.7, 0.625, 0.5, None, float("nan")],
    "exercise_2_2": [3.0, 0.0, 1.0, 2.0, None],
    "exercise_2_3": [0.0, 1 / 8, 0.5, None],
    "exercise_2_4": [1.0, ANSWERS["exercise_2_4"] ** 2, 0.5, None],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_2_1"] == pytest.approx(9 / 14)
    assert ANSWERS["exercise_2_2"] == pytest.approx(1.5)
    assert ANSWERS["exercise_2_3"] == pytest.approx(0.1)
    assert ANSWERS["exercise_2_4"] == pytest.approx(1 / math.sqrt(6), rel=1e-5)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in sorted(WRONG.items()) for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name]), hint_only=False)


def test_every_exercise_is_exported() -> None:
    assert {name for name in dir(check) if name.startswith("exercise_2_")} == set(ANSWERS)
