"""Seeded synthetic data: reproducible, the right shapes, and statistically plausible."""

import numpy as np
import pytest
from scipy import stats

import bayeslearn as bl


def test_coin_tosses_are_reproducible_and_seed_dependent():
    """Same seed, same sequence; another seed, another sequence."""
    a = bl.coin_tosses(500, 0.4, seed=7)
    assert np.array_equal(a, bl.coin_tosses(500, 0.4, seed=7))
    assert not np.array_equal(a, bl.coin_tosses(500, 0.4, seed=8))
    assert np.array_equal(bl.coin_tosses(500, 0.4), bl.coin_tosses(500, 0.4, seed=0))


def test_coin_tosses_shape_values_and_frequency():
    """Integer zeros and ones; the head count is consistent with Binomial(n, theta)."""
    x = bl.coin_tosses(20_000, 0.3, seed=1)
    assert x.shape == (20_000,)
    assert np.issubdtype(x.dtype, np.integer)
    assert set(np.unique(x).tolist()) <= {0, 1}
    assert stats.binomtest(int(x.sum()), x.size, 0.3).pvalue > 1e-3


@pytest.mark.parametrize(("theta", "expected"), [(0.0, 0), (1.0, 1)])
def test_coin_tosses_deterministic_coins(theta, expected):
    """theta = 0 never gives heads, theta = 1 always does."""
    assert np.array_equal(bl.coin_tosses(50, theta, seed=3), np.full(50, expected))


def test_coin_tosses_empty():
    """Zero tosses give an empty sequence."""
    assert bl.coin_tosses(0, 0.5).shape == (0,)


def test_coin_heads_reproducible_and_plausible():
    """Seeded; a billion tosses is instant and its count lies within 5 sd of n theta."""
    n, theta = 10**9, 0.3
    k = bl.coin_heads(n, theta, seed=2)
    assert type(k) is int
    assert k == bl.coin_heads(n, theta, seed=2)
    sd = np.sqrt(n * theta * (1 - theta))
    assert abs(k - n * theta) < 5 * sd


def test_coin_heads_repeated_experiments_follow_binomial():
    """size= repeats the experiment; the sample matches Binomial(n, theta) by a chi-square test."""
    n, theta = 20, 0.35
    ks = bl.coin_heads(n, theta, seed=5, size=4000)
    assert ks.shape == (4000,)
    assert np.array_equal(ks, bl.coin_heads(n, theta, seed=5, size=4000))
    assert ks.min() >= 0 and ks.max() <= n
    observed = np.bincount(ks, minlength=n + 1)
    expected = stats.binom.pmf(np.arange(n + 1), n, theta) * ks.size
    keep = expected > 5  # pool the thin tails for a valid chi-square test
    obs = np.append(observed[keep], observed[~keep].sum())
    exp = np.append(expected[keep], expected[~keep].sum())
    assert stats.chisquare(obs, exp * obs.sum() / exp.sum()).pvalue > 1e-3


def test_coin_heads_edge_cases_and_arrays():
    """0 tosses give 0; theta in {0, 1} give 0 and n; an array of tosses gives an array."""
    assert bl.coin_heads(0, 0.5) == 0
    assert bl.coin_heads(17, 0.0) == 0
    assert bl.coin_heads(17, 1.0) == 17
    ks = bl.coin_heads([10, 100, 1000], 1.0)
    assert ks.tolist() == [10, 100, 1000]


def test_true_function_is_a_sine():
    """f(x) = sin(2 pi x) at known points and on a grid."""
    assert float(bl.true_function(0.25)) == pytest.approx(1.0, abs=1e-15)
    assert float(bl.true_function(0.75)) == pytest.approx(-1.0, abs=1e-15)
    x = np.linspace(0, 1, 9)
    np.testing.assert_allclose(bl.true_function(x), np.sin(2 * np.pi * x), rtol=1e-15, atol=1e-15)


def test_regression_data_reproducible_and_prefix_stable():
    """Same seed, same data; the first m points do not depend on n."""
    x1, y1 = bl.regression_data(20, seed=3)
    x2, y2 = bl.regression_data(20, seed=3)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    x5, y5 = bl.regression_data(5, seed=3)
    assert np.array_equal(x5, x1[:5]) and np.array_equal(y5, y1[:5])
    x_other, _ = bl.regression_data(20, seed=4)
    assert not np.array_equal(x1, x_other)


def test_regression_data_distribution():
    """x ~ U(0, 1) and residuals y - f(x) ~ N(0, sigma^2), by Kolmogorov-Smirnov tests."""
    sigma = 0.4
    x, y = bl.regression_data(5000, noise_sigma=sigma, seed=11)
    assert x.shape == y.shape == (5000,)
    assert x.min() >= 0.0 and x.max() <= 1.0
    assert stats.kstest(x, "uniform").pvalue > 1e-3
    assert stats.kstest(y - bl.true_function(x), "norm", args=(0.0, sigma)).pvalue > 1e-3


def test_regression_data_empty():
    """n = 0 gives two empty arrays."""
    x, y = bl.regression_data(0)
    assert x.shape == (0,) and y.shape == (0,)
