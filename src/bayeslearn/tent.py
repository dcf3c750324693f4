r"""Test-time adaptation by entropy minimisation, Tent (Wang et al., 2021) (notebook 07).

A classifier trained on source data meets test inputs from a shifted distribution. Tent
changes only the affine parameters of the network's normalisation layer, a scale
:math:`\gamma` and a shift :math:`\beta` per feature,

.. math::

    \hat x = \gamma \odot \frac{x - \mu}{\sigma} + \beta, \qquad
    q(y \mid x) = f_\theta(\hat x),

and chooses them by minimising the mean entropy of the predictions on a test batch, with the
network's other weights :math:`\theta` frozen. Here the normalisation layer sits at the input
of a :class:`bayeslearn.network.TinyMLP`, with the statistics :math:`\mu, \sigma` of the source
data; Tent proper also re-estimates them on the test batch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import validation as v
from .network import TinyMLP
from .optim import adam
from .records import LossAndGradient, Record
from .unlabelled import entropy_minimisation_gradient, entropy_minimisation_loss

__all__ = ["TentModel", "tent_adapt", "tent_loss_and_gradient"]


@dataclass(frozen=True, repr=False)
class TentModel(Record):
    r"""A network behind a normalisation layer, :math:`q(x) = f(\gamma \odot (x - \mu)/\sigma + \beta)`.

    Used in: notebook 07, sections 6 and 8.
    Built there by :meth:`TentModel.from_source`, adapted by :func:`tent_adapt`.

    The constructor checks every field (a TinyMLP; finite ``mean``, ``scale``, ``shift`` and
    positive ``std`` of shape (d,)); :meth:`normalise`, :meth:`logits` and
    :meth:`predict_proba` refuse inputs that are not finite (n, d) numbers or that overflow.

    Attributes
    ----------
    network : TinyMLP
        The frozen network :math:`f`, trained on standardised source inputs.
    mean, std : ndarray of shape (d,)
        The normalisation statistics :math:`\mu, \sigma` (of the source data).
    scale, shift : ndarray of shape (d,)
        The affine parameters :math:`\gamma, \beta` (1 and 0 as trained on the source).

    Examples
    --------
    >>> from bayeslearn import train_tiny_mlp
    >>> model = TentModel.from_source(train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2))), [1, 0], [2, 1])
    >>> model.normalise([[3.0, 1.0]]).tolist(), model.predict_proba([[3.0, 1.0]]).tolist()
    ([[1.0, 1.0]], [[0.5, 0.5]])
    """

    network: TinyMLP
    mean: np.ndarray
    std: np.ndarray
    scale: np.ndarray
    shift: np.ndarray

    def __post_init__(self) -> None:
        if not isinstance(self.network, TinyMLP):
            raise TypeError(f"network must be a TinyMLP, got {type(self.network).__name__}")
        d = self.network.num_inputs
        for name in ("mean", "std", "scale", "shift"):
            arr = (v.positive if name == "std" else v.finite)(getattr(self, name), name)
            if arr.shape != (d,):
                raise ValueError(f"{name} must have shape ({d},), got {arr.shape}")
            object.__setattr__(self, name, arr)

    @classmethod
    def from_source(cls, network: TinyMLP, mean: ArrayLike, std: ArrayLike) -> TentModel:
        """The unadapted model: :math:`\\gamma = 1`, :math:`\\beta = 0`."""
        if not isinstance(network, TinyMLP):
            raise TypeError(f"network must be a TinyMLP, got {type(network).__name__}")
        mu = v.finite(mean, "mean")
        sd = v.positive(std, "std")
        if mu.shape != (network.num_inputs,) or sd.shape != mu.shape:
            raise ValueError(f"mean and std must have shape ({network.num_inputs},), got {mu.shape} and {sd.shape}")
        return cls(network, mu, sd, np.ones_like(mu), np.zeros_like(mu))

    def normalise(self, X: ArrayLike) -> np.ndarray:
        r""":math:`\hat x = \gamma \odot (x - \mu)/\sigma + \beta` for inputs (n, d)."""
        X = v.finite(X, "X")
        if X.ndim < 1 or X.shape[-1] != self.mean.size:
            raise ValueError(f"X must have shape (..., {self.mean.size}), got {X.shape}")
        with np.errstate(over="ignore", invalid="ignore"):
            Xhat = self.scale * (X - self.mean) / self.std + self.shift
        if not np.isfinite(Xhat).all():
            raise ValueError("X: gamma (X - mean) / std + beta overflows (X too large or std too small)")
        return Xhat

    def logits(self, X: ArrayLike) -> np.ndarray:
        """Logits (n, K)."""
        with np.errstate(over="ignore", invalid="ignore"):
            Z = self.network.logits(self.normalise(X))
        if not np.isfinite(Z).all():
            raise ValueError("X: the logits overflow (inputs too large for the network)")
        return Z

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Class probabilities (n, K)."""
        with np.errstate(over="ignore", invalid="ignore"):
            P = self.network.predict_proba(self.normalise(X))
        if not np.isfinite(P).all():
            raise ValueError("X: the logits overflow (inputs too large for the network)")
        return P


def _parts(network: TinyMLP) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    d, h, K = network.num_inputs, network.hidden, network.num_classes
    p = network.parameters
    return (p[: h * d].reshape(h, d), p[h * d : h * d + h], p[h * d + h : h * d + h + K * h].reshape(K, h),
            p[h * d + h + K * h :])


def _entropy_and_input_gradient(
    network: TinyMLP, Xhat: np.ndarray, loss: bool = True
) -> tuple[Any, np.ndarray]:  # (the mean entropy, a float or (M,) array; or None), ∂/∂x̂
    """Mean entropy (...) (None unless ``loss``) and ∂/∂x̂ (..., n, d) for inputs (..., n, d)."""
    W1T, b1, W2T, b2 = _parts(network)
    A = Xhat @ W1T.T + b1
    Z = (W2T @ np.maximum(A, 0.0).swapaxes(-1, -2) + b2[:, None]).swapaxes(-1, -2)  # classes-major:
    G = entropy_minimisation_gradient(Z)  # numpy reduces over 2 classes far faster in this layout
    return entropy_minimisation_loss(Z) if loss else None, ((G @ W2T) * (A > 0.0)) @ W1T


def _data(model: TentModel, X: object) -> np.ndarray:
    if not isinstance(model, TentModel):
        raise TypeError(f"model must be a TentModel, got {type(model).__name__}")
    X = v.finite(X, "X")
    if X.ndim not in (2, 3) or X.shape[-2] == 0 or X.shape[-1] != model.mean.size:
        raise ValueError(f"X must have shape (n, {model.mean.size}) or (M, n, {model.mean.size}) with n >= 1, "
                         f"got {X.shape}")
    return X


def tent_loss_and_gradient(model: TentModel, X: ArrayLike) -> LossAndGradient:
    r"""Tent's loss, the mean test entropy, and its gradient with respect to :math:`(\gamma, \beta)`.

    .. math::

        L(\gamma, \beta) = \frac1n \sum_i H\bigl(f(\hat x_i)\bigr), \quad
        \frac{\partial L}{\partial \beta} = \sum_i \frac{\partial L}{\partial \hat x_i}, \quad
        \frac{\partial L}{\partial \gamma} = \sum_i \frac{\partial L}{\partial \hat x_i} \odot
        \frac{x_i - \mu}{\sigma},

    with :math:`\partial L / \partial \hat x_i` backpropagated through the frozen network from
    :func:`bayeslearn.entropy_minimisation_gradient`.

    Parameters
    ----------
    model : TentModel
    X : array_like of shape (n, d)
        A test batch, n >= 1.

    Returns
    -------
    LossAndGradient
        ``loss``, the mean entropy (nats), and ``gradient``, ndarray of shape (2 d,),
        :math:`(\partial L/\partial \gamma, \partial L/\partial \beta)`.

    Raises
    ------
    TypeError
        If ``model`` is not a TentModel.
    ValueError
        If ``X`` is not a finite (n, d) array with n >= 1, or the normalised inputs or the
        logits overflow (inputs too large, or ``std`` too small, for the network).

    Notes
    -----
    Used in: notebook 07, section 6.

    References
    ----------
    .. [1] Wang, D., Shelhamer, E., Liu, S., Olshausen, B. and Darrell, T. (2021). Tent: fully test-time
       adaptation by entropy minimization. *ICLR*.

    Examples
    --------
    >>> from bayeslearn import train_tiny_mlp
    >>> net = train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2)))      # untrained: uniform
    >>> out = tent_loss_and_gradient(TentModel.from_source(net, [0, 0], [1, 1]), [[1.0, 2.0]])
    >>> round(out.loss, 6), out.gradient.tolist()                                 # log 2, flat
    (0.693147, [0.0, 0.0, 0.0, 0.0])
    """
    X = _data(model, X)
    if X.ndim != 2:
        raise ValueError(f"X must have shape (n, d) here, got {X.shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        U = (X - model.mean) / model.std
        Xhat = model.scale * U + model.shift
        if not np.isfinite(Xhat).all():
            raise ValueError("X: gamma (X - mean) / std + beta overflows (X too large or std too small)")
        try:
            loss, dXhat = _entropy_and_input_gradient(model.network, Xhat)
        except ValueError as exc:  # logits that overflowed, refused by entropy_minimisation_gradient
            raise ValueError(f"X: the logits overflow (inputs too large for the network): {exc}") from exc
        gradient = np.concatenate([(dXhat * U).sum(axis=0), dXhat.sum(axis=0)])
    if not (np.isfinite(loss) and np.isfinite(gradient).all()):
        raise ValueError("X: the logits or the gradient overflow (inputs too large for the network)")
    return LossAndGradient(float(loss), gradient)


def tent_adapt(
    model: TentModel, X: ArrayLike, *, steps: int = 50, learning_rate: float = 0.05,
) -> TentModel | list[TentModel]:
    r"""Adapt the scale and shift of the normalisation layer to a test batch by minimising its entropy.

    Runs :func:`bayeslearn.adam` for ``steps`` full-batch steps on
    :math:`(\gamma, \beta) \mapsto \frac1n \sum_i H(f(\gamma \odot (x_i - \mu)/\sigma + \beta))`
    (:func:`tent_loss_and_gradient`), starting from the model's own :math:`\gamma, \beta`. With
    a stack of M test batches, the M adaptations run at once, each on its own batch.

    Parameters
    ----------
    model : TentModel
        The source model (``TentModel.from_source``).
    X : array_like of shape (n, d) or (M, n, d)
        A test batch, or M of them.
    steps : int, default 50
        Adam steps, >= 0.
    learning_rate : float, default 0.05
        Adam's step size, > 0.

    Returns
    -------
    TentModel or list of TentModel
        The adapted model (one per batch for a stack).

    Raises
    ------
    TypeError
        If ``model`` is not a TentModel or ``steps`` is not an integer.
    ValueError
        If ``X`` does not fit the model, a hyper-parameter is out of its domain, or ``steps``
        would make Adam's path longer than 2**32 numbers.

    Notes
    -----
    Used in: notebook 07, section 6; notebook 07, section 8.

    References
    ----------
    .. [1] Wang, D., Shelhamer, E., Liu, S., Olshausen, B. and Darrell, T. (2021). Tent: fully test-time
       adaptation by entropy minimization. *ICLR*.

    Examples
    --------
    >>> from bayeslearn import train_tiny_mlp, two_moons
    >>> X, y = two_moons(200, seed=0)
    >>> source = TentModel.from_source(train_tiny_mlp(X, np.eye(2)[y], steps=150), [0, 0], [1, 1])
    >>> adapted = tent_adapt(source, X + 0.3, steps=30)
    >>> tent_loss_and_gradient(adapted, X + 0.3).loss < tent_loss_and_gradient(source, X + 0.3).loss
    True
    """
    X = _data(model, X)
    steps = v.integer(steps, "steps", minimum=0)
    lr = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    batches = X if X.ndim == 3 else X[None]
    M, d = batches.shape[0], batches.shape[2]
    if 2 * M * d * (steps + 1) > v.MAX_LENGTH:  # Adam keeps the whole path: refuse before allocating it
        raise ValueError(f"steps: {steps} steps of {M} adaptations make a path of more than 2**32 numbers")
    U = (batches - model.mean) / model.std

    def gradient(w: np.ndarray) -> np.ndarray:
        scale, shift = w.reshape(M, 2, 1, d).transpose(1, 0, 2, 3)
        dXhat = _entropy_and_input_gradient(model.network, scale * U + shift, loss=False)[1]
        return np.stack([(dXhat * U).sum(axis=1), dXhat.sum(axis=1)], axis=1).ravel()

    start = np.tile(np.concatenate([model.scale, model.shift]), M)
    final = adam(gradient, start, lr, steps)[-1].reshape(M, 2, d)
    adapted = [replace(model, scale=final[m, 0].copy(), shift=final[m, 1].copy()) for m in range(M)]
    return adapted if X.ndim == 3 else adapted[0]
