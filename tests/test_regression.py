"""Features, ridge = MAP and gradient descent, checked against scikit-learn and scipy.optimize."""

import numpy as np
import pytest
from scipy import optimize, stats
from sklearn.linear_model import Ridge
from sklearn.preprocessing import PolynomialFeatures

import bayeslearn as bl


def sklearn_ridge(X, y, alpha, solver="svd"):
    """Reference: scikit-learn's ridge without intercept."""
    return Ridge(alpha=alpha, fit_intercept=False, solver=solver).fit(X, y).coef_


@pytest.fixture
def problem():
    rng = np.random.default_rng(42)
    X = rng.normal(size=(30, 5))
    y = X @ np.array([1.0, -2.0, 0.5, 0.0, 3.0]) + 0.3 * rng.normal(size=30)
    return X, y


@pytest.mark.parametrize("alpha", [1e-6, 0.1, 1.0, 10.0, 1e4])
@pytest.mark.parametrize("solver", ["svd", "cholesky"])
def test_ridge_weights_match_sklearn(problem, alpha, solver):
    """Same weights as Ridge(alpha, fit_intercept=False) to tight tolerance."""
    X, y = problem
    np.testing.assert_allclose(bl.ridge_weights(X, y, alpha), sklearn_ridge(X, y, alpha, solver), rtol=1e-9, atol=1e-12)


def test_ridge_weights_on_ill_conditioned_polynomial_features():
    """Degree-9 polynomial features on 12 points (condition number ~1e7) still match sklearn's SVD solver."""
    x, y = bl.regression_data(12, seed=4)
    X = bl.polynomial_features(x, 9)
    assert np.linalg.cond(X) > 1e5
    for alpha in (1e-8, 1e-3, 1.0):
        np.testing.assert_allclose(bl.ridge_weights(X, y, alpha), sklearn_ridge(X, y, alpha), rtol=1e-6, atol=1e-8)


def test_ridge_weights_more_features_than_samples():
    """n < d: still the ridge solution, which lies in the row space of X."""
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(4, 9)), rng.normal(size=4)
    w = bl.ridge_weights(X, y, 0.5)
    np.testing.assert_allclose(w, sklearn_ridge(X, y, 0.5), rtol=1e-10)
    np.testing.assert_allclose(w, X.T @ np.linalg.solve(X @ X.T + 0.5 * np.eye(4), y), rtol=1e-10)


def test_ridge_weights_alpha_zero_is_minimum_norm_least_squares():
    """alpha = 0 gives numpy's lstsq solution, also for a rank-deficient design."""
    rng = np.random.default_rng(9)
    base = rng.normal(size=(10, 3))
    X = np.column_stack([base, base[:, 0] + base[:, 1]])  # rank 3, 4 columns
    y = rng.normal(size=10)
    want = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(bl.ridge_weights(X, y, 0.0), want, rtol=1e-10, atol=1e-12)


def test_ridge_weights_minimise_the_penalised_loss(problem):
    """A general-purpose optimiser on ||y - Xw||^2 + alpha ||w||^2 lands on the same weights."""
    X, y = problem
    alpha = 3.0

    def loss(w):
        r = y - X @ w
        return r @ r + alpha * w @ w

    res = optimize.minimize(loss, np.zeros(5), method="BFGS", options={"gtol": 1e-10})
    np.testing.assert_allclose(bl.ridge_weights(X, y, alpha), res.x, rtol=1e-6, atol=1e-8)


def test_ridge_weights_degenerate_shapes():
    """No samples gives zero weights; no features gives an empty weight vector."""
    assert np.array_equal(bl.ridge_weights(np.zeros((0, 3)), np.zeros(0), 1.0), np.zeros(3))
    for alpha in (0.0, 1.0):
        assert bl.ridge_weights(np.zeros((4, 0)), np.ones(4), alpha).shape == (0,)


def test_ridge_weights_accept_lists():
    """The docstring example: one feature of ones, y = [1, 3], alpha = 2 gives 4 / 4."""
    np.testing.assert_allclose(bl.ridge_weights([[1.0], [1.0]], [1.0, 3.0], alpha=2.0), [1.0])


@pytest.mark.parametrize(("noise_sigma", "prior_sigma"), [(1.0, 1.0), (0.3, 2.0), (2.0, 0.1)])
def test_map_weights_are_ridge_with_variance_ratio(problem, noise_sigma, prior_sigma):
    """MAP weights equal sklearn's ridge with alpha = noise_sigma^2 / prior_sigma^2."""
    X, y = problem
    alpha = noise_sigma**2 / prior_sigma**2
    np.testing.assert_allclose(
        bl.map_weights(X, y, noise_sigma, prior_sigma), sklearn_ridge(X, y, alpha), rtol=1e-9, atol=1e-12
    )


def test_map_weights_maximise_the_log_posterior(problem):
    """Maximising sum norm.logpdf(y | Xw, sigma) + sum norm.logpdf(w | 0, tau) gives the MAP."""
    X, y = problem
    sigma, tau = 0.5, 0.4

    def neg_log_post(w):
        return -(stats.norm.logpdf(y, X @ w, sigma).sum() + stats.norm.logpdf(w, 0.0, tau).sum())

    res = optimize.minimize(neg_log_post, np.zeros(5), method="BFGS", options={"gtol": 1e-9})
    np.testing.assert_allclose(bl.map_weights(X, y, sigma, tau), res.x, rtol=1e-6, atol=1e-8)


def test_gradient_descent_ends_at_ridge_solution(problem):
    """With weight decay lambda, the end point is ridge_weights(X, y, lambda)."""
    X, y = problem
    lam = 2.0
    eta = 1.0 / (np.linalg.norm(X, 2) ** 2 + lam)
    path = bl.gradient_descent(X, y, weight_decay=lam, learning_rate=eta, steps=3000)
    assert path.shape == (3001, 5)
    np.testing.assert_allclose(path[-1], bl.ridge_weights(X, y, lam), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(path[-1], sklearn_ridge(X, y, lam), rtol=1e-9, atol=1e-12)


def test_gradient_descent_first_step_follows_numerical_gradient(problem):
    """w1 = w0 - eta * grad L(w0), with the gradient of 0.5||y-Xw||^2 + 0.5 lambda||w||^2 by finite differences."""
    X, y = problem
    lam, eta = 0.7, 0.005
    w0 = np.array([0.3, -0.1, 0.0, 1.0, 2.0])

    def loss(w):
        r = y - X @ w
        return 0.5 * r @ r + 0.5 * lam * w @ w

    grad = optimize.approx_fprime(w0, loss, 1e-6)
    path = bl.gradient_descent(X, y, lam, eta, steps=1, w0=w0)
    np.testing.assert_array_equal(path[0], w0)
    np.testing.assert_allclose(path[1], w0 - eta * grad, rtol=1e-5, atol=1e-6)


def test_gradient_descent_loss_decreases_monotonically(problem):
    """With eta <= 1 / L the penalised loss never increases along the trajectory."""
    X, y = problem
    lam = 0.1
    eta = 1.0 / (np.linalg.norm(X, 2) ** 2 + lam)
    path = bl.gradient_descent(X, y, lam, eta, steps=200)
    losses = 0.5 * ((y - path @ X.T) ** 2).sum(axis=1) + 0.5 * lam * (path**2).sum(axis=1)
    assert np.all(np.diff(losses) <= 1e-9 * losses[:-1])
    assert losses[-1] < 0.1 * losses[0]


def test_gradient_descent_trajectory_shape_and_start(problem):
    """Shape (steps + 1, d); row 0 is w0 (zeros by default); steps = 0 returns only the start."""
    X, y = problem
    path = bl.gradient_descent(X, y, 0.0, 1e-3, steps=7)
    assert path.shape == (8, 5)
    assert np.array_equal(path[0], np.zeros(5))
    w0 = np.arange(5.0)
    only = bl.gradient_descent(X, y, 0.0, 1e-3, steps=0, w0=w0)
    assert only.shape == (1, 5)
    assert np.array_equal(only[0], w0)
    assert np.array_equal(w0, np.arange(5.0))  # the caller's array is not modified


def test_gradient_descent_rejects_unstable_learning_rate(problem):
    """eta >= 2 / (s_max^2 + lambda) would diverge: ValueError naming learning_rate; just below is fine."""
    X, y = problem
    lam = 1.0
    limit = 2.0 / (np.linalg.norm(X, 2) ** 2 + lam)
    with pytest.raises(ValueError, match=r"\blearning_rate\b"):
        bl.gradient_descent(X, y, lam, limit * 1.001, steps=10)
    path = bl.gradient_descent(X, y, lam, limit * 0.99, steps=50)
    assert np.isfinite(path).all()


@pytest.mark.parametrize("degree", [0, 1, 3, 8])
def test_polynomial_features_match_vander_and_sklearn(degree):
    """Columns 1, x, ..., x^d: equal to np.vander(increasing) and sklearn's PolynomialFeatures."""
    x = np.linspace(-1.5, 2.0, 11)
    Phi = bl.polynomial_features(x, degree)
    assert Phi.shape == (11, degree + 1)
    np.testing.assert_array_equal(Phi, np.vander(x, degree + 1, increasing=True))
    np.testing.assert_allclose(Phi, PolynomialFeatures(degree).fit_transform(x[:, None]), rtol=1e-14)


def test_polynomial_features_scalar_input_is_one_row():
    """A scalar x is one sample."""
    np.testing.assert_array_equal(bl.polynomial_features(3.0, 2), [[1.0, 3.0, 9.0]])


@pytest.mark.parametrize("alpha", [1e-116, 1e-40, 1e-20, 1e-12])
def test_ridge_weights_tiny_alpha_on_rank_deficient_design(alpha):
    """A dependent column and a tiny alpha: the answer stays next to lstsq and sklearn, not ~1e15."""
    X = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0], [3.0, 2.0, 5.0]])  # col 3 = col 1 + col 2
    y = np.array([1.0, 2.0, 3.0, 4.0])
    want = np.linalg.lstsq(X, y, rcond=None)[0]
    got = bl.ridge_weights(X, y, alpha)
    np.testing.assert_allclose(got, want, rtol=1e-9)
    np.testing.assert_allclose(got, sklearn_ridge(X, y, alpha), rtol=1e-9)
    np.testing.assert_allclose(bl.ridge_weights(np.ones((2, 2)), np.ones(2), alpha), [0.5, 0.5], rtol=1e-12)
