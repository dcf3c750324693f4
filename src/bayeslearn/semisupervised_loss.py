r"""The semi-supervised problem: two-moons data with few labels, and the loss of many tiny networks (notebook 07).

The concept: what a semi-supervised network minimises,

.. math::

    L(\theta) = \frac{1}{n_l} \sum_{i=1}^{n_l} H(e_{y_i}, q_\theta(x_i))
    \;+\; \lambda\, U\bigl(q_\theta(x_{n_l+1}), \dots, q_\theta(x_{n_l+n_u})\bigr),

computed with its exact gradient for a stack of :class:`bayeslearn.network.TinyMLP` networks
at once, with :math:`U` one of the objectives of :mod:`bayeslearn.unlabelled` or
:mod:`bayeslearn.pseudo_labelling`; and the data it is taught on
(:func:`semi_supervised_moons`). Notebook 07 teaches it; the trainers that minimise it are in
:mod:`bayeslearn.semisupervised`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .data import two_moons
from .pseudo_labelling import distribution_alignment, labelled_subset, sharpen
from .records import LossAndGradient, Record
from .unlabelled import (
    entropy_minimisation_gradient,
    entropy_minimisation_loss,
    information_maximisation_gradient,
    information_maximisation_loss,
)

__all__ = [
    "SemiSupervisedData",
    "batched_loss_and_gradient",
    "initial_parameters",
    "layer_sizes",
    "semi_supervised_loss_and_gradient",
    "semi_supervised_moons",
    "stacked_problem",
    "unlabelled_gradient",
]


# --- data ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class SemiSupervisedData(Record):
    """A few labelled points and an unlabelled pool (with its hidden labels, for scoring only).

    Attributes
    ----------
    X_labelled, y_labelled : ndarray
        The labelled inputs (..., n_l, 2) and their classes (..., n_l).
    X_unlabelled, y_unlabelled : ndarray
        The pool (..., n_u, 2) and the classes a learner must not see (..., n_u).
    """

    X_labelled: np.ndarray
    y_labelled: np.ndarray
    X_unlabelled: np.ndarray
    y_unlabelled: np.ndarray


def semi_supervised_moons(
    n: int, labels_per_class: int, noise_sigma: float = 0.1, seed: ArrayLike = 0,
) -> SemiSupervisedData:
    r"""Two moons (:func:`bayeslearn.two_moons`) of which only ``labels_per_class`` points a class are labelled.

    The labelled points are drawn by :func:`bayeslearn.labelled_subset`; the other
    :math:`n_u = n - 2 \cdot \text{labels\_per\_class}` points form the unlabelled pool.
    With a sequence of seeds, one data set per seed, stacked along a first axis.

    Parameters
    ----------
    n : int
        Points in all, labelled and unlabelled.
    labels_per_class : int
        Labelled points per class, >= 0.
    noise_sigma : float, default 0.1
        Standard deviation of the Gaussian noise added to each point, as in :func:`bayeslearn.two_moons`.
    seed : int or sequence of int
        Seed of the data set (and of the choice of labelled points).

    Returns
    -------
    SemiSupervisedData

    Raises
    ------
    ValueError
        If a class has fewer than ``labels_per_class`` points, or an argument is out of its domain.

    Notes
    -----
    Used in: notebook 07, section 1; notebook 07, section 2; notebook 07, section 5; notebook 07, section 7;
    notebook 07, section 8.

    Examples
    --------
    >>> data = semi_supervised_moons(50, 2, seed=[0, 1])
    >>> data.X_labelled.shape, data.X_unlabelled.shape, sorted(data.y_labelled[0].tolist())
    ((2, 4, 2), (2, 46, 2), [0, 0, 1, 1])
    """
    seeds = _seeds(seed)
    labels_per_class = v.length(labels_per_class, "labels_per_class", minimum=0)
    if v.length(n, "n") * seeds.size > v.MAX_LENGTH:
        raise ValueError(f"n and seed: {seeds.size} data sets of {n} points make more than 2**32 points")
    parts = []
    for s in seeds:
        X, y = two_moons(n, noise_sigma=noise_sigma, seed=int(s))
        try:
            chosen = labelled_subset(y, labels_per_class, seed=int(s))
        except ValueError as exc:  # a class smaller than labels_per_class
            raise ValueError(f"labels_per_class: {exc}") from exc
        rest = np.setdiff1d(np.arange(y.size), chosen)
        parts.append((X[chosen], y[chosen], X[rest], y[rest]))
    stacked = [np.stack(field) for field in zip(*parts, strict=True)]
    return SemiSupervisedData(*(a if np.ndim(seed) else a[0] for a in stacked))


def _seeds(seed: Any) -> np.ndarray:
    """One seed or a 1-D sequence of them, as exact int64 (a float seed beyond 2**63 is refused)."""
    seeds = np.atleast_1d(v.count_int64(seed, "seed"))
    if seeds.ndim != 1 or seeds.size == 0:
        raise ValueError(f"seed must be a whole number or a non-empty 1-D sequence of them, got shape {np.shape(seed)}")
    return seeds


# --- layout (that of TinyMLP.parameters) ------------------------------------------------------------
def layer_sizes(d: int, hidden: int, K: int) -> list[tuple[int, int]]:
    """The shapes of W1ᵀ, b1, W2ᵀ, b2 in the layout of TinyMLP.parameters."""
    return [(hidden, d), (hidden, 1), (K, hidden), (K, 1)]


def _unpack(theta: np.ndarray, d: int, hidden: int, K: int) -> list[np.ndarray]:
    parts, start = [], 0
    for rows, cols in layer_sizes(d, hidden, K):
        parts.append(theta[..., start : start + rows * cols].reshape(theta.shape[:-1] + (rows, cols)))
        start += rows * cols
    return parts


def initial_parameters(seeds: np.ndarray, d: int, hidden: int, K: int) -> np.ndarray:
    """The starting weights of train_tiny_mlp for every seed: (M, P)."""
    theta = np.zeros((seeds.size, sum(r * c for r, c in layer_sizes(d, hidden, K))))
    W1T, b1, _, _ = _unpack(theta, d, hidden, K)
    for m, seed in enumerate(seeds):
        rng = np.random.default_rng(int(seed))
        W1T[m] = rng.standard_normal((hidden, d)) * np.sqrt(2.0 / d)
        b1[m] = rng.standard_normal((hidden, 1))
    return theta


# --- the batched loss ----------------------------------------------------------------------------------
def unlabelled_gradient(
    log_q: np.ndarray, objective: str, temperature: float = 1.0, prior: ArrayLike | None = None,
    targets: np.ndarray | None = None, mask: np.ndarray | None = None,
) -> np.ndarray:
    """∂U/∂z of each unlabelled prediction, (M, n_u, K); a target is held fixed (q − t)/n_u."""
    if objective == "entropy":
        return entropy_minimisation_gradient(log_q)
    if objective == "infomax":
        return information_maximisation_gradient(log_q)
    q = np.exp(log_q)
    q /= q.sum(axis=-1, keepdims=True)
    if objective == "sharpened":
        targets = sharpen(q, temperature)
    elif objective == "aligned":
        assert prior is not None  # train_semi_supervised_mlps passes the class prior
        targets = sharpen(distribution_alignment(q, prior), temperature)
    else:  # "pseudo": fixed hard targets, used where mask is 1
        assert targets is not None and mask is not None  # self_training_mlps passes both
        return mask[..., None] * (q - targets) / q.shape[-2]
    return (q - targets) / q.shape[-2]


def batched_loss_and_gradient(
    theta: np.ndarray,
    XT: np.ndarray,
    T: np.ndarray,
    n_l: int,
    weights: np.ndarray,
    hidden: int,
    unlabelled: Callable[[np.ndarray], np.ndarray] | None,
    loss_u: Callable[[np.ndarray], float | np.ndarray] | None = entropy_minimisation_loss,
) -> tuple[np.ndarray, np.ndarray]:
    """Loss (M,) and gradient (M, P) of M networks; inputs as columns XT (M, d, n), T (M, K, n_l)."""
    M, d, n = XT.shape
    K = T.shape[1]
    W1T, b1, W2T, b2 = _unpack(theta, d, hidden, K)
    A = W1T @ XT
    A += b1
    H = np.maximum(A, 0.0)
    Z = W2T @ H
    Z += b2
    Z -= Z.max(axis=1, keepdims=True)
    log_q = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    G = np.empty_like(log_q)
    loss = np.zeros(M)
    if n_l:
        loss -= (T * log_q[:, :, :n_l]).sum(axis=(1, 2)) / n_l
        G[:, :, :n_l] = (np.exp(log_q[:, :, :n_l]) - T) / n_l
    if n > n_l and unlabelled is not None:
        rows = log_q[:, :, n_l:].transpose(0, 2, 1)  # (M, n_u, K), as the unlabelled losses take them
        G[:, :, n_l:] = (weights[:, None, None] * unlabelled(rows)).transpose(0, 2, 1)
        if loss_u is not None:  # training needs only the gradient
            loss += weights * np.asarray(loss_u(rows))
    elif n > n_l:
        G[:, :, n_l:] = 0.0
    dA = W2T.transpose(0, 2, 1) @ G
    dA *= A > 0.0
    grad = np.concatenate([(dA @ XT.transpose(0, 2, 1)).reshape(M, -1), dA.sum(axis=2),
                           (G @ H.transpose(0, 2, 1)).reshape(M, -1), G.sum(axis=2)], axis=1)
    return loss, grad


# --- checks -------------------------------------------------------------------------------------------
def _stacked(value: ArrayLike, name: str, M: int | None = None, trailing: int = 2) -> np.ndarray:
    arr = v.finite(value, name)
    if arr.ndim == trailing:
        arr = arr[None]
    if arr.ndim != trailing + 1:
        raise ValueError(f"{name} must have {trailing} or {trailing + 1} axes, got shape {arr.shape}")
    if M is not None and arr.shape[0] not in (1, M):
        raise ValueError(f"{name} must have 1 or {M} sets, got {arr.shape[0]}")
    return arr


def stacked_problem(
    X_labelled: Any, y_labelled: Any, X_unlabelled: Any, weights: Any, num_classes: Any, seed: Any
) -> Any:
    """The checked inputs of M networks: X (M, d, n), one-hot T (M, K, n_l), n_l, weights, seeds, K."""
    lam = np.atleast_1d(v.non_negative(weights, "weights"))
    if lam.ndim != 1 or lam.size == 0:
        raise ValueError(f"weights must be a number or a 1-D array, got shape {lam.shape}")
    Xl = _stacked(X_labelled, "X_labelled")
    Xu = _stacked(X_unlabelled, "X_unlabelled")
    yl = v.count_int64(y_labelled, "y_labelled")
    yl = yl[None] if yl.ndim == 1 else yl
    K = v.length(num_classes, "num_classes", minimum=2)
    seeds = _seeds(seed)
    M = max(lam.size, Xl.shape[0], Xu.shape[0], yl.shape[0], seeds.size)
    for arr, name in ((lam, "weights"), (Xl, "X_labelled"), (Xu, "X_unlabelled"), (yl, "y_labelled"),
                      (seeds, "seed")):
        if arr.shape[0] not in (1, M):
            raise ValueError(f"{name} must have 1 or {M} entries along its first axis, got {arr.shape[0]}")
    if yl.ndim != 2 or yl.shape[1] != Xl.shape[1]:
        raise ValueError(f"y_labelled must have one label per row of X_labelled, got {yl.shape} and {Xl.shape}")
    if Xl.shape[2] == 0:
        raise ValueError("X_labelled and X_unlabelled must have at least one feature, got 0 columns")
    if Xl.shape[2] != Xu.shape[2]:
        raise ValueError(f"X_labelled and X_unlabelled must have the same number of features, "
                         f"got {Xl.shape[2]} and {Xu.shape[2]}")
    if yl.size and yl.max() >= K:
        raise ValueError(f"y_labelled must be < num_classes {K}, got {yl.max()}")
    n_l, d = Xl.shape[1], Xl.shape[2]
    X = np.concatenate([np.broadcast_to(Xl, (M, n_l, d)), np.broadcast_to(Xu, (M, Xu.shape[1], d))], axis=1)
    X = np.ascontiguousarray(X.transpose(0, 2, 1))  # (M, d, n): one column per example
    if M * K * (n_l + Xu.shape[1]) > v.MAX_LENGTH:
        raise ValueError(f"num_classes {K} with {M} networks and {n_l + Xu.shape[1]} inputs makes arrays of more "
                         f"than 2**32 logits: use fewer classes, networks (weights, seed) or inputs")
    # one-hot columns, without the K x K identity (num_classes may be large)
    one_hot = (np.broadcast_to(yl, (M, n_l))[..., None] == np.arange(K)).astype(float)
    T = np.ascontiguousarray(one_hot.transpose(0, 2, 1))
    return X, T, n_l, np.broadcast_to(lam, (M,)), np.broadcast_to(seeds, (M,)), K


def semi_supervised_loss_and_gradient(
    parameters: ArrayLike, X_labelled: ArrayLike, y_labelled: ArrayLike, X_unlabelled: ArrayLike, weight: float,
    *, objective: str = "entropy",
    num_classes: int = 2, hidden: int = 16,
) -> LossAndGradient:
    r"""The loss :math:`\frac{1}{n_l}\sum_i H(e_{y_i}, q_i) + \lambda U` of one network, and its exact gradient.

    For ``objective="entropy"``, :math:`U = \frac{1}{n_u}\sum_j H(q_j)`; for ``"infomax"``,
    :math:`U = \frac{1}{n_u}\sum_j H(q_j) - H(\bar q)`. The gradient is backpropagated from
    :math:`\partial L/\partial z` (:func:`bayeslearn.entropy_minimisation_gradient`,
    :func:`bayeslearn.information_maximisation_gradient`) exactly as the trainer does it; this
    function exists to be checked against finite differences.

    Parameters
    ----------
    parameters : array_like
        A flat parameter vector laid out as :attr:`bayeslearn.network.TinyMLP.parameters`.
    X_labelled, y_labelled, X_unlabelled
        As in :func:`train_semi_supervised_mlps`, for one network.
    weight : float
        :math:`\lambda \ge 0`.
    objective : {"entropy", "infomax"}
    num_classes, hidden : int

    Returns
    -------
    LossAndGradient
        ``loss`` (float) and ``gradient`` (ndarray, shaped like ``parameters``).

    Raises
    ------
    ValueError
        If the shapes do not fit, ``objective`` is not one with a loss, ``weight`` is not a
        single number >= 0, or the loss or its gradient overflows.

    Notes
    -----
    Used in: notebook 07, section 2.

    Examples
    --------
    >>> out = semi_supervised_loss_and_gradient(np.zeros(17), [[1.0, 2.0]], [0], [[0.0, 1.0]], 1.0, hidden=3)
    >>> round(out.loss, 6), out.gradient.shape     # log 2 (labelled) + 1 · log 2 (unlabelled)
    (1.386294, (17,))
    """
    if objective not in ("entropy", "infomax"):
        raise ValueError(f"objective must be 'entropy' or 'infomax' (a loss with a gradient), got {objective!r}")
    weight = v.scalar(v.non_negative(weight, "weight"), "weight")  # named here, not as the trainer's weights
    X, T, n_l, lam, _, K = stacked_problem(X_labelled, y_labelled, X_unlabelled, weight, num_classes, 0)
    if X.shape[0] != 1:
        raise ValueError("semi_supervised_loss_and_gradient takes one network's data, not a stack")
    hidden = v.integer(hidden, "hidden", minimum=1)
    theta = v.finite(parameters, "parameters")
    size = sum(r * c for r, c in layer_sizes(X.shape[1], hidden, K))
    if theta.shape != (size,):
        raise ValueError(f"parameters must have shape ({size},) for these sizes, got {theta.shape}")

    def unlabelled(log_q: np.ndarray) -> np.ndarray:
        return unlabelled_gradient(log_q, objective)

    loss_u = entropy_minimisation_loss if objective == "entropy" else information_maximisation_loss
    overflowed = ("parameters, X_labelled, X_unlabelled or weight: the loss or its gradient overflowed "
                  "(weights or inputs too large)")
    with np.errstate(over="ignore", invalid="ignore"):
        try:
            loss, grad = batched_loss_and_gradient(theta[None], X, T, n_l, lam, hidden, unlabelled, loss_u)
        except ValueError as exc:  # logits that overflowed, refused by the unlabelled objective
            raise ValueError(f"{overflowed}: {exc}") from exc
    if not (np.isfinite(loss).all() and np.isfinite(grad).all()):
        raise ValueError(overflowed)
    return LossAndGradient(float(loss[0]), grad[0])
