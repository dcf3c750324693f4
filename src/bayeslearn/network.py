r"""A tiny network: one hidden ReLU layer and a softmax, with its exact gradient (notebooks 06, 07).

.. math::

    q(x) = \operatorname{softmax}\bigl(W_2^\top \max(0, W_1^\top x + b_1) + b_2\bigr)

:class:`TinyMLP` holds the weights in one flat vector; :func:`mlp_loss_and_gradient` is the mean
soft-target cross-entropy and its gradient by backpropagation. The layout helpers
(:func:`layer_shapes`, :func:`unpack_parameters`, :func:`parameter_count`) are public because the
trainers (:mod:`bayeslearn.network_training`, :mod:`bayeslearn.semisupervised`) share them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import log_softmax

from . import validation as v
from .mixup import checked_examples
from .records import LossAndGradient, Record

__all__ = [
    "TinyMLP",
    "layer_shapes",
    "loss_and_gradient_columns",
    "mlp_loss_and_gradient",
    "parameter_count",
    "unpack_parameters",
]


def layer_shapes(num_inputs: int, hidden: int, num_classes: int) -> list[tuple[int, int]]:
    """Shapes of W1ᵀ, b1, W2ᵀ, b2 in the flat parameter vector, in order.

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 6; notebook 08, section 3

    Examples
    --------
    >>> layer_shapes(2, 3, 2)
    [(3, 2), (3, 1), (2, 3), (2, 1)]
    """
    return [(hidden, num_inputs), (hidden, 1), (num_classes, hidden), (num_classes, 1)]


def unpack_parameters(theta: np.ndarray, shapes: list[tuple[int, int]]) -> list[np.ndarray]:
    """Views of W1ᵀ, b1, W2ᵀ, b2 in ``theta``: (rows, cols) each for one parameter vector (P,),
    (M, rows, cols) for a stack of M (M, P).

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 6; notebook 08, section 3

    Examples
    --------
    >>> [part.shape for part in unpack_parameters(np.zeros(17), layer_shapes(2, 3, 2))]
    [(3, 2), (3, 1), (2, 3), (2, 1)]
    """
    parts, start = [], 0
    for rows, cols in shapes:
        parts.append(theta[..., start : start + rows * cols].reshape(theta.shape[:-1] + (rows, cols)))
        start += rows * cols
    return parts


def parameter_count(shapes: list[tuple[int, int]]) -> int:
    """Length of the flat parameter vector of these layer shapes.

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 6; notebook 08, section 3

    Examples
    --------
    >>> parameter_count(layer_shapes(2, 3, 2))
    17
    """
    return sum(rows * cols for rows, cols in shapes)


def _forward(theta: np.ndarray, XT: np.ndarray,
             shapes: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pre-activations A (h, n), hidden units H (h, n) and log-probabilities (K, n)."""
    W1T, b1, W2T, b2 = unpack_parameters(theta, shapes)
    A = W1T @ XT + b1
    H = np.maximum(A, 0.0)
    return A, H, log_softmax(W2T @ H + b2, axis=0)


def loss_and_gradient_columns(theta: np.ndarray, XT: np.ndarray, TT: np.ndarray,
                              shapes: list[tuple[int, int]]) -> LossAndGradient:
    """Mean cross-entropy and its gradient for column-major data XT (d, n), TT (K, n), unchecked.

    The inner loop of :func:`mlp_loss_and_gradient` (which checks its input first), for
    trainers that call it thousands of times on input they checked once.

    Used in: notebook 06, section 9

    Examples
    --------
    >>> shapes = layer_shapes(1, 2, 2)
    >>> round(loss_and_gradient_columns(np.zeros(10), np.ones((1, 3)), np.full((2, 3), 0.5), shapes).loss, 6)
    0.693147
    """
    n = XT.shape[1]
    W1T, _, W2T, _ = unpack_parameters(theta, shapes)
    A, H, log_q = _forward(theta, XT, shapes)
    loss = float(-(TT * log_q).sum() / n)
    G = (np.exp(log_q) - TT) / n  # ∂loss/∂logits: (q − t)/n
    dA = (W2T.T @ G) * (A > 0.0)  # back through the ReLU
    grad = np.concatenate([(dA @ XT.T).ravel(), dA.sum(axis=1), (G @ H.T).ravel(), G.sum(axis=1)])
    return LossAndGradient(loss, grad)


@dataclass(frozen=True, repr=False)
class TinyMLP(Record):
    r"""One-hidden-layer ReLU net, :math:`q(x) = \operatorname{softmax}(W_2^\top \max(0, W_1^\top x + b_1) + b_2)`.

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 07, section 9; notebook 08, section 3.
    Returned there by :func:`train_tiny_mlp`, :func:`train_tiny_mlps`.

    Attributes
    ----------
    parameters : ndarray
        All weights in one flat vector, in the order :math:`W_1^\top` (hidden x inputs),
        :math:`b_1`, :math:`W_2^\top` (classes x hidden), :math:`b_2`, each row-major: the
        layout :func:`mlp_loss_and_gradient` differentiates.
    num_inputs, hidden, num_classes : int
        Sizes of the three layers.
    mixup_alpha : float
        The mixup strength :math:`\alpha` of Beta(α, α) it was trained with (0: no mixup).
    steps : int
        Number of Adam steps it was trained for (0 when there were no data).

    Examples
    --------
    >>> model = TinyMLP(np.zeros(parameter_count(layer_shapes(2, 4, 3))), 2, 4, 3)
    >>> model.predict_proba([[5.0, -1.0]]).round(4).tolist()   # zero output layer: uniform
    [[0.3333, 0.3333, 0.3333]]
    """

    parameters: NDArray[np.float64]
    num_inputs: int
    hidden: int
    num_classes: int
    mixup_alpha: float = 0.0
    steps: int = 0

    def logits(self, X: ArrayLike) -> NDArray[np.float64]:
        """The logits, shape (n, K), for inputs of shape (n, num_inputs)."""
        return self._logits(X).T

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Class probabilities, shape (n, K): the softmax of :meth:`logits` (as ``exp(log_softmax)``)."""
        return np.exp(log_softmax(self._logits(X), axis=0)).T

    def _logits(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logits (K, n), computed in place (few temporaries, however many points: a grid has thousands)."""
        shapes = layer_shapes(self.num_inputs, self.hidden, self.num_classes)
        W1T, b1, W2T, b2 = unpack_parameters(self.parameters, shapes)
        X = v.matrix(X, "X")
        if X.shape[1] != self.num_inputs:
            raise ValueError(f"X must have {self.num_inputs} columns (features), got {X.shape[1]}")
        H = W1T @ np.ascontiguousarray(X.T)  # C order, as in training
        H += b1
        np.maximum(H, 0.0, out=H)
        Z = W2T @ H
        Z += b2
        return Z


def mlp_loss_and_gradient(parameters: ArrayLike, X: ArrayLike, targets: ArrayLike, hidden: int) -> LossAndGradient:
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

    Used in: notebook 06, section 9

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
    LossAndGradient
        ``loss``, the mean cross-entropy in nats, and ``gradient``,
        :math:`\partial L / \partial \theta` shaped like ``parameters``; unpacks as ``loss, gradient``.

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
    X, T = checked_examples(X, targets)
    if X.shape[0] == 0:
        raise ValueError("X must have at least one row: the mean loss of no examples is undefined")
    hidden = v.length(hidden, "hidden", minimum=1)
    theta = v.finite(parameters, "parameters")
    shapes = layer_shapes(X.shape[1], hidden, T.shape[1])
    if theta.shape != (parameter_count(shapes),):
        raise ValueError(
            f"parameters must have shape ({parameter_count(shapes)},) for hidden = {hidden} and these X and targets, "
            f"got {theta.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        result = loss_and_gradient_columns(theta, np.ascontiguousarray(X.T), np.ascontiguousarray(T.T), shapes)
    if not (np.isfinite(result.loss) and np.isfinite(result.gradient).all()):
        raise ValueError("parameters, X: the network's activations overflow the largest float")
    return result
