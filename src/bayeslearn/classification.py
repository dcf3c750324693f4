"""Softmax classification: softmax outputs, label smoothing, cross-entropy versus KL (notebook 04).

A classifier turns logits :math:`z \\in \\mathbb R^K` into probabilities
:math:`q = \\operatorname{softmax}(z)` and is trained on targets :math:`p` (one-hot labels, or
smoothed labels :math:`\\tilde p`) with the cross-entropy loss

.. math::

    H(p, q) = -\\sum_k p_k \\log q_k = H(p) + D_{KL}(p \\,\\|\\, q).

The entropy :math:`H(p)` does not depend on the logits, so the cross-entropy and the KL
divergence differ by a constant and have the same gradient,
:math:`\\partial H(p, q) / \\partial z = q - p`. Everything here works in log space
(:func:`log_softmax`), as ``torch.nn.CrossEntropyLoss`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.special import log_softmax as _log_softmax
from scipy.special import ndtr, xlogy
from scipy.special import softmax as _softmax

from . import validation as v

__all__ = [
    "SoftmaxRegression",
    "gaussian_blobs",
    "log_softmax",
    "numerical_gradient",
    "smooth_labels",
    "softmax",
    "softmax_cross_entropy",
    "softmax_cross_entropy_gradient",
    "softmax_kl_divergence",
    "train_softmax_regression",
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
def softmax(logits) -> np.ndarray:
    r"""Softmax over the last axis, :math:`q_k = e^{z_k} / \sum_j e^{z_j}`.

    Computed by :func:`scipy.special.softmax`, which subtracts :math:`\max_j z_j` first so
    that no exponential overflows.

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
    return _softmax(_logits(logits), axis=-1)


def log_softmax(logits) -> np.ndarray:
    r"""Log of the softmax over the last axis, :math:`\log q_k = z_k - \log\sum_j e^{z_j}`.

    Computed directly in log space (:func:`scipy.special.log_softmax`), never as
    ``log(softmax(z))``: for a logit far below the largest, the softmax underflows to 0 and
    its log is :math:`-\infty`, while :math:`z_k - \operatorname{logsumexp}(z)` stays exact.
    This is why deep-learning losses take logits and call ``log_softmax`` inside.

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
    softmax, softmax_cross_entropy

    Examples
    --------
    >>> log_softmax([1000.0, 0.0]).tolist()   # log(softmax) would give -inf
    [0.0, -1000.0]
    """
    return _log_softmax(_logits(logits), axis=-1)


# --- labels -------------------------------------------------------------------------------------
def smooth_labels(labels, num_classes: int, epsilon: float) -> np.ndarray:
    r"""Label smoothing: one-hot targets mixed with the uniform distribution.

    .. math::

        \tilde p = (1 - \varepsilon)\,\mathrm{onehot}(y) + \frac{\varepsilon}{K}

    so the true class gets :math:`1 - \varepsilon + \varepsilon/K` and every other class
    :math:`\varepsilon/K`. These are the targets of
    ``torch.nn.CrossEntropyLoss(label_smoothing=epsilon)``. :math:`\varepsilon = 0` gives
    one-hot labels, :math:`\varepsilon = 1` the uniform distribution.

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
    softmax_cross_entropy

    Examples
    --------
    >>> smooth_labels([0, 2], num_classes=3, epsilon=0.3).round(6).tolist()
    [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]
    """
    num_classes = v.length(num_classes, "num_classes", minimum=1)
    y = _labels(labels, "labels", num_classes, "num_classes = ")
    eps = v.scalar(v.probability(epsilon, "epsilon"), "epsilon")
    return _smooth(y, num_classes, eps)


def _labels(labels: object, name: str, num_classes: int, what: str) -> np.ndarray:
    """Class indices in {0, ..., num_classes - 1}, as ints (checked before the conversion)."""
    y = v.count(labels, name)
    if y.size and y.max() >= num_classes:
        raise ValueError(f"{name} must be < {what}{num_classes}, got {y.max():.0f}")
    return y.astype(int)


def _smooth(y: np.ndarray, num_classes: int, epsilon: float) -> np.ndarray:
    targets = np.full((*y.shape, num_classes), epsilon / num_classes)
    np.put_along_axis(targets, y[..., None], 1.0 - epsilon + epsilon / num_classes, axis=-1)
    return targets


# --- losses and gradients -----------------------------------------------------------------------
def softmax_cross_entropy(logits, targets) -> float:
    r"""Mean cross-entropy between targets and the softmax of logits, in nats.

    .. math::

        \frac1N \sum_{i=1}^N H(p_i, \operatorname{softmax}(z_i))
        = -\frac1N \sum_{i=1}^N \sum_k p_{ik}\,\bigl(z_{ik} - \log\textstyle\sum_j e^{z_{ij}}\bigr)

    The loss of ``torch.nn.CrossEntropyLoss`` (mean reduction) with probability targets,
    computed through :func:`log_softmax`, so it stays finite for any finite logits.

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
    softmax_kl_divergence, softmax_cross_entropy_gradient, bayeslearn.cross_entropy

    Examples
    --------
    >>> round(softmax_cross_entropy([[0.0, 0.0]], [[1.0, 0.0]]), 6)   # log 2
    0.693147
    """
    z, p = _logits_and_targets(logits, targets)
    return float(-(p * _log_softmax(z, axis=-1)).sum() / _rows(z))


def softmax_kl_divergence(logits, targets) -> float:
    r"""Mean KL divergence from the targets to the softmax of logits, in nats.

    .. math::

        \frac1N \sum_{i=1}^N D_{KL}(p_i \,\|\, \operatorname{softmax}(z_i))
        = \frac1N \sum_{i=1}^N \sum_k p_{ik} \bigl(\log p_{ik} - \log q_{ik}\bigr)

    with :math:`0 \log 0 = 0`. It equals :func:`softmax_cross_entropy` minus the mean
    entropy of the targets, a constant, so it has the same gradient in the logits.

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
    softmax_cross_entropy, bayeslearn.kl_divergence

    Examples
    --------
    >>> softmax_kl_divergence([[0.0, 0.0]], [[0.5, 0.5]])
    0.0
    """
    z, p = _logits_and_targets(logits, targets)
    # >= 0; rounding in a sum of terms of both signs could leave -1e-17
    return max(float((xlogy(p, p) - p * _log_softmax(z, axis=-1)).sum() / _rows(z)), 0.0)


def softmax_cross_entropy_gradient(logits, targets) -> np.ndarray:
    r"""Gradient of :func:`softmax_cross_entropy` in the logits.

    .. math::

        \frac{\partial}{\partial z_{ik}} \frac1N \sum_{i} H(p_i, \operatorname{softmax}(z_i))
        = \frac{q_{ik} - p_{ik}}{N}

    "prediction minus target": the same for the KL loss, because the two losses differ by
    the targets' entropy, which does not depend on :math:`z`.

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
    softmax_cross_entropy, numerical_gradient

    Examples
    --------
    >>> softmax_cross_entropy_gradient([[0.0, 0.0]], [[1.0, 0.0]]).tolist()
    [[-0.5, 0.5]]
    """
    z, p = _logits_and_targets(logits, targets)
    return (_softmax(z, axis=-1) - p) / _rows(z)


def numerical_gradient(func: Callable[[np.ndarray], float], x, step: float = 1e-6) -> np.ndarray:
    r"""Gradient of a scalar function by central finite differences.

    .. math::

        \frac{\partial f}{\partial x_j} \approx \frac{f(x + h e_j) - f(x - h e_j)}{2h}

    with an error of order :math:`h^2` (plus round-off of order :math:`\epsilon_{mach}/h`).
    Two function calls per coordinate: for checking gradients, not for training.

    Parameters
    ----------
    func : callable
        ``func(x)`` returns a float for an array of the shape of ``x``.
    x : array_like
        Point at which to differentiate.
    step : float, default 1e-6
        Step :math:`h > 0`.

    Returns
    -------
    ndarray
        The gradient, of the shape of ``x``.

    Raises
    ------
    TypeError
        If ``func`` is not callable.
    ValueError
        If ``x`` is not finite or ``step`` is not > 0.

    Examples
    --------
    >>> numerical_gradient(lambda w: float((w**2).sum()), [1.0, -2.0]).round(6).tolist()
    [2.0, -4.0]
    """
    if not callable(func):
        raise TypeError(f"func must be callable, got {type(func).__name__}")
    x = v.finite(x, "x").copy()
    h = v.scalar(v.positive(step, "step"), "step")
    grad = np.empty_like(x)
    flat, out = x.reshape(-1), grad.reshape(-1)
    for j in range(flat.size):
        saved = flat[j]
        flat[j] = saved + h
        up = _value(func, x)
        flat[j] = saved - h
        down = _value(func, x)
        flat[j] = saved
        out[j] = (up - down) / (2.0 * h)
    return grad


def _value(func: Callable, x: np.ndarray) -> float:
    value = v.as_float_array(func(x), "func")
    if value.ndim:
        raise ValueError(f"func must return a single number, got shape {value.shape}")
    return float(value)


# --- data ---------------------------------------------------------------------------------------
def gaussian_blobs(
    samples: int, num_classes: int = 3, spread: float = 1.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    r"""A seeded 2-D classification data set: one Gaussian blob a class.

    Labels are uniform over the classes; class :math:`k` has its centre on the circle of
    radius 2 at angle :math:`\pi/2 + 2\pi k/K`, and
    :math:`x \mid y = k \sim \mathcal N(c_k, \text{spread}^2 I)`. With the default spread the
    blobs overlap, so no classifier is perfect and the loss has a floor. Data sets of the
    same seed are nested: the first ``m`` rows of a larger draw are the draw of size ``m``.

    Parameters
    ----------
    samples : int
        Number of points, >= 0.
    num_classes : int, default 3
        Number of classes :math:`K \ge 1`.
    spread : float, default 1.0
        Standard deviation of each blob, > 0.
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    X : ndarray of shape (samples, 2)
    labels : ndarray of int, shape (samples,)

    Raises
    ------
    ValueError
        If a count is negative or above 2**32, or ``spread`` is not > 0, not a single
        number, or so large that the points overflow.
    TypeError
        If an argument is not a number of the right kind.

    Examples
    --------
    >>> X, y = gaussian_blobs(5, seed=1)
    >>> X.shape, y.shape, bool(np.array_equal(gaussian_blobs(3, seed=1)[0], X[:3]))
    ((5, 2), (5,), True)
    """
    samples = v.length(samples, "samples", minimum=0)
    num_classes = v.length(num_classes, "num_classes", minimum=1)
    spread = v.scalar(v.positive(spread, "spread"), "spread")
    seed = v.integer(seed, "seed", minimum=0)
    draws = np.random.default_rng(seed).standard_normal((samples, 3))
    labels = np.minimum((num_classes * ndtr(draws[:, 2])).astype(int), num_classes - 1)
    angles = np.pi / 2 + 2 * np.pi * np.arange(num_classes) / num_classes
    centres = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    with np.errstate(over="ignore"):
        X = centres[labels] + spread * draws[:, :2]
    if not np.isfinite(X).all():
        raise ValueError(f"spread {spread:.3g} is too large: the points overflow the largest float")
    return X, labels


# --- training -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SoftmaxRegression:
    r"""A trained softmax-regression classifier, :math:`q(x) = \operatorname{softmax}(x W + b)`.

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

    weights: np.ndarray
    bias: np.ndarray
    epsilon: float
    cross_entropy: np.ndarray
    kl_divergence: np.ndarray
    eval_cross_entropy: np.ndarray | None = None

    def logits(self, X) -> np.ndarray:
        """The logits :math:`X W + b` for inputs of shape (n, d)."""
        return np.asarray(X, dtype=float) @ self.weights + self.bias

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities :math:`\\operatorname{softmax}(X W + b)`, shape (n, K)."""
        return _softmax(self.logits(X), axis=-1)


def _classification_data(X: object, labels: object, num_classes: int, name: str) -> tuple:
    X = v.matrix(X, name)
    label_name = "labels" if name == "X" else "eval_labels"
    y = _labels(labels, label_name, num_classes, "num_classes = ")
    if y.shape != (X.shape[0],):
        raise ValueError(f"{label_name} must have one entry per row of {name}, got shapes {y.shape} and {X.shape}")
    return X, y


def train_softmax_regression(
    X,
    labels,
    num_classes: int,
    epsilon: float = 0.0,
    learning_rate: float = 0.5,
    steps: int = 100,
    weight_decay: float = 0.0,
    eval_X=None,
    eval_labels=None,
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
    :math:`\lambda` the weight decay (a Gaussian prior on the weights; the bias is not
    penalised, as in scikit-learn's ``LogisticRegression``). It records the mean training
    cross-entropy and KL divergence at every step (without the penalty); they differ by the
    constant :math:`\frac1N\sum_i H(\tilde p_i)`.

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
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.
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
        range, a hyper-parameter is out of its domain, ``learning_rate * weight_decay >= 2``
        (the decay alone diverges), or the weights overflow during training.
    TypeError
        If ``num_classes`` or ``steps`` is not an integer.

    See Also
    --------
    smooth_labels, softmax_cross_entropy_gradient

    Examples
    --------
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
    lam = v.scalar(v.non_negative(weight_decay, "weight_decay"), "weight_decay")
    if (eval_X is None) != (eval_labels is None):
        raise ValueError("eval_X and eval_labels must be given together")
    if eval_X is not None:
        eval_X, eval_y = _classification_data(eval_X, eval_labels, num_classes, "eval_X")
        if eval_X.shape[1] != X.shape[1] or eval_X.shape[0] == 0:
            raise ValueError(f"eval_X must have rows of {X.shape[1]} features, got shape {eval_X.shape}")
        eval_targets = _smooth(eval_y, num_classes, eps)
    if lr * lam >= 2.0:
        raise ValueError(
            f"learning_rate must be < 2 / weight_decay = {2.0 / lam:.4g} (the decay alone would "
            f"diverge), got {lr}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        model = _train(X, _smooth(y, num_classes, eps), eps, lr, steps, lam,
                       eval_X, eval_targets if eval_X is not None else None)
    if not (np.isfinite(model.weights).all() and np.isfinite(model.cross_entropy).all()):
        raise ValueError(f"learning_rate or X: the weights overflowed during training (learning_rate {lr:.4g} "
                         f"is too large for inputs of size up to {np.abs(X).max():.3g})")
    return model


def _log_softmax_columns(z: np.ndarray) -> np.ndarray:
    """``log_softmax`` over axis 0 of a (K, n) array: reductions across K short rows are fast."""
    z = z - z.max(axis=0)
    return z - np.log(np.exp(z).sum(axis=0))


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


def _train(X, targets, eps, lr, steps, lam, eval_X, eval_targets) -> SoftmaxRegression:
    # Work on transposed, contiguous (features x n) and (K x n) arrays: numpy reduces over a
    # short leading axis far faster than over a short trailing one.
    n, d = X.shape
    XT, P = np.ascontiguousarray(X.T), np.ascontiguousarray(targets.T)
    WT = np.zeros((targets.shape[1], d))
    b = np.zeros((targets.shape[1], 1))
    plogp = xlogy(P, P).sum() / n
    ce, kl = np.empty(steps + 1), np.empty(steps + 1)
    eval_ce = None
    if eval_X is not None:
        eval_ce = np.empty(steps + 1)
        eval_XT, eval_P = np.ascontiguousarray(eval_X.T), np.ascontiguousarray(eval_targets.T)
    for t in range(steps + 1):
        log_q = _log_softmax_columns(_logits_columns(WT, b, XT))
        cross = (P * log_q).sum() / n
        ce[t] = -cross
        kl[t] = max(plogp - cross, 0.0)  # >= 0; rounding could leave -1e-17
        if eval_ce is not None:
            eval_log_q = _log_softmax_columns(_logits_columns(WT, b, eval_XT))
            eval_ce[t] = -(eval_P * eval_log_q).sum() / eval_XT.shape[1]
        if t == steps:
            break
        residual = np.exp(log_q)
        residual -= P
        residual /= n
        WT = WT - lr * (_weight_gradient(residual, XT) + lam * WT)
        b = b - lr * residual.sum(axis=1, keepdims=True)
    return SoftmaxRegression(np.ascontiguousarray(WT.T), b[:, 0].copy(), eps, ce, kl, eval_ce)
