r"""The scales a loss hides: the noise σ of a regression and the temperature T of the logits (notebook 08).

A squared-error loss is the Gaussian negative log-likelihood with the noise scale
:math:`\sigma` dropped,

.. math::

    -\log p(y \mid f, \sigma) = \frac n2 \log 2\pi\sigma^2 + \frac{1}{2\sigma^2}\sum_i (y_i - f_i)^2 ,

and a softmax classifier's logits carry a scale of their own, the temperature
:math:`T` in :math:`\operatorname{softmax}(z / T)`. Both are parameters that maximum likelihood
can fit: :math:`\hat\sigma^2` is the mean squared residual, and :math:`\hat T` is fitted on
held-out logits (temperature scaling, Guo et al., 2017).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import log_softmax

from . import validation as v
from .likelihood import gaussian_log_density

__all__ = ["fit_temperature", "gaussian_nll", "noise_variance_mle", "temperature_scale"]


def gaussian_nll(y: ArrayLike, mean: ArrayLike, sigma: ArrayLike) -> float:
    r"""Gaussian negative log-likelihood of targets with a known or assumed noise scale.

    .. math::

        \mathrm{NLL}(\sigma) = \sum_{i=1}^n \left[\tfrac12 \log 2\pi\sigma_i^2
        + \frac{(y_i - f_i)^2}{2\sigma_i^2}\right]
        = \frac n2 \log 2\pi\sigma^2 + \frac{1}{2\sigma^2}\sum_i (y_i - f_i)^2
        \quad (\text{one } \sigma \text{ for all})

    The squared error is the second term with the first one and the :math:`1/(2\sigma^2)`
    dropped; keeping them makes :math:`\sigma` a parameter. A ``sigma`` per point (the
    heteroscedastic case) broadcasts with ``y``.

    Parameters
    ----------
    y : array_like of shape (n,)
        Targets.
    mean : array_like
        Predicted means :math:`f_i`; broadcasts with ``y``.
    sigma : float or array_like
        Noise standard deviation(s) :math:`\sigma_i > 0`; broadcasts with ``y``.

    Returns
    -------
    float
        The summed NLL in nats.

    Raises
    ------
    ValueError
        If anything is NaN or infinite, ``sigma <= 0``, or the shapes do not broadcast. A
        z-score beyond the largest float gives ``inf`` (the density underflows), never NaN.

    See Also
    --------
    noise_variance_mle, bayeslearn.gaussian_log_likelihood

    Notes
    -----
    Used in: notebook 08, section 1.

    Examples
    --------
    >>> round(gaussian_nll([0.0], 0.0, 1.0), 6)  # ½ log 2π
    0.918939
    """
    y = v.finite(y, "y")
    mean = v.finite(mean, "mean")
    sigma = v.positive(sigma, "sigma")
    shape = v.broadcast_all(y=y, mean=mean, sigma=sigma)
    # minus the sum of the library's one Gaussian log density (bayeslearn.likelihood), whose
    # z-scores are formed by halves: finite wherever the answer is, +inf beyond, never NaN
    return float(-np.sum(np.broadcast_to(gaussian_log_density(y, mean, sigma), shape)))


_TINY = float(np.finfo(float).tiny)


def noise_variance_mle(residuals: ArrayLike, ddof: int = 0) -> float:
    r"""Maximum-likelihood noise variance: the mean squared residual.

    Setting :math:`\partial\,\mathrm{NLL}/\partial\sigma^2 = 0` in :func:`gaussian_nll` gives

    .. math::

        \hat\sigma^2 = \frac{1}{n}\sum_{i=1}^n (y_i - f_i)^2 .

    With the residuals of a least-squares fit with :math:`p` weights,
    :math:`\mathbb E[\hat\sigma^2] = \sigma^2 (n - p)/n`: biased low, because the fit has used
    :math:`p` degrees of freedom to chase the noise. ``ddof=p`` divides by :math:`n - p`
    instead, which removes the bias.

    Parameters
    ----------
    residuals : array_like of shape (n,)
        Residuals :math:`y_i - f_i`, finite.
    ddof : int, default 0
        Degrees of freedom used by the fit, :math:`0 \le p < n`.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``residuals`` is not 1-D or has at most ``ddof`` entries, is not finite, or its mean
        square exceeds the largest float.
    TypeError
        If ``ddof`` is not an integer.

    Notes
    -----
    Used in: notebook 08, section 1; notebook 08, section 2.

    Examples
    --------
    >>> noise_variance_mle([1.0, -1.0, 2.0, -2.0])
    2.5
    >>> noise_variance_mle([1.0, -1.0, 2.0, -2.0], ddof=2)
    5.0
    """
    r = v.finite(residuals, "residuals")
    if r.ndim != 1:
        raise ValueError(f"residuals must be 1-D, got shape {r.shape}")
    ddof = v.integer(ddof, "ddof", minimum=0)
    if r.size <= ddof:
        raise ValueError(f"residuals must hold more than ddof = {ddof} values, got {r.size}")
    with np.errstate(all="ignore"):
        mean_square = float(r @ r / (r.size - ddof))
    if math.isfinite(mean_square) and (mean_square >= _TINY or not r.any()):
        return mean_square
    k = int(np.frexp(np.abs(r).max())[1])  # the squares by a power of two: exact, no over- or underflow
    scaled = np.ldexp(r, -k)
    try:
        return math.ldexp(float(scaled @ scaled / (r.size - ddof)), 2 * k)
    except OverflowError:
        raise ValueError(f"residuals are too large: their mean square exceeds the largest float "
                         f"(largest |residual| {np.abs(r).max():.3g})") from None


def temperature_scale(logits: ArrayLike, temperature: ArrayLike) -> np.ndarray:
    r"""Logits divided by a temperature: :math:`z / T`.

    .. math::

        q_k(T) = \operatorname{softmax}(z / T)_k = \frac{e^{z_k / T}}{\sum_j e^{z_j / T}}

    :math:`T > 1` flattens every prediction towards uniform, :math:`T < 1` sharpens it; the
    arg max, and so the accuracy, is the same for every :math:`T > 0`.

    Parameters
    ----------
    logits : array_like of shape (n, K)
        Finite logits.
    temperature : float
        :math:`T > 0`.

    Returns
    -------
    ndarray of shape (n, K)

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (n, K) array, ``temperature <= 0``, or :math:`z / T`
        overflows the largest float.

    See Also
    --------
    fit_temperature, bayeslearn.softmax

    Notes
    -----
    Used in: notebook 08, section 3.

    References
    ----------
    .. [1] Guo, C., Pleiss, G., Sun, Y. and Weinberger, K. Q. (2017). On calibration of modern neural
       networks. *ICML*.

    Examples
    --------
    >>> temperature_scale([[2.0, 0.0]], 2.0).tolist()
    [[1.0, 0.0]]
    """
    z = _logits(logits)
    t = v.scalar(v.positive(temperature, "temperature"), "temperature")
    with np.errstate(over="ignore"):
        scaled = z / t
    if not np.isfinite(scaled).all():
        raise ValueError(f"temperature {t:.3g} is too small for these logits: z / T overflows the largest float "
                         f"(largest |logit| {np.abs(z).max():.3g})")
    return scaled


def _logits(logits: object) -> np.ndarray:
    z = v.finite(logits, "logits")
    if z.ndim != 2 or z.shape[1] < 2:
        raise ValueError(f"logits must have shape (n, K) with K >= 2, got {z.shape}")
    return z


def _nll_at(z: np.ndarray, y: np.ndarray, inverse_t: float) -> float:
    return float(-log_softmax(z * inverse_t, axis=1)[np.arange(y.size), y].mean())


def fit_temperature(logits: ArrayLike, labels: ArrayLike, bounds: tuple[float, float] = (0.05, 20.0)) -> float:
    r"""The temperature that maximises the likelihood of held-out labels (temperature scaling).

    .. math::

        \hat T = \arg\min_{T > 0}\; -\frac1n \sum_{i=1}^n \log \operatorname{softmax}(z_i / T)_{y_i}

    one parameter fitted by maximum likelihood on data the network was not trained on
    (Guo et al., 2017): "learning the scale of the logits". The loss is convex in
    :math:`1/T`; it is minimised by ``scipy.optimize.minimize_scalar`` (bounded, on
    :math:`\log T`, to a tolerance of about 1e-6 in :math:`\log T`).

    Parameters
    ----------
    logits : array_like of shape (n, K)
        Held-out logits, n >= 1.
    labels : array_like of int, shape (n,)
        Their true classes.
    bounds : tuple of float, default (0.05, 20.0)
        Range searched for :math:`T`.

    Returns
    -------
    float
        :math:`\hat T`.

    Raises
    ------
    ValueError
        If the logits or labels are invalid, the bounds are not a pair ``0 < low < high``, or
        the logits are so large that :math:`z / T` would overflow at ``T = low``.

    See Also
    --------
    temperature_scale, bayeslearn.calibration_report

    Notes
    -----
    Used in: notebook 08, section 3.

    References
    ----------
    .. [1] Guo, C., Pleiss, G., Sun, Y. and Weinberger, K. Q. (2017). On calibration of modern neural
       networks. *ICML*.

    Examples
    --------
    Logit gaps of ±4 on labels right 3 times out of 4: the fitted softmax says 3/4.

    >>> t = fit_temperature([[4.0, 0.0]] * 4, [0, 0, 0, 1])
    >>> round(4.0 / t, 4) == round(math.log(3), 4)
    True
    """
    from scipy.optimize import minimize_scalar

    z = _logits(logits)
    if z.shape[0] == 0:
        raise ValueError("logits must have at least one row")
    y = v.count(labels, "labels")
    if y.shape != (z.shape[0],):
        raise ValueError(f"labels must have one entry per row of logits, got shapes {y.shape} and {z.shape}")
    if y.max() >= z.shape[1]:
        raise ValueError(f"labels must be < the number of classes {z.shape[1]}, got {y.max():.4g}")
    y = y.astype(int)
    ends = v.positive(bounds, "bounds")
    if ends.shape != (2,):
        raise ValueError(f"bounds must be a pair (low, high), got shape {ends.shape}")
    low, high = float(ends[0]), float(ends[1])
    if not low < high:
        raise ValueError(f"bounds must satisfy 0 < low < high, got {bounds}")
    if not float(np.abs(z).max()) / low < 0.5 * np.finfo(float).max:  # z / T and its differences stay finite
        raise ValueError(f"logits are too large for the lower bound on T (bounds low = {low:.3g}): "
                         f"z / T would overflow the largest float (largest |logit| {np.abs(z).max():.3g})")
    best = minimize_scalar(lambda s: _nll_at(z, y, math.exp(-s)), bounds=(math.log(low), math.log(high)),
                           method="bounded", options={"xatol": 1e-7})
    return float(math.exp(best.x))
