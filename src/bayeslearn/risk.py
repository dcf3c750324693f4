"""Expected loss, empirical risk and held-out data (notebook 05).

A model with parameters :math:`w` and a loss :math:`\\ell(x, w)` has an **expected loss**
(its *risk*) under the data distribution, and an **empirical risk** on a sample,

.. math::

    R(w) = \\mathbb E_{x \\sim p}\\bigl[\\ell(x, w)\\bigr], \\qquad
    \\hat R_n(w) = \\frac1n \\sum_{i=1}^n \\ell(x_i, w), \\quad x_i \\sim p .

For a fixed :math:`w` the empirical risk is a Monte Carlo estimate of :math:`R(w)` with
standard error :math:`\\sigma_\\ell / \\sqrt n`. Training minimises :math:`\\hat R_n` (empirical
risk minimisation; with :math:`\\ell = -\\log p(x \\mid w)` it is maximum likelihood), and that
makes the training loss of the trained model an optimistic estimate of its risk. Data kept out
of training (a held-out set) give an unbiased one.

The concept of this module: the risk as a Monte Carlo estimate (empirical risk, its standard
error, the exact expected log-loss of the coin of notebook 01) and the train/held-out split;
notebook 05 teaches it. The exact risk of ridge fits to the noisy sine of
:func:`bayeslearn.regression_data`, and the sweeps over degree and penalty, are in
:mod:`bayeslearn.ridge_risk`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import xlog1py, xlogy

from . import validation as v
from .records import Record

__all__ = [
    "TrainHeldoutSplit",
    "empirical_risk",
    "expected_log_loss_bernoulli",
    "standard_error",
    "train_heldout_split",
]


def _losses(losses: object, axis: int) -> tuple[np.ndarray, int]:
    arr = np.atleast_1d(v.as_float_array(losses, "losses"))
    if not isinstance(axis, (int, np.integer)) or isinstance(axis, (bool, np.bool_)):
        raise TypeError(f"axis must be an integer, got {axis!r}")
    if not -arr.ndim <= axis < arr.ndim:
        raise ValueError(f"axis must be in [{-arr.ndim}, {arr.ndim - 1}] for losses of shape {arr.shape}, got {axis}")
    if np.isneginf(arr).any():
        raise ValueError("losses must not be -inf")
    return arr, int(axis)


def empirical_risk(losses: ArrayLike, axis: int = -1) -> float | np.ndarray:
    r"""The average loss over a sample: the empirical risk, a Monte Carlo estimate of the risk.

    .. math::

        \hat R_n = \frac1n \sum_{i=1}^n \ell_i, \qquad
        \mathbb E\bigl[\hat R_n\bigr] = R = \mathbb E_{x\sim p}[\ell(x)]
        \quad\text{when the } \ell_i = \ell(x_i) \text{ are i.i.d. draws.}

    The training loss a framework reports is this average over the training set, and the
    validation loss the same average over the validation set.

    Parameters
    ----------
    losses : array_like
        Per-example losses; the average runs over ``axis`` and batches over the others.
        ``+inf`` is allowed (a probability-0 event under the model, :math:`-\log 0`) and
        makes the average infinite.
    axis : int, default -1
        The axis of the examples.

    Returns
    -------
    float or ndarray
        The average along ``axis``.

    Raises
    ------
    ValueError
        If ``losses`` has no examples along ``axis`` (the empirical risk of no data is
        undefined), contains NaN or ``-inf``, or ``axis`` is out of range.
    TypeError
        If ``losses`` is not numeric or ``axis`` is not an integer.

    See Also
    --------
    standard_error, expected_log_loss_bernoulli

    Notes
    -----
    Used in: notebook 05, section 1; notebook 05, section 2; notebook 05, section 5.

    Examples
    --------
    >>> empirical_risk([0.5, 1.0, 1.5])
    1.0
    >>> empirical_risk([[0.0, 1.0], [2.0, 4.0]]).tolist()  # one risk a row
    [0.5, 3.0]
    """
    arr, axis = _losses(losses, axis)
    if arr.shape[axis] == 0:
        raise ValueError("losses must hold at least one example: the empirical risk of no data is undefined")
    scale = _power_of_two(arr, axis)
    return v.scalar_or_array((arr / scale).mean(axis=axis) * np.squeeze(scale, axis))


def _power_of_two(arr: np.ndarray, axis: int) -> np.ndarray:
    """A power of two near the largest finite |loss| along ``axis`` (kept), 1 where there is none.

    Dividing by it is exact, and the mean or spread of the scaled losses cannot overflow, so
    losses near 1e308 average to the right finite number.
    """
    finite = np.where(np.isfinite(arr), np.abs(arr), 0.0)
    top = finite.max(axis=axis, keepdims=True) if arr.size else np.ones((1,) * arr.ndim)
    return np.where(top > 0.0, np.ldexp(1.0, np.frexp(top)[1] - 1), 1.0)  # top / scale in [1, 2)


def standard_error(losses: ArrayLike, axis: int = -1) -> float | np.ndarray:
    r"""Estimated standard error of the empirical risk, :math:`s / \sqrt n`.

    .. math::

        \operatorname{SE}\bigl(\hat R_n\bigr) = \frac{\sigma_\ell}{\sqrt n}
        \approx \frac{s}{\sqrt n}, \qquad
        s^2 = \frac{1}{n-1} \sum_{i=1}^n \bigl(\ell_i - \hat R_n\bigr)^2 .

    The error bar to put on a validation loss: four times the data halve it.

    Parameters
    ----------
    losses : array_like
        Finite per-example losses, at least two along ``axis``.
    axis : int, default -1
        The axis of the examples.

    Returns
    -------
    float or ndarray

    Raises
    ------
    ValueError
        If fewer than two losses lie along ``axis``, or any loss is NaN or infinite.

    See Also
    --------
    empirical_risk

    Notes
    -----
    Used in: notebook 05, section 1.

    Examples
    --------
    >>> round(standard_error([1.0, 2.0, 3.0, 4.0]), 6)  # s = 1.290994, n = 4
    0.645497
    """
    arr, axis = _losses(losses, axis)
    if not np.isfinite(arr).all():
        raise ValueError("losses must be finite for a standard error, got an infinite value")
    n = arr.shape[axis]
    if n < 2:
        raise ValueError(f"losses must hold at least two examples along axis {axis}, got {n}")
    scale = _power_of_two(arr, axis)
    scaled = arr / scale
    # about the first loss (exact for losses within a factor 2 of it), so that equal or nearly
    # equal losses give their true, tiny spread rather than the rounding of their mean
    centred = scaled - np.take(scaled, [0], axis=axis)
    return v.scalar_or_array(centred.std(axis=axis, ddof=1) * np.squeeze(scale, axis) / math.sqrt(n))


def expected_log_loss_bernoulli(theta_true: ArrayLike, theta: ArrayLike) -> float | np.ndarray:
    r"""Exact expected log-loss of a coin model :math:`\theta` on tosses of a coin :math:`\theta^\star`.

    .. math::

        R(\theta) = \mathbb E_{x \sim \mathrm{Bernoulli}(\theta^\star)}\bigl[-\log p(x \mid \theta)\bigr]
        = -\theta^\star \log\theta - (1-\theta^\star)\log(1-\theta) = H(\theta^\star, \theta)

    the cross-entropy in nats; its minimum over :math:`\theta` is the entropy
    :math:`H(\theta^\star)`, at :math:`\theta = \theta^\star`. The empirical risk of
    :math:`n` tosses, :math:`-\tfrac1n[k\log\theta + (n-k)\log(1-\theta)]`, is its Monte Carlo
    estimate. :math:`0 \log 0 = 0`.

    Parameters
    ----------
    theta_true : float or array_like
        The coin that produces the data, :math:`\theta^\star \in [0, 1]`.
    theta : float or array_like
        The model's probability of heads, in [0, 1]; broadcasts with ``theta_true``.

    Returns
    -------
    float or ndarray
        Nats per toss; ``inf`` where the model calls a possible outcome impossible
        (:math:`\theta = 1 > \theta^\star` or :math:`\theta = 0 < \theta^\star`).

    Raises
    ------
    ValueError
        If a probability is outside [0, 1], NaN, or the shapes do not broadcast.

    See Also
    --------
    bayeslearn.cross_entropy, bayeslearn.bernoulli_log_likelihood

    Notes
    -----
    Used in: notebook 05, section 1; notebook 05, section 2; notebook 05, section 5.

    Examples
    --------
    >>> round(expected_log_loss_bernoulli(0.5, 0.5), 6)  # log 2
    0.693147
    >>> expected_log_loss_bernoulli(0.9, 1.0)  # a tail comes, and costs -log 0
    inf
    """
    t_star = v.probability(theta_true, "theta_true")
    t = v.probability(theta, "theta")
    v.broadcast(t_star, t, ("theta_true", "theta"))
    with np.errstate(divide="ignore"):
        risk = -xlogy(t_star, t) - xlog1py(1.0 - t_star, -t)
    return v.scalar_or_array(risk + 0.0)  # + 0.0 turns a -0.0 into 0.0


@dataclass(frozen=True, repr=False)
class TrainHeldoutSplit(Record):
    """Indices of a training set and of a held-out set.

    Attributes
    ----------
    train : ndarray of int
        Indices of the training examples, sorted ascending.
    held_out : ndarray of int
        Indices of the held-out examples, sorted ascending.
    """

    train: np.ndarray
    held_out: np.ndarray


def train_heldout_split(n: int, fraction: float, seed: int = 0) -> TrainHeldoutSplit:
    r"""A seeded random split of ``n`` examples into a training and a held-out part.

    The held-out part has :math:`\lceil f\,n \rceil` examples (as scikit-learn's
    ``train_test_split(test_size=f)``), the training part the rest; a random permutation
    decides which, so the two parts are disjoint and together hold every index once.

    Parameters
    ----------
    n : int
        Number of examples, >= 0.
    fraction : float
        Fraction :math:`f \in [0, 1]` of the examples to hold out.
    seed : int, default 0
        Seed of the random permutation.

    Returns
    -------
    TrainHeldoutSplit
        ``train`` and ``held_out``: indices into the data set (ndarrays of int), each sorted ascending.

    Raises
    ------
    ValueError
        If ``n`` or ``seed`` is negative or fractional, or ``fraction`` is outside [0, 1].

    Notes
    -----
    Used in: notebook 05, section 4; notebook 08, section 4.

    Examples
    --------
    >>> split = train_heldout_split(10, 0.3, seed=1)
    >>> len(split.train), len(split.held_out), sorted([*split.train, *split.held_out]) == list(range(10))
    (7, 3, True)
    """
    n = v.length(n, "n", minimum=0)
    fraction = v.scalar(v.probability(fraction, "fraction"), "fraction")
    seed = v.integer(seed, "seed", minimum=0)
    n_held = min(n, math.ceil(fraction * n - 1e-12))  # 0.3 * 10 = 3.0000000000000004 holds out 3
    order = np.random.default_rng(seed).permutation(n)
    return TrainHeldoutSplit(np.sort(order[n_held:]), np.sort(order[:n_held]))
