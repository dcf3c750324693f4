r"""Choosing the ridge penalty by k-fold cross-validation (notebook 08).

The concept: the held-out alternative to the evidence of :mod:`bayeslearn.evidence`. Each of
k folds is held out once while ridge regression is fitted on the rest, so every point is used
for choosing the penalty and all but a fold for fitting. Notebook 08 teaches it, beside the
evidence, as the held-out choice of notebook 05 without wasting a split.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .evidence import check_squares_finite

__all__ = ["cross_validation_mse"]


def cross_validation_mse(X: ArrayLike, y: ArrayLike, alphas: ArrayLike, folds: int = 5, seed: int = 0) -> np.ndarray:
    r"""k-fold cross-validated mean squared error of ridge regression, one value per penalty.

    The :math:`n` points are shuffled (seeded) and cut into :math:`k` folds :math:`F_j` of
    near-equal size; each is held out once while ridge is fitted on the rest:

    .. math::

        \mathrm{CV}(\lambda) = \frac1n \sum_{j=1}^k \sum_{i \in F_j}
        \bigl(y_i - x_i^\top \hat w_\lambda^{(-j)}\bigr)^2 .

    Every point is held out exactly once, so all the data are used for choosing, and all but
    a fold for fitting: the held-out choice of notebook 05 without wasting a split.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    alphas : array_like of shape (A,)
        Ridge penalties :math:`\lambda \ge 0`, as in :func:`bayeslearn.ridge_weights`.
    folds : int, default 5
        :math:`2 \le k \le n`.
    seed : int, default 0
        Seed of the shuffle.

    Returns
    -------
    ndarray of shape (A,)

    Raises
    ------
    ValueError
        If shapes do not match, a penalty is negative, ``folds`` is outside [2, n], or the
        squares of ``X``, ``y`` or the held-out errors overflow.

    See Also
    --------
    maximise_evidence, bayeslearn.ridge_risks

    Notes
    -----
    Used in: notebook 08, section 4.

    Examples
    --------
    >>> X, y = np.ones((4, 1)), np.array([1.0, 2.0, 3.0, 4.0])
    >>> cross_validation_mse(X, y, [0.0], folds=4).round(4).tolist()  # leave-one-out of a mean
    [2.2222]
    """
    X, y = v.design(X, y)
    check_squares_finite(X, y)
    alphas = np.atleast_1d(v.non_negative(alphas, "alphas"))
    if alphas.ndim != 1:
        raise ValueError(f"alphas must be 1-D, got shape {alphas.shape}")
    folds = v.integer(folds, "folds", minimum=2)
    if folds > y.size:
        raise ValueError(f"folds must be <= the number of points {y.size}, got {folds}")
    seed = v.integer(seed, "seed", minimum=0)
    fold_of = np.empty(y.size, dtype=int)
    fold_of[np.random.default_rng(seed).permutation(y.size)] = np.arange(y.size) % folds
    total = np.zeros(alphas.size)
    for j in range(folds):
        train, held = fold_of != j, fold_of == j
        U, s, Vt = np.linalg.svd(X[train], full_matrices=False)
        keep = s > (s[0] if s.size else 0.0) * max(X.shape) * np.finfo(float).eps
        with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 for a dropped direction at alpha 0
            gain = np.where(keep, s / (s * s + alphas[:, None]), 0.0)  # (A, r)
        W = (gain * (U.T @ y[train])) @ Vt  # (A, d)
        with np.errstate(over="ignore"):
            total += ((y[held][:, None] - X[held] @ W.T) ** 2).sum(axis=0)
    if not np.isfinite(total).all():
        raise ValueError("y or X is too large: the held-out squared errors overflow the largest float")
    return total / y.size
