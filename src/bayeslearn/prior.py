"""Normalised log prior densities (notebooks 02 and 03).

A prior says which parameter values we find plausible before seeing data. On a
probability :math:`\\theta` the conjugate choice is a Beta density; on a weight that lives on
the whole real line it is a Gaussian, whose negative log is the weight-decay penalty.
"""

from __future__ import annotations

import numpy as np
from scipy.special import betaln, xlog1py, xlogy

from . import _validate as v

__all__ = ["beta_log_prior", "gaussian_log_prior"]


def beta_log_prior(theta, a, b) -> float | np.ndarray:
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
        (``a < 1`` at 0, ``b < 1`` at 1), ``-inf`` where it vanishes.

    Raises
    ------
    ValueError
        If ``theta`` is outside [0, 1], ``a <= 0``, ``b <= 0``, or anything is NaN.

    See Also
    --------
    beta_bernoulli_posterior

    Examples
    --------
    >>> beta_log_prior(0.3, 1, 1)  # the uniform prior
    0.0
    """
    theta = v.probability(theta, "theta")
    a = v.positive(a, "a")
    b = v.positive(b, "b")
    return v.scalar_or_array(xlogy(a - 1.0, theta) + xlog1py(b - 1.0, -theta) - betaln(a, b))


def gaussian_log_prior(w, sigma, mean=0.0) -> float | np.ndarray:
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
    mean : float or array_like, default 0.0
        Prior mean :math:`\mu`.

    Returns
    -------
    float or ndarray
        The log density at every element of ``w``.

    Raises
    ------
    ValueError
        If anything is NaN or infinite, or ``sigma <= 0``.

    Examples
    --------
    >>> from scipy.stats import norm
    >>> bool(abs(gaussian_log_prior(1.2, 0.5, mean=1.0) - norm.logpdf(1.2, 1.0, 0.5)) < 1e-12)
    True
    """
    w = v.finite(w, "w")
    sigma = v.positive(sigma, "sigma")
    mean = v.finite(mean, "mean")
    z = (w - mean) / sigma
    return v.scalar_or_array(-0.5 * np.log(2.0 * np.pi) - np.log(sigma) - 0.5 * z * z)
