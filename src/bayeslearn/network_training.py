r"""Training the tiny network with Adam, on (optionally mixed) soft targets (notebook 06).

:func:`train_tiny_mlp` trains one :class:`~bayeslearn.network.TinyMLP`; :func:`train_tiny_mlps`
trains many at once, each exactly as on its own. The update is the one Adam of the library,
:class:`bayeslearn.optim.AdamState`, applied to the stack of all the networks' weights.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .mixup import checked_examples, checked_mixup_alpha, mixing_weights
from .network import TinyMLP, layer_shapes, parameter_count, unpack_parameters
from .optim import AdamState

__all__ = ["train_tiny_mlp", "train_tiny_mlps"]


def train_tiny_mlp(
    X: ArrayLike,
    targets: ArrayLike,
    *,
    mixup_alpha: float = 0.0,
    hidden: int = 16,
    steps: int = 200,
    learning_rate: float = 0.05,
    seed: int = 0,
) -> TinyMLP:
    r"""Train a one-hidden-layer ReLU network on soft targets, with or without mixup.

    Full-batch Adam (:func:`bayeslearn.adam`) on the mean cross-entropy
    :math:`\frac1n \sum_i H(\tilde t_i, q(\tilde x_i))`. With ``mixup_alpha > 0`` every step sees a
    fresh mixed batch (:func:`mixup_batch`: a new :math:`\lambda_i \sim
    \operatorname{Beta}(\alpha, \alpha)` and partner for every example), so the network fits
    the *vicinal* risk; with ``mixup_alpha = 0`` it fits the empirical risk of the targets as given.
    Label smoothing is a choice of targets: pass ``bayeslearn.smooth_labels(y, K, eps)``.

    The hidden layer starts at random (He-scaled weights, unit-variance biases); the output
    layer starts at zero, so the untrained network predicts the uniform distribution
    (loss :math:`\log K`). With no data (``X`` with 0 rows) that is what is returned: no step
    is taken.

    Used in: notebook 06, section 8; notebook 06, section 9; notebook 07, section 9

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs, n >= 0.
    targets : array_like of shape (n, K)
        Target distributions, K >= 2.
    mixup_alpha : float, default 0.0
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
    >>> from bayeslearn.data import two_moons
    >>> X, y = two_moons(100, seed=0)
    >>> T = np.eye(2)[y]
    >>> plain = train_tiny_mlp(X, T, steps=150)
    >>> mixed = train_tiny_mlp(X, T, mixup_alpha=0.4, steps=150)
    >>> bool(mixed.predict_proba(X).max(axis=1).mean() < plain.predict_proba(X).max(axis=1).mean())
    True
    """
    X, T = checked_examples(X, targets)
    if T.shape[1] < 2:
        raise ValueError(f"targets must have at least 2 classes, got {T.shape[1]}")
    mixup_alpha = checked_mixup_alpha(mixup_alpha)
    hidden, steps, lr, seed = _hyper_parameters(hidden, steps, learning_rate, seed)
    return _trained(X, T[None], np.array([mixup_alpha]), hidden, steps, lr, seed)[0]


def train_tiny_mlps(
    X: ArrayLike,
    targets: ArrayLike,
    mixup_alphas: ArrayLike,
    *,
    hidden: int = 16,
    steps: int = 200,
    learning_rate: float = 0.05,
    seed: int = 0,
) -> list[TinyMLP]:
    r"""Train several tiny networks on the same inputs at once: one per target set and mixup strength.

    Network :math:`m` is exactly ``train_tiny_mlp(X, targets[m], mixup_alpha=mixup_alphas[m], ...)``,
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

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 6; notebook 08, section 3

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs shared by all the networks, n >= 0.
    targets : array_like of shape (M, n, K)
        One set of target distributions per network (e.g. the labels smoothed by M values
        of :math:`\varepsilon`), K >= 2, M >= 1.
    mixup_alphas : array_like of shape (M,)
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
    >>> from bayeslearn.data import two_moons
    >>> X, y = two_moons(40, seed=0)
    >>> T = np.stack([np.eye(2)[y], np.full((40, 2), 0.5)])
    >>> one_hot, flat = train_tiny_mlps(X, T, [0.4, 0.0], steps=50)
    >>> bool(np.array_equal(one_hot.parameters, train_tiny_mlp(X, T[0], mixup_alpha=0.4, steps=50).parameters))
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
    a = v.non_negative(mixup_alphas, "mixup_alphas")
    if a.shape != (T.shape[0],):
        raise ValueError(f"mixup_alphas must have shape ({T.shape[0]},), one per target set, got {a.shape}")
    hidden, steps, lr, seed = _hyper_parameters(hidden, steps, learning_rate, seed)
    return _trained(X, T, a, hidden, steps, lr, seed)


def _trained(X: np.ndarray, T: np.ndarray, mixup_alphas: np.ndarray, hidden: int, steps: int, lr: float,
             seed: int) -> list[TinyMLP]:
    """:func:`_train_batch`, refusing weights that overflowed (a huge learning rate or inputs)."""
    with np.errstate(over="ignore", invalid="ignore"):
        models = _train_batch(X, T, mixup_alphas, hidden, steps, lr, seed)
    if not all(np.isfinite(model.parameters).all() for model in models):
        raise ValueError(f"learning_rate {lr:.4g} or X: the weights overflowed during training")
    return models


def _hyper_parameters(hidden: object, steps: object, learning_rate: object,
                      seed: object) -> tuple[int, int, float, int]:
    hidden = v.length(hidden, "hidden", minimum=1)
    steps = v.length(steps, "steps", minimum=0)
    lr = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    seed = v.integer(seed, "seed", minimum=0)
    return hidden, steps, lr, seed


def _train_batch(X: np.ndarray, T: np.ndarray, mixup_alphas: np.ndarray, hidden: int, steps: int, lr: float,
                 seed: int) -> list[TinyMLP]:
    """M networks at once: X (n, d) shared, T (M, n, K), mixup_alphas (M,); validated input.

    Every network starts from the draws of ``default_rng(seed)``: the initial weights, then
    the mixing weights and partners of every step. Networks of equal seed share the first, and
    networks of equal seed and mixup_alpha the second, so each is drawn once.
    """
    (n, d), (M, _, K) = X.shape, T.shape
    shapes = layer_shapes(d, hidden, K)
    theta = np.zeros((M, parameter_count(shapes)))
    rng = np.random.default_rng(seed)
    W1T, b1, _, _ = unpack_parameters(theta, shapes)  # views into theta
    W1T[...] = rng.standard_normal(W1T.shape[1:]) * np.sqrt(2.0 / d)
    b1[...] = rng.standard_normal(b1.shape[1:])
    if n == 0 or steps == 0:
        return [TinyMLP(theta[m].copy(), d, hidden, K, float(mixup_alphas[m]), 0) for m in range(M)]
    state = rng.bit_generator.state  # after the initial weights: where the mixing draws start
    draws: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    for mixup_alpha in sorted({float(a) for a in mixup_alphas if a > 0}):
        rng.bit_generator.state = state
        draws[mixup_alpha] = (mixing_weights(rng, mixup_alpha, (steps, n)),
                        rng.permuted(np.tile(np.arange(n), (steps, 1)), axis=1))
    data = np.empty((M, d + K, n))  # C order: the memory layout decides how BLAS rounds
    data[:, :d], data[:, d:] = X.T, T.transpose(0, 2, 1)  # each example a column (x; t)
    batches = _batches(data, [draws.get(float(a)) for a in mixup_alphas], steps)
    final = _adam_steps(theta, batches, shapes, n, steps, lr)
    return [TinyMLP(final[m].copy(), d, hidden, K, float(mixup_alphas[m]), steps) for m in range(M)]


def _batches(data: np.ndarray, draws: list[tuple[np.ndarray, np.ndarray] | None],
             steps: int) -> Iterator[np.ndarray]:
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
            lam, partner = draws[m]  # type: ignore[misc]  # not None: checked above
            mixed, weight = batch[:, m], lam[start:stop, None, :]  # (b, rows, n), (b, 1, n)
            np.multiply(weight, data[m], out=mixed)  # λ x_i + (1 − λ) x_π(i), as mix_rows computes it
            mates = np.take(data[m], partner[start:stop], axis=1).transpose(1, 0, 2)
            mates *= 1.0 - weight
            mixed += mates
        yield from batch


def _adam_steps(theta: np.ndarray, batches: Iterator[np.ndarray], shapes: list[tuple[int, int]],
                n: int, steps: int, lr: float) -> np.ndarray:
    r"""Full-batch Adam for M networks at once, in place on theta (M, P); one step per batch.

    The gradient is that of :func:`bayeslearn.network.loss_and_gradient_columns`, by the same
    operations in the same order, hence the same numbers to the last bit; the update is
    :meth:`bayeslearn.optim.AdamState.step`, the one in :func:`bayeslearn.adam`. The forward and
    backward passes are written out here, into arrays allocated once, with few numpy calls per
    step, because a tiny network's step costs the calls, not the arithmetic, and notebook 06's
    widget trains networks while the reader moves a slider. That is why the log-softmax is
    written out here too instead of calling ``scipy.special.log_softmax`` (as the teaching
    version does): the same operations, without its per-call checks and temporaries. (A
    rearrangement that is exact on paper would not do: it changes roundings, and Adam's division
    by :math:`\sqrt{\hat v} + \epsilon` magnifies them in parameters whose gradient is nearly zero.)
    """
    M, P = theta.shape
    (hidden, d), _, (K, _), _ = shapes
    W1T, b1, W2T, b2 = unpack_parameters(theta, shapes)
    W2 = W2T.transpose(0, 2, 1)
    grad = np.empty_like(theta)
    gW1, gb1, gW2, gb2 = unpack_parameters(grad, shapes)
    A, H, dA = np.empty((M, hidden, n)), np.empty((M, hidden, n)), np.empty((M, hidden, n))
    HT, zeros = H.transpose(0, 2, 1), np.zeros((M, hidden, n))  # an array of zeros: faster than 0.0
    relu = np.empty((M, hidden, n), dtype=bool)
    Z, E, column = np.empty((M, K, n)), np.empty((M, K, n)), np.empty((M, 1, n))
    z_rows, e_rows = [Z[:, k : k + 1] for k in range(K)], [E[:, k : k + 1] for k in range(K)]
    adam = AdamState(theta.shape)
    for batch in batches:
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
        adam.step(theta, grad, lr)
    return theta
