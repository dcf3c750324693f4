"""Softmax classification: softmax outputs, label smoothing, cross-entropy versus KL (notebook 04).

A classifier turns logits :math:`z \\in \\mathbb R^K` into probabilities
:math:`q = \\operatorname{softmax}(z)` and is trained on targets :math:`p` (one-hot labels, or
smoothed labels :math:`\\tilde p`) with the cross-entropy loss

.. math::

    H(p, q) = -\\sum_k p_k \\log q_k = H(p) + D_{KL}(p \\,\\|\\, q).

The entropy :math:`H(p)` does not depend on the logits, so the cross-entropy and the KL
divergence differ by a constant and have the same gradient,
:math:`\\partial H(p, q) / \\partial z = q - p`. Everything here works in log space
(:func:`log_softmax`), as ``torch.nn.CrossEntropyLoss`` does. The losses are means over the
examples, and their names say so (``mean_...``); :func:`bayeslearn.cross_entropy` is the
per-distribution one. Softmax regression trained on these losses is in
:mod:`bayeslearn.softmax_regression`; the finite-difference check of a gradient in
:mod:`bayeslearn.gradient_check`.
"""

from __future__ import annotations

import numpy as np
import scipy.special
from numpy.typing import ArrayLike, NDArray
from scipy.special import xlogy

from . import validation as v

__all__ = [
    "checked_labels",
    "log_softmax",
    "mean_softmax_cross_entropy",
    "mean_softmax_cross_entropy_gradient",
    "mean_softmax_kl_divergence",
    "smooth_label_array",
    "smooth_labels",
    "softmax",
]


# --- validation shared by the public functions ---------------------------------------------
def _logits(logits: object) -> np.ndarray:
    z = v.as_float_array(logits, "logits", keep_float32=True)  # float32 stays float32, as in scipy
    if not np.isfinite(z).all():
        raise ValueError("logits must be finite, got an infinite value")
    if z.ndim == 0:
        raise ValueError("logits must have at least one axis (the classes), got a scalar")
    if z.shape[-1] == 0:
        raise ValueError("logits must not be empty")
    return z


def _logits_and_targets(logits: object, targets: object) -> tuple[np.ndarray, np.ndarray]:
    z = _logits(logits)
    p = v.distribution(targets, "targets")
    if p.shape != z.shape:
        raise ValueError(f"targets must have the shape of logits, got {p.shape} and {z.shape}")
    if _rows(z) == 0:
        raise ValueError(f"logits must hold at least one row: the mean loss of no examples is undefined, "
                         f"got shape {z.shape}")
    return z, p


def _rows(z: np.ndarray) -> int:
    return int(np.prod(z.shape[:-1], dtype=int))


# --- softmax ------------------------------------------------------------------------------------
def softmax(logits: ArrayLike) -> NDArray[np.floating]:
    r"""Softmax over the last axis, :math:`q_k = e^{z_k} / \sum_j e^{z_j}`.

    Computed by :func:`scipy.special.softmax`, which subtracts :math:`\max_j z_j` first so
    that no exponential overflows.

    Used in: notebook 04, section 8; notebook 06, section 1; notebook 07, section 2; notebook 08, section 8

    Parameters
    ----------
    logits : array_like
        Logits :math:`z` with the classes on the last axis (batched over the others).

    Returns
    -------
    ndarray
        Probabilities of the same shape, non-negative and summing to 1 over the last axis;
        float32 for float32 logits (as :func:`scipy.special.softmax`), else float64.

    Raises
    ------
    ValueError
        If ``logits`` is a scalar, empty, NaN or infinite.

    See Also
    --------
    log_softmax

    Examples
    --------
    >>> softmax([0.0, np.log(3.0)]).round(6).tolist()
    [0.25, 0.75]
    """
    return scipy.special.softmax(_logits(logits), axis=-1)


def log_softmax(logits: ArrayLike) -> NDArray[np.floating]:
    r"""Log of the softmax over the last axis, :math:`\log q_k = z_k - \log\sum_j e^{z_j}`.

    Computed directly in log space (:func:`scipy.special.log_softmax`), never as
    ``log(softmax(z))``: for a logit far below the largest, the softmax underflows to 0 and
    its log is :math:`-\infty`, while :math:`z_k - \operatorname{logsumexp}(z)` stays exact.
    This is why deep-learning losses take logits and call ``log_softmax`` inside.

    Used in: notebook 04, section 4; notebook 04, section 10

    Parameters
    ----------
    logits : array_like
        Logits :math:`z` with the classes on the last axis (batched over the others).

    Returns
    -------
    ndarray
        Log-probabilities of the same shape, all :math:`\le 0` and finite; float32 for
        float32 logits, else float64.

    Raises
    ------
    ValueError
        If ``logits`` is a scalar, empty, NaN or infinite.

    See Also
    --------
    softmax, mean_softmax_cross_entropy

    Examples
    --------
    >>> log_softmax([1000.0, 0.0]).tolist()   # log(softmax) would give -inf
    [0.0, -1000.0]
    """
    return scipy.special.log_softmax(_logits(logits), axis=-1)


# --- labels -------------------------------------------------------------------------------------
def smooth_labels(labels: ArrayLike, num_classes: int, epsilon: float) -> NDArray[np.float64]:
    r"""Label smoothing: one-hot targets mixed with the uniform distribution.

    .. math::

        \tilde p = (1 - \varepsilon)\,\mathrm{onehot}(y) + \frac{\varepsilon}{K}

    so the true class gets :math:`1 - \varepsilon + \varepsilon/K` and every other class
    :math:`\varepsilon/K`. These are the targets of
    ``torch.nn.CrossEntropyLoss(label_smoothing=epsilon)``. :math:`\varepsilon = 0` gives
    one-hot labels, :math:`\varepsilon = 1` the uniform distribution.

    Used in: notebook 04, section 4; notebook 04, section 7; notebook 06, section 1; notebook 08, section 3

    Parameters
    ----------
    labels : array_like of int
        Class indices in :math:`\{0, \dots, K-1\}`, any shape.
    num_classes : int
        Number of classes :math:`K \ge 1`.
    epsilon : float
        Smoothing in [0, 1].

    Returns
    -------
    ndarray of shape ``labels.shape + (num_classes,)``
        One target distribution per label.

    Raises
    ------
    TypeError
        If ``num_classes`` is not an integer or ``labels`` is not numeric.
    ValueError
        If a label is negative, fractional or ``>= num_classes``, or ``epsilon`` is outside
        [0, 1].

    See Also
    --------
    mean_softmax_cross_entropy

    Examples
    --------
    >>> smooth_labels([0, 2], num_classes=3, epsilon=0.3).round(6).tolist()
    [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]
    """
    num_classes = v.length(num_classes, "num_classes", minimum=1)
    y = checked_labels(labels, "labels", num_classes, "num_classes = ")
    eps = v.scalar(v.probability(epsilon, "epsilon"), "epsilon")
    return smooth_label_array(y, num_classes, eps)


def checked_labels(labels: object, name: str, num_classes: int, what: str) -> NDArray[np.int_]:
    """Class indices in {0, ..., num_classes - 1}, as ints (checked before the conversion).

    Shared with :mod:`bayeslearn.softmax_regression`; ``name`` and ``what`` word the error.


    Used in: notebook 04, section 4; notebook 04, section 7; notebook 06, section 1; notebook 08, section 3
    """
    y = v.count(labels, name)
    if y.size and y.max() >= num_classes:
        raise ValueError(f"{name} must be < {what}{num_classes}, got {y.max():.0f}")
    return y.astype(int)


def smooth_label_array(y: np.ndarray, num_classes: int, epsilon: float) -> NDArray[np.float64]:
    """:func:`smooth_labels` of checked integer labels ``y`` (no validation: for trainers).


    Used in: notebook 04, section 4; notebook 04, section 7; notebook 06, section 1; notebook 08, section 3
    """
    targets = np.full((*y.shape, num_classes), epsilon / num_classes)
    np.put_along_axis(targets, y[..., None], 1.0 - epsilon + epsilon / num_classes, axis=-1)
    return targets


# --- losses and gradients -----------------------------------------------------------------------
def mean_softmax_cross_entropy(logits: ArrayLike, targets: ArrayLike) -> float:
    r"""Mean cross-entropy between targets and the softmax of logits, in nats.

    .. math::

        \frac1N \sum_{i=1}^N H(p_i, \operatorname{softmax}(z_i))
        = -\frac1N \sum_{i=1}^N \sum_k p_{ik}\,\bigl(z_{ik} - \log\textstyle\sum_j e^{z_{ij}}\bigr)

    The loss of ``torch.nn.CrossEntropyLoss`` (mean reduction) with probability targets,
    computed through :func:`log_softmax`, so it stays finite for any finite logits.

    Used in: notebook 04, section 4; notebook 06, section 2; notebook 07, section 3; notebook 08, section 3

    Parameters
    ----------
    logits : array_like
        Logits, classes on the last axis; the mean runs over all other axes.
    targets : array_like
        Target distributions of the same shape (one-hot, smoothed or any soft labels).

    Returns
    -------
    float
        The mean cross-entropy, :math:`\ge` the mean entropy of the targets.

    Raises
    ------
    ValueError
        If the logits are not finite, the targets are not distributions, the shapes differ,
        or there are no rows (the mean over no examples is undefined).

    See Also
    --------
    mean_softmax_kl_divergence, mean_softmax_cross_entropy_gradient, bayeslearn.cross_entropy

    Examples
    --------
    >>> round(mean_softmax_cross_entropy([[0.0, 0.0]], [[1.0, 0.0]]), 6)   # log 2
    0.693147
    """
    z, p = _logits_and_targets(logits, targets)
    return float(-(p * scipy.special.log_softmax(z, axis=-1)).sum() / _rows(z))


def mean_softmax_kl_divergence(logits: ArrayLike, targets: ArrayLike) -> float:
    r"""Mean KL divergence from the targets to the softmax of logits, in nats.

    .. math::

        \frac1N \sum_{i=1}^N D_{KL}(p_i \,\|\, \operatorname{softmax}(z_i))
        = \frac1N \sum_{i=1}^N \sum_k p_{ik} \bigl(\log p_{ik} - \log q_{ik}\bigr)

    with :math:`0 \log 0 = 0`. It equals :func:`mean_softmax_cross_entropy` minus the mean
    entropy of the targets, a constant, so it has the same gradient in the logits.

    Used in: notebook 04, section 4; notebook 04, section 10

    Parameters
    ----------
    logits : array_like
        Logits, classes on the last axis; the mean runs over all other axes.
    targets : array_like
        Target distributions of the same shape.

    Returns
    -------
    float
        The mean KL divergence, :math:`\ge 0`.

    Raises
    ------
    ValueError
        If the logits are not finite, the targets are not distributions, the shapes differ,
        or there are no rows (the mean over no examples is undefined).

    See Also
    --------
    mean_softmax_cross_entropy, bayeslearn.kl_divergence

    Examples
    --------
    >>> mean_softmax_kl_divergence([[0.0, 0.0]], [[0.5, 0.5]])
    0.0
    """
    z, p = _logits_and_targets(logits, targets)
    # >= 0; rounding in a sum of terms of both signs could leave -1e-17
    return max(float((xlogy(p, p) - p * scipy.special.log_softmax(z, axis=-1)).sum() / _rows(z)), 0.0)


def mean_softmax_cross_entropy_gradient(logits: ArrayLike, targets: ArrayLike) -> NDArray[np.floating]:
    r"""Gradient of :func:`mean_softmax_cross_entropy` in the logits.

    .. math::

        \frac{\partial}{\partial z_{ik}} \frac1N \sum_{i} H(p_i, \operatorname{softmax}(z_i))
        = \frac{q_{ik} - p_{ik}}{N}

    "prediction minus target": the same for the KL loss, because the two losses differ by
    the targets' entropy, which does not depend on :math:`z`.

    Used in: notebook 04, section 4; notebook 07, section 3

    Parameters
    ----------
    logits : array_like
        Logits, classes on the last axis.
    targets : array_like
        Target distributions of the same shape.

    Returns
    -------
    ndarray
        The gradient, of the shape of ``logits``; each row sums to 0.

    Raises
    ------
    ValueError
        If the logits are not finite, the targets are not distributions, the shapes differ,
        or there are no rows (the mean over no examples is undefined).

    See Also
    --------
    mean_softmax_cross_entropy, bayeslearn.numerical_gradient

    Examples
    --------
    >>> mean_softmax_cross_entropy_gradient([[0.0, 0.0]], [[1.0, 0.0]]).tolist()
    [[-0.5, 0.5]]
    """
    z, p = _logits_and_targets(logits, targets)
    return (scipy.special.softmax(z, axis=-1) - p) / _rows(z)
