"""Log priors checked against scipy.stats densities and numerical integration."""

import numpy as np
import pytest
from scipy import integrate, stats

import bayeslearn as bl

THETA_GRID = np.linspace(0.0, 1.0, 501)


@pytest.mark.parametrize(("a", "b"), [(1, 1), (2, 2), (0.5, 0.5), (0.5, 3.0), (3.0, 0.7), (30.0, 12.0), (1, 4)])
def test_beta_log_prior_matches_scipy_including_endpoints(a, b):
    """Elementwise equal to scipy.stats.beta.logpdf on the whole grid, endpoints included."""
    got = bl.beta_log_prior(THETA_GRID, a, b)
    want = stats.beta.logpdf(THETA_GRID, a, b)
    finite = np.isfinite(want)
    np.testing.assert_allclose(got[finite], want[finite], rtol=1e-11, atol=1e-12)
    assert np.array_equal(got[~finite], want[~finite])


@pytest.mark.parametrize(
    ("theta", "a", "b", "expected"),
    [
        (0.0, 0.5, 2.0, np.inf),  # a < 1: the density diverges at 0
        (1.0, 2.0, 0.5, np.inf),  # b < 1: diverges at 1
        (0.0, 2.0, 2.0, -np.inf),  # a > 1: vanishes at 0
        (1.0, 2.0, 2.0, -np.inf),
        (0.0, 1.0, 1.0, 0.0),  # uniform: log 1 = 0 everywhere
        (1.0, 1.0, 1.0, 0.0),
    ],
)
def test_beta_log_prior_endpoint_values(theta, a, b, expected):
    """Exact values at theta in {0, 1}: +inf, -inf or a finite number as the density dictates."""
    assert bl.beta_log_prior(theta, a, b) == expected


def test_beta_log_prior_integrates_to_one():
    """exp(log prior) is a normalised density on [0, 1]."""
    for a, b in [(2.0, 5.0), (0.7, 0.9), (12.0, 3.0)]:
        total, _ = integrate.quad(lambda t, a=a, b=b: np.exp(bl.beta_log_prior(t, a, b)), 0, 1)
        assert total == pytest.approx(1.0, abs=1e-7)


def test_beta_log_prior_broadcasts_parameters():
    """Grids of a and b broadcast against theta."""
    a = np.array([1.0, 2.0, 5.0])[:, None, None]
    b = np.array([0.5, 3.0])[None, :, None]
    theta = np.linspace(0.05, 0.95, 7)
    got = bl.beta_log_prior(theta, a, b)
    assert got.shape == (3, 2, 7)
    np.testing.assert_allclose(got, stats.beta.logpdf(theta, a, b), rtol=1e-11)


def test_beta_log_prior_scalar_in_float_out():
    """Scalars in give a Python float."""
    assert type(bl.beta_log_prior(0.3, 2, 3)) is float
    assert bl.beta_log_prior(0.3, 1, 1) == 0.0


def test_gaussian_log_prior_matches_scipy_norm():
    """Elementwise equal to norm.logpdf, for a grid of weights and several scales and means."""
    w = np.linspace(-6.0, 6.0, 121)
    for sigma, mean in [(1.0, 0.0), (0.1, 0.0), (3.0, -2.0), (0.5, 1e3)]:
        got = bl.gaussian_log_prior(w, sigma, mean=mean)
        np.testing.assert_allclose(got, stats.norm.logpdf(w, mean, sigma), rtol=1e-12)


def test_gaussian_log_prior_is_weight_decay():
    """Summed over weights, minus the log prior differs from ||w||^2 / (2 sigma^2) by a constant."""
    rng = np.random.default_rng(2)
    sigma = 0.7
    ws = rng.normal(size=(5, 4))
    penalties = -bl.gaussian_log_prior(ws, sigma).sum(axis=1)
    offsets = penalties - (ws**2).sum(axis=1) / (2 * sigma**2)
    np.testing.assert_allclose(offsets, offsets[0], rtol=1e-12)
    assert offsets[0] == pytest.approx(-4 * stats.norm.logpdf(0.0, 0.0, sigma), rel=1e-12)


def test_gaussian_log_prior_broadcasts_and_returns_float_for_scalars():
    """Array sigma broadcasts against array w; scalars give a Python float."""
    got = bl.gaussian_log_prior(np.zeros((1, 3)), np.array([[1.0], [2.0]]))
    assert got.shape == (2, 3)
    np.testing.assert_allclose(got[1], stats.norm.logpdf(0.0, 0.0, 2.0))
    assert type(bl.gaussian_log_prior(0.2, 1.0)) is float
