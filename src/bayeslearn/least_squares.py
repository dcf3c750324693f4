r"""Least squares as a loss to optimise: its value and its gradient (notebook 03).

The optimisers of :mod:`bayeslearn.optim` take a gradient function; this module gives the one of
linear regression, whose penalised minimiser is known in closed form (the ridge solution), so a
notebook can check where each optimiser ends.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v

__all__ = ["least_squares_gradient", "squared_error"]


def squared_error(w: ArrayLike, X: ArrayLike, y: ArrayLike) -> float | np.ndarray:
    r"""Sum of squared residuals :math:`\lVert y - Xw \rVert^2`, for one or a grid of weights.

    .. math::

        E(w) = \sum_{i=1}^{n} \left(y_i - x_i^\top w\right)^2

    With Gaussian noise of scale :math:`\sigma` the negative log-likelihood is
    :math:`E(w) / (2\sigma^2)` plus a constant. The weights broadcast over leading axes,
    so a ``(G, G, 2)`` grid of two weights gives a ``(G, G)`` surface for a contour plot.

    Used in: notebook 03, section 2; notebook 03, section 3; notebook 03, section 5; notebook 05, section 8

    Parameters
    ----------
    w : array_like of shape (..., d)
        Weight vector(s); the last axis matches the columns of ``X``.
    X : array_like of shape (n, d)
        Design matrix.
    y : array_like of shape (n,)
        Targets.

    Returns
    -------
    float or ndarray of shape w.shape[:-1]
        Zero when there are no rows.

    Raises
    ------
    ValueError
        If shapes do not match or anything is NaN or infinite.

    See Also
    --------
    least_squares_gradient, bayeslearn.ridge_weights

    Examples
    --------
    >>> squared_error([1.0, 2.0], [[1.0, 0.0], [1.0, 1.0]], [1.0, 4.0])  # 0 + 1
    1.0
    >>> squared_error(np.zeros((3, 2)), np.ones((4, 2)), np.ones(4)).tolist()
    [4.0, 4.0, 4.0]
    """
    X, y = v.design(X, y)
    w = v.finite(w, "w")
    if w.ndim == 0 or w.shape[-1] != X.shape[1]:
        raise ValueError(f"w must have a last axis of length {X.shape[1]} (the columns of X), got shape {w.shape}")
    residuals = y - w @ X.T
    return v.scalar_or_array(np.einsum("...i,...i->...", residuals, residuals))


def least_squares_gradient(X: ArrayLike, y: ArrayLike) -> Callable[[np.ndarray], np.ndarray]:
    r"""The gradient of :math:`\tfrac12\lVert y - Xw\rVert^2`, as a function to hand to an optimiser.

    .. math::

        \nabla_w \tfrac12 \lVert y - Xw \rVert^2 = X^\top (Xw - y)

    With this gradient, ``sgd(..., alpha=lam)`` and ``adam(..., alpha=lam)`` minimise
    :math:`\tfrac12\lVert y - Xw\rVert^2 + \tfrac{\lambda}{2}\lVert w\rVert^2`, whose
    minimiser is ``ridge_weights(X, y, alpha=lam)``.

    Used in: notebook 03, section 11; notebook 03, section 12

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)

    Returns
    -------
    callable
        ``grad(w) -> ndarray of shape (d,)``.

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, or :math:`X^\top X` or
        :math:`X^\top y` overflows the largest float.

    Examples
    --------
    >>> grad = least_squares_gradient([[1.0], [2.0]], [1.0, 1.0])
    >>> grad(np.array([1.0])).tolist()  # 1*(1-1) + 2*(2-1)
    [2.0]
    """
    X, y = v.design(X, y)
    with np.errstate(over="ignore"):
        Xt_y = X.T @ y
        gram = X.T @ X
    if not (np.isfinite(gram).all() and np.isfinite(Xt_y).all()):
        raise ValueError("X, y: X^T X or X^T y overflows the largest float; rescale the data")

    def grad(w: np.ndarray) -> np.ndarray:
        return gram @ w - Xt_y

    return grad
