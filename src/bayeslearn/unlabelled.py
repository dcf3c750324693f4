r"""Learning from unlabelled data: the entropy and information-maximisation objectives (notebook 07).

A classifier :math:`q(y \mid x)` trained on a few labelled pairs can also be scored on inputs
without labels, but only through its own predictions. Every method here adds to the
cross-entropy of the labelled points a term :math:`\lambda\, U(q)` computed on unlabelled
points, a log-prior in the language of notebook 02:

- **entropy minimisation** (Grandvalet and Bengio, 2005),
  :math:`U = \frac1n \sum_i H(q(x_i))`: a prior that prefers confident predictions on the
  unlabelled inputs, so decision boundaries through regions of low density;
- **information maximisation**, :math:`U = \frac1n \sum_i H(q(x_i)) - H(\bar q)` with
  :math:`\bar q = \frac1n \sum_i q(x_i)`: confident, and yet using every class;
- **pseudo-labels** (Lee, 2013; Sohn et al., 2020): the cross-entropy against the model's own
  arg max, kept where the confidence passes a threshold;
- **distribution alignment** (Berthelot et al., 2020): the model's guesses reweighted by the
  ratio of a class prior to their running mean, Bayes' rule with a corrected prior;
- **Tent** (Wang et al., 2021): at test time, only a per-feature scale and shift of a
  normalisation layer are adapted, by minimising the entropy of the test predictions.

This module holds the two objectives computed from logits, entropy minimisation and information
maximisation, with their gradients; notebook 07 teaches them. Pseudo-labels, sharpening and
distribution alignment are in :mod:`bayeslearn.pseudo_labelling`, the trainers in
:mod:`bayeslearn.semisupervised`, Tent in :mod:`bayeslearn.tent`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import xlogy

from . import validation as v

__all__ = [
    "OBJECTIVES",
    "entropy_minimisation_gradient",
    "entropy_minimisation_loss",
    "information_maximisation_gradient",
    "information_maximisation_loss",
]

#: The unlabelled objectives :func:`train_semi_supervised_mlps` knows.
OBJECTIVES = ("entropy", "infomax", "sharpened", "aligned")


# --- checks -------------------------------------------------------------------------------------
def _logits(logits: object) -> np.ndarray:
    z = v.finite(logits, "logits")
    if z.ndim < 2 or z.shape[-2] == 0 or z.shape[-1] < 2:
        raise ValueError(f"logits must have shape (..., n, K) with n >= 1 and K >= 2, got {z.shape}")
    return z



# --- the unlabelled losses and their gradients ----------------------------------------------------
def _log_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """log softmax in plain numpy (scipy's costs more than the maths on small arrays)."""
    with np.errstate(over="ignore"):  # a gap beyond the largest float: that probability is 0
        z = np.maximum(z - z.max(axis=axis, keepdims=True), -np.finfo(float).max)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def _row_entropy(log_q: np.ndarray) -> np.ndarray:
    return -(np.exp(log_q) * log_q).sum(axis=-1) + 0.0


def entropy_minimisation_loss(logits: ArrayLike) -> float | np.ndarray:
    r"""Mean entropy of the predictions, :math:`U(z) = \frac1n \sum_{i=1}^n H(\operatorname{softmax}(z_i))`.

    .. math::

        H(q_i) = -\sum_k q_{ik} \log q_{ik}, \qquad q_i = \operatorname{softmax}(z_i).

    Adding :math:`\lambda U` to the labelled cross-entropy is MAP estimation with the prior
    :math:`p(\theta) \propto \exp(-\lambda\, n\, U)` of Grandvalet and Bengio (2005): it prefers
    parameters under which the unlabelled inputs get confident predictions, i.e. decision
    boundaries through regions where there are few inputs (the cluster assumption).

    Parameters
    ----------
    logits : array_like of shape (..., n, K)
        Finite logits, n >= 1, K >= 2 (batched over leading axes).

    Returns
    -------
    float or ndarray of shape (...)
        The mean entropy in nats, between 0 and :math:`\log K`.

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (..., n, K) array with n >= 1 and K >= 2.
    TypeError
        If ``logits`` is not numeric.

    See Also
    --------
    entropy_minimisation_gradient, information_maximisation_loss, bayeslearn.entropy

    Notes
    -----
    Used in: notebook 07, section 2; notebook 07, section 3.

    References
    ----------
    .. [1] Grandvalet, Y. and Bengio, Y. (2005). Semi-supervised learning by entropy minimization. *NeurIPS*
       17.

    Examples
    --------
    >>> round(entropy_minimisation_loss([[0.0, 0.0], [50.0, 0.0]]), 6)   # (log 2 + 0) / 2
    0.346574
    """
    return v.scalar_or_array(_row_entropy(_log_softmax(_logits(logits), axis=-1)).mean(axis=-1))


def _entropy_gradient(log_q: np.ndarray) -> np.ndarray:
    """∂H(q_i)/∂z_i = −q_i ⊙ (log q_i + H(q_i)), row by row (no 1/n)."""
    q = np.exp(log_q)
    return q * (-log_q - _row_entropy(log_q)[..., None]) + 0.0


def entropy_minimisation_gradient(logits: ArrayLike) -> np.ndarray:
    r"""Gradient of :func:`entropy_minimisation_loss` with respect to the logits.

    .. math::

        \frac{\partial U}{\partial z_{ik}} = -\frac1n\, q_{ik}\,\bigl(\log q_{ik} + H(q_i)\bigr).

    It is zero at a uniform prediction (the entropy's maximum) and at a one-hot one (its
    minimum), and otherwise pushes the largest logit up: every prediction is made more
    confident in the class it already prefers.

    Parameters
    ----------
    logits : array_like of shape (..., n, K)
        Finite logits, n >= 1, K >= 2 (batched over leading axes).

    Returns
    -------
    ndarray of shape (..., n, K)
        :math:`\partial U / \partial z`; each row sums to 0.

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (..., n, K) array with n >= 1 and K >= 2.

    Notes
    -----
    Used in: notebook 07, section 3.

    References
    ----------
    .. [1] Grandvalet, Y. and Bengio, Y. (2005). Semi-supervised learning by entropy minimization. *NeurIPS*
       17.

    Examples
    --------
    >>> entropy_minimisation_gradient([[0.0, 0.0]]).tolist()   # uniform: a stationary point
    [[0.0, 0.0]]
    >>> g = entropy_minimisation_gradient([[1.0, 0.0]])
    >>> bool(g[0, 0] < 0 < g[0, 1])      # descent raises the leading logit
    True
    """
    z = _logits(logits)
    return _entropy_gradient(_log_softmax(z, axis=-1)) / z.shape[-2]


def information_maximisation_loss(logits: ArrayLike) -> float | np.ndarray:
    r"""Mean entropy minus the entropy of the mean prediction: :math:`\frac1n\sum_i H(q_i) - H(\bar q)`.

    .. math::

        U_{IM} = \frac1n \sum_{i=1}^n H(q_i) - H(\bar q), \qquad \bar q = \frac1n \sum_{i=1}^n q_i.

    Minimising it maximises the mutual information between an input and its predicted class
    (Bridle, Heading and MacKay, 1992; Krause, Perona and Gomes, 2010): each prediction
    confident (small :math:`H(q_i)`), the classes used evenly overall (large :math:`H(\bar q)`).
    A collapse onto one class makes the first term 0 but also the second, so it no longer wins.

    Parameters
    ----------
    logits : array_like of shape (..., n, K)
        Finite logits, n >= 1, K >= 2 (batched over leading axes).

    Returns
    -------
    float or ndarray of shape (...)
        :math:`U_{IM}` in nats, between :math:`-\log K` and 0.

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (..., n, K) array with n >= 1 and K >= 2.

    See Also
    --------
    entropy_minimisation_loss

    Notes
    -----
    Used in: notebook 07, section 5.

    References
    ----------
    .. [1] Bridle, J. S., Heading, A. J. R. and MacKay, D. J. C. (1992). Unsupervised classifiers, mutual
       information and 'phantom targets'. *NeurIPS* 4.
    .. [2] Krause, A., Perona, P. and Gomes, R. G. (2010). Discriminative clustering by regularized
       information maximization. *NeurIPS* 23.

    Examples
    --------
    >>> round(information_maximisation_loss([[50.0, 0.0], [0.0, 50.0]]), 6)   # −log 2
    -0.693147
    >>> round(information_maximisation_loss([[50.0, 0.0], [50.0, 0.0]]), 6)   # collapsed: 0
    0.0
    """
    log_q = _log_softmax(_logits(logits), axis=-1)
    q_bar = np.exp(log_q).mean(axis=-2)
    return v.scalar_or_array(_row_entropy(log_q).mean(axis=-1) + xlogy(q_bar, q_bar).sum(axis=-1) + 0.0)


def _marginal_gradient(log_q: np.ndarray) -> np.ndarray:
    """−∂H(q̄)/∂z_i · n = q_i ⊙ (log q̄ − Σ_k q_ik log q̄_k), for log_q (..., n, K)."""
    q = np.exp(log_q)
    # a class no prediction uses (q̄_k = 0) has q_ik = 0 in every row: its terms are 0, not 0 · log 0
    log_bar = np.log(np.maximum(q.mean(axis=-2, keepdims=True), np.finfo(float).smallest_subnormal))
    return q * (log_bar - (q * log_bar).sum(axis=-1, keepdims=True))


def information_maximisation_gradient(logits: ArrayLike) -> np.ndarray:
    r"""Gradient of :func:`information_maximisation_loss` with respect to the logits.

    .. math::

        \frac{\partial U_{IM}}{\partial z_{ik}} = \frac1n\Bigl[-q_{ik}\bigl(\log q_{ik} + H(q_i)\bigr)
        + q_{ik}\Bigl(\log \bar q_k - \sum_j q_{ij} \log \bar q_j\Bigr)\Bigr].

    The second term pushes each prediction away from the classes the average prediction
    already over-uses.

    Parameters
    ----------
    logits : array_like of shape (..., n, K)
        Finite logits, n >= 1, K >= 2 (batched over leading axes).

    Returns
    -------
    ndarray of shape (..., n, K)

    Raises
    ------
    ValueError
        If ``logits`` is not a finite (..., n, K) array with n >= 1 and K >= 2.

    Notes
    -----
    Used in: notebook 07, section 5.

    References
    ----------
    .. [1] Bridle, J. S., Heading, A. J. R. and MacKay, D. J. C. (1992). Unsupervised classifiers, mutual
       information and 'phantom targets'. *NeurIPS* 4.
    .. [2] Krause, A., Perona, P. and Gomes, R. G. (2010). Discriminative clustering by regularized
       information maximization. *NeurIPS* 23.

    Examples
    --------
    >>> information_maximisation_gradient([[0.0, 0.0], [0.0, 0.0]]).tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    """
    z = _logits(logits)
    log_q = _log_softmax(z, axis=-1)
    return (_entropy_gradient(log_q) + _marginal_gradient(log_q)) / z.shape[-2]
