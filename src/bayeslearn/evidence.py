r"""Choosing σ and τ (hence λ = σ²/τ²) by the evidence, and by k-fold cross-validation (notebook 08).

Bayesian linear regression, :math:`y = Xw + \varepsilon`, :math:`\varepsilon \sim \mathcal N(0, \sigma^2 I)`,
:math:`w \sim \mathcal N(0, \tau^2 I)`, has a Gaussian marginal likelihood (the evidence),

.. math::

    p(y \mid \sigma, \tau) = \int p(y \mid w, \sigma)\, p(w \mid \tau)\, dw
    = \mathcal N\!\left(y \,\middle|\, 0,\; \sigma^2 I + \tau^2 X X^\top\right),

whose maximiser over :math:`(\sigma, \tau)` chooses the regularisation without held-out data
(empirical Bayes, type-II maximum likelihood; MacKay, 1992).

The concept of this module: the evidence, its maximiser and the posterior predictive they
give; notebook 08 teaches them. The k-fold cross-validation they are compared with is in
:mod:`bayeslearn.cross_validation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .records import MeanAndSD, Record

__all__ = [
    "EvidenceFit",
    "check_squares_finite",
    "linear_predictive",
    "log_evidence",
    "maximise_evidence",
]


def _spectrum(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Squared singular values s², projections (Uᵀy)² and the rest ‖y‖² − ‖Uᵀy‖² (≥ 0)."""
    U, s, _ = np.linalg.svd(X, full_matrices=False)
    proj = U.T @ y
    return s * s, proj * proj, max(float(y @ y - proj @ proj), 0.0)


#: Scales whose squares are normal floats: below, sigma**2 loses digits or underflows to 0; above, it overflows.
_SCALE_RANGE = (float(np.sqrt(np.finfo(float).tiny)), float(np.sqrt(np.finfo(float).max)))


def _scale(value: object, name: str) -> np.ndarray:
    """A positive scale whose square is a normal float (about 1.5e-154 to 1.3e154)."""
    arr = v.positive(value, name)
    low, high = _SCALE_RANGE
    if arr.size and (arr.min() < low or arr.max() > high):
        raise ValueError(f"{name} must lie in [{low:.3g}, {high:.3g}] (its square must be a normal float), "
                         f"got values in [{arr.min():.3g}, {arr.max():.3g}]")
    return arr


def check_squares_finite(X: np.ndarray, y: np.ndarray) -> None:
    """A ValueError naming X or y if their squares overflow (singular values squared, y @ y)."""
    with np.errstate(over="ignore"):
        if not np.isfinite(np.einsum("ij,ij->", X, X)):
            raise ValueError(f"X is too large: its squared entries overflow the largest float "
                             f"(largest |X| {np.abs(X).max():.3g})")
        if not np.isfinite(y @ y):
            raise ValueError(f"y is too large: its squares overflow the largest float "
                             f"(largest |y| {np.abs(y).max():.3g})")


def log_evidence(X: ArrayLike, y: ArrayLike, noise_sigma: ArrayLike, prior_sigma: ArrayLike) -> float | np.ndarray:
    r"""Log marginal likelihood of Bayesian linear regression, :math:`\log p(y \mid \sigma, \tau)`.

    .. math::

        \log p(y \mid \sigma, \tau) = -\frac12\left[ n \log 2\pi + \log\det C + y^\top C^{-1} y \right],
        \qquad C = \sigma^2 I + \tau^2 X X^\top ,

    evaluated through the SVD :math:`X = U S V^\top` (:math:`C` has eigenvalues
    :math:`\sigma^2 + \tau^2 s_i^2` along :math:`U` and :math:`\sigma^2` elsewhere), so a whole grid
    of :math:`(\sigma, \tau)` costs one SVD.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Design matrix.
    y : array_like of shape (n,)
        Targets.
    noise_sigma : float or array_like
        :math:`\sigma > 0`.
    prior_sigma : float or array_like
        :math:`\tau > 0`; broadcasts with ``noise_sigma``.

    Returns
    -------
    float or ndarray
        Nats; an array of the broadcast shape of the two scales.

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, a scale is <= 0 or its square is
        not a normal float (outside about [1.5e-154, 1.3e154]), or the squares of ``X`` or ``y``
        (or :math:`\tau^2 s_i^2`) overflow.

    See Also
    --------
    maximise_evidence, bayeslearn.map_weights

    Notes
    -----
    Used in: notebook 08, section 4; notebook 08, section 6; notebook 08, section 7.

    References
    ----------
    .. [1] MacKay, D. J. C. (1992). Bayesian interpolation. *Neural Computation*, 4(3), 415-447.

    Examples
    --------
    One point, one weight: y ~ N(0, σ² + τ² x²).

    >>> from scipy.stats import norm
    >>> bool(np.isclose(log_evidence([[2.0]], [1.0], 1.0, 0.5), norm.logpdf(1.0, scale=np.sqrt(2.0))))
    True
    """
    X, y = v.design(X, y)
    sigma = _scale(noise_sigma, "noise_sigma")
    tau = _scale(prior_sigma, "prior_sigma")
    v.broadcast(sigma, tau, ("noise_sigma", "prior_sigma"))
    check_squares_finite(X, y)
    s2, proj2, rest = _spectrum(X, y)
    with np.errstate(over="ignore"):
        overflows = s2.size and not np.isfinite(tau.max() ** 2 * s2.max())
    if overflows:
        raise ValueError(f"prior_sigma and X are too large together: tau**2 s**2 overflows the largest float "
                         f"(prior_sigma up to {tau.max():.3g}, largest singular value of X {np.sqrt(s2.max()):.3g})")
    with np.errstate(over="ignore"):  # y'C^-1 y beyond the largest float: the evidence is 0, its log -inf
        return v.scalar_or_array(_log_evidence(s2, proj2, rest, y.size, sigma**2, tau**2))


def _log_evidence(s2: Any, proj2: Any, rest: Any, n: Any, var: Any, prior_var: Any) -> np.ndarray:
    var, prior_var = np.asarray(var, dtype=float)[..., None], np.asarray(prior_var, dtype=float)[..., None]
    eig = var + prior_var * s2  # (..., r)
    r = s2.size
    log_det = np.log(eig).sum(-1) + (n - r) * np.log(var[..., 0])
    quad = (proj2 / eig).sum(-1) + rest / var[..., 0]
    return -0.5 * (n * np.log(2.0 * np.pi) + log_det + quad)


@dataclass(frozen=True, repr=False)
class EvidenceFit(Record):
    """The scales that maximise the evidence, and what follows from them.

    Attributes
    ----------
    noise_sigma : float
        :math:`\\hat\\sigma`.
    prior_sigma : float
        :math:`\\hat\\tau`.
    alpha : float
        The ridge penalty they imply, :math:`\\hat\\lambda = \\hat\\sigma^2 / \\hat\\tau^2`.
    log_evidence : float
        :math:`\\log p(y \\mid \\hat\\sigma, \\hat\\tau)` in nats.
    weights : ndarray of shape (d,)
        The posterior mean (the MAP) at these scales.
    effective_parameters : float
        :math:`\\gamma = \\sum_i \\tau^2 s_i^2 / (\\sigma^2 + \\tau^2 s_i^2)`, the number of
        well-determined weights.
    iterations : int
        Fixed-point iterations used.
    """

    noise_sigma: float
    prior_sigma: float
    alpha: float
    log_evidence: float
    weights: np.ndarray
    effective_parameters: float
    iterations: int


def maximise_evidence(X: ArrayLike, y: ArrayLike, tol: float = 1e-10, max_iter: int = 10_000) -> EvidenceFit:
    r"""Empirical Bayes: the :math:`(\sigma, \tau)` that maximise :func:`log_evidence`.

    MacKay's (1992) fixed point, with :math:`m` the posterior mean (the ridge weights at
    :math:`\lambda = \sigma^2/\tau^2`) and :math:`\gamma` the effective number of parameters:

    .. math::

        \gamma = \sum_i \frac{\tau^2 s_i^2}{\sigma^2 + \tau^2 s_i^2}, \qquad
        \tau^2 \leftarrow \frac{\lVert m \rVert^2}{\gamma}, \qquad
        \sigma^2 \leftarrow \frac{\lVert y - X m \rVert^2}{n - \gamma},

    the same iteration as scikit-learn's ``BayesianRidge`` with its hyper-priors switched off
    (``alpha_1 = alpha_2 = lambda_1 = lambda_2 = 0``). It stops when both log-scales move
    by less than ``tol``.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Design matrix, with ``n > 1``.
    y : array_like of shape (n,)
        Targets, not all 0.
    tol : float, default 1e-10
        Convergence tolerance on the change of :math:`\log\sigma^2` and :math:`\log\tau^2`.
    max_iter : int, default 10000

    Returns
    -------
    EvidenceFit

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, ``n < 2`` or ``y`` is all 0, the
        squares of ``X`` or ``y`` over- or underflow,
        the evidence has no finite optimum (it grows as :math:`\sigma \to 0`, when the
        weights can fit every point, which can happen for ``n <= d``; or as
        :math:`\tau \to 0`, when the targets look like pure noise), or the iteration has not
        converged after ``max_iter`` steps.

    See Also
    --------
    log_evidence, cross_validation_mse

    Notes
    -----
    Used in: notebook 08, section 4; notebook 08, section 6; notebook 08, section 7.

    References
    ----------
    .. [1] MacKay, D. J. C. (1992). Bayesian interpolation. *Neural Computation*, 4(3), 415-447.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(50, 3))
    >>> fit = maximise_evidence(X, X @ [1.0, -1.0, 0.5] + 0.1 * rng.normal(size=50))
    >>> bool(0.05 < fit.noise_sigma < 0.2), bool(np.isclose(fit.alpha, fit.noise_sigma**2 / fit.prior_sigma**2))
    (True, True)
    """
    X, y = v.design(X, y)
    tol = v.scalar(v.positive(tol, "tol"), "tol")
    max_iter = v.integer(max_iter, "max_iter", minimum=1)
    if y.size < 2:
        raise ValueError(f"y must hold at least 2 targets, got {y.size}")
    if not np.any(y):
        raise ValueError("y must not be all 0: the evidence then grows without bound as σ, τ → 0")
    check_squares_finite(X, y)
    for arr, name in ((X, "X"), (y, "y")):
        largest = float(np.abs(arr).max(initial=0.0))
        if 0.0 < largest < _SCALE_RANGE[0]:  # squares below the smallest normal float
            raise ValueError(f"{name} is too small: its squares underflow (largest |{name}| {largest:.3g}); rescale it")
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    s2, c = s * s, U.T @ y
    rest = max(float(y @ y - c @ c), 0.0)
    var, prior_var = float(np.var(y)) or 1.0, 1.0  # starting point, as BayesianRidge: σ² = var(y), τ² = 1
    iteration, moved = 0, np.inf
    while moved >= tol:
        if iteration == max_iter:
            raise ValueError(f"the evidence iteration did not converge in max_iter = {max_iter} steps")
        iteration += 1
        gain = prior_var * s2 / (var + prior_var * s2)  # shrinkage of each direction, in [0, 1)
        gamma = float(gain.sum())
        m_norm2 = float(np.sum((gain * c) ** 2 / np.where(s2 > 0, s2, 1.0)))
        resid2 = float(np.sum(((1.0 - gain) * c) ** 2)) + rest
        if y.size - gamma < 1e-9 * y.size or resid2 < 1e-20 * float(y @ y):
            raise ValueError(
                "the evidence grows as noise_sigma -> 0: the weights can explain every target exactly "
                f"(n = {y.size} points, {gamma:.1f} well-determined weights); there is no finite optimum"
            )
        if gamma < 1e-9 or m_norm2 < 1e-20 * float(y @ y):
            raise ValueError(
                "the evidence grows as prior_sigma -> 0: it explains the targets as pure noise; "
                "there is no finite optimum"
            )
        new_prior, new_var = m_norm2 / gamma, resid2 / (y.size - gamma)
        moved = max(abs(np.log(new_prior / prior_var)), abs(np.log(new_var / var)))
        var, prior_var = new_var, new_prior
    alpha = var / prior_var
    gain = prior_var * s2 / (var + prior_var * s2)
    weights = Vt.T @ (gain * c / np.where(s > 0, s, 1.0))
    return EvidenceFit(float(np.sqrt(var)), float(np.sqrt(prior_var)), float(alpha),
                       float(_log_evidence(s2, c * c, rest, y.size, var, prior_var)), weights,
                       float(gain.sum()), iteration)


def linear_predictive(
    X: ArrayLike, y: ArrayLike, X_new: ArrayLike, noise_sigma: ArrayLike, prior_sigma: ArrayLike,
) -> MeanAndSD:
    r"""Posterior predictive mean and standard deviation of Bayesian linear regression.

    .. math::

        \Sigma = \left(\frac{X^\top X}{\sigma^2} + \frac{I}{\tau^2}\right)^{-1}, \quad
        m = \frac{\Sigma X^\top y}{\sigma^2}, \qquad
        p(y_\star \mid x_\star, y) = \mathcal N\!\left(x_\star^\top m,\;
        \sigma^2 + x_\star^\top \Sigma\, x_\star\right)

    The mean is the MAP (the ridge weights at :math:`\lambda = \sigma^2/\tau^2`); the variance
    adds the noise :math:`\sigma^2` to the uncertainty about the weights.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    X_new : array_like of shape (m, d)
        Where to predict.
    noise_sigma, prior_sigma : float
        :math:`\sigma > 0` and :math:`\tau > 0`.

    Returns
    -------
    MeanAndSD
        ``mean`` and ``sd``, ndarrays of shape (m,): the predictive mean and standard deviation.

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, a scale is <= 0 or its square is
        not a normal float, or the squares of ``X`` or the predictions overflow.

    Notes
    -----
    Used in: notebook 08, section 6.

    Examples
    --------
    >>> pred = linear_predictive([[1.0]], [2.0], [[1.0]], noise_sigma=1.0, prior_sigma=1.0)
    >>> pred.mean.tolist(), pred.sd.round(4).tolist()  # Σ = 1/2, m = 1; variance 1 + 1/2
    ([1.0], [1.2247])
    """
    X, y = v.design(X, y)
    X_new = v.matrix(X_new, "X_new")
    if X_new.shape[1] != X.shape[1]:
        raise ValueError(f"X_new must have {X.shape[1]} columns like X, got {X_new.shape[1]}")
    var = v.scalar(_scale(noise_sigma, "noise_sigma"), "noise_sigma") ** 2
    prior_var = v.scalar(_scale(prior_sigma, "prior_sigma"), "prior_sigma") ** 2
    check_squares_finite(X, y)
    with np.errstate(over="ignore"):
        precision = X.T @ X / var + np.eye(X.shape[1]) / prior_var
        if not np.isfinite(precision).all():
            raise ValueError(f"X is too large for noise_sigma = {np.sqrt(var):.3g}: X^T X / sigma^2 overflows")
        chol = np.linalg.cholesky(precision)
        mean_w = np.linalg.solve(precision, X.T @ y / var)
        half = np.linalg.solve(chol, X_new.T)  # Σ = L^-T L^-1, so x Σ x = |L^-1 x|^2
        mean, sd = X_new @ mean_w, np.sqrt(var + np.einsum("ij,ij->j", half, half))
    if not (np.isfinite(mean).all() and np.isfinite(sd).all()):
        raise ValueError("X_new is too large: the predictive mean or standard deviation overflows the largest float")
    return MeanAndSD(mean, sd)
