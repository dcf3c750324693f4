"""The risk of ridge regression on the noisy sine, exactly and on held-out data (notebook 05).

The concept: how the risk of a fitted polynomial depends on its degree and its penalty.
:func:`expected_squared_error` is the exact expected squared error of a polynomial on the
noisy sine of :func:`bayeslearn.regression_data`; :func:`ridge_risks` sweeps degrees and
ridge penalties ``alpha`` and reports, for each, the training, held-out and true risk.
Notebook 05 teaches it; the Monte Carlo side (empirical risk, its standard error, the
train/held-out split) is in :mod:`bayeslearn.risk`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike

from . import validation as v
from .records import Record
from .regression import polynomial_features

__all__ = [
    "RidgeRisks",
    "expected_squared_error",
    "ridge_risks",
]


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
