"""Self-checks for the exercises of notebook 01 (coin-flip maximum likelihood).

Each check computes the right answer itself, with the library, and prints only
whether the reader's answer matches, with a hint when it does not.
"""

from __future__ import annotations

import numpy as np

from ..divergence import cross_entropy
from ..i18n import tr
from ..likelihood import bernoulli_log_likelihood, bernoulli_mle
from .core import Verdict, close, verdict

__all__ = ["exercise_1_1", "exercise_1_2", "exercise_1_3", "exercise_1_4", "exercise_1_5"]

#: The data of exercises 1.1 and 1.2: heads and tosses of one experiment.
HEADS, TOSSES = 37, 120
#: The value of theta at which exercise 1.2 asks for the log-likelihood.
THETA_1_2 = 0.25
#: Exercise 1.3: how many times more tosses make the MLE's standard deviation this much smaller.
SHRINK_1_3 = 2.0
#: Exercise 1.4: tosses come from theta_true and are scored with theta_model.
THETA_TRUE_1_4, THETA_MODEL_1_4 = 0.7, 0.4


def exercise_1_1(answer: object) -> Verdict:
    """Exercise 1.1: the MLE of θ after 37 heads in 120 tosses.

    Examples
    --------
    >>> exercise_1_1(0.5)
    ✗ Exercise 1.1: not yet. Hint: set the derivative of k log θ + (n − k) log(1 − θ) to zero and solve for θ.
    Verdict(ok=False)
    """
    ok = close(answer, bernoulli_mle(HEADS, TOSSES))
    return verdict(
        "Exercise 1.1", ok,
        tr("set the derivative of k log θ + (n − k) log(1 − θ) to zero and solve for θ."),
    )


def exercise_1_2(answer: object) -> Verdict:
    """Exercise 1.2: the log-likelihood (nats) of θ = 0.25 for 37 heads in 120 tosses.

    Examples
    --------
    >>> exercise_1_2(-1.0)
    ✗ Exercise 1.2: not yet. Hint: it is k log θ + (n − k) log(1 − θ) with natural logs; it is negative and large.
    Verdict(ok=False)
    """
    expected = bernoulli_log_likelihood(THETA_1_2, HEADS, TOSSES)
    ok = close(answer, expected)
    hint = tr("it is k log θ + (n − k) log(1 − θ) with natural logs; it is negative and large.")
    if close(answer, -expected):
        hint = tr("check the sign: a log of a probability is never positive.")
    return verdict("Exercise 1.2", ok, hint)


def exercise_1_3(answer: object) -> Verdict:
    """Exercise 1.3: by what factor must n grow to halve the MLE's standard deviation?

    Examples
    --------
    >>> exercise_1_3(2)  # doctest: +ELLIPSIS
    ✗ Exercise 1.3: not yet. Hint: the standard deviation is √(θ(1 − θ)/n): ...
    Verdict(ok=False)
    """
    # std(n) = sqrt(θ(1-θ)/n), so std(n) / std(m n) = sqrt(m); solve sqrt(m) = SHRINK_1_3.
    expected = SHRINK_1_3**2
    ok = close(answer, expected, rel=1e-6)
    return verdict(
        "Exercise 1.3", ok,
        tr("the standard deviation is √(θ(1 − θ)/n): it shrinks like one over the square root "
        "of n, not like one over n."),
    )


def exercise_1_4(answer: object) -> Verdict:
    """Exercise 1.4: the limit of the average log-likelihood per toss (nats) of θ = 0.4
    when the tosses really come from θ = 0.7.

    Examples
    --------
    >>> exercise_1_4(0.0)  # doctest: +ELLIPSIS
    ✗ Exercise 1.4: not yet. Hint: the law of large numbers turns k/n into the true θ: ...
    Verdict(ok=False)
    """
    p = [THETA_TRUE_1_4, 1.0 - THETA_TRUE_1_4]
    q = [THETA_MODEL_1_4, 1.0 - THETA_MODEL_1_4]
    expected = -cross_entropy(p, q)
    ok = close(answer, expected)
    hint = (
        tr("the law of large numbers turns k/n into the true θ: average θ_true log θ + "
        "(1 − θ_true) log(1 − θ) — a negative cross-entropy.")
    )
    if close(answer, -expected):
        hint = tr("check the sign: the average log-likelihood is minus the cross-entropy.")
    return verdict("Exercise 1.4", ok, hint)


def exercise_1_5(answer: object) -> Verdict:
    """Exercise 1.5: after how many tosses does the running product 0.5 · 0.5 · … first
    underflow to 0 in float32, the precision most networks train in?

    Examples
    --------
    >>> exercise_1_5(1075)  # doctest: +ELLIPSIS
    ✗ Exercise 1.5: not yet. Hint: that is float64; the product is 2^-n; ...
    Verdict(ok=False)
    """
    running = np.cumprod(np.full(1_000, 0.5, dtype=np.float32))
    expected = int(np.argmax(running == 0)) + 1
    ok = close(answer, expected, rel=0.0, abs_=0.5)
    hint = (
        tr("the product is 2^-n; redo the np.cumprod experiment of section 2 with "
        "dtype=np.float32, or compare with np.finfo(np.float32).smallest_subnormal.")
    )
    if close(answer, 1075, rel=0.0, abs_=0.5):
        hint = tr("that is float64; {hint}", hint=hint)
    return verdict("Exercise 1.5", ok, hint)
