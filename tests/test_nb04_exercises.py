"""The self-checks of notebook 04: right answers pass, wrong ones fail, no answer is printed."""

from __future__ import annotations

import math

import numpy as np
import pytest
from _selfcheck import assert_hints, assert_not_yet, assert_right, renderings
from scipy import stats

from bayeslearn import exercises as check

# The answers, computed independently of the library (closed forms, scipy).
K, EPS = 10, 0.1
HIGH, LOW = 1 - EPS + EPS / K, EPS / K
ANSWERS = {
    "exercise_4_1": math.log2(6),
    "exercise_4_2": stats.entropy([0.5, 0.5, 0.0], [0.25, 0.25, 0.5], base=2),
    "exercise_4_3": -HIGH * math.log(HIGH) - (K - 1) * LOW * math.log(LOW),
    # variance of the mixture: mean component variance + variance of the component means
    "exercise_4_4": math.sqrt(1.0 + 4.0),
    # float16's smallest positive number, found by halving in float16 itself; the probability
    # e^-g rounds to 0 below half of it
    "exercise_4_5": math.log(2 / float(np.nextafter(np.float16(0), np.float16(1)))),
}
WRONG = {
    "exercise_4_1": [math.log(6), 6, 1.0, None, "six", float("nan"), True],
    "exercise_4_2": [math.inf, math.log(2), 0.5, 0.0, None, True],
    "exercise_4_3": [0.0, ANSWERS["exercise_4_3"] / math.log(2), math.log(10), None],
    "exercise_4_4": [1.0, 5.0, 2.0, None, -math.sqrt(5.0)],
    "exercise_4_5": [24 * math.log(2), 14 * math.log(2), math.log(65504), 150 * math.log(2),
                     745.13, 17.0, None],
}


def test_the_answers_are_what_the_notebook_says() -> None:
    assert ANSWERS["exercise_4_1"] == pytest.approx(2.584963, abs=1e-6)
    assert ANSWERS["exercise_4_2"] == pytest.approx(1.0, abs=1e-12)
    assert ANSWERS["exercise_4_3"] == pytest.approx(0.500288, abs=1e-6)
    assert np.isinf(stats.entropy([0.25, 0.25, 0.5], [0.5, 0.5, 0.0]))  # the reverse direction
    assert ANSWERS["exercise_4_5"] == pytest.approx(25 * math.log(2), abs=1e-12)
    with np.errstate(divide="ignore"):              # float16: finite just below, inf just above
        for gap, finite in ((17.3, True), (17.4, False)):
            q = np.exp(np.float16(-gap)) / (np.float16(1) + np.exp(np.float16(-gap)))
            assert np.isfinite(-np.log(np.float16(q))) == finite


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_right_answer_passes(name: str) -> None:
    assert_right(getattr(check, name), ANSWERS[name])


@pytest.mark.parametrize(("name", "wrong"), [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answer_fails_without_leaking(name: str, wrong: object) -> None:
    assert_not_yet(getattr(check, name), wrong, renderings(ANSWERS[name], ("{:d} bit",)))


def test_targeted_hints() -> None:
    """Common slips get a hint about the slip itself."""
    cases = [("exercise_4_1", math.log(6), "nats"), ("exercise_4_2", math.inf, "other direction"),
             ("exercise_4_2", math.log(2), "nats"), ("exercise_4_3", ANSWERS["exercise_4_3"] / math.log(2), "bits"),
             ("exercise_4_4", 1.0, "reverse KL"), ("exercise_4_4", 5.0, "square root"),
             ("exercise_4_5", 24 * math.log(2), "half of it"), ("exercise_4_5", 14 * math.log(2), "subnormal"),
             ("exercise_4_5", math.log(65504), "overflows"), ("exercise_4_5", 150 * math.log(2), "float32")]
    assert_hints(check, cases)
