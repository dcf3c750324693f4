r"""Calibration: do a classifier's probabilities mean what they say? (notebook 06).

A classifier is **calibrated** when, among the inputs to which it gives its top class a
probability of about :math:`c`, a fraction :math:`c` really are of that class. A reliability
diagram checks this by binning the predictions by their *confidence*
:math:`\hat c_i = \max_k q_{ik}` and comparing, bin by bin, the mean confidence with the
*accuracy*, the fraction of predictions whose top class is the true label (Guo et al., 2017).
The **expected calibration error** summarises the diagram as the bin-size-weighted mean gap,

.. math::

    \mathrm{ECE} = \sum_{m=1}^M \frac{|B_m|}{n}\,
    \bigl|\operatorname{acc}(B_m) - \operatorname{conf}(B_m)\bigr| .

A network that is right 85 % of the time but says 99 % is *over-confident*: its bars sit
below the diagonal. Label smoothing and mixup (:mod:`bayeslearn.mixup`) pull the confidence
down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import log_softmax

from . import validation as v
from .records import Record

__all__ = [
    "CalibrationReport",
    "ReliabilityDiagram",
    "calibration_report",
    "expected_calibration_error",
    "reliability_diagram",
]


@dataclass(frozen=True, repr=False)
class ReliabilityDiagram(Record):
    r"""Per-bin confidence, accuracy and counts of a classifier's predictions.

    Bin :math:`m` holds the predictions whose confidence lies in
    :math:`(e_m, e_{m+1}]` (the first bin also holds a confidence of exactly 0).

    Attributes
    ----------
    edges : ndarray of shape (M + 1,)
        Bin edges :math:`0 = e_0 < e_1 < \dots < e_M = 1`.
    confidence : ndarray of shape (M,)
        Mean confidence :math:`\max_k q_{ik}` of the predictions in each bin; 0 for an empty bin.
    accuracy : ndarray of shape (M,)
        Fraction of the predictions in each bin whose top class is the label; 0 for an empty bin.
    counts : ndarray of int, shape (M,)
        Number of predictions in each bin.
    """

    edges: np.ndarray
    confidence: np.ndarray
    accuracy: np.ndarray
    counts: np.ndarray

    @property
    def centres(self) -> np.ndarray:
        """Midpoints of the bins, shape (M,): where to draw the bars."""
        return 0.5 * (self.edges[:-1] + self.edges[1:])

    @property
    def expected_calibration_error(self) -> float:
        r"""ECE :math:`= \sum_m (|B_m|/n)\,|\operatorname{acc}(B_m) - \operatorname{conf}(B_m)|`."""
        total = self.counts.sum()
        return float((self.counts * np.abs(self.accuracy - self.confidence)).sum() / total)


def _predictions(probabilities: object, labels: object, rows: str = "probabilities") -> tuple[np.ndarray, np.ndarray]:
    q = v.distribution(probabilities, "probabilities")
    if q.ndim != 2:
        raise ValueError(f"probabilities must have shape (n, K), got {q.shape}")
    if q.shape[0] == 0:
        raise ValueError("probabilities must have at least one row: no predictions, nothing to calibrate")
    y = v.count(labels, "labels")
    if y.shape != (q.shape[0],):
        raise ValueError(f"labels must have one entry per row of {rows}, got shapes {y.shape} and {q.shape}")
    if y.max() >= q.shape[1]:
        raise ValueError(f"labels must be < the number of classes {q.shape[1]}, got {y.max():.0f}")
    return q, y.astype(int)


def reliability_diagram(probabilities: ArrayLike, labels: ArrayLike, num_bins: int = 10) -> ReliabilityDiagram:
    r"""Bin predictions by confidence and measure each bin's accuracy: a reliability diagram.

    With confidences :math:`\hat c_i = \max_k q_{ik}`, predictions
    :math:`\hat y_i = \arg\max_k q_{ik}` and :math:`M` equal-width bins :math:`B_m` on [0, 1],

    .. math::

        \operatorname{conf}(B_m) = \frac{1}{|B_m|}\sum_{i \in B_m} \hat c_i, \qquad
        \operatorname{acc}(B_m) = \frac{1}{|B_m|}\sum_{i \in B_m} \mathbb 1[\hat y_i = y_i].

    A calibrated classifier has :math:`\operatorname{acc}(B_m) \approx \operatorname{conf}(B_m)`
    in every bin: its bars follow the diagonal. Ties in the arg max go to the lowest class
    index, as in ``numpy.argmax``.

    Parameters
    ----------
    probabilities : array_like of shape (n, K)
        Predicted distributions (rows sum to 1), n >= 1.
    labels : array_like of int, shape (n,)
        True classes in :math:`\{0, \dots, K-1\}`.
    num_bins : int, default 10
        Number of bins :math:`M \ge 1`.

    Returns
    -------
    ReliabilityDiagram
        Edges, per-bin confidence and accuracy (0 where a bin is empty) and counts.

    Raises
    ------
    ValueError
        If ``probabilities`` is not an (n, K) array of distributions with n >= 1, or the
        labels do not match it.
    TypeError
        If ``num_bins`` is not an integer.

    See Also
    --------
    expected_calibration_error

    Notes
    -----
    Used in: notebook 07, section 8.

    References
    ----------
    .. [1] Naeini, M. P., Cooper, G. F. and Hauskrecht, M. (2015). Obtaining well calibrated probabilities
       using Bayesian binning. *AAAI*.
    .. [2] Guo, C., Pleiss, G., Sun, Y. and Weinberger, K. Q. (2017). On calibration of modern neural
       networks. *ICML*.

    Examples
    --------
    >>> diagram = reliability_diagram([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]], [0, 1, 1], num_bins=2)
    >>> diagram.counts.tolist(), diagram.accuracy.round(4).tolist(), diagram.confidence.round(4).tolist()
    ([0, 3], [0.0, 0.6667], [0.0, 0.8])
    """
    q, y = _predictions(probabilities, labels)
    return _diagram(q, y, num_bins)[0]


def _diagram(q: np.ndarray, y: np.ndarray, num_bins: object) -> tuple[ReliabilityDiagram, np.ndarray, np.ndarray]:
    """:func:`reliability_diagram` of checked predictions, with each row's confidence and 0/1 correctness."""
    num_bins = v.length(num_bins, "num_bins", minimum=1)
    edges = np.linspace(0.0, 1.0, num_bins + 1)
    confidence = q.max(axis=1)
    correct = (q.argmax(axis=1) == y).astype(float)
    # bin m holds (edges[m], edges[m + 1]]; a confidence of exactly 0 goes to the first bin
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, num_bins - 1)
    counts = np.bincount(index, minlength=num_bins)
    occupied = np.maximum(counts, 1)  # empty bins: sums are 0, so the means come out 0
    mean_confidence = np.bincount(index, weights=confidence, minlength=num_bins) / occupied
    accuracy = np.bincount(index, weights=correct, minlength=num_bins) / occupied
    return ReliabilityDiagram(edges, mean_confidence, accuracy, counts), confidence, correct


def expected_calibration_error(probabilities: ArrayLike, labels: ArrayLike, num_bins: int = 10) -> float:
    r"""Expected calibration error: the mean gap between confidence and accuracy.

    .. math::

        \mathrm{ECE} = \sum_{m=1}^M \frac{|B_m|}{n}\,
        \bigl|\operatorname{acc}(B_m) - \operatorname{conf}(B_m)\bigr|

    over the bins of :func:`reliability_diagram` (Naeini et al., 2015; Guo et al., 2017). It
    lies in [0, 1]; 0 means every bin's accuracy equals its mean confidence. It is never
    below :math:`|\text{accuracy} - \text{mean confidence}|` (the one-bin ECE), and splitting
    bins can only raise it. It depends on the binning, and it is noisy for small n: read it
    beside the diagram, not alone.

    Parameters
    ----------
    probabilities : array_like of shape (n, K)
        Predicted distributions, n >= 1.
    labels : array_like of int, shape (n,)
        True classes.
    num_bins : int, default 10
        Number of equal-width bins :math:`M \ge 1` on [0, 1].

    Returns
    -------
    float
        The ECE (a probability gap, no unit).

    Raises
    ------
    ValueError
        If the predictions or labels are invalid (see :func:`reliability_diagram`).
    TypeError
        If ``num_bins`` is not an integer.

    See Also
    --------
    reliability_diagram

    Notes
    -----
    Used in: notebook 06, section 7.

    References
    ----------
    .. [1] Naeini, M. P., Cooper, G. F. and Hauskrecht, M. (2015). Obtaining well calibrated probabilities
       using Bayesian binning. *AAAI*.
    .. [2] Guo, C., Pleiss, G., Sun, Y. and Weinberger, K. Q. (2017). On calibration of modern neural
       networks. *ICML*.

    Examples
    --------
    Always 90 % sure and right 3 times out of 4: a gap of 0.15.

    >>> q = [[0.9, 0.1], [0.9, 0.1], [0.1, 0.9], [0.1, 0.9]]
    >>> round(expected_calibration_error(q, [0, 0, 1, 0]), 6)
    0.15
    """
    return reliability_diagram(probabilities, labels, num_bins).expected_calibration_error


@dataclass(frozen=True, repr=False)
class CalibrationReport(Record):
    r"""How a classifier does on a labelled (held-out) set: right, sure, and honest about it.

    Attributes
    ----------
    accuracy : float
        Fraction of inputs whose top class is the label.
    log_loss : float
        Mean cross-entropy :math:`-\frac1n \sum_i \log q_{i y_i}` in nats (the negative mean
        log-likelihood of the labels).
    mean_confidence : float
        Mean of :math:`\max_k q_{ik}`.
    expected_calibration_error : float
        The ECE of :attr:`diagram`.
    diagram : ReliabilityDiagram
        The per-bin confidence, accuracy and counts.
    """

    accuracy: float
    log_loss: float
    mean_confidence: float
    expected_calibration_error: float
    diagram: ReliabilityDiagram


def calibration_report(logits: ArrayLike, labels: ArrayLike, num_bins: int = 10) -> CalibrationReport:
    r"""Accuracy, log-loss, mean confidence and reliability diagram of predictions given as logits.

    With :math:`\log q_i = \operatorname{log\_softmax}(z_i)`,

    .. math::

        \text{log-loss} = -\frac1n \sum_{i=1}^n \log q_{i y_i}, \qquad
        \text{accuracy} = \frac1n \sum_{i=1}^n \mathbb 1[\arg\max_k q_{ik} = y_i],

    and the reliability diagram and ECE of :math:`q` (:func:`reliability_diagram`). Taking
    logits keeps the log-loss finite and exact however confident (and wrong) a prediction is:
    the log is never taken of a probability that has underflowed to 0.

    Parameters
    ----------
    logits : array_like of shape (n, K)
        Finite logits, n >= 1.
    labels : array_like of int, shape (n,)
        True classes.
    num_bins : int, default 10
        Number of equal-width confidence bins on [0, 1].

    Returns
    -------
    CalibrationReport

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (n, K) array with n >= 1 or the labels do not match it.
    TypeError
        If ``num_bins`` is not an integer.

    See Also
    --------
    reliability_diagram, bayeslearn.softmax_cross_entropy

    Notes
    -----
    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 6; notebook 06, section 8;
    notebook 07, section 1; notebook 07, section 4; notebook 08, section 3.

    References
    ----------
    .. [1] Guo, C., Pleiss, G., Sun, Y. and Weinberger, K. Q. (2017). On calibration of modern neural
       networks. *ICML*.

    Examples
    --------
    >>> report = calibration_report([[2.0, 0.0], [0.0, 1000.0]], [0, 0])
    >>> round(report.accuracy, 6), round(report.log_loss, 4)   # the second costs 1000 nats
    (0.5, 500.0635)
    """
    z = v.finite(logits, "logits")
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (n, K), got {z.shape}")
    log_q = log_softmax(z, axis=1)
    q, y = _predictions(np.exp(log_q), labels, rows="logits")
    diagram, confidence, correct = _diagram(q, y, num_bins)
    return CalibrationReport(
        accuracy=float(correct.mean()),
        log_loss=float(-log_q[np.arange(y.size), y].mean()),
        mean_confidence=float(confidence.mean()),
        expected_calibration_error=diagram.expected_calibration_error,
        diagram=diagram,
    )
