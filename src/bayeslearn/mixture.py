"""Fitting one Gaussian to a mixture by forward or reverse KL, on a grid (notebook 04).

KL is not symmetric, and the direction decides what an approximation gets right:

- forward :math:`D_{KL}(p \\,\\|\\, q)` (the maximum-likelihood direction) punishes
  :math:`q \\approx 0` where :math:`p > 0`, so :math:`q` spreads to cover every mode; over
  Gaussians its minimiser matches the mean and variance of :math:`p` (moment matching);
- reverse :math:`D_{KL}(q \\,\\|\\, p)` (the variational-inference direction) punishes
  :math:`q > 0` where :math:`p \\approx 0`, so :math:`q` sits on one mode (mode seeking).

Densities are handled as log-densities on a grid; the integrals are trapezoid sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import minimize
from scipy.special import logsumexp

from . import validation as v
from .likelihood import gaussian_log_density
from .records import MeanAndSD, Record

__all__ = ["GaussianFit", "fit_gaussian_kl", "grid_kl", "mixture_log_pdf", "mixture_moments"]

#: log of the largest float: a log-density above it has an infinite density.
_LOG_MAX = float(np.log(np.finfo(float).max))


def _components(weights: Any, means: Any, sigmas: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    w = v.distribution(weights, "weights")
    if w.ndim != 1:
        raise ValueError(f"weights must be 1-D, got shape {w.shape}")
    mu = v.finite(means, "means")
    sd = v.positive(sigmas, "sigmas")
    if mu.shape != w.shape or sd.shape != w.shape:
        raise ValueError(
            f"weights, means and sigmas must have the same shape, got {w.shape}, {mu.shape}, {sd.shape}"
        )
    return w, mu, sd


def mixture_log_pdf(x: ArrayLike, weights: ArrayLike, means: ArrayLike, sigmas: ArrayLike) -> np.ndarray:
    r"""Log-density of a Gaussian mixture, :math:`\log \sum_k w_k\, \mathcal N(x \mid \mu_k, \sigma_k^2)`.

    Computed as a log-sum-exp of the components' log-densities, so it stays finite far in
    the tails where every density underflows to 0.

    Parameters
    ----------
    x : array_like
        Points (any shape).
    weights : array_like, shape (K,)
        Mixture weights, non-negative, summing to 1.
    means : array_like, shape (K,)
        Component means.
    sigmas : array_like, shape (K,)
        Component standard deviations, > 0.

    Returns
    -------
    ndarray
        :math:`\log p(x)`, of the shape of ``x``.

    Raises
    ------
    ValueError
        If the weights are not a distribution, a sigma is not > 0, the shapes differ, or
        ``x`` is NaN or infinite.

    See Also
    --------
    mixture_moments, fit_gaussian_kl

    Notes
    -----
    Used in: notebook 04, section 6.

    Examples
    --------
    >>> round(float(mixture_log_pdf(0.0, [1.0], [0.0], [1.0])), 6)   # -log sqrt(2 pi)
    -0.918939
    """
    w, mu, sd = _components(weights, means, sigmas)
    x = v.finite(x, "x")
    with np.errstate(divide="ignore"):
        log_w = np.log(w)
    return logsumexp(log_w + gaussian_log_density(x[..., None], mu, sd), axis=-1)


def mixture_moments(weights: ArrayLike, means: ArrayLike, sigmas: ArrayLike) -> MeanAndSD:
    r"""Mean and standard deviation of a Gaussian mixture.

    .. math::

        m = \sum_k w_k \mu_k, \qquad
        s^2 = \sum_k w_k \bigl(\sigma_k^2 + \mu_k^2\bigr) - m^2

    the parameters of the forward-KL (moment-matching) Gaussian fit.

    Parameters
    ----------
    weights, means, sigmas : array_like, shape (K,)
        As in :func:`mixture_log_pdf`.

    Returns
    -------
    MeanAndSD
        ``mean`` and ``sd`` (floats) of the mixture.

    Raises
    ------
    ValueError
        As in :func:`mixture_log_pdf`.

    Notes
    -----
    Used in: notebook 04, section 6.

    Examples
    --------
    >>> moments = mixture_moments([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0])
    >>> moments.mean, round(moments.sd**2, 12)                     # 1 + 4
    (0.0, 5.0)
    """
    w, mu, sd = _components(weights, means, sigmas)
    mean = float(w @ mu)
    # in units of a power of two near the largest spread, so that squares near 1e308 do not overflow
    half_gap = 0.5 * mu - 0.5 * mean  # (mu - mean) / 2, which cannot overflow
    top = float(np.where(w > 0, np.maximum(0.5 * sd, np.abs(half_gap)), 0.0).max())
    scale = float(np.ldexp(1.0, np.frexp(top)[1] - 1)) if top > 0 else 1.0  # top / scale in [1, 2)
    with np.errstate(over="ignore"):  # overflow only in components of weight 0, or an sd beyond max float
        terms = np.where(w > 0, (sd / scale) ** 2 + (2.0 * (half_gap / scale)) ** 2, 0.0)
        return MeanAndSD(mean, float(np.sqrt(float(w @ terms)) * scale))


def grid_kl(log_p: ArrayLike, log_q: ArrayLike, x: ArrayLike) -> float:
    r"""KL divergence of two densities on a grid, :math:`\int p(x) \log \frac{p(x)}{q(x)}\,dx`.

    Integrated with the trapezoid rule over the grid ``x``, from log-densities (so a tail
    where :math:`q` underflows still costs its true, large :math:`-\log q`). Points with
    :math:`p(x) = 0` (``log_p = -inf``) contribute 0. Swap the arguments for the reverse
    divergence.

    Parameters
    ----------
    log_p, log_q : array_like, shape (m,)
        Log-densities on the grid; ``log_q`` may be ``-inf`` only where ``log_p`` is.
    x : array_like, shape (m,)
        Increasing grid, m >= 2, wide enough to hold the mass of :math:`p`.

    Returns
    -------
    float
        The divergence in nats (``inf`` if ``q = 0`` somewhere ``p > 0``).

    Raises
    ------
    ValueError
        If the shapes differ, the grid is not increasing or spans more than the largest
        float, anything is NaN, ``log_p`` exceeds the log of the largest float (an infinite
        density) or is ``-inf`` everywhere.

    See Also
    --------
    fit_gaussian_kl

    Notes
    -----
    Used in: notebook 04, section 6.

    Examples
    --------
    >>> x = np.linspace(-12.0, 12.0, 4001)
    >>> log_p = mixture_log_pdf(x, [1.0], [0.0], [1.0])
    >>> log_q = mixture_log_pdf(x, [1.0], [1.0], [1.0])
    >>> round(grid_kl(log_p, log_q, x), 6)            # (mu_p - mu_q)^2 / 2
    0.5
    """
    x = _grid(x)
    log_p = v.as_float_array(log_p, "log_p")
    log_q = v.as_float_array(log_q, "log_q")
    if log_p.shape != x.shape or log_q.shape != x.shape:
        raise ValueError(f"log_p, log_q and x must have the same shape, got {log_p.shape}, {log_q.shape}, {x.shape}")
    if (log_p == np.inf).any() or (log_q == np.inf).any():
        raise ValueError("log_p and log_q must be < inf")
    _density(log_p, "log_p")
    return _grid_kl(log_p, log_q, np.diff(x))


def _density(log_p: np.ndarray, name: str) -> None:
    """A log-density whose exponential is finite and not 0 everywhere."""
    if log_p.size and log_p.max() > _LOG_MAX:
        raise ValueError(f"{name} must be <= {_LOG_MAX:.1f}, the log of the largest float, got {log_p.max():.4g}")
    if np.isneginf(log_p).all():
        raise ValueError(f"{name} must be > -inf somewhere: a density that is 0 everywhere")


def _grid(x: object) -> np.ndarray:
    x = v.finite(x, "x")
    if x.ndim != 1 or x.size < 2:
        raise ValueError(f"x must be a 1-D grid of at least 2 points, got shape {x.shape}")
    with np.errstate(over="ignore"):
        steps, span = np.diff(x), x[-1] - x[0]
    if not (steps > 0).all():
        raise ValueError("x must be strictly increasing")
    if not np.isfinite(span):
        raise ValueError(f"x must span less than the largest float, got a grid from {x[0]:.3g} to {x[-1]:.3g}")
    return x


def _grid_kl(log_p: np.ndarray, log_q: np.ndarray, dx: np.ndarray) -> float:
    p = np.exp(log_p)
    with np.errstate(invalid="ignore"):
        integrand = np.where(p > 0, p * (log_p - log_q), 0.0)
    return float(0.5 * (dx * (integrand[..., 1:] + integrand[..., :-1])).sum(axis=-1))


@dataclass(frozen=True, repr=False)
class GaussianFit(Record):
    """The Gaussian :math:`\\mathcal N(\\mu, \\sigma^2)` that minimises a KL divergence, and its KL.

    Attributes
    ----------
    mean : float
        :math:`\\mu`.
    sigma : float
        :math:`\\sigma > 0`.
    kl : float
        The divergence it reaches, in nats.

    Examples
    --------
    >>> GaussianFit(0.0, 1.0, 0.1).sigma
    1.0
    """

    mean: float
    sigma: float
    kl: float


def fit_gaussian_kl(x: ArrayLike, log_p: ArrayLike, direction: str = "forward") -> GaussianFit:
    r"""The Gaussian closest to a density on a grid, in forward or reverse KL.

    .. math::

        \text{forward: } \min_{\mu,\sigma} D_{KL}\bigl(p \,\|\, \mathcal N(\mu, \sigma^2)\bigr),
        \qquad
        \text{reverse: } \min_{\mu,\sigma} D_{KL}\bigl(\mathcal N(\mu, \sigma^2) \,\|\, p\bigr)

    A grid search over :math:`(\mu, \log\sigma)` (means across the grid, widths from a few
    grid steps to half its span) finds the best basin, which Nelder-Mead then refines.
    The grid search matters for the reverse direction, whose objective has one local
    minimum per mode.

    Parameters
    ----------
    x : array_like, shape (m,)
        Increasing grid, wide enough to hold :math:`p` and the fitted Gaussian.
    log_p : array_like, shape (m,)
        Log-density of the target on the grid (e.g. :func:`mixture_log_pdf`).
    direction : {"forward", "reverse"}
        ``"forward"`` minimises :math:`D_{KL}(p\|q)` (mode covering, moment matching);
        ``"reverse"`` minimises :math:`D_{KL}(q\|p)` (mode seeking).

    Returns
    -------
    GaussianFit
        ``(mu, sigma, kl)``.

    Raises
    ------
    TypeError
        If ``direction`` is not a string.
    ValueError
        If ``direction`` is not one of the two, or ``x`` and ``log_p`` are not a valid grid
        and log-density of the same shape (as in :func:`grid_kl`).

    See Also
    --------
    grid_kl, mixture_moments

    Notes
    -----
    Used in: notebook 04, section 6.

    Examples
    --------
    >>> x = np.linspace(-10.0, 10.0, 2001)
    >>> fit = fit_gaussian_kl(x, mixture_log_pdf(x, [1.0], [1.5], [0.7]), "reverse")
    >>> round(fit.mean, 3), round(fit.sigma, 3)
    (1.5, 0.7)
    """
    if not isinstance(direction, str):
        raise TypeError(f"direction must be 'forward' or 'reverse', got {type(direction).__name__}")
    if direction not in ("forward", "reverse"):
        raise ValueError(f"direction must be 'forward' or 'reverse', got {direction!r}")
    x = _grid(x)
    log_p = v.as_float_array(log_p, "log_p")
    if log_p.shape != x.shape:
        raise ValueError(f"log_p must have the shape of x, got {log_p.shape} and {x.shape}")
    if (log_p == np.inf).any():
        raise ValueError("log_p must be < inf")
    _density(log_p, "log_p")
    dx = np.diff(x)
    span = x[-1] - x[0]

    def objective(mu: float, log_sigma: float) -> float:
        # a search step to sigma = inf, or a grid near the largest float: log q = -inf, KL = inf
        with np.errstate(over="ignore"):
            log_q = gaussian_log_density(x, mu, np.exp(log_sigma))
            if direction == "forward":
                return _grid_kl(log_p, log_q, dx)
            return _grid_kl(log_q, log_p, dx)

    mus = np.linspace(x[0] + 0.1 * span, x[-1] - 0.1 * span, 41)
    log_sigmas = np.linspace(np.log(5 * dx.max()), np.log(span / 4), 25)
    scores = [(objective(m, s), m, s) for m in mus for s in log_sigmas]
    _, m0, s0 = min(scores)
    best = minimize(lambda t: objective(t[0], t[1]), [m0, s0], method="Nelder-Mead",
                    options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 2000})
    return GaussianFit(float(best.x[0]), float(np.exp(best.x[1])), float(best.fun))
