r"""Softmax regression trained by gradient descent on smoothed labels (notebook 04).

:math:`q(x) = \operatorname{softmax}(x W + b)`, trained from zero on the mean cross-entropy with
label-smoothed targets and an L2 penalty; the loss histories show that the cross-entropy and the
KL divergence differ by a constant (the targets' entropy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import log_softmax, softmax, xlogy

from . import validation as v
from .classification import checked_labels, smooth_label_array
from .records import Record

__all__ = ["SoftmaxRegression", "train_softmax_regression"]


@dataclass(frozen=True, repr=False)
class SoftmaxRegression(Record):
    r"""A trained softmax-regression classifier, :math:`q(x) = \operatorname{softmax}(x W + b)`.

    Used in: notebook 04, section 4; notebook 04, section 7; notebook 04, section 8; notebook 06, section 1.
    Returned there by :func:`train_softmax_regression`.

    Attributes
    ----------
    weights : ndarray of shape (d, K)
    bias : ndarray of shape (K,)
    epsilon : float
        The label smoothing it was trained with.
    cross_entropy : ndarray of shape (steps + 1,)
        Mean training cross-entropy against the smoothed labels, before the first step and
        after each step (nats).
    kl_divergence : ndarray of shape (steps + 1,)
        Mean training KL divergence from the smoothed labels to the predictions (nats),
        clipped at 0 against rounding error.
    eval_cross_entropy : ndarray of shape (steps + 1,) or None
        Mean cross-entropy on the evaluation set, with the same smoothing, if one was given.

    Examples
    --------
    >>> model = train_softmax_regression([[0.0], [1.0]], [0, 1], num_classes=2, steps=3)
    >>> model.predict_proba([[0.0]]).shape
    (1, 2)
    """

    weights: NDArray[np.float64]
    bias: NDArray[np.float64]
    epsilon: float
    cross_entropy: NDArray[np.float64]
    kl_divergence: NDArray[np.float64]
    eval_cross_entropy: NDArray[np.float64] | None = None

    def logits(self, X: ArrayLike) -> NDArray[np.float64]:
        """The logits :math:`X W + b` for inputs of shape (n, d)."""
        X = v.matrix(X, "X")
        if X.shape[1] != self.weights.shape[0]:
            raise ValueError(f"X must have {self.weights.shape[0]} columns (features), got {X.shape[1]}")
        return X @ self.weights + self.bias

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Class probabilities :math:`\\operatorname{softmax}(X W + b)`, shape (n, K)."""
        return softmax(self.logits(X), axis=-1)


def _classification_data(X: object, labels: object, num_classes: int,
                         name: str) -> tuple[np.ndarray, np.ndarray]:
    X = v.matrix(X, name)
    label_name = "labels" if name == "X" else "eval_labels"
    y = checked_labels(labels, label_name, num_classes, "num_classes = ")
    if y.shape != (X.shape[0],):
        raise ValueError(f"{label_name} must have one entry per row of {name}, got shapes {y.shape} and {X.shape}")
    return X, y


def train_softmax_regression(
    X: ArrayLike,
    labels: ArrayLike,
    num_classes: int,
    epsilon: float = 0.0,
    learning_rate: float = 0.5,
    steps: int = 100,
    alpha: float = 0.0,
    eval_X: ArrayLike | None = None,
    eval_labels: ArrayLike | None = None,
) -> SoftmaxRegression:
    r"""Train softmax regression by full-batch gradient descent on the smoothed cross-entropy.

    Minimises, from :math:`W = 0, b = 0` (the uniform prediction),

    .. math::

        J(W, b) = \frac1N \sum_{i=1}^N H\bigl(\tilde p_i, \operatorname{softmax}(x_i W + b)\bigr)
                  + \frac{\lambda}{2} \lVert W \rVert^2,
        \qquad
        \nabla_W J = \frac1N X^\top (Q - \tilde P) + \lambda W,\quad
        \nabla_b J = \frac1N \mathbf 1^\top (Q - \tilde P)

    with :math:`\tilde p_i` the labels smoothed by ``epsilon`` (:func:`smooth_labels`) and
    :math:`\lambda` = ``alpha`` the L2 penalty (a Gaussian prior on the weights; the bias is not
    penalised, as in scikit-learn's ``LogisticRegression``). It records the mean training
    cross-entropy and KL divergence at every step (without the penalty); they differ by the
    constant :math:`\frac1N\sum_i H(\tilde p_i)`.

    Used in: notebook 04, section 4; notebook 04, section 7; notebook 04, section 8; notebook 06, section 1

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs, n >= 1.
    labels : array_like of int, shape (n,)
        Classes in :math:`\{0, \dots, K-1\}`.
    num_classes : int
        Number of classes :math:`K \ge 2`.
    epsilon : float, default 0.0
        Label smoothing in [0, 1].
    learning_rate : float, default 0.5
        Step size, > 0.
    steps : int, default 100
        Number of gradient steps, >= 0.
    alpha : float, default 0.0
        :math:`\lambda \ge 0`, the strength of the penalty :math:`\tfrac{\lambda}{2}\lVert W\rVert^2`.
    eval_X, eval_labels : array_like, optional
        A held-out set whose mean cross-entropy (same smoothing) is recorded at every step.

    Returns
    -------
    SoftmaxRegression
        Weights, bias and the loss histories (length ``steps + 1``).

    Raises
    ------
    ValueError
        If ``X`` has no rows or is not 2-D, the labels do not match ``X`` or are out of
        range, a hyper-parameter is out of its domain, ``learning_rate * alpha >= 2``
        (the decay alone diverges), or the weights overflow during training.
    TypeError
        If ``num_classes`` or ``steps`` is not an integer.

    See Also
    --------
    bayeslearn.smooth_labels, bayeslearn.mean_softmax_cross_entropy_gradient

    Examples
    --------
    >>> from bayeslearn.data import gaussian_blobs
    >>> X, y = gaussian_blobs(200, seed=0)
    >>> model = train_softmax_regression(X, y, num_classes=3, epsilon=0.1, steps=50)
    >>> round(float(model.cross_entropy[0]), 6)      # log 3: the uniform prediction
    1.098612
    >>> bool(model.cross_entropy[-1] < model.cross_entropy[0])
    True
    """
    num_classes = v.length(num_classes, "num_classes", minimum=2)
    X, y = _classification_data(X, labels, num_classes, "X")
    if X.shape[0] == 0:
        raise ValueError("X must have at least one row: no data, nothing to train on")
    eps = v.scalar(v.probability(epsilon, "epsilon"), "epsilon")
    lr = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    steps = v.length(steps, "steps", minimum=0)
    lam = v.scalar(v.non_negative(alpha, "alpha"), "alpha")
    if (eval_X is None) != (eval_labels is None):
        raise ValueError("eval_X and eval_labels must be given together")
    if eval_X is not None:
        eval_X, eval_y = _classification_data(eval_X, eval_labels, num_classes, "eval_X")
        if eval_X.shape[1] != X.shape[1] or eval_X.shape[0] == 0:
            raise ValueError(f"eval_X must have rows of {X.shape[1]} features, got shape {eval_X.shape}")
        eval_targets = smooth_label_array(eval_y, num_classes, eps)
    if lr * lam >= 2.0:
        raise ValueError(
            f"learning_rate must be < 2 / alpha = {2.0 / lam:.4g} (the penalty alone would "
            f"diverge), got {lr}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        model = _train(X, smooth_label_array(y, num_classes, eps), eps, lr, steps, lam,
                       eval_X, eval_targets if eval_X is not None else None)
    if not (np.isfinite(model.weights).all() and np.isfinite(model.cross_entropy).all()):
        raise ValueError(f"learning_rate or X: the weights overflowed during training (learning_rate {lr:.4g} "
                         f"is too large for inputs of size up to {np.abs(X).max():.3g})")
    return model


#: Up to this many features the (K x d) by (d x n) products are done feature by feature,
#: without BLAS (and the loss sums without ``vdot``): for such skinny products a threaded
#: BLAS spends more time starting and synchronising threads than computing, and on a busy
#: machine that costs ~100x.
_ELEMENTWISE_FEATURES = 8


def _logits_columns(WT: np.ndarray, b: np.ndarray, XT: np.ndarray) -> np.ndarray:
    if XT.shape[0] > _ELEMENTWISE_FEATURES:
        return WT @ XT + b
    z = np.repeat(b, XT.shape[1], axis=1)
    for j in range(XT.shape[0]):
        z += WT[:, j : j + 1] * XT[j]
    return z


def _weight_gradient(residual: np.ndarray, XT: np.ndarray) -> np.ndarray:
    if XT.shape[0] > _ELEMENTWISE_FEATURES:
        return residual @ XT.T
    return np.stack([(residual * XT[j]).sum(axis=1) for j in range(XT.shape[0])], axis=1)


def _train(X: np.ndarray, targets: np.ndarray, eps: float, lr: float, steps: int, lam: float,
           eval_X: np.ndarray | None, eval_targets: np.ndarray | None) -> SoftmaxRegression:
    # Work on transposed, contiguous (features x n) and (K x n) arrays: numpy reduces over a
    # short leading axis far faster than over a short trailing one.
    n, d = X.shape
    XT, P = np.ascontiguousarray(X.T), np.ascontiguousarray(targets.T)
    WT = np.zeros((targets.shape[1], d))
    b = np.zeros((targets.shape[1], 1))
    plogp = xlogy(P, P).sum() / n
    ce, kl = np.empty(steps + 1), np.empty(steps + 1)
    eval_ce = None
    if eval_X is not None and eval_targets is not None:
        eval_ce = np.empty(steps + 1)
        eval_XT, eval_P = np.ascontiguousarray(eval_X.T), np.ascontiguousarray(eval_targets.T)
    for t in range(steps + 1):
        log_q = log_softmax(_logits_columns(WT, b, XT), axis=0)  # over the K short rows: fast
        cross = (P * log_q).sum() / n
        ce[t] = -cross
        kl[t] = max(plogp - cross, 0.0)  # >= 0; rounding could leave -1e-17
        if eval_ce is not None:
            eval_log_q = log_softmax(_logits_columns(WT, b, eval_XT), axis=0)
            eval_ce[t] = -(eval_P * eval_log_q).sum() / eval_XT.shape[1]
        if t == steps:
            break
        residual = np.exp(log_q)
        residual -= P
        residual /= n
        WT = WT - lr * (_weight_gradient(residual, XT) + lam * WT)
        b = b - lr * residual.sum(axis=1, keepdims=True)
    return SoftmaxRegression(np.ascontiguousarray(WT.T), b[:, 0].copy(), eps, ce, kl, eval_ce)
