r"""Learning-rate schedules for the optimisers of :mod:`bayeslearn.optim` (notebook 03)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from . import validation as v

__all__ = ["cosine_schedule"]


def cosine_schedule(learning_rate: float, steps: int, final: float = 0.0) -> NDArray[np.float64]:
    r"""Cosine-annealed learning rates, one per step, from ``learning_rate`` down towards ``final``.

    .. math::

        \eta_t = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min})
                 \left(1 + \cos\frac{\pi t}{T}\right), \qquad t = 0, \dots, T - 1

    (the schedule of ``torch.optim.lr_scheduler.CosineAnnealingLR`` with ``T_max = T``).
    A decaying rate lets Adam settle on its fixed point instead of hovering around it.

    Used in: notebook 03, section 11

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
