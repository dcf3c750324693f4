"""The log-odds posterior under a Gaussian prior, checked against independent references.

References: a brute-force grid argmax and ``scipy.optimize`` for the MAP, finite
differences for the Laplace curvature, and ``scipy.integrate.quad`` for the KL divergence
and the posterior predictive.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats
from scipy.special import expit, log_expit, logit

import bayeslearn as bl

# (heads, tosses, prior_mean, prior_sigma): ordinary, extreme and degenerate data sets.
CASES = [
    (7, 10, 0.0, 1.0),
    (0, 0, 1.3, 2.0),
    (100, 100, 0.0, 1.5),
    (0, 100, 0.0, 1.5),
    (1, 1, 0.0, 100.0),
    (3, 10, -4.6, 0.01),
    (7000, 10000, -4.6, 0.01),
    (10000, 10000, 0.0, 100.0),
    (0, 10000, 4.6, 100.0),
    (523, 1000, 2.0, 0.3),
]


def reference_log_posterior(eta, k, n, mu, tau):
    """The formula written out independently, with plain logs of the sigmoid."""
    theta = 1.0 / (1.0 + math.exp(-eta))
    log_lik = (k * math.log(theta) if k else 0.0) + ((n - k) * math.log1p(-theta) if n - k else 0.0)
    return log_lik - (eta - mu) ** 2 / (2.0 * tau**2)


def normalised_posterior(k, n, mu, tau):
    """Exact posterior density of eta by quadrature of exp(log posterior - its peak)."""
    peak = bl.logodds_map(k, n, mu, tau)
    top = bl.logodds_log_posterior(peak, k, n, mu, tau)

    def unnormalised(eta):
        return math.exp(bl.logodds_log_posterior(eta, k, n, mu, tau) - top)

    scale = bl.laplace_approximation(k, n, mu, tau).std()
    width = 60 * max(scale, tau)
    points = [peak - 3 * scale, peak, peak + 3 * scale]
    total, _ = integrate.quad(unnormalised, peak - width, peak + width, points=points, limit=500)
    return (lambda eta: unnormalised(eta) / total), peak, scale


# --- logodds_log_posterior ------------------------------------------------------------
@pytest.mark.parametrize(("k", "n", "mu", "tau"), CASES)
def test_log_posterior_matches_the_formula(k, n, mu, tau):
    """Elementwise equal to k log s(eta) + (n-k) log(1 - s(eta)) - (eta - mu)^2 / (2 tau^2)."""
    etas = np.linspace(-6.0, 6.0, 25)
    got = bl.logodds_log_posterior(etas, k, n, mu, tau)
    want = [reference_log_posterior(e, k, n, mu, tau) for e in etas]
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-9)


def test_log_posterior_is_likelihood_plus_prior_up_to_a_constant():
    """Differs from the Bernoulli log-likelihood in theta plus the Gaussian log prior by a constant."""
    etas = np.linspace(-3.0, 3.0, 13)
    got = bl.logodds_log_posterior(etas, 6, 9, 0.5, 1.2)
    want = bl.bernoulli_log_likelihood(expit(etas), 6, 9) + bl.gaussian_log_prior(etas, 1.2, mean=0.5)
    diff = got - want
    np.testing.assert_allclose(diff, diff[0], atol=1e-10)


def test_log_posterior_finite_far_out():
    """log_expit keeps every value finite where exp(-eta) overflows."""
    out = bl.logodds_log_posterior(np.array([-800.0, 800.0]), 3, 5, 0.0, 1.0)
    assert np.isfinite(out).all()


def test_log_posterior_broadcasts_and_scalar_in_float_out():
    eta = np.linspace(-1, 1, 5)
    tau = np.array([0.5, 1.0, 2.0])[:, None]
    assert bl.logodds_log_posterior(eta, 2, 4, 0.0, tau).shape == (3, 5)
    assert type(bl.logodds_log_posterior(0.1, 2, 4, 0.0, 1.0)) is float


# --- logodds_map ----------------------------------------------------------------------
@pytest.mark.parametrize(("k", "n", "mu", "tau"), CASES)
def test_map_agrees_with_scipy_optimize(k, n, mu, tau):
    """Newton's answer equals scipy's bounded scalar minimiser of the negative log-posterior."""
    eta = bl.logodds_map(k, n, mu, tau)
    width = 10 * tau + 10
    res = optimize.minimize_scalar(
        lambda x: -bl.logodds_log_posterior(x, k, n, mu, tau),
        bounds=(eta - width, eta + width), method="bounded", options={"xatol": 1e-10},
    )
    scale = bl.laplace_approximation(k, n, mu, tau).std()
    assert eta == pytest.approx(res.x, abs=max(1e-6, 1e-4 * scale))
    # ... and it is at least as high as scipy's point.
    assert bl.logodds_log_posterior(eta, k, n, mu, tau) >= -res.fun - 1e-9


@pytest.mark.parametrize(("k", "n", "mu", "tau"), CASES)
def test_map_is_the_argmax_of_a_brute_force_grid(k, n, mu, tau):
    """A grid of 200,001 points around the answer peaks within one grid step of it."""
    eta = bl.logodds_map(k, n, mu, tau)
    scale = bl.laplace_approximation(k, n, mu, tau).std()
    grid = np.linspace(eta - 20 * scale, eta + 20 * scale, 200_001)
    best = grid[np.argmax(bl.logodds_log_posterior(grid, k, n, mu, tau))]
    assert abs(best - eta) <= 2 * (grid[1] - grid[0])


@pytest.mark.parametrize(("k", "n", "mu", "tau"), CASES)
def test_map_zeroes_the_gradient(k, n, mu, tau):
    """The derivative by central differences vanishes at the MAP (relative to the curvature)."""
    eta = bl.logodds_map(k, n, mu, tau)
    h = 1e-5 * bl.laplace_approximation(k, n, mu, tau).std()
    f = lambda x: bl.logodds_log_posterior(x, k, n, mu, tau)  # noqa: E731
    slope = (f(eta + h) - f(eta - h)) / (2 * h)
    curvature = n * expit(eta) * expit(-eta) + 1 / tau**2
    assert abs(slope) <= 1e-4 * curvature * bl.laplace_approximation(k, n, mu, tau).std() + 1e-6


def test_map_without_data_is_the_prior_mean():
    for mu, tau in [(0.0, 0.01), (-4.6, 100.0), (3.0, 1.0)]:
        assert bl.logodds_map(0, 0, mu, tau) == pytest.approx(mu, abs=1e-12)


def test_map_flat_prior_limit_is_the_mle():
    """With a very wide prior and 0 < k < n, the MAP tends to logit(k / n)."""
    assert bl.logodds_map(30, 100, 0.0, 1e4) == pytest.approx(logit(0.3), abs=1e-6)


def test_map_all_heads_is_finite_and_grows_with_n():
    """All heads: the MLE is +inf, the MAP finite and increasing in n."""
    etas = [bl.logodds_map(n, n, 0.0, 1.5) for n in (1, 10, 100, 1000, 10000)]
    assert all(np.isfinite(etas)) and np.all(np.diff(etas) > 0)
    assert expit(etas[2]) < 1.0


def test_map_shrinks_towards_the_prior_mean():
    """The MAP lies between the prior mean and the MLE, closer to the MLE as n grows."""
    mle = logit(0.7)
    gaps = []
    for n in (10, 100, 1000, 10000):
        eta = bl.logodds_map(int(0.7 * n), n, -1.0, 1.0)
        assert -1.0 < eta < mle
        gaps.append(mle - eta)
    assert np.all(np.diff(gaps) < 0)


def test_map_broadcasts():
    k = np.array([0, 3, 10])
    got = bl.logodds_map(k, 10, 0.0, np.array([[0.5], [2.0]]))
    assert got.shape == (2, 3)
    for i, tau in enumerate([0.5, 2.0]):
        for j, kj in enumerate(k):
            assert got[i, j] == pytest.approx(bl.logodds_map(int(kj), 10, 0.0, tau), abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(0, 10**6),
    frac=st.floats(0, 1),
    mu=st.floats(-10, 10),
    log_tau=st.floats(-3, 3),
)
# Once found here: Newton's last step was below one ulp, and the safeguard bisected away from the root.
@example(n=1, frac=0.0, mu=1.0, log_tau=-3.0)
def test_map_property_symmetry_and_stationarity(n, frac, mu, log_tau):
    """Swapping heads and tails mirrors the MAP; the exact gradient vanishes there."""
    k, tau = int(round(frac * n)), 10.0**log_tau
    eta = bl.logodds_map(k, n, mu, tau)
    assert np.isfinite(eta)
    assert bl.logodds_map(n - k, n, -mu, tau) == pytest.approx(-eta, rel=1e-9, abs=1e-9)
    gradient = k * expit(-eta) - (n - k) * expit(eta) - (eta - mu) / tau**2
    scale = n + abs(eta - mu) / tau**2 + 1.0
    assert abs(gradient) <= 1e-9 * scale


# --- laplace_approximation ------------------------------------------------------------
@pytest.mark.parametrize(("k", "n", "mu", "tau"), CASES)
def test_laplace_variance_is_the_inverse_curvature(k, n, mu, tau):
    """1/s^2 equals minus the second derivative of the log-posterior, by finite differences."""
    approx = bl.laplace_approximation(k, n, mu, tau)
    eta, s = float(approx.mean()), float(approx.std())
    h = 1e-3 * s
    f = lambda x: bl.logodds_log_posterior(x, k, n, mu, tau)  # noqa: E731
    second = (f(eta + h) - 2 * f(eta) + f(eta - h)) / h**2
    assert -second == pytest.approx(1 / s**2, rel=1e-4)
    assert eta == pytest.approx(bl.logodds_map(k, n, mu, tau), abs=1e-12)


def test_laplace_without_data_is_the_prior():
    approx = bl.laplace_approximation(0, 0, -2.0, 3.0)
    assert isinstance(approx.dist, type(stats.norm))
    assert approx.mean() == pytest.approx(-2.0) and approx.std() == pytest.approx(3.0)


def test_laplace_matches_the_exact_posterior_moments_for_large_n():
    """With 700 heads in 1000 tosses, the exact posterior mean and sd are those of the Gaussian."""
    density, _, _ = normalised_posterior(700, 1000, 0.0, 1.0)
    approx = bl.laplace_approximation(700, 1000, 0.0, 1.0)
    lo, hi = approx.ppf(1e-12), approx.isf(1e-12)
    mean, _ = integrate.quad(lambda e: e * density(e), lo, hi)
    var, _ = integrate.quad(lambda e: (e - mean) ** 2 * density(e), lo, hi)
    assert mean == pytest.approx(approx.mean(), abs=0.02 * approx.std())
    assert math.sqrt(var) == pytest.approx(approx.std(), rel=0.01)


# --- laplace_kl_divergence ------------------------------------------------------------
@pytest.mark.parametrize(
    ("k", "n", "mu", "tau"),
    [(7, 10, 0.0, 1.0), (100, 100, 0.0, 1.5), (1, 1, 0.0, 10.0), (3, 5, 2.0, 0.5), (70, 100, 0.0, 1.0)],
)
def test_kl_matches_quadrature(k, n, mu, tau):
    """The grid KL equals the integral of p log(p / q) by scipy.integrate.quad."""
    density, peak, s = normalised_posterior(k, n, mu, tau)
    approx = bl.laplace_approximation(k, n, mu, tau)

    def integrand(eta):
        p = density(eta)
        return p * (math.log(p) - approx.logpdf(eta)) if p > 0 else 0.0

    lo, hi = peak - 60 * max(s, tau), peak + 60 * max(s, tau)
    want, _ = integrate.quad(integrand, lo, hi, points=[peak - 3 * s, peak, peak + 3 * s], limit=500)
    assert bl.laplace_kl_divergence(k, n, mu, tau) == pytest.approx(want, rel=1e-4, abs=1e-9)


def test_kl_matches_the_library_kl_of_grid_masses():
    """The log-space sum equals bl.kl_divergence of the two normalised mass vectors."""
    k, n, mu, tau = 4, 6, 0.0, 2.0
    approx = bl.laplace_approximation(k, n, mu, tau)
    grid = np.linspace(approx.mean() - 15 * approx.std(), approx.mean() + 15 * approx.std(), 4001)
    p = bl.grid_posterior(bl.logodds_log_posterior(grid, k, n, mu, tau), 0.0)
    q = bl.grid_posterior(approx.logpdf(grid), 0.0)
    assert bl.laplace_kl_divergence(k, n, mu, tau) == pytest.approx(bl.kl_divergence(p, q), rel=1e-6)


def test_kl_is_zero_without_data_and_shrinks_with_n():
    assert bl.laplace_kl_divergence(0, 0, 1.0, 0.5) == 0.0
    kls = [bl.laplace_kl_divergence(int(0.7 * n), n, 0.0, 1.5) for n in (10, 100, 1000, 10000)]
    assert np.all(np.diff(kls) < 0) and kls[-1] < 1e-4


def test_kl_finite_for_extreme_skew():
    """All heads under a very wide prior: q underflows far out, the divergence stays finite."""
    kl = bl.laplace_kl_divergence(10000, 10000, 0.0, 100.0)
    assert np.isfinite(kl) and kl > 1.0


# --- logodds_predictive ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("k", "n", "mu", "tau"),
    [(7, 10, 0.0, 1.0), (100, 100, 0.0, 1.5), (0, 0, 3.0, 10.0), (1, 1, 0.0, 10.0), (700, 1000, 0.0, 1.0)],
)
def test_predictive_matches_quadrature(k, n, mu, tau):
    """E[sigmoid(eta) | data] by quad over the normalised posterior."""
    density, peak, s = normalised_posterior(k, n, mu, tau)
    lo, hi = peak - 60 * max(s, tau), peak + 60 * max(s, tau)
    want, _ = integrate.quad(
        lambda e: expit(e) * density(e), lo, hi, points=[peak - 3 * s, peak, peak + 3 * s], limit=500
    )
    assert bl.logodds_predictive(k, n, mu, tau) == pytest.approx(want, rel=1e-6)


def test_predictive_without_data_is_the_logit_normal_mean():
    """With no data it is E[sigmoid(eta)] under the prior, by Gauss-Hermite quadrature."""
    mu, tau = 1.0, 2.0
    x, w = np.polynomial.hermite_e.hermegauss(200)
    want = float(w @ expit(mu + tau * x) / w.sum())
    assert bl.logodds_predictive(0, 0, mu, tau) == pytest.approx(want, rel=1e-8)


def test_predictive_strictly_inside_the_unit_interval():
    for k, n in [(0, 10000), (10000, 10000), (0, 1)]:
        p = bl.logodds_predictive(k, n, 0.0, 100.0)
        assert 0.0 < p < 1.0


# --- validation -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: bl.logodds_map(5, 3, 0.0, 1.0), ValueError, "heads"),
        (lambda: bl.logodds_map(-1, 3, 0.0, 1.0), ValueError, "heads"),
        (lambda: bl.logodds_map(1, 3, 0.0, 0.0), ValueError, "prior_sigma"),
        (lambda: bl.logodds_map(1, 3, np.inf, 1.0), ValueError, "prior_mean"),
        (lambda: bl.logodds_map(1, 3, "0", 1.0), TypeError, "prior_mean"),
        (lambda: bl.logodds_log_posterior(np.nan, 1, 3, 0.0, 1.0), ValueError, "eta"),
        (lambda: bl.laplace_approximation(1.5, 3, 0.0, 1.0), ValueError, "heads"),
        (lambda: bl.laplace_kl_divergence([1, 2], 3, 0.0, 1.0), ValueError, "heads"),
        (lambda: bl.laplace_kl_divergence(1, 3, 0.0, 1.0, points=10), ValueError, "points"),
        (lambda: bl.logodds_predictive(1, 3, 0.0, -1.0), ValueError, "prior_sigma"),
    ],
)
def test_bad_arguments_name_themselves(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_log_expit_reference_is_what_we_think():
    """Sanity of the reference: log sigma(-eta) = log(1 - sigma(eta))."""
    assert log_expit(-2.0) == pytest.approx(math.log1p(-expit(2.0)))
