"""Entropy, cross-entropy and KL divergence checked against scipy.stats.entropy."""

import math

import numpy as np
import pytest
from scipy import special, stats

import bayeslearn as bl


def random_distributions(rng, shape, zeros=False):
    """Random distributions over the last axis, optionally with some exact zeros."""
    w = rng.gamma(0.7, size=shape)
    if zeros:
        w[..., ::3] = 0.0
    return w / w.sum(axis=-1, keepdims=True)


@pytest.fixture
def rng():
    return np.random.default_rng(20240601)


def test_entropy_matches_scipy_batched_in_nats_and_bits(rng):
    """Batched over leading axes; base=2 gives bits."""
    p = random_distributions(rng, (4, 3, 6), zeros=True)
    np.testing.assert_allclose(bl.entropy(p), stats.entropy(p, axis=-1), rtol=1e-12)
    np.testing.assert_allclose(bl.entropy(p, base=2), stats.entropy(p, base=2, axis=-1), rtol=1e-12)
    assert bl.entropy(p).shape == (4, 3)


@pytest.mark.parametrize(
    ("p", "base", "expected"),
    [
        ([0.5, 0.5], 2, 1.0),  # one fair bit
        ([0.25] * 4, 2, 2.0),
        ([1.0 / 8] * 8, 2, 3.0),
        ([0.5, 0.5], None, math.log(2)),
        ([1.0 / 10] * 10, 10, 1.0),  # one decimal digit
        ([1.0, 0.0], None, 0.0),
        ([1.0], 2, 0.0),
    ],
)
def test_entropy_known_values(p, base, expected):
    """Uniform over K outcomes has entropy log K; a certain outcome has 0."""
    got = bl.entropy(p, base=base)
    assert type(got) is float
    assert got == pytest.approx(expected, rel=1e-14, abs=1e-15)


def test_entropy_of_a_certain_outcome_is_positive_zero():
    """0 log 0 terms contribute exactly 0, and the result is +0.0, not -0.0."""
    got = bl.entropy([0.0, 1.0, 0.0])
    assert got == 0.0 and math.copysign(1.0, got) == 1.0


def test_kl_divergence_matches_scipy_batched(rng):
    """Pairs broadcast over leading axes; equals scipy.stats.entropy(p, q) in nats and bits."""
    p = random_distributions(rng, (3, 1, 5), zeros=True)
    q = random_distributions(rng, (1, 4, 5))
    pb, qb = np.broadcast_arrays(p, q)
    got = bl.kl_divergence(p, q)
    assert got.shape == (3, 4)
    np.testing.assert_allclose(got, stats.entropy(pb, qb, axis=-1), rtol=1e-11)
    np.testing.assert_allclose(bl.kl_divergence(p, q, base=2), stats.entropy(pb, qb, base=2, axis=-1), rtol=1e-11)


def test_cross_entropy_matches_scipy_batched(rng):
    """H(p, q) = scipy entropy(p) + scipy entropy(p, q); a single q broadcasts against a batch of p."""
    p = random_distributions(rng, (6, 4), zeros=True)
    q = random_distributions(rng, (4,))
    pb, qb = np.broadcast_arrays(p, q)
    want = stats.entropy(pb, axis=-1) + stats.entropy(pb, qb, axis=-1)
    np.testing.assert_allclose(bl.cross_entropy(p, q), want, rtol=1e-11)
    np.testing.assert_allclose(bl.cross_entropy(p, q, base=2), want / math.log(2), rtol=1e-11)


def test_cross_entropy_of_one_hot_is_negative_log_likelihood():
    """With a one-hot p the cross-entropy is the classification loss -log q_y."""
    q = np.array([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]])
    labels = np.array([1, 2])
    one_hot = np.eye(3)[labels]
    np.testing.assert_allclose(bl.cross_entropy(one_hot, q), -np.log(q[[0, 1], labels]), rtol=1e-14)


def test_inf_where_q_is_zero_but_p_is_not():
    """An outcome called impossible and then seen costs infinite surprise; no warning is raised."""
    assert bl.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert bl.cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    batch = bl.kl_divergence([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]], [1.0, 0.0])
    assert batch.tolist() == [math.inf, 0.0, math.inf]


def test_exact_zero_where_p_is_zero():
    """Terms with p_i = 0 vanish exactly, even where q_i = 0 too."""
    p = [0.0, 0.3, 0.7]
    assert bl.kl_divergence(p, [0.0, 0.3, 0.7]) == 0.0
    assert bl.kl_divergence([0.0, 1.0], [0.0, 1.0]) == 0.0
    assert bl.cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0
    assert bl.cross_entropy(p, [0.0, 0.5, 0.5]) == pytest.approx(-math.log(0.5))
    assert bl.kl_divergence(p, [0.0, 0.5, 0.5]) == pytest.approx(stats.entropy(p, [1e-300, 0.5, 0.5]))


def test_kl_is_not_symmetric():
    """D(p||q) != D(q||p) in general; both match scipy."""
    p, q = [0.9, 0.1], [0.5, 0.5]
    assert bl.kl_divergence(p, q) == pytest.approx(stats.entropy(p, q), rel=1e-13)
    assert bl.kl_divergence(q, p) == pytest.approx(stats.entropy(q, p), rel=1e-13)
    assert abs(bl.kl_divergence(p, q) - bl.kl_divergence(q, p)) > 0.1


def test_scalar_results_are_python_floats():
    """A single distribution (or pair) gives a Python float."""
    assert type(bl.entropy([0.2, 0.8])) is float
    assert type(bl.cross_entropy([0.2, 0.8], [0.5, 0.5])) is float
    assert type(bl.kl_divergence([0.2, 0.8], [0.5, 0.5], base=2)) is float


def test_empty_batch_gives_empty_result():
    """A batch of zero distributions over K outcomes is valid and gives an empty result."""
    empty = np.zeros((0, 3))
    assert bl.entropy(empty).shape == (0,)
    assert bl.kl_divergence(empty, [0.2, 0.3, 0.5]).shape == (0,)
    assert bl.cross_entropy(empty, np.zeros((0, 3))).shape == (0,)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("outcomes", [2, 10, 1000])
def test_sum_tolerance_scales_with_the_dtype(dtype, outcomes):
    """Sums within 16 K eps of 1 are accepted, beyond that rejected; eps is the dtype's."""
    eps = np.finfo(dtype).eps
    inside = np.full(outcomes, 1.0 / outcomes)
    inside[0] += 8 * outcomes * eps  # half the tolerance
    assert np.isfinite(bl.entropy(inside.astype(dtype)))
    outside = np.full(outcomes, 1.0 / outcomes)
    outside[0] += 64 * outcomes * eps  # four times the tolerance
    with pytest.raises(ValueError, match=r"^p must sum to 1"):
        bl.entropy(outside.astype(dtype))


def test_float32_softmax_output_is_a_distribution_and_stays_float32():
    """A float32 softmax (scipy's) passes the check; the results are float32 like rel_entr's."""
    rng = np.random.default_rng(0)
    q = special.softmax(rng.standard_normal((64, 10)).astype(np.float32), axis=-1)
    p = special.softmax(rng.standard_normal((64, 10)).astype(np.float32), axis=-1)
    assert q.dtype == np.float32
    for got, want in ((bl.entropy(q), special.entr(q).sum(-1)),
                      (bl.kl_divergence(p, q), special.rel_entr(p, q).sum(-1)),
                      (bl.cross_entropy(p, q), -special.xlogy(p, q).sum(-1))):
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_kl_is_never_negative_for_distributions_that_sum_to_one_within_the_tolerance():
    """q off by a rounding within the tolerance: the divergence may not go below 0."""
    p = np.array([0.5, 0.5])
    for gap in (1e-16, 1e-15, 3e-15):
        assert bl.kl_divergence(p, [0.5 + gap, 0.5]) >= 0.0
        assert bl.kl_divergence([0.5 + gap, 0.5], p) >= 0.0


def test_kl_with_a_subnormal_q_is_finite():
    """p = (1, 0), q = (2.2e-311, 1): KL = -log q_0 = 715.3 nats, finite (scipy 1.10's rel_entr
    alone gives inf, as it forms p / q first)."""
    q0 = 2.22507386e-311
    assert math.isclose(bl.kl_divergence([1.0, 0.0], [q0, 1.0]), -math.log(q0), rel_tol=1e-14)
    assert math.isclose(bl.cross_entropy([1.0, 0.0], [q0, 1.0]), -math.log(q0), rel_tol=1e-14)
