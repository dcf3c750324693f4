"""Reliability diagrams and the expected calibration error, checked against a hand-worked
example, a plain loop, scikit-learn's calibration_curve and properties of the ECE."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import softmax
from sklearn.calibration import calibration_curve
from sklearn.metrics import accuracy_score, log_loss

import bayeslearn as bl


def random_predictions(n, k, seed, concentration=0.3):
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.full(k, concentration), size=n), rng.integers(k, size=n)


def loop_reference(q, y, num_bins):
    """The definition, one prediction at a time (Guo et al., 2017, eq. 3 and section 2)."""
    edges = np.linspace(0, 1, num_bins + 1)
    conf, acc, count = np.zeros(num_bins), np.zeros(num_bins), np.zeros(num_bins, dtype=int)
    for probs, label in zip(q, y, strict=True):
        c = probs.max()
        m = next(m for m in range(num_bins) if c <= edges[m + 1])  # (e_m, e_{m+1}], 0 in the first
        conf[m] += c
        acc[m] += float(np.argmax(probs) == label)
        count[m] += 1
    filled = count > 0
    conf[filled] /= count[filled]
    acc[filled] /= count[filled]
    ece = sum(count[m] / len(y) * abs(acc[m] - conf[m]) for m in range(num_bins))
    return conf, acc, count, ece


def test_hand_computed_example():
    # Five 3-class predictions, four bins of width 0.25:
    #   conf 0.50 (class 0, label 0: right) -> bin (0.25, 0.50]
    #   conf 0.60 (class 1, label 2: wrong) -> bin (0.50, 0.75]
    #   conf 0.70 (class 2, label 2: right) -> bin (0.50, 0.75]
    #   conf 0.90 (class 0, label 0: right) -> bin (0.75, 1.00]
    #   conf 0.80 (class 1, label 0: wrong) -> bin (0.75, 1.00]
    # bin 1: conf 0.50, acc 1   -> |gap| 0.50, weight 1/5
    # bin 2: conf 0.65, acc 1/2 -> |gap| 0.15, weight 2/5
    # bin 3: conf 0.85, acc 1/2 -> |gap| 0.35, weight 2/5
    # ECE = 0.5/5 + 2 * 0.15/5 + 2 * 0.35/5 = 0.1 + 0.06 + 0.14 = 0.30
    q = [[0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7], [0.9, 0.05, 0.05], [0.1, 0.8, 0.1]]
    y = [0, 2, 2, 0, 0]
    diagram = bl.reliability_diagram(q, y, num_bins=4)
    np.testing.assert_allclose(diagram.edges, [0, 0.25, 0.5, 0.75, 1.0])
    assert diagram.counts.tolist() == [0, 1, 2, 2]
    np.testing.assert_allclose(diagram.confidence, [0.0, 0.5, 0.65, 0.85], rtol=1e-12)
    np.testing.assert_allclose(diagram.accuracy, [0.0, 1.0, 0.5, 0.5], rtol=1e-12)
    np.testing.assert_allclose(diagram.centres, [0.125, 0.375, 0.625, 0.875])
    assert bl.expected_calibration_error(q, y, num_bins=4) == pytest.approx(0.30, abs=1e-12)
    assert diagram.expected_calibration_error == pytest.approx(0.30, abs=1e-12)


@pytest.mark.parametrize(("n", "k", "num_bins", "seed"),
                         [(1, 2, 1, 0), (50, 2, 10, 1), (400, 3, 15, 2), (1000, 10, 7, 3)])
def test_matches_the_loop_over_predictions(n, k, num_bins, seed):
    q, y = random_predictions(n, k, seed)
    conf, acc, count, ece = loop_reference(q, y, num_bins)
    diagram = bl.reliability_diagram(q, y, num_bins=num_bins)
    assert np.array_equal(diagram.counts, count)
    np.testing.assert_allclose(diagram.confidence, conf, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(diagram.accuracy, acc, rtol=1e-12, atol=1e-15)
    assert bl.expected_calibration_error(q, y, num_bins=num_bins) == pytest.approx(ece, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("num_bins", [5, 10, 20])
def test_binary_case_matches_sklearn_calibration_curve(num_bins):
    """With P(class 1) > 1/2 everywhere, confidence is P(class 1) and accuracy is the fraction of 1s."""
    rng = np.random.default_rng(num_bins)
    p1 = rng.uniform(0.5, 1.0, size=3000)
    p1 = p1[p1 > 0.5]
    y = (rng.random(p1.size) < p1**2).astype(int)  # over-confident on purpose
    q = np.column_stack([1 - p1, p1])
    frac_pos, mean_pred = calibration_curve(y, p1, n_bins=num_bins, strategy="uniform")
    diagram = bl.reliability_diagram(q, y, num_bins=num_bins)
    filled = diagram.counts > 0
    np.testing.assert_allclose(diagram.accuracy[filled], frac_pos, rtol=1e-12)
    np.testing.assert_allclose(diagram.confidence[filled], mean_pred, rtol=1e-12)


def test_bin_edges_are_closed_on_the_right():
    q = [[0.5, 0.5], [0.0, 1.0], [0.75, 0.25]]          # confidences 0.5, 1.0, 0.75
    diagram = bl.reliability_diagram(q, [0, 1, 0], num_bins=4)
    assert diagram.counts.tolist() == [0, 1, 1, 1]      # 0.5 in (0.25, 0.5], 0.75 in (0.5, 0.75], 1 in the last
    assert bl.reliability_diagram([[1.0, 0.0]], [0], num_bins=3).counts.tolist() == [0, 0, 1]


def test_zero_ece_for_calibrated_bins_and_one_for_sure_and_always_wrong():
    # ten predictions at 0.7, seven of them right: accuracy = confidence in the only bin
    q = np.tile([0.7, 0.3], (10, 1))
    y = np.array([0] * 7 + [1] * 3)
    assert bl.expected_calibration_error(q, y) == pytest.approx(0.0, abs=1e-12)
    assert bl.expected_calibration_error(np.eye(3)[[0, 1, 2]], [0, 1, 2]) == 0.0
    assert bl.expected_calibration_error(np.eye(3)[[0, 1, 2]], [1, 2, 0]) == 1.0


def test_labels_drawn_from_the_predictions_are_calibrated():
    q, _ = random_predictions(40_000, 4, seed=5, concentration=1.0)
    rng = np.random.default_rng(6)
    y = (rng.random((len(q), 1)) > q.cumsum(axis=1)).sum(axis=1)    # y ~ q, row by row
    assert bl.expected_calibration_error(q, y, num_bins=10) < 0.015
    over = np.sqrt(q) / np.sqrt(q).sum(axis=1, keepdims=True)       # flatter than the truth...
    assert bl.expected_calibration_error(over, y, num_bins=10) > 0.05  # ...is under-confident


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 300), k=st.integers(2, 6), num_bins=st.integers(1, 20), seed=st.integers(0, 10_000))
def test_ece_properties(n, k, num_bins, seed):
    q, y = random_predictions(n, k, seed)
    diagram = bl.reliability_diagram(q, y, num_bins=num_bins)
    ece = diagram.expected_calibration_error
    assert diagram.counts.sum() == n and np.all(diagram.counts >= 0)
    assert np.all((diagram.accuracy >= 0) & (diagram.accuracy <= 1))
    filled = diagram.counts > 0
    assert np.all(diagram.confidence[filled] >= 1 / k - 1e-12) and np.all(diagram.confidence <= 1 + 1e-12)
    assert 0.0 <= ece <= 1.0
    accuracy, confidence = (q.argmax(axis=1) == y).mean(), q.max(axis=1).mean()
    one_bin = bl.expected_calibration_error(q, y, num_bins=1)
    assert one_bin == pytest.approx(abs(accuracy - confidence), abs=1e-12)
    assert ece >= one_bin - 1e-12                                     # triangle inequality
    assert bl.expected_calibration_error(q, y, num_bins=2 * num_bins) >= ece - 1e-12   # finer bins: no lower
    order = np.random.default_rng(seed).permutation(n)
    assert bl.expected_calibration_error(q[order], y[order], num_bins=num_bins) == pytest.approx(ece, abs=1e-12)


@pytest.mark.parametrize(("args", "error", "match"), [
    (([[0.5, 0.5]], [0], 0), ValueError, "num_bins"),
    (([[0.5, 0.5]], [0], 2.5), ValueError, "num_bins"),
    (([[0.5, 0.5]], [0], "ten"), TypeError, "num_bins"),
    (([[0.5, 0.6]], [0], 10), ValueError, "probabilities"),
    (([0.5, 0.5], [0], 10), ValueError, "probabilities must have shape"),
    ((np.zeros((0, 2)), [], 10), ValueError, "at least one row"),
    (([[0.5, 0.5]], [0, 1], 10), ValueError, "one entry per row"),
    (([[0.5, 0.5]], [2], 10), ValueError, "labels must be <"),
    (([[0.5, 0.5]], [-1], 10), ValueError, "labels"),
    (([[0.5, 0.5]], [0.5], 10), ValueError, "labels"),
])
def test_rejects_bad_arguments(args, error, match):
    for func in (bl.reliability_diagram, bl.expected_calibration_error):
        with pytest.raises(error, match=match):
            func(*args)


# --- the report from logits ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("n", "k", "seed"), [(1, 2, 0), (200, 3, 1), (1000, 5, 2)])
def test_report_matches_sklearn_metrics_and_the_ece(n, k, seed):
    rng = np.random.default_rng(seed)
    logits, y = rng.normal(scale=3.0, size=(n, k)), rng.integers(k, size=n)
    q = softmax(logits, axis=1)
    report = bl.calibration_report(logits, y, num_bins=12)
    assert report.log_loss == pytest.approx(log_loss(y, q, labels=np.arange(k)), rel=1e-10)
    assert report.accuracy == pytest.approx(accuracy_score(y, q.argmax(axis=1)), abs=1e-15)
    assert report.mean_confidence == pytest.approx(q.max(axis=1).mean(), rel=1e-12)
    ece = bl.expected_calibration_error(q, y, num_bins=12)
    assert report.expected_calibration_error == pytest.approx(ece, abs=1e-15)
    assert np.array_equal(report.diagram.counts, bl.reliability_diagram(q, y, num_bins=12).counts)
    # the report's accuracy is the bin-size-weighted accuracy of its diagram
    assert report.accuracy == pytest.approx((report.diagram.counts * report.diagram.accuracy).sum() / n, abs=1e-12)


def test_report_log_loss_stays_exact_for_huge_wrong_logits():
    report = bl.calibration_report([[0.0, 2000.0], [3000.0, 0.0]], [0, 0])
    assert report.log_loss == pytest.approx(1000.0, rel=1e-12)     # (2000 + 0) / 2
    assert report.accuracy == 0.5 and report.mean_confidence == 1.0


@pytest.mark.parametrize(("args", "error", "match"), [
    (([0.0, 1.0], [0]), ValueError, "logits must have shape"),
    (([[0.0, np.inf]], [0]), ValueError, "logits"),
    (([[0.0, 1.0]], [2]), ValueError, "labels"),
    ((np.zeros((0, 2)), []), ValueError, "at least one row"),
])
def test_report_rejects_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        bl.calibration_report(*args)
