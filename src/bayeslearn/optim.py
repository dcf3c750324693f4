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

All optimisers take a gradient function ``grad_fn(w) -> ndarray`` and return the whole
trajectory, so a notebook can draw the path and check the end point.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import validation as v

__all__ = ["adam", "adamw", "cosine_schedule", "least_squares_gradient", "sgd", "squared_error"]


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
        raise ValueError(
            f"learning_rate must be a number or a schedule of shape ({steps},), got shape {rates.shape}"
        )
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
        raise ValueError(
            f"learning_rate or grad_fn: the gradient overflowed at step {step}, where the weights "
            f"reached {np.abs(w).max():.3g} (a step size too large makes the iteration diverge)"
        )
    return g


def _moved(w: np.ndarray, step: int, rate: float) -> np.ndarray:
    """``w`` after an update, refused if it overflowed: the step size made the iteration diverge."""
    if not np.isfinite(w).all():
        raise ValueError(
            f"learning_rate {rate:.4g} made the iteration diverge: the weights overflowed at step {step}; "
            f"use a smaller learning_rate"
        )
    return w


def squared_error(w, X, y) -> float | np.ndarray:
    r"""Sum of squared residuals :math:`\lVert y - Xw \rVert^2`, for one or a grid of weights.

    .. math::

        E(w) = \sum_{i=1}^{n} \left(y_i - x_i^\top w\right)^2

    With Gaussian noise of scale :math:`\sigma` the negative log-likelihood is
    :math:`E(w) / (2\sigma^2)` plus a constant. The weights broadcast over leading axes,
    so a ``(G, G, 2)`` grid of two weights gives a ``(G, G)`` surface for a contour plot.

    Parameters
    ----------
    w : array_like of shape (..., d)
        Weight vector(s); the last axis matches the columns of ``X``.
    X : array_like of shape (n, d)
        Design matrix.
    y : array_like of shape (n,)
        Targets.

    Returns
    -------
    float or ndarray of shape w.shape[:-1]
        Zero when there are no rows.

    Raises
    ------
    ValueError
        If shapes do not match or anything is NaN or infinite.

    See Also
    --------
    least_squares_gradient, bayeslearn.ridge_weights

    Examples
    --------
    >>> squared_error([1.0, 2.0], [[1.0, 0.0], [1.0, 1.0]], [1.0, 4.0])  # 0 + 1
    1.0
    >>> squared_error(np.zeros((3, 2)), np.ones((4, 2)), np.ones(4)).tolist()
    [4.0, 4.0, 4.0]
    """
    X, y = v.design(X, y)
    w = v.finite(w, "w")
    if w.ndim == 0 or w.shape[-1] != X.shape[1]:
        raise ValueError(f"w must have a last axis of length {X.shape[1]} (the columns of X), got shape {w.shape}")
    residuals = y - w @ X.T
    return v.scalar_or_array(np.einsum("...i,...i->...", residuals, residuals))


def least_squares_gradient(X, y) -> Callable[[np.ndarray], np.ndarray]:
    r"""The gradient of :math:`\tfrac12\lVert y - Xw\rVert^2`, as a function to hand to an optimiser.

    .. math::

        \nabla_w \tfrac12 \lVert y - Xw \rVert^2 = X^\top (Xw - y)

    With this gradient, ``sgd(..., weight_decay=lam)`` and ``adam(..., l2=lam)`` minimise
    :math:`\tfrac12\lVert y - Xw\rVert^2 + \tfrac{\lambda}{2}\lVert w\rVert^2`, whose
    minimiser is ``ridge_weights(X, y, alpha=lam)``.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)

    Returns
    -------
    callable
        ``grad(w) -> ndarray of shape (d,)``.

    Raises
    ------
    ValueError
        If shapes do not match, anything is NaN or infinite, or :math:`X^\top X` or
        :math:`X^\top y` overflows the largest float.

    Examples
    --------
    >>> grad = least_squares_gradient([[1.0], [2.0]], [1.0, 1.0])
    >>> grad(np.array([1.0])).tolist()  # 1*(1-1) + 2*(2-1)
    [2.0]
    """
    X, y = v.design(X, y)
    with np.errstate(over="ignore"):
        Xt_y = X.T @ y
        gram = X.T @ X
    if not (np.isfinite(gram).all() and np.isfinite(Xt_y).all()):
        raise ValueError("X, y: X^T X or X^T y overflows the largest float; rescale the data")

    def grad(w: np.ndarray) -> np.ndarray:
        return gram @ w - Xt_y

    return grad


def cosine_schedule(learning_rate, steps, final=0.0) -> np.ndarray:
    r"""Cosine-annealed learning rates, one per step, from ``learning_rate`` down towards ``final``.

    .. math::

        \eta_t = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min})
                 \left(1 + \cos\frac{\pi t}{T}\right), \qquad t = 0, \dots, T - 1

    (the schedule of ``torch.optim.lr_scheduler.CosineAnnealingLR`` with ``T_max = T``).
    A decaying rate lets Adam settle on its fixed point instead of hovering around it.

    Parameters
    ----------
    learning_rate : float
        Starting rate :math:`\eta_0 > 0`.
    steps : int
        Number of steps :math:`T \ge 0`.
    final : float, default 0.0
        Floor :math:`\eta_{\min}`, in :math:`[0, \eta_0]`.

    Returns
    -------
    ndarray of shape (steps,)

    Raises
    ------
    ValueError
        If ``learning_rate <= 0``, ``steps < 0`` or ``final`` is outside :math:`[0, \eta_0]`.
    TypeError
        If ``steps`` is not an integer.

    Examples
    --------
    >>> cosine_schedule(1.0, 4).round(4).tolist()
    [1.0, 0.8536, 0.5, 0.1464]
    """
    eta0 = v.scalar(v.positive(learning_rate, "learning_rate"), "learning_rate")
    steps = v.length(steps, "steps", minimum=0)
    floor = v.scalar(v.non_negative(final, "final"), "final")
    if floor > eta0:
        raise ValueError(f"final must be <= learning_rate = {eta0}, got {floor}")
    return floor + 0.5 * (eta0 - floor) * (1.0 + np.cos(np.pi * np.arange(steps) / max(steps, 1)))


def sgd(grad_fn, w0, learning_rate, steps, weight_decay=0.0, momentum=0.0) -> np.ndarray:
    r"""Trajectory of (heavy-ball) gradient descent with weight decay added to the gradient.

    The update of PyTorch's ``torch.optim.SGD(weight_decay=λ, momentum=μ)``:

    .. math::

        g_t = \nabla L(w_t) + \lambda w_t, \qquad b_t = \mu b_{t-1} + g_t, \qquad
        w_{t+1} = w_t - \eta_t b_t

    It stops only where :math:`\nabla L(w) + \lambda w = 0`, the minimiser of
    :math:`L(w) + \tfrac{\lambda}{2}\lVert w\rVert^2`: with :math:`L` a negative
    log-likelihood, the MAP under the prior :math:`w \sim \mathcal N(0, \lambda^{-1} I)`.

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
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.
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
    >>> grad = least_squares_gradient([[1.0], [1.0]], [1.0, 3.0])
    >>> path = sgd(grad, [0.0], learning_rate=0.1, steps=300, weight_decay=2.0, momentum=0.5)
    >>> round(float(path[-1, 0]), 6)  # ridge: (1 + 3) / (2 + 2)
    1.0
    """
    w, rates = _start(grad_fn, w0, learning_rate, steps)
    lam = v.scalar(v.non_negative(weight_decay, "weight_decay"), "weight_decay")
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


def _adam(grad_fn, w, rates, l2, decay, beta1, beta2, eps) -> np.ndarray:
    """Adam's loop for :func:`adam` (``decay = 0``) and :func:`adamw` (``l2 = 0``)."""
    beta1, beta2 = _fraction(beta1, "beta1"), _fraction(beta2, "beta2")
    eps = v.scalar(v.positive(eps, "eps"), "eps")
    path = np.empty((rates.size + 1, w.size))
    path[0] = w
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    for t in range(1, rates.size + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # overflow is refused in _moved
            g = _gradient(grad_fn, w, t - 1) + l2 * w
            m = beta1 * m + (1.0 - beta1) * g
            s = beta2 * s + (1.0 - beta2) * g * g
            m_hat = m / (1.0 - beta1**t)
            s_hat = s / (1.0 - beta2**t)
            w = _moved(w - rates[t - 1] * (m_hat / (np.sqrt(s_hat) + eps) + decay * w), t, rates[t - 1])
        path[t] = w
    return path


def adam(grad_fn, w0, learning_rate, steps, l2=0.0, beta1=0.9, beta2=0.999, eps=1e-8) -> np.ndarray:
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
    l2 : float, default 0.0
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
    TypeError
        If ``grad_fn`` is not callable or ``steps`` is not an integer.
    ValueError
        If an argument is outside its domain, ``grad_fn`` returns the wrong shape or a
        gradient that is NaN or infinite, or the weights overflow (a step size too large
        for the loss: the iteration diverges).

    See Also
    --------
    adamw, sgd

    Examples
    --------
    The first step moves every weight by about the learning rate, against its gradient:

    >>> path = adam(lambda w: np.array([4.0, -0.5]), [0.0, 0.0], learning_rate=0.1, steps=1)
    >>> np.round(path[1], 6).tolist()
    [-0.1, 0.1]
    >>> grad = least_squares_gradient([[1.0], [1.0]], [1.0, 3.0])
    >>> round(float(adam(grad, [0.0], 0.05, 2000, l2=2.0)[-1, 0]), 6)  # ridge: 4 / (2 + 2)
    1.0
    """
    w, rates = _start(grad_fn, w0, learning_rate, steps)
    l2 = v.scalar(v.non_negative(l2, "l2"), "l2")
    return _adam(grad_fn, w, rates, l2, 0.0, beta1, beta2, eps)


def adamw(grad_fn, w0, learning_rate, steps, weight_decay=0.0, beta1=0.9, beta2=0.999, eps=1e-8) -> np.ndarray:
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
    TypeError
        If ``grad_fn`` is not callable or ``steps`` is not an integer.
    ValueError
        If an argument is outside its domain, ``grad_fn`` returns the wrong shape or a
        gradient that is NaN or infinite, or the weights overflow (a step size too large
        for the loss: the iteration diverges).

    See Also
    --------
    adam, sgd

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
