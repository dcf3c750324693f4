"""Posteriors, MAPs and predictives checked against Bayes' rule done numerically with scipy."""

import numpy as np
import pytest
from scipy import integrate, stats
from scipy.optimize import minimize_scalar

import bayeslearn as bl

THETA_GRID = np.linspace(0.0, 1.0, 501)
CASES = [(7, 10, 2.0, 2.0), (0, 5, 1.0, 1.0), (5, 5, 3.0, 0.5), (130, 400, 0.7, 4.0), (1, 2, 10.0, 10.0)]


def unnormalised_posterior(theta, k, n, a, b):
    """Likelihood times prior, both from scipy.stats."""
    return stats.binom.pmf(k, n, theta) * stats.beta.pdf(theta, a, b)


@pytest.mark.parametrize(("k", "n", "a", "b"), CASES)
def test_beta_bernoulli_posterior_equals_normalised_likelihood_times_prior(k, n, a, b):
    """The frozen Beta matches binom.pmf * beta.pdf divided by its integral (by quadrature)."""
    post = bl.beta_bernoulli_posterior(k, n, a, b)
    evidence, _ = integrate.quad(unnormalised_posterior, 0, 1, args=(k, n, a, b), epsabs=0, epsrel=1e-11)
    theta = np.linspace(0.02, 0.98, 49)
    want = unnormalised_posterior(theta, k, n, a, b) / evidence
    np.testing.assert_allclose(post.pdf(theta), want, rtol=1e-7)


@pytest.mark.parametrize(("k", "n", "a", "b"), CASES)
def test_beta_bernoulli_posterior_parameters_and_mean(k, n, a, b):
    """Textbook conjugate update Beta(a + k, b + n - k); the mean is (a + k) / (a + b + n)."""
    post = bl.beta_bernoulli_posterior(k, n, a, b)
    assert post.dist.name == "beta"
    assert post.args == (a + k, b + n - k)
    assert type(post.args[0]) is float
    assert float(post.mean()) == pytest.approx((a + k) / (a + b + n), rel=1e-12)
    lo, hi = post.interval(0.95)
    assert 0.0 <= lo < float(post.mean()) < hi <= 1.0


def test_beta_bernoulli_posterior_with_no_data_is_the_prior():
    """Zero tosses leave the prior unchanged."""
    post = bl.beta_bernoulli_posterior(0, 0, 2.5, 0.8)
    np.testing.assert_allclose(post.pdf(THETA_GRID[1:-1]), stats.beta.pdf(THETA_GRID[1:-1], 2.5, 0.8), rtol=1e-12)


@pytest.mark.parametrize(("k", "n", "a", "b"), [c for c in CASES if c[0] + c[2] > 1 and c[1] - c[0] + c[3] > 1])
def test_beta_bernoulli_map_matches_textbook_mode_and_optimiser(k, n, a, b):
    """Interior case: (k + a - 1) / (n + a + b - 2), and the argmax of log-likelihood + log-prior."""
    got = bl.beta_bernoulli_map(k, n, a, b)
    assert got == pytest.approx((k + a - 1) / (n + a + b - 2), rel=1e-12)
    res = minimize_scalar(
        lambda t: -(stats.binom.logpmf(k, n, t) + stats.beta.logpdf(t, a, b)),
        bounds=(1e-12, 1 - 1e-12),
        method="bounded",
        options={"xatol": 1e-12},
    )
    assert got == pytest.approx(res.x, abs=1e-6)


@pytest.mark.parametrize(
    ("k", "n", "a", "b", "expected"),
    [
        (0, 0, 1.0, 1.0, 0.5),  # flat posterior
        (0, 0, 0.5, 1.0, 0.0),  # alpha < beta, density decreasing
        (0, 0, 1.0, 0.5, 1.0),  # alpha > beta, density increasing
        (0, 3, 1.0, 1.0, 0.0),  # Beta(1, 4): MAP = MLE = 0
        (3, 3, 1.0, 1.0, 1.0),  # Beta(4, 1): MAP = MLE = 1
        (0, 4, 0.5, 2.0, 0.0),  # Beta(0.5, 6)
        (4, 4, 3.0, 0.3, 1.0),  # Beta(7, 0.3)
        (0, 2, 1.0, 0.5, 0.0),  # Beta(1, 2.5)
    ],
)
def test_beta_bernoulli_map_on_the_boundary(k, n, a, b, expected):
    """Posterior with a parameter <= 1: the mode is the endpoint where the density is largest."""
    got = bl.beta_bernoulli_map(k, n, a, b)
    assert got == expected
    assert type(got) is float
    if expected != 0.5:  # check against the density itself, just inside the endpoints
        dens = stats.beta(a + k, b + n - k).logpdf([1e-9, 1 - 1e-9])
        assert (dens[1] > dens[0]) == (expected == 1.0)


def test_beta_bernoulli_map_with_uniform_prior_is_the_mle():
    """a = b = 1: the MAP equals k / n for every k."""
    k = np.arange(0, 21)
    np.testing.assert_allclose(bl.beta_bernoulli_map(k, 20, 1, 1), k / 20, rtol=0, atol=1e-15)


def test_beta_bernoulli_map_broadcasts():
    """Array counts and priors mixing interior and boundary cases."""
    got = bl.beta_bernoulli_map(np.array([0, 1, 2]), 2, np.array([1.0, 1.0, 3.0]), 2.0)
    np.testing.assert_allclose(got, [0.0, 1.0 / 3.0, 4.0 / 5.0], rtol=1e-12)


@pytest.mark.parametrize(("k", "n"), [(0, 0), (0, 1), (1, 1), (100, 100), (3, 10), (50, 51)])
def test_beta_bernoulli_predictive_is_laplace_rule_for_uniform_prior(k, n):
    """a = b = 1 gives Laplace's rule of succession (k + 1) / (n + 2)."""
    got = bl.beta_bernoulli_predictive(k, n, 1, 1)
    assert got == pytest.approx((k + 1) / (n + 2), rel=1e-14)
    assert 0.0 < got < 1.0


@pytest.mark.parametrize(("k", "n", "a", "b"), CASES)
def test_beta_bernoulli_predictive_is_the_posterior_average_of_theta(k, n, a, b):
    """P(next = heads) = integral of theta * posterior density, computed by quadrature."""
    evidence, _ = integrate.quad(unnormalised_posterior, 0, 1, args=(k, n, a, b), epsabs=0, epsrel=1e-11)
    first, _ = integrate.quad(
        lambda t: t * unnormalised_posterior(t, k, n, a, b), 0, 1, epsabs=0, epsrel=1e-11
    )
    assert bl.beta_bernoulli_predictive(k, n, a, b) == pytest.approx(first / evidence, rel=1e-8)


def precision_weighted(y, sigma, mu0, tau):
    """Textbook conjugate Gaussian update, written as weights on the prior and sample means."""
    n = len(y)
    w_prior, w_data = 1.0 / tau**2, n / sigma**2
    mean = (w_prior * mu0 + w_data * (np.mean(y) if n else 0.0)) / (w_prior + w_data)
    return mean, (w_prior + w_data) ** -0.5


@pytest.mark.parametrize(
    ("y", "sigma", "mu0", "tau"),
    [([1.0, 3.0], 1.0, 0.0, 1.0), ([0.2, -0.4, 1.9, 0.7, 1.1], 0.5, 3.0, 0.1), ([10.0], 2.0, -1.0, 100.0)],
)
def test_gaussian_mean_posterior_precision_weighted(y, sigma, mu0, tau):
    """Mean and scale match the precision-weighted average; the result is a frozen norm."""
    post = bl.gaussian_mean_posterior(y, sigma, mu0, tau)
    mean, scale = precision_weighted(y, sigma, mu0, tau)
    assert post.dist.name == "norm"
    assert float(post.mean()) == pytest.approx(mean, rel=1e-12)
    assert float(post.std()) == pytest.approx(scale, rel=1e-12)


def test_gaussian_mean_posterior_density_is_bayes_rule_on_a_grid():
    """The posterior pdf equals likelihood * prior normalised on a fine grid of mu."""
    rng = np.random.default_rng(3)
    y = rng.normal(0.8, 1.3, size=12)
    post = bl.gaussian_mean_posterior(y, 1.3, -0.5, 0.6)
    mu = np.linspace(-3.0, 4.0, 7001)
    log_unnorm = stats.norm.logpdf(y[:, None], mu, 1.3).sum(axis=0) + stats.norm.logpdf(mu, -0.5, 0.6)
    dens = np.exp(log_unnorm - log_unnorm.max())
    dens /= integrate.trapezoid(dens, mu)
    np.testing.assert_allclose(post.pdf(mu), dens, rtol=1e-5, atol=1e-9)


def test_gaussian_mean_map_is_the_argmax_of_the_log_posterior():
    """The MAP found by minimize_scalar on the negative log-posterior (scipy densities)."""
    rng = np.random.default_rng(8)
    y = rng.normal(2.0, 0.7, size=25)

    def neg_log_post(mu):
        return -(stats.norm.logpdf(y, mu, 0.7).sum() + stats.norm.logpdf(mu, 0.0, 0.3))

    res = minimize_scalar(neg_log_post, bracket=(-1.0, 3.0), tol=1e-12)
    got = bl.gaussian_mean_map(y, 0.7, 0.0, 0.3)
    assert type(got) is float
    assert got == pytest.approx(res.x, abs=1e-7)
    assert got == pytest.approx(float(bl.gaussian_mean_posterior(y, 0.7, 0.0, 0.3).mean()), rel=1e-15)


def test_gaussian_mean_posterior_with_no_data_is_the_prior():
    """Empty y gives the prior N(mu0, tau^2) exactly."""
    post = bl.gaussian_mean_posterior([], 1.0, 2.0, 3.0)
    assert (float(post.mean()), float(post.std())) == (2.0, 3.0)
    assert bl.gaussian_mean_map(np.array([]), 1.0, 2.0, 3.0) == 2.0


def test_grid_posterior_matches_conjugate_beta():
    """A grid posterior from our likelihood and prior matches the Beta posterior pdf times spacing."""
    k, n, a, b = 13, 40, 2.0, 3.0
    ll = bl.bernoulli_log_likelihood(THETA_GRID, k, n)
    lp = bl.beta_log_prior(THETA_GRID, a, b)
    masses = bl.grid_posterior(ll, lp)
    assert masses.shape == (501,)
    assert masses.sum() == pytest.approx(1.0, abs=1e-12)
    want = stats.beta.pdf(THETA_GRID, a + k, b + n - k) * (THETA_GRID[1] - THETA_GRID[0])
    np.testing.assert_allclose(masses, want, rtol=1e-5, atol=1e-12)


def test_grid_posterior_with_a_billion_tosses_does_not_underflow():
    """n = 10**9: masses sum to 1, are finite, and peak at k / n (naive exp would give 0 / 0)."""
    n, k = 10**9, 300_000_000
    ll = bl.bernoulli_log_likelihood(THETA_GRID, k, n)
    assert np.exp(ll).sum() == 0.0  # the naive product underflows everywhere
    masses = bl.grid_posterior(ll, bl.beta_log_prior(THETA_GRID, 1, 1))
    assert np.isfinite(masses).all() and (masses >= 0).all()
    assert masses.sum() == pytest.approx(1.0, abs=1e-12)
    assert THETA_GRID[np.argmax(masses)] == pytest.approx(0.3, abs=1e-12)


def test_grid_posterior_on_a_fine_grid_with_large_logs_sums_to_one():
    """Log values near -7e8 spread over many grid points still give masses summing to 1."""
    theta = np.linspace(0.0, 1.0, 100_001)
    masses = bl.grid_posterior(bl.bernoulli_log_likelihood(theta, 300_000_007, 10**9), 0.0)
    assert (masses > 1e-6).sum() > 5
    assert masses.sum() == pytest.approx(1.0, abs=1e-12)


def test_grid_posterior_with_no_data_is_the_prior():
    """Zero log-likelihood gives the prior masses, normalised."""
    lp = stats.beta.logpdf(THETA_GRID[1:-1], 3.0, 2.0)
    masses = bl.grid_posterior(bl.bernoulli_log_likelihood(THETA_GRID[1:-1], 0, 0), lp)
    prior = stats.beta.pdf(THETA_GRID[1:-1], 3.0, 2.0)
    np.testing.assert_allclose(masses, prior / prior.sum(), rtol=1e-12)


def test_grid_posterior_zero_where_impossible_and_over_the_whole_grid():
    """-inf points get exactly 0; a 2-D grid is normalised as a whole."""
    masses = bl.grid_posterior([0.0, -np.inf, np.log(3.0)], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(masses, [0.25, 0.0, 0.75], rtol=1e-15)
    assert masses[1] == 0.0
    grid = bl.grid_posterior(np.zeros((2, 3)), np.zeros(3))
    assert grid.shape == (2, 3)
    np.testing.assert_allclose(grid, np.full((2, 3), 1 / 6), rtol=1e-15)
