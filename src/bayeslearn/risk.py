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
of training (a held-out set) give an unbiased one. This module computes both sides exactly
where the truth is known: the coin of notebook 01 and the noisy sine of
:func:`bayeslearn.regression_data`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike
from scipy.special import xlog1py, xlogy

from . import validation as v
from .records import Record
from .regression import polynomial_features

__all__ = [
    "RidgeRisks",
    "TrainHeldoutSplit",
    "empirical_risk",
    "expected_log_loss_bernoulli",
    "expected_squared_error",
    "ridge_risks",
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


@functools.lru_cache(maxsize=64)
def _sine_moments(columns: int) -> tuple[np.ndarray, np.ndarray]:
    """``M = E[φ φᵀ]`` and ``b = E[sin(2πx) φ]`` for φ = (1, z, …, z^{columns-1}), z = 2x − 1.

    sin(2πx) = −sin(πz), so b_j = −½ I_j with I_j = ∫_{-1}^{1} z^j sin(πz) dz: 0 for even j and,
    integrating by parts twice, I_j = 2/π − j(j − 1)/π² I_{j−2} for odd j. That recursion loses
    digits upwards, so it runs downwards from a start 40 places above the last column (whose
    error shrinks by π²/(j(j − 1)) a step): O(columns), exact to rounding.
    """
    p = np.arange(2 * columns - 1)
    moments = np.where(p % 2 == 0, 1.0 / (p + 1.0), 0.0)  # E[z^p] for z ~ U(-1, 1)
    M = sliding_window_view(moments, columns)  # M[j, k] = E[z^(j+k)]: a Hankel view, no copy
    top = columns + 41 + (columns + 41) % 2 - 1  # odd, above the last column
    integrals = np.zeros(top + 1)
    integrals[top] = 2.0 * np.pi / ((top + 1.0) * (top + 2.0))  # z^j sin(πz) ≈ π(1 − z) near z = 1
    for k in range(top, 2, -2):
        integrals[k - 2] = np.pi**2 / (k * (k - 1.0)) * (2.0 / np.pi - integrals[k])
    b = -0.5 * integrals[:columns]
    b.setflags(write=False)  # (the view M is read-only already)
    return M, b


def expected_squared_error(weights: ArrayLike, noise_sigma: float = 0.25) -> float | np.ndarray:
    r"""Exact expected squared error of a polynomial on the noisy sine of ``regression_data``.

    For data :math:`x \sim \mathcal U(0, 1)`, :math:`y = \sin(2\pi x) + \varepsilon`,
    :math:`\varepsilon \sim \mathcal N(0, \sigma^2)` (:func:`bayeslearn.regression_data`) and
    the model :math:`f_w(x) = \sum_{j=0}^{d} w_j z^j` on the rescaled input :math:`z = 2x - 1`
    (as in notebook 03),

    .. math::

        R(w) = \mathbb E\bigl[(y - f_w(x))^2\bigr]
             = \sigma^2 + \mathbb E\bigl[(\sin 2\pi x - \phi(z)^\top w)^2\bigr]
             = \sigma^2 + \tfrac12 - 2\, b^\top w + w^\top M w,

    with :math:`M_{jk} = \mathbb E[z^{j+k}] = 1/(j+k+1)` for even :math:`j+k` (else 0) and
    :math:`b_j = \mathbb E[\sin(2\pi x)\, z^j]` (a recursion from integration by parts, exact to
    rounding). The cost is :math:`O(d^2)` a weight vector.
    The noise floor :math:`\sigma^2` is the risk of the true curve; no model goes below it.

    Parameters
    ----------
    weights : array_like of shape (..., d + 1)
        Polynomial weights for the powers :math:`z^0, \dots, z^d`; leading axes batch.
    noise_sigma : float, default 0.25
        The data's noise standard deviation :math:`\sigma > 0`.

    Returns
    -------
    float or ndarray of shape weights.shape[:-1]
        Expected squared error per example (output units²).

    Raises
    ------
    ValueError
        If ``weights`` is a scalar, empty along its last axis, NaN or infinite, or
        ``noise_sigma <= 0``.

    See Also
    --------
    ridge_risks, bayeslearn.regression_data

    Notes
    -----
    Used in: notebook 08, section 1; notebook 08, section 4; notebook 08, section 7.

    Examples
    --------
    >>> expected_squared_error([0.0], noise_sigma=0.25)  # predict 0: σ² + E[sin²] = 0.0625 + 0.5
    0.5625
    """
    w = v.finite(weights, "weights")
    if w.ndim == 0 or w.shape[-1] == 0:
        raise ValueError(f"weights must have a last axis of length d + 1 >= 1, got shape {w.shape}")
    sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    return v.scalar_or_array(_expected_squared_error(w, sigma))


def _expected_squared_error(w: np.ndarray, sigma: float) -> np.ndarray:
    M, b = _sine_moments(w.shape[-1])
    # in units of a power of two near each vector's largest weight (exact, so the same numbers):
    # wᵀMw >= 0 then overflows only to +inf, never to inf - inf
    top = np.abs(w).max(axis=-1, keepdims=True)
    unit = np.where(top > 0, np.ldexp(1.0, np.frexp(top)[1] - 1), 1.0)
    ws, unit = w / unit, unit[..., 0]
    quadratic = np.einsum("...j,jk,...k->...", ws, M, ws)
    with np.errstate(over="ignore"):  # sigma above 1e154 or weights near 1e154: an infinite risk
        return np.square(np.float64(sigma)) + 0.5 - 2.0 * ((ws @ b) * unit) + quadratic * unit * unit


@dataclass(frozen=True, repr=False)
class RidgeRisks(Record):
    """Losses of ridge fits over a grid of degrees (rows) and penalties (columns).

    Attributes
    ----------
    train : ndarray of shape (degrees, alphas)
        Mean squared error on the training set; NaN when it is empty (undefined).
    held_out : ndarray of shape (degrees, alphas)
        Mean squared error on the held-out set.
    expected : ndarray of shape (degrees, alphas)
        Exact expected squared error, :func:`expected_squared_error`.
    weights : ndarray of shape (degrees, alphas, max(degrees) + 1)
        The fitted weights, padded with zeros above each row's degree.
    """

    train: np.ndarray
    held_out: np.ndarray
    expected: np.ndarray
    weights: np.ndarray


def _one_d(value: object, name: str, check: Any) -> np.ndarray:
    arr = check(value, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    return arr


def ridge_risks(
    x: ArrayLike,
    y: ArrayLike,
    x_held: ArrayLike,
    y_held: ArrayLike,
    degrees: ArrayLike,
    alphas: ArrayLike,
    noise_sigma: float = 0.25,
) -> RidgeRisks:
    r"""Training, held-out and exact expected squared error of ridge fits over degrees and penalties.

    For every degree :math:`d` and penalty :math:`\alpha` it fits the polynomial
    :math:`f_w(x) = \sum_{j \le d} w_j z^j`, :math:`z = 2x - 1`, by ridge regression,

    .. math::

        \hat w_{d,\alpha} = \arg\min_w \lVert y - \Phi_d w \rVert^2 + \alpha \lVert w \rVert^2
        \qquad (\text{the MAP with } \alpha = \sigma^2/\tau^2,\ \text{notebook 03}),

    and scores it three ways: the mean squared error on the training points (the empirical
    risk that was minimised), on the held-out points (an independent Monte Carlo estimate of
    the risk), and exactly, :math:`R(\hat w)` from :func:`expected_squared_error`. One SVD a
    degree serves every penalty, so a grid of 13 degrees by 20 penalties on 1,000 points
    costs a few milliseconds. With no training points every fit is :math:`w = 0` (the prior
    mean) and the training loss is NaN (undefined).

    Parameters
    ----------
    x, y : array_like of shape (n,)
        Training inputs in [0, 1] (as :func:`bayeslearn.regression_data` draws them) and
        targets; ``n = 0`` is allowed.
    x_held, y_held : array_like of shape (m,)
        Held-out inputs and targets, ``m >= 1``.
    degrees : array_like of int, shape (D,)
        Polynomial degrees, each >= 0.
    alphas : array_like of float, shape (A,)
        Ridge penalties :math:`\alpha \ge 0` (on the summed squared error, as
        :func:`bayeslearn.ridge_weights`).
    noise_sigma : float, default 0.25
        Noise scale of the data, for the exact expected loss.

    Returns
    -------
    RidgeRisks
        ``train``, ``held_out``, ``expected`` of shape (D, A) and the ``weights``.

    Raises
    ------
    ValueError
        If shapes do not match, ``m = 0``, a degree is negative or fractional, an alpha is
        negative, or anything is NaN or infinite.

    See Also
    --------
    expected_squared_error, bayeslearn.ridge_weights

    Notes
    -----
    Used in: notebook 03, section 8; notebook 03, section 10; notebook 05, section 3; notebook 05, section 4;
    notebook 05, section 6; notebook 05, section 7; notebook 08, section 4.

    Examples
    --------
    >>> from bayeslearn.data import regression_data
    >>> x, y = regression_data(30, seed=0)
    >>> xh, yh = regression_data(200, seed=1)
    >>> r = ridge_risks(x, y, xh, yh, degrees=[1, 5], alphas=[1e-6, 1.0])
    >>> r.train.shape, bool(r.expected.min() > 0.25**2)  # nobody beats the noise floor
    ((2, 2), True)
    """
    x, y = _one_d(x, "x", v.finite), _one_d(y, "y", v.finite)
    x_held, y_held = _one_d(x_held, "x_held", v.finite), _one_d(y_held, "y_held", v.finite)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.size} and {y.size}")
    if x_held.shape != y_held.shape:
        raise ValueError(f"x_held and y_held must have the same length, got {x_held.size} and {y_held.size}")
    if x_held.size == 0:
        raise ValueError("x_held must hold at least one point")
    degrees = _one_d(degrees, "degrees", v.count_int64)
    alphas = _one_d(alphas, "alphas", v.non_negative)
    sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    with np.errstate(over="ignore"):  # targets near the largest float: infinite losses
        return _ridge_risks(x, y, x_held, y_held, degrees, alphas, sigma)


def _features(x: np.ndarray, degree: int, name: str) -> np.ndarray:
    """Polynomial features of z = 2x - 1, a refusal naming ``name`` where they overflow."""
    with np.errstate(over="ignore"):
        z = 2.0 * x - 1.0
    try:
        return polynomial_features(z, degree)
    except ValueError as exc:
        raise ValueError(f"{name}: the features (2 {name} - 1)**degree overflow: {exc}") from exc


def _ridge_risks(x: Any, y: Any, x_held: Any, y_held: Any, degrees: Any, alphas: Any, sigma: Any) -> RidgeRisks:
    top = int(degrees.max()) + 1 if degrees.size else 1
    Phi, Phi_held = _features(x, top - 1, "x"), _features(x_held, top - 1, "x_held")
    W = np.zeros((degrees.size, alphas.size, top))
    train = np.full((degrees.size, alphas.size), np.nan)  # no data: undefined
    if x.size:
        # One QR for every degree: Φ[:, :d+1] = Q R[:, :d+1], so each fit needs only the small
        # R block and c = Qᵀy, and ‖y − Φ w‖² = ‖y − Q c‖² + ‖c − R w‖² (orthogonal parts).
        Q, R = np.linalg.qr(Phi)
        c = Q.T @ y
        # ‖y − Q c‖², 0 when n <= d + 1; in units of a power of two near max|y|, so that
        # targets near 1e308 give an infinite loss rather than inf - inf
        top_y = float(np.abs(y).max())
        unit = float(np.ldexp(1.0, np.frexp(top_y)[1] - 1)) if top_y > 0 else 1.0
        ys, cs = y / unit, c / unit
        outside = max(float(ys @ ys - cs @ cs), 0.0) * unit * unit
        for row, d in enumerate(degrees):
            Rd = R[:, : d + 1]
            U, s, Vt = np.linalg.svd(Rd, full_matrices=False)  # Φ_d = (Q U) diag(s) Vᵀ
            keep = s > s[0] * max(x.size, d + 1) * np.finfo(float).eps  # as regression.ridge_weights
            with np.errstate(over="ignore"):  # s / (s² + α) as 1 / (s + α/s), as ridge_weights
                gain = np.where(keep, 1.0 / (s + alphas[:, None] / np.where(keep, s, 1.0)), 0.0)  # (A, rank)
            W[row, :, : d + 1] = (gain * (U.T @ c)) @ Vt
            inside = c - W[row, :, : d + 1] @ Rd.T  # (A, len(c))
            train[row] = (outside + np.einsum("ai,ai->a", inside, inside)) / x.size
    fitted = Phi_held @ W.reshape(-1, top).T  # (m, D * A): one column a fit
    resid = y_held[:, None] - fitted
    held_out = (np.einsum("ij,ij->j", resid, resid) / y_held.size).reshape(degrees.size, alphas.size)
    return RidgeRisks(train, held_out, _expected_squared_error(W, sigma), W)
