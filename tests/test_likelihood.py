"""Log-likelihoods and MLEs checked against scipy.stats, never against our own formulas."""

import numpy as np
import pytest
from scipy import stats
from scipy.optimize import minimize_scalar
from scipy.special import gammaln

import bayeslearn as bl

THETA_GRID = np.linspace(0.0, 1.0, 501)
INTERIOR = THETA_GRID[1:-1]


def sequence_log_likelihood_reference(theta, k, n):
    """log P(one particular sequence) = binomial log-pmf minus log of the binomial coefficient."""
    log_binom_coefficient = gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)
    return stats.binom.logpmf(k, n, theta) - log_binom_coefficient


@pytest.mark.parametrize(("heads", "tosses"), [(0, 1), (1, 1), (3, 4), (7, 10), (0, 25), (140, 400)])
def test_bernoulli_log_likelihood_matches_binomial_without_coefficient(heads, tosses):
    """On interior thetas the result is binom.logpmf minus log C(n, k)."""
    got = bl.bernoulli_log_likelihood(INTERIOR, heads, tosses)
    want = sequence_log_likelihood_reference(INTERIOR, heads, tosses)
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)


def test_bernoulli_log_likelihood_is_a_sum_of_bernoulli_log_pmfs():
    """A short explicit sequence: the log-likelihood is the sum of per-toss Bernoulli log-pmfs."""
    tosses = np.array([1, 0, 0, 1, 1, 1, 0, 1])
    for theta in (0.1, 0.37, 0.5, 0.92):
        want = stats.bernoulli.logpmf(tosses, theta).sum()
        got = bl.bernoulli_log_likelihood(theta, int(tosses.sum()), tosses.size)
        assert got == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize(
    ("theta", "heads", "tosses", "expected"),
    [
        (1.0, 5, 5, 0.0),  # only heads seen, theta = 1: 0 log 0 = 0
        (0.0, 0, 5, 0.0),  # only tails seen, theta = 0
        (1.0, 4, 5, -np.inf),  # a tail seen but theta = 1 is impossible
        (0.0, 1, 5, -np.inf),  # a head seen but theta = 0 is impossible
        (0.0, 0, 0, 0.0),  # no data at all
        (1.0, 0, 0, 0.0),
    ],
)
def test_bernoulli_log_likelihood_at_theta_zero_and_one(theta, heads, tosses, expected):
    """Endpoints: 0 * log 0 counts as 0 and impossible data give -inf, without warnings."""
    got = bl.bernoulli_log_likelihood(theta, heads, tosses)
    assert got == expected
    assert type(got) is float


def test_bernoulli_log_likelihood_endpoints_on_grid():
    """On the 501-point grid, the endpoints are -inf for mixed data and the interior is finite."""
    ll = bl.bernoulli_log_likelihood(THETA_GRID, 3, 10)
    assert ll.shape == (501,)
    assert ll[0] == -np.inf and ll[-1] == -np.inf
    assert np.isfinite(ll[1:-1]).all()


def test_bernoulli_log_likelihood_a_billion_tosses_is_finite():
    """n = 10**9 tosses: finite on the interior, no overflow, no warning (warnings are errors)."""
    n = 10**9
    k = 300_000_123
    ll = bl.bernoulli_log_likelihood(INTERIOR, k, n)
    assert np.isfinite(ll).all()
    # Independent reference: k heads and n - k tails, each scored by scipy's Bernoulli pmf.
    want = k * stats.bernoulli.logpmf(1, INTERIOR) + (n - k) * stats.bernoulli.logpmf(0, INTERIOR)
    np.testing.assert_allclose(ll, want, rtol=1e-12)
    assert THETA_GRID[1:-1][np.argmax(ll)] == pytest.approx(0.3, abs=1e-12)


def test_bernoulli_log_likelihood_scales_with_repeated_data():
    """Seeing the same data m times multiplies the log-likelihood by m (independent of the formula)."""
    base = bl.bernoulli_log_likelihood(INTERIOR, 3, 10)
    scaled = bl.bernoulli_log_likelihood(INTERIOR, 3 * 10**8, 10**9)
    np.testing.assert_allclose(scaled, 10**8 * base, rtol=1e-9)


def test_bernoulli_log_likelihood_broadcasts_over_grid_and_counts():
    """A (501,) grid against a (3, 1) column of counts gives a (3, 501) table of rows."""
    heads = np.array([[0], [4], [10]])
    ll = bl.bernoulli_log_likelihood(THETA_GRID, heads, 10)
    assert ll.shape == (3, 501)
    for row, k in zip(ll, heads.ravel(), strict=True):
        np.testing.assert_allclose(row[1:-1], sequence_log_likelihood_reference(INTERIOR, k, 10), rtol=1e-10)


def test_bernoulli_log_likelihood_scalar_in_float_out():
    """A scalar theta and scalar counts give a plain Python float; an array gives an ndarray."""
    assert type(bl.bernoulli_log_likelihood(0.3, 2, 5)) is float
    assert type(bl.bernoulli_log_likelihood(np.float64(0.3), np.int64(2), np.int64(5))) is float
    assert isinstance(bl.bernoulli_log_likelihood([0.3], 2, 5), np.ndarray)


def test_bernoulli_log_likelihood_with_no_tosses_is_zero():
    """No data: the likelihood is 1 everywhere, so its log is 0 on the whole grid."""
    ll = bl.bernoulli_log_likelihood(THETA_GRID, 0, 0)
    assert np.array_equal(ll, np.zeros(501))


@pytest.mark.parametrize(("heads", "tosses"), [(0, 1), (1, 1), (7, 10), (3, 1000), (999, 1000)])
def test_bernoulli_mle_is_the_argmax(heads, tosses):
    """k/n maximises the likelihood: compared with a bounded scalar optimiser on the scipy pmf."""
    mle = bl.bernoulli_mle(heads, tosses)
    assert mle == heads / tosses
    if 0 < heads < tosses:
        res = minimize_scalar(
            lambda t: -stats.binom.logpmf(heads, tosses, t),
            bounds=(1e-12, 1 - 1e-12),
            method="bounded",
            options={"xatol": 1e-12},
        )
        assert mle == pytest.approx(res.x, abs=1e-6)


def test_bernoulli_mle_broadcasts_and_returns_float_for_scalars():
    """Arrays of counts give an array; scalars give a Python float."""
    got = bl.bernoulli_mle(np.array([0, 1, 2]), 4)
    np.testing.assert_array_equal(got, [0.0, 0.25, 0.5])
    assert type(bl.bernoulli_mle(1, 4)) is float


def test_gaussian_log_likelihood_matches_scipy_norm():
    """Sum of norm.logpdf over the observations, for a grid of means and of scales."""
    rng = np.random.default_rng(11)
    y = rng.normal(1.5, 2.0, size=37)
    means = np.linspace(-3.0, 5.0, 41)[:, None]
    sigmas = np.array([0.3, 1.0, 2.0, 7.5])
    got = bl.gaussian_log_likelihood(y, means, sigmas)
    assert got.shape == (41, 4)
    want = stats.norm.logpdf(y[:, None, None], means, sigmas).sum(axis=0)
    np.testing.assert_allclose(got, want, rtol=1e-11)


def test_gaussian_log_likelihood_treats_every_element_as_an_observation():
    """A 2-D y is the same data as its flattened version."""
    y = np.arange(6.0).reshape(2, 3)
    want = stats.norm.logpdf(y, 2.0, 1.5).sum()
    assert bl.gaussian_log_likelihood(y, 2.0, 1.5) == pytest.approx(want, rel=1e-12)


def test_gaussian_log_likelihood_is_stable_far_from_zero():
    """Data with a large common offset: the sufficient-statistics form keeps full accuracy."""
    rng = np.random.default_rng(5)
    y = 1e6 + rng.normal(0.0, 1.0, size=1000)
    want = stats.norm.logpdf(y, 1e6 + 0.1, 1.0).sum()
    assert bl.gaussian_log_likelihood(y, 1e6 + 0.1, 1.0) == pytest.approx(want, rel=1e-9)


def test_gaussian_log_likelihood_empty_data_is_zero():
    """No observations: log-likelihood 0, shaped like the broadcast parameters."""
    assert bl.gaussian_log_likelihood([], 0.3, 2.0) == 0.0
    assert type(bl.gaussian_log_likelihood([], 0.3, 2.0)) is float
    got = bl.gaussian_log_likelihood(np.array([]), np.zeros((3, 1)), np.ones(2))
    assert np.array_equal(got, np.zeros((3, 2)))


def test_gaussian_log_likelihood_scalar_in_float_out():
    """Scalar mean and sigma give a Python float."""
    assert type(bl.gaussian_log_likelihood([0.1, 0.2], 0.0, 1.0)) is float
