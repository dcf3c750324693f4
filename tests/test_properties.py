"""Properties that must hold for every input, checked with hypothesis."""

import math

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import bayeslearn as bl

FAST = settings(max_examples=60, deadline=None)


@st.composite
def distributions(draw, size=None, allow_zeros=True):
    """A probability vector: non-negative weights, normalised, with at least one positive entry."""
    k = draw(st.integers(1, 12)) if size is None else size
    low = 0.0 if allow_zeros else 1e-3
    w = draw(arrays(np.float64, k, elements=st.floats(low, 1e3, allow_nan=False, allow_infinity=False)))
    assume(w.sum() > 1e-9)
    return w / w.sum()


@st.composite
def distribution_pairs(draw, q_allow_zeros=True):
    k = draw(st.integers(1, 12))
    return draw(distributions(size=k)), draw(distributions(size=k, allow_zeros=q_allow_zeros))


@FAST
@given(distribution_pairs())
def test_kl_is_non_negative_and_bounded_below_by_pinsker(pq):
    """D(p||q) >= 0.5 * ||p - q||_1^2 >= 0 (Pinsker), so it is 0 only when p = q (to rounding)."""
    p, q = pq
    kl = bl.kl_divergence(p, q)
    l1 = np.abs(p - q).sum()
    assert kl >= -1e-12  # rounding alone: e.g. 1e-308 * log(1e-308 / 1e-188) is -3e-306
    assert kl >= 0.5 * l1**2 - 1e-12


@FAST
@given(distributions())
def test_kl_of_a_distribution_with_itself_is_zero(p):
    """D(p||p) = 0 in nats and in bits, and CE(p, p) = H(p)."""
    assert abs(bl.kl_divergence(p, p)) <= 1e-12
    assert abs(bl.kl_divergence(p, p, base=2)) <= 1e-12
    assert math.isclose(bl.cross_entropy(p, p), bl.entropy(p), rel_tol=1e-12, abs_tol=1e-12)


@FAST
@given(distribution_pairs(), st.sampled_from([None, 2, 10, math.e]))
def test_cross_entropy_is_entropy_plus_kl(pq, base):
    """H(p, q) = H(p) + D(p||q) in any base, including the inf case q_i = 0 < p_i."""
    p, q = pq
    ce, h, kl = bl.cross_entropy(p, q, base=base), bl.entropy(p, base=base), bl.kl_divergence(p, q, base=base)
    if math.isinf(kl):
        assert math.isinf(ce) and ce > 0
    else:
        assert math.isclose(ce, h + kl, rel_tol=1e-9, abs_tol=1e-9)


@FAST
@given(distributions())
def test_entropy_between_zero_and_log_k(p):
    """0 <= H(p) <= log K, and in bits H <= log2 K."""
    k = p.size
    h = bl.entropy(p)
    assert 0.0 <= h <= math.log(k) + 1e-12
    assert bl.entropy(p, base=2) <= math.log2(k) + 1e-12


@FAST
@given(
    arrays(np.float64, st.integers(1, 300), elements=st.floats(-50.0, 50.0)),
    st.floats(-1e12, 1e12),
)
def test_grid_posterior_sums_to_one_whatever_the_offset(logs, offset):
    """Masses are non-negative, sum to 1 to rounding, and peak where the log posterior peaks."""
    masses = bl.grid_posterior(logs + offset, 0.0)
    assert (masses >= 0).all()
    assert abs(masses.sum() - 1.0) <= 1e-12
    assert masses[np.argmax(logs + offset)] == masses.max()


@FAST
@given(st.integers(1, 10**9), st.floats(0.0, 1.0), st.floats(1.0, 30.0), st.floats(1.0, 30.0))
def test_grid_posterior_of_coin_sums_to_one(n, frac, a, b):
    """A Beta-Bernoulli grid posterior on 501 points sums to 1 for any data up to 10**9 tosses."""
    k = int(frac * n)
    theta = np.linspace(0.0, 1.0, 501)
    masses = bl.grid_posterior(bl.bernoulli_log_likelihood(theta, k, n), bl.beta_log_prior(theta, a, b))
    assert np.isfinite(masses).all()
    assert abs(masses.sum() - 1.0) <= 1e-12


@FAST
@given(st.integers(1, 10**7), st.floats(0.0, 1.0), st.floats(1.0, 50.0), st.floats(1.0, 50.0))
def test_map_approaches_mle_as_one_over_n(n, frac, a, b):
    """|MAP - MLE| <= (|a - 1| + |b - 1|) / n for a fixed prior with a, b >= 1."""
    k = int(frac * n)
    gap = abs(bl.beta_bernoulli_map(k, n, a, b) - bl.bernoulli_mle(k, n))
    assert gap <= ((a - 1) + (b - 1)) / n + 1e-12


@st.composite
def regression_problems(draw, max_n=6, max_d=3):
    n = draw(st.integers(1, max_n))
    d = draw(st.integers(1, max_d))
    # Three decimals: exact zeros and rank-deficient designs occur, subnormal entries do not.
    X = draw(arrays(np.float64, (n, d), elements=st.floats(-1.0, 1.0).map(lambda v: round(v, 3))))
    y = draw(arrays(np.float64, n, elements=st.floats(-5.0, 5.0)))
    return X, y


@FAST
@given(regression_problems(), st.lists(st.floats(0.0, 1e3), min_size=2, max_size=6))
def test_ridge_norm_shrinks_as_alpha_grows(problem, alphas):
    """||w(alpha)|| is non-increasing in alpha."""
    X, y = problem
    norms = [np.linalg.norm(bl.ridge_weights(X, y, a)) for a in sorted(alphas)]
    for smaller_alpha, larger_alpha in zip(norms, norms[1:], strict=False):
        assert larger_alpha <= smaller_alpha * (1 + 1e-9) + 1e-12


@FAST
@given(regression_problems(), st.floats(0.5, 10.0), st.floats(0.1, 1.0))
def test_gradient_descent_reaches_ridge_solution(problem, lam, eta_fraction):
    """Gradient descent with weight decay converges to ridge_weights at the predicted linear rate."""
    X, y = problem
    s = np.linalg.svd(X, compute_uv=False)
    top = s[0] ** 2 + lam
    bottom = (s[-1] ** 2 if X.shape[0] >= X.shape[1] else 0.0) + lam
    eta = eta_fraction / top
    steps = 400
    path = bl.gradient_descent(X, y, lam, eta, steps)
    target = bl.ridge_weights(X, y, lam)
    rate = max(abs(1 - eta * bottom), abs(1 - eta * top))
    bound = rate**steps * np.linalg.norm(path[0] - target)
    assert np.linalg.norm(path[-1] - target) <= bound + 1e-10 * (1 + np.linalg.norm(target))
