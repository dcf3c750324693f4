r"""The exact log-odds posterior on a grid: its distance to the Laplace approximation, its predictive (notebook 02).

The posterior of :mod:`bayeslearn.logodds` has no closed form; here it is tabulated on a grid
around the MAP (in log space, as offsets from the MAP), against its normal approximation.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logsumexp

from . import validation as v
from .logodds import checked_scalar_args, log_posterior_change, newton_map, posterior_sd

__all__ = ["laplace_kl_divergence", "logodds_predictive"]

#: The exact posterior is tabulated until it falls this many nats below its peak.
_TAIL_NATS = 40.0
#: The normal approximation is tabulated this many standard deviations either side of the MAP.
_TAIL_SIGMAS = 9.0
#: Bound on the doubling search for the tails: 2**2100 times the smallest float is infinite.
_MAX_DOUBLINGS = 2100


@functools.lru_cache(maxsize=16)
def _posterior_table(k: float, n: float, mu: float, tau: float,
                     points: int) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """A grid in eta covering the exact posterior and its normal approximation.

    Returns the grid and the logarithms of the exact posterior's masses and of the
    approximation's masses, each normalised over the grid (in log space, so that far tails
    where one of them underflows still count). The grid runs from the MAP until the exact
    log-posterior has fallen by ``_TAIL_NATS`` on each side (found by doubling steps; the
    function is concave, so the first step that falls far enough is safe), and at least
    ``_TAIL_SIGMAS`` standard deviations of the approximation either side. Cached, so that
    the KL divergence and the predictive of one data set share a table; the arrays are
    read-only.
    """
    eta_map = float(newton_map(k, n, mu, tau))
    s = float(posterior_sd(eta_map, n, tau))
    ends = []
    for sign in (-1.0, 1.0):
        d = s
        # At most _MAX_DOUBLINGS doublings: from the smallest float past the largest.
        for _ in range(_MAX_DOUBLINGS):
            if not log_posterior_change(eta_map, sign * d, k, n, mu, tau) > -_TAIL_NATS:
                break
            d *= 2.0
        ends.append(max(d, _TAIL_SIGMAS * s))
    if not np.isfinite(ends[0] + ends[1]):
        raise ValueError("prior_sigma: the posterior is too wide for a grid of floats; use a smaller prior_sigma")
    offsets = np.linspace(-ends[0], ends[1], points)  # the grid, as offsets from the MAP
    grid = eta_map + offsets
    log_exact = log_posterior_change(eta_map, offsets, k, n, mu, tau)
    log_exact -= logsumexp(log_exact)
    z = offsets / s
    with np.errstate(over="ignore"):  # a z-score beyond 1e154: the approximation's density is 0
        log_approx = -(0.5 * z) * z
    log_approx -= logsumexp(log_approx)
    for arr in (grid, log_exact, log_approx):
        arr.setflags(write=False)
    return grid, log_exact, log_approx


def laplace_kl_divergence(heads: int, tosses: int, prior_mean: float, prior_sigma: float, *,
                          points: int = 4001) -> float:
    r"""KL divergence from the exact log-odds posterior to its normal (Laplace) approximation.

    .. math::

        D_{KL}\big(p(\eta \mid k, n) \,\big\|\, \mathcal N(\hat\eta, s^2)\big)
        = \int p(\eta \mid k, n) \log\frac{p(\eta \mid k, n)}{\mathcal N(\eta; \hat\eta, s^2)}\, d\eta
        \approx \sum_j P_j \log\frac{P_j}{Q_j}

    in nats, with :math:`P_j` and :math:`Q_j` the masses of the two densities on an equally
    spaced grid (each normalised on it). This is the sum :func:`bayeslearn.kl_divergence`
    computes from the masses, here evaluated from their logarithms, so that far tails where
    :math:`Q_j` underflows to 0 (a skewed posterior, all heads under a wide prior) still
    count instead of making the result infinite.
    The grid is centred on the MAP and reaches until the exact posterior has dropped by
    40 nats and at least 9 standard deviations of the approximation on each side (a search
    of at most 2100 doublings); it is held as offsets from the MAP, and the log-posterior
    as its change from the MAP, so a posterior narrower than the spacing of floats near
    the MAP (``prior_sigma=1e-156``) or the log-likelihood of :math:`10^{18}` tosses are
    still resolved. The
    divergence is 0 with no data (the posterior is the Gaussian prior) and shrinks roughly
    like :math:`1/n` as the data grow.

    Used in: notebook 02, section 6; notebook 02, section 7; notebook 02, section 8; notebook 02, section 9

    Parameters
    ----------
    heads, tosses : int
        The data, ``0 <= heads <= tosses`` (scalars).
    prior_mean : float
        Prior mean :math:`\mu_0` of the log-odds.
    prior_sigma : float
        Prior standard deviation :math:`\tau > 0`.
    points : int, default 4001
        Grid points (at least 101).

    Returns
    -------
    float
        :math:`D_{KL} \ge 0`, in nats.

    Raises
    ------
    ValueError
        As :func:`logodds_map`, or if an argument is not a scalar or ``points < 101``.

    See Also
    --------
    bayeslearn.laplace_approximation, bayeslearn.kl_divergence

    Examples
    --------
    >>> laplace_kl_divergence(0, 0, prior_mean=0.0, prior_sigma=1.0)  # no data: exact
    0.0
    >>> small = laplace_kl_divergence(7, 10, prior_mean=0.0, prior_sigma=1.0)
    >>> large = laplace_kl_divergence(700, 1000, prior_mean=0.0, prior_sigma=1.0)
    >>> bool(large < small)
    True
    """
    k, n, mu, tau = checked_scalar_args(heads, tosses, prior_mean, prior_sigma)
    _, log_p, log_q = _posterior_table(k, n, mu, tau, v.length(points, "points", minimum=101))
    # Round-off can leave a sum of a few -1e-17 for two identical tables: clip at zero.
    return max(float(np.exp(log_p) @ (log_p - log_q)), 0.0)


def logodds_predictive(heads: int, tosses: int, prior_mean: float, prior_sigma: float, *,
                       points: int = 4001) -> float:
    r"""Posterior predictive probability of heads under a Gaussian prior on the log-odds.

    .. math::

        P(x_{n+1} = 1 \mid k, n) = \int \sigma(\eta)\, p(\eta \mid k, n)\, d\eta
        = \mathbb E[\theta \mid k, n]

    the posterior mean of :math:`\theta = \sigma(\eta)`, computed on the same grid as
    :func:`laplace_kl_divergence`. Averaging over the posterior rather than plugging in
    one estimate keeps it strictly inside (0, 1). It plays the part that
    :func:`beta_bernoulli_predictive` plays for the conjugate Beta prior.

    Used in: notebook 02, section 5; notebook 02, section 8; notebook 02, section 9

    Parameters
    ----------
    heads, tosses : int
        The data, ``0 <= heads <= tosses`` (scalars).
    prior_mean : float
        Prior mean :math:`\mu_0` of the log-odds.
    prior_sigma : float
        Prior standard deviation :math:`\tau > 0`.
    points : int, default 4001
        Grid points (at least 101).

    Returns
    -------
    float
        The predictive probability that the next toss is heads.

    Raises
    ------
    ValueError
        As :func:`laplace_kl_divergence`.

    See Also
    --------
    bayeslearn.logodds_map, bayeslearn.beta_bernoulli_predictive

    Examples
    --------
    >>> round(logodds_predictive(0, 0, prior_mean=0.0, prior_sigma=2.0), 6)  # symmetric prior
    0.5
    >>> p = logodds_predictive(100, 100, prior_mean=0.0, prior_sigma=1.5)
    >>> bool(0.5 < p < 1.0)
    True
    """
    k, n, mu, tau = checked_scalar_args(heads, tosses, prior_mean, prior_sigma)
    grid, log_p, _ = _posterior_table(k, n, mu, tau, v.length(points, "points", minimum=101))
    masses = np.exp(log_p)
    # an average of probabilities: in [0, 1] also after rounding (a sum of masses of 1 + 1 ulp)
    return min(max(float(masses @ expit(grid)) / float(masses.sum()), 0.0), 1.0)
