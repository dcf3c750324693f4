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

This module holds what a notebook needs to watch it work on a 2-D problem: a seeded
two-moons data set, the mixing itself (:func:`mixup_batch`), a tiny one-hidden-layer ReLU
network trained with Adam on (optionally mixed) soft targets (:func:`train_tiny_mlp`, with its
loss and exact gradient in :func:`mlp_loss_and_gradient`; many such networks in one batched
run with :func:`train_tiny_mlps`), and the network's probabilities on a grid with the decision
boundary traced through them (:func:`probability_grid`, :func:`decision_boundary`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.special import ndtr

from . import validation as v
from .classification import _log_softmax_columns

__all__ = [
    "MixupBatch",
    "ProbabilityGrid",
    "TinyMLP",
    "decision_boundary",
    "mixup_batch",
    "mlp_loss_and_gradient",
    "probability_grid",
    "train_tiny_mlp",
    "train_tiny_mlps",
    "two_moons",
]


# --- data ---------------------------------------------------------------------------------------
def two_moons(samples: int, noise: float = 0.25, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""A seeded two-moons data set: two interleaved half circles, one a class.

    Each point picks its class :math:`y \in \{0, 1\}` with probability 1/2 and an angle
    :math:`t` uniform on :math:`[0, \pi]`; class 0 lies on the upper arc
    :math:`(\cos t, \sin t)`, class 1 on the lower arc :math:`(1 - \cos t, \tfrac12 - \sin t)`,
    and both get isotropic Gaussian noise of standard deviation ``noise``. The geometry is
    that of scikit-learn's ``make_moons``; the points are random rather than evenly spaced.
    Data sets of the same seed are nested: the first ``m`` rows of a larger draw are the
    draw of size ``m``, so a slider over the sample size adds points without moving the others.

    Parameters
    ----------
    samples : int
        Number of points, >= 0.
    noise : float, default 0.25
        Standard deviation of the Gaussian noise, >= 0 (with the default the moons overlap a
        little, so no classifier is perfect).
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    X : ndarray of shape (samples, 2)
    labels : ndarray of int, shape (samples,)

    Raises
    ------
    TypeError
        If ``samples`` or ``seed`` is not an integer.
    ValueError
        If ``samples`` or ``seed`` is negative, or ``noise`` is negative, not finite, or so
        large that the points overflow.

    Examples
    --------
    >>> X, y = two_moons(5, seed=1)
    >>> X.shape, y.shape, bool(np.array_equal(two_moons(3, seed=1)[0], X[:3]))
    ((5, 2), (5,), True)
    """
    samples = v.length(samples, "samples", minimum=0)
    noise = v.scalar(v.non_negative(noise, "noise"), "noise")
    seed = v.integer(seed, "seed", minimum=0)
    draws = np.random.default_rng(seed).standard_normal((samples, 4))  # one row per point
    labels = (draws[:, 0] > 0.0).astype(int)
    t = np.pi * ndtr(draws[:, 1])  # uniform on [0, π]
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    with np.errstate(over="ignore"):
        X = np.where(labels[:, None] == 0, upper, lower) + noise * draws[:, 2:]
    if not np.isfinite(X).all():
        raise ValueError(f"noise {noise:.3g} is too large: the points overflow the largest float")
    return X, labels


# --- mixing ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MixupBatch:
    r"""A batch of mixed examples, :math:`\tilde x_i = \lambda_i x_i + (1-\lambda_i) x_{\pi(i)}`.

    Attributes
    ----------
    inputs : ndarray of shape (n, d)
        The mixed inputs :math:`\tilde x_i`.
    targets : ndarray of shape (n, K)
        The mixed targets :math:`\tilde t_i`, each a distribution over the K classes.
    lam : ndarray of shape (n,)
        The mixing weights :math:`\lambda_i \sim \operatorname{Beta}(\alpha, \alpha)` (all 1
        when ``alpha = 0``).
    partner : ndarray of int, shape (n,)
        The partner :math:`\pi(i)` of each example, a random permutation of the rows.
    """

    inputs: np.ndarray
    targets: np.ndarray
    lam: np.ndarray
    partner: np.ndarray


def _examples(X: object, targets: object) -> tuple[np.ndarray, np.ndarray]:
    X = v.matrix(X, "X")
    T = v.distribution(targets, "targets")
    if T.ndim != 2 or T.shape[0] != X.shape[0]:
        raise ValueError(f"targets must have shape (n, K) with one row per row of X, got {T.shape} and {X.shape}")
    return X, T


def _alpha(alpha: object) -> float:
    return v.scalar(v.non_negative(alpha, "alpha"), "alpha")



#: Below this alpha, numpy's Beta sampler before 1.25 can loop for ever (both shapes tiny, seen
#: from about 1e-8); mixing_weights then draws through log-gammas, exactly and in bounded time.
SMALL_ALPHA = 1e-3


def mixing_weights(rng: np.random.Generator, alpha: float, shape: tuple[int, ...]) -> np.ndarray:
    r"""Draw mixup weights :math:`\lambda \sim \mathrm{Beta}(\alpha, \alpha)` of ``shape``.

    For :math:`\alpha \ge` ``SMALL_ALPHA`` this is ``rng.beta(alpha, alpha, shape)``. Below it,
    :math:`\lambda = \sigma(\log G_1 - \log G_2)` with :math:`G_i \sim \mathrm{Gamma}(\alpha)`
    drawn as :math:`G'_i U_i^{1/\alpha}`, :math:`G'_i \sim \mathrm{Gamma}(\alpha + 1)`,
    :math:`U_i \sim U(0, 1]` (the same distribution, computed in logs): the weights are then
    0 or 1 up to rounding, as the distribution is, and no loop can spin.
    """
    if alpha >= SMALL_ALPHA:
        return rng.beta(alpha, alpha, size=shape)
    return _beta_by_log_gammas(rng, alpha, shape)


def _beta_by_log_gammas(rng: np.random.Generator, alpha: float,
                        shape: tuple[int, ...]) -> np.ndarray:
    """Beta(alpha, alpha) draws as the sigmoid of a log-ratio of gammas (see mixing_weights)."""
    gammas = rng.standard_gamma(alpha + 1.0, size=(2, *shape))
    uniforms = 1.0 - rng.random((2, *shape))  # in (0, 1]: the log is finite
    with np.errstate(over="ignore"):  # a log-ratio of +-inf is a weight of exactly 1 or 0
        d = (np.log(uniforms[0]) - np.log(uniforms[1])) / alpha + np.log(gammas[0] / gammas[1])
    e = np.exp(-np.abs(d))
    return np.where(d >= 0, 1.0 / (1.0 + e), e / (1.0 + e))  # the sigmoid, without overflow

def mixup_batch(X, targets, alpha: float, seed: int = 0) -> MixupBatch:
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
    at 1/2. ``alpha = 0`` means mixup is off (:math:`\lambda_i = 1`), as in the reference
    implementation of Zhang et al. (2018), who draw one :math:`\lambda` per minibatch where
    this function draws one per example.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs.
    targets : array_like of shape (n, K)
        Target distributions (one-hot labels, smoothed labels or any soft labels).
    alpha : float
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
        input, ``alpha`` is negative or not finite, or ``seed`` is negative.

    See Also
    --------
    train_tiny_mlp, bayeslearn.smooth_labels

    Examples
    --------
    >>> batch = mixup_batch([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], alpha=0.4, seed=3)
    >>> bool(np.allclose(batch.targets.sum(axis=1), 1.0))
    True
    >>> off = mixup_batch([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], alpha=0.0)
    >>> off.inputs.tolist(), off.lam.tolist()
    ([[0.0, 0.0], [1.0, 1.0]], [1.0, 1.0])
    """
    X, T = _examples(X, targets)
    alpha = _alpha(alpha)
    seed = v.integer(seed, "seed", minimum=0)
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    lam = mixing_weights(rng, alpha, (n,)) if alpha > 0 else np.ones(n)
    partner = rng.permutation(n)
    return MixupBatch(_mix(X, lam, partner), _mix(T, lam, partner), lam, partner)


def _mix(A: np.ndarray, lam: np.ndarray, partner: np.ndarray) -> np.ndarray:
    """Rows ``lam * A + (1 - lam) * A[partner]`` (any trailing shape)."""
    lam = lam.reshape(lam.shape + (1,) * (A.ndim - 1))
    return lam * A + (1.0 - lam) * A[partner]


# --- the tiny network -------------------------------------------------------------------------------
def _shapes(num_inputs: int, hidden: int, num_classes: int) -> list[tuple[int, int]]:
    """Shapes of W1ᵀ, b1, W2ᵀ, b2 in the flat parameter vector, in order."""
    return [(hidden, num_inputs), (hidden, 1), (num_classes, hidden), (num_classes, 1)]


def _unpack(theta: np.ndarray, shapes: list[tuple[int, int]]) -> list[np.ndarray]:
    """Views of W1ᵀ, b1, W2ᵀ, b2 in ``theta``: (rows, cols) each for one parameter vector (P,),
    (M, rows, cols) for a stack of M (M, P)."""
    parts, start = [], 0
    for rows, cols in shapes:
        parts.append(theta[..., start : start + rows * cols].reshape(theta.shape[:-1] + (rows, cols)))
        start += rows * cols
    return parts


def _size(shapes: list[tuple[int, int]]) -> int:
    return sum(rows * cols for rows, cols in shapes)


def _forward(theta: np.ndarray, XT: np.ndarray, shapes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pre-activations A (h, n), hidden units H (h, n) and log-probabilities (K, n)."""
    W1T, b1, W2T, b2 = _unpack(theta, shapes)
    A = W1T @ XT + b1
    H = np.maximum(A, 0.0)
    return A, H, _log_softmax_columns(W2T @ H + b2)


def _loss_and_gradient(theta: np.ndarray, XT: np.ndarray, TT: np.ndarray, shapes) -> tuple[float, np.ndarray]:
    """Mean cross-entropy and its gradient for column-major data XT (d, n), TT (K, n)."""
    n = XT.shape[1]
    W1T, _, W2T, _ = _unpack(theta, shapes)
    A, H, log_q = _forward(theta, XT, shapes)
    loss = float(-(TT * log_q).sum() / n)
    G = (np.exp(log_q) - TT) / n  # ∂loss/∂logits: (q − t)/n
    dA = (W2T.T @ G) * (A > 0.0)  # back through the ReLU
    grad = np.concatenate([(dA @ XT.T).ravel(), dA.sum(axis=1), (G @ H.T).ravel(), G.sum(axis=1)])
    return loss, grad


@dataclass(frozen=True)
class TinyMLP:
    r"""One-hidden-layer ReLU net, :math:`q(x) = \operatorname{softmax}(W_2^\top \max(0, W_1^\top x + b_1) + b_2)`.

    Attributes
    ----------
    parameters : ndarray
        All weights in one flat vector, in the order :math:`W_1^\top` (hidden x inputs),
        :math:`b_1`, :math:`W_2^\top` (classes x hidden), :math:`b_2`, each row-major: the
        layout :func:`mlp_loss_and_gradient` differentiates.
    num_inputs, hidden, num_classes : int
        Sizes of the three layers.
    alpha : float
        The mixup strength it was trained with (0: no mixup).
    steps : int
        Number of Adam steps it was trained for (0 when there were no data).

    Examples
    --------
    >>> model = train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 3)), steps=10)
    >>> model.predict_proba([[5.0, -1.0]]).round(4).tolist()   # no data: uniform
    [[0.3333, 0.3333, 0.3333]]
    """

    parameters: np.ndarray
    num_inputs: int
    hidden: int
    num_classes: int
    alpha: float = 0.0
    steps: int = 0

    def logits(self, X) -> np.ndarray:
        """The logits, shape (n, K), for inputs of shape (n, num_inputs)."""
        return self._logits(X).T

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, shape (n, K): the softmax of :meth:`logits`."""
        Z = self._logits(X)  # log-softmax (as _forward's) in place, then exp
        Z -= Z.max(axis=0)
        Z -= np.log(np.exp(Z).sum(axis=0))
        return np.exp(Z, out=Z).T

    def _logits(self, X) -> np.ndarray:
        """Logits (K, n), computed in place (few temporaries, however many points: a grid has thousands)."""
        W1T, b1, W2T, b2 = _unpack(self.parameters, _shapes(self.num_inputs, self.hidden, self.num_classes))
        H = W1T @ np.ascontiguousarray(np.asarray(X, dtype=float).T)  # C order, as in training
        H += b1
        np.maximum(H, 0.0, out=H)
        Z = W2T @ H
        Z += b2
        return Z


def mlp_loss_and_gradient(parameters, X, targets, hidden: int) -> tuple[float, np.ndarray]:
    r"""Mean soft-target cross-entropy of a :class:`TinyMLP` and its exact gradient.

    With :math:`a_i = W_1^\top x_i + b_1`, :math:`h_i = \max(0, a_i)`,
    :math:`z_i = W_2^\top h_i + b_2` and :math:`q_i = \operatorname{softmax}(z_i)`,

    .. math::

        L = -\frac1n \sum_{i=1}^n \sum_k t_{ik} \log q_{ik}, \qquad
        \frac{\partial L}{\partial z_i} = \frac{q_i - t_i}{n}, \qquad
        \frac{\partial L}{\partial a_i} = \Bigl(W_2 \frac{\partial L}{\partial z_i}\Bigr) \odot
        \mathbb 1[a_i > 0],

    and the weight gradients are outer products of these with :math:`h_i` and :math:`x_i`
    (backpropagation). The trainer uses this very function at every step.

    Parameters
    ----------
    parameters : array_like
        The flat parameter vector, laid out as in :attr:`TinyMLP.parameters`.
    X : array_like of shape (n, d)
        Inputs, n >= 1.
    targets : array_like of shape (n, K)
        Target distributions.
    hidden : int
        Number of hidden units, >= 1.

    Returns
    -------
    loss : float
        The mean cross-entropy in nats.
    gradient : ndarray
        :math:`\partial L / \partial \theta`, shaped like ``parameters``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, ``X`` has no rows, an input is not finite or not
        a distribution, or the network's activations overflow the largest float.
    TypeError
        If ``hidden`` is not an integer.

    Examples
    --------
    Zero output weights predict the uniform distribution, whose loss is log K:

    >>> loss, grad = mlp_loss_and_gradient(np.zeros(2 * 3 + 3 + 2 * 3 + 2), [[1.0, 2.0]], [[1.0, 0.0]], hidden=3)
    >>> round(loss, 6), grad.shape           # log 2
    (0.693147, (17,))
    """
    X, T = _examples(X, targets)
    if X.shape[0] == 0:
        raise ValueError("X must have at least one row: the mean loss of no examples is undefined")
    hidden = v.length(hidden, "hidden", minimum=1)
    theta = v.finite(parameters, "parameters")
    shapes = _shapes(X.shape[1], hidden, T.shape[1])
    if theta.shape != (_size(shapes),):
        raise ValueError(
            f"parameters must have shape ({_size(shapes)},) for hidden = {hidden} and these X and targets, "
            f"got {theta.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        loss, grad = _loss_and_gradient(theta, np.ascontiguousarray(X.T), np.ascontiguousarray(T.T), shapes)
    if not (np.isfinite(loss) and np.isfinite(grad).all()):
        raise ValueError("parameters, X: the network's activations overflow the largest float")
    return loss, grad


def train_tiny_mlp(
    X,
    targets,
    *,
    alpha: float = 0.0,
    hidden: int = 16,
    steps: int = 200,
    learning_rate: float = 0.05,
    seed: int = 0,
) -> TinyMLP:
    r"""Train a one-hidden-layer ReLU network on soft targets, with or without mixup.

    Full-batch Adam (:func:`bayeslearn.adam`) on the mean cross-entropy
    :math:`\frac1n \sum_i H(\tilde t_i, q(\tilde x_i))`. With ``alpha > 0`` every step sees a
    fresh mixed batch (:func:`mixup_batch`: a new :math:`\lambda_i \sim
    \operatorname{Beta}(\alpha, \alpha)` and partner for every example), so the network fits
    the *vicinal* risk; with ``alpha = 0`` it fits the empirical risk of the targets as given.
    Label smoothing is a choice of targets: pass ``bayeslearn.smooth_labels(y, K, eps)``.

    The hidden layer starts at random (He-scaled weights, unit-variance biases); the output
    layer starts at zero, so the untrained network predicts the uniform distribution
    (loss :math:`\log K`). With no data (``X`` with 0 rows) that is what is returned: no step
    is taken.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs, n >= 0.
    targets : array_like of shape (n, K)
        Target distributions, K >= 2.
    alpha : float, default 0.0
        Mixup strength :math:`\alpha \ge 0`; 0 is no mixup.
    hidden : int, default 16
        Number of hidden units, >= 1.
    steps : int, default 200
        Number of Adam steps, >= 0.
    learning_rate : float, default 0.05
        Adam's step size, > 0.
    seed : int, default 0
        Seed of the initial weights and of the mixing.

    Returns
    -------
    TinyMLP
        The trained network.

    Raises
    ------
    ValueError
        If ``X`` and ``targets`` do not fit together, a hyper-parameter is out of its domain,
        or the weights overflow during training (a learning rate or inputs near the largest float).
    TypeError
        If ``hidden``, ``steps`` or ``seed`` is not an integer.

    See Also
    --------
    mixup_batch, mlp_loss_and_gradient, probability_grid

    Examples
    --------
    >>> X, y = two_moons(100, seed=0)
    >>> T = np.eye(2)[y]
    >>> plain = train_tiny_mlp(X, T, steps=150)
    >>> mixed = train_tiny_mlp(X, T, alpha=0.4, steps=150)
    >>> bool(mixed.predict_proba(X).max(axis=1).mean() < plain.predict_proba(X).max(axis=1).mean())
    True
    """
    X, T = _examples(X, targets)
    if T.shape[1] < 2:
        raise ValueError(f"targets must have at least 2 classes, got {T.shape[1]}")
    alpha = _alpha(alpha)
    hidden, steps, lr, seed = _hyper_parameters(hidden, steps, learning_rate, seed)
    return _trained(X, T[None], np.array([alpha]), hidden, steps, lr, seed)[0]


def train_tiny_mlps(
    X,
    targets,
    alphas,
    *,
    hidden: int = 16,
    steps: int = 200,
    learning_rate: float = 0.05,
    seed: int = 0,
) -> list[TinyMLP]:
    r"""Train several tiny networks on the same inputs at once: one per target set and mixup strength.

    Network :math:`m` is exactly ``train_tiny_mlp(X, targets[m], alpha=alphas[m], ...)``,
    with the same seed, so the same starting weights and, for the same :math:`\alpha`, the
    same mixing draws. All of them are trained in one batched run of Adam, with the very
    operations of :func:`bayeslearn.adam` on the gradient of :func:`mlp_loss_and_gradient`
    (so the same numbers, to the last bit). Adam updates every coordinate on its own,

    .. math::

        w_{t,j} = w_{t-1,j} - \eta\, \frac{\hat m_{t,j}}{\sqrt{\hat v_{t,j}} + \epsilon},

    so stacking the :math:`M` parameter vectors into one and the :math:`M` gradients into one
    trains each network exactly as on its own, and the numpy overhead of a step is paid once
    instead of :math:`M` times. A step of a tiny network costs numpy calls rather than
    arithmetic, so the loop makes few of them: every array is allocated once, and the mixed
    batches of many steps are computed together. This is what lets a notebook precompute a
    grid of models over its sliders (label smoothing x mixup strength) in a fraction of a
    second, and train a new one under a slider in a few milliseconds.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs shared by all the networks, n >= 0.
    targets : array_like of shape (M, n, K)
        One set of target distributions per network (e.g. the labels smoothed by M values
        of :math:`\varepsilon`), K >= 2, M >= 1.
    alphas : array_like of shape (M,)
        The mixup strength :math:`\alpha_m \ge 0` of each network; 0 is no mixup.
    hidden, steps, learning_rate, seed
        As in :func:`train_tiny_mlp`, shared by all the networks.

    Returns
    -------
    list of TinyMLP
        The M trained networks, in the order of ``targets``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, a target is not a distribution, an
        :math:`\alpha_m` is negative or not finite, or a hyper-parameter is out of its domain.
    TypeError
        If ``hidden``, ``steps`` or ``seed`` is not an integer.

    See Also
    --------
    train_tiny_mlp

    Examples
    --------
    >>> X, y = two_moons(40, seed=0)
    >>> T = np.stack([np.eye(2)[y], np.full((40, 2), 0.5)])
    >>> one_hot, flat = train_tiny_mlps(X, T, [0.4, 0.0], steps=50)
    >>> bool(np.array_equal(one_hot.parameters, train_tiny_mlp(X, T[0], alpha=0.4, steps=50).parameters))
    True
    >>> flat.predict_proba([[0.5, 0.25]]).round(2).tolist()    # uniform targets: a uniform net
    [[0.5, 0.5]]
    """
    X = v.matrix(X, "X")
    T = v.distribution(targets, "targets")
    if T.ndim != 3 or T.shape[0] == 0 or T.shape[1] != X.shape[0]:
        raise ValueError(f"targets must have shape (M, n, K) with M >= 1 and n = {X.shape[0]} rows, got {T.shape}")
    if T.shape[2] < 2:
        raise ValueError(f"targets must have at least 2 classes, got {T.shape[2]}")
    a = v.non_negative(alphas, "alphas")
    if a.shape != (T.shape[0],):
        raise ValueError(f"alphas must have shape ({T.shape[0]},), one per target set, got {a.shape}")
    hidden, steps, lr, seed = _hyper_parameters(hidden, steps, learning_rate, seed)
    return _trained(X, T, a, hidden, steps, lr, seed)


def _trained(X, T, alphas, hidden, steps, lr, seed) -> list[TinyMLP]:
    """:func:`_train_batch`, refusing weights that overflowed (a huge learning rate or inputs)."""
    with np.errstate(over="ignore", invalid="ignore"):
        models = _train_batch(X, T, alphas, hidden, steps, lr, seed)
    if not all(np.isfinite(model.parameters).all() for model in models):
        raise ValueError(f"learning_rate {lr:.4g} or X: the weights overflowed during training")
    return models


def _hyper_parameters(hidden, steps, learning_rate, seed) -> tuple[int, int, float, int]:
    hidden = v.length(hidden, "hidden", minimum=1)
    steps = v.length(steps, "steps", minimum=0)
    lr = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    seed = v.integer(seed, "seed", minimum=0)
    return hidden, steps, lr, seed


def _train_batch(X, T, alphas, hidden, steps, lr, seed) -> list[TinyMLP]:
    """M networks at once: X (n, d) shared, T (M, n, K), alphas (M,); validated input.

    Every network starts from the draws of ``default_rng(seed)``: the initial weights, then
    the mixing weights and partners of every step. Networks of equal seed share the first, and
    networks of equal seed and alpha the second, so each is drawn once.
    """
    (n, d), (M, _, K) = X.shape, T.shape
    shapes = _shapes(d, hidden, K)
    theta = np.zeros((M, _size(shapes)))
    rng = np.random.default_rng(seed)
    W1T, b1, _, _ = _unpack(theta, shapes)  # views into theta
    W1T[...] = rng.standard_normal(W1T.shape[1:]) * np.sqrt(2.0 / d)
    b1[...] = rng.standard_normal(b1.shape[1:])
    if n == 0 or steps == 0:
        return [TinyMLP(theta[m].copy(), d, hidden, K, float(alphas[m]), 0) for m in range(M)]
    state = rng.bit_generator.state  # after the initial weights: where the mixing draws start
    draws: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    for alpha in sorted({float(a) for a in alphas if a > 0}):
        rng.bit_generator.state = state
        draws[alpha] = (mixing_weights(rng, alpha, (steps, n)),
                        rng.permuted(np.tile(np.arange(n), (steps, 1)), axis=1))
    data = np.empty((M, d + K, n))  # C order: the memory layout decides how BLAS rounds
    data[:, :d], data[:, d:] = X.T, T.transpose(0, 2, 1)  # each example a column (x; t)
    batches = _batches(data, [draws.get(float(a)) for a in alphas], steps)
    final = _adam_steps(theta, batches, shapes, n, steps, lr)
    return [TinyMLP(final[m].copy(), d, hidden, K, float(alphas[m]), steps) for m in range(M)]


def _batches(data: np.ndarray, draws: list, steps: int) -> Iterator[np.ndarray]:
    """Yield every step's batch of the M networks, (M, d + K, n): inputs and targets as columns.

    ``draws[m]`` is None for a network without mixup (its batch is its data at every step),
    else its mixing weights and partners, (steps, n) each. Mixed batches are computed for many
    steps at once, in blocks of at most half a megabyte (small enough to stay in the cache):
    far cheaper than one step at a time, and the same numbers.
    """
    M, rows, n = data.shape
    mixers = [m for m in range(M) if draws[m] is not None]
    if not mixers:
        for _ in range(steps):
            yield data
        return
    block = max(1, min(steps, 2**16 // (M * rows * n)))
    for start in range(0, steps, block):
        stop = min(start + block, steps)
        batch = np.empty((stop - start, M, rows, n))
        for m in range(M):
            if draws[m] is None:
                batch[:, m] = data[m]
                continue
            lam, partner = draws[m]
            mixed, weight = batch[:, m], lam[start:stop, None, :]  # (b, rows, n), (b, 1, n)
            np.multiply(weight, data[m], out=mixed)  # λ x_i + (1 − λ) x_π(i), as _mix computes it
            mates = np.take(data[m], partner[start:stop], axis=1).transpose(1, 0, 2)
            mates *= 1.0 - weight
            mixed += mates
        yield from batch


def _adam_steps(
    theta: np.ndarray, batches: Iterator[np.ndarray], shapes: list[tuple[int, int]], n: int, steps: int,
    lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
) -> np.ndarray:
    """Full-batch Adam for M networks at once, in place on theta (M, P); one step per batch.

    The same operations in the same order as :func:`bayeslearn.adam` (l2 = 0) on the gradient
    of :func:`_loss_and_gradient`, hence the same numbers to the last bit, written into arrays
    allocated once, with few numpy calls per step: a tiny network's step costs the calls, not
    the arithmetic. (A rearrangement that is exact on paper would not do: it changes roundings,
    and Adam's division by :math:`\\sqrt{\\hat v} + \\epsilon` magnifies them in parameters
    whose gradient is nearly zero.)
    """
    M, P = theta.shape
    (hidden, d), _, (K, _), _ = shapes
    W1T, b1, W2T, b2 = _unpack(theta, shapes)
    W2 = W2T.transpose(0, 2, 1)
    grad = np.empty_like(theta)
    gW1, gb1, gW2, gb2 = _unpack(grad, shapes)
    A, H, dA = np.empty((M, hidden, n)), np.empty((M, hidden, n)), np.empty((M, hidden, n))
    HT, zeros = H.transpose(0, 2, 1), np.zeros((M, hidden, n))  # an array of zeros: faster than 0.0
    relu = np.empty((M, hidden, n), dtype=bool)
    Z, E, column = np.empty((M, K, n)), np.empty((M, K, n)), np.empty((M, 1, n))
    z_rows, e_rows = [Z[:, k : k + 1] for k in range(K)], [E[:, k : k + 1] for k in range(K)]
    moments, scaled = np.zeros((2, M, P)), np.empty((2, M, P))  # (m, v) and their updates
    m_hat, v_hat = scaled
    decay = np.array([beta1, beta2]).reshape(2, 1, 1)
    rate = 1.0 - decay
    corrections = (np.array([1.0 - beta1**t, 1.0 - beta2**t]).reshape(2, 1, 1) for t in range(1, steps + 1))
    for correction, batch in zip(corrections, batches, strict=True):
        XT, TT = batch[:, :d], batch[:, d:]
        # forward: A = W1ᵀx + b1, H = max(A, 0), Z = W2ᵀH + b2 → log q (max and sum over the
        # classes as a loop over rows: the same roundings as numpy's reductions along axis 1)
        np.matmul(W1T, XT, out=A)
        A += b1
        np.maximum(A, zeros, out=H)
        np.matmul(W2T, H, out=Z)
        Z += b2
        np.maximum(z_rows[0], z_rows[1], out=column)
        for z in z_rows[2:]:
            np.maximum(column, z, out=column)
        Z -= column
        np.exp(Z, out=E)
        np.add(e_rows[0], e_rows[1], out=column)
        for e in e_rows[2:]:
            column += e
        Z -= np.log(column, out=column)
        # backward: G = (q − t)/n (in Z), dA = (W2 G) ⊙ 1[A > 0], then the four gradients
        np.exp(Z, out=Z)
        Z -= TT
        Z /= n
        np.matmul(W2, Z, out=dA)
        dA *= np.greater(A, zeros, out=relu)
        np.matmul(dA, XT.transpose(0, 2, 1), out=gW1)
        np.add.reduce(dA, axis=2, keepdims=True, out=gb1)
        np.matmul(Z, HT, out=gW2)
        np.add.reduce(Z, axis=2, keepdims=True, out=gb2)
        # Adam: (m, v) = β (m, v) + (1 − β)(g, g²); w −= η m̂ / (√v̂ + ε), m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ)
        moments *= decay
        np.multiply(grad, rate, out=scaled)
        v_hat *= grad  # (1 − β2) g · g
        moments += scaled
        np.divide(moments, correction, out=scaled)
        np.sqrt(v_hat, out=v_hat)
        v_hat += eps
        m_hat /= v_hat
        m_hat *= lr
        theta -= m_hat
    return theta


# --- decision boundaries ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ProbabilityGrid:
    """A model's class probabilities on a rectangular grid of 2-D inputs.

    Attributes
    ----------
    x : ndarray of shape (nx,)
        Grid coordinates along the first input.
    y : ndarray of shape (ny,)
        Grid coordinates along the second input.
    probabilities : ndarray of shape (ny, nx, K)
        :math:`q(x_j, y_i)`, rows along ``y``: ready for ``imshow(..., origin="lower")``.
    extent : tuple of float
        ``(xmin, xmax, ymin, ymax)`` of the pixel edges, for ``imshow(extent=...)``.
    """

    x: np.ndarray
    y: np.ndarray
    probabilities: np.ndarray
    extent: tuple[float, float, float, float]

    @property
    def confidence(self) -> np.ndarray:
        """The largest class probability at every grid point, shape (ny, nx)."""
        return self.probabilities.max(axis=-1)


def probability_grid(model, xlim, ylim, resolution: tuple[int, int] = (100, 80)) -> ProbabilityGrid:
    r"""Evaluate ``model.predict_proba`` on a grid over a rectangle of the input plane.

    The grid points are the centres of ``nx`` x ``ny`` equal pixels covering
    :math:`[x_{min}, x_{max}] \times [y_{min}, y_{max}]`, so ``imshow`` with the returned
    ``extent`` puts every probability exactly under its point. The decision boundary is where
    the two largest probabilities tie (for two classes, the 0.5 level of :math:`q_1`).

    Parameters
    ----------
    model : object
        Anything with ``predict_proba(X)`` taking an (m, 2) array and returning (m, K)
        probabilities (a :class:`TinyMLP`, for instance).
    xlim, ylim : pair of float
        The rectangle, each as (low, high) with low < high.
    resolution : pair of int, default (100, 80)
        Number of pixels ``(nx, ny)``, each >= 1.

    Returns
    -------
    ProbabilityGrid

    Raises
    ------
    TypeError
        If ``model`` has no ``predict_proba`` or returns non-numbers, or ``resolution`` is not
        a pair of integers.
    ValueError
        If a limit is not an increasing pair of finite numbers or a resolution is < 1.

    Examples
    --------
    >>> model = train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2)))
    >>> grid = probability_grid(model, (-1, 1), (0, 1), resolution=(4, 2))
    >>> grid.probabilities.shape, grid.x.tolist(), grid.extent
    ((2, 4, 2), [-0.75, -0.25, 0.25, 0.75], (-1.0, 1.0, 0.0, 1.0))
    """
    if not callable(getattr(model, "predict_proba", None)):
        raise TypeError(f"model must have a predict_proba method, got {type(model).__name__}")
    (x0, x1), (y0, y1) = _limits(xlim, "xlim"), _limits(ylim, "ylim")
    if not isinstance(resolution, (tuple, list, np.ndarray)) or np.ndim(resolution) != 1:
        raise TypeError(f"resolution must be a pair (nx, ny), got {type(resolution).__name__}")
    if len(resolution) != 2:
        raise ValueError(f"resolution must be a pair (nx, ny), got {resolution!r}")
    nx, ny = (v.length(r, "resolution", minimum=1) for r in resolution)
    x = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
    y = y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
    points = np.column_stack([np.tile(x, ny), np.repeat(y, nx)])
    probabilities = v.as_float_array(model.predict_proba(points), "model")
    if probabilities.ndim != 2 or probabilities.shape[0] != points.shape[0]:
        raise ValueError(f"model.predict_proba must return shape ({points.shape[0]}, K), got {probabilities.shape}")
    return ProbabilityGrid(x, y, probabilities.reshape(ny, nx, -1), (x0, x1, y0, y1))


def decision_boundary(grid: ProbabilityGrid, class_index: int = 1, level: float = 0.5) -> np.ndarray:
    r"""The curve where a class's probability crosses a level on a :class:`ProbabilityGrid`.

    With two classes, the decision boundary is the set :math:`\{x : q_1(x) = 1/2\}`, where
    the two probabilities tie: the default. The curve is traced by marching squares
    (contourpy, the contouring library behind matplotlib) through the grid points, with
    bilinear interpolation inside each cell, and returned as one array of points in which
    rows of NaN separate the pieces, ready for ``Line2D.set_data(*points.T)``.

    Parameters
    ----------
    grid : ProbabilityGrid
        Probabilities on a grid (:func:`probability_grid`).
    class_index : int, default 1
        The class :math:`k` whose probability :math:`q_k` is contoured.
    level : float, default 0.5
        The level :math:`c` in (0, 1) of the curve :math:`q_k(x) = c`.

    Returns
    -------
    ndarray of shape (m, 2)
        Points :math:`(x_1, x_2)` on the curve, pieces separated by NaN rows; shape (0, 2)
        when :math:`q_k` never crosses the level on the grid (an untrained, uniform network
        has no boundary).

    Raises
    ------
    TypeError
        If ``grid`` is not a ProbabilityGrid or ``class_index`` is not an integer.
    ValueError
        If ``class_index`` is not a class of the grid or ``level`` is not in (0, 1).

    Examples
    --------
    A model whose :math:`q_1` rises from left to right crosses 1/2 on the vertical line
    :math:`x_1 = 0.25`:

    >>> class Ramp:
    ...     def predict_proba(self, X):
    ...         q1 = np.clip(0.5 + (np.asarray(X)[:, 0] - 0.25), 0.0, 1.0)
    ...         return np.column_stack([1.0 - q1, q1])
    >>> points = decision_boundary(probability_grid(Ramp(), (-1, 1), (0, 1), resolution=(8, 3)))
    >>> points[:, 0].round(6).tolist(), points[:, 1].round(4).tolist()
    ([0.25, 0.25, 0.25], [0.8333, 0.5, 0.1667])
    """
    import contourpy  # installed with matplotlib; imported here so the module loads without it

    if not isinstance(grid, ProbabilityGrid):
        raise TypeError(f"grid must be a ProbabilityGrid, got {type(grid).__name__}")
    classes = grid.probabilities.shape[-1]
    class_index = v.integer(class_index, "class_index", minimum=0)
    if class_index >= classes:
        raise ValueError(f"class_index must be < the number of classes {classes}, got {class_index}")
    level = v.scalar(v.finite(level, "level"), "level")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    if grid.x.size < 2 or grid.y.size < 2:
        return np.empty((0, 2))
    field = grid.probabilities[..., class_index]
    lines = contourpy.contour_generator(grid.x, grid.y, field, line_type="ChunkCombinedNan").lines(level)
    points = lines[0][0]
    return np.empty((0, 2)) if points is None else np.asarray(points, dtype=float)


def _limits(value: object, name: str) -> tuple[float, float]:
    pair = v.finite(value, name)
    if pair.shape != (2,) or not pair[0] < pair[1]:
        raise ValueError(f"{name} must be a pair (low, high) with low < high, got {value!r}")
    with np.errstate(over="ignore"):
        width = pair[1] - pair[0]
    if not np.isfinite(width):
        raise ValueError(f"{name} must span less than the largest float, got {value!r}")
    return float(pair[0]), float(pair[1])
