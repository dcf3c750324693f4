"""Empirical risk, expected losses and held-out splits, checked against independent references:
numpy/scipy statistics, scipy.stats.entropy, numerical quadrature, Monte Carlo, scikit-learn."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

import bayeslearn as bl
from bayeslearn import ridge_risk

# --- empirical_risk and standard_error ----------------------------------------------------


def test_empirical_risk_is_the_mean_over_the_example_axis() -> None:
    losses = np.random.default_rng(0).exponential(size=(4, 30))
    np.testing.assert_allclose(bl.empirical_risk(losses), losses.mean(axis=1), rtol=1e-14)
    np.testing.assert_allclose(bl.empirical_risk(losses, axis=0), losses.mean(axis=0), rtol=1e-14)
    assert bl.empirical_risk(2.5) == 2.5  # one example
    assert isinstance(bl.empirical_risk([1.0, 2.0]), float)


def test_empirical_risk_allows_infinite_and_negative_losses() -> None:
    assert bl.empirical_risk([0.0, 0.0, math.inf]) == math.inf  # -log 0 on one example
    assert bl.empirical_risk([-1.0, 3.0]) == 1.0  # a Gaussian NLL can be negative


@pytest.mark.parametrize(
    ("losses", "axis", "error", "match"),
    [
        ([], -1, ValueError, "no data"),
        (np.zeros((3, 0)), -1, ValueError, "no data"),
        ([1.0, math.nan], -1, ValueError, "NaN"),
        ([1.0, -math.inf], -1, ValueError, "-inf"),
        ("abc", -1, TypeError, "losses"),
        ([1.0, 2.0], 1, ValueError, "axis"),
        ([1.0, 2.0], 0.5, TypeError, "axis"),
        ([1.0, 2.0], True, TypeError, "axis"),
    ],
)
def test_empirical_risk_validation(losses, axis, error, match) -> None:
    with pytest.raises(error, match=match):
        bl.empirical_risk(losses, axis=axis)


def test_standard_error_matches_scipy_sem() -> None:
    losses = np.random.default_rng(1).gamma(2.0, size=(3, 50))
    np.testing.assert_allclose(bl.standard_error(losses), stats.sem(losses, axis=1), rtol=1e-12)
    np.testing.assert_allclose(bl.standard_error(losses, axis=0), stats.sem(losses, axis=0), rtol=1e-12)


def test_standard_error_predicts_the_spread_of_the_empirical_risk() -> None:
    """Across many samples, the sd of the average is σ/√n, and SE estimates it."""
    rng = np.random.default_rng(2)
    samples = rng.exponential(scale=1.0, size=(20_000, 25))  # σ = 1
    spread = bl.empirical_risk(samples).std()
    assert abs(spread / (1 / math.sqrt(25)) - 1) < 0.03
    assert abs(bl.standard_error(samples).mean() / spread - 1) < 0.1


@pytest.mark.parametrize(("losses", "match"), [([1.0], "two"), ([1.0, math.inf], "finite"), ([], "two")])
def test_standard_error_validation(losses, match) -> None:
    with pytest.raises(ValueError, match=match):
        bl.standard_error(losses)


# --- expected_log_loss_bernoulli ------------------------------------------------------------


@pytest.mark.parametrize(("t_star", "t"), [(0.7, 0.6), (0.5, 0.5), (0.01, 0.9), (0.99, 0.999), (0.3, 0.3)])
def test_expected_log_loss_is_the_cross_entropy(t_star, t) -> None:
    p, q = [t_star, 1 - t_star], [t, 1 - t]
    reference = stats.entropy(p) + stats.entropy(p, q)  # H(p) + KL(p‖q)
    assert bl.expected_log_loss_bernoulli(t_star, t) == pytest.approx(reference, rel=1e-12)


def test_expected_log_loss_matches_monte_carlo() -> None:
    x = stats.bernoulli.rvs(0.7, size=400_000, random_state=3)
    losses = -stats.bernoulli.logpmf(x, 0.6)
    estimate, se = losses.mean(), stats.sem(losses)
    assert abs(estimate - bl.expected_log_loss_bernoulli(0.7, 0.6)) < 4 * se


def test_expected_log_loss_edges_and_broadcasting() -> None:
    assert bl.expected_log_loss_bernoulli(1.0, 1.0) == 0.0  # 0 log 0 = 0
    assert bl.expected_log_loss_bernoulli(0.0, 0.0) == 0.0
    assert bl.expected_log_loss_bernoulli(0.5, 1.0) == math.inf
    assert bl.expected_log_loss_bernoulli(0.5, 0.0) == math.inf
    grid = np.linspace(0.01, 0.99, 99)
    curve = bl.expected_log_loss_bernoulli(0.3, grid)
    assert curve.shape == grid.shape
    assert grid[curve.argmin()] == pytest.approx(0.3)  # Gibbs: minimised at the truth
    assert curve.min() == pytest.approx(stats.entropy([0.3, 0.7]), rel=1e-12)
    both = bl.expected_log_loss_bernoulli(np.array([[0.2], [0.8]]), np.array([0.5, 0.9]))
    assert both.shape == (2, 2)


@pytest.mark.parametrize(
    ("t_star", "t", "match"),
    [(1.2, 0.5, "theta_true"), (0.5, -0.1, "theta"), ([0.1, 0.2], [0.1, 0.2, 0.3], "broadcast")],
)
def test_expected_log_loss_validation(t_star, t, match) -> None:
    with pytest.raises(ValueError, match=match):
        bl.expected_log_loss_bernoulli(t_star, t)


# --- train_heldout_split ------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 10, 37, 100])
@pytest.mark.parametrize("fraction", [0.1, 0.25, 1 / 3, 0.3, 0.5, 0.9])
def test_split_sizes_match_scikit_learn(n, fraction) -> None:
    split = bl.train_heldout_split(n, fraction, seed=4)
    train, held = split.train, split.held_out
    if math.ceil(fraction * n) >= n:  # scikit-learn refuses an empty training part; we return one
        assert (len(train), len(held)) == (0, n)
        return
    sk_train, sk_held = train_test_split(np.arange(n), test_size=fraction, random_state=4)
    assert (len(train), len(held)) == (len(sk_train), len(sk_held))


def test_split_is_a_seeded_partition() -> None:
    split = bl.train_heldout_split(50, 0.2, seed=7)
    train, held = split.train, split.held_out
    assert np.array_equal(np.sort(np.r_[train, held]), np.arange(50))
    assert not set(train) & set(held)
    assert np.all(np.diff(train) > 0) and np.all(np.diff(held) > 0)
    again = bl.train_heldout_split(50, 0.2, seed=7)
    assert np.array_equal(again.held_out, held)
    assert not np.array_equal(bl.train_heldout_split(50, 0.2, seed=8).held_out, held)


def test_split_edges() -> None:
    for parts, sizes in [(bl.train_heldout_split(0, 0.5), (0, 0)), (bl.train_heldout_split(5, 0.0), (5, 0)),
                         (bl.train_heldout_split(5, 1.0), (0, 5))]:
        assert (len(parts.train), len(parts.held_out)) == sizes


@pytest.mark.parametrize(("args", "error"), [((-1, 0.5), ValueError), ((10, 1.5), ValueError), ((2.5, 0.5), ValueError),
                                             ((10, 0.5, -1), ValueError), ((10, "half"), TypeError)])
def test_split_validation(args, error) -> None:
    with pytest.raises(error):
        bl.train_heldout_split(*args)


# --- expected_squared_error -----------------------------------------------------------------------


def _quad_risk(w: np.ndarray, sigma: float) -> float:
    """Reference: σ² + ∫₀¹ (sin 2πx − Σ w_j (2x − 1)^j)² dx by adaptive quadrature."""
    def gap(x: float) -> float:
        return (math.sin(2 * math.pi * x) - np.polyval(w[::-1], 2 * x - 1)) ** 2
    return sigma**2 + integrate.quad(gap, 0.0, 1.0, limit=200, epsabs=1e-13, epsrel=1e-12)[0]


@pytest.mark.parametrize("degree", [0, 1, 3, 7, 12])
def test_expected_squared_error_matches_quadrature(degree) -> None:
    w = np.random.default_rng(degree).normal(scale=2.0, size=degree + 1)
    assert bl.expected_squared_error(w, noise_sigma=0.3) == pytest.approx(_quad_risk(w, 0.3), rel=1e-9)


def test_expected_squared_error_matches_monte_carlo_on_regression_data() -> None:
    w = np.array([0.1, -2.5, 0.3, 1.9])  # a cubic near -sin(πz)
    x, y = bl.regression_data(400_000, noise_sigma=0.25, seed=5)
    losses = (y - np.polyval(w[::-1], 2 * x - 1)) ** 2
    assert abs(losses.mean() - bl.expected_squared_error(w, 0.25)) < 4 * stats.sem(losses)


def test_expected_squared_error_of_the_least_squares_projection() -> None:
    """The weights minimising the risk solve M w = b; the risk there is the best a degree can do."""
    M, b = ridge_risk._sine_moments(6)
    w_star = np.linalg.solve(M, b)
    best = bl.expected_squared_error(w_star, 0.25)
    for w in np.random.default_rng(6).normal(scale=0.1, size=(20, 6)) + w_star:
        assert bl.expected_squared_error(w, 0.25) >= best
    assert 0.25**2 < best < 0.25**2 + 0.01  # a quintic nearly matches one period of a sine


def test_expected_squared_error_batches_and_floor() -> None:
    W = np.random.default_rng(7).normal(size=(3, 4, 5))
    batch = bl.expected_squared_error(W)
    assert batch.shape == (3, 4)
    assert batch[1, 2] == pytest.approx(bl.expected_squared_error(W[1, 2]), rel=1e-14)
    assert np.all(batch >= 0.25**2)
    assert bl.expected_squared_error([0.0, 0.0]) == pytest.approx(0.5625, rel=1e-14)


@pytest.mark.parametrize(("w", "sigma", "match"), [(1.0, 0.25, "last axis"), (np.zeros((2, 0)), 0.25, "last axis"),
                                                  ([math.inf], 0.25, "finite"), ([0.0], 0.0, "noise_sigma")])
def test_expected_squared_error_validation(w, sigma, match) -> None:
    with pytest.raises(ValueError, match=match):
        bl.expected_squared_error(w, sigma)


# --- ridge_risks ------------------------------------------------------------------------------------


@pytest.fixture
def data():
    x, y = bl.regression_data(25, seed=8)
    x_held, y_held = bl.regression_data(40, seed=9)
    return x, y, x_held, y_held


def test_ridge_risks_fits_are_ridge_and_scikit_learn(data) -> None:
    x, y, xh, yh = data
    degrees, alphas = [0, 2, 5, 12], [0.0, 1e-8, 1e-3, 1.0, 100.0]
    r = bl.ridge_risks(x, y, xh, yh, degrees, alphas)
    assert r.train.shape == r.held_out.shape == r.expected.shape == (4, 5)
    assert r.weights.shape == (4, 5, 13)
    for i, d in enumerate(degrees):
        X = bl.polynomial_features(2 * x - 1, d)
        for j, a in enumerate(alphas):
            w = bl.ridge_weights(X, y, a)
            np.testing.assert_allclose(r.weights[i, j, : d + 1], w, rtol=1e-7, atol=1e-7)
            assert np.all(r.weights[i, j, d + 1 :] == 0)
            if a > 0:
                sk = Ridge(alpha=a, fit_intercept=False, solver="svd").fit(X, y).coef_
                np.testing.assert_allclose(r.weights[i, j, : d + 1], sk, rtol=1e-6, atol=1e-7)


def test_ridge_risks_losses_match_direct_evaluation(data) -> None:
    x, y, xh, yh = data
    r = bl.ridge_risks(x, y, xh, yh, [1, 4, 9], [1e-6, 0.1])
    for i, d in enumerate([1, 4, 9]):
        for j in range(2):
            w = r.weights[i, j, : d + 1]
            train = np.mean((y - bl.polynomial_features(2 * x - 1, d) @ w) ** 2)
            held = np.mean((yh - bl.polynomial_features(2 * xh - 1, d) @ w) ** 2)
            assert r.train[i, j] == pytest.approx(train, rel=1e-9, abs=1e-13)
            assert r.held_out[i, j] == pytest.approx(held, rel=1e-12)
            assert r.expected[i, j] == pytest.approx(_quad_risk(w, 0.25), rel=1e-8)


def test_ridge_risks_interpolation_and_more_weights_than_points() -> None:
    """Degree >= n - 1 with alpha = 0 interpolates (train MSE 0), even when n < d + 1."""
    x, y = bl.regression_data(6, seed=10)
    xh, yh = bl.regression_data(10, seed=11)
    r = bl.ridge_risks(x, y, xh, yh, [5, 12], [0.0])
    assert np.all(r.train < 1e-12)
    X = bl.polynomial_features(2 * x - 1, 12)
    np.testing.assert_allclose(r.weights[1, 0], np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-6, atol=1e-8)


def test_ridge_risks_with_no_training_data_is_the_zero_fit() -> None:
    xh, yh = bl.regression_data(30, seed=12)
    r = bl.ridge_risks([], [], xh, yh, np.arange(13), [1e-6, 1.0])
    assert np.all(np.isnan(r.train)) and np.all(r.weights == 0)
    np.testing.assert_allclose(r.held_out, np.mean(yh**2), rtol=1e-14)
    np.testing.assert_allclose(r.expected, 0.5625, rtol=1e-14)


def test_training_loss_is_optimistic_on_average() -> None:
    """Over many data sets the training MSE of least squares is below its risk; held-out is unbiased."""
    rows = []
    for s in range(150):
        x, y = bl.regression_data(12, seed=s)
        xh, yh = bl.regression_data(30, seed=1000 + s)
        r = bl.ridge_risks(x, y, xh, yh, [3], [0.0])
        rows.append((r.train[0, 0], r.held_out[0, 0], r.expected[0, 0]))
    train, held, true = np.array(rows).T
    assert train.mean() < 0.25**2 < true.mean()
    assert abs((held - true).mean()) < 4 * stats.sem(held - true)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": [0.1, 0.2], "y": [1.0]}, ValueError, "same length"),
        ({"x_held": [], "y_held": []}, ValueError, "at least one"),
        ({"degrees": [-1]}, ValueError, "degrees"),
        ({"degrees": [1.5]}, ValueError, "degrees"),
        ({"alphas": [-0.1]}, ValueError, "alphas"),
        ({"alphas": [[0.1]]}, ValueError, "1-D"),
        ({"y": [math.nan, 0.0]}, ValueError, "NaN"),
        ({"noise_sigma": 0.0}, ValueError, "noise_sigma"),
    ],
)
def test_ridge_risks_validation(kwargs, error, match) -> None:
    args = {"x": [0.1, 0.2], "y": [0.0, 1.0], "x_held": [0.5], "y_held": [0.0], "degrees": [1], "alphas": [0.1]}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        bl.ridge_risks(**args)
