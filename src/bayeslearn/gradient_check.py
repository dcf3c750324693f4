r"""Checking a gradient by finite differences (notebook 04).

A hand-derived gradient (backpropagation, "prediction minus target") is checked against the
slope of the function itself; :func:`numerical_gradient` measures that slope.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import validation as v

__all__ = ["numerical_gradient"]


def numerical_gradient(func: Callable[[np.ndarray], float], x: ArrayLike, step: float = 1e-6) -> NDArray[np.float64]:
    r"""Gradient of a scalar function by central finite differences.

    .. math::

        \frac{\partial f}{\partial x_j} \approx \frac{f(x + h e_j) - f(x - h e_j)}{2h}

    with an error of order :math:`h^2` (plus round-off of order :math:`\epsilon_{mach}/h`).
    Two function calls per coordinate: for checking gradients, not for training.

    Written out rather than calling ``scipy.optimize.approx_fprime``: that takes *forward*
    differences, :math:`(f(x + h e_j) - f(x))/h`, whose error is of order :math:`h`, about
    :math:`10^{-8}` at its best step, too crude for the checks of notebook 04 and of the tests,
    which hold a gradient to :math:`10^{-9}`; the central difference is of order :math:`h^2`,
    and it is the formula the notebook teaches.

    Used in: notebook 04, section 4; notebook 07, section 2; notebook 07, section 3; notebook 07, section 5

    Parameters
    ----------
    func : callable
        ``func(x)`` returns a float for an array of the shape of ``x``.
    x : array_like
        Point at which to differentiate.
    step : float, default 1e-6
        Step :math:`h > 0`.

    Returns
    -------
    ndarray
        The gradient, of the shape of ``x``.

    Raises
    ------
    TypeError
        If ``func`` is not callable.
    ValueError
        If ``x`` is not finite or ``step`` is not > 0.

    Examples
    --------
    >>> numerical_gradient(lambda w: float((w**2).sum()), [1.0, -2.0]).round(6).tolist()
    [2.0, -4.0]
    """
    if not callable(func):
        raise TypeError(f"func must be callable, got {type(func).__name__}")
    x = v.finite(x, "x").copy()
    h = v.scalar(v.positive(step, "step"), "step")
    grad = np.empty_like(x)
    flat, out = x.reshape(-1), grad.reshape(-1)
    for j in range(flat.size):
        saved = flat[j]
        flat[j] = saved + h
        up = _value(func, x)
        flat[j] = saved - h
        down = _value(func, x)
        flat[j] = saved
        out[j] = (up - down) / (2.0 * h)
    return grad


def _value(func: Callable[[np.ndarray], object], x: np.ndarray) -> float:
    value = v.as_float_array(func(x), "func")
    if value.ndim:
        raise ValueError(f"func must return a single number, got shape {value.shape}")
    return float(value)
