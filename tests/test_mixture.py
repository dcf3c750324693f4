"""Gaussian mixtures and one-Gaussian KL fits, checked against scipy and closed forms."""

import numpy as np
import pytest
from scipy import integrate, stats

import bayeslearn as bl

GRID = np.linspace(-12.0, 12.0, 4001)


def gaussian_kl(mu1, s1, mu2, s2):
    """Closed form of KL(N(mu1, s1^2) || N(mu2, s2^2))."""
    return np.log(s2 / s1) + (s1**2 + (mu1 - mu2) ** 2) / (2 * s2**2) - 0.5


def mixture_pdf_reference(x, weights, means, sigmas):
    return sum(w * stats.norm.pdf(x, m, s) for w, m, s in zip(weights, means, sigmas, strict=True))


MIXTURES = [
    ([1.0], [0.5], [1.3]),
    ([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0]),
    ([0.3, 0.7], [-2.5, 2.0], [0.6, 1.0]),
    ([0.2, 0.5, 0.3], [-3.0, 0.0, 3.5], [0.5, 1.2, 0.8]),
]


@pytest.mark.parametrize(("weights", "means", "sigmas"), MIXTURES)
def test_mixture_log_pdf_matches_scipy(weights, means, sigmas):
    x = np.linspace(-6, 6, 101)
    want = np.log(mixture_pdf_reference(x, weights, means, sigmas))
    np.testing.assert_allclose(bl.mixture_log_pdf(x, weights, means, sigmas), want, rtol=1e-12)


def test_mixture_log_pdf_stays_finite_in_the_tails():
    got = bl.mixture_log_pdf(np.array([60.0, -80.0]), [0.5, 0.5], [0.0, 1.0], [1.0, 1.0])
    assert np.isfinite(got).all()
    want = np.logaddexp(np.log(0.5) + stats.norm.logpdf([60.0, -80.0], 0, 1),
                        np.log(0.5) + stats.norm.logpdf([60.0, -80.0], 1, 1))
    np.testing.assert_allclose(got, want, rtol=1e-13)
    assert bl.mixture_log_pdf(np.zeros((2, 3)), [1.0], [0.0], [1.0]).shape == (2, 3)


def test_zero_weight_components_are_ignored_without_warnings():
    np.testing.assert_allclose(bl.mixture_log_pdf(GRID[:50], [0.0, 1.0], [5.0, 0.0], [1.0, 2.0]),
                               stats.norm.logpdf(GRID[:50], 0.0, 2.0), rtol=1e-13)


@pytest.mark.parametrize(("weights", "means", "sigmas"), MIXTURES)
def test_mixture_moments_match_numerical_integration(weights, means, sigmas):
    pdf = lambda x: mixture_pdf_reference(x, weights, means, sigmas)  # noqa: E731
    m1 = integrate.quad(lambda x: x * pdf(x), -np.inf, np.inf)[0]
    m2 = integrate.quad(lambda x: x * x * pdf(x), -np.inf, np.inf)[0]
    m = bl.mixture_moments(weights, means, sigmas)
    mean, std = m.mean, m.sd
    assert mean == pytest.approx(m1, abs=1e-9)
    assert std == pytest.approx(np.sqrt(m2 - m1**2), rel=1e-9)


@pytest.mark.parametrize(
    ("mu1", "s1", "mu2", "s2"), [(0.0, 1.0, 1.0, 1.0), (0.5, 0.7, -1.0, 1.8), (2.0, 1.5, 2.0, 0.9)]
)
def test_grid_kl_matches_the_gaussian_closed_form_in_both_directions(mu1, s1, mu2, s2):
    log_p = stats.norm.logpdf(GRID, mu1, s1)
    log_q = stats.norm.logpdf(GRID, mu2, s2)
    assert bl.grid_kl(log_p, log_q, GRID) == pytest.approx(gaussian_kl(mu1, s1, mu2, s2), rel=1e-6, abs=1e-9)
    assert bl.grid_kl(log_q, log_p, GRID) == pytest.approx(gaussian_kl(mu2, s2, mu1, s1), rel=1e-6, abs=1e-9)


def test_grid_kl_zero_density_points_and_impossible_support():
    x = np.linspace(0.0, 1.0, 11)
    log_p = np.where(x <= 0.5, np.log(2.0), -np.inf)  # uniform on [0, 0.5]
    log_q = np.zeros_like(x)  # uniform on [0, 1]
    assert np.isfinite(bl.grid_kl(log_p, log_q, x))
    assert bl.grid_kl(log_q, log_p, x) == np.inf


@pytest.mark.parametrize(
    ("log_p", "log_q", "x", "match"),
    [([0.0, 0.0], [0.0], [0.0, 1.0], "same shape"), ([0.0, 0.0], [0.0, 0.0], [1.0, 0.0], "increasing"),
     ([0.0], [0.0], [0.0], "at least 2"), ([np.nan, 0.0], [0.0, 0.0], [0.0, 1.0], "NaN"),
     ([np.inf, 0.0], [0.0, 0.0], [0.0, 1.0], "< inf")],
)
def test_grid_kl_rejects_bad_arguments(log_p, log_q, x, match):
    with pytest.raises(ValueError, match=match):
        bl.grid_kl(log_p, log_q, x)


@pytest.mark.parametrize(("weights", "means", "sigmas"), MIXTURES)
def test_forward_kl_fit_is_moment_matching(weights, means, sigmas):
    fit = bl.fit_gaussian_kl(GRID, bl.mixture_log_pdf(GRID, weights, means, sigmas), "forward")
    m = bl.mixture_moments(weights, means, sigmas)
    mean, std = m.mean, m.sd
    assert fit.mean == pytest.approx(mean, abs=1e-4)
    assert fit.sigma == pytest.approx(std, rel=1e-4)
    log_p = bl.mixture_log_pdf(GRID, weights, means, sigmas)
    assert fit.kl == pytest.approx(bl.grid_kl(log_p, stats.norm.logpdf(GRID, mean, std), GRID), abs=1e-8)


def test_reverse_kl_fit_recovers_a_gaussian_and_seeks_the_heavier_mode():
    single = bl.fit_gaussian_kl(GRID, stats.norm.logpdf(GRID, -1.0, 0.8), "reverse")
    assert (single.mean, single.sigma) == pytest.approx((-1.0, 0.8), abs=1e-4)
    assert single.kl == pytest.approx(0.0, abs=1e-7)
    weights, means, sigmas = [0.35, 0.65], [-4.0, 3.0], [0.7, 1.0]
    fit = bl.fit_gaussian_kl(GRID, bl.mixture_log_pdf(GRID, weights, means, sigmas), "reverse")
    assert fit.mean == pytest.approx(3.0, abs=0.01)
    assert fit.sigma == pytest.approx(1.0, rel=0.01)
    assert fit.kl == pytest.approx(-np.log(0.65), rel=0.01)  # q = the heavier component


def test_reverse_kl_fit_is_the_global_minimum_of_a_brute_force_search():
    weights, means, sigmas = [0.3, 0.7], [-2.5, 2.0], [0.6, 1.0]
    log_p = bl.mixture_log_pdf(GRID, weights, means, sigmas)
    fit = bl.fit_gaussian_kl(GRID, log_p, "reverse")
    brute = min((bl.grid_kl(stats.norm.logpdf(GRID, m, s), log_p, GRID), m, s)
                for m in np.linspace(-4, 4, 81) for s in np.linspace(0.3, 3.0, 28))
    assert fit.kl <= brute[0] + 1e-9
    assert fit.mean == pytest.approx(brute[1], abs=0.1)


def test_fit_rejects_bad_arguments():
    with pytest.raises(ValueError, match="direction"):
        bl.fit_gaussian_kl(GRID, np.zeros_like(GRID), "sideways")
    with pytest.raises(ValueError, match="shape"):
        bl.fit_gaussian_kl(GRID, np.zeros(3))


@pytest.mark.parametrize(
    ("weights", "means", "sigmas", "match"),
    [([0.5, 0.6], [0.0, 1.0], [1.0, 1.0], "weights"), ([1.0], [0.0], [0.0], "sigmas"),
     ([0.5, 0.5], [0.0], [1.0, 1.0], "same shape"), ([[1.0]], [0.0], [1.0], "1-D")],
)
def test_mixture_rejects_bad_components(weights, means, sigmas, match):
    with pytest.raises(ValueError, match=match):
        bl.mixture_moments(weights, means, sigmas)
