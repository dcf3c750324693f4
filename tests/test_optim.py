"""Optimisers with weight decay: hand-computed steps, convergence, and where each one stops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import lsq_linear
from sklearn.linear_model import Ridge

import bayeslearn as bl
from bayeslearn.least_squares import least_squares_gradient, squared_error
from bayeslearn.optim import adam, adamw, sgd


@pytest.fixture
def problem() -> tuple[np.ndarray, np.ndarray]:
    """A small, well-posed two-weight regression (a line through noisy points)."""
    x, y = bl.regression_data(10, seed=0)
    return bl.polynomial_features(2 * x - 1, 1), y


# --- squared error and its gradient ---------------------------------------------------


def test_squared_error_matches_numpy_sum_of_squares(problem) -> None:
    X, y = problem
    w = np.array([0.3, -1.1])
    assert squared_error(w, X, y) == pytest.approx(np.sum((y - X @ w) ** 2), rel=1e-13)
    assert isinstance(squared_error(w, X, y), float)


def test_squared_error_broadcasts_over_a_grid_of_weights(problem) -> None:
    X, y = problem
    grid = np.stack(np.meshgrid(np.linspace(-1, 1, 4), np.linspace(-2, 0, 3), indexing="ij"), axis=-1)
    surface = squared_error(grid, X, y)
    assert surface.shape == (4, 3)
    for i, j in np.ndindex(4, 3):
        assert surface[i, j] == pytest.approx(np.sum((y - X @ grid[i, j]) ** 2), rel=1e-12)


def test_squared_error_of_no_data_is_zero() -> None:
    assert squared_error([1.0, 2.0], np.empty((0, 2)), np.empty(0)) == 0.0


@given(st.lists(st.floats(-3, 3), min_size=2, max_size=2))
@settings(max_examples=30, deadline=None)
def test_least_squares_gradient_matches_finite_differences(w) -> None:
    x, y = bl.regression_data(7, seed=4)
    X = bl.polynomial_features(x, 1)
    w = np.array(w)
    numeric = bl.numerical_gradient(lambda u: squared_error(u, X, y) / 2, w)  # d/dw of E/2
    assert np.allclose(least_squares_gradient(X, y)(w), numeric, atol=1e-6)


def test_squared_error_rejects_a_mismatched_weight_vector(problem) -> None:
    X, y = problem
    with pytest.raises(ValueError, match="^w must"):
        squared_error([1.0, 2.0, 3.0], X, y)


# --- Adam: hand-computed steps and convergence -----------------------------------------


def test_adam_first_two_steps_by_hand() -> None:
    """Bias correction makes the first step lr * g / (|g| + eps), element by element."""
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    grads = [np.array([3.0, -0.2, 0.0]), np.array([1.0, 0.5, -2.0])]
    calls = iter(grads)
    path = adam(lambda w: next(calls), [1.0, 1.0, 1.0], lr, steps=2)
    expected = [1.0, 1.0, 1.0]
    for i in range(3):  # one weight at a time, written out
        g1, g2 = grads[0][i], grads[1][i]
        step1 = lr * g1 / (abs(g1) + eps)
        m2 = (b1 * (1 - b1) * g1 + (1 - b1) * g2) / (1 - b1**2)
        v2 = (b2 * (1 - b2) * g1**2 + (1 - b2) * g2**2) / (1 - b2**2)
        assert path[1, i] == pytest.approx(expected[i] - step1, abs=1e-15)
        assert path[2, i] == pytest.approx(expected[i] - step1 - lr * m2 / (np.sqrt(v2) + eps), abs=1e-14)
    assert path[1, 2] == 1.0  # a zero gradient does not move its weight


def test_adam_converges_on_a_badly_scaled_quadratic() -> None:
    """Minimum of 0.5 * sum(h_i (w_i - c_i)^2) with curvatures spanning 4 decades."""
    h, c = np.array([100.0, 1.0, 0.01]), np.array([1.0, -2.0, 0.5])
    path = adam(lambda w: h * (w - c), np.zeros(3), learning_rate=0.01, steps=6000)
    assert np.allclose(path[-1], c, atol=1e-6)


def test_adam_with_l2_converges_to_the_ridge_and_map_weights(problem) -> None:
    X, y = problem
    lam = 2.0
    path = adam(least_squares_gradient(X, y), [0.0, 0.0], learning_rate=0.05, steps=3000, alpha=lam)
    ridge = Ridge(alpha=lam, fit_intercept=False).fit(X, y).coef_
    assert np.allclose(path[-1], ridge, atol=1e-8)
    noise_sigma = 0.25
    assert np.allclose(path[-1], bl.map_weights(X, y, noise_sigma, noise_sigma / np.sqrt(lam)), atol=1e-8)


def test_adamw_stops_elsewhere_inside_the_box_of_half_width_one_over_lambda(problem) -> None:
    """Full batch: AdamW ends at least squares under |w_i| <= 1/lambda (Xie & Li 2024), not at the MAP."""
    X, y = problem
    lam = 2.0
    end = adamw(least_squares_gradient(X, y), [0.0, 0.0], learning_rate=0.05, steps=5000, weight_decay=lam)[-1]
    ridge = bl.ridge_weights(X, y, lam)
    assert np.abs(end - ridge).max() > 0.1
    box = lsq_linear(X, y, bounds=(-1 / lam, 1 / lam)).x
    assert np.allclose(end, box, atol=2e-3)


def test_adamw_without_decay_is_adam_without_l2(problem) -> None:
    X, y = problem
    grad = least_squares_gradient(X, y)
    assert np.array_equal(adamw(grad, [1.0, 1.0], 0.01, 50), adam(grad, [1.0, 1.0], 0.01, 50))


def test_adamw_decay_alone_is_geometric() -> None:
    path = adamw(lambda w: np.zeros_like(w), [2.0, -1.0], learning_rate=0.1, steps=5, weight_decay=0.3)
    assert np.allclose(path, np.outer(0.97 ** np.arange(6), [2.0, -1.0]), rtol=1e-14)


def test_a_schedule_of_zeros_leaves_the_weights_alone(problem) -> None:
    X, y = problem
    for optimiser in (adam, adamw, sgd):
        path = optimiser(least_squares_gradient(X, y), [0.5, 0.5], np.zeros(4), 4)
        assert np.array_equal(path, np.full((5, 2), 0.5))


# --- SGD: PyTorch's weight_decay is the Gaussian prior -----------------------------------


def test_sgd_without_momentum_is_gradient_descent_with_weight_decay(problem) -> None:
    X, y = problem
    lam, lr = 0.5, 0.05
    path = sgd(least_squares_gradient(X, y), [0.0, 0.0], lr, 100, alpha=lam)
    assert np.allclose(path, bl.gradient_descent(X, y, lam, lr, 100), rtol=1e-12, atol=1e-14)


def test_sgd_with_momentum_and_weight_decay_converges_to_ridge(problem) -> None:
    X, y = problem
    lam = 2.0
    end = sgd(least_squares_gradient(X, y), [0.0, 0.0], 0.02, 2000, alpha=lam, momentum=0.9)[-1]
    assert np.allclose(end, Ridge(alpha=lam, fit_intercept=False).fit(X, y).coef_, atol=1e-10)


def test_zero_steps_return_the_start(problem) -> None:
    X, y = problem
    for optimiser in (adam, adamw, sgd):
        assert np.array_equal(optimiser(least_squares_gradient(X, y), [1.0, 2.0], 0.1, 0), [[1.0, 2.0]])


# --- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"grad_fn": 3.0}, TypeError, "grad_fn"),
        ({"w0": [[1.0, 2.0]]}, ValueError, "w0"),
        ({"w0": [np.nan, 1.0]}, ValueError, "w0"),
        ({"learning_rate": 0.0}, ValueError, "learning_rate"),
        ({"learning_rate": -0.1}, ValueError, "learning_rate"),
        ({"learning_rate": np.ones(3)}, ValueError, "learning_rate"),
        ({"steps": -1}, ValueError, "steps"),
        ({"steps": 2.5}, ValueError, "steps"),
        ({"beta1": 1.0}, ValueError, "beta1"),
        ({"beta2": -0.1}, ValueError, "beta2"),
        ({"eps": 0.0}, ValueError, "eps"),
        ({"alpha": -1.0}, ValueError, "alpha"),
        ({"alpha": [1.0, 2.0]}, ValueError, "alpha"),
        ({"grad_fn": lambda w: np.ones(3)}, ValueError, "grad_fn"),
    ],
)
def test_adam_rejects_bad_arguments_by_name(kwargs, error, name) -> None:
    args = {"grad_fn": lambda w: w, "w0": [1.0, 2.0], "learning_rate": 0.1, "steps": 2} | kwargs
    with pytest.raises(error, match=f"^{name}"):
        adam(**args)


def test_weight_decay_and_momentum_are_checked() -> None:
    with pytest.raises(ValueError, match="^weight_decay"):
        adamw(lambda w: w, [1.0], 0.1, 2, weight_decay=-0.1)
    with pytest.raises(ValueError, match="^alpha"):
        sgd(lambda w: w, [1.0], 0.1, 2, alpha=-0.1)
    with pytest.raises(ValueError, match="^momentum"):
        sgd(lambda w: w, [1.0], 0.1, 2, momentum=1.0)


def test_cosine_schedule_matches_the_annealing_formula() -> None:
    rates = bl.cosine_schedule(0.1, 50, final=0.01)
    for t in range(50):
        assert rates[t] == pytest.approx(0.01 + 0.045 * (1 + np.cos(np.pi * t / 50)), rel=1e-14)
    assert rates[0] == 0.1 and np.all(np.diff(rates) < 0)
    assert bl.cosine_schedule(0.1, 0).shape == (0,)
    with pytest.raises(ValueError, match="^final"):
        bl.cosine_schedule(0.1, 5, final=0.2)


def test_a_decaying_schedule_lets_adam_settle_where_a_constant_rate_hovers() -> None:
    """Constant-rate Adam leaves the minimum again once its second moment has decayed."""
    x, y = bl.regression_data(10, seed=6)
    X = bl.polynomial_features(2 * x - 1, 1)
    grad, ridge = least_squares_gradient(X, y), bl.ridge_weights(X, y, 2.0)
    settled = adam(grad, [0.0, 0.0], bl.cosine_schedule(0.05, 4000), 4000, alpha=2.0)[-1]
    assert np.allclose(settled, ridge, atol=1e-12)
