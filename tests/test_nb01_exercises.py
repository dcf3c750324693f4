"""The self-checks of notebook 01: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import numpy as np
import pytest
from _selfcheck import assert_not_yet, assert_right, renderings
from scipy import stats

from bayeslearn import exercises as check

# The answers, computed independently of the library (closed forms, scipy, numpy).
HEADS, TOSSES = 37, 120
ANSWERS = {
    "exercise_1_1": HEADS / TOSSES,
    # log of theta^k (1-theta)^(n-k): the binomial log-pmf without its coefficient
    "exercise_1_2": stats.binom.logpmf(HEADS, TOSSES, 0.25) - math.log(math.comb(TOSSES, HEADS)),
    "exercise_1_3": 4,
    "exercise_1_4": 0.7 * math.log(0.4) + 0.3 * math.log(0.6),
    # float32's smallest subnormal is 2^-149, so 2^-150 is the first power of 1/2 to round to 0
    "exercise_1_5": -int(np.log2(np.finfo(np.float32).smallest_subnormal)) + 1,
}
WRONG = {
    "exercise_1_1": [0.5, HEADS, None, "0.3", float("nan")],
    "exercise_1_2": [-1.0, -ANSWERS["exercise_1_2"], 0.0, None],
    "exercise_1_3": [2, 8, 0.5, None],
    "exercise_1_4": [0.0, -ANSWERS["exercise_1_4"], math.log(0.4), None],
    "exercise_1_5": [1075, 149, 151, None, True],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_1_5"] == 150
    assert ANSWERS["exercise_1_1"] == pytest.approx(0.308333, abs=1e-6)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize("name, wrong", [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name]))
