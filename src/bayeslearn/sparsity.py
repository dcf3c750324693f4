r"""Another prior, another penalty: a Laplace prior gives the L1 penalty, and sparse MAP weights (notebook 08).

With Gaussian noise of scale :math:`\sigma` and independent Laplace priors
:math:`p(w_j) = \frac{1}{2b} e^{-|w_j|/b}`, the negative log-posterior is, up to constants,

.. math::

    \frac{1}{2\sigma^2}\left(\lVert y - Xw\rVert^2 + \frac{2\sigma^2}{b}\lVert w\rVert_1\right),

so the MAP weights are the lasso's with :math:`\alpha = 2\sigma^2/b`. Where the Gaussian prior's
penalty :math:`\lVert w\rVert^2` has zero slope at 0 and only shrinks, :math:`|w|` has a kink
there, and the MAP puts weights exactly at 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .records import Record

__all__ = [
    "SparseRegressionData",
    "laplace_log_prior",
    "laplace_map_weights",
    "lasso_weights",
    "soft_threshold",
    "sparse_regression_data",
]


def laplace_log_prior(w: ArrayLike, scale: ArrayLike) -> float:
    r"""Log-density of independent zero-mean Laplace priors, :math:`\sum_j -\log 2b - |w_j|/b`.

    Parameters
    ----------
    w : array_like
        Weights.
    scale : float
        :math:`b > 0`; the prior's standard deviation is :math:`\sqrt2\, b`.

    Returns
    -------
    float

    Notes
    -----
    Used in: notebook 08, section 5.
    The prior behind :func:`laplace_map_weights` there.

    Examples
    --------
    >>> from scipy.stats import laplace
    >>> bool(np.isclose(laplace_log_prior([0.5, -1.0], 2.0), laplace.logpdf([0.5, -1.0], scale=2.0).sum()))
    True
    """
    w = v.finite(w, "w")
    b = v.scalar(v.positive(scale, "scale"), "scale")
    log_2b = math.log(2.0 * b) if 2.0 * b < math.inf else math.log(2.0) + math.log(b)  # 2b beyond the largest float
    with np.errstate(over="ignore"):  # |w| / b beyond the largest float: the density is 0, its log -inf
        return float(np.sum(-log_2b - np.abs(w) / b))


def soft_threshold(z: ArrayLike, threshold: ArrayLike) -> float | np.ndarray:
    r"""The proximal map of :math:`t|w|`: :math:`\operatorname{sign}(z)\max(|z| - t, 0)`.

    Shrinks towards 0 by :math:`t` and stops at 0: every :math:`|z| \le t` becomes exactly 0.
    It is the exact minimiser of :math:`\tfrac12 (w - z)^2 + t|w|`, the one-weight lasso.

    Parameters
    ----------
    z : array_like
        Values to shrink.
    threshold : float or array_like
        :math:`t \ge 0`; broadcasts with ``z``.

    Returns
    -------
    float or ndarray

    Notes
    -----
    Used in: notebook 08, section 5. The coordinate update of :func:`lasso_weights`, which
    :func:`laplace_map_weights` calls there.

    Examples
    --------
    >>> soft_threshold([-3.0, 0.5, 2.0], 1.0).tolist()
    [-2.0, 0.0, 1.0]
    """
    z = v.finite(z, "z")
    t = v.non_negative(threshold, "threshold")
    v.broadcast(z, t, ("z", "threshold"))
    return v.scalar_or_array(np.sign(z) * np.maximum(np.abs(z) - t, 0.0))


def lasso_weights(
    X: ArrayLike,
    y: ArrayLike,
    alpha: ArrayLike,
    tol: float = 1e-12,
    max_iter: int = 100_000,
    w0: ArrayLike | None = None,
) -> np.ndarray:
    r"""Lasso weights, :math:`\arg\min_w \lVert y - Xw\rVert^2 + \alpha\lVert w\rVert_1`, by coordinate descent.

    Each sweep sets every weight in turn to its exact minimiser with the others held fixed,

    .. math::

        w_j \leftarrow \frac{\operatorname{soft\_threshold}(x_j^\top r_{-j},\ \alpha/2)}{\lVert x_j\rVert^2},
        \qquad r_{-j} = y - \sum_{k \ne j} x_k w_k ,

    until no weight moves by more than ``tol`` (relative to the largest weight). The same
    objective as scikit-learn's ``Lasso(alpha=α / (2n), fit_intercept=False)``, which divides
    the squared error by :math:`2n`. No intercept is fitted; a constant column would be penalised.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    alpha : float
        :math:`\alpha \ge 0` (scaled like :func:`bayeslearn.ridge_weights`'s penalty).
    tol : float, default 1e-12
    max_iter : int, default 100000
        Sweeps before giving up.
    w0 : array_like of shape (d,), optional
        Starting weights (a warm start along a path); zeros by default.

    Returns
    -------
    ndarray of shape (d,)

    Raises
    ------
    ValueError
        If shapes do not match, anything is not finite, ``alpha < 0``, ``tol`` is below machine
        epsilon, a column of ``X`` is all 0, the squares of ``X`` or of the residuals overflow,
        or the sweeps have not converged after ``max_iter``.

    See Also
    --------
    laplace_map_weights, bayeslearn.ridge_weights

    Notes
    -----
    Used in: notebook 08, section 5.
    Called there through :func:`laplace_map_weights`.

    Examples
    --------
    One weight: the least-squares 2 shrinks by α / (2‖x‖²) = 0.5, or stops at 0.

    >>> X, y = [[1.0], [1.0]], [2.0, 2.0]
    >>> lasso_weights(X, y, alpha=2.0).tolist(), lasso_weights(X, y, alpha=10.0).tolist()
    ([1.5], [0.0])
    """
    X, y = v.design(X, y)
    alpha = v.scalar(v.non_negative(alpha, "alpha"), "alpha")
    tol = v.scalar(v.positive(tol, "tol"), "tol")
    if tol < _EPS:
        raise ValueError(f"tol must be >= {_EPS:.3g} (machine epsilon: a relative move below it cannot be "
                         f"told from rounding, and the sweeps might never stop), got {tol:.3g}")
    max_iter = v.integer(max_iter, "max_iter", minimum=1)
    with np.errstate(over="ignore"):
        norms = np.einsum("ij,ij->j", X, X)
        if not np.isfinite(norms).all():
            raise ValueError(f"X is too large: its squared column norms overflow the largest float "
                             f"(largest |X| {np.abs(X).max():.3g})")
    if np.any(norms == 0):
        raise ValueError("X must have no all-zero column (its weight would be undetermined)")
    w = np.zeros(X.shape[1]) if w0 is None else v.finite(w0, "w0").astype(float).ravel().copy()
    if w.shape != (X.shape[1],):
        raise ValueError(f"w0 must have shape ({X.shape[1]},), got {w.shape}")
    with np.errstate(over="ignore"):  # every later residual is no longer than this one (the loss only falls)
        resid = y - X @ w
        if not (np.isfinite(resid @ resid) and np.isfinite(X.T @ resid).all()):
            raise ValueError("y (or X @ w0) is too large: the squared residuals overflow the largest float")
    return _coordinate_descent(X, y, alpha, norms, w, tol, max_iter)


_EPS = float(np.finfo(float).eps)


def _coordinate_descent(X: Any, y: Any, alpha: Any, norms: Any, w: Any, tol: Any, max_iter: Any) -> np.ndarray:
    resid = y - X @ w
    for _ in range(max_iter):
        largest_move = 0.0
        for j in range(w.size):
            old = w[j]
            z = X[:, j] @ resid + norms[j] * old
            new = np.sign(z) * max(abs(z) - 0.5 * alpha, 0.0) / norms[j]
            if new != old:
                resid -= X[:, j] * (new - old)
                w[j] = new
                largest_move = max(largest_move, abs(new - old))
        if largest_move <= tol * max(1.0, float(np.abs(w).max(initial=0.0))):
            return w
    raise ValueError(f"coordinate descent did not converge in max_iter = {max_iter} sweeps")


def laplace_map_weights(
    X: ArrayLike, y: ArrayLike, noise_sigma: ArrayLike, prior_scale: ArrayLike, w0: ArrayLike | None = None,
) -> np.ndarray:
    r"""MAP weights of linear regression with Gaussian noise and independent Laplace priors.

    With :math:`y \sim \mathcal N(Xw, \sigma^2 I)` and :math:`p(w_j) = \frac{1}{2b} e^{-|w_j|/b}`,

    .. math::

        \hat w_{\mathrm{MAP}} = \arg\min_w \lVert y - Xw\rVert^2 + \frac{2\sigma^2}{b}\lVert w\rVert_1
        = \texttt{lasso\_weights}(X, y, \alpha = 2\sigma^2 / b) .

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    noise_sigma : float
        :math:`\sigma > 0`.
    prior_scale : float
        :math:`b > 0`; smaller means a tighter prior and more weights at exactly 0.
    w0 : array_like of shape (d,), optional
        Warm start.

    Returns
    -------
    ndarray of shape (d,)

    See Also
    --------
    lasso_weights, bayeslearn.map_weights

    Notes
    -----
    Used in: notebook 08, section 5.

    Examples
    --------
    >>> laplace_map_weights([[1.0], [1.0]], [2.0, 2.0], noise_sigma=1.0, prior_scale=1.0).tolist()
    [1.5]
    """
    sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    b = v.scalar(v.positive(prior_scale, "prior_scale"), "prior_scale")
    with np.errstate(over="ignore"):
        alpha = float(2.0 * np.float64(sigma) ** 2 / b)
    if not math.isfinite(alpha):
        raise ValueError(f"noise_sigma {sigma:.3g} and prior_scale {b:.3g}: the penalty 2 sigma**2 / b "
                         "overflows the largest float")
    return lasso_weights(X, y, alpha, w0=w0)


@dataclass(frozen=True, repr=False)
class SparseRegressionData(Record):
    """A design matrix and targets from a sparse linear model.

    Attributes
    ----------
    X : ndarray of shape (n, d)
        Standard normal inputs.
    y : ndarray of shape (n,)
        :math:`X w + \\varepsilon`, :math:`\\varepsilon \\sim \\mathcal N(0, \\sigma^2)`.
    """

    X: np.ndarray
    y: np.ndarray


def sparse_regression_data(n: int, weights: ArrayLike, noise_sigma: float = 0.5, seed: int = 0) -> SparseRegressionData:
    r"""Seeded linear-regression data whose true weights are mostly 0.

    .. math::

        X_{ij} \sim \mathcal N(0, 1), \qquad y = X w^\star + \varepsilon, \quad
        \varepsilon \sim \mathcal N(0, \sigma^2 I)

    Parameters
    ----------
    n : int
        Number of points, >= 0.
    weights : array_like of shape (d,)
        The true weights :math:`w^\star`.
    noise_sigma : float, default 0.5
    seed : int, default 0

    Returns
    -------
    SparseRegressionData
        ``X``, ndarray of shape (n, d), and ``y``, ndarray of shape (n,).

    Notes
    -----
    Used in: notebook 08, section 5.

    Examples
    --------
    >>> data = sparse_regression_data(4, [1.0, 0.0, 0.0], seed=2)
    >>> data.X.shape, data.y.shape
    ((4, 3), (4,))
    """
    n = v.length(n, "n", minimum=0)
    w = v.finite(weights, "weights")
    if w.ndim != 1:
        raise ValueError(f"weights must be 1-D, got shape {w.shape}")
    if n * w.size > v.MAX_LENGTH:
        raise ValueError(f"n and weights: X would hold n * d = {n} * {w.size} > 2**32 numbers")
    sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    seed = v.integer(seed, "seed", minimum=0)
    x_stream, noise_stream = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    X = x_stream.standard_normal((n, w.size))
    with np.errstate(over="ignore", invalid="ignore"):
        signal, noise = X @ w, sigma * noise_stream.standard_normal(n)
        y = signal + noise
    if not np.isfinite(signal).all():
        raise ValueError(f"weights are too large: X @ weights overflows the largest float "
                         f"(largest |weight| {np.abs(w).max():.3g})")
    if not np.isfinite(y).all():
        raise ValueError(f"noise_sigma {sigma:.3g} is too large: the targets overflow the largest float")
    return SparseRegressionData(X, y)
