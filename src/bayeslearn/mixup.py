r"""Mixup: training on convex combinations of examples and their soft targets (notebook 06).

Empirical risk minimisation averages the loss over the training pairs :math:`(x_i, t_i)`.
Mixup (Zhang et al., 2018) averages it over *mixed* pairs instead,

.. math::

    \tilde x = \lambda x_i + (1 - \lambda) x_j, \qquad
    \tilde t = \lambda t_i + (1 - \lambda) t_j, \qquad
    \lambda \sim \operatorname{Beta}(\alpha, \alpha),

a Monte Carlo estimate of the risk under a *vicinal* distribution spread along the segments
between training points (Chapelle et al., 2000). The mixed target is a soft label, a
distribution over the classes, so the loss is the cross-entropy with soft targets
:math:`H(\tilde t, q) = H(\tilde t) + D_{KL}(\tilde t \,\|\, q)`.

This module holds the mixing itself: :func:`mixup_batch` for a batch, :func:`mixing_weights`
for the weights alone, :func:`mix_rows` for the convex combinations. The network that learns
from mixed batches is in :mod:`bayeslearn.network` and :mod:`bayeslearn.network_training`; the
two-moons data in :mod:`bayeslearn.data`.

References
----------
Zhang, H., Cisse, M., Dauphin, Y. N. and Lopez-Paz, D. (2018). mixup: Beyond empirical risk
minimization. ICLR.

Chapelle, O., Weston, J., Bottou, L. and Vapnik, V. (2000). Vicinal risk minimization. NIPS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import validation as v
from .records import Record

__all__ = [
    "MixupBatch",
    "SMALL_MIXUP_ALPHA",
    "checked_mixup_alpha",
    "checked_examples",
    "mix_rows",
    "mixing_weights",
    "mixup_batch",
]


@dataclass(frozen=True, repr=False)
class MixupBatch(Record):
    r"""A batch of mixed examples, :math:`\tilde x_i = \lambda_i x_i + (1-\lambda_i) x_{\pi(i)}`.

    Used in: notebook 06, section 4; notebook 06, section 8; notebook 06, section 9.
    Returned there by :func:`mixup_batch`.

    Attributes
    ----------
    inputs : ndarray of shape (n, d)
        The mixed inputs :math:`\tilde x_i`.
    targets : ndarray of shape (n, K)
        The mixed targets :math:`\tilde t_i`, each a distribution over the K classes.
    lam : ndarray of shape (n,)
        The mixing weights :math:`\lambda_i \sim \operatorname{Beta}(\alpha, \alpha)` (all 1
        when ``mixup_alpha = 0``).
    partner : ndarray of int, shape (n,)
        The partner :math:`\pi(i)` of each example, a random permutation of the rows.

    Examples
    --------
    >>> batch = mixup_batch([[0.0], [1.0]], [[1.0, 0.0], [0.0, 1.0]], mixup_alpha=0.0)
    >>> batch.inputs.tolist(), batch.partner.shape
    ([[0.0], [1.0]], (2,))
    """

    inputs: NDArray[np.float64]
    targets: NDArray[np.float64]
    lam: NDArray[np.float64]
    partner: NDArray[np.intp]


def checked_examples(X: ArrayLike, targets: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """``X`` (n, d) and ``targets`` (n, K), checked: finite inputs, one distribution a row.

    Shared by the mixing and the network (:mod:`bayeslearn.network`) at their public boundary.


    Used in: notebook 06, section 3; notebook 06, section 4; notebook 07, section 9; notebook 08, section 3
    """
    X = v.matrix(X, "X")
    T = v.distribution(targets, "targets")
    if T.ndim != 2 or T.shape[0] != X.shape[0]:
        raise ValueError(f"targets must have shape (n, K) with one row per row of X, got {T.shape} and {X.shape}")
    return X, T


def checked_mixup_alpha(mixup_alpha: object) -> float:
    """A mixup strength, checked: a finite number >= 0.


    Used in: notebook 06, section 3; notebook 06, section 4; notebook 07, section 9; notebook 08, section 3
    """
    return v.scalar(v.non_negative(mixup_alpha, "mixup_alpha"), "mixup_alpha")

#: Below this mixup_alpha, numpy's Beta sampler before 1.25 can loop for ever (both shapes tiny, seen
#: from about 1e-8); mixing_weights then draws through log-gammas, exactly and in bounded time.
SMALL_MIXUP_ALPHA = 1e-3


def mixing_weights(rng: np.random.Generator, mixup_alpha: float, shape: tuple[int, ...]) -> np.ndarray:
    r"""Draw mixup weights :math:`\lambda \sim \mathrm{Beta}(\alpha, \alpha)` of ``shape``.

    For :math:`\alpha \ge` ``SMALL_MIXUP_ALPHA`` this is ``rng.beta(mixup_alpha, mixup_alpha, shape)``. Below it,
    :math:`\lambda = \sigma(\log G_1 - \log G_2)` with :math:`G_i \sim \mathrm{Gamma}(\alpha)`
    drawn as :math:`G'_i U_i^{1/\alpha}`, :math:`G'_i \sim \mathrm{Gamma}(\alpha + 1)`,
    :math:`U_i \sim U(0, 1]` (the same distribution, computed in logs): the weights are then
    0 or 1 up to rounding, as the distribution is, and no loop can spin.

    Used in: notebook 06, section 3; notebook 06, section 4; notebook 06, section 5; notebook 08, section 3

    Parameters
    ----------
    rng : numpy.random.Generator
        The random generator to draw from.
    mixup_alpha : float
        :math:`\alpha > 0` (not checked: the public callers check it).
    shape : tuple of int
        Shape of the draw.

    Returns
    -------
    ndarray of shape ``shape``
        Weights in [0, 1].

    Examples
    --------
    >>> lam = mixing_weights(np.random.default_rng(0), 1e-6, (1000,))
    >>> bool(np.all((lam < 1e-9) | (lam > 1 - 1e-9)))     # tiny mixup_alpha: 0 or 1
    True
    """
    if mixup_alpha >= SMALL_MIXUP_ALPHA:
        return rng.beta(mixup_alpha, mixup_alpha, size=shape)
    return _beta_by_log_gammas(rng, mixup_alpha, shape)


def _beta_by_log_gammas(rng: np.random.Generator, mixup_alpha: float,
                        shape: tuple[int, ...]) -> np.ndarray:
    """Beta(mixup_alpha, mixup_alpha) draws as the sigmoid of a log-ratio of gammas (see mixing_weights)."""
    gammas = rng.standard_gamma(mixup_alpha + 1.0, size=(2, *shape))
    uniforms = 1.0 - rng.random((2, *shape))  # in (0, 1]: the log is finite
    with np.errstate(over="ignore"):  # a log-ratio of +-inf is a weight of exactly 1 or 0
        d = (np.log(uniforms[0]) - np.log(uniforms[1])) / mixup_alpha + np.log(gammas[0] / gammas[1])
    e = np.exp(-np.abs(d))
    return np.where(d >= 0, 1.0 / (1.0 + e), e / (1.0 + e))  # the sigmoid, without overflow


def mixup_batch(X: ArrayLike, targets: ArrayLike, mixup_alpha: float, seed: int = 0) -> MixupBatch:
    r"""Mix every example with a random partner: convex combinations of inputs and soft targets.

    .. math::

        \tilde x_i = \lambda_i x_i + (1 - \lambda_i)\, x_{\pi(i)}, \qquad
        \tilde t_i = \lambda_i t_i + (1 - \lambda_i)\, t_{\pi(i)}, \qquad
        \lambda_i \sim \operatorname{Beta}(\alpha, \alpha)

    with :math:`\pi` a uniformly random permutation of the batch. A convex combination of two
    distributions is a distribution, so the mixed targets are soft labels. :math:`\alpha`
    sets how far from the data the mixed points go: as :math:`\alpha \to 0` the weights pile
    up at 0 and 1 and every mixed pair is (nearly) one of the original pairs; at
    :math:`\alpha = 1` the weight is uniform on [0, 1]; large :math:`\alpha` concentrates it
    at 1/2. ``mixup_alpha = 0`` means mixup is off (:math:`\lambda_i = 1`), as in the reference
    implementation of Zhang et al. (2018), who draw one :math:`\lambda` per minibatch where
    this function draws one per example.

    Used in: notebook 06, section 4; notebook 06, section 8; notebook 06, section 9

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs.
    targets : array_like of shape (n, K)
        Target distributions (one-hot labels, smoothed labels or any soft labels).
    mixup_alpha : float
        Parameter :math:`\alpha \ge 0` of the symmetric Beta distribution; 0 turns mixup off.
    seed : int, default 0
        Seed of the random generator (mixing weights and partners).

    Returns
    -------
    MixupBatch
        The mixed inputs and targets, the weights :math:`\lambda_i` and the partners.

    Raises
    ------
    TypeError
        If ``seed`` is not an integer or an array is not numeric.
    ValueError
        If ``X`` is not 2-D and finite, ``targets`` are not distributions with one row per
        input, ``mixup_alpha`` is negative or not finite, or ``seed`` is negative.

    See Also
    --------
    bayeslearn.train_tiny_mlp, bayeslearn.smooth_labels

    References
    ----------
    Zhang, H., Cisse, M., Dauphin, Y. N. and Lopez-Paz, D. (2018). mixup: Beyond empirical risk
    minimization. ICLR.

    Examples
    --------
    >>> batch = mixup_batch([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], mixup_alpha=0.4, seed=3)
    >>> bool(np.allclose(batch.targets.sum(axis=1), 1.0))
    True
    >>> off = mixup_batch([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], mixup_alpha=0.0)
    >>> off.inputs.tolist(), off.lam.tolist()
    ([[0.0, 0.0], [1.0, 1.0]], [1.0, 1.0])
    """
    X, T = checked_examples(X, targets)
    mixup_alpha = checked_mixup_alpha(mixup_alpha)
    seed = v.integer(seed, "seed", minimum=0)
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    lam = mixing_weights(rng, mixup_alpha, (n,)) if mixup_alpha > 0 else np.ones(n)
    partner = rng.permutation(n)
    return MixupBatch(mix_rows(X, lam, partner), mix_rows(T, lam, partner), lam, partner)


def mix_rows(A: np.ndarray, lam: np.ndarray, partner: np.ndarray) -> NDArray[np.float64]:
    r"""Rows :math:`\lambda_i A_i + (1 - \lambda_i) A_{\pi(i)}` of ``A`` (any trailing shape).

    Used in: notebook 06, section 4; notebook 06, section 8; notebook 06, section 9

    Examples
    --------
    >>> mix_rows(np.array([[0.0], [4.0]]), np.array([0.25, 1.0]), np.array([1, 0])).tolist()
    [[3.0], [4.0]]
    """
    lam = lam.reshape(lam.shape + (1,) * (A.ndim - 1))
    return lam * A + (1.0 - lam) * A[partner]
