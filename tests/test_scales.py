"""Notebook 08's library (scales, evidence, heteroscedastic, sparsity) against independent references.

References: scipy.stats (norm, multivariate_normal, laplace), scipy.optimize, scikit-learn's
BayesianRidge, Lasso, Ridge and log_loss, and central finite differences for gradients.
"""

import numpy as np
import pytest
from scipy import optimize, stats
from sklearn.linear_model import BayesianRidge, Lasso, Ridge
from sklearn.metrics import log_loss

import bayeslearn as bl


@pytest.fixture
def poly():
    x, y = bl.regression_data(30, noise_sigma=0.25, seed=0)
    return bl.polynomial_features(2 * x - 1, 9), y


# --- σ: the Gaussian NLL and its MLE -----------------------------------------------------------
def test_gaussian_nll_matches_scipy_with_one_and_many_sigmas():
    rng = np.random.default_rng(0)
    y, f, s = rng.normal(size=20), rng.normal(size=20), rng.uniform(0.1, 2, size=20)
    assert bl.gaussian_nll(y, f, 0.7) == pytest.approx(-stats.norm.logpdf(y, f, 0.7).sum(), rel=1e-12)
    assert bl.gaussian_nll(y, f, s) == pytest.approx(-stats.norm.logpdf(y, f, s).sum(), rel=1e-12)


def test_noise_variance_mle_maximises_the_likelihood():
    rng = np.random.default_rng(1)
    y, f = rng.normal(size=40), rng.normal(size=40)
    best = optimize.minimize_scalar(lambda ls: bl.gaussian_nll(y, f, np.exp(ls)), bounds=(-5, 5),
                                    method="bounded", options={"xatol": 1e-10})
    assert np.exp(2 * best.x) == pytest.approx(bl.noise_variance_mle(y - f), rel=1e-6)


def test_noise_variance_with_ddof_is_unbiased_for_least_squares():
    """E[RSS / (n − p)] = σ² for a well-specified linear model (averaged over many data sets)."""
    rng = np.random.default_rng(2)
    X = rng.normal(size=(12, 4))
    est = [bl.noise_variance_mle(y - X @ np.linalg.lstsq(X, y, rcond=None)[0], ddof=4)
           for y in X @ np.ones(4) + rng.normal(size=(4000, 12))]
    assert np.mean(est) == pytest.approx(1.0, abs=0.03)


# --- temperature ----------------------------------------------------------------------------------
def test_temperature_keeps_the_argmax_and_fit_matches_a_grid_and_sklearn_log_loss():
    rng = np.random.default_rng(3)
    z = 4 * rng.normal(size=(300, 3))
    labels = np.where(rng.random(300) < 0.7, z.argmax(axis=1), rng.integers(0, 3, 300))
    t = bl.fit_temperature(z, labels)
    assert np.array_equal(bl.temperature_scale(z, t).argmax(axis=1), z.argmax(axis=1))
    grid = np.exp(np.linspace(np.log(0.2), np.log(20), 4001))
    losses = [log_loss(labels, bl.softmax(z / g), labels=[0, 1, 2]) for g in grid]
    assert t == pytest.approx(grid[np.argmin(losses)], rel=2e-3)


def test_fit_temperature_closed_form():
    """Equal logit gaps g, a fraction f right: σ(g/T) = f, so T = g / logit(f)."""
    t = bl.fit_temperature([[3.0, 0.0]] * 5, [0, 0, 0, 0, 1])
    assert t == pytest.approx(3.0 / np.log(4.0), rel=1e-5)


# --- the evidence ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("sigma", "tau"), [(0.3, 2.0), (1.0, 0.1), (0.05, 10.0)])
def test_log_evidence_is_a_multivariate_normal_logpdf(poly, sigma, tau):
    X, y = poly
    cov = sigma**2 * np.eye(len(y)) + tau**2 * X @ X.T
    assert bl.log_evidence(X, y, sigma, tau) == pytest.approx(
        stats.multivariate_normal(np.zeros(len(y)), cov).logpdf(y), rel=1e-9)


def test_log_evidence_broadcasts_over_grids(poly):
    X, y = poly
    s, t = np.array([0.2, 0.3]), np.array([1.0, 2.0, 3.0])
    grid = bl.log_evidence(X, y, s[:, None], t[None, :])
    assert grid.shape == (2, 3)
    assert grid[1, 2] == pytest.approx(bl.log_evidence(X, y, 0.3, 3.0), rel=1e-12)


def test_log_evidence_with_more_features_than_points():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(5, 9)), rng.normal(size=5)
    cov = 0.5**2 * np.eye(5) + 1.5**2 * X @ X.T
    assert bl.log_evidence(X, y, 0.5, 1.5) == pytest.approx(stats.multivariate_normal(np.zeros(5), cov).logpdf(y))


def test_maximise_evidence_matches_bayesian_ridge_and_a_numerical_optimum(poly):
    X, y = poly
    fit = bl.maximise_evidence(X, y)
    br = BayesianRidge(fit_intercept=False, alpha_1=0, alpha_2=0, lambda_1=0, lambda_2=0,
                       tol=1e-12, max_iter=100_000).fit(X, y)
    assert fit.noise_sigma == pytest.approx(1 / np.sqrt(br.alpha_), rel=1e-6)
    assert fit.prior_sigma == pytest.approx(1 / np.sqrt(br.lambda_), rel=1e-6)
    np.testing.assert_allclose(fit.weights, br.coef_, rtol=1e-6, atol=1e-8)
    best = optimize.minimize(lambda p: -bl.log_evidence(X, y, np.exp(p[0]), np.exp(p[1])), [0.0, 0.0],
                             method="Nelder-Mead", options={"xatol": 1e-9, "fatol": 1e-12, "maxiter": 5000})
    np.testing.assert_allclose(np.exp(best.x), [fit.noise_sigma, fit.prior_sigma], rtol=1e-4)
    assert fit.log_evidence == pytest.approx(-best.fun, abs=1e-8)
    np.testing.assert_allclose(fit.weights, bl.map_weights(X, y, fit.noise_sigma, fit.prior_sigma), atol=1e-9)


def test_maximise_evidence_reports_an_edge_optimum():
    x, y = bl.regression_data(5, noise_sigma=0.25, seed=0)
    with pytest.raises(ValueError, match="prior_sigma -> 0"):
        bl.maximise_evidence(bl.polynomial_features(2 * x - 1, 9), y)


def test_cross_validation_mse_matches_manual_folds(poly):
    X, y = poly
    alphas = np.array([1e-6, 1e-2, 1.0])
    fold_of = np.empty(len(y), dtype=int)
    fold_of[np.random.default_rng(7).permutation(len(y))] = np.arange(len(y)) % 5
    want = np.zeros(3)
    for j in range(5):
        tr, ho = fold_of != j, fold_of == j
        for k, a in enumerate(alphas):
            w = Ridge(alpha=a, fit_intercept=False, solver="svd").fit(X[tr], y[tr]).coef_
            want[k] += ((y[ho] - X[ho] @ w) ** 2).sum()
    np.testing.assert_allclose(bl.cross_validation_mse(X, y, alphas, folds=5, seed=7), want / len(y), rtol=1e-6)


def test_linear_predictive_matches_the_posterior_formulas(poly):
    X, y = poly
    sigma, tau = 0.3, 1.5
    cov = np.linalg.inv(X.T @ X / sigma**2 + np.eye(X.shape[1]) / tau**2)
    mean_w = cov @ X.T @ y / sigma**2
    X_new = X[:7] * 0.9
    pred = bl.linear_predictive(X, y, X_new, sigma, tau)
    mean, sd = pred.mean, pred.sd
    np.testing.assert_allclose(mean, X_new @ mean_w, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(sd**2, sigma**2 + np.einsum("ij,jk,ik->i", X_new, cov, X_new), rtol=1e-8)


# --- heteroscedastic regression ------------------------------------------------------------------
@pytest.mark.parametrize("beta", [0.0, 0.5, 1.0])
def test_beta_nll_gradient_matches_finite_differences(beta):
    rng = np.random.default_rng(5)
    y, mu, s = rng.normal(size=6), rng.normal(size=6), rng.normal(size=6)
    weight = np.exp(beta * s)  # held constant: sg[σ^{2β}]
    def loss(m, ls):
        return np.mean(weight * (0.5 * np.log(2 * np.pi) + 0.5 * ls + 0.5 * (y - m) ** 2 * np.exp(-ls)))
    h, eye = 1e-6, np.eye(6)
    grad = bl.beta_nll_gradient(y, mu, s, beta)
    g_mu, g_s = grad.mean, grad.log_variance
    np.testing.assert_allclose(g_mu, [(loss(mu + h * e, s) - loss(mu - h * e, s)) / (2 * h) for e in eye], atol=1e-8)
    np.testing.assert_allclose(g_s, [(loss(mu, s + h * e) - loss(mu, s - h * e)) / (2 * h) for e in eye], atol=1e-8)


def test_beta_nll_at_beta_zero_is_the_mean_gaussian_nll():
    rng = np.random.default_rng(6)
    y, mu, s = rng.normal(size=9), rng.normal(size=9), rng.normal(size=9)
    assert bl.beta_nll(y, mu, s, 0.0) == pytest.approx(-stats.norm.logpdf(y, mu, np.exp(s / 2)).mean(), rel=1e-12)


def test_fit_heteroscedastic_batches_exactly_and_learns_the_noise():
    sets = [bl.heteroscedastic_data(300, seed=s) for s in range(2)]
    Phi = np.stack([bl.rbf_features(x, np.linspace(0, 1, 8), 0.1) for x in (d.x for d in sets)])
    Y = np.stack([d.y for d in sets])
    both = bl.fit_heteroscedastic(Phi, Y, beta=0.5, steps=300)
    alone = bl.fit_heteroscedastic(Phi[1], Y[1], beta=0.5, steps=300)
    np.testing.assert_allclose(both.mean_weights[1], alone.mean_weights, rtol=1e-10, atol=1e-12)
    full = bl.fit_heteroscedastic(Phi[0], Y[0], beta=0.5, steps=2000)
    sd = full.predict(bl.rbf_features(np.array([0.1, 0.9]), np.linspace(0, 1, 8), 0.1)).sd
    assert sd[1] > 3 * sd[0]  # noise 0.056 at 0.1, 0.536 at 0.9


def test_interval_coverage_of_the_true_gaussian():
    rng = np.random.default_rng(8)
    y = rng.normal(size=100_000)
    assert bl.interval_coverage(y, 0.0, 1.0, level=0.9) == pytest.approx(0.9, abs=0.005)
    assert bl.interval_coverage(y, 0.0, 1.0, level=0.5) == pytest.approx(0.5, abs=0.005)


# --- the Laplace prior -----------------------------------------------------------------------------
@pytest.mark.parametrize("alpha", [0.1, 5.0, 40.0, 500.0])
def test_lasso_weights_match_sklearn_with_its_scaling(alpha):
    data = bl.sparse_regression_data(50, [2.0, -1.5, 0, 0, 1.0, 0, 0, 0], seed=3)
    X, y = data.X, data.y
    sk = Lasso(alpha=alpha / (2 * 50), fit_intercept=False, tol=1e-14, max_iter=1_000_000).fit(X, y)
    np.testing.assert_allclose(bl.lasso_weights(X, y, alpha), sk.coef_, atol=1e-7)


def test_laplace_map_is_the_minimum_of_the_negative_log_posterior():
    data = bl.sparse_regression_data(30, [1.0, 0.0, -0.5], noise_sigma=0.5, seed=4)
    X, y = data.X, data.y
    w = bl.laplace_map_weights(X, y, noise_sigma=0.5, prior_scale=0.01)
    def neg_log_post(v):
        return bl.gaussian_nll(y, X @ v, 0.5) - bl.laplace_log_prior(v, 0.01)
    for _ in range(200):  # no nearby point is better
        step = np.random.default_rng(_).normal(scale=1e-3, size=3)
        assert neg_log_post(w + step) >= neg_log_post(w) - 1e-12
    assert bl.laplace_log_prior([0.3, -0.2], 0.05) == pytest.approx(stats.laplace.logpdf([0.3, -0.2], scale=0.05).sum())
    assert np.sum(w == 0) >= 1  # sparse


def test_soft_threshold():
    np.testing.assert_array_equal(bl.soft_threshold([-2.0, -0.5, 0.0, 0.5, 2.0], 1.0), [-1.0, 0.0, 0.0, 0.0, 1.0])


# --- validation ----------------------------------------------------------------------------------
BAD = [
    (lambda: bl.gaussian_nll([1.0], [0.0], 0.0), ValueError, "sigma"),
    (lambda: bl.gaussian_nll([1.0, 2.0], [0.0, 0.0, 0.0], 1.0), ValueError, "mean"),
    (lambda: bl.gaussian_nll("a", 0.0, 1.0), TypeError, "y"),
    (lambda: bl.noise_variance_mle([[1.0]]), ValueError, "residuals"),
    (lambda: bl.noise_variance_mle([1.0, 2.0], ddof=2), ValueError, "residuals"),
    (lambda: bl.noise_variance_mle([1.0, 2.0], ddof=0.5), ValueError, "ddof"),
    (lambda: bl.temperature_scale([[1.0, 2.0]], 0.0), ValueError, "temperature"),
    (lambda: bl.temperature_scale([1.0, 2.0], 1.0), ValueError, "logits"),
    (lambda: bl.fit_temperature([[1.0, 2.0]], [2]), ValueError, "labels"),
    (lambda: bl.fit_temperature([[1.0, 2.0]], [0], bounds=(2.0, 1.0)), ValueError, "bounds"),
    (lambda: bl.log_evidence(np.ones((3, 2)), np.ones(3), -1.0, 1.0), ValueError, "noise_sigma"),
    (lambda: bl.log_evidence(np.ones((3, 2)), np.ones(3), 1.0, [0.0]), ValueError, "prior_sigma"),
    (lambda: bl.log_evidence(np.ones((3, 2)), np.ones(4), 1.0, 1.0), ValueError, "X"),
    (lambda: bl.maximise_evidence(np.ones((1, 2)), np.ones(1)), ValueError, "y"),
    (lambda: bl.maximise_evidence(np.ones((3, 2)), np.zeros(3)), ValueError, "y"),
    (lambda: bl.maximise_evidence(np.ones((3, 2)), np.ones(3), max_iter=0), ValueError, "max_iter"),
    (lambda: bl.cross_validation_mse(np.ones((3, 2)), np.ones(3), [1.0], folds=4), ValueError, "folds"),
    (lambda: bl.cross_validation_mse(np.ones((3, 2)), np.ones(3), [-1.0]), ValueError, "alphas"),
    (lambda: bl.linear_predictive(np.ones((3, 2)), np.ones(3), np.ones((2, 3)), 1.0, 1.0), ValueError, "X_new"),
    (lambda: bl.beta_nll([1.0], [0.0], [0.0], beta=1.5), ValueError, "beta"),
    (lambda: bl.beta_nll_gradient([1.0], [0.0], [np.inf]), ValueError, "log_variance"),
    (lambda: bl.fit_heteroscedastic(np.ones((3, 2)), np.ones(4)), ValueError, "features"),
    (lambda: bl.fit_heteroscedastic(np.ones((3, 2)), np.ones(3), learning_rate=0.0), ValueError, "learning_rate"),
    (lambda: bl.rbf_features([0.0], [0.5], 0.0), ValueError, "width"),
    (lambda: bl.rbf_features([0.0], [[0.5]], 1.0), ValueError, "centres"),
    (lambda: bl.interval_coverage([0.0], 0.0, 1.0, level=1.0), ValueError, "level"),
    (lambda: bl.interval_coverage([0.0], 0.0, -1.0), ValueError, "sigma"),
    (lambda: bl.heteroscedastic_data(-1), ValueError, "n"),
    (lambda: bl.lasso_weights(np.ones((3, 2)), np.ones(3), -1.0), ValueError, "alpha"),
    (lambda: bl.lasso_weights(np.zeros((3, 2)), np.ones(3), 1.0), ValueError, "X"),
    (lambda: bl.lasso_weights(np.ones((3, 2)), np.ones(3), 1.0, w0=[1.0]), ValueError, "w0"),
    (lambda: bl.laplace_map_weights(np.ones((3, 2)), np.ones(3), 1.0, 0.0), ValueError, "prior_scale"),
    (lambda: bl.laplace_log_prior([1.0], -1.0), ValueError, "scale"),
    (lambda: bl.sparse_regression_data(3, [[1.0]]), ValueError, "weights"),
    (lambda: bl.sparse_regression_data(3, [1.0], noise_sigma=0.0), ValueError, "noise_sigma"),
]


@pytest.mark.parametrize(("call", "exc", "name"), BAD, ids=[f"{n}-{i}" for i, (_, _, n) in enumerate(BAD)])
def test_bad_input_raises_naming_the_argument(call, exc, name):
    with pytest.raises(exc) as info:
        call()
    assert name in str(info.value)
