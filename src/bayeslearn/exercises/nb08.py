"""Self-checks for the exercises of notebook 08 (the scales: σ, temperature, the evidence, the Laplace prior).

Each check computes the right answer itself, with the library, and prints only whether the
reader's answer matches, with a hint when it does not.
"""

from __future__ import annotations

import math

import numpy as np

from ..i18n import tr
from ..scales import fit_temperature, noise_variance_mle
from .core import Verdict, close, verdict

__all__ = ["exercise_8_1", "exercise_8_2", "exercise_8_3", "exercise_8_4", "exercise_8_5"]

#: Exercise 8.1: weights, points and the sum of squared residuals of a least-squares fit.
P_8_1, N_8_1, RSS_8_1 = 4, 20, 3.2
#: Exercise 8.2: the assumed noise scale, the prior scale, and what the residuals say.
SIGMA_8_2, TAU_8_2, SIGMA_HAT_8_2 = 0.1, 1.0, 0.3
#: Exercise 8.3: the logit gap, and right / total held-out predictions.
GAP_8_3, RIGHT_8_3, TOTAL_8_3 = 4.0, 3, 4
#: Exercise 8.4: one observation y = x w + ε.
Y_8_4, X_8_4, SIGMA_8_4 = 3.0, 2.0, 1.0
#: Exercise 8.5: scikit-learn's alpha, the number of points and the noise scale.
SK_ALPHA_8_5, N_8_5, SIGMA_8_5 = 0.05, 100, 1.0


def _residuals_8_1() -> np.ndarray:
    """Twenty residuals whose squares sum to 3.2 (all equal; only the sum matters)."""
    return np.full(N_8_1, math.sqrt(RSS_8_1 / N_8_1))


def exercise_8_1(answer: object) -> Verdict:
    """Exercise 8.1: the MLE of the noise variance from 20 residuals whose squares sum to 3.2.

    Examples
    --------
    >>> exercise_8_1(0.2)  # doctest: +ELLIPSIS
    ✗ Exercise 8.1: not yet. Hint: that divides by n − p, ...
    Verdict(ok=False)
    """
    r = _residuals_8_1()
    expected = noise_variance_mle(r)
    ok = close(answer, expected)
    hint = tr("the maximum-likelihood σ̂² is the MEAN squared residual: divide the sum by the number of points.")
    if close(answer, noise_variance_mle(r, ddof=P_8_1)):
        hint = (tr("that divides by n − p, the unbiased estimate; the question asks for the maximum-likelihood one, "
                "which divides by n."))
    elif close(answer, math.sqrt(expected)):
        hint = tr("that is σ̂, a standard deviation; the question asks for the variance σ̂².")
    elif close(answer, RSS_8_1):
        hint = tr("that is the sum of squared residuals; the MLE averages it over the points.")
    return verdict("Exercise 8.1", ok, hint)


def exercise_8_2(answer: object) -> Verdict:
    """Exercise 8.2: by what factor λ = σ²/τ² grows when σ goes from the assumed 0.1 to the fitted 0.3.

    Examples
    --------
    >>> exercise_8_2(3)  # doctest: +ELLIPSIS
    ✗ Exercise 8.2: not yet. Hint: λ depends on σ², not on σ: ...
    Verdict(ok=False)
    """
    expected = (SIGMA_HAT_8_2**2 / TAU_8_2**2) / (SIGMA_8_2**2 / TAU_8_2**2)
    ok = close(answer, expected)
    hint = tr("write λ = σ²/τ² for both σs with the same τ, and divide the new λ by the old one.")
    if close(answer, SIGMA_HAT_8_2 / SIGMA_8_2):
        hint = tr("λ depends on σ², not on σ: square the ratio of the noise scales.")
    elif close(answer, 1 / expected) or close(answer, SIGMA_8_2 / SIGMA_HAT_8_2):
        hint = tr("the noise is LARGER than assumed, so λ must grow: the factor is above 1.")
    return verdict("Exercise 8.2", ok, hint)


def exercise_8_3(answer: object) -> Verdict:
    """Exercise 8.3: the maximum-likelihood temperature for a logit gap of 4, right on 3 of 4 held-out inputs.

    Examples
    --------
    >>> exercise_8_3(1.0)  # doctest: +ELLIPSIS
    ✗ Exercise 8.3: not yet. Hint: T = 1 leaves the network as it is: ...
    Verdict(ok=False)
    """
    logits = np.array([[GAP_8_3, 0.0]] * TOTAL_8_3)
    labels = np.array([0] * RIGHT_8_3 + [1] * (TOTAL_8_3 - RIGHT_8_3))
    expected = fit_temperature(logits, labels)
    ok = close(answer, expected, rel=1e-4)
    frequency = RIGHT_8_3 / TOTAL_8_3
    hint = (tr("the fitted probability of the predicted class, σ(4/T), equals the observed frequency 3/4: "
            "solve 4/T = log-odds of 3/4."))
    if close(answer, 1.0):
        hint = tr("T = 1 leaves the network as it is: it says σ(4) ≈ 0.98 and is right 3 times out of 4.")
    elif close(answer, math.log(frequency / (1 - frequency))):
        hint = tr("that is the log-odds 4/T must equal; the question asks for T itself.")
    elif close(answer, 1 / expected):
        hint = tr("that is 1/T; the logits are DIVIDED by T, and an over-confident network needs T > 1.")
    return verdict("Exercise 8.3", ok, hint)


def exercise_8_4(answer: object) -> Verdict:
    """Exercise 8.4: the prior scale τ that maximises the evidence N(3 | 0, 1 + 4τ²).

    Examples
    --------
    >>> exercise_8_4(2.0)  # doctest: +ELLIPSIS
    ✗ Exercise 8.4: not yet. Hint: that is τ², ...
    Verdict(ok=False)
    """
    expected = math.sqrt((Y_8_4**2 - SIGMA_8_4**2) / X_8_4**2)  # variance σ² + τ²x² = y²
    ok = close(answer, expected)
    hint = (tr("a Gaussian N(y | 0, v) is largest over v at v = y²: set σ² + τ²x² = y² and solve for τ."))
    if close(answer, expected**2):
        hint = tr("that is τ², the prior variance; the question asks for the prior scale τ.")
    elif close(answer, Y_8_4 / X_8_4):
        hint = tr("that ignores the noise: the evidence's variance is σ² + τ²x², not τ²x².")
    return verdict("Exercise 8.4", ok, hint)


def exercise_8_5(answer: object) -> Verdict:
    """Exercise 8.5: the Laplace prior scale b behind scikit-learn's Lasso(alpha=0.05) on 100 points, σ = 1.

    Examples
    --------
    >>> exercise_8_5(40.0)  # doctest: +ELLIPSIS
    ✗ Exercise 8.5: not yet. Hint: that forgets scikit-learn's 1/(2n): ...
    Verdict(ok=False)
    """
    alpha = 2 * N_8_5 * SK_ALPHA_8_5  # ‖y − Xw‖² + α‖w‖₁ after multiplying by 2n
    expected = 2 * SIGMA_8_5**2 / alpha
    ok = close(answer, expected)
    hint = tr("multiply scikit-learn's objective by 2n to read off α, then b = 2σ²/α.")
    if close(answer, 2 * SIGMA_8_5**2 / SK_ALPHA_8_5):
        hint = tr("that forgets scikit-learn's 1/(2n): its alpha is α/(2n), so α = 2n · 0.05.")
    elif close(answer, alpha):
        hint = tr("that is the penalty α; the prior's scale is b = 2σ²/α.")
    elif close(answer, 2 * SIGMA_8_5**2 / (N_8_5 * SK_ALPHA_8_5)):
        hint = tr("scikit-learn divides the squared error by 2n, not n: α = 2n · 0.05.")
    return verdict("Exercise 8.5", ok, hint)
