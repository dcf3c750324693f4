"""Mixup, the two-moons data, the tiny network and its decision-boundary grid, checked against
scipy.stats (Beta draws), scikit-learn (moon geometry), finite differences (gradients) and
Adam's first step worked out by hand."""

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats
from sklearn.datasets import make_moons

import bayeslearn as bl
from bayeslearn import network as nw


def soft_targets(n, k, seed):
    return np.random.default_rng(seed).dirichlet(np.full(k, 0.5), size=n)


# --- two moons ----------------------------------------------------------------------------------------
def test_two_moons_shapes_seeds_and_nesting():
    X, y = bl.two_moons(200, seed=4)
    assert X.shape == (200, 2) and y.shape == (200,) and set(np.unique(y)) == {0, 1}
    X2, y2 = bl.two_moons(200, seed=4)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    X_small, y_small = bl.two_moons(37, seed=4)
    assert np.array_equal(X[:37], X_small) and np.array_equal(y[:37], y_small)
    assert not np.array_equal(bl.two_moons(200, seed=5).X, X)
    assert bl.two_moons(0).X.shape == (0, 2)


def test_two_moons_without_noise_lie_on_the_arcs_of_sklearn_make_moons():
    X, y = bl.two_moons(500, noise_sigma=0.0, seed=1)
    Xs, ys = make_moons(500, noise=0.0, shuffle=False)
    for data, labels in ((X, y), (Xs, ys)):
        upper, lower = data[labels == 0], data[labels == 1]
        np.testing.assert_allclose(np.hypot(*upper.T), 1.0, rtol=1e-12)            # unit circle at 0
        np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0, rtol=1e-12)
        assert upper[:, 1].min() >= -1e-12 and lower[:, 1].max() <= 0.5 + 1e-12  # upper / lower halves


def test_two_moons_class_means_match_sklearn_with_noise():
    X, y = bl.two_moons(40_000, noise_sigma=0.25, seed=2)
    Xs, ys = make_moons(40_000, noise=0.25, random_state=2)
    for k in (0, 1):
        np.testing.assert_allclose(X[y == k].mean(axis=0), Xs[ys == k].mean(axis=0), atol=0.02)
        np.testing.assert_allclose(X[y == k].std(axis=0), Xs[ys == k].std(axis=0), atol=0.02)
    assert abs(y.mean() - 0.5) < 0.01


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"n": -1}, ValueError, "n must"), ({"n": 2.5}, ValueError, "n must"),
    ({"n": 3, "noise_sigma": -0.1}, ValueError, "noise_sigma"),
    ({"n": 3, "noise_sigma": np.inf}, ValueError, "noise_sigma"),
    ({"n": 3, "seed": -2}, ValueError, "seed"), ({"n": "3"}, TypeError, "n must"),
])
def test_two_moons_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        bl.two_moons(**kwargs)


# --- mixup_batch -----------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 40), k=st.integers(2, 6), mixup_alpha=st.floats(0.0, 20.0), seed=st.integers(0, 10_000))
def test_mixed_targets_are_distributions_on_the_segments(n, k, mixup_alpha, seed):
    X = np.random.default_rng(seed).normal(size=(n, 3))
    T = soft_targets(n, k, seed + 1)
    batch = bl.mixup_batch(X, T, mixup_alpha, seed=seed)
    assert batch.targets.shape == (n, k) and batch.inputs.shape == (n, 3)
    assert np.all(batch.targets >= 0)
    np.testing.assert_allclose(batch.targets.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert np.array_equal(np.sort(batch.partner), np.arange(n))                 # a permutation
    assert np.all((batch.lam >= 0) & (batch.lam <= 1))
    lam, j = batch.lam[:, None], batch.partner
    np.testing.assert_allclose(batch.inputs, lam * X + (1 - lam) * X[j], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(batch.targets, lam * T + (1 - lam) * T[j], rtol=1e-12, atol=1e-12)


def test_alpha_zero_is_off_and_returns_the_data_unchanged():
    X, y = bl.two_moons(25, seed=3)
    T = bl.smooth_labels(y, 2, 0.1)
    batch = bl.mixup_batch(X, T, mixup_alpha=0.0, seed=9)
    assert np.array_equal(batch.inputs, X) and np.array_equal(batch.targets, T)
    assert np.array_equal(batch.lam, np.ones(25))


@pytest.mark.parametrize("mixup_alpha", [1e-5, 1e-7])
def test_small_alpha_returns_original_pairs(mixup_alpha):
    """As α → 0, λ piles up at 0 and 1: every mixed pair is one of the original (x, t) pairs."""
    X = np.random.default_rng(0).normal(size=(300, 2))
    T = soft_targets(300, 3, 1)
    batch = bl.mixup_batch(X, T, mixup_alpha, seed=5)
    own = np.abs(batch.inputs - X).max(axis=1) < 1e-6
    partner = np.abs(batch.inputs - X[batch.partner]).max(axis=1) < 1e-6
    assert np.all(own | partner)
    np.testing.assert_allclose(batch.targets[own], T[own], atol=1e-6)
    np.testing.assert_allclose(batch.targets[partner & ~own], T[batch.partner][partner & ~own], atol=1e-6)
    assert 0.3 < own.mean() < 0.7                      # both ends happen, about equally often


def test_mixing_weights_spread_out_as_alpha_grows():
    X, T = np.zeros((20_000, 1)), np.full((20_000, 2), 0.5)
    distance_to_an_end = [np.minimum(b.lam, 1 - b.lam).mean()
                          for b in (bl.mixup_batch(X, T, a, seed=1) for a in (0.01, 0.1, 1.0, 10.0))]
    assert np.all(np.diff(distance_to_an_end) > 0)
    assert distance_to_an_end[0] < 0.01 and distance_to_an_end[-1] > 0.35


@pytest.mark.parametrize("mixup_alpha", [0.2, 0.4, 1.0, 3.0])
def test_lambda_follows_beta_alpha_alpha_by_a_ks_test(mixup_alpha):
    batch = bl.mixup_batch(np.zeros((20_000, 1)), np.full((20_000, 2), 0.5), mixup_alpha, seed=11)
    result = stats.kstest(batch.lam, stats.beta(mixup_alpha, mixup_alpha).cdf)
    assert result.pvalue > 1e-3, result
    assert abs(batch.lam.mean() - 0.5) < 0.01


def test_mixup_batch_is_seeded():
    X, T = np.arange(10.0)[:, None], soft_targets(10, 2, 0)
    a, b = bl.mixup_batch(X, T, 0.4, seed=3), bl.mixup_batch(X, T, 0.4, seed=3)
    assert np.array_equal(a.inputs, b.inputs) and np.array_equal(a.partner, b.partner)
    assert not np.array_equal(a.lam, bl.mixup_batch(X, T, 0.4, seed=4).lam)


@pytest.mark.parametrize(("args", "error", "match"), [
    (([1.0, 2.0], [[1.0, 0.0]] * 2, 0.4), ValueError, "X must be 2-D"),
    (([[1.0], [np.nan]], [[1.0, 0.0]] * 2, 0.4), ValueError, "X"),
    (([[1.0], [2.0]], [[1.0, 0.0]], 0.4), ValueError, "one row per row of X"),
    (([[1.0], [2.0]], [[0.7, 0.7]] * 2, 0.4), ValueError, "targets"),
    (([[1.0], [2.0]], [[1.0, 0.0]] * 2, -0.1), ValueError, "mixup_alpha"),
    (([[1.0], [2.0]], [[1.0, 0.0]] * 2, np.inf), ValueError, "mixup_alpha"),
    (([[1.0], [2.0]], [[1.0, 0.0]] * 2, [0.1, 0.2]), ValueError, "mixup_alpha"),
    (([[1.0], [2.0]], [[1.0, 0.0]] * 2, "big"), TypeError, "mixup_alpha"),
])
def test_mixup_batch_rejects_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        bl.mixup_batch(*args)


# --- the network's loss and gradient ------------------------------------------------------------------------
def random_parameters(d, h, k, seed):
    return np.random.default_rng(seed).normal(size=h * d + h + k * h + k)


@pytest.mark.parametrize(("d", "h", "k", "n"), [(2, 5, 2, 7), (3, 4, 4, 9), (2, 16, 3, 20)])
def test_gradient_matches_finite_differences(d, h, k, n):
    rng = np.random.default_rng(d * 100 + h)
    X, T = rng.normal(size=(n, d)), soft_targets(n, k, h)
    theta = random_parameters(d, h, k, seed=n)
    W1T = theta[: h * d].reshape(h, d)
    assert np.abs(W1T @ X.T + theta[h * d : h * d + h, None]).min() > 1e-3  # no ReLU kink within the step
    loss, grad = bl.mlp_loss_and_gradient(theta, X, T, hidden=h)
    numeric = bl.numerical_gradient(lambda w: bl.mlp_loss_and_gradient(w, X, T, hidden=h).loss, theta)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)
    assert np.isfinite(loss) and loss > 0


def test_loss_matches_an_independent_forward_pass():
    d, h, k, n = 2, 6, 3, 15
    rng = np.random.default_rng(7)
    X, T = rng.normal(size=(n, d)), soft_targets(n, k, 8)
    theta = random_parameters(d, h, k, seed=9)
    W1 = theta[: h * d].reshape(h, d).T
    b1 = theta[h * d : h * d + h]
    W2 = theta[h * d + h : h * d + h + k * h].reshape(k, h).T
    b2 = theta[-k:]
    logits = np.maximum(X @ W1 + b1, 0) @ W2 + b2
    want = -(T * special.log_softmax(logits, axis=1)).sum(axis=1).mean()
    assert bl.mlp_loss_and_gradient(theta, X, T, hidden=h).loss == pytest.approx(want, rel=1e-13)
    model = nw.TinyMLP(theta, d, h, k)
    np.testing.assert_allclose(model.logits(X), logits, rtol=1e-13)
    np.testing.assert_allclose(model.predict_proba(X), special.softmax(logits, axis=1), rtol=1e-12)
    # prediction computes in place what training computes (the same numbers), whatever the memory order
    trained = np.exp(nw._forward(theta, np.ascontiguousarray(X.T), nw.layer_shapes(d, h, k))[2]).T
    for inputs in (X, np.asfortranarray(X), X.tolist()):
        assert np.array_equal(model.predict_proba(inputs), trained)


def test_loss_and_gradient_reject_bad_arguments():
    theta = random_parameters(2, 3, 2, 0)
    with pytest.raises(ValueError, match="parameters must have shape"):
        bl.mlp_loss_and_gradient(theta[:-1], [[0.0, 1.0]], [[1.0, 0.0]], hidden=3)
    with pytest.raises(ValueError, match="at least one row"):
        bl.mlp_loss_and_gradient(theta, np.zeros((0, 2)), np.zeros((0, 2)), hidden=3)
    with pytest.raises(TypeError, match="hidden"):
        bl.mlp_loss_and_gradient(theta, [[0.0, 1.0]], [[1.0, 0.0]], hidden="3")
    with pytest.raises(ValueError, match="parameters"):
        bl.mlp_loss_and_gradient(np.full_like(theta, np.nan), [[0.0, 1.0]], [[1.0, 0.0]], hidden=3)


# --- the trainer ---------------------------------------------------------------------------------------------
def test_untrained_network_is_uniform_and_no_data_takes_no_step():
    probe = np.random.default_rng(0).normal(scale=10.0, size=(50, 2))
    for X, T, steps in ((np.zeros((0, 2)), np.zeros((0, 4)), 500), (np.ones((5, 2)), np.full((5, 4), 0.25), 0)):
        model = bl.train_tiny_mlp(X, T, steps=steps, seed=3)
        np.testing.assert_allclose(model.predict_proba(probe), 0.25, rtol=1e-14)
        assert model.steps == 0


def test_the_first_step_is_adams_first_step_on_the_exact_gradient():
    """Adam's first step moves every parameter with a non-zero gradient by the learning rate, against it."""
    X, y = bl.two_moons(30, seed=1)
    T = bl.smooth_labels(y, 2, 0.1)
    start = bl.train_tiny_mlp(X, T, steps=0, hidden=8, seed=2).parameters
    after = bl.train_tiny_mlp(X, T, steps=1, hidden=8, learning_rate=0.03, seed=2).parameters
    _, grad = bl.mlp_loss_and_gradient(start, X, T, hidden=8)
    moved = np.abs(grad) > 1e-6
    np.testing.assert_allclose((after - start)[moved], -0.03 * np.sign(grad[moved]), rtol=1e-4)
    np.testing.assert_allclose((after - start)[grad == 0], 0.0, atol=0)


def test_training_lowers_the_loss_and_is_seeded_and_fast():
    X, y = bl.two_moons(200, seed=0)
    T = np.eye(2)[y]
    start = time.perf_counter()
    model = bl.train_tiny_mlp(X, T, mixup_alpha=0.4, steps=200, seed=1)
    assert time.perf_counter() - start < 1.0
    before = bl.mlp_loss_and_gradient(bl.train_tiny_mlp(X, T, steps=0, seed=1).parameters, X, T, hidden=16).loss
    after = bl.mlp_loss_and_gradient(model.parameters, X, T, hidden=16).loss
    assert before == pytest.approx(np.log(2)) and after < 0.4
    again = bl.train_tiny_mlp(X, T, mixup_alpha=0.4, steps=200, seed=1)
    assert np.array_equal(model.parameters, again.parameters)
    assert model.mixup_alpha == 0.4 and model.steps == 200


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_mixup_is_less_confident_away_from_the_data_and_no_worse_held_out(seed):
    X, y = bl.two_moons(40, seed=seed)
    X_test, y_test = bl.two_moons(2000, seed=100 + seed)
    T = np.eye(2)[y]
    plain, mixed = (bl.train_tiny_mlp(X, T, mixup_alpha=a, steps=300, seed=seed) for a in (0.0, 0.4))
    grids = [bl.probability_grid(m, (-2.0, 3.0), (-1.75, 2.25)) for m in (plain, mixed)]
    assert grids[1].confidence.mean() < grids[0].confidence.mean() - 0.02
    log_loss = [-np.log(m.predict_proba(X_test)[np.arange(2000), y_test]).mean() for m in (plain, mixed)]
    accuracy = [(m.predict_proba(X_test).argmax(axis=1) == y_test).mean() for m in (plain, mixed)]
    assert log_loss[1] < log_loss[0] and accuracy[1] > accuracy[0] - 0.03


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"mixup_alpha": -1.0}, ValueError, "mixup_alpha"), ({"hidden": 0}, ValueError, "hidden"),
    ({"steps": -1}, ValueError, "steps"), ({"steps": 1.5}, ValueError, "steps"),
    ({"learning_rate": 0.0}, ValueError, "learning_rate"), ({"seed": -1}, ValueError, "seed"),
    ({"hidden": 2.0 + 0j}, TypeError, "hidden"),
])
def test_trainer_rejects_bad_hyper_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        bl.train_tiny_mlp([[0.0, 1.0]], [[1.0, 0.0]], **kwargs)


def test_trainer_needs_two_classes():
    with pytest.raises(ValueError, match="at least 2 classes"):
        bl.train_tiny_mlp([[0.0, 1.0]], [[1.0]])


# --- the probability grid ---------------------------------------------------------------------------------
def test_probability_grid_puts_each_probability_at_its_pixel_centre():
    X, y = bl.two_moons(50, seed=2)
    model = bl.train_tiny_mlp(X, np.eye(2)[y], steps=50)
    grid = bl.probability_grid(model, (-2.0, 3.0), (-1.0, 2.0), resolution=(5, 3))
    np.testing.assert_allclose(grid.x, [-1.5, -0.5, 0.5, 1.5, 2.5])
    np.testing.assert_allclose(grid.y, [-0.5, 0.5, 1.5])
    assert grid.extent == (-2.0, 3.0, -1.0, 2.0) and grid.probabilities.shape == (3, 5, 2)
    for i, yy in enumerate(grid.y):
        for j, xx in enumerate(grid.x):
            np.testing.assert_allclose(grid.probabilities[i, j], model.predict_proba([[xx, yy]])[0], rtol=1e-12)
    np.testing.assert_allclose(grid.confidence, grid.probabilities.max(axis=-1))


@pytest.mark.parametrize(("args", "error", "match"), [
    ((object(), (0, 1), (0, 1)), TypeError, "predict_proba"),
    ((None, (1, 0), (0, 1)), ValueError, "xlim"),
    ((None, (0, 1), (0, np.inf)), ValueError, "ylim"),
    ((None, (0, 1, 2), (0, 1)), ValueError, "xlim"),
    ((None, (0, 1), (0, 1), (0, 3)), ValueError, "resolution"),
    ((None, (0, 1), (0, 1), (3,)), ValueError, "resolution"),
])
def test_probability_grid_rejects_bad_arguments(args, error, match):
    model = bl.train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2)))
    args = (model if args[0] is None else args[0], *args[1:])
    with pytest.raises(error, match=match):
        bl.probability_grid(*args)


# --- many networks at once ------------------------------------------------------------------------------------
def reference_training(X, T, mixup_alpha, hidden, steps, lr, seed):
    """One network trained the long way: the trainer's documented draws, the unbatched exact
    gradient (mlp_loss_and_gradient) and bl.adam; independent of the batched code."""
    n, d = X.shape
    rng = np.random.default_rng(seed)
    W1T = rng.standard_normal((hidden, d)) * np.sqrt(2.0 / d)
    b1 = rng.standard_normal(hidden)
    theta = np.concatenate([W1T.ravel(), b1, np.zeros(T.shape[1] * hidden + T.shape[1])])
    if mixup_alpha > 0:
        lam = rng.beta(mixup_alpha, mixup_alpha, size=(steps, 1, n))[:, 0]
        partner = rng.permuted(np.tile(np.arange(n), (steps, 1)), axis=1)
    else:
        lam, partner = np.ones((steps, n)), np.tile(np.arange(n), (steps, 1))
    step = iter(range(steps))

    def gradient(w):
        t = next(step)
        weight = lam[t][:, None]
        X_mix = weight * X + (1 - weight) * X[partner[t]]
        T_mix = weight * T + (1 - weight) * T[partner[t]]
        return bl.mlp_loss_and_gradient(w, X_mix, T_mix, hidden=hidden).gradient

    return bl.adam(gradient, theta, learning_rate=lr, steps=steps)[-1]


def test_many_networks_equal_each_network_trained_on_its_own():
    X, y = bl.two_moons(45, seed=6)
    settings_ = [(0.0, 0.0), (0.1, 0.0), (0.0, 0.4), (0.2, 3.0), (0.3, 0.05)]
    T = np.stack([bl.smooth_labels(y, 2, eps) for eps, _ in settings_])
    mixup_alphas = [a for _, a in settings_]
    models = bl.train_tiny_mlps(X, T, mixup_alphas, hidden=6, steps=60, learning_rate=0.04, seed=2)
    assert len(models) == len(settings_)
    for model, targets, mixup_alpha in zip(models, T, mixup_alphas, strict=True):
        want = reference_training(X, targets, mixup_alpha, hidden=6, steps=60, lr=0.04, seed=2)
        np.testing.assert_allclose(model.parameters, want, rtol=1e-9, atol=1e-12)
        single = bl.train_tiny_mlp(X, targets, mixup_alpha=mixup_alpha, hidden=6, steps=60, learning_rate=0.04, seed=2)
        np.testing.assert_allclose(model.parameters, single.parameters, rtol=1e-12, atol=1e-14)
        assert model.mixup_alpha == mixup_alpha and model.steps == 60 and model.hidden == 6


def test_many_networks_with_three_classes_and_no_data():
    X, y = bl.gaussian_blobs(30, seed=1)
    T = np.stack([bl.smooth_labels(y, 3, 0.1), np.eye(3)[y]])
    models = bl.train_tiny_mlps(X, T, [0.0, 1.0], hidden=5, steps=40, seed=3)
    for model, targets, mixup_alpha in zip(models, T, (0.0, 1.0), strict=True):
        want = reference_training(X, targets, mixup_alpha, hidden=5, steps=40, lr=0.05, seed=3)
        np.testing.assert_allclose(model.parameters, want, rtol=1e-9, atol=1e-12)
    empty = bl.train_tiny_mlps(np.zeros((0, 2)), np.zeros((3, 0, 2)), [0.0, 0.5, 2.0], steps=100)
    probe = np.random.default_rng(0).normal(size=(20, 2))
    assert all(m.steps == 0 and np.allclose(m.predict_proba(probe), 0.5, rtol=0, atol=1e-15) for m in empty)


@pytest.mark.parametrize(("data", "k", "settings_", "hidden", "steps"), [
    ("moons", 2, [(0.0, 0.0), (0.1, 0.0), (0.0, 0.4), (0.2, 3.0), (0.2, 0.4)], 16, 150),
    ("blobs", 3, [(0.1, 0.0), (0.0, 1.0), (0.3, 1.0)], 5, 40),
    ("many", 2, [(0.1, 0.7), (0.0, 0.0), (0.1, 0.05)], 8, 60),  # mixed batches made in several blocks
])
def test_trained_networks_are_the_reference_to_the_bit(data, k, settings_, hidden, steps):
    """The fast loop does bl.adam's operations on mlp_loss_and_gradient's gradient, in the
    same order: the same numbers, not merely close ones (Adam's division by sqrt(v̂) + ε would
    magnify any difference in roundings where a gradient is nearly zero)."""
    X, y = {"moons": lambda: bl.two_moons(30, seed=1), "blobs": lambda: bl.gaussian_blobs(30, seed=1),
            "many": lambda: bl.two_moons(400, seed=2)}[data]()
    T = np.stack([bl.smooth_labels(y, k, eps) for eps, _ in settings_])
    mixup_alphas = [a for _, a in settings_]
    models = bl.train_tiny_mlps(X, T, mixup_alphas, hidden=hidden, steps=steps, seed=4)
    for model, targets, mixup_alpha in zip(models, T, mixup_alphas, strict=True):
        want = reference_training(X, targets, mixup_alpha, hidden=hidden, steps=steps, lr=0.05, seed=4)
        assert np.array_equal(model.parameters, want)


def test_a_network_does_not_depend_on_the_batch_it_is_trained_in():
    X, y = bl.two_moons(50, seed=3)
    eps, mixup_alphas = [0.0, 0.1, 0.2, 0.1], [0.0, 0.3, 0.3, 2.0]
    T = np.stack([bl.smooth_labels(y, 2, e) for e in eps])
    together = bl.train_tiny_mlps(X, T, mixup_alphas, steps=80, seed=5)
    backwards = bl.train_tiny_mlps(X, T[::-1], mixup_alphas[::-1], steps=80, seed=5)[::-1]
    for m, (a, b) in enumerate(zip(together, backwards, strict=True)):
        alone = bl.train_tiny_mlp(X, T[m], mixup_alpha=mixup_alphas[m], steps=80, seed=5)
        assert np.array_equal(a.parameters, alone.parameters) and np.array_equal(b.parameters, alone.parameters)


@pytest.mark.parametrize(("args", "kwargs", "error", "match"), [
    (([[0.0, 1.0]], [[1.0, 0.0]], [0.0]), {}, ValueError, "targets must have shape"),
    (([[0.0, 1.0]], [[[1.0, 0.0]], [[0.0, 1.0]]], [0.0]), {}, ValueError, "mixup_alphas must have shape"),
    (([[0.0, 1.0]], [[[1.0, 0.0]]], [-0.5]), {}, ValueError, "mixup_alphas"),
    (([[0.0, 1.0]], [[[1.0, 0.0]]], [np.inf]), {}, ValueError, "mixup_alphas"),
    (([[0.0, 1.0]], [[[1.0]]], [0.0]), {}, ValueError, "at least 2 classes"),
    (([[0.0, 1.0]], [[[0.6, 0.6]]], [0.0]), {}, ValueError, "targets"),
    (([0.0, 1.0], [[[1.0, 0.0]]], [0.0]), {}, ValueError, "X must be 2-D"),
    (([[0.0, 1.0]], np.zeros((0, 1, 2)), []), {}, ValueError, "M >= 1"),
    (([[0.0, 1.0]], [[[1.0, 0.0]]], [0.0]), {"steps": 2.5}, ValueError, "steps"),
    (([[0.0, 1.0]], [[[1.0, 0.0]]], [0.0]), {"hidden": "4"}, TypeError, "hidden"),
    (([[0.0, 1.0]], [[[1.0, 0.0]]], [0.0]), {"learning_rate": -1.0}, ValueError, "learning_rate"),
])
def test_many_networks_reject_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        bl.train_tiny_mlps(*args, **kwargs)


# --- the decision boundary ----------------------------------------------------------------------------------------
class Logistic:
    """q(class 1 | x) = σ(w·x + b): its decision boundary is the line w·x + b = 0."""

    def __init__(self, w, b):
        self.w, self.b = np.asarray(w, dtype=float), float(b)

    def predict_proba(self, X):
        q1 = special.expit(np.asarray(X) @ self.w + self.b)
        return np.column_stack([1 - q1, q1])


def test_boundary_of_a_linear_classifier_is_its_line():
    model = Logistic([1.5, -2.0], 0.3)
    grid = bl.probability_grid(model, (-2.0, 3.0), (-1.0, 2.0), resolution=(200, 160))
    points = bl.decision_boundary(grid)
    assert points.shape[1] == 2 and not np.isnan(points).any()           # one piece, no separators
    np.testing.assert_allclose(points @ model.w + model.b, 0.0, atol=2e-3)
    # it runs across the grid: from one edge of the rectangle to another
    assert np.ptp(points[:, 1]) > 2.5


def test_boundary_of_a_ring_is_a_closed_circle_at_the_level():
    class Ring:
        def predict_proba(self, X):
            q1 = special.expit(4.0 * (np.hypot(*np.asarray(X).T) - 1.0))   # 1/2 on the unit circle
            return np.column_stack([1 - q1, q1])

    grid = bl.probability_grid(Ring(), (-2.0, 2.0), (-2.0, 2.0), resolution=(120, 120))
    points = bl.decision_boundary(grid)
    np.testing.assert_allclose(np.hypot(*points.T), 1.0, atol=2e-3)
    np.testing.assert_allclose(points[0], points[-1])                     # closed
    level = bl.decision_boundary(grid, level=special.expit(4.0 * 0.5))     # q1 = σ(2): radius 1.5
    np.testing.assert_allclose(np.hypot(*level.T), 1.5, atol=3e-3)
    other = bl.decision_boundary(grid, class_index=0)                      # q0 = 1/2: the same circle
    np.testing.assert_allclose(np.hypot(*other.T), 1.0, atol=2e-3)


def test_two_pieces_are_separated_by_nan_and_a_uniform_net_has_no_boundary():
    class Band:
        def predict_proba(self, X):
            q1 = special.expit(3.0 * (np.abs(np.asarray(X)[:, 0]) - 1.0))  # class 1 for |x₁| > 1
            return np.column_stack([1 - q1, q1])

    points = bl.decision_boundary(bl.probability_grid(Band(), (-3, 3), (0, 1), resolution=(60, 10)))
    pieces = np.split(points, np.flatnonzero(np.isnan(points[:, 0])))
    finite = [p[~np.isnan(p[:, 0])] for p in pieces]
    assert len(finite) == 2
    assert sorted(round(float(p[:, 0].mean()), 6) for p in finite) == [-1.0, 1.0]
    uniform = bl.train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2)))
    assert bl.decision_boundary(bl.probability_grid(uniform, (0, 1), (0, 1))).shape == (0, 2)
    assert bl.decision_boundary(bl.probability_grid(Band(), (-3, 3), (0, 1), resolution=(60, 1))).shape == (0, 2)


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"class_index": 2}, ValueError, "class_index"), ({"class_index": -1}, ValueError, "class_index"),
    ({"class_index": 1.5}, ValueError, "class_index"), ({"level": 0.0}, ValueError, "level"),
    ({"level": 1.0}, ValueError, "level"), ({"level": np.nan}, ValueError, "level"),
    ({"level": [0.2, 0.5]}, ValueError, "level"),
])
def test_decision_boundary_rejects_bad_arguments(kwargs, error, match):
    grid = bl.probability_grid(Logistic([1.0, 0.0], 0.0), (-1, 1), (-1, 1), resolution=(5, 5))
    with pytest.raises(error, match=match):
        bl.decision_boundary(grid, **kwargs)
    with pytest.raises(TypeError, match="ProbabilityGrid"):
        bl.decision_boundary(grid.probabilities)


# --- mixing weights at tiny mixup_alpha --------------------------------------------------------------
@pytest.mark.parametrize("mixup_alpha", [0.3, 1.0, 2.0, 5e-4])
def test_log_gamma_draws_follow_the_beta_distribution(mixup_alpha):
    """The path mixing_weights takes below SMALL_MIXUP_ALPHA, tried where its draws can be told apart:
    scipy's Beta(mixup_alpha, mixup_alpha) cdf must fit them (Kolmogorov-Smirnov); at 5e-4, where the draws
    round to 0 and 1, about half must lie at each end."""
    from scipy import stats

    from bayeslearn.mixup import _beta_by_log_gammas

    lam = _beta_by_log_gammas(np.random.default_rng(0), mixup_alpha, (4000,))
    assert np.all((lam >= 0) & (lam <= 1))
    if mixup_alpha >= 0.3:
        assert stats.kstest(lam, stats.beta(mixup_alpha, mixup_alpha).cdf).pvalue > 0.01
    else:
        assert np.mean((lam < 1e-6) | (lam > 1 - 1e-6)) > 0.99
    assert 0.46 < np.mean(lam < 0.5) < 0.54


@pytest.mark.parametrize("mixup_alpha", [1e-12, 1e-300, 5e-324])
def test_tiny_alpha_returns_weights_of_zero_or_one(mixup_alpha):
    """numpy < 1.25's Beta sampler never returned here (make test-oldest found it)."""
    batch = bl.mixup_batch(np.arange(20.0).reshape(10, 2), np.eye(2)[np.arange(10) % 2], mixup_alpha,
                           seed=1)
    assert set(np.unique(batch.lam)) <= {0.0, 1.0}
    assert np.all(np.isfinite(batch.inputs)) and np.all(np.isfinite(batch.targets))
