"""Self-checks for the exercises of notebook 05 (empirical risk, Monte Carlo and held-out data).

Each check computes the right answer itself, with the library, and prints only whether the
reader's answer matches, with a hint when it does not.
"""

from __future__ import annotations

import math

import numpy as np

from ..i18n import tr
from ..likelihood import bernoulli_log_likelihood, bernoulli_mle
from ..posterior import beta_bernoulli_predictive
from ..risk import empirical_risk, expected_log_loss_bernoulli
from .core import Verdict, close, verdict

__all__ = ["exercise_5_1", "exercise_5_2", "exercise_5_3", "exercise_5_4"]

#: Exercise 5.1: a validation set of this size has this standard error; the target error.
N_5_1, SE_5_1, TARGET_5_1 = 2_000, 0.02, 0.005
#: Exercises 5.2 and 5.4: the training set, all heads.
HEADS_5_2 = TOSSES_5_2 = 100
#: Exercise 5.3: tosses come from THETA_TRUE_5_3 and are scored with THETA_MODEL_5_3.
THETA_TRUE_5_3, THETA_MODEL_5_3 = 0.6, 0.9
#: Exercise 5.4: the held-out tosses, heads and tosses.
HELD_HEADS_5_4, HELD_TOSSES_5_4 = 19, 20


def exercise_5_1(answer: object) -> Verdict:
    """Exercise 5.1: validation-set size for a standard error of 0.005 nats, if 2,000 examples give 0.02.

    Examples
    --------
    >>> exercise_5_1(8000)  # doctest: +ELLIPSIS
    ✗ Exercise 5.1: not yet. Hint: the error shrinks like 1/√n, not like 1/n: ...
    Verdict(ok=False)
    """
    expected = N_5_1 * (SE_5_1 / TARGET_5_1) ** 2  # SE ∝ 1/√n, so n ∝ 1/SE²
    ok = close(answer, expected)
    hint = tr("the standard error is σ/√n: solve σ/√n' = 0.005 for n', using σ/√2000 = 0.02.")
    if close(answer, N_5_1 * SE_5_1 / TARGET_5_1):
        hint = (tr("the error shrinks like 1/√n, not like 1/n: a four times smaller error needs more than "
                "four times the data."))
    elif close(answer, expected - N_5_1):
        hint = tr("that is how many examples to ADD; the question asks for the size of the whole set.")
    return verdict("Exercise 5.1", ok, hint)


def exercise_5_2(answer: object) -> Verdict:
    """Exercise 5.2: the training loss (mean log-loss, nats per toss) of the MLE after 100 heads in 100.

    Examples
    --------
    >>> exercise_5_2(float("inf"))  # doctest: +ELLIPSIS
    ✗ Exercise 5.2: not yet. Hint: ∞ is what a TAIL would cost; the training set has no tails. ...
    Verdict(ok=False)
    """
    theta_hat = bernoulli_mle(HEADS_5_2, TOSSES_5_2)
    per_toss = [-bernoulli_log_likelihood(theta_hat, 1, 1)] * TOSSES_5_2  # every training toss is a head
    expected = empirical_risk(np.array(per_toss))
    ok = close(answer, expected, abs_=1e-9)
    hint = tr("the MLE is k/n; score each training toss (a head) with −log θ̂ and average.")
    if close(answer, math.inf):
        hint = tr("∞ is what a TAIL would cost; the training set has no tails. Score each training toss with θ̂.")
    return verdict("Exercise 5.2", ok, hint)


def exercise_5_3(answer: object) -> Verdict:
    """Exercise 5.3: the expected log-loss (nats per toss) of the model θ = 0.9 on tosses of a θ* = 0.6 coin.

    Examples
    --------
    >>> exercise_5_3(0.1)  # doctest: +ELLIPSIS
    ✗ Exercise 5.3: not yet. Hint: average −log p(x | θ) over x ~ Bernoulli(θ*): ...
    Verdict(ok=False)
    """
    expected = expected_log_loss_bernoulli(THETA_TRUE_5_3, THETA_MODEL_5_3)
    ok = close(answer, expected)
    hint = tr("average −log p(x | θ) over x ~ Bernoulli(θ*): −θ* log θ − (1 − θ*) log(1 − θ), natural logs.")
    if close(answer, expected_log_loss_bernoulli(THETA_MODEL_5_3, THETA_TRUE_5_3)):
        hint = tr("the two θs are swapped: the data (the expectation) come from θ* = 0.6, the log from the model.")
    elif close(answer, expected_log_loss_bernoulli(THETA_TRUE_5_3, THETA_TRUE_5_3)):
        hint = tr("that is the entropy H(θ*), the loss of the TRUE model; score with the model θ = 0.9.")
    elif close(answer, expected / math.log(2)):
        hint = tr("that is in bits; use natural logs (nats).")
    return verdict("Exercise 5.3", ok, hint)


def exercise_5_4(answer: object) -> Verdict:
    """Exercise 5.4: the pseudo-count a of a Beta(a, a) prior that 19 heads and 1 tail held out choose after 100 heads.

    The held-out loss :math:`-[19 \\log\\theta_a + \\log(1-\\theta_a)]/20` of the predictive
    :math:`\\theta_a = (k + a)/(n + 2a)` is a cross-entropy, smallest where :math:`\\theta_a` equals the
    held-out frequency :math:`f = 19/20`; solving :math:`(k + a)/(n + 2a) = f` gives
    :math:`a = (f n - k)/(1 - 2f)`.

    Examples
    --------
    >>> exercise_5_4(1.0)  # doctest: +ELLIPSIS
    ✗ Exercise 5.4: not yet. Hint: a = 1 is Laplace's rule, chosen before seeing the held-out set; ...
    Verdict(ok=False)
    """
    frequency = bernoulli_mle(HELD_HEADS_5_4, HELD_TOSSES_5_4)  # the held-out set's own P(heads)
    expected = (frequency * TOSSES_5_2 - HEADS_5_2) / (1.0 - 2.0 * frequency)
    ok = close(answer, expected)
    hint = (tr("the held-out loss is smallest where the predicted P(heads) (k + a)/(n + 2a) equals the held-out "
            "frequency of heads; set them equal and solve for a."))
    if close(answer, 1.0):
        hint = (tr("a = 1 is Laplace's rule, chosen before seeing the held-out set; find the a whose prediction "
                "matches the held-out frequency 19/20."))
    elif close(answer, frequency):
        hint = tr("that is the best predicted P(heads); the question asks for the pseudo-count a that produces it.")
    elif close(answer, 1 / 0.98):
        hint = tr("that is the a the TRUE coin θ* = 0.99 asks for; the held-out set sees 19 heads in 20, "
                  "not 99 in 100.")
    elif close(answer, _laplace_heldout_loss()):
        hint = tr("that is the held-out LOSS of Laplace's rule; the question asks for the pseudo-count a.")
    return verdict("Exercise 5.4", ok, hint)


def _laplace_heldout_loss() -> float:
    """The warm-up of exercise 5.4: held-out loss (nats per toss) of Laplace's rule on 19 heads and 1 tail."""
    theta = beta_bernoulli_predictive(HEADS_5_2, TOSSES_5_2, 1.0, 1.0)  # (k + 1)/(n + 2)
    return float(-bernoulli_log_likelihood(theta, HELD_HEADS_5_4, HELD_TOSSES_5_4) / HELD_TOSSES_5_4)
