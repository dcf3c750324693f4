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

from . import _validate as v

__all__ = ["ReliabilityDiagram", "expected_calibration_error", "reliability_diagram"]


@dataclass(frozen=True)
class ReliabilityDiagram:
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


def _predictions(probabilities: object, labels: object) -> tuple[np.ndarray, np.ndarray]:
    q = v.distribution(probabilities, "probabilities")
    if q.ndim != 2:
        raise ValueError(f"probabilities must have shape (n, K), got {q.shape}")
    if q.shape[0] == 0:
        raise ValueError("probabilities must have at least one row: no predictions, nothing to calibrate")
    y = v.count(labels, "labels").astype(int)
    if y.shape != (q.shape[0],):
        raise ValueError(f"labels must have one entry per row of probabilities, got shapes {y.shape} and {q.shape}")
    if y.max() >= q.shape[1]:
        raise ValueError(f"labels must be < the number of classes {q.shape[1]}, got {y.max()}")
    return q, y


def reliability_diagram(probabilities, labels, num_bins: int = 10) -> ReliabilityDiagram:
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

    Examples
    --------
    >>> diagram = reliability_diagram([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]], [0, 1, 1], num_bins=2)
    >>> diagram.counts.tolist(), diagram.accuracy.round(4).tolist(), diagram.confidence.round(4).tolist()
    ([0, 3], [0.0, 0.6667], [0.0, 0.8])
    """
    q, y = _predictions(probabilities, labels)
    num_bins = v.integer(num_bins, "num_bins", minimum=1)
    edges = np.linspace(0.0, 1.0, num_bins + 1)
    confidence = q.max(axis=1)
    correct = (q.argmax(axis=1) == y).astype(float)
    # bin m holds (edges[m], edges[m + 1]]; a confidence of exactly 0 goes to the first bin
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, num_bins - 1)
    counts = np.bincount(index, minlength=num_bins)
    occupied = np.maximum(counts, 1)  # empty bins: sums are 0, so the means come out 0
    mean_confidence = np.bincount(index, weights=confidence, minlength=num_bins) / occupied
    accuracy = np.bincount(index, weights=correct, minlength=num_bins) / occupied
    return ReliabilityDiagram(edges, mean_confidence, accuracy, counts)


def expected_calibration_error(probabilities, labels, num_bins: int = 10) -> float:
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

    Examples
    --------
    Always 90 % sure and right 3 times out of 4: a gap of 0.15.

    >>> q = [[0.9, 0.1], [0.9, 0.1], [0.1, 0.9], [0.1, 0.9]]
    >>> round(expected_calibration_error(q, [0, 0, 1, 0]), 6)
    0.15
    """
    return reliability_diagram(probabilities, labels, num_bins).expected_calibration_error
