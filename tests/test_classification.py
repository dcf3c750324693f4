"""Softmax, label smoothing, losses and the softmax-regression trainer, checked against scipy,
scikit-learn and finite differences."""

import numpy as np
import pytest
from scipy import special, stats
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

import bayeslearn as bl
from bayeslearn import classification as cl

RNG = np.random.default_rng(20240404)


def random_logits(shape, scale=3.0, seed=0):
    return scale * np.random.default_rng(seed).standard_normal(shape)


def random_targets(shape, seed=1):
    return np.random.default_rng(seed).dirichlet(np.ones(shape[-1]), size=shape[:-1])


# --- softmax -------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(4,), (7, 3), (2, 5, 4)])
def test_softmax_and_log_softmax_match_scipy(shape):
    z = random_logits(shape, seed=len(shape))
    np.testing.assert_allclose(bl.softmax(z), special.softmax(z, axis=-1), rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(bl.log_softmax(z), special.log_softmax(z, axis=-1), rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(bl.softmax(z).sum(axis=-1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(np.exp(bl.log_softmax(z)), bl.softmax(z), rtol=1e-13)


def test_softmax_is_shift_invariant_and_reduces_to_the_logistic_for_two_classes():
    z = np.array([[0.3, -1.2], [4.0, 2.5]])
    np.testing.assert_allclose(bl.softmax(z + 100.0), bl.softmax(z), rtol=1e-13)
    np.testing.assert_allclose(bl.softmax(z)[:, 0], special.expit(z[:, 0] - z[:, 1]), rtol=1e-14)


def test_log_softmax_stays_finite_where_log_of_softmax_does_not():
    z = np.array([1000.0, 0.0, -5.0])
    assert np.isfinite(bl.log_softmax(z)).all()
    np.testing.assert_allclose(bl.log_softmax(z), [0.0, -1000.0, -1005.0], rtol=1e-15)
    with np.errstate(divide="ignore"):
        naive = np.log(bl.softmax(z))
    assert np.isneginf(naive[1])


@pytest.mark.parametrize("func", [bl.softmax, bl.log_softmax])
@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [(1.0, ValueError, "scalar"), ([], ValueError, "empty"), ([0.0, np.nan], ValueError, "NaN"),
     ([0.0, np.inf], ValueError, "finite"), ("ab", TypeError, "logits")],
)
def test_softmax_rejects_bad_logits(func, bad, error, match):
    with pytest.raises(error, match=match):
        func(bad)


# --- label smoothing -------------------------------------------------------------------------------
@pytest.mark.parametrize(("num_classes", "epsilon"), [(2, 0.0), (3, 0.1), (5, 0.25), (10, 0.9), (4, 1.0)])
def test_smooth_labels_is_the_mixture_of_one_hot_and_uniform(num_classes, epsilon):
    labels = RNG.integers(num_classes, size=50)
    one_hot = np.eye(num_classes)[labels]
    want = (1 - epsilon) * one_hot + epsilon * np.full_like(one_hot, 1 / num_classes)
    got = bl.smooth_labels(labels, num_classes, epsilon)
    np.testing.assert_allclose(got, want, rtol=1e-15, atol=1e-16)
    np.testing.assert_allclose(got.sum(axis=-1), 1.0, rtol=1e-14)


def test_smooth_labels_extremes_and_entropy_closed_form():
    assert np.array_equal(bl.smooth_labels([2, 0], 3, 0.0), np.eye(3)[[2, 0]])
    np.testing.assert_allclose(bl.smooth_labels([1, 1], 4, 1.0), 0.25, rtol=1e-15)
    for k, eps in [(3, 0.1), (10, 0.1), (100, 0.3)]:
        high, low = 1 - eps + eps / k, eps / k
        closed = -high * np.log(high) - (k - 1) * low * np.log(low)
        assert stats.entropy(bl.smooth_labels([0], k, eps)[0]) == pytest.approx(closed, rel=1e-12)


def test_smooth_labels_keeps_the_label_shape():
    assert bl.smooth_labels([[0, 1], [2, 2]], 3, 0.2).shape == (2, 2, 3)
    assert bl.smooth_labels(1, 3, 0.2).shape == (3,)
    assert bl.smooth_labels(np.array([], dtype=int), 3, 0.2).shape == (0, 3)


@pytest.mark.parametrize(
    ("labels", "num_classes", "epsilon", "error", "match"),
    [([0, 3], 3, 0.1, ValueError, "labels must be < num_classes"), ([-1], 3, 0.1, ValueError, "labels"),
     ([0.5], 3, 0.1, ValueError, "labels"), ([0], 3, 1.5, ValueError, "epsilon"),
     ([0], 3, -0.1, ValueError, "epsilon"), ([0], 3, [0.1, 0.2], ValueError, "epsilon"),
     ([0], 2.5, 0.1, ValueError, "num_classes"), ([0], 0, 0.1, ValueError, "num_classes"),
     ([0], True, 0.1, TypeError, "num_classes")],
)
def test_smooth_labels_rejects_bad_arguments(labels, num_classes, epsilon, error, match):
    with pytest.raises(error, match=match):
        bl.smooth_labels(labels, num_classes, epsilon)


# --- losses and gradients ----------------------------------------------------------------------------
def test_softmax_cross_entropy_matches_scikit_learn_log_loss_for_hard_labels():
    z = random_logits((200, 4), seed=3)
    labels = np.random.default_rng(4).integers(4, size=200)
    want = log_loss(labels, special.softmax(z, axis=1), labels=range(4))
    assert bl.mean_softmax_cross_entropy(z, np.eye(4)[labels]) == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("shape", [(1, 3), (30, 5), (4, 6, 3)])
def test_soft_target_losses_match_the_divergence_module_and_scipy(shape):
    z, p = random_logits(shape, seed=5), random_targets(shape, seed=6)
    q = special.softmax(z, axis=-1)
    ce = bl.mean_softmax_cross_entropy(z, p)
    kl = bl.mean_softmax_kl_divergence(z, p)
    assert ce == pytest.approx(np.mean(bl.cross_entropy(p, q)), rel=1e-12)
    assert kl == pytest.approx(special.rel_entr(p, q).sum(axis=-1).mean(), rel=1e-10)
    assert ce - kl == pytest.approx(stats.entropy(p, axis=-1).mean(), rel=1e-12)


def test_kl_loss_is_zero_at_the_target_and_stays_finite_for_extreme_logits():
    p = np.array([[0.2, 0.5, 0.3]])
    assert bl.mean_softmax_kl_divergence(np.log(p), p) == pytest.approx(0.0, abs=1e-15)
    z = np.array([[800.0, -800.0, 0.0]])
    assert np.isfinite(bl.mean_softmax_cross_entropy(z, p))
    assert bl.mean_softmax_cross_entropy(z, p) == pytest.approx(0.5 * 1600 + 0.3 * 800, rel=1e-12)


@pytest.mark.parametrize("shape", [(1, 3), (6, 4), (2, 3, 5)])
def test_loss_gradients_match_finite_differences_and_each_other(shape):
    z, p = random_logits(shape, scale=1.5, seed=7), random_targets(shape, seed=8)
    analytic = bl.mean_softmax_cross_entropy_gradient(z, p)
    fd_ce = bl.numerical_gradient(lambda t: bl.mean_softmax_cross_entropy(t, p), z)
    fd_kl = bl.numerical_gradient(lambda t: bl.mean_softmax_kl_divergence(t, p), z)
    np.testing.assert_allclose(fd_ce, analytic, atol=1e-8)
    np.testing.assert_allclose(fd_kl, analytic, atol=1e-8)
    np.testing.assert_allclose(analytic.sum(axis=-1), 0.0, atol=1e-15)


@pytest.mark.parametrize(
    "func", [bl.mean_softmax_cross_entropy, bl.mean_softmax_kl_divergence, bl.mean_softmax_cross_entropy_gradient]
)
def test_losses_reject_mismatched_or_invalid_targets(func):
    with pytest.raises(ValueError, match="targets must have the shape"):
        func(np.zeros((2, 3)), np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match="targets must sum to 1"):
        func(np.zeros((1, 2)), [[0.5, 0.6]])
    with pytest.raises(ValueError, match="logits must be finite"):
        func([[np.inf, 0.0]], [[0.5, 0.5]])


def test_numerical_gradient_of_known_functions():
    x = np.array([[0.3, -1.1], [2.0, 0.7]])
    np.testing.assert_allclose(bl.numerical_gradient(lambda t: float(np.sin(t).sum()), x), np.cos(x), atol=1e-9)
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    v = np.array([1.0, -2.0])
    np.testing.assert_allclose(bl.numerical_gradient(lambda t: float(t @ A @ t), v), 2 * A @ v, atol=1e-7)
    assert bl.numerical_gradient(lambda t: 1.0, np.zeros(0)).shape == (0,)


def test_numerical_gradient_rejects_bad_arguments():
    with pytest.raises(TypeError, match="func"):
        bl.numerical_gradient(3.0, [1.0])
    with pytest.raises(ValueError, match="step"):
        bl.numerical_gradient(np.sum, [1.0], step=0.0)
    with pytest.raises(ValueError, match="x must be finite"):
        bl.numerical_gradient(np.sum, [np.inf])


# --- data -----------------------------------------------------------------------------------------
def test_gaussian_blobs_are_seeded_nested_and_centred():
    X, y = bl.gaussian_blobs(30_000, seed=3)
    X2, y2 = bl.gaussian_blobs(30_000, seed=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, bl.gaussian_blobs(30_000, seed=4).X)
    Xs, ys = bl.gaussian_blobs(17, seed=3)
    assert np.array_equal(Xs, X[:17]) and np.array_equal(ys, y[:17])
    counts = np.bincount(y, minlength=3)
    assert stats.chisquare(counts).pvalue > 1e-3
    angles = np.pi / 2 + 2 * np.pi * np.arange(3) / 3
    for k in range(3):
        np.testing.assert_allclose(X[y == k].mean(axis=0), 2 * np.array([np.cos(angles[k]), np.sin(angles[k])]),
                                   atol=0.05)
        np.testing.assert_allclose(X[y == k].std(axis=0), 1.0, atol=0.05)
    assert bl.gaussian_blobs(0).X.shape == (0, 2)


def test_gaussian_blobs_rejects_bad_arguments():
    with pytest.raises(ValueError, match="n must"):
        bl.gaussian_blobs(-1)
    with pytest.raises(ValueError, match="noise_sigma"):
        bl.gaussian_blobs(5, noise_sigma=0.0)
    with pytest.raises(ValueError, match="num_classes"):
        bl.gaussian_blobs(5, num_classes=2.5)


# --- training -------------------------------------------------------------------------------------
def objective(W, b, X, targets, weight_decay):
    return bl.mean_softmax_cross_entropy(X @ W + b, targets) + 0.5 * weight_decay * float((W**2).sum())


@pytest.mark.parametrize(("epsilon", "weight_decay"), [(0.0, 0.0), (0.2, 0.05)])
def test_each_training_step_follows_the_finite_difference_gradient(epsilon, weight_decay):
    X, y = bl.gaussian_blobs(40, seed=5)
    targets = bl.smooth_labels(y, 3, epsilon)
    lr = 0.7
    one = bl.train_softmax_regression(X, y, 3, epsilon=epsilon, learning_rate=lr, steps=1, alpha=weight_decay)
    two = bl.train_softmax_regression(X, y, 3, epsilon=epsilon, learning_rate=lr, steps=2, alpha=weight_decay)
    grad_W = bl.numerical_gradient(lambda W: objective(W, one.bias, X, targets, weight_decay), one.weights)
    grad_b = bl.numerical_gradient(lambda b: objective(one.weights, b, X, targets, weight_decay), one.bias)
    np.testing.assert_allclose(two.weights, one.weights - lr * grad_W, atol=1e-8)
    np.testing.assert_allclose(two.bias, one.bias - lr * grad_b, atol=1e-8)


@pytest.mark.parametrize("features", [2, 12])
def test_training_steps_agree_with_a_plain_matrix_implementation(features):
    """Both inner paths (feature by feature for few features, BLAS for many) do the same maths."""
    rng = np.random.default_rng(features)
    X, y = rng.normal(size=(60, features)), rng.integers(4, size=60)
    targets = bl.smooth_labels(y, 4, 0.1)
    W, b = np.zeros((features, 4)), np.zeros(4)
    for _ in range(5):
        residual = (special.softmax(X @ W + b, axis=1) - targets) / len(y)
        W, b = W - 0.3 * (X.T @ residual + 0.01 * W), b - 0.3 * residual.sum(axis=0)
    model = bl.train_softmax_regression(X, y, 4, epsilon=0.1, learning_rate=0.3, steps=5, alpha=0.01)
    np.testing.assert_allclose(model.weights, W, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(model.bias, b, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("C", [1.0, 100.0])
def test_training_converges_to_scikit_learn_multinomial_logistic_regression(C):
    X, y = bl.gaussian_blobs(300, seed=2)
    ref = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    model = bl.train_softmax_regression(X, y, 3, learning_rate=1.0, steps=4000, alpha=1.0 / (C * len(y)))
    np.testing.assert_allclose(model.predict_proba(X), ref.predict_proba(X), atol=1e-5)
    # logits are defined up to a shift common to the classes
    np.testing.assert_allclose(model.weights - model.weights.mean(axis=1, keepdims=True),
                               ref.coef_.T - ref.coef_.T.mean(axis=1, keepdims=True), atol=1e-4)


@pytest.mark.parametrize("epsilon", [0.0, 0.1, 0.4])
def test_loss_histories_are_parallel_with_the_targets_entropy_as_gap(epsilon):
    X, y = bl.gaussian_blobs(150, seed=9)
    X_eval, y_eval = bl.gaussian_blobs(80, seed=10)
    model = bl.train_softmax_regression(X, y, 3, epsilon=epsilon, steps=40, eval_X=X_eval, eval_labels=y_eval)
    targets = bl.smooth_labels(y, 3, epsilon)
    gap = stats.entropy(targets, axis=-1).mean()
    np.testing.assert_allclose(model.cross_entropy - model.kl_divergence, gap, atol=1e-12)
    assert model.cross_entropy[0] == pytest.approx(np.log(3), rel=1e-14)
    assert np.all(np.diff(model.cross_entropy) <= 1e-15)
    assert model.cross_entropy[-1] == pytest.approx(bl.mean_softmax_cross_entropy(model.logits(X), targets), rel=1e-12)
    assert model.kl_divergence[-1] == pytest.approx(
        np.mean(bl.kl_divergence(targets, model.predict_proba(X))), rel=1e-9)
    eval_targets = bl.smooth_labels(y_eval, 3, epsilon)
    assert model.eval_cross_entropy[-1] == pytest.approx(
        bl.mean_softmax_cross_entropy(model.logits(X_eval), eval_targets), rel=1e-12)
    assert model.cross_entropy.shape == model.kl_divergence.shape == model.eval_cross_entropy.shape == (41,)


def test_uniform_targets_leave_the_model_uniform():
    X, y = bl.gaussian_blobs(50, seed=1)
    model = bl.train_softmax_regression(X, y, 3, epsilon=1.0, steps=20)
    np.testing.assert_allclose(model.predict_proba(X), 1 / 3, atol=1e-12)
    assert model.eval_cross_entropy is None


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [({"X": np.zeros((0, 2)), "labels": []}, ValueError, "at least one row"),
     ({"labels": [0, 1]}, ValueError, "one entry per row"),
     ({"labels": [0, 1, 5, 0]}, ValueError, "labels must be < num_classes"),
     ({"X": np.zeros(4)}, ValueError, "2-D"),
     ({"num_classes": 1}, ValueError, "num_classes"),
     ({"epsilon": 2.0}, ValueError, "epsilon"),
     ({"learning_rate": 0.0}, ValueError, "learning_rate"),
     ({"steps": -1}, ValueError, "steps"),
     ({"alpha": -1.0}, ValueError, "alpha"),
     ({"eval_X": np.zeros((3, 2))}, ValueError, "together"),
     ({"eval_X": np.zeros((3, 5)), "eval_labels": [0, 1, 2]}, ValueError, "eval_X must have rows"),
     ({"eval_X": np.zeros((2, 2)), "eval_labels": [0, 1, 2]}, ValueError, "one entry per row of eval_X")],
)
def test_training_rejects_bad_arguments(kwargs, error, match):
    args = {"X": np.zeros((4, 2)), "labels": [0, 1, 2, 0], "num_classes": 3} | kwargs
    with pytest.raises(error, match=match):
        bl.train_softmax_regression(**args)


def test_classification_exports_are_public():
    from bayeslearn import data, gradient_check, softmax_regression

    for name in ("softmax", "log_softmax", "smooth_labels", "mean_softmax_cross_entropy", "mean_softmax_kl_divergence",
                 "mean_softmax_cross_entropy_gradient"):
        assert getattr(bl, name) is getattr(cl, name)
    assert bl.numerical_gradient is gradient_check.numerical_gradient
    assert bl.gaussian_blobs is data.gaussian_blobs
    assert bl.train_softmax_regression is softmax_regression.train_softmax_regression


def test_softmax_kl_divergence_is_never_negative_when_targets_are_the_predictions():
    """KL(q || q) = 0 exactly in theory; rounding in the sum used to leave about -1e-16 half the time."""
    rng = np.random.default_rng(0)
    for _ in range(200):
        z = 5.0 * rng.standard_normal((3, 4))
        assert bl.mean_softmax_kl_divergence(z, bl.softmax(z)) >= 0.0
