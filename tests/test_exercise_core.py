"""The tolerance every self-check uses: a correctly rounded answer is right, a coarser one is not."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bayeslearn.exercises.core import close


@pytest.mark.parametrize(("answer", "expected"), [
    (2.58, math.log2(6)), (2.585, math.log2(6)), (0.308, 0.3083), (-0.795, -0.7947),
    (32_000, 32_000.0), (32_040, 32_000.0), (0.0447, 0.1 / math.sqrt(5)), (4.51, math.log(91)),
    (0.0, 0.0), (math.inf, math.inf), (-math.inf, -math.inf), ("0.308", 0.3083),
])
def test_correctly_rounded_answers_are_right(answer, expected):
    assert close(answer, expected)


@pytest.mark.parametrize(("answer", "expected"), [
    (0.31, 0.3083), (-0.79, -0.7947), (2.5, math.log2(6)), (149, 150.0), (32_100, 32_000.0),
    (1e-6, 0.0), (math.inf, 1e300), (1e300, math.inf), (math.nan, 0.5), (None, 0.5), ("half", 0.5),
    (-0.308, 0.3083), (True, 1.0), (False, 0.0), (np.True_, 1.0),
])
def test_coarse_or_wrong_answers_are_not(answer, expected):
    assert not close(answer, expected)
