r"""The semi-supervised trainers: tiny networks fit to a few labels plus an unlabelled objective (notebook 07).

The concept: training, many networks at once, by :func:`train_semi_supervised_mlps` and by
rounds of self-training (:func:`self_training_mlps`); notebook 07 teaches them. Each network
minimises

.. math::

    L(\theta) = \frac{1}{n_l} \sum_{i=1}^{n_l} H(e_{y_i}, q_\theta(x_i))
    \;+\; \lambda\, U\bigl(q_\theta(x_{n_l+1}), \dots, q_\theta(x_{n_l+n_u})\bigr)

with :math:`U` one of the unlabelled objectives of :mod:`bayeslearn.unlabelled` (the loss and
its gradient are in :mod:`bayeslearn.semisupervised_loss`). The networks
are :class:`bayeslearn.network.TinyMLP` (one hidden ReLU layer), started as
:func:`bayeslearn.train_tiny_mlp` starts them (He-scaled first layer from ``default_rng(seed)``,
zero output layer: a uniform prediction) and trained by full-batch :func:`bayeslearn.adam` on
the stacked parameters of all the networks: Adam treats every coordinate on its own, so
stacking changes nothing but the speed. With :math:`\lambda = 0` a network is the one
:func:`bayeslearn.train_tiny_mlp` trains on the labelled points (up to rounding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .network import TinyMLP
from .optim import adam
from .pseudo_labelling import (
    PseudoLabels,
    pseudo_labels,
)
from .records import Record
from .semisupervised_loss import (
    batched_loss_and_gradient,
    initial_parameters,
    layer_sizes,
    stacked_problem,
    unlabelled_gradient,
)
from .unlabelled import (
    OBJECTIVES,
)

__all__ = [
    "MAX_ROUNDS",
    "SelfTraining",
    "self_training_mlps",
    "train_semi_supervised_mlps",
]


def _train(
    X: Any,
    T: Any,
    n_l: Any,
    weights: Any,
    seeds: Any,
    hidden: Any,
    steps: Any,
    learning_rate: Any,
    alpha: Any,
    unlabelled: Any,
) -> list[TinyMLP]:
    M, d, _ = X.shape
    K = T.shape[1]
    size = M * sum(r * c for r, c in layer_sizes(d, hidden, K))
    if size * (steps + 1) > v.MAX_LENGTH:  # Adam keeps the whole path: refuse before allocating it
        raise ValueError(f"steps and hidden: {M} networks of {size // M} weights over {steps} steps make a path of "
                         f"more than 2**32 numbers; use fewer steps, hidden units or networks")
    theta = initial_parameters(seeds, d, hidden, K)
    shape = theta.shape

    def gradient(w: np.ndarray) -> np.ndarray:
        return batched_loss_and_gradient(w.reshape(shape), X, T, n_l, weights, hidden, unlabelled, None)[1].ravel()

    final = adam(gradient, theta.ravel(), learning_rate, steps, alpha=alpha)[-1].reshape(shape) if steps else theta
    return [TinyMLP(final[m].copy(), d, hidden, K, 0.0, steps) for m in range(M)]


#: Most rounds :func:`self_training_mlps` runs: each retrains every network from the start.
MAX_ROUNDS = 1000


def _hyper(hidden: object, steps: object, learning_rate: object, alpha: object) -> tuple[int, int, float, float]:
    return (v.length(hidden, "hidden", minimum=1), v.length(steps, "steps", minimum=0),
            v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate"),
            v.scalar(v.non_negative(alpha, "alpha"), "alpha"))


# --- public ---------------------------------------------------------------------------------------------
def train_semi_supervised_mlps(
    X_labelled: ArrayLike, y_labelled: ArrayLike, X_unlabelled: ArrayLike, weights: ArrayLike,
    *, objective: str = "entropy", num_classes: int = 2,
    temperature: float = 0.5, class_prior: ArrayLike | None = None, hidden: int = 16, steps: int = 300,
    learning_rate: float = 0.05, alpha: float = 0.0, seed: ArrayLike = 0,
) -> list[TinyMLP]:
    r"""Train M tiny networks on labelled cross-entropy plus :math:`\lambda_m` times an unlabelled objective.

    .. math::

        L_m(\theta) = \frac{1}{n_l}\sum_{i \le n_l} -\log q_{\theta, y_i}(x_i)
        + \lambda_m\, U_m + \frac{w}{2}\lVert\theta\rVert^2,

    with, for the unlabelled predictions :math:`q_j = q_\theta(x_j)`:

    - ``"entropy"``: :math:`U = \frac{1}{n_u}\sum_j H(q_j)` (Grandvalet and Bengio, 2005);
    - ``"infomax"``: :math:`U = \frac{1}{n_u}\sum_j H(q_j) - H(\bar q)`;
    - ``"sharpened"``: the cross-entropy against :math:`\operatorname{sharpen}(q_j, T)`, the
      target recomputed at every step but held fixed in the gradient, :math:`q_j - t_j`;
    - ``"aligned"``: the same with the target :math:`\operatorname{sharpen}(\tilde q_j, T)`,
      :math:`\tilde q_j` aligned to ``class_prior`` (:func:`bayeslearn.distribution_alignment`).

    The weight decay :math:`w` is a Gaussian prior on the weights (notebook 03). Each argument
    may be given once for all the networks or once per network (a leading axis of length M).

    Parameters
    ----------
    X_labelled : array_like of shape (n_l, d) or (M, n_l, d)
        Labelled inputs (n_l may be 0).
    y_labelled : array_like of int, shape (n_l,) or (M, n_l)
        Their classes.
    X_unlabelled : array_like of shape (n_u, d) or (M, n_u, d)
        Unlabelled inputs.
    weights : float or array_like of shape (M,)
        :math:`\lambda_m \ge 0`; 0 is supervised training alone.
    objective : {"entropy", "infomax", "sharpened", "aligned"}
        The unlabelled objective :math:`U`.
    num_classes : int, default 2
        K >= 2.
    temperature : float, default 0.5
        :math:`T > 0` of the sharpened targets.
    class_prior : array_like of shape (K,), optional
        :math:`p(y)` for ``"aligned"``; uniform by default.
    hidden, steps, learning_rate : int, int, float
        Hidden units, Adam steps, Adam's step size.
    alpha : float, default 0.0
        Coupled L2 penalty :math:`\alpha \ge 0`: :math:`\tfrac{\alpha}{2}\lVert\theta\rVert^2` is added to the loss
        (Adam's coupled L2, not AdamW's decoupled ``weight_decay``).
    seed : int or array_like of int, shape (M,)
        Seed of each network's starting weights (as in :func:`bayeslearn.train_tiny_mlp`).

    Returns
    -------
    list of TinyMLP
        The M trained networks.

    Raises
    ------
    ValueError
        If the shapes do not fit together, a label is out of range, a weight is negative,
        ``objective`` is unknown, a seed is not a whole number in [0, 2**63 - 1], or
        ``num_classes``, ``hidden`` or ``steps`` make arrays of more than 2**32 numbers.
    TypeError
        If an integer argument is not an integer or an array is not numeric.

    See Also
    --------
    semi_supervised_loss_and_gradient, self_training_mlps, bayeslearn.train_tiny_mlp

    Notes
    -----
    Used in: notebook 07, section 1; notebook 07, section 2; notebook 07, section 5; notebook 07, section 6;
    notebook 07, section 7; notebook 07, section 8.

    References
    ----------
    .. [1] Grandvalet, Y. and Bengio, Y. (2005). Semi-supervised learning by entropy minimization. *NeurIPS*
       17.
    .. [2] Bridle, J. S., Heading, A. J. R. and MacKay, D. J. C. (1992). Unsupervised classifiers, mutual
       information and 'phantom targets'. *NeurIPS* 4.
    .. [3] Krause, A., Perona, P. and Gomes, R. G. (2010). Discriminative clustering by regularized
       information maximization. *NeurIPS* 23.

    Examples
    --------
    >>> from bayeslearn import entropy_minimisation_loss, two_moons
    >>> X, y = two_moons(60, seed=0)
    >>> plain, entropic = train_semi_supervised_mlps(X[:6], y[:6], X[6:], [0.0, 1.0], steps=100)
    >>> H = [float(entropy_minimisation_loss(net.logits(X[6:]))) for net in (plain, entropic)]
    >>> H[1] < H[0]
    True
    """
    if objective not in OBJECTIVES:
        raise ValueError(f"objective must be one of {OBJECTIVES}, got {objective!r}")
    X, T, n_l, lam, seeds, K = stacked_problem(X_labelled, y_labelled, X_unlabelled, weights, num_classes, seed)
    hidden, steps, lr, alpha = _hyper(hidden, steps, learning_rate, alpha)
    t = v.scalar(v.positive(temperature, "temperature"), "temperature")
    prior = np.full(K, 1.0 / K) if class_prior is None else v.distribution(class_prior, "class_prior")
    if prior.shape != (K,) or prior.min() <= 0.0:
        raise ValueError(f"class_prior must be a distribution over the {K} classes with no zero, got {prior!r}")

    def unlabelled(log_q: np.ndarray) -> np.ndarray:
        return unlabelled_gradient(log_q, objective, t, prior)

    return _train(X, T, n_l, lam, seeds, hidden, steps, lr, alpha, unlabelled)


@dataclass(frozen=True, repr=False)
class SelfTraining(Record):
    """The networks and pseudo-labels of each round of self-training.

    Attributes
    ----------
    networks : list of list of TinyMLP
        ``networks[r][m]``: network m after round r (``rounds + 1`` rounds).
    pseudo_labels : list of list of PseudoLabels
        ``pseudo_labels[r][m]``: the pseudo-labels network m trained on in round r + 1.
    """

    networks: list[list[TinyMLP]]
    pseudo_labels: list[list[PseudoLabels]]


def self_training_mlps(
    X_labelled: ArrayLike, y_labelled: ArrayLike, X_unlabelled: ArrayLike, thresholds: ArrayLike,
    *, rounds: int = 4, weight: float = 1.0,
    num_classes: int = 2, hidden: int = 16, steps: int = 300, learning_rate: float = 0.05,
    alpha: float = 0.0, seed: ArrayLike = 0,
) -> SelfTraining:
    r"""Self-training with confident hard pseudo-labels, round after round, for M networks at once.

    Round 0 trains on the labelled points alone. Each later round takes the previous round's
    predictions :math:`q_j` on the unlabelled points, keeps the pseudo-labels
    :math:`\hat y_j = \arg\max_k q_{jk}` with :math:`\max_k q_{jk} \ge \tau_m`
    (:func:`bayeslearn.pseudo_labels`), and retrains from the same start on

    .. math::

        \frac{1}{n_l}\sum_{i \le n_l} H(e_{y_i}, q_i) + \frac{\lambda}{n_u} \sum_j
        \mathbb 1[\max_k q_{jk} \ge \tau]\, H(e_{\hat y_j}, q_j)

    (Lee, 2013; the threshold of FixMatch, Sohn et al., 2020). A wrong pseudo-label that
    passes the threshold becomes a training target, and the next round is more sure of it:
    confirmation bias.

    Parameters
    ----------
    X_labelled, y_labelled, X_unlabelled
        As in :func:`train_semi_supervised_mlps` (shared or one set per network).
    thresholds : float or array_like of shape (M,)
        :math:`\tau_m \in [0, 1]`.
    rounds : int, default 4
        Rounds after the supervised one, >= 0.
    weight : float, default 1.0
        :math:`\lambda \ge 0`, the weight of the pseudo-labelled term.
    num_classes, hidden, steps, learning_rate, alpha, seed
        As in :func:`train_semi_supervised_mlps`.

    Returns
    -------
    SelfTraining
        ``networks[r][m]``: network m after round r (``rounds + 1`` rounds);
        ``pseudo_labels[r][m]``: the pseudo-labels network m trained on in round r + 1.

    Raises
    ------
    ValueError
        If the shapes do not fit together, a threshold is outside [0, 1], ``rounds`` exceeds
        1000 (``MAX_ROUNDS``), or there is no unlabelled point to pseudo-label.

    Notes
    -----
    Used in: notebook 07, section 4.

    References
    ----------
    .. [1] Lee, D.-H. (2013). Pseudo-label: the simple and efficient semi-supervised learning method for deep
       neural networks. *ICML Workshop on Challenges in Representation Learning*.
    .. [2] Sohn, K., Berthelot, D., Li, C.-L. et al. (2020). FixMatch: simplifying semi-supervised learning
       with consistency and confidence. *NeurIPS* 33.

    Examples
    --------
    >>> from bayeslearn import two_moons
    >>> X, y = two_moons(60, seed=0)
    >>> out = self_training_mlps(X[:6], y[:6], X[6:], [0.0, 0.99], rounds=1, steps=50)
    >>> len(out.networks), len(out.pseudo_labels), out.pseudo_labels[0][0].kept
    (2, 1, 1.0)
    """
    tau = np.atleast_1d(v.probability(thresholds, "thresholds"))
    if tau.ndim != 1 or tau.size == 0:
        raise ValueError(f"thresholds must be a number or a 1-D array, got shape {tau.shape}")
    rounds = v.integer(rounds, "rounds", minimum=0)
    if rounds > MAX_ROUNDS:
        raise ValueError(f"rounds must be <= {MAX_ROUNDS}, got {rounds if rounds < 10**20 else 'more'}")
    lam = v.scalar(v.non_negative(weight, "weight"), "weight")
    X, T, n_l, _, seeds, K = stacked_problem(X_labelled, y_labelled, X_unlabelled, np.full(tau.size, lam),
                                      num_classes, seed)
    M = X.shape[0]
    if rounds and X.shape[2] == n_l:
        raise ValueError("X_unlabelled must have at least one row to pseudo-label (or rounds = 0)")
    if tau.size not in (1, M):
        raise ValueError(f"thresholds must have 1 or {M} entries, got {tau.size}")
    tau = np.broadcast_to(tau, (M,))
    hidden, steps, lr, alpha = _hyper(hidden, steps, learning_rate, alpha)
    lams = np.full(M, lam)
    nets = _train(X, T, n_l, np.zeros(M), seeds, hidden, steps, lr, alpha, None)
    history, chosen = [nets], []
    for _ in range(rounds):
        found = [pseudo_labels(net.predict_proba(X[m, :, n_l:].T), tau[m]) for m, net in enumerate(nets)]
        targets = np.eye(K)[np.stack([p.labels for p in found])]  # (M, n_u, K)
        mask = np.stack([p.mask for p in found]).astype(float)

        def unlabelled(log_q: np.ndarray, targets: np.ndarray = targets, mask: np.ndarray = mask) -> np.ndarray:
            return unlabelled_gradient(log_q, "pseudo", targets=targets, mask=mask)

        nets = _train(X, T, n_l, lams, seeds, hidden, steps, lr, alpha, unlabelled)
        history.append(nets)
        chosen.append(found)
    return SelfTraining(history, chosen)
