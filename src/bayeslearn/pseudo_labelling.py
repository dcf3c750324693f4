r"""Pseudo-labels, sharpening and distribution alignment: a model's own guesses as targets (notebook 07).

The concept: where an input has no label, the classifier's prediction :math:`q(y \mid x)` can
stand in for one. :func:`pseudo_labels` keeps the arg max where the confidence passes a
threshold (Lee, 2013; Sohn et al., 2020); :func:`sharpen` lowers the temperature of a guess;
:func:`distribution_alignment` reweights the guesses by the ratio of a class prior to their
running mean, Bayes' rule with a corrected prior (Berthelot et al., 2020);
:func:`labelled_subset` picks the few labelled points. Notebook 07 teaches them; the entropy
and information-maximisation objectives are in :mod:`bayeslearn.unlabelled`, the trainers in
:mod:`bayeslearn.semisupervised`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import softmax

from . import validation as v
from .records import Record

__all__ = [
    "PseudoLabels",
    "distribution_alignment",
    "labelled_subset",
    "pseudo_labels",
    "sharpen",
]


def _probabilities(probabilities: object) -> np.ndarray:
    q = v.distribution(probabilities, "probabilities")
    if q.ndim < 2 or q.shape[-2] == 0:
        raise ValueError(f"probabilities must have shape (..., n, K) with n >= 1, got {q.shape}")
    return q


# --- pseudo-labels, sharpening, alignment -----------------------------------------------------------
@dataclass(frozen=True, repr=False)
class PseudoLabels(Record):
    r"""Hard pseudo-labels :math:`\hat y_i = \arg\max_k q_{ik}` and which of them pass the threshold.

    Used in: notebook 07, sections 4 and 8.
    Returned there by :func:`pseudo_labels`.

    Attributes
    ----------
    labels : ndarray of int, shape (n,)
        The arg max of each prediction (ties to the lowest class).
    confidence : ndarray of shape (n,)
        :math:`\max_k q_{ik}`.
    mask : ndarray of bool, shape (n,)
        :math:`\mathbb 1[\max_k q_{ik} \ge \tau]`: the pseudo-labels that are used.
    """

    labels: np.ndarray
    confidence: np.ndarray
    mask: np.ndarray

    @property
    def kept(self) -> float:
        """The fraction of pseudo-labels kept (0 for no predictions)."""
        return float(self.mask.mean()) if self.mask.size else 0.0

    def accuracy(self, true_labels: ArrayLike) -> float:
        """Fraction of the *kept* pseudo-labels equal to ``true_labels``; NaN if none is kept."""
        truth = v.count_int64(true_labels, "true_labels")
        if truth.shape != self.labels.shape:
            raise ValueError(f"true_labels must have shape {self.labels.shape}, got {truth.shape}")
        right = self.labels == truth
        return float(right[self.mask].mean()) if self.mask.any() else float("nan")


def pseudo_labels(probabilities: ArrayLike, threshold: float = 0.0) -> PseudoLabels:
    r"""Hard pseudo-labels from predictions, kept where the confidence reaches a threshold.

    .. math::

        \hat y_i = \arg\max_k q_{ik}, \qquad m_i = \mathbb 1\bigl[\max_k q_{ik} \ge \tau\bigr],

    and the pseudo-label loss is :math:`\frac1n \sum_i m_i\, H(e_{\hat y_i}, q_i)` (Lee, 2013;
    with the threshold, FixMatch, Sohn et al., 2020). Its gradient with respect to the logits,
    the target held fixed, is :math:`q_i - e_{\hat y_i}` per kept example.

    Parameters
    ----------
    probabilities : array_like of shape (..., n, K)
        Predicted distributions.
    threshold : float, default 0.0
        :math:`\tau \in [0, 1]`; 0 keeps every pseudo-label.

    Returns
    -------
    PseudoLabels

    Raises
    ------
    ValueError
        If ``probabilities`` is not an (n, K) array of distributions or ``threshold`` is
        not in [0, 1].

    Notes
    -----
    Used in: notebook 07, sections 4 and 8..

    References
    ----------
    .. [1] Lee, D.-H. (2013). Pseudo-label: the simple and efficient semi-supervised learning method for deep
       neural networks. *ICML Workshop on Challenges in Representation Learning*.
    .. [2] Sohn, K., Berthelot, D., Li, C.-L. et al. (2020). FixMatch: simplifying semi-supervised learning
       with consistency and confidence. *NeurIPS* 33.

    Examples
    --------
    >>> p = pseudo_labels([[0.9, 0.1], [0.4, 0.6], [0.2, 0.8]], threshold=0.75)
    >>> p.labels.tolist(), p.mask.tolist(), round(p.kept, 4)
    ([0, 1, 1], [True, False, True], 0.6667)
    """
    q = _probabilities(probabilities)
    tau = v.scalar(v.probability(threshold, "threshold"), "threshold")
    confidence = q.max(axis=-1)
    return PseudoLabels(q.argmax(axis=-1), confidence, confidence >= tau)


def sharpen(probabilities: ArrayLike, temperature: float) -> np.ndarray:
    r"""Sharpen predictions with a temperature: :math:`q_k^{1/T} / \sum_j q_j^{1/T}`.

    :math:`T = 1` returns the input, :math:`T \to 0` the one-hot arg max (MixMatch, Berthelot
    et al., 2019). Used as a *target* held fixed, a sharpened prediction has a non-zero
    gradient where the plain self-target :math:`q` has none.

    Parameters
    ----------
    probabilities : array_like of shape (..., K)
        Distributions over the last axis.
    temperature : float
        :math:`T > 0`.

    Returns
    -------
    ndarray
        Sharpened distributions, same shape.

    Raises
    ------
    ValueError
        If ``probabilities`` are not distributions or ``temperature`` is not > 0.

    Notes
    -----
    Used in: notebook 07, section 3.

    References
    ----------
    .. [1] Berthelot, D., Carlini, N., Goodfellow, I. et al. (2019). MixMatch: a holistic approach to semi-
       supervised learning. *NeurIPS* 32.

    Examples
    --------
    >>> sharpen([0.6, 0.4], 0.5).round(4).tolist()     # 0.36 / (0.36 + 0.16)
    [0.6923, 0.3077]
    """
    q = v.distribution(probabilities, "probabilities")
    t = v.scalar(v.positive(temperature, "temperature"), "temperature")
    return _sharpen(q, t)


def _sharpen(q: np.ndarray, t: float) -> np.ndarray:
    with np.errstate(divide="ignore", over="ignore"):
        log_q = np.log(q)
        z = log_q / t
        # a temperature so small that log q / T overflows: shift by the row's largest log q
        # first (the same softmax), so the largest entries get 0 and the rest -inf, never NaN
        overflowed = (np.isinf(z) & np.isfinite(log_q)).any(axis=-1, keepdims=True)
        if overflowed.any():
            z = np.where(overflowed, (log_q - log_q.max(axis=-1, keepdims=True)) / t, z)
    return softmax(z, axis=-1)


def distribution_alignment(
    probabilities: ArrayLike, class_prior: ArrayLike, running_mean: ArrayLike | None = None,
) -> np.ndarray:
    r"""Align predictions with a class prior: :math:`\tilde q_i = \operatorname{normalise}(q_i \odot p(y) / \bar q)`.

    .. math::

        \tilde q_{ik} = \frac{q_{ik}\, p(k) / \bar q_k}{\sum_j q_{ij}\, p(j) / \bar q_j},
        \qquad \bar q = \frac1n \sum_i q_i \text{ (or a running mean)}.

    This is Bayes' rule with a corrected prior: :math:`q(y \mid x) \propto p(x \mid y)\,\bar q(y)`
    under the class frequencies the model has drifted to, and replacing :math:`\bar q(y)` by
    :math:`p(y)` gives :math:`p(x \mid y)\, p(y)` (ReMixMatch, Berthelot et al., 2020; the
    prior-shift correction of Saerens et al., 2002).

    Parameters
    ----------
    probabilities : array_like of shape (..., n, K)
        Predicted distributions (batched over leading axes).
    class_prior : array_like of shape (K,)
        The class distribution :math:`p(y)` to align to, with no zero.
    running_mean : array_like of shape (K,), optional
        :math:`\bar q`; by default the mean of ``probabilities`` over the n predictions.

    Returns
    -------
    ndarray of shape (..., n, K)
        The aligned distributions.

    Raises
    ------
    ValueError
        If an argument is not a distribution of the right shape, or ``class_prior`` or
        ``running_mean`` has a zero.

    Notes
    -----
    Used in: notebook 07, section 5.

    References
    ----------
    .. [1] Berthelot, D., Carlini, N., Cubuk, E. D. et al. (2020). ReMixMatch: semi-supervised learning with
       distribution alignment and augmentation anchoring. *ICLR*.
    .. [2] Saerens, M., Latinne, P. and Decaestecker, C. (2002). Adjusting the outputs of a classifier to new
       a priori probabilities: a simple procedure. *Neural Computation*, 14(1), 21-41.

    Examples
    --------
    >>> distribution_alignment([[0.6, 0.4]], [0.5, 0.5], running_mean=[0.8, 0.2]).round(4).tolist()
    [[0.2727, 0.7273]]
    """
    q = _probabilities(probabilities)
    prior = v.distribution(class_prior, "class_prior")
    if prior.shape != (q.shape[-1],):
        raise ValueError(f"class_prior must have shape ({q.shape[-1]},), got {prior.shape}")
    if running_mean is None:
        mean = q.mean(axis=-2, keepdims=True)
    else:
        mean = v.distribution(running_mean, "running_mean")
        if mean.shape != prior.shape:
            raise ValueError(f"running_mean must have shape {prior.shape}, got {mean.shape}")
    for arr, name in ((prior, "class_prior"), (mean, "running_mean")):
        if arr.min() <= 0.0:
            raise ValueError(f"{name} must be > 0 for every class, got {arr.min()}")
    with np.errstate(over="ignore", invalid="ignore"):
        w = q * (prior / mean)
        total = w.sum(axis=-1, keepdims=True)
    if not np.isfinite(total).all():  # prior / mean beyond the largest float: rescale in logs
        log_ratio = np.log(prior) - np.log(mean)
        w = q * np.exp(log_ratio - log_ratio.max(axis=-1, keepdims=True))
        total = w.sum(axis=-1, keepdims=True)
    return w / total


def labelled_subset(labels: ArrayLike, per_class: int, seed: int = 0) -> np.ndarray:
    r"""Indices of ``per_class`` examples of every class, drawn at random: a small labelled set.

    The rest of a data set plays the unlabelled pool. Drawing the same number from each class
    keeps a handful of labels from missing a class altogether.

    Parameters
    ----------
    labels : array_like of int, shape (n,)
        The classes of the pool.
    per_class : int
        Examples per class, >= 0, at most the size of the smallest class.
    seed : int, default 0
        Seed of the random draw.

    Returns
    -------
    ndarray of int
        Sorted indices into ``labels``.

    Raises
    ------
    ValueError
        If a class has fewer than ``per_class`` examples, or a label is not a whole number in
        [0, 2**63 - 1].
    TypeError
        If ``labels`` is not numeric (strings, booleans) or ``per_class`` is not an integer.

    Notes
    -----
    Used in: notebook 07, section 1.
    Called there through :func:`semi_supervised_moons`.

    Examples
    --------
    >>> labelled_subset([0, 1, 0, 1, 1, 0], per_class=1, seed=0).size
    2
    """
    y = v.count_int64(labels, "labels")  # exact: 2**53 and 2**53 + 1 are two classes
    if y.ndim != 1:
        raise ValueError(f"labels must be 1-D, got shape {y.shape}")
    per_class = v.length(per_class, "per_class", minimum=0)
    rng = np.random.default_rng(v.integer(seed, "seed", minimum=0))
    chosen = []
    for k in np.unique(y):
        members = np.flatnonzero(y == k)
        if members.size < per_class:
            raise ValueError(f"per_class must be <= the size of class {k} ({members.size}), got {per_class}")
        chosen.append(rng.choice(members, size=per_class, replace=False))
    return np.sort(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=int)
