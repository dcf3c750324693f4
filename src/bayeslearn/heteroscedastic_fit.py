r"""Fitting a heteroscedastic model, and checking its intervals (notebook 08).

The concept: how the mean and log-variance of :mod:`bayeslearn.heteroscedastic` are learned
and judged. :func:`fit_heteroscedastic` trains a linear model on radial-basis features by
full-batch Adam on the β-NLL (β = 0: the Gaussian NLL); :func:`interval_coverage` measures
how often the predicted central intervals hold the data. Notebook 08 teaches it; the data, the
features and the β-NLL with its gradient are in :mod:`bayeslearn.heteroscedastic`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import ndtri

from . import validation as v
from .heteroscedastic import mean_and_log_variance_gradient
from .records import MeanAndSD, Record

__all__ = [
    "HeteroscedasticFit",
    "fit_heteroscedastic",
    "interval_coverage",
]


@dataclass(frozen=True, repr=False)
class HeteroscedasticFit(Record):
    """Weights of a mean and a log-variance, each linear in the same features.

    Attributes
    ----------
    mean_weights, log_variance_weights : ndarray of shape (..., F)
        One row per data set when fitted in a batch.

    Notes
    -----
    Used in: notebook 08, section 2. Returned there by :func:`fit_heteroscedastic`, and holds the
    MSE fit too, with a constant log-variance.

    Examples
    --------
    >>> fit = HeteroscedasticFit(np.array([1.0, 2.0]), np.array([np.log(4.0), 0.0]))
    >>> pred = fit.predict([[1.0, 0.5]])
    >>> pred.mean.tolist(), pred.sd.tolist()  # 1 + 2·0.5, and e^{½ log 4}
    ([2.0], [2.0])
    """

    mean_weights: np.ndarray
    log_variance_weights: np.ndarray

    def predict(self, features: ArrayLike) -> MeanAndSD:
        """Predicted means and standard deviations at ``features`` (shape (m, F) or (..., m, F)).

        Raises ValueError naming ``features`` if they are not finite, have fewer than 2 axes or
        another number of columns than the weights, or the predictions overflow.
        """
        Phi = v.finite(features, "features")
        a = v.finite(self.mean_weights, "mean_weights")
        b = v.finite(self.log_variance_weights, "log_variance_weights")
        if a.ndim < 1 or b.shape != a.shape:
            raise ValueError(f"mean_weights and log_variance_weights must have one shape (..., F), "
                             f"got {a.shape} and {b.shape}")
        if Phi.ndim < 2 or Phi.shape[-1] != a.shape[-1]:
            raise ValueError(f"features must have shape (..., m, F) with F = {a.shape[-1]} columns like the weights, "
                             f"got {Phi.shape}")
        v.broadcast(Phi[..., 0], a[..., None, 0], ("features", "mean_weights"))
        with np.errstate(all="ignore"):
            mean = np.einsum("...mf,...f->...m", Phi, a)
            sigma = np.exp(0.5 * np.einsum("...mf,...f->...m", Phi, b))
        if not (np.isfinite(mean).all() and np.isfinite(sigma).all()):
            raise ValueError("features are too large for these weights: the predicted mean or standard deviation "
                             "overflows the largest float")
        return MeanAndSD(mean, sigma)


def fit_heteroscedastic(
    features: ArrayLike, y: ArrayLike, beta: float = 0.0, steps: int = 1000, learning_rate: float = 0.03
) -> HeteroscedasticFit:
    r"""Fit :math:`\mu(x) = \phi(x)^\top a` and :math:`\log\sigma^2(x) = \phi(x)^\top b` by Adam on the β-NLL.

    Full-batch Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on :func:`beta_nll`, from :math:`a = 0` and a
    constant log-variance :math:`b_0 = \log \operatorname{var}(y)`; the gradient is
    :func:`beta_nll_gradient` pulled back through the features. A batch of data sets (a leading
    axis on ``features`` and ``y``) is fitted at once, each as if alone.

    Parameters
    ----------
    features : array_like of shape (n, F) or (S, n, F)
        Features, e.g. :func:`rbf_features`, with a constant column first.
    y : array_like of shape (n,) or (S, n)
    beta : float, default 0
        :math:`\beta \in [0, 1]`; 0 is the NLL.
    steps : int, default 1000
    learning_rate : float, default 0.03

    Returns
    -------
    HeteroscedasticFit

    Raises
    ------
    ValueError
        If shapes do not match, anything is not finite, ``n < 2``, ``y`` is constant (or its
        variance overflows), the features' squares overflow, or the weights overflow during
        training (too large a ``learning_rate``).

    Notes
    -----
    Used in: notebook 08, section 2.

    References
    ----------
    .. [1] Seitzer, M., Tavakoli, A., Antic, D. and Martius, G. (2022). On the pitfalls of heteroscedastic
       uncertainty estimation with probabilistic neural networks. *ICLR*.

    Examples
    --------
    >>> from bayeslearn import heteroscedastic_data, rbf_features
    >>> data = heteroscedastic_data(100, seed=0)
    >>> fit = fit_heteroscedastic(rbf_features(data.x, np.linspace(0, 1, 6), 0.12), data.y, steps=200)
    >>> fit.mean_weights.shape
    (7,)
    """
    Phi = v.finite(features, "features")
    y = v.finite(y, "y")
    if Phi.ndim not in (2, 3) or Phi.shape[:-1] != y.shape:
        raise ValueError(f"features must have shape y.shape + (F,), got {Phi.shape} and y {y.shape}")
    if y.shape[-1] < 2:
        raise ValueError(f"y must hold at least 2 points, got {y.shape[-1]}")
    beta = v.scalar(v.probability(beta, "beta"), "beta")
    steps = v.length(steps, "steps", minimum=0)
    lr = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    with np.errstate(over="ignore"):
        if not np.isfinite(np.einsum("...ij,...ij->...", Phi, Phi)).all():
            raise ValueError(f"features are too large: their squares overflow the largest float "
                             f"(largest |feature| {np.abs(Phi).max():.3g})")
        spread = y.var(axis=-1)
    if not (np.isfinite(spread).all() and spread.min() > 0.0):
        raise ValueError(f"y must vary within each data set, and not so much that its variance overflows: "
                         f"var(y) in [{spread.min():.3g}, {spread.max():.3g}]")
    with np.errstate(all="ignore"):  # a diverging run is reported below, by its weights
        fit = _adam(Phi, y, beta, steps, lr)
    if not (np.isfinite(fit.mean_weights).all() and np.isfinite(fit.log_variance_weights).all()):
        raise ValueError(f"learning_rate {lr:.3g} (or features, y): the weights overflowed during training")
    return fit


def _adam(Phi: Any, y: Any, beta: Any, steps: Any, lr: Any) -> HeteroscedasticFit:
    n = y.shape[-1]
    params = np.zeros((*Phi.shape[:-2], 2, Phi.shape[-1]))  # [..., 0, :] mean, [..., 1, :] log-variance
    params[..., 1, 0] = np.log(y.var(axis=-1))
    m, v2 = np.zeros_like(params), np.zeros_like(params)
    PhiT = np.swapaxes(Phi, -1, -2)
    for t in range(1, steps + 1):
        out = params @ PhiT  # (..., 2, n): means and log-variances
        g_mu, g_s = mean_and_log_variance_gradient(y, out[..., 0, :], out[..., 1, :], beta, n)
        grad = np.stack([g_mu, g_s], axis=-2) @ Phi
        m = 0.9 * m + 0.1 * grad
        v2 = 0.999 * v2 + 0.001 * grad * grad
        params -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v2 / (1 - 0.999**t)) + 1e-8)
    return HeteroscedasticFit(params[..., 0, :], params[..., 1, :])


def interval_coverage(y: ArrayLike, mean: ArrayLike, sigma: ArrayLike, level: float = 0.9) -> float:
    r"""Fraction of targets inside the central Gaussian predictive interval of probability ``level``.

    .. math::

        \frac1n \sum_i \mathbb 1\!\left[\,|y_i - \mu_i| \le z\,\sigma_i\right], \qquad
        z = \Phi^{-1}\!\left(\tfrac{1 + \text{level}}{2}\right)

    (:math:`z = 1.645` for 90 %). Honest intervals cover about ``level`` of held-out data, and
    do so in every region of the input, not only on average.

    Parameters
    ----------
    y, mean, sigma : array_like
        Targets, predicted means and standard deviations (> 0); they broadcast.
    level : float, default 0.9
        In (0, 1).

    Returns
    -------
    float

    Notes
    -----
    Used in: notebook 08, section 2; notebook 08, section 6.

    Examples
    --------
    >>> interval_coverage([0.0, 1.0, 3.0], 0.0, 1.0, level=0.9)
    0.6666666666666666
    """
    y, mu, sigma = v.finite(y, "y"), v.finite(mean, "mean"), v.positive(sigma, "sigma")
    shape = v.broadcast_all(y=y, mean=mu, sigma=sigma)
    if math.prod(shape) == 0:
        raise ValueError(f"y, mean and sigma hold no points (broadcast shape {shape}): the coverage is undefined")
    level = v.scalar(v.probability(level, "level"), "level")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
    z = float(ndtri(0.5 + 0.5 * level))
    with np.errstate(over="ignore"):
        gap, reach = np.abs(y - mu), z * sigma
        if not (np.isfinite(gap).all() and np.isfinite(reach).all()):  # by halves: neither side overflows
            gap, reach = np.abs(0.5 * y - 0.5 * mu), (0.5 * z) * sigma
    return float(np.mean(gap <= reach))
