"""Posteriors: conjugate closed forms, their modes (MAP), grid posteriors, predictives.

Bayes' rule, :math:`p(\\theta \\mid D) = p(D \\mid \\theta)\\,p(\\theta) / p(D)`. The evidence
:math:`p(D)` does not depend on :math:`\\theta`, so it rescales the posterior without moving
its maximum; where a closed form exists we return a frozen :mod:`scipy.stats`
distribution so that ``.mean()``, ``.interval(0.95)`` and ``.pdf(x)`` work as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v

if TYPE_CHECKING:  # scipy ships no type information: for the reader
    from scipy.stats._distn_infrastructure import rv_continuous_frozen

__all__ = [
    "beta_bernoulli_map",
    "beta_bernoulli_posterior",
    "beta_bernoulli_predictive",
    "gaussian_mean_map",
    "gaussian_mean_posterior",
    "grid_posterior",
]


def _beta_counts(heads: ArrayLike, tosses: ArrayLike, a: ArrayLike, b: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    k, n = v.heads_and_tosses(heads, tosses)
    a = v.positive(a, "a")
    b = v.positive(b, "b")
    v.broadcast_all(heads=k, tosses=n, a=a, b=b)
    with np.errstate(over="ignore"):  # 1e308 + 1e308: an infinite pseudo-count, refused below
        alpha, beta = a + k, b + (n - k)
    if not (np.isfinite(alpha).all() and np.isfinite(beta).all()):
        raise ValueError("a, b: a + heads or b + tosses - heads overflows the largest float")
    return alpha, beta


def _ratio(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x / (x + y)`` for x, y >= 0 not both 0, with no overflow of ``x + y``."""
    top = np.maximum(x, y)
    xs, ys = x / top, y / top
    return xs / (xs + ys)


def beta_bernoulli_posterior(heads: ArrayLike, tosses: ArrayLike, a: ArrayLike, b: ArrayLike) -> rv_continuous_frozen:
    r"""Posterior of a coin's bias under a conjugate :math:`\mathrm{Beta}(a, b)` prior.

    .. math::

        p(\theta \mid k, n) = \mathrm{Beta}(\theta \mid a + k,\; b + n - k)

    Parameters
    ----------
    heads, tosses : int
        The data: ``heads`` heads in ``tosses`` tosses (``tosses = 0`` gives the prior).
    a, b : float
        Prior shape parameters, > 0 (pseudo-counts of heads and tails).

    Returns
    -------
    scipy.stats frozen ``beta``
        The posterior distribution.

    Raises
    ------
    ValueError
        If a count is invalid or ``a``, ``b`` are not positive.

    See Also
    --------
    beta_bernoulli_map, beta_bernoulli_predictive

    Notes
    -----
    Used in: notebook 02, section 6.

    Examples
    --------
    >>> post = beta_bernoulli_posterior(7, 10, 2, 2)
    >>> post.args
    (9.0, 5.0)
    >>> round(float(post.mean()), 6)
    0.642857
    """
    from scipy import stats  # deferred: scipy.stats takes ~0.4 s to import

    alpha, beta = _beta_counts(heads, tosses, a, b)
    return stats.beta(v.scalar_or_array(alpha), v.scalar_or_array(beta))


def beta_bernoulli_map(heads: ArrayLike, tosses: ArrayLike, a: ArrayLike, b: ArrayLike) -> float | np.ndarray:
    r"""Maximum a posteriori estimate of a coin's bias: the mode of the Beta posterior.

    With :math:`\alpha = a + k` and :math:`\beta = b + n - k`,

    .. math::

        \hat\theta_{\mathrm{MAP}} = \frac{\alpha - 1}{\alpha + \beta - 2} = \frac{k + a - 1}{n + a + b - 2}
        \qquad (\alpha, \beta > 1).

    At the boundary the density is monotone and its maximum sits at an endpoint:
    0 when :math:`\alpha < \beta` and 1 when :math:`\alpha > \beta` (at least one of them
    :math:`\le 1`); for :math:`\alpha = \beta = 1` the posterior is flat and 0.5 is returned.

    Parameters
    ----------
    heads, tosses : int or array_like
        The data.
    a, b : float or array_like
        Prior shape parameters, > 0. With ``a = b = 1`` the MAP equals the MLE.

    Returns
    -------
    float or ndarray
        The posterior mode.

    Raises
    ------
    ValueError
        If an argument is invalid, the arguments do not broadcast, ``a + heads`` or
        ``b + tosses - heads`` overflows, or if :math:`\alpha < 1` and :math:`\beta < 1`: that
        posterior is U-shaped with two infinite peaks and no single mode.
    TypeError
        If an argument is not made of real numbers (strings, booleans, complex numbers).

    Notes
    -----
    Used in: notebook 02, section 3; notebook 02, section 4; notebook 02, section 6.

    The ratio is formed after dividing :math:`\alpha - 1` and :math:`\beta - 1` by the larger
    of the two, so ``a = b = 1e308`` gives 0.5 rather than ``1e308 / inf = 0``.

    Examples
    --------
    >>> beta_bernoulli_map(7, 10, 2, 2)  # (7 + 1) / (10 + 2)
    0.6666666666666666
    >>> beta_bernoulli_map(0, 0, 1, 1)  # flat: no data, uniform prior
    0.5
    """
    alpha, beta = np.broadcast_arrays(*_beta_counts(heads, tosses, a, b))
    if ((alpha < 1.0) & (beta < 1.0)).any():
        raise ValueError(
            "a, b: the posterior Beta(a + heads, b + tosses - heads) has both parameters < 1, "
            "so it has two modes (0 and 1) and no single MAP"
        )
    interior = (alpha > 1.0) & (beta > 1.0)
    edge = np.where(alpha < beta, 0.0, np.where(alpha > beta, 1.0, 0.5))
    with np.errstate(invalid="ignore", divide="ignore"):  # the edge cases are replaced below
        mode = _ratio(alpha - 1.0, beta - 1.0)
    return v.scalar_or_array(np.where(interior, mode, edge))


def beta_bernoulli_predictive(heads: ArrayLike, tosses: ArrayLike, a: ArrayLike, b: ArrayLike) -> float | np.ndarray:
    r"""Posterior predictive probability that the next toss is heads.

    .. math::

        P(x_{n+1} = 1 \mid k, n) = \int_0^1 \theta\, p(\theta \mid k, n)\, d\theta
        = \frac{k + a}{n + a + b}

    With ``a = b = 1`` this is Laplace's rule of succession, :math:`(k+1)/(n+2)`.

    Parameters
    ----------
    heads, tosses : int or array_like
        The data.
    a, b : float or array_like
        Prior shape parameters, > 0.

    Returns
    -------
    float or ndarray
        The predictive probability of heads, always strictly inside (0, 1); computed as
        :math:`\alpha / (\alpha + \beta)` after dividing both by the larger, so no sum overflows.

    Raises
    ------
    ValueError
        If a count is invalid, ``a`` or ``b`` is not positive, the arguments do not broadcast,
        or ``a + heads`` or ``b + tosses - heads`` overflows.
    TypeError
        If an argument is not made of real numbers (strings, booleans, complex numbers).

    Notes
    -----
    Used in: notebook 02, section 4; notebook 02, section 5; notebook 04, section 5; notebook 05, section 5.

    Examples
    --------
    >>> beta_bernoulli_predictive(100, 100, 1, 1)  # Laplace: 101 / 102
    0.9901960784313726
    """
    alpha, beta = _beta_counts(heads, tosses, a, b)
    return v.scalar_or_array(_ratio(alpha, beta))


_TINIEST = float(np.nextafter(0.0, 1.0))  # 5e-324


def _gaussian_mean_params(
    y: ArrayLike, sigma: ArrayLike, prior_mean: ArrayLike, prior_sigma: ArrayLike
) -> tuple[float, float]:
    y = v.finite(y, "y").ravel()
    sigma = v.scalar(v.positive(sigma, "sigma"), "sigma")
    prior_mean = v.scalar(v.finite(prior_mean, "prior_mean"), "prior_mean")
    prior_sigma = v.scalar(v.positive(prior_sigma, "prior_sigma"), "prior_sigma")
    n = y.size
    if n == 0:
        return prior_mean, prior_sigma
    # The data's share of the precision, w = t / (1 + t) with t = n tau^2 / sigma^2, and the
    # posterior scale from whichever of tau and sigma / sqrt(n) is smaller: no precision
    # 1/tau^2 is formed, so scales from 1e-300 to 1e300 neither overflow nor divide by zero.
    with np.errstate(over="ignore"):
        t = n * np.square(np.float64(prior_sigma) / sigma)
    if t <= 1.0:
        w_data, w_prior = t / (1.0 + t), 1.0 / (1.0 + t)
        scale = prior_sigma * np.sqrt(w_prior)
    else:
        w_prior = 1.0 / (1.0 + t)
        w_data = 1.0 - w_prior if np.isinf(t) else t / (1.0 + t)
        scale = sigma / np.sqrt(n) * np.sqrt(w_data)
    top = float(np.abs(y).max())
    ybar = float(np.mean(y / top)) * top if top > 0.0 else 0.0  # no overflow of sum(y)
    # a scale below the smallest float (sigma = 5e-324 and n = 4 gives 2.5e-324) would round
    # to 0, which no distribution takes: keep the smallest positive float instead
    return float(w_prior * prior_mean + w_data * ybar), max(float(scale), _TINIEST)


def gaussian_mean_posterior(
    y: ArrayLike, sigma: ArrayLike, prior_mean: ArrayLike, prior_sigma: ArrayLike,
) -> rv_continuous_frozen:
    r"""Posterior of a Gaussian mean with known noise scale, under a Gaussian prior.

    With observations :math:`y_i \sim \mathcal N(\mu, \sigma^2)` and prior
    :math:`\mu \sim \mathcal N(\mu_0, \tau^2)`, the posterior is
    :math:`\mathcal N(\mu_n, \tau_n^2)` with precisions adding up:

    .. math::

        \frac{1}{\tau_n^2} = \frac{1}{\tau^2} + \frac{n}{\sigma^2}, \qquad
        \mu_n = \tau_n^2 \left( \frac{\mu_0}{\tau^2} + \frac{\sum_i y_i}{\sigma^2} \right)

    so :math:`\mu_n` is a precision-weighted average of the prior mean and the sample mean.
    It is computed from the data's share of the precision,
    :math:`w = t/(1 + t)` with :math:`t = n\tau^2/\sigma^2`, as
    :math:`\mu_n = (1 - w)\mu_0 + w\bar y`, never forming :math:`1/\tau^2` or :math:`1/\sigma^2`,
    so scales anywhere from 1e-300 to 1e300 give the right finite answer.

    Parameters
    ----------
    y : array_like
        Observations (every element is one); empty data give the prior.
    sigma : float
        Known noise standard deviation, > 0.
    prior_mean : float
        Prior mean :math:`\mu_0`.
    prior_sigma : float
        Prior standard deviation :math:`\tau > 0`.

    Returns
    -------
    scipy.stats frozen ``norm``
        The posterior over :math:`\mu`.

    Notes
    -----
    Used in: notebook 02, section 2.

    Examples
    --------
    >>> post = gaussian_mean_posterior([1.0, 3.0], sigma=1.0, prior_mean=0.0, prior_sigma=1.0)
    >>> round(float(post.mean()), 6), round(float(post.var()), 6)  # 4/3 and 1/3
    (1.333333, 0.333333)
    """
    from scipy import stats  # deferred: scipy.stats takes ~0.4 s to import

    mean, scale = _gaussian_mean_params(y, sigma, prior_mean, prior_sigma)
    return stats.norm(mean, scale)


def gaussian_mean_map(y: ArrayLike, sigma: ArrayLike, prior_mean: ArrayLike, prior_sigma: ArrayLike) -> float:
    r"""MAP estimate of a Gaussian mean: the posterior mean :math:`\mu_n`.

    .. math::

        \hat\mu_{\mathrm{MAP}} = \frac{\mu_0/\tau^2 + \sum_i y_i/\sigma^2}{1/\tau^2 + n/\sigma^2}

    The posterior is Gaussian, so its mode and mean coincide. See
    :func:`gaussian_mean_posterior` for the parameters.

    Notes
    -----
    Used in: notebook 02, section 2.

    Examples
    --------
    >>> gaussian_mean_map([2.0, 2.0, 2.0, 2.0], sigma=1.0, prior_mean=0.0, prior_sigma=0.5)
    1.0
    """
    return _gaussian_mean_params(y, sigma, prior_mean, prior_sigma)[0]


def grid_posterior(log_likelihood: ArrayLike, log_prior: ArrayLike) -> np.ndarray:
    r"""Posterior probability masses on a grid, normalised in log space.

    .. math::

        P_j = \frac{\exp(\ell_j + \pi_j)}{\sum_i \exp(\ell_i + \pi_i)}
            = \exp\!\left(\ell_j + \pi_j - \operatorname{logsumexp}_i(\ell_i + \pi_i)\right)

    where :math:`\ell_j` and :math:`\pi_j` are the log-likelihood and log-prior at grid
    point :math:`j`. Subtracting the largest log value before exponentiating (the
    log-sum-exp trick) means nothing underflows, even for :math:`10^9` tosses, and dividing
    by the sum normalises the masses to 1. The sum is formed as
    :math:`2\,(\ell_j/2 + \pi_j/2)`, so log values near the largest float do not overflow.

    Parameters
    ----------
    log_likelihood : array_like
        Log-likelihood at each grid point (``-inf`` allowed where the data are impossible).
    log_prior : array_like
        Log prior at each grid point, the same shape (or broadcastable to it). Use the
        density at equally spaced points; masses are normalised over the whole grid.

    Returns
    -------
    ndarray
        Non-negative masses over the whole grid that sum to 1.

    Raises
    ------
    ValueError
        If the shapes do not broadcast, anything is NaN or ``+inf``, or every grid
        point has zero posterior probability.

    Notes
    -----
    Used in: notebook 02, section 1; notebook 02, section 2; notebook 02, section 5; notebook 02, section 6;
    notebook 03, section 7.

    Examples
    --------
    >>> grid_posterior([0.0, 0.0], [0.0, -np.inf]).tolist()
    [1.0, 0.0]
    """
    ll = v.as_float_array(log_likelihood, "log_likelihood")
    lp = v.as_float_array(log_prior, "log_prior")
    for name, arr in (("log_likelihood", ll), ("log_prior", lp)):
        if np.isposinf(arr).any():
            raise ValueError(f"{name} must not be +inf; leave out grid points where a density diverges")
    v.broadcast(ll, lp, ("log_likelihood", "log_prior"))
    half = 0.5 * ll + 0.5 * lp  # half the log posterior: no overflow for two terms near 1e308
    if half.size == 0:
        raise ValueError("log_likelihood must not be empty")
    if np.isneginf(half).all():
        raise ValueError("log_likelihood, log_prior: the posterior is zero at every grid point")
    with np.errstate(over="ignore"):  # 2 * (half - peak) can only overflow towards -inf: a 0 mass
        masses = np.exp(2.0 * (half - half.max()))
    return masses / masses.sum()
