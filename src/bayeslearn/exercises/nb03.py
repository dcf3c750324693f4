"""Self-checks for the exercises of notebook 03 (weight decay is a Gaussian prior)."""

from __future__ import annotations

import numpy as np

from ..i18n import tr
from ..regression import map_weights
from .core import Verdict, close, verdict

__all__ = ["exercise_3_1", "exercise_3_2", "exercise_3_3", "exercise_3_4"]


def exercise_3_1(answer: object) -> Verdict:
    r"""Exercise 3.1: the ridge strength :math:`\lambda` of noise :math:`\sigma = 0.3` and prior :math:`\tau = 0.6`.

    Examples
    --------
    >>> exercise_3_1(2.0)
    ✗ Exercise 3.1: not yet. Hint: λ = σ²/τ²: square both scales, then divide noise by prior.
    Verdict(ok=False)
    """
    expected = 0.3**2 / 0.6**2
    return verdict(
        "Exercise 3.1", close(answer, expected), tr("λ = σ²/τ²: square both scales, then divide noise by prior.")
    )


def exercise_3_2(answer: object) -> Verdict:
    r"""Exercise 3.2: the MAP weight of :math:`y = w x` with x = (1, 2, 3), y = (2, 3, 7), σ = 1, τ = 0.5.

    Examples
    --------
    >>> exercise_3_2(29 / 14)
    ✗ Exercise 3.2: not yet. Hint: one feature: ŵ = Σ x_i y_i / (Σ x_i² + λ), with λ = σ²/τ² (not 0).
    Verdict(ok=False)
    """
    X = np.array([[1.0], [2.0], [3.0]])
    expected = float(map_weights(X, np.array([2.0, 3.0, 7.0]), noise_sigma=1.0, prior_sigma=0.5)[0])
    return verdict(
        "Exercise 3.2",
        close(answer, expected),
        tr("one feature: ŵ = Σ x_i y_i / (Σ x_i² + λ), with λ = σ²/τ² (not 0)."),
    )


def exercise_3_3(answer: object) -> Verdict:
    r"""Exercise 3.3: the prior :math:`\tau` behind ``SGD(weight_decay=1e-4)`` on a mean loss.

    The loss is :math:`\frac1N \sum_i \tfrac12 (y_i - f(x_i))^2` over N = 50,000 examples with
    noise :math:`\sigma = 0.1`.

    Examples
    --------
    >>> exercise_3_3(10.0)
    ✗ Exercise 3.3: not yet. Hint: scale the objective by N/σ²; then match N·wd/σ² · ‖w‖²/2 to ‖w‖²/(2τ²).
    Verdict(ok=False)
    """
    n, weight_decay, noise_sigma = 50_000, 1e-4, 0.1
    expected = noise_sigma / np.sqrt(n * weight_decay)
    return verdict(
        "Exercise 3.3",
        close(answer, expected),
        tr("scale the objective by N/σ²; then match N·wd/σ² · ‖w‖²/2 to ‖w‖²/(2τ²)."),
    )


def exercise_3_4(answer: object) -> Verdict:
    r"""Exercise 3.4: the largest :math:`|w_i|` full-batch AdamW can end at with ``weight_decay=0.05``.

    With a decaying learning rate and gradients much larger than :math:`\epsilon`, so that Adam's
    normalised step :math:`\hat m_i/(\sqrt{\hat v_i} + \epsilon)` settles at :math:`\pm 1`. During
    transients that step can exceed 1 (Kingma & Ba bound it by :math:`(1-\beta_1)/\sqrt{1-\beta_2}`),
    so the answer bounds where AdamW ends, not every iterate.

    Examples
    --------
    >>> exercise_3_4(0.05)
    ✗ Exercise 3.4: not yet. Hint: at rest, λ·w_i cancels m̂_i/(√v̂_i + ε), which settles at ±1 when |g_i| ≫ ε.
    Verdict(ok=False)
    """
    expected = 1.0 / 0.05
    return verdict(
        "Exercise 3.4",
        close(answer, expected),
        tr("at rest, λ·w_i cancels m̂_i/(√v̂_i + ε), which settles at ±1 when |g_i| ≫ ε."),
    )
