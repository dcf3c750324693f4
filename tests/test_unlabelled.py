"""Notebook 07's library: the unlabelled losses, pseudo-labels, alignment, the trainers and Tent.

Every loss is checked against an independent computation (scipy.stats.entropy), every gradient
against central finite differences, and every public function's validation names the argument.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from scipy.special import logsumexp, softmax

import bayeslearn as bl

RNG = np.random.default_rng(20260701)
LOGITS = RNG.normal(scale=2.0, size=(7, 3))


def test_entropy_loss_is_the_mean_scipy_entropy_also_batched():
    assert bl.entropy_minimisation_loss(LOGITS) == pytest.approx(
        stats.entropy(softmax(LOGITS, axis=1), axis=1).mean(), rel=1e-12)
    batch = RNG.normal(size=(4, 5, 2))
    expected = stats.entropy(softmax(batch, axis=2), axis=2).mean(axis=1)
    np.testing.assert_allclose(bl.entropy_minimisation_loss(batch), expected, rtol=1e-12)


def test_entropy_gradient_matches_finite_differences_and_sums_to_zero():
    exact = bl.entropy_minimisation_gradient(LOGITS)
    numeric = bl.numerical_gradient(bl.entropy_minimisation_loss, LOGITS)
    assert np.max(np.abs(exact - numeric)) < 1e-8
    np.testing.assert_allclose(exact.sum(axis=1), 0.0, atol=1e-15)


def test_entropy_gradient_is_zero_at_uniform_and_one_hot_predictions():
    assert np.max(np.abs(bl.entropy_minimisation_gradient([[0.0, 0.0, 0.0]]))) < 1e-15
    assert np.max(np.abs(bl.entropy_minimisation_gradient([[800.0, 0.0]]))) == 0.0


def test_information_maximisation_against_scipy_and_finite_differences():
    q = softmax(LOGITS, axis=1)
    expected = stats.entropy(q, axis=1).mean() - stats.entropy(q.mean(axis=0))
    assert bl.information_maximisation_loss(LOGITS) == pytest.approx(expected, rel=1e-12)
    numeric = bl.numerical_gradient(bl.information_maximisation_loss, LOGITS)
    assert np.max(np.abs(bl.information_maximisation_gradient(LOGITS) - numeric)) < 1e-8


def test_information_maximisation_scores_collapse_zero_and_balance_minus_log_k():
    assert bl.information_maximisation_loss([[50.0, 0.0, 0.0]] * 3) == 0.0
    balanced = 50.0 * np.eye(3)
    assert bl.information_maximisation_loss(balanced) == pytest.approx(-np.log(3), abs=1e-12)


def test_pseudo_labels_are_the_arg_max_kept_above_the_threshold():
    q = np.array([[0.9, 0.1], [0.45, 0.55], [0.2, 0.8], [0.5, 0.5]])
    found = bl.pseudo_labels(q, threshold=0.8)
    assert found.labels.tolist() == [0, 1, 1, 0] and found.mask.tolist() == [True, False, True, False]
    assert found.kept == 0.5 and found.accuracy([0, 1, 0, 1]) == 0.5
    assert np.isnan(bl.pseudo_labels(q, threshold=1.0).accuracy([0, 1, 0, 1]))
    assert bl.pseudo_labels(q).kept == 1.0


def test_sharpen_is_a_power_normalised():
    q = np.array([[0.6, 0.3, 0.1]])
    np.testing.assert_allclose(bl.sharpen(q, 1.0), q, atol=1e-15)
    np.testing.assert_allclose(bl.sharpen(q, 0.5), q**2 / (q**2).sum(), atol=1e-15)
    np.testing.assert_allclose(bl.sharpen(q, 1e-3), [[1.0, 0.0, 0.0]], atol=1e-12)
    assert bl.sharpen([[1.0, 0.0]], 0.5).tolist() == [[1.0, 0.0]]


def test_distribution_alignment_is_bayes_rule_with_a_new_prior():
    likelihood = RNG.uniform(0.1, 1.0, size=(6, 3))       # p(x_i | y) for six inputs
    old, new = np.array([0.6, 0.3, 0.1]), np.array([0.2, 0.3, 0.5])
    posterior = likelihood * old / (likelihood * old).sum(axis=1, keepdims=True)
    expected = likelihood * new / (likelihood * new).sum(axis=1, keepdims=True)
    aligned = bl.distribution_alignment(posterior, new, running_mean=old)
    np.testing.assert_allclose(aligned, expected, atol=1e-14)


def test_distribution_alignment_defaults_to_the_mean_prediction_and_batches():
    q = softmax(RNG.normal(size=(2, 5, 3)), axis=2)
    prior = np.full(3, 1 / 3)
    for m in range(2):
        np.testing.assert_allclose(bl.distribution_alignment(q, prior)[m],
                                   bl.distribution_alignment(q[m], prior, running_mean=q[m].mean(0)),
                                   atol=1e-15)


def test_labelled_subset_draws_per_class():
    y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 2, 2])
    chosen = bl.labelled_subset(y, 2, seed=3)
    assert np.bincount(y[chosen]).tolist() == [2, 2, 2] and np.all(np.diff(chosen) > 0)
    with pytest.raises(ValueError, match="per_class"):
        bl.labelled_subset(y, 3)


def test_semi_supervised_moons_splits_two_moons():
    d = bl.semi_supervised_moons(40, 3, noise_sigma=0.2, seed=4)
    X, y = bl.two_moons(40, noise_sigma=0.2, seed=4)
    assert d.X_labelled.shape == (6, 2) and d.X_unlabelled.shape == (34, 2)
    both = np.concatenate([d.X_labelled, d.X_unlabelled])
    assert sorted(map(tuple, both)) == sorted(map(tuple, X))
    assert np.bincount(d.y_labelled).tolist() == [3, 3]
    stacked = bl.semi_supervised_moons(40, 3, noise_sigma=0.2, seed=[4, 5])
    np.testing.assert_array_equal(stacked.X_unlabelled[0], d.X_unlabelled)


DATA = bl.semi_supervised_moons(40, 3, seed=1)


def test_without_the_unlabelled_term_the_trainer_is_train_tiny_mlp():
    alone = bl.train_tiny_mlp(DATA.X_labelled, np.eye(2)[DATA.y_labelled], steps=60, seed=2)
    mine = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled, 0.0,
                                         steps=60, seed=2)[0]
    np.testing.assert_allclose(mine.parameters, alone.parameters, rtol=0, atol=1e-9)


def test_a_batch_of_networks_equals_each_trained_alone():
    lams = [0.0, 0.5, 2.0]
    batch = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled, lams,
                                          objective="infomax", steps=40, seed=[0, 1, 2])
    for lam, seed, net in zip(lams, [0, 1, 2], batch, strict=True):
        alone = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled,
                                              lam, objective="infomax", steps=40, seed=seed)[0]
        np.testing.assert_allclose(net.parameters, alone.parameters, rtol=0, atol=1e-12)


@pytest.mark.parametrize("objective", ["entropy", "infomax"])
def test_semi_supervised_gradient_matches_finite_differences(objective):
    theta = RNG.normal(scale=0.5, size=16 * 2 + 16 + 2 * 16 + 2)
    args = (DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled, 0.7)

    def loss(p):
        return bl.semi_supervised_loss_and_gradient(p, *args, objective=objective).loss

    exact = bl.semi_supervised_loss_and_gradient(theta, *args, objective=objective).gradient
    assert np.max(np.abs(exact - bl.numerical_gradient(loss, theta))) < 1e-7


def test_semi_supervised_loss_is_cross_entropy_plus_weighted_entropy():
    net = bl.train_tiny_mlp(DATA.X_labelled, np.eye(2)[DATA.y_labelled], steps=30)
    loss = bl.semi_supervised_loss_and_gradient(net.parameters, DATA.X_labelled, DATA.y_labelled,
                                                   DATA.X_unlabelled, 0.7).loss
    z_l, z_u = net.logits(DATA.X_labelled), net.logits(DATA.X_unlabelled)
    ce = np.mean(logsumexp(z_l, axis=1) - z_l[np.arange(6), DATA.y_labelled])
    assert loss == pytest.approx(ce + 0.7 * stats.entropy(softmax(z_u, axis=1), axis=1).mean(), rel=1e-12)


def test_entropy_weight_lowers_the_pool_entropy():
    nets = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled,
                                         [0.0, 3.0], steps=100)
    entropies = [bl.entropy_minimisation_loss(n.logits(DATA.X_unlabelled)) for n in nets]
    assert entropies[1] < entropies[0]


@pytest.mark.parametrize("objective", ["sharpened", "aligned"])
def test_fixed_target_objectives_train_and_stay_finite(objective):
    net = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled, 1.0,
                                        objective=objective, class_prior=[0.5, 0.5], steps=30)[0]
    assert np.all(np.isfinite(net.parameters))


def test_self_training_round_zero_is_supervised_and_a_threshold_of_one_changes_nothing():
    out = bl.self_training_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled,
                                [0.0, 1.0], rounds=2, steps=40, seed=[0, 0])
    nets, labels = out.networks, out.pseudo_labels
    alone = bl.train_semi_supervised_mlps(DATA.X_labelled, DATA.y_labelled, DATA.X_unlabelled, 0.0,
                                          steps=40)[0]
    np.testing.assert_array_equal(nets[0][0].parameters, alone.parameters)
    assert labels[0][0].kept == 1.0 and labels[0][1].kept <= 1.0 and len(nets) == 3
    if labels[0][1].kept == 0.0:
        np.testing.assert_array_equal(nets[1][1].parameters, nets[0][1].parameters)


SOURCE = bl.train_tiny_mlp(*(bl.two_moons(120, seed=3).X,), np.eye(2)[bl.two_moons(120, seed=3).labels],
                           steps=80)


def test_tent_gradient_matches_finite_differences():
    model = bl.TentModel(SOURCE, np.array([0.5, 0.2]), np.array([0.9, 0.6]), np.array([1.2, 0.8]),
                         np.array([0.1, -0.3]))
    X = bl.two_moons(50, seed=9).X + 0.4

    def loss(w):
        return bl.tent_loss_and_gradient(bl.TentModel(SOURCE, model.mean, model.std, w[:2], w[2:]), X).loss

    exact = bl.tent_loss_and_gradient(model, X).gradient
    assert np.max(np.abs(exact - bl.numerical_gradient(loss, np.r_[model.scale, model.shift]))) < 1e-8


def test_tent_loss_is_the_mean_entropy_of_the_normalised_inputs():
    model = bl.TentModel(SOURCE, np.array([0.5, 0.2]), np.array([0.9, 0.6]), np.array([1.2, 0.8]),
                         np.array([0.1, -0.3]))
    X = bl.two_moons(30, seed=8).X
    z = SOURCE.logits(model.scale * (X - model.mean) / model.std + model.shift)
    assert bl.tent_loss_and_gradient(model, X).loss == pytest.approx(
        stats.entropy(softmax(z, axis=1), axis=1).mean(), rel=1e-12)


def test_tent_adapt_lowers_the_entropy_batches_and_starts_where_told():
    source = bl.TentModel.from_source(SOURCE, [0.0, 0.0], [1.0, 1.0])
    X = bl.two_moons(80, seed=5).X + np.array([0.4, 0.0])
    alone = bl.tent_adapt(source, X, steps=20)
    both = bl.tent_adapt(source, np.stack([X, X - 0.2]), steps=20)
    np.testing.assert_allclose(both[0].shift, alone.shift, atol=1e-12)
    assert bl.tent_loss_and_gradient(alone, X).loss < bl.tent_loss_and_gradient(source, X).loss
    still = bl.tent_adapt(source, X, steps=0)
    assert np.all(still.scale == 1.0) and np.all(still.shift == 0.0)


@pytest.mark.parametrize(("call", "exc", "name"), [
    (lambda: bl.entropy_minimisation_loss([1.0, 2.0]), ValueError, "logits"),
    (lambda: bl.entropy_minimisation_gradient([[np.inf, 0.0]]), ValueError, "logits"),
    (lambda: bl.information_maximisation_loss("ab"), TypeError, "logits"),
    (lambda: bl.pseudo_labels([[0.5, 0.6]]), ValueError, "probabilities"),
    (lambda: bl.pseudo_labels([[0.5, 0.5]], threshold=1.5), ValueError, "threshold"),
    (lambda: bl.sharpen([[0.5, 0.5]], 0.0), ValueError, "temperature"),
    (lambda: bl.distribution_alignment([[0.5, 0.5]], [1.0, 0.0]), ValueError, "class_prior"),
    (lambda: bl.distribution_alignment([[0.5, 0.5]], [0.5, 0.5], [1.0]), ValueError, "running_mean"),
    (lambda: bl.labelled_subset([0, 1], 1.5), ValueError, "per_class"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [0], [[1.0, 1.0]], -1.0), ValueError, "weights"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [0], [[1.0, 1.0]], 1.0, objective="x"),
     ValueError, "objective"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [0, 1], [[1.0, 1.0]], 1.0), ValueError,
     "y_labelled"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [0], [[1.0]], 1.0), ValueError, "X_unlabelled"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [2], [[1.0, 1.0]], 1.0), ValueError, "y_labelled"),
    (lambda: bl.train_semi_supervised_mlps([[0.0, 0.0]], [0], [[1.0, 1.0]], 1.0, steps=1.5), ValueError,
     "steps"),
    (lambda: bl.self_training_mlps([[0.0, 0.0]], [0], [[1.0, 1.0]], 2.0), ValueError, "thresholds"),
    (lambda: bl.semi_supervised_loss_and_gradient(np.zeros(3), [[0.0, 0.0]], [0], [[1.0, 1.0]], 1.0),
     ValueError, "parameters"),
    (lambda: bl.tent_adapt("model", [[0.0, 0.0]]), TypeError, "model"),
    (lambda: bl.tent_loss_and_gradient(bl.TentModel.from_source(SOURCE, [0, 0], [1, 1]), [[0.0]]),
     ValueError, "X"),
    (lambda: bl.TentModel.from_source(SOURCE, [0, 0], [1, 0]), ValueError, "std"),
])
def test_bad_input_raises_and_names_the_argument(call, exc, name):
    with pytest.raises(exc, match=name):
        call()
