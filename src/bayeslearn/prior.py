"""Normalised log prior densities (notebooks 02 and 03).

A prior says which parameter values we find plausible before seeing data. On a
probability :math:`\\theta` the conjugate choice is a Beta density; on a weight that lives on
the whole real line it is a Gaussian, whose negative log is the weight-decay penalty.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import betaln, gammaln, xlog1py, xlogy

from . import validation as v
from .likelihood import gaussian_log_density

__all__ = ["beta_log_prior", "gaussian_log_prior"]


def beta_log_prior(theta: ArrayLike, a: ArrayLike, b: ArrayLike) -> float | np.ndarray:
    r"""Log density of a :math:`\mathrm{Beta}(a, b)` prior, elementwise.

    .. math::

        \log p(\theta) = (a-1)\log\theta + (b-1)\log(1-\theta) - \log B(a, b)

    Parameters
    ----------
    theta : float or array_like
        Points in [0, 1].
    a, b : float or array_like
        Shape parameters, > 0; read them as ``a - 1`` prior heads and ``b - 1`` prior tails.

    Returns
    -------
    float or ndarray
        The log density; ``+inf`` at an endpoint where the density diverges
        (``a < 1`` at 0, ``b < 1`` at 1), ``-inf`` where it vanishes. When both shapes
        exceed 100 it is evaluated about the mode (Stirling's series for :math:`\log B(a, b)`),
        so shapes up to 1e308 give the right number rather than a difference of huge terms.
        Hand-written rather than ``scipy.stats.beta.logpdf`` for that reason; measured against
        mpmath (scipy 1.17): at ``a = 1e12, b = 3e12, theta = 0.25`` scipy's relative error is
        9.5e-4 and this one's 1.2e-16 (at ``a = b = 1e6``: 1.2e-10 against 1.3e-16).

    Raises
    ------
    ValueError
        If ``theta`` is outside [0, 1], ``a <= 0``, ``b <= 0``, anything is NaN or infinite,
        or the shapes do not broadcast.

    See Also
    --------
    beta_bernoulli_posterior

    Notes
    -----
    Used in: notebook 02, section 1; notebook 02, section 3; notebook 02, section 5.

    Examples
    --------
    >>> beta_log_prior(0.3, 1, 1)  # the uniform prior
    0.0
    """
    theta = v.probability(theta, "theta")
    a = v.positive(a, "a")
    b = v.positive(b, "b")
    v.broadcast_all(theta=theta, a=a, b=b)
    theta, a, b = np.broadcast_arrays(theta, a, b)
    with np.errstate(over="ignore", invalid="ignore"):
        direct = xlogy(a - 1.0, theta) + xlog1py(b - 1.0, -theta) - _log_beta(a, b)
        # Both shapes large: the terms above are huge and cancel; use the concentrated form.
        concentrated = np.minimum(a, b) > _CONCENTRATED
        if concentrated.any():
            direct = np.where(concentrated, _concentrated_log_density(theta, a, b), direct)
    return v.scalar_or_array(direct)


#: Above this (for both shapes) the Beta density is evaluated about its mode.
_CONCENTRATED = 100.0


def _log_beta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    r"""``log B(a, b)``; for one shape above 100, without differencing two huge log-gammas.

    With ``s = min(a, b)`` and ``L = max(a, b) > 100``, Stirling's formula for the two large
    log-gammas leaves
    :math:`\log\Gamma(s) - s\log(s + L) - (L - \tfrac12)\log(1 + s/L) + s + \delta(L) - \delta(s + L)`,
    whose terms are no larger than the answer (scipy's ``betaln`` loses ~1e-10 at L = 1e5).
    """
    small, large = np.minimum(a, b), np.maximum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        stirling = (gammaln(small) - small * np.log(small + large) - (large - 0.5) * np.log1p(small / large)
                    + small + _stirling_remainder(1.0 / large) - _stirling_remainder(1.0 / (small + large)))
    return np.where(large > _CONCENTRATED, stirling, betaln(a, b))


def _log1pmx(x: np.ndarray) -> np.ndarray:
    """``log(1 + x) - x`` for x >= -1, by its series where |x| < 1/8 (no cancellation)."""
    small = np.abs(x) < 0.125
    xs = np.where(small, x, 0.0)
    series = np.zeros_like(xs)
    for j in range(26, 1, -1):  # Horner: sum_j (-1)^(j+1) x^j / j, j = 2..26; 8^-26 / 26 < 1e-24
        series = xs * ((-1.0) ** (j + 1) / j + series)
    with np.errstate(divide="ignore"):  # log(0) = -inf at x = -1: theta at an end
        return np.where(small, xs * series, np.log1p(x) - x)


def _stirling_remainder(inv: np.ndarray) -> np.ndarray:
    """``lgamma(x) - [(x - 1/2) log x - x + log(2 pi)/2]`` at ``x = 1 / inv >= 99``, by its series."""
    inv2 = inv * inv
    return inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0))


def _concentrated_log_density(theta: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    r"""Beta log density for a, b > 100, with no huge terms to cancel.

    With :math:`A = a - 1`, :math:`B = b - 1`, :math:`N = A + B` and the mode :math:`m = A/N`,

    .. math::

        \log p(\theta) = -N\,\mathrm{kl}(m \,\|\, \theta)
            + \tfrac12 \log\frac{N}{2\pi A B} + \log(1 + N) - \delta(A) - \delta(B) + \delta(N)

    where :math:`\mathrm{kl}` is the KL divergence between two coins and :math:`\delta` the
    remainder of Stirling's formula. Computed with :math:`N/2` so that nothing overflows.
    """
    A, B = a - 1.0, b - 1.0
    half = 0.5 * A + 0.5 * B
    m, m_bar = (0.5 * A) / half, (0.5 * B) / half  # the mode and 1 - mode, each to full precision
    # kl = -m log(1 + x) - (1 - m) log(1 + y) with m x = theta - m = -(1 - m) y: the linear
    # terms cancel exactly, leaving -m (log1p(x) - x) - (1 - m)(log1p(y) - y), each >= 0.
    # theta - m is taken from the nearer end, so a mode within 1e-16 of 1 keeps its digits.
    gap = np.where(m <= 0.5, theta - m, m_bar - (1.0 - theta))
    kl = -m * _log1pmx(gap / m) - m_bar * _log1pmx(-gap / m_bar)
    log_n = np.log(half) + np.log(2.0)
    shape = 0.5 * (log_n - np.log(A) - np.log(B) - np.log(2.0 * np.pi)) + log_n + np.log1p(0.5 / half)
    remainder = _stirling_remainder(1.0 / A) + _stirling_remainder(1.0 / B) - _stirling_remainder(0.5 / half)
    return -2.0 * (half * kl) + shape - remainder


def gaussian_log_prior(w: ArrayLike, sigma: ArrayLike, *, mean: ArrayLike = 0.0) -> float | np.ndarray:
    r"""Log density of a Gaussian prior :math:`\mathcal N(\mathrm{mean}, \sigma^2)`, elementwise.

    .. math::

        \log p(w) = -\tfrac12 \log(2\pi\sigma^2) - \frac{(w - \mu)^2}{2\sigma^2}

    Summed over the weights of a model with ``mean=0`` this is
    :math:`-\lVert w \rVert^2 / (2\sigma^2)` plus a constant: weight decay.

    Parameters
    ----------
    w : float or array_like
        The weights (or a grid of them).
    sigma : float or array_like
        Prior standard deviation :math:`\sigma > 0`; small means a strong prior.
    mean : float or array_like, default 0.0, keyword-only
        Prior mean :math:`\mu`. Keyword-only because it has a default: the library's rule is
        that where mean and sigma are both positional, mean comes first
        (:func:`gaussian_log_likelihood` ``(y, mean, sigma)``), and a mean that defaults to 0
        is passed by name.

    Returns
    -------
    float or ndarray
        The log density at every element of ``w``; ``-inf`` where the squared z-score
        :math:`((w - \mu)/\sigma)^2` overflows (the density is below the smallest float).

    Raises
    ------
    ValueError
        If anything is NaN or infinite, ``sigma <= 0``, or the shapes do not broadcast.

    Notes
    -----
    Used in: notebook 02, section 2; notebook 02, section 3; notebook 02, section 4; notebook 02, section 7;
    notebook 02, section 8; notebook 03, section 4; notebook 03, section 5; notebook 03, section 6;
    notebook 03, section 7.

    Examples
    --------
    >>> from scipy.stats import norm
    >>> bool(abs(gaussian_log_prior(1.2, 0.5, mean=1.0) - norm.logpdf(1.2, 1.0, 0.5)) < 1e-12)
    True
    """
    w = v.finite(w, "w")
    sigma = v.positive(sigma, "sigma")
    mean = v.finite(mean, "mean")
    v.broadcast_all(w=w, sigma=sigma, mean=mean)
    return v.scalar_or_array(gaussian_log_density(w, mean, sigma))
