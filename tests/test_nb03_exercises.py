"""Self-checks of notebook 03: right answers pass, wrong ones fail, the answer is never printed."""

from __future__ import annotations

import numpy as np
import pytest
from _selfcheck import assert_not_yet, assert_right, renderings
from sklearn.linear_model import Ridge

from bayeslearn import exercises as check
from bayeslearn.least_squares import least_squares_gradient
from bayeslearn.optim import sgd

# Right answers, worked out independently of the checkers.
X32 = np.array([[1.0], [2.0], [3.0]])
Y32 = np.array([2.0, 3.0, 7.0])
RIGHT = {
    "exercise_3_1": 0.09 / 0.36,
    "exercise_3_2": float(Ridge(alpha=1.0 / 0.25, fit_intercept=False).fit(X32, Y32).coef_[0]),
    "exercise_3_3": 0.1 / np.sqrt(50_000 * 1e-4),
    "exercise_3_4": 20.0,
}
WRONG = {"exercise_3_1": 0.5, "exercise_3_2": 29 / 14, "exercise_3_3": 10.0, "exercise_3_4": 0.05}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_a_right_answer_passes(name) -> None:
    assert_right(getattr(check, name), RIGHT[name])


@pytest.mark.parametrize("name", sorted(RIGHT))
@pytest.mark.parametrize("answer", ["wrong", "none", "text"])
def test_a_wrong_answer_fails_without_revealing_the_answer(name, answer) -> None:
    value = {"wrong": WRONG[name], "none": None, "text": "lambda"}[answer]
    assert_not_yet(getattr(check, name), value, renderings(RIGHT[name], ()), hint_only=False)


def test_exercise_3_2_is_the_one_feature_ridge_formula() -> None:
    assert RIGHT["exercise_3_2"] == pytest.approx(29 / 18, rel=1e-12)


def test_exercise_3_3_prior_is_what_sgd_with_a_mean_loss_converges_to() -> None:
    """SGD(weight_decay=wd) on the mean of 0.5*(y - f)^2 lands on the MAP with tau = sigma / sqrt(N wd)."""
    rng = np.random.default_rng(3)
    n, wd, sigma = 40, 0.05, 0.2
    X = rng.normal(size=(n, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + sigma * rng.normal(size=n)
    data_grad = least_squares_gradient(X, y)
    end = sgd(lambda w: data_grad(w) / n, np.zeros(3), 0.3, 3000, alpha=wd)[-1]
    tau = sigma / np.sqrt(n * wd)
    assert np.allclose(end, Ridge(alpha=sigma**2 / tau**2, fit_intercept=False).fit(X, y).coef_, atol=1e-10)
