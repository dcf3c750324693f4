"""A Gaussian prior on a coin's log-odds, its MAP, and the normal (Laplace) approximation (notebook 02).

A network does not output a probability directly: it outputs a logit
:math:`\\eta \\in \\mathbb R` and squashes it, :math:`\\theta = \\sigma(\\eta) = 1 / (1 + e^{-\\eta})`.
Its weights live on the whole real line in the same way, and a Gaussian prior on them is
weight decay. This module puts a Gaussian prior :math:`\\eta \\sim \\mathcal N(\\mu_0, \\tau^2)` on
the log-odds of a coin. The posterior has no closed form, so the MAP is found by Newton's
method, and the posterior is approximated by a Gaussian at the MAP whose variance is the
inverse curvature there (the Laplace approximation). Both are checked against brute-force
grids in ``tests/test_logodds.py``. The exact posterior on a grid, and what it gives (the KL
divergence to the approximation, the predictive probability), is in :mod:`bayeslearn.logodds_grid`.

All of the work happens in :math:`\\eta`, not in :math:`\\theta`: on :math:`\\mathbb R` a Gaussian
approximation has the right support, and the log-posterior is strictly concave, so the MAP
is unique and always finite, even for 100 heads in 100 tosses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit, log_expit

from . import validation as v

if TYPE_CHECKING:
    from scipy.stats._distn_infrastructure import rv_continuous_frozen

#: A number or an array of them: the kernels below broadcast.
Real = float | np.ndarray

__all__ = ["checked_scalar_args", "laplace_approximation", "log_posterior_change", "logodds_log_posterior",
           "logodds_map", "newton_map", "posterior_sd"]

#: Newton iterations are capped here; a few suffice (quadratic convergence inside a bracket).
_MAX_ITER = 200


def _prior_args(prior_mean: ArrayLike, prior_sigma: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    return v.finite(prior_mean, "prior_mean"), v.positive(prior_sigma, "prior_sigma")


def _checked(heads: ArrayLike, tosses: ArrayLike, prior_mean: ArrayLike, prior_sigma: ArrayLike,
             **others: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The data and the prior, checked, with every argument's shape broadcast (or named)."""
    k, n = v.heads_and_tosses(heads, tosses)
    mu, tau = _prior_args(prior_mean, prior_sigma)
    v.broadcast_all(**others, heads=k, tosses=n, prior_mean=mu, prior_sigma=tau)
    return k, n, mu, tau


def checked_scalar_args(heads: ArrayLike, tosses: ArrayLike, prior_mean: ArrayLike,
                        prior_sigma: ArrayLike) -> tuple[float, float, float, float]:
    """The data and the prior as four floats, checked: each a single number (the grid functions take no arrays).

    Used in: notebook 02, section 5; notebook 02, section 6; notebook 02, section 7; notebook 02, section 8
    """
    given = {"heads": heads, "tosses": tosses, "prior_mean": prior_mean, "prior_sigma": prior_sigma}
    for name, value in given.items():  # before broadcasting, so the message names the array
        shape = v.numeric(value, name).shape
        if shape:
            raise ValueError(f"{name} must be a scalar here, got shape {shape}")
    k, n, mu, tau = _checked(heads, tosses, prior_mean, prior_sigma)
    return float(k), float(n), float(mu), float(tau)


def _log_posterior(eta: Real, k: Real, n: Real, mu: Real, tau: Real) -> Real:
    """Unchecked kernel of :func:`logodds_log_posterior`."""
    with np.errstate(over="ignore"):  # a z-score beyond 1e154: the prior density is 0
        z = (eta - mu) / tau
        return k * log_expit(eta) + (n - k) * log_expit(-eta) - (0.5 * z) * z


def log_posterior_change(eta: Real, offset: Real, k: Real, n: Real, mu: Real, tau: Real) -> Real:
    r"""``log p(eta + offset) - log p(eta)``, without subtracting two huge numbers.

    For :math:`|\delta| < 1` the data term uses
    :math:`\log\sigma(\eta+\delta) - \log\sigma(\eta) = -\log(1 + \sigma(-\eta)(e^{-\delta} - 1))`,
    so :math:`10^{18}` tosses (a log-likelihood near -1e17, whose last digit is 8 nats) still
    give changes exact to rounding; the prior term is
    :math:`-\tfrac{\delta}{\tau}\left(z_0 + \tfrac{\delta}{2\tau}\right)` with
    :math:`z_0 = (\eta - \mu)/\tau`, which also resolves offsets below one ulp of :math:`\eta`.

    Used in: notebook 02, section 6; notebook 02, section 7; notebook 02, section 8; notebook 02, section 9
    """
    with np.errstate(over="ignore", invalid="ignore"):
        near = np.abs(offset) < 1.0
        d = np.where(near, offset, 0.0)
        data_near = -k * np.log1p(expit(-eta) * np.expm1(-d)) - (n - k) * np.log1p(expit(eta) * np.expm1(d))
        data_far = (k * (log_expit(eta + offset) - log_expit(eta))
                    + (n - k) * (log_expit(-(eta + offset)) - log_expit(-eta)))
        u = offset / tau
        prior = -u * ((eta - mu) / tau + 0.5 * u)
        return np.where(near, data_near, data_far) + prior


def _data_gradient(eta: Real, k: Real, n: Real) -> Real:
    # k sigma(-eta) - (n - k) sigma(eta) is k - n sigma(eta) without the cancellation at large |eta|
    return k * expit(-eta) - (n - k) * expit(eta)


def _split_scale(tau: Real) -> tuple[Real, Real]:
    r"""``(p, q)`` with ``p / q = tau``, both <= 1: ``(tau, 1)`` for tau < 1, else ``(1, 1/tau)``.

    The gradient times :math:`p^2/q^2 > 0`, :math:`p^2 D(\eta) - q^2 (\eta - \mu)`, has the
    root and the sign of the gradient :math:`D(\eta) - (\eta - \mu)/\tau^2`, and neither it
    nor its derivative overflows for any positive tau.
    """
    tau = np.asarray(tau)
    small = tau < 1.0
    return np.where(small, tau, 1.0), np.divide(1.0, tau, out=np.ones_like(tau), where=~small)


def posterior_sd(eta: Real, n: Real, tau: Real) -> Real:
    """``1 / sqrt(n sigma(eta) sigma(-eta) + 1/tau^2)``, through logs: no overflow or underflow.

    Used in: notebook 02, section 6; notebook 02, section 7; notebook 02, section 8
    """
    with np.errstate(divide="ignore"):  # log 0 = -inf for no data: the prior's sd
        log_c = np.log(n) + log_expit(eta) + log_expit(-eta)  # log of the data's precision
    log_t = 2.0 * np.log(tau) + log_c  # log(tau^2 n sigma sigma): the data's share over the prior's
    with np.errstate(over="ignore", invalid="ignore"):  # the branch np.where drops may overflow
        return np.where(log_t <= 0.0, tau / np.sqrt(1.0 + np.exp(log_t)),
                        np.exp(-0.5 * log_c) / np.sqrt(1.0 + np.exp(-log_t)))


def _decreasing_root(func: Callable[[Real], tuple[Real, Real]], eta: Real, lo: Real, hi: Real) -> Real:
    """Root of a decreasing ``func`` (returning value and slope) in ``[lo, hi]``; elementwise.

    Newton's method, falling back to bisection when a step would leave the bracket or is not
    at most half the step before the last (so a crawl of small steps cannot use up the
    iterations), as in "rtsafe". A step too small to move eta (new == eta, now an end of
    the bracket) means eta is the root to working precision: it is kept rather than bisected
    away from.
    """
    last = previous = hi - lo
    for _ in range(_MAX_ITER):
        f, slope = func(eta)
        lo = np.where(f > 0, eta, lo)
        hi = np.where(f < 0, eta, hi)
        step = -f / slope
        new = eta + step
        stray = ~((new > lo) & (new < hi)) | (np.abs(step) > 0.5 * np.abs(previous))
        new = np.where((f != 0) & (new != eta) & stray, 0.5 * lo + 0.5 * hi, new)
        previous, last = last, new - eta
        done = np.abs(new - eta) <= 1e-14 * (1.0 + np.abs(eta))
        eta = new
        if done.all():
            break
    return eta


def _two_sided_map(k: Real, n: Real, mu: Real, tau: Real) -> Real:
    """MAP for heads and tails both seen: 1-D arrays."""
    p, q = _split_scale(tau)
    # The root lies between mu and mu + tau^2 g(mu) (the gradient falls by at least
    # (eta - mu)/tau^2 on top of its value at mu), and between mu and logit(k/n), where the
    # data's own gradient vanishes.
    d0 = _data_gradient(mu, k, n)
    end = mu + (p * (p * d0)) / (q * q)  # may overflow to +-inf for a huge tau
    logit = np.where(n > 0, np.log(k) - np.log(n - k), mu)
    lo = np.where(d0 < 0, np.maximum(end, logit), mu)
    hi = np.where(d0 > 0, np.minimum(end, logit), mu)
    # Start from the precision-weighted blend of the prior mean and a smoothed log-odds MLE.
    smooth = (k + 0.5) / (n + 1.0)
    r = (p * (p * (n * smooth * (1.0 - smooth)))) / (q * q)  # tau^2 times the data's precision
    share = np.where(np.isinf(r), 1.0, r / (1.0 + r))
    start = np.clip((1.0 - share) * mu + share * (np.log(smooth) - np.log1p(-smooth)), lo, hi)

    def gradient(eta: Real) -> tuple[Real, Real]:  # the gradient times p^2/q^2 > 0, and its slope
        g = p * (p * _data_gradient(eta, k, n)) - q * (q * (eta - mu))
        return g, -(q * q + p * (p * (n * expit(eta) * expit(-eta))))

    return _decreasing_root(gradient, start, lo, hi)


def _all_heads_map(n: Real, mu: Real, tau: Real) -> Real:
    r"""MAP for ``k = n > 0`` heads: the root of :math:`n\sigma(-\eta) = (\eta - \mu)/\tau^2`, in logs.

    Both sides can fall below the smallest float (a prior scale of 1e300 puts the root near
    :math:`\eta = 1374`, where :math:`\sigma(-\eta) = e^{-1374}`), so the root is found for
    :math:`\log n + \log\sigma(-\eta) + 2\log\tau - \log(\eta - \mu)`, which decreases from
    :math:`+\infty` at :math:`\mu`. It lies below :math:`\mu + \tau^2 n\sigma(-\mu)` and below
    :math:`\max(\mu + 1, \log(\tau^2 n))` (beyond :math:`\mu + 1`,
    :math:`1 < \eta - \mu = \tau^2 n \sigma(-\eta) < \tau^2 n e^{-\eta}`).
    """
    log_pull = np.log(n) + 2.0 * np.log(tau)  # log(tau^2 n)
    hi = np.minimum(mu + np.exp(log_pull + log_expit(-mu)), np.maximum(mu + 1.0, log_pull))
    lo = mu

    def balance(eta: Real) -> tuple[Real, Real]:
        gap = eta - mu
        return log_pull + log_expit(-eta) - np.log(gap), -expit(eta) - 1.0 / gap

    return _decreasing_root(balance, 0.5 * lo + 0.5 * hi, lo, hi)


def newton_map(k: Real, n: Real, mu: Real, tau: Real) -> Real:
    """The MAP of the log-odds, elementwise over the broadcast arguments.

    Used in: notebook 02, section 3; notebook 02, section 4; notebook 02, section 5; notebook 02, section 6
    """
    k, n, mu, tau = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in (k, n, mu, tau)))
    shape = k.shape
    k, n, mu, tau = (a.ravel() for a in (k, n, mu, tau))
    eta = np.empty_like(mu)
    heads, tails = (k == n) & (n > 0), (k == 0) & (n > 0)
    both = ~(heads | tails) & (n > 0)
    eta[n == 0] = mu[n == 0]  # no data: the posterior is the prior, its mode the prior mean
    with np.errstate(over="ignore", divide="ignore", invalid="ignore", under="ignore"):
        eta[both] = _two_sided_map(k[both], n[both], mu[both], tau[both])
        eta[heads] = _all_heads_map(n[heads], mu[heads], tau[heads])
        eta[tails] = -_all_heads_map(n[tails], -mu[tails], tau[tails])  # by symmetry
    return eta.reshape(shape)


def logodds_log_posterior(eta: ArrayLike, heads: ArrayLike, tosses: ArrayLike, prior_mean: ArrayLike,
                          prior_sigma: ArrayLike) -> float | np.ndarray:
    r"""Unnormalised log-posterior of a coin's log-odds under a Gaussian prior.

    With :math:`\theta = \sigma(\eta)`, :math:`k` heads in :math:`n` tosses and the prior
    :math:`\eta \sim \mathcal N(\mu_0, \tau^2)`,

    .. math::

        \log p(\eta \mid k, n) = k \log\sigma(\eta) + (n - k)\log\sigma(-\eta)
            - \frac{(\eta - \mu_0)^2}{2\tau^2} + \text{const}

    using :math:`1 - \sigma(\eta) = \sigma(-\eta)`. The constant (the log evidence and the
    prior's normaliser) does not depend on :math:`\eta` and is left out: it moves the curve
    up or down, never its maximum. :func:`scipy.special.log_expit` keeps every term finite
    for any real :math:`\eta`.

    Used in: notebook 02, section 3; notebook 02, section 6; notebook 02, section 8; notebook 02, section 9

    Parameters
    ----------
    eta : float or array_like
        Log-odds :math:`\eta = \log(\theta / (1 - \theta))`, finite; a grid broadcasts.
    heads, tosses : int or array_like
        The data: ``heads`` heads in ``tosses`` tosses, ``0 <= heads <= tosses``.
    prior_mean : float or array_like
        Prior mean :math:`\mu_0` of the log-odds (0 is a fair coin).
    prior_sigma : float or array_like
        Prior standard deviation :math:`\tau > 0`; small means a strong prior.

    Returns
    -------
    float or ndarray
        The log-posterior up to an additive constant, broadcast over the arguments.

    Raises
    ------
    ValueError
        If ``eta`` or ``prior_mean`` is NaN or infinite, a count is invalid,
        ``heads > tosses``, or ``prior_sigma <= 0``.

    See Also
    --------
    logodds_map, laplace_approximation

    Examples
    --------
    >>> round(logodds_log_posterior(0.0, heads=3, tosses=4, prior_mean=0.0, prior_sigma=1.0), 6)  # 4 log(1/2)
    -2.772589
    >>> logodds_log_posterior(2.0, heads=0, tosses=0, prior_mean=0.0, prior_sigma=1.0)  # prior only
    -2.0
    """
    eta = v.finite(eta, "eta")
    k, n, mu, tau = _checked(heads, tosses, prior_mean, prior_sigma, eta=eta)
    return v.scalar_or_array(np.asarray(_log_posterior(eta, k, n, mu, tau)))


def logodds_map(heads: ArrayLike, tosses: ArrayLike, prior_mean: ArrayLike,
                prior_sigma: ArrayLike) -> float | np.ndarray:
    r"""MAP estimate of a coin's log-odds under a Gaussian prior, by Newton's method.

    The MAP solves :math:`g(\eta) = 0` for the gradient of :func:`logodds_log_posterior`,

    .. math::

        g(\eta) = k\,\sigma(-\eta) - (n - k)\,\sigma(\eta) - \frac{\eta - \mu_0}{\tau^2},
        \qquad
        -g'(\eta) = n\,\sigma(\eta)\,\sigma(-\eta) + \frac{1}{\tau^2} > 0,

    so the log-posterior is strictly concave and the MAP is unique and finite, even when
    :math:`k = n` (where the MLE :math:`\operatorname{logit}(k/n)` is :math:`+\infty`).
    Newton's step :math:`\eta \leftarrow \eta + g(\eta) / (-g'(\eta))` runs inside the
    bracket :math:`[\mu_0, \mu_0 + \tau^2 g(\mu_0)]` (ordered, and cut at
    :math:`\operatorname{logit}(k/n)`), and falls back to bisection whenever a step would
    leave it or fails to halve, so it converges for every input within 200 iterations. The
    gradient is never formed with :math:`1/\tau^2`; with all heads (or all tails) the
    root is found in logs, so prior scales from 1e-300 to 1e300 give the right finite MAP.

    Used in: notebook 02, section 3; notebook 02, section 4; notebook 02, section 5; notebook 02, section 6

    Parameters
    ----------
    heads, tosses : int or array_like
        The data, ``0 <= heads <= tosses``; ``tosses = 0`` gives the prior mean.
    prior_mean : float or array_like
        Prior mean :math:`\mu_0` of the log-odds.
    prior_sigma : float or array_like
        Prior standard deviation :math:`\tau > 0`.

    Returns
    -------
    float or ndarray
        :math:`\hat\eta_{\mathrm{MAP}}`; the MAP of the bias is ``scipy.special.expit`` of it.

    Raises
    ------
    ValueError
        If a count is invalid, ``heads > tosses``, ``prior_mean`` is not finite or
        ``prior_sigma <= 0``.

    See Also
    --------
    logodds_log_posterior, laplace_approximation, beta_bernoulli_map

    Examples
    --------
    >>> logodds_map(5, 10, prior_mean=0.0, prior_sigma=1.0)  # symmetric data and prior
    0.0
    >>> eta = logodds_map(100, 100, prior_mean=0.0, prior_sigma=1.5)  # all heads: still finite
    >>> round(eta, 4), round(float(expit(eta)), 4)
    (4.0095, 0.9822)
    """
    k, n, mu, tau = _checked(heads, tosses, prior_mean, prior_sigma)
    return v.scalar_or_array(np.asarray(newton_map(k, n, mu, tau)))


def laplace_approximation(heads: ArrayLike, tosses: ArrayLike, prior_mean: ArrayLike,
                          prior_sigma: ArrayLike) -> rv_continuous_frozen:
    r"""Normal (Laplace) approximation of the log-odds posterior: a Gaussian at the MAP.

    A second-order Taylor expansion of the log-posterior :math:`f(\eta)` around its
    maximum :math:`\hat\eta` (where :math:`f'(\hat\eta) = 0`) is a Gaussian log-density:

    .. math::

        f(\eta) \approx f(\hat\eta) - \frac{(\eta - \hat\eta)^2}{2 s^2}, \qquad
        \frac{1}{s^2} = -f''(\hat\eta) = n\,\sigma(\hat\eta)\,\sigma(-\hat\eta) + \frac{1}{\tau^2},

    so :math:`p(\eta \mid k, n) \approx \mathcal N(\hat\eta, s^2)`. The precision is the
    prior's :math:`1/\tau^2` plus the data's Fisher information, which grows like
    :math:`n`; as :math:`n` grows the posterior becomes Gaussian (Bernstein-von Mises) and
    the approximation becomes exact. With no data it is the prior itself.

    The approximation is made in the log-odds :math:`\eta`, not in :math:`\theta`: a Gaussian
    lives on :math:`\mathbb R` like :math:`\eta`, while on :math:`[0, 1]` it would put mass
    outside the interval, and a MAP on the boundary (all heads under a flat prior) would
    have a non-zero slope and no curvature to use.

    Used in: notebook 02, section 6; notebook 02, section 7; notebook 02, section 8

    Parameters
    ----------
    heads, tosses : int or array_like
        The data, ``0 <= heads <= tosses``.
    prior_mean : float or array_like
        Prior mean :math:`\mu_0` of the log-odds.
    prior_sigma : float or array_like
        Prior standard deviation :math:`\tau > 0`.

    Returns
    -------
    scipy.stats frozen ``norm``
        :math:`\mathcal N(\hat\eta_{\mathrm{MAP}}, s^2)` over the log-odds.

    Raises
    ------
    ValueError
        As :func:`logodds_map`.

    See Also
    --------
    logodds_map, laplace_kl_divergence

    Examples
    --------
    >>> approx = laplace_approximation(10, 20, prior_mean=0.0, prior_sigma=1.0)
    >>> float(approx.mean()), round(float(approx.var()), 6)  # 1 / (20/4 + 1)
    (0.0, 0.166667)
    >>> float(laplace_approximation(0, 0, prior_mean=1.0, prior_sigma=2.0).std())  # the prior
    2.0
    """
    from scipy import stats  # deferred: scipy.stats takes ~0.4 s to import

    k, n, mu, tau = _checked(heads, tosses, prior_mean, prior_sigma)
    eta = newton_map(k, n, mu, tau)
    scale = posterior_sd(eta, n, tau)
    return stats.norm(v.scalar_or_array(np.asarray(eta)), v.scalar_or_array(np.asarray(scale)))
