"""Linear regression on features: ridge = MAP, and gradient descent with weight decay (notebook 03).

With Gaussian noise of scale :math:`\\sigma` and a zero-mean Gaussian prior of scale
:math:`\\tau` on the weights, the negative log-posterior is, up to constants,

.. math::

    \\frac{1}{2\\sigma^2}\\left( \\lVert y - Xw \\rVert^2 + \\frac{\\sigma^2}{\\tau^2}\\lVert w \\rVert^2 \\right)

so the MAP weights are the ridge weights with :math:`\\alpha = \\sigma^2/\\tau^2`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .least_squares import least_squares_gradient
from .optim import sgd

__all__ = ["gradient_descent", "map_weights", "polynomial_features", "ridge_weights"]


def polynomial_features(x: ArrayLike, degree: int) -> np.ndarray:
    r"""Polynomial design matrix with columns :math:`1, x, x^2, \dots, x^{d}`.

    .. math::

        \Phi_{ij} = x_i^{\,j}, \qquad j = 0, \dots, d

    Parameters
    ----------
    x : array_like
        1-D inputs (a scalar is one input).
    degree : int
        Highest power :math:`d \ge 0`.

    Returns
    -------
    ndarray of shape (len(x), degree + 1)

    Raises
    ------
    ValueError
        If ``degree < 0``, ``x`` is not 1-D, NaN or infinite, or a power overflows.
    TypeError
        If ``degree`` is not an integer.

    Notes
    -----
    Used in: notebook 03, section 1; notebook 03, section 7; notebook 03, section 9; notebook 03, section 10;
    notebook 05, section 7; notebook 08, section 1; notebook 08, section 4; notebook 08, section 6;
    notebook 08, section 7.

    Examples
    --------
    >>> polynomial_features([2.0, 3.0], 2).tolist()
    [[1.0, 2.0, 4.0], [1.0, 3.0, 9.0]]
    """
    degree = v.length(degree, "degree", minimum=0)
    x = np.atleast_1d(v.finite(x, "x"))
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    with np.errstate(over="ignore"):
        features = np.vander(x, degree + 1, increasing=True)
    if not np.isfinite(features).all():
        raise ValueError(f"x: x**degree overflows the largest float for |x| = {np.abs(x).max():.3g}, "
                         f"degree = {degree}; rescale x (e.g. to [-1, 1])")
    return features


def ridge_weights(X: ArrayLike, y: ArrayLike, alpha: ArrayLike) -> np.ndarray:
    r"""Ridge regression weights, :math:`\arg\min_w \lVert y - Xw\rVert^2 + \alpha\lVert w\rVert^2`.

    .. math::

        \hat w = (X^\top X + \alpha I)^{-1} X^\top y
               = V \operatorname{diag}\!\left(\frac{s_i}{s_i^2 + \alpha}\right) U^\top y

    computed through the SVD :math:`X = U S V^\top`, which stays accurate for the
    ill-conditioned polynomial features of notebook 03 and gives the minimum-norm
    least-squares solution at ``alpha = 0``. Equal to scikit-learn's
    ``Ridge(alpha, fit_intercept=False)``; no intercept is fitted (put a column of ones in
    ``X``), and that column is penalised like every other.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Design matrix.
    y : array_like of shape (n,)
        Targets.
    alpha : float
        Penalty strength, >= 0.

    Returns
    -------
    ndarray of shape (d,)

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, or ``alpha < 0``.

    See Also
    --------
    map_weights, gradient_descent

    Notes
    -----
    Used in: notebook 03, section 3; notebook 03, section 5; notebook 03, section 7; notebook 08, section 1;
    notebook 08, section 2.

    Examples
    --------
    >>> ridge_weights([[1.0], [1.0]], [1.0, 3.0], alpha=2.0).tolist()  # 4 / (2 + 2)
    [1.0]
    """
    X, y = v.design(X, y)
    alpha = v.scalar(v.non_negative(alpha, "alpha"), "alpha")
    return _ridge(X, y, alpha)


def _ridge(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    if X.size == 0:  # no samples or no features: the minimum-norm solution is 0
        return np.zeros(X.shape[1])
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    # Singular values below the rank tolerance are rounding noise for an exact 0, whose
    # gain is 0 for every alpha; dividing by them would blow up a tiny alpha.
    keep = s > s[0] * max(X.shape) * np.finfo(float).eps
    # s / (s^2 + alpha) as 1 / (s + alpha / s): s^2 would overflow for entries near 1e200
    with np.errstate(over="ignore"):
        gain = np.divide(1.0, s + alpha / np.where(keep, s, 1.0), out=np.zeros_like(s), where=keep)
    return Vt.T @ (gain * (U.T @ y))


def map_weights(X: ArrayLike, y: ArrayLike, noise_sigma: ArrayLike, prior_sigma: ArrayLike) -> np.ndarray:
    r"""MAP weights of linear regression with Gaussian noise and a Gaussian prior.

    With :math:`y \sim \mathcal N(Xw, \sigma^2 I)` and :math:`w \sim \mathcal N(0, \tau^2 I)`,

    .. math::

        \hat w_{\mathrm{MAP}} = \arg\min_w \lVert y - Xw\rVert^2 + \frac{\sigma^2}{\tau^2}\lVert w\rVert^2
        = \texttt{ridge\_weights}(X, y, \alpha = \sigma^2 / \tau^2)

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    noise_sigma : float
        Noise standard deviation :math:`\sigma > 0`.
    prior_sigma : float
        Prior standard deviation :math:`\tau > 0`; smaller means stronger decay.

    Returns
    -------
    ndarray of shape (d,)

    Notes
    -----
    Used in: notebook 03, section 5; notebook 03, section 7; notebook 03, section 9; notebook 03, section 11;
    notebook 08, section 1; notebook 08, section 4; notebook 08, section 5.

    Examples
    --------
    >>> w = map_weights([[1.0], [1.0]], [1.0, 3.0], noise_sigma=1.0, prior_sigma=1.0)
    >>> round(float(w[0]), 6)  # 4 / (2 + 1)
    1.333333
    """
    X, y = v.design(X, y)
    noise_sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    prior_sigma = v.scalar(v.positive(prior_sigma, "prior_sigma"), "prior_sigma")
    with np.errstate(over="ignore", under="ignore"):  # inf: an infinitely strong prior, w = 0
        alpha = float(np.square(np.float64(noise_sigma) / prior_sigma))
    return _ridge(X, y, alpha)


def gradient_descent(
    X: ArrayLike,
    y: ArrayLike,
    weight_decay: ArrayLike,
    learning_rate: ArrayLike,
    steps: ArrayLike,
    w0: ArrayLike | None = None,
) -> np.ndarray:
    r"""Trajectory of gradient descent with weight decay on a squared-error loss.

    Minimises :math:`L(w) = \tfrac12\lVert y - Xw\rVert^2 + \tfrac{\lambda}{2}\lVert w\rVert^2`,
    whose minimiser is ``ridge_weights(X, y, lambda)``, with the update

    .. math::

        w_{t+1} = (1 - \eta\lambda)\, w_t - \eta\, X^\top (X w_t - y)

    where the factor :math:`(1-\eta\lambda)` is the weight decay: every step shrinks the
    weights before following the data gradient.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    weight_decay : float
        :math:`\lambda \ge 0`.
    learning_rate : float
        Step size :math:`\eta > 0`; it must be below :math:`2 / (s_{\max}^2 + \lambda)`,
        the stability limit of this quadratic loss.
    steps : int
        Number of updates, >= 0.
    w0 : array_like of shape (d,), optional
        Starting weights; zeros by default.

    Returns
    -------
    ndarray of shape (steps + 1, d)
        The weights before the first step and after each step.

    Raises
    ------
    ValueError
        If shapes do not match, ``weight_decay < 0``, ``learning_rate <= 0`` or above the
        stability limit (the iteration would diverge), or ``steps < 0``.

    Notes
    -----
    Used in: notebook 03, section 6.

    Examples
    --------
    >>> X, y = np.array([[1.0], [1.0]]), np.array([1.0, 3.0])
    >>> w = gradient_descent(X, y, weight_decay=2.0, learning_rate=0.1, steps=200)
    >>> w.shape, round(float(w[-1, 0]), 6)  # ridge: 4 / (2 + 2)
    ((201, 1), 1.0)
    """
    X, y = v.design(X, y)
    lam = v.scalar(v.non_negative(weight_decay, "weight_decay"), "weight_decay")
    eta = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    steps = v.length(steps, "steps", minimum=0)
    with np.errstate(over="ignore"):  # inf: no positive step size is stable
        curvature = (np.float64(np.linalg.norm(X, 2)) ** 2 if X.size else 0.0) + lam
    if curvature > 0 and eta >= 2.0 / curvature:
        raise ValueError(
            f"learning_rate must be < 2 / (largest eigenvalue of X^T X + weight_decay) = "
            f"{2.0 / curvature:.4g} for gradient descent to converge, got {eta}"
        )
    w = np.zeros(X.shape[1]) if w0 is None else v.finite(w0, "w0").astype(float).ravel()
    if w.shape != (X.shape[1],):
        raise ValueError(f"w0 must have shape ({X.shape[1]},), got {w.shape}")
    return sgd(least_squares_gradient(X, y), w, eta, steps, alpha=lam)
