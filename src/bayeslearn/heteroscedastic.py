r"""Heteroscedastic regression: a mean and a variance per input, NLL versus β-NLL (notebook 08).

A model predicts, for each input, a mean :math:`\mu(x)` and a log-variance :math:`s(x) = \log\sigma^2(x)`
and is trained on the Gaussian negative log-likelihood

.. math::

    \ell_i = \tfrac12 \log 2\pi + \tfrac12 s_i + \frac{(y_i - \mu_i)^2}{2 e^{s_i}} .

Its gradient with respect to the mean, :math:`-(y_i - \mu_i)/\sigma_i^2`, weights each point by its
precision: where the model has decided the data are noisy it stops fitting the mean. The β-NLL
of Seitzer et al. (2022) multiplies each point's loss by :math:`\operatorname{sg}[\sigma_i^{2\beta}]`
(``sg``: a constant for the gradient), which gives the mean the weight :math:`\sigma_i^{2\beta - 2}`:
β = 0 is the NLL, β = 1 gives the mean the gradient of the squared error.

The concept of this module: the model and its loss (the data with input-dependent noise, the
radial-basis features, the β-NLL and its gradient); notebook 08 teaches it. Fitting it and
checking its intervals are in :mod:`bayeslearn.heteroscedastic_fit`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .records import Record

__all__ = [
    "BetaNLLGradient",
    "HeteroscedasticData",
    "beta_nll",
    "beta_nll_gradient",
    "heteroscedastic_data",
    "heteroscedastic_mean",
    "mean_and_log_variance_gradient",
    "noise_scale",
    "rbf_features",
]


def noise_scale(x: ArrayLike) -> np.ndarray:
    r"""The noise of :func:`heteroscedastic_data`, growing with the input: :math:`\sigma(x) = 0.05 + 0.6x^2`.

    Parameters
    ----------
    x : array_like
        Inputs, finite.

    Returns
    -------
    ndarray
        :math:`\sigma(x)`, of the shape of ``x``.

    Notes
    -----
    Used in: notebook 08, section 2.
    The noise of :func:`heteroscedastic_data` there.

    Examples
    --------
    >>> noise_scale([0.0, 1.0]).tolist()
    [0.05, 0.65]
    """
    x = v.finite(x, "x")
    with np.errstate(over="ignore"):
        sigma = 0.05 + 0.6 * x**2
    if not np.isfinite(sigma).all():
        raise ValueError(f"x is too large: 0.6 x**2 overflows the largest float (largest |x| {np.abs(x).max():.3g})")
    return sigma


@dataclass(frozen=True, repr=False)
class HeteroscedasticData(Record):
    """Inputs and targets whose noise grows with the input.

    Attributes
    ----------
    x : ndarray of shape (n,)
        Inputs, uniform on [0, 1).
    y : ndarray of shape (n,)
        Targets :math:`\\mu(x) + \\sigma(x)\\,\\varepsilon`.
    """

    x: np.ndarray
    y: np.ndarray


def heteroscedastic_data(n: int, seed: int = 0) -> HeteroscedasticData:
    r"""Seeded samples of a wiggly curve whose noise grows with :math:`x`.

    .. math::

        x_i \sim \mathcal U(0, 1), \quad
        y_i = \sin 2\pi x_i + \tfrac12 \sin 6\pi x_i + \sigma(x_i)\,\varepsilon_i, \quad
        \sigma(x) = 0.05 + 0.6 x^2,\ \varepsilon_i \sim \mathcal N(0, 1).

    The noise is 13 times larger at :math:`x = 1` than at :math:`x = 0`.

    Parameters
    ----------
    n : int
        Number of points, >= 0.
    seed : int, default 0

    Returns
    -------
    HeteroscedasticData
        ``x`` and ``y``, ndarrays of shape (n,).

    Notes
    -----
    Used in: notebook 08, section 2.

    Examples
    --------
    >>> data = heteroscedastic_data(3, seed=1)
    >>> data.x.shape, data.y.shape
    ((3,), (3,))
    """
    n = v.length(n, "n", minimum=0)
    seed = v.integer(seed, "seed", minimum=0)
    x_stream, noise_stream = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    x = x_stream.random(n)
    return HeteroscedasticData(x, heteroscedastic_mean(x) + noise_scale(x) * noise_stream.standard_normal(n))


def heteroscedastic_mean(x: ArrayLike) -> np.ndarray:
    r"""The curve behind :func:`heteroscedastic_data`, :math:`\sin 2\pi x + \tfrac12 \sin 6\pi x`.

    Notes
    -----
    Used in: notebook 08, section 2.

    Examples
    --------
    >>> float(heteroscedastic_mean(0.25))  # sin(π/2) + ½ sin(3π/2)
    0.5
    """
    x = v.finite(x, "x")
    # beyond 2**30 the period is taken off first (fmod is exact), so 6 pi x cannot overflow; a
    # whole-number shift changes neither sine
    x = np.where(np.abs(x) <= 2.0**30, x, np.fmod(x, 1.0))
    return np.sin(2 * np.pi * x) + 0.5 * np.sin(6 * np.pi * x)


def rbf_features(x: ArrayLike, centres: ArrayLike, width: float) -> np.ndarray:
    r"""A constant column and Gaussian bumps: :math:`\Phi_{i0} = 1`, :math:`\Phi_{ij} = e^{-(x_i - c_j)^2 / 2h^2}`.

    Parameters
    ----------
    x : array_like
        Inputs; any shape (a leading axis can batch data sets).
    centres : array_like of shape (m,)
        Bump centres :math:`c_j`.
    width : float
        Bump width :math:`h > 0`.

    Returns
    -------
    ndarray of shape x.shape + (m + 1,)

    Notes
    -----
    Used in: notebook 08, section 2.

    Examples
    --------
    >>> rbf_features([0.0], [0.0, 1.0], 1.0).round(4).tolist()
    [[1.0, 1.0, 0.6065]]
    """
    x = v.finite(x, "x")
    c = v.finite(centres, "centres")
    if c.ndim != 1:
        raise ValueError(f"centres must be 1-D, got shape {c.shape}")
    h = v.scalar(v.positive(width, "width"), "width")
    with np.errstate(over="ignore"):  # a distance beyond the largest float: the bump is exp(-inf) = 0
        bumps = np.exp(-0.5 * ((x[..., None] - c) / h) ** 2)
    return np.concatenate([np.ones((*x.shape, 1)), bumps], axis=-1)


def _checked(y: Any, mean: Any, log_variance: Any, beta: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    y, mean, s = v.finite(y, "y"), v.finite(mean, "mean"), v.finite(log_variance, "log_variance")
    v.broadcast_all(y=y, mean=mean, log_variance=s)
    beta = v.scalar(v.probability(beta, "beta"), "beta")
    return y, mean, s, beta


def _overflowed(name: str, s: np.ndarray) -> ValueError:
    return ValueError(f"log_variance, y or mean: the {name} overflows the largest float (log_variance in "
                      f"[{s.min():.3g}, {s.max():.3g}]: e^-s or e^(beta s) overflows, or the residuals are too large)")


def beta_nll(y: ArrayLike, mean: ArrayLike, log_variance: ArrayLike, beta: float = 0.0) -> float:
    r"""Mean β-NLL of Gaussian predictions (Seitzer et al., 2022); β = 0 is the Gaussian NLL.

    .. math::

        L_\beta = \frac1n \sum_{i=1}^n \operatorname{sg}\!\left[\sigma_i^{2\beta}\right]
        \left( \tfrac12 \log 2\pi\sigma_i^2 + \frac{(y_i - \mu_i)^2}{2\sigma_i^2} \right),
        \qquad \sigma_i^2 = e^{s_i} .

    The value uses the current :math:`\sigma_i^{2\beta}` as weights; ``sg`` only matters for
    the gradient (:func:`beta_nll_gradient`).

    Parameters
    ----------
    y, mean, log_variance : array_like
        Targets, predicted means :math:`\mu_i` and log-variances :math:`s_i`; they broadcast.
    beta : float, default 0
        :math:`\beta \in [0, 1]`.

    Returns
    -------
    float
        Nats per point.

    Notes
    -----
    Used in: notebook 08, section 2.
    Minimised there by :func:`fit_heteroscedastic`.

    References
    ----------
    .. [1] Seitzer, M., Tavakoli, A., Antic, D. and Martius, G. (2022). On the pitfalls of heteroscedastic
       uncertainty estimation with probabilistic neural networks. *ICLR*.

    Examples
    --------
    >>> round(beta_nll([1.0], [0.0], [0.0]), 6)  # ½ log 2π + ½
    1.418939
    """
    y, mu, s, beta = _checked(y, mean, log_variance, beta)
    if y.size * mu.size * s.size == 0:
        raise ValueError("y, mean and log_variance hold no points: the mean loss is undefined")
    with np.errstate(all="ignore"):
        per_point = np.exp(beta * s) * (0.5 * np.log(2 * np.pi) + 0.5 * s + 0.5 * (y - mu) ** 2 * np.exp(-s))
        loss = float(np.mean(per_point))
    if not math.isfinite(loss):
        raise _overflowed("loss", s)
    return loss


@dataclass(frozen=True, repr=False)
class BetaNLLGradient(Record):
    """Gradients of the β-NLL with respect to each mean and each log-variance.

    Attributes
    ----------
    mean : ndarray
        :math:`\\partial L_\\beta / \\partial \\mu_i`.
    log_variance : ndarray
        :math:`\\partial L_\\beta / \\partial s_i`.
    """

    mean: np.ndarray
    log_variance: np.ndarray


def beta_nll_gradient(y: ArrayLike, mean: ArrayLike, log_variance: ArrayLike, beta: float = 0.0) -> BetaNLLGradient:
    r"""Gradient of :func:`beta_nll` with respect to each mean and log-variance (weights held fixed).

    .. math::

        \frac{\partial L_\beta}{\partial \mu_i} = -\frac{\sigma_i^{2\beta}}{n}\,\frac{y_i - \mu_i}{\sigma_i^2},
        \qquad
        \frac{\partial L_\beta}{\partial s_i}
        = \frac{\sigma_i^{2\beta}}{2n}\left(1 - \frac{(y_i - \mu_i)^2}{\sigma_i^2}\right).

    At β = 0 the mean's gradient is the residual divided by the variance: a point the model
    calls 100 times noisier pulls 100 times less on the mean. At β = 1 it is :math:`-(y_i - \mu_i)/n`,
    the squared error's.

    Parameters
    ----------
    y, mean, log_variance : array_like
        Targets, predicted means and log-variances; they broadcast.
    beta : float, default 0
        :math:`\beta \in [0, 1]`.

    Returns
    -------
    BetaNLLGradient
        ``mean`` and ``log_variance``: the gradients, ndarrays of the broadcast shape of the inputs.

    Notes
    -----
    Used in: notebook 08, section 2.
    Followed there by :func:`fit_heteroscedastic`.

    References
    ----------
    .. [1] Seitzer, M., Tavakoli, A., Antic, D. and Martius, G. (2022). On the pitfalls of heteroscedastic
       uncertainty estimation with probabilistic neural networks. *ICLR*.

    Examples
    --------
    >>> g = beta_nll_gradient([1.0], [0.0], [np.log(4.0)], beta=0.0)
    >>> [g.mean.tolist(), g.log_variance.tolist()]
    [[-0.25], [0.375]]
    """
    y, mu, s, beta = _checked(y, mean, log_variance, beta)
    y, mu, s = np.broadcast_arrays(y, mu, s)
    with np.errstate(all="ignore"):
        d_mean, d_log_variance = mean_and_log_variance_gradient(y, mu, s, beta, max(y.size, 1))
    if not (np.isfinite(d_mean).all() and np.isfinite(d_log_variance).all()):
        raise _overflowed("gradient", s)
    return BetaNLLGradient(d_mean, d_log_variance)


def mean_and_log_variance_gradient(
    y: np.ndarray, mu: np.ndarray, s: np.ndarray, beta: float, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """The β-NLL's gradient in the mean and the log-variance, on checked arrays, for n points."""
    weight, precision = np.exp(beta * s) / n, np.exp(-s)
    resid = y - mu
    return -weight * resid * precision, 0.5 * weight * (1.0 - resid * resid * precision)
