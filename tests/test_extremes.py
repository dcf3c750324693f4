"""Properties over extreme ranges, against references we did not write (mpmath, scipy, scikit-learn).

Scales from 1e-300 to 1e300, counts up to 1e18, offsets up to 1e8, float32 and float64 data.
Each call runs under a time limit and with RuntimeWarnings as errors (``pyproject.toml``), so
an overflow on the way, a NaN or a hang fails the property. Tolerances are stated relative to
the size of the terms that the exact answer is a sum of, the best any float method can do.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from _time_limit import within
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from scipy import special
from sklearn.linear_model import Ridge

import bayeslearn as bl

FAST = settings(max_examples=50, deadline=None)
EPS = np.finfo(float).eps
MAX = np.finfo(float).max


def log_uniform(low: float, high: float):
    """Floats spread evenly over the decades from ``10**low`` to ``10**high``."""
    return st.floats(low, high).map(lambda e: float(10.0**e))


def counts(top: int = 10**18):
    """(heads, tosses) with 0 <= heads <= tosses <= top, as exact Python ints."""
    return st.integers(0, top).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


# --- Gaussians ----------------------------------------------------------------------------------------
def _gaussian_terms(y, mean, sigma):
    """The exact log-likelihood (mpmath, 60 digits) and the size of its terms."""
    with mpmath.workdps(60):
        s = mpmath.mpf(float(sigma))
        z2 = mpmath.fsum(((mpmath.mpf(float(v)) - mpmath.mpf(float(mean))) / s) ** 2 for v in y)
        n = len(y)
        log_norm = n * (mpmath.log(s) + mpmath.log(2 * mpmath.pi) / 2)
        return -log_norm - z2 / 2, abs(log_norm) + z2 / 2


@FAST
@given(
    offset=st.one_of(st.just(0.0), st.floats(-8, 8).map(lambda e: math.copysign(10.0 ** abs(e), e))),
    spread=log_uniform(-3, 2),
    sigma=log_uniform(-300, 300),
    shift=st.floats(-3.0, 3.0),
    n=st.integers(1, 40),
    dtype=st.sampled_from([np.float32, np.float64]),
    seed=st.integers(0, 2**32 - 1),
)
@example(offset=1e8, spread=1e-3, sigma=1e-3, shift=0.5, n=30, dtype=np.float64, seed=1)
@example(offset=1e6, spread=1e-2, sigma=1e-2, shift=0.1, n=30, dtype=np.float64, seed=2)
@example(offset=0.0, spread=1e-3, sigma=1e-200, shift=0.0, n=1, dtype=np.float64, seed=3)
@example(offset=0.0, spread=1.0, sigma=10.0**-153.5, shift=0.0, n=25, dtype=np.float32, seed=0)  # -9.2e307
def test_gaussian_log_likelihood_matches_mpmath(offset, spread, sigma, shift, n, dtype, seed):
    """Data far from 0 keep their digits; tiny and huge sigmas give the right number or -inf."""
    y = (offset + spread * np.random.default_rng(seed).standard_normal(n)).astype(dtype)
    mean = float(offset + shift * spread)
    got = within(lambda: bl.gaussian_log_likelihood(y, mean, sigma))
    want, size = _gaussian_terms(y, mean, sigma)
    if want < -MAX:
        assert got == -np.inf
    else:
        assert abs(got - float(want)) <= 1e-14 * float(size) + 1e-300


@FAST
@given(
    y_offset=st.floats(-1e8, 1e8),
    n=st.integers(0, 30),
    sigma=log_uniform(-300, 300),
    prior_mean=st.floats(-1e8, 1e8),
    prior_sigma=log_uniform(-300, 300),
    seed=st.integers(0, 2**32 - 1),
)
@example(y_offset=1.0, n=1, sigma=1.0, prior_mean=0.0, prior_sigma=1e-200, seed=0)
def test_gaussian_mean_posterior_matches_the_closed_form_in_mpmath(y_offset, n, sigma, prior_mean, prior_sigma, seed):
    y = y_offset + np.random.default_rng(seed).standard_normal(n)
    post = within(lambda: bl.gaussian_mean_posterior(y, sigma, prior_mean, prior_sigma))
    mean, scale = post.args
    with mpmath.workdps(60):
        s2, t2 = mpmath.mpf(sigma) ** 2, mpmath.mpf(prior_sigma) ** 2
        precision = 1 / t2 + n / s2
        want_mean = (mpmath.mpf(prior_mean) / t2 + mpmath.fsum(mpmath.mpf(float(v)) for v in y) / s2) / precision
        want_scale = mpmath.sqrt(1 / precision)
    size = max(abs(prior_mean), float(np.abs(y).max()) if n else 0.0)
    assert abs(mean - float(want_mean)) <= 1e-14 * size + 1e-300
    assert scale == pytest.approx(float(want_scale), rel=1e-14)


@FAST
@given(
    w=st.floats(-1e308, 1e308), mean=st.floats(-1e308, 1e308), sigma=log_uniform(-300, 300),
)
def test_gaussian_log_prior_matches_mpmath(w, mean, sigma):
    got = within(lambda: bl.gaussian_log_prior(w, sigma, mean=mean))
    with mpmath.workdps(60):
        z = (mpmath.mpf(w) - mpmath.mpf(mean)) / mpmath.mpf(sigma)
        want = -mpmath.log(mpmath.mpf(sigma)) - mpmath.log(2 * mpmath.pi) / 2 - z**2 / 2
    if want < -MAX:
        assert got == -np.inf
    else:
        assert got == pytest.approx(float(want), rel=1e-14, abs=1e-14)


# --- coins ------------------------------------------------------------------------------------------
@FAST
@given(counts(), st.floats(0.0, 1.0))
@example((0, 449423284), 2.225073858507203e-309)  # log(1 - theta) for a subnormal theta: -1e-300
def test_bernoulli_log_likelihood_of_up_to_1e18_tosses_matches_mpmath(data, theta):
    k, n = data
    got = within(lambda: bl.bernoulli_log_likelihood(theta, k, n))
    with mpmath.workdps(60):
        t = mpmath.mpf(theta)
        want = (k * mpmath.log(t) if k else 0) + ((n - k) * mpmath.log1p(-t) if n - k else 0)
    if want == -mpmath.inf:
        assert got == -np.inf
    else:
        # the inputs k and n are rounded to floats first: up to 2**-53 relative each
        assert got == pytest.approx(float(want), rel=4 * EPS, abs=1e-300)


@FAST
@given(counts(), log_uniform(-300, 300), log_uniform(-300, 300))
@example((0, 0), 1e308, 1e308)
def test_beta_bernoulli_predictive_matches_the_exact_ratio(data, a, b):
    k, n = data
    assume(a + k < MAX and b + n - k < MAX)
    got = within(lambda: bl.beta_bernoulli_predictive(k, n, a, b))
    with mpmath.workdps(60):
        want = (mpmath.mpf(a) + k) / (mpmath.mpf(a) + mpmath.mpf(b) + n)
    assert got == pytest.approx(float(want), rel=8 * EPS)


@FAST
@given(counts(), log_uniform(0.31, 300), log_uniform(0.31, 300))  # a, b >= 2: an interior mode
@example((0, 0), 1e308, 1e308)
def test_beta_bernoulli_map_matches_the_exact_mode(data, a, b):
    k, n = data
    assume(a + k < MAX and b + n - k < MAX)
    got = within(lambda: bl.beta_bernoulli_map(k, n, a, b))
    with mpmath.workdps(60):
        want = (mpmath.mpf(a) + k - 1) / (mpmath.mpf(a) + mpmath.mpf(b) + n - 2)
    assert got == pytest.approx(float(want), rel=16 * EPS)


def _beta_log_density(theta, a, b):
    digits = 40 + int(max(math.log10(a), math.log10(b), 0))
    with mpmath.workdps(digits):
        a, b, t = mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(theta)
        return (a - 1) * mpmath.log(t) + (b - 1) * mpmath.log(1 - t) - mpmath.log(mpmath.beta(a, b))


@FAST
@given(a=log_uniform(-3, 300), b=log_uniform(-3, 300), u=st.floats(-6.0, 6.0))
@example(a=1e300, b=1e300, u=0.0)
@example(a=1.0, b=1e5, u=0.0)
def test_beta_log_prior_matches_mpmath_from_tiny_to_huge_shapes(a, b, u):
    """theta a few posterior standard deviations from the mean, where the density lives.

    Near the mode the log density is about -N (theta - m)^2 / (2 m (1 - m)), N = a + b - 2, so
    rounding the mode m = (a - 1)/N to a float moves it by up to 2 eps N |theta - m|: that, and
    1e-12 relative, is the tolerance.
    """
    m = a / (a + b)
    sd = math.sqrt(m * (1 - m) / (a + b + 1))
    theta = min(max(m + u * sd, 1e-300), 1.0 - 2**-53)
    got = within(lambda: bl.beta_log_prior(theta, a, b))
    want = _beta_log_density(theta, a, b)
    with mpmath.workdps(400):
        total = mpmath.mpf(a) + b - 2  # N, and N |theta - mode| = |N theta - (a - 1)|
        spread = float(abs(total * mpmath.mpf(theta) - (mpmath.mpf(a) - 1)))
    if want > MAX:
        assert got == np.inf
    elif want < -MAX:
        assert got == -np.inf
    else:
        assert abs(got - float(want)) <= 1e-12 * (1 + abs(float(want))) + 16 * EPS * spread


# --- the log-odds posterior -------------------------------------------------------------------------
def _gradient_sign(eta, k, n, mu, tau):
    """Sign of the exact gradient of the log-posterior at eta (mpmath, 80 digits)."""
    with mpmath.workdps(80):
        e = mpmath.mpf(eta)
        g = k / (1 + mpmath.exp(e)) - (n - k) / (1 + mpmath.exp(-e)) - (e - mpmath.mpf(mu)) / mpmath.mpf(tau) ** 2
        return mpmath.sign(g)


@FAST
@given(counts(), st.floats(-50.0, 50.0), log_uniform(-300, 300))
@example((10, 10), 0.0, 1e300)
@example((0, 10), 0.0, 1e300)
@example((10**18, 10**18), 0.0, 10.0)
@example((5, 10), 5.0, 1e-156)
@example((0, 0), 0.0, 1e162)  # no data under a huge prior: was NaN
def test_logodds_map_brackets_the_exact_root(data, mu, tau):
    """The gradient (in mpmath) changes sign within 1e-12 (1 + |MAP|) of the returned MAP."""
    k, n = data
    got = within(lambda: bl.logodds_map(k, n, mu, tau))
    width = 1e-12 * (1.0 + abs(got))
    assert _gradient_sign(got - width, k, n, mu, tau) >= 0
    assert _gradient_sign(got + width, k, n, mu, tau) <= 0


@settings(max_examples=30, deadline=None)
@given(counts(10**6), st.floats(-20.0, 20.0), log_uniform(-300, 300))
@example((5, 10), 0.0, 1e-156)
@example((5, 10), 0.0, 1e-158)
def test_laplace_kl_and_predictive_return_sensible_numbers_in_time(data, mu, tau):
    """Any prior scale: a KL >= 0 and a probability, or a ValueError naming prior_sigma; never a hang.

    Against closed forms at the two ends: a prior far narrower than the data's pull leaves the
    prior, E[sigma(eta)] = expit(mu); a prior far wider leaves the likelihood, whose flat prior on
    the log-odds gives the posterior Beta(k, n - k) and the predictive k / n.
    """
    k, n = data
    try:
        kl = within(lambda: bl.laplace_kl_divergence(k, n, mu, tau))
        predictive = within(lambda: bl.logodds_predictive(k, n, mu, tau))
    except ValueError as exc:
        assert str(exc).startswith("prior_sigma")
        return
    assert 0.0 <= kl < np.inf
    assert 0.0 <= predictive <= 1.0
    if tau <= 1e-6:
        assert predictive == pytest.approx(special.expit(mu), abs=1e-5)
        assert kl <= 1e-5
    if tau >= 1e6 and 2 <= k <= n - 2 and 2 * math.log(tau) + math.log(n) > math.log(1e16):
        assert predictive == pytest.approx(k / n, abs=1e-4)


# --- grids, ridge, risks ------------------------------------------------------------------------------
@FAST
@given(
    st.lists(st.floats(-700.0, 700.0), min_size=1, max_size=20),
    st.floats(-1e300, 1e300),
)
def test_grid_posterior_is_the_softmax_of_the_log_posterior(values, offset):
    """Shifting every log value by up to 1e300 changes nothing, and the masses are scipy's softmax."""
    ll = np.array(values) + offset
    lp = -offset * np.ones_like(ll)
    assume(np.isfinite(ll).all())
    got = within(lambda: bl.grid_posterior(ll, lp))
    want = special.softmax(ll + lp)  # the offsets cancel exactly in these sums? not always: compare sums
    total = ll + lp
    assert got.sum() == pytest.approx(1.0, abs=1e-14)
    np.testing.assert_allclose(got, special.softmax(total), rtol=1e-12, atol=1e-300)
    assert want.shape == got.shape


@FAST
@given(scale=log_uniform(-150, 150), alpha=log_uniform(-6, 3), seed=st.integers(0, 2**32 - 1))
def test_ridge_weights_of_rescaled_features_match_scikit_learn(scale, alpha, seed):
    """Features times s and the penalty times s^2: the weights of scikit-learn's Ridge, divided by s."""
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((12, 4)), rng.standard_normal(12)
    want = Ridge(alpha=alpha, fit_intercept=False, solver="svd").fit(X, y).coef_ / scale
    got = within(lambda: bl.ridge_weights(X * scale, y, alpha * scale**2))
    np.testing.assert_allclose(got, want, rtol=1e-9)


@FAST
@given(
    st.lists(st.floats(0.0, 1e308), min_size=2, max_size=30),
    st.floats(0.0, 1.0),
)
@example([7.073540361668706e16, 7.073540361668706e16, 7.073540361668039e16], 1.0)  # a spread of 1e-16 relative
@example([6.635457952823348e-91] * 3, 0.5625)  # equal losses: a standard error of exactly 0
def test_empirical_risk_and_standard_error_of_losses_near_the_largest_float(losses, fraction):
    arr = np.array(losses) * fraction
    with mpmath.workdps(60):
        values = [mpmath.mpf(float(v)) for v in arr]
        mean = mpmath.fsum(values) / len(values)
        sd = mpmath.sqrt(mpmath.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))
    assert within(lambda: bl.empirical_risk(arr)) == pytest.approx(float(mean), rel=1e-14, abs=1e-300)
    assert within(lambda: bl.standard_error(arr)) == pytest.approx(float(sd / mpmath.sqrt(len(values))),
                                                                  rel=1e-12, abs=1e-300)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-3.0, 3.0), min_size=1, max_size=8), log_uniform(-3, 1))
def test_expected_squared_error_matches_mpmath_quadrature(weights, sigma):
    """sigma^2 + E[(sin 2 pi x - f_w(x))^2] for x ~ U(0, 1), f_w(x) = sum_j w_j (2x - 1)^j."""
    with mpmath.workdps(30):
        def gap(x):
            z = 2 * x - 1
            return (mpmath.sin(2 * mpmath.pi * x) - mpmath.fsum(w * z**j for j, w in enumerate(weights))) ** 2

        want = mpmath.mpf(sigma) ** 2 + mpmath.quad(gap, [0, 0.25, 0.5, 0.75, 1])
        size = mpmath.mpf(sigma) ** 2 + 0.5 + mpmath.fsum(abs(w) for w in weights) ** 2
    got = within(lambda: bl.expected_squared_error(weights, noise_sigma=sigma))
    assert abs(got - float(want)) <= 1e-13 * float(size)


def test_expected_squared_error_of_thousands_of_weights_is_quick():
    """O(d^2) a weight vector (was O(d^3) for the quadrature nodes: 12 s at 3,000 weights)."""
    got = within(lambda: bl.expected_squared_error(np.zeros(3000)), seconds=2.0)
    assert got == pytest.approx(0.25**2 + 0.5)


# --- distributions of either dtype ---------------------------------------------------------------------
@FAST
@given(
    st.integers(2, 50), log_uniform(-3, 4), st.sampled_from([np.float32, np.float64]), st.integers(0, 2**32 - 1),
)
def test_entropy_and_kl_of_softmax_outputs_match_scipy_in_their_dtype(classes, scale, dtype, seed):
    """A softmax output of either dtype is a distribution; results keep the dtype and KL >= 0."""
    rng = np.random.default_rng(seed)
    p = special.softmax((scale * rng.standard_normal((5, classes))).astype(dtype), axis=-1)
    q = special.softmax((scale * rng.standard_normal((5, classes))).astype(dtype), axis=-1)
    h, kl = within(lambda: bl.entropy(p)), within(lambda: bl.kl_divergence(p, q))
    assert h.dtype == dtype and kl.dtype == dtype
    assert (kl >= 0).all()
    tol = 1e-5 if dtype == np.float32 else 1e-12
    p64, q64 = p.astype(float), q.astype(float)
    np.testing.assert_allclose(h, special.entr(p64).sum(-1), rtol=tol, atol=tol)
    want = special.rel_entr(p64, q64).sum(-1)
    finite = np.isfinite(want)
    assert (kl[~finite] == np.inf).all()
    if finite.any():
        np.testing.assert_allclose(kl[finite], want[finite], rtol=tol, atol=tol * (1 + np.abs(want[finite]).max()))
