r"""Optimisers with weight decay, in numpy: where does each one end up? (notebook 03).

Training a network means minimising a loss with a gradient method, and every framework
offers a ``weight_decay=`` knob. Whether that knob is a Gaussian prior depends on *where*
the decay enters the update:

* SGD and Adam with an L2 term add :math:`\lambda w` to the gradient. A point where the
  update stops is a point where :math:`\nabla L(w) + \lambda w = 0`: the minimiser of
  :math:`L(w) + \tfrac{\lambda}{2}\lVert w\rVert^2`, the MAP estimate under a zero-mean
  Gaussian prior, whatever preconditioner scales the step.
* AdamW (Loshchilov & Hutter, 2019) shrinks the weights *beside* the adaptive step.
  Its update stops where :math:`\nabla L(w) = -\lambda(\sqrt{\hat v} + \epsilon) \odot w`:
  the decay is weighed against the gradient through Adam's running scale
  :math:`\sqrt{\hat v}`, so the end point is not the MAP of a fixed prior.

All optimisers take ``grad_fn(w) -> ndarray`` and return the whole trajectory, so a notebook
can draw the path and check the end point; all step with the one :class:`AdamState` update.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import validation as v

__all__ = ["AdamState", "adam", "adamw", "sgd"]


def _fraction(value: object, name: str) -> float:
    """A momentum coefficient in [0, 1)."""
    beta = v.scalar(v.non_negative(value, name), name)
    if beta >= 1.0:
        raise ValueError(f"{name} must lie in [0, 1), got {beta}")
    return beta


def _start(grad_fn: object, w0: object, learning_rate: object, steps: object) -> tuple[np.ndarray, np.ndarray]:
    """The arguments every optimiser shares, checked: starting weights and one rate per step."""
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable, got {type(grad_fn).__name__}")
    w = np.atleast_1d(v.finite(w0, "w0")).astype(float)
    if w.ndim != 1:
        raise ValueError(f"w0 must be 1-D, got shape {w.shape}")
    return w.copy(), _rates(learning_rate, v.length(steps, "steps", minimum=0))


def _rates(learning_rate: object, steps: int) -> np.ndarray:
    """One learning rate per step: a constant, or a schedule of length ``steps``."""
    rates = v.non_negative(learning_rate, "learning_rate")
    if rates.ndim == 0:
        if rates <= 0.0:
            raise ValueError(f"learning_rate must be > 0, got {float(rates)}")
        return np.full(steps, float(rates))
    if rates.shape != (steps,):
        raise ValueError(f"learning_rate must be a number or a schedule of shape ({steps},), got {rates.shape}")
    return rates


def _gradient(grad_fn: Callable, w: np.ndarray, step: int) -> np.ndarray:
    try:
        value = grad_fn(w)
    except (TypeError, ValueError) as exc:  # e.g. w0 of a length grad_fn cannot take
        raise type(exc)(f"grad_fn failed on weights of shape {w.shape} (from w0) at step {step}: {exc}") from exc
    g = v.as_float_array(value, "grad_fn")  # NaN: ValueError naming grad_fn
    if g.shape != w.shape:
        raise ValueError(f"grad_fn must return an array of shape {w.shape}, got {g.shape}")
    if not np.isfinite(g).all():
        if step == 0:
            raise ValueError("grad_fn returned an infinite gradient at the starting weights w0")
        raise ValueError(f"learning_rate or grad_fn: the gradient overflowed at step {step}, where the weights "
                         f"reached {np.abs(w).max():.3g} (a step size too large makes the iteration diverge)")
    return g


def _moved(w: np.ndarray, step: int, rate: float) -> np.ndarray:
    """``w`` after an update, refused if it overflowed: the step size made the iteration diverge."""
    if not np.isfinite(w).all():
        raise ValueError(f"learning_rate {rate:.4g} made the iteration diverge: the weights overflowed "
                         f"at step {step}; use a smaller learning_rate")
    return w


def sgd(grad_fn: Callable[[np.ndarray], ArrayLike], w0: ArrayLike, learning_rate: ArrayLike, steps: int,
        alpha: float = 0.0, momentum: float = 0.0) -> NDArray[np.float64]:
    r"""Trajectory of (heavy-ball) gradient descent with an L2 penalty added to the gradient.

    The update of PyTorch's ``torch.optim.SGD(weight_decay=λ, momentum=μ)``, whose
    ``weight_decay`` is this ``alpha``: a penalty :math:`\tfrac{\lambda}{2}\lVert w\rVert^2`
    added to the loss (for plain SGD the same update as a decay :math:`w \leftarrow w - \eta\lambda w`):

    .. math::

        g_t = \nabla L(w_t) + \lambda w_t, \qquad b_t = \mu b_{t-1} + g_t, \qquad
        w_{t+1} = w_t - \eta_t b_t

    It stops only where :math:`\nabla L(w) + \lambda w = 0`, the minimiser of
    :math:`L(w) + \tfrac{\lambda}{2}\lVert w\rVert^2`: with :math:`L` a negative
    log-likelihood, the MAP under the prior :math:`w \sim \mathcal N(0, \lambda^{-1} I)`.

    Used in: notebook 03, section 11; notebook 03, section 12

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(w)`` returns :math:`\nabla L(w)`, an array shaped like ``w``.
    w0 : array_like of shape (d,)
        Starting weights.
    learning_rate : float or array_like of shape (steps,)
        Step size :math:`\eta > 0`, or one (non-negative) step size per step.
    steps : int
        Number of updates, >= 0.
    alpha : float, default 0.0
        :math:`\lambda \ge 0`, the coefficient of :math:`\tfrac{\lambda}{2}\lVert w\rVert^2`.
    momentum : float, default 0.0
        :math:`\mu \in [0, 1)`.

    Returns
    -------
    ndarray of shape (steps + 1, d)
        The weights before the first step and after each step.

    Raises
    ------
    TypeError
        If ``grad_fn`` is not callable or ``steps`` is not an integer.
    ValueError
        If an argument is outside its domain, ``grad_fn`` returns the wrong shape or a
        gradient that is NaN or infinite, or the weights overflow (a step size too large
        for the loss: the iteration diverges).

    See Also
    --------
    bayeslearn.gradient_descent, adam, adamw

    Examples
    --------
    >>> from bayeslearn.least_squares import least_squares_gradient
    >>> grad = least_squares_gradient([[1.0], [1.0]], [1.0, 3.0])
    >>> path = sgd(grad, [0.0], learning_rate=0.1, steps=300, alpha=2.0, momentum=0.5)
    >>> round(float(path[-1, 0]), 6)  # ridge: (1 + 3) / (2 + 2)
    1.0
    """
    w, rates = _start(grad_fn, w0, learning_rate, steps)
    lam = v.scalar(v.non_negative(alpha, "alpha"), "alpha")
    mu = _fraction(momentum, "momentum")
    path = np.empty((rates.size + 1, w.size))
    path[0] = w
    buffer = np.zeros_like(w)
    for t in range(rates.size):
        with np.errstate(over="ignore", invalid="ignore"):  # overflow is refused in _moved
            g = _gradient(grad_fn, w, t) + lam * w
            buffer = mu * buffer + g
            w = _moved(w - rates[t] * buffer, t + 1, rates[t])
        path[t + 1] = w
    return path


class AdamState:
    r"""Adam's running moments for weights of any shape, and one update of them in place.

    The one implementation of Adam's update in the library: :func:`adam` and :func:`adamw` step
    one weight vector with it, and the tiny-network trainer (:func:`bayeslearn.train_tiny_mlps`)
    steps a whole stack of networks' weights at once, one row each. Adam updates every
    coordinate on its own, so stacking changes no number. The update is written into arrays
    allocated once, with few numpy calls (a tiny network's step costs the calls, not the
    arithmetic, and notebook 06's widget trains networks under a slider), but in the textbook
    order, so the numbers are those of the formula to the last bit.

    .. math::

        m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2, \qquad
        w_t = w_{t-1} - \eta_t \Bigl(\frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}
              + \lambda_{dec}\, w_{t-1}\Bigr)

    Used in: notebook 03, section 11; notebook 06, section 3; notebook 06, section 5; notebook 08, section 3

    Parameters
    ----------
    shape : tuple of int
        Shape of the weights.
    beta1, beta2, eps : float, default 0.9, 0.999, 1e-8
        As in :func:`adam` (not checked here: the public optimisers check them).

    Attributes
    ----------
    moments : ndarray of shape (2, *shape)
        :math:`m_t` and :math:`v_t`.
    t : int
        Number of updates taken.

    Examples
    --------
    The first step moves every weight by about the learning rate, against its gradient, here and in :func:`adam`:

    >>> state, w = AdamState((2,)), np.zeros(2)
    >>> state.step(w, np.array([4.0, -0.5]), 0.1).round(6).tolist()
    [-0.1, 0.1]
    >>> adam(lambda w: np.array([4.0, -0.5]), [0.0, 0.0], learning_rate=0.1, steps=1)[1].round(6).tolist()
    [-0.1, 0.1]
    """

    def __init__(self, shape: tuple[int, ...], beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> None:
        self.beta1, self.beta2, self.eps, self.t = beta1, beta2, eps, 0
        self.moments = np.zeros((2, *shape))
        self._scaled = np.empty((2, *shape))
        self._decay = np.array([beta1, beta2]).reshape((2,) + (1,) * len(shape))
        self._rate, self._correction = 1.0 - self._decay, np.empty_like(self._decay)

    def step(self, w: np.ndarray, g: np.ndarray, learning_rate: float, weight_decay: float = 0.0) -> np.ndarray:
        """One update of ``w`` (in place, and returned) from the gradient ``g``; ``weight_decay`` decoupled."""
        self.t += 1
        moments, scaled = self.moments, self._scaled
        m_hat, v_hat = scaled
        self._correction[0], self._correction[1] = 1.0 - self.beta1**self.t, 1.0 - self.beta2**self.t
        moments *= self._decay
        np.multiply(g, self._rate, out=scaled)  # (1 − β1) g, (1 − β2) g
        v_hat *= g  # (1 − β2) g · g
        moments += scaled
        np.divide(moments, self._correction, out=scaled)  # m̂, v̂
        np.sqrt(v_hat, out=v_hat)
        v_hat += self.eps
        m_hat /= v_hat
        if weight_decay:
            m_hat += weight_decay * w
        m_hat *= learning_rate
        w -= m_hat
        return w


def _adam(grad_fn: Callable, w: np.ndarray, rates: np.ndarray, alpha: float, decay: float,
          beta1: object, beta2: object, eps: object) -> NDArray[np.float64]:
    """Adam's loop for :func:`adam` (``decay = 0``) and :func:`adamw` (``alpha = 0``)."""
    beta1, beta2 = _fraction(beta1, "beta1"), _fraction(beta2, "beta2")
    eps = v.scalar(v.positive(eps, "eps"), "eps")
    path = np.empty((rates.size + 1, w.size))
    path[0] = w
    state = AdamState(w.shape, beta1, beta2, eps)
    for t in range(1, rates.size + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # overflow is refused in _moved
            g = _gradient(grad_fn, w, t - 1) + alpha * w
            path[t] = _moved(state.step(w, g, rates[t - 1], decay), t, rates[t - 1])
    return path


def adam(grad_fn: Callable[[np.ndarray], ArrayLike], w0: ArrayLike, learning_rate: ArrayLike, steps: int,
         alpha: float = 0.0, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> NDArray[np.float64]:
    r"""Trajectory of Adam with an L2 penalty in the gradient (``torch.optim.Adam(weight_decay=λ)``).

    .. math::

        g_t &= \nabla L(w_{t-1}) + \lambda w_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
        w_t &= w_{t-1} - \eta_t \frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}

    The penalty's gradient :math:`\lambda w` passes through the moments with the data
    gradient, so the step vanishes only where :math:`\nabla L(w) + \lambda w = 0`: the end
    point is the minimiser of :math:`L(w) + \tfrac{\lambda}{2}\lVert w\rVert^2`, the MAP
    under a Gaussian prior, whatever the per-coordinate scaling did along the way.

    Used in: notebook 03, section 11

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(w)`` returns :math:`\nabla L(w)`, an array shaped like ``w``.
    w0 : array_like of shape (d,)
        Starting weights.
    learning_rate : float or array_like of shape (steps,)
        Step size :math:`\eta > 0`, or one (non-negative) step size per step.
    steps : int
        Number of updates, >= 0.
    alpha : float, default 0.0
        :math:`\lambda \ge 0`, the coefficient of :math:`\tfrac{\lambda}{2}\lVert w\rVert^2`.
    beta1, beta2 : float, default 0.9, 0.999
        Decay rates of the first and second moments, in [0, 1).
    eps : float, default 1e-8
        :math:`\epsilon > 0` in the denominator.

    Returns
    -------
    ndarray of shape (steps + 1, d)
        The weights before the first step and after each step.

    Raises
    ------
    TypeError, ValueError
        As :func:`sgd`.

    See Also
    --------
    adamw, sgd

    References
    ----------
    Kingma, D. P. and Ba, J. (2015). Adam: a method for stochastic optimization. ICLR.

    Examples
    --------
    >>> from bayeslearn.least_squares import least_squares_gradient
    >>> grad = least_squares_gradient([[1.0], [1.0]], [1.0, 3.0])
    >>> round(float(adam(grad, [0.0], 0.05, 2000, alpha=2.0)[-1, 0]), 6)  # ridge: 4 / (2 + 2)
    1.0
    """
    w, rates = _start(grad_fn, w0, learning_rate, steps)
    alpha = v.scalar(v.non_negative(alpha, "alpha"), "alpha")
    return _adam(grad_fn, w, rates, alpha, 0.0, beta1, beta2, eps)


def adamw(grad_fn: Callable[[np.ndarray], ArrayLike], w0: ArrayLike, learning_rate: ArrayLike, steps: int,
          weight_decay: float = 0.0, beta1: float = 0.9, beta2: float = 0.999,
          eps: float = 1e-8) -> NDArray[np.float64]:
    r"""Trajectory of AdamW: Adam with decoupled weight decay (Loshchilov & Hutter, 2019).

    .. math::

        g_t &= \nabla L(w_{t-1}) \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
        w_t &= w_{t-1} - \eta_t \left( \frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}
               + \lambda w_{t-1} \right)

    as in ``torch.optim.AdamW(weight_decay=λ)``. The decay skips the moments, so it is not
    divided by Adam's scale :math:`\sqrt{\hat v}`. At a fixed point
    :math:`\nabla L(w) = -\lambda (\sqrt{\hat v} + \epsilon) \odot w`: a penalty whose strength
    on each weight follows that weight's gradient history, not the gradient of a fixed
    Gaussian log-prior. For a weight whose gradient keeps one sign and stays much larger than
    :math:`\epsilon`, the normalised step :math:`\hat m/(\sqrt{\hat v} + \epsilon)` settles at
    :math:`\pm 1` once :math:`\hat v` has caught up with :math:`g^2`, so the update vanishes only
    at :math:`|w_i| = 1/\lambda`, with a non-zero gradient. In full-batch training with a
    decaying learning rate, if the iterates converge, the end point is a KKT point of
    :math:`L` subject to :math:`\lVert w \rVert_\infty \le 1/\lambda` (Xie & Li, 2024). That box
    bounds where AdamW ends, not every step: in transients the normalised step can exceed 1
    (Kingma & Ba bound it by :math:`(1-\beta_1)/\sqrt{1-\beta_2}`, about 3.2 for the defaults);
    with :math:`|g|` near :math:`\epsilon` it is below 1 (for :math:`|g| \ll \epsilon` the decay acts
    as an L2 term of strength :math:`\lambda\epsilon`); and with minibatch noise it averages below
    1, so weights stay inside the box.

    Used in: notebook 03, section 11

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(w)`` returns :math:`\nabla L(w)`, an array shaped like ``w``.
    w0 : array_like of shape (d,)
        Starting weights.
    learning_rate : float or array_like of shape (steps,)
        Step size :math:`\eta > 0`, or one (non-negative) step size per step; the decay is
        scaled by it too.
    steps : int
        Number of updates, >= 0.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.
    beta1, beta2 : float, default 0.9, 0.999
        Decay rates of the first and second moments, in [0, 1).
    eps : float, default 1e-8
        :math:`\epsilon > 0` in the denominator.

    Returns
    -------
    ndarray of shape (steps + 1, d)
        The weights before the first step and after each step.

    Raises
    ------
    TypeError, ValueError
        As :func:`sgd`.

    See Also
    --------
    adam, sgd

    References
    ----------
    Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay regularization. ICLR.

    Xie, S. and Li, Z. (2024). Implicit bias of AdamW: l-infinity norm constrained optimization. ICML.

    Examples
    --------
    With no data gradient the weights only decay, by a factor :math:`1 - \eta\lambda` a step:

    >>> path = adamw(lambda w: np.zeros_like(w), [1.0], learning_rate=0.1, steps=2, weight_decay=0.5)
    >>> np.round(path[:, 0], 6).tolist()  # 1, 0.95, 0.95**2
    [1.0, 0.95, 0.9025]

    A steady gradient much larger than :math:`\epsilon` drives the weight to the wall
    :math:`1/\lambda`; one equal to :math:`\epsilon` stops it half-way:

    >>> [round(float(adamw(lambda w: np.array([g]), [0.0], 0.01, 4000, weight_decay=0.5)[-1, 0]), 4)
    ...  for g in (-1.0, -1e-8)]
    [2.0, 1.0]
    """
    w, rates = _start(grad_fn, w0, learning_rate, steps)
    decay = v.scalar(v.non_negative(weight_decay, "weight_decay"), "weight_decay")
    return _adam(grad_fn, w, rates, 0.0, decay, beta1, beta2, eps)
