"""Self-checks for the exercises of notebook 04 (cross-entropy versus KL divergence).

Each check computes the right answer itself, with the library, and prints only whether
the reader's answer matches, with a hint when it does not.
"""

from __future__ import annotations

import math

from ..classification import smooth_labels
from ..divergence import entropy, kl_divergence
from ..i18n import tr
from ..mixture import mixture_moments
from .core import Verdict, close, verdict

__all__ = ["exercise_4_1", "exercise_4_2", "exercise_4_3", "exercise_4_4", "exercise_4_5"]

#: Exercise 4.1: a fair die with this many faces.
FACES_4_1 = 6
#: Exercise 4.2: the two distributions, p the truth and q the model.
P_4_2, Q_4_2 = (0.5, 0.5, 0.0), (0.25, 0.25, 0.5)
#: Exercise 4.3: number of classes and label smoothing.
CLASSES_4_3, EPSILON_4_3 = 10, 0.1
#: Exercise 4.4: the mixture 0.5 N(-2, 1) + 0.5 N(2, 1).
MIXTURE_4_4 = ((0.5, 0.5), (-2.0, 2.0), (1.0, 1.0))
#: Exercise 4.5: float16's smallest positive (subnormal) and smallest normal number, its largest.
SMALLEST_4_5, NORMAL_4_5, LARGEST_4_5 = 2.0**-24, 2.0**-14, 65504.0


def exercise_4_1(answer: object) -> Verdict:
    """Exercise 4.1: the entropy of a fair six-sided die, in bits.

    Examples
    --------
    >>> exercise_4_1(1.0)
    ✗ Exercise 4.1: not yet. Hint: six equally likely outcomes: H = −Σ p log₂ p with every p = 1/6.
    Verdict(ok=False)
    """
    expected = entropy([1.0 / FACES_4_1] * FACES_4_1, base=2)
    ok = close(answer, expected)
    hint = tr("six equally likely outcomes: H = −Σ p log₂ p with every p = 1/6.")
    if close(answer, entropy([1.0 / FACES_4_1] * FACES_4_1)):
        hint = tr("that is in nats (natural log); bits use log base 2.")
    return verdict("Exercise 4.1", ok, hint)


def exercise_4_2(answer: object) -> Verdict:
    """Exercise 4.2: KL(p‖q) in bits for p = (1/2, 1/2, 0) and q = (1/4, 1/4, 1/2).

    Examples
    --------
    >>> exercise_4_2(0.5)
    ✗ Exercise 4.2: not yet. Hint: sum p_i log₂(p_i / q_i) over the outcomes with p_i > 0 (terms with p_i = 0 are 0).
    Verdict(ok=False)
    """
    expected = kl_divergence(P_4_2, Q_4_2, base=2)
    ok = close(answer, expected)
    hint = tr("sum p_i log₂(p_i / q_i) over the outcomes with p_i > 0 (terms with p_i = 0 are 0).")
    if close(answer, kl_divergence(Q_4_2, P_4_2, base=2)):
        hint = tr("that is KL(q‖p), the other direction: the expectation is taken under p.")
    elif close(answer, kl_divergence(P_4_2, Q_4_2)):
        hint = tr("that is in nats (natural log); bits use log base 2.")
    return verdict("Exercise 4.2", ok, hint)


def exercise_4_3(answer: object) -> Verdict:
    """Exercise 4.3: the constant gap H(p̃) in nats between the CE and KL losses, K = 10, ε = 0.1.

    Examples
    --------
    >>> exercise_4_3(0.0)
    ✗ Exercise 4.3: not yet. Hint: p̃ is 1 − ε + ε/K on the true class, ε/K on the K − 1 others: take its entropy.
    Verdict(ok=False)
    """
    expected = entropy(smooth_labels(0, CLASSES_4_3, EPSILON_4_3))
    ok = close(answer, expected)
    hint = tr("p̃ is 1 − ε + ε/K on the true class, ε/K on the K − 1 others: take its entropy.")
    if close(answer, expected / math.log(2)):
        hint = tr("that is in bits; the losses are in nats (natural log).")
    return verdict("Exercise 4.3", ok, hint)


def exercise_4_4(answer: object) -> Verdict:
    """Exercise 4.4: σ of the Gaussian closest in forward KL to 0.5 N(−2, 1) + 0.5 N(2, 1).

    Examples
    --------
    >>> exercise_4_4(1.0)
    ✗ Exercise 4.4: not yet. Hint: that σ fits one mode (reverse KL); forward KL matches the mean and variance.
    Verdict(ok=False)
    """
    expected = mixture_moments(*MIXTURE_4_4).sd
    ok = close(answer, expected)
    hint = tr("forward KL matches moments: variance = average component variance + variance of the means.")
    if close(answer, 1.0):
        hint = tr("that σ fits one mode (reverse KL); forward KL matches the mean and variance.")
    elif close(answer, expected**2):
        hint = tr("that is the variance; σ is its square root.")
    return verdict("Exercise 4.4", ok, hint)


def exercise_4_5(answer: object) -> Verdict:
    r"""Exercise 4.5: the logit gap beyond which ``log(softmax)`` gives :math:`-\infty` in float16.

    A two-class softmax, computed naively in float16, gives the trailing class the probability
    :math:`\approx e^{-g}`, which rounds to 0 once it is below half the smallest positive float16
    number :math:`2^{-24}`: the answer is :math:`\ln(2 \cdot 2^{24}) = 25 \ln 2`.

    Examples
    --------
    >>> exercise_4_5(24 * math.log(2))  # doctest: +ELLIPSIS
    ✗ Exercise 4.5: not yet. Hint: at that gap the probability is the smallest number itself; ...
    Verdict(ok=False)
    """
    expected = math.log(2 / SMALLEST_4_5)
    ok = close(answer, expected)
    hint = (tr("the trailing class's probability is about e^(−g); it rounds to 0 once it is below half "
            "the smallest positive float16 number, 2^−24: solve e^(−g) = 2^−25 for g."))
    if close(answer, math.log(1 / SMALLEST_4_5)):
        hint = (tr("at that gap the probability is the smallest number itself; it rounds to 0 only "
                "below half of it."))
    elif close(answer, math.log(1 / NORMAL_4_5)):
        hint = (tr("that is where float16 leaves its normal numbers; it keeps subnormal numbers down "
                "to 2^−24 (unless the hardware flushes them to zero)."))
    elif close(answer, math.log(LARGEST_4_5)):
        hint = (tr("that is where e^z overflows float16 in a softmax that skips the max-subtraction; "
                "the question is about the trailing class underflowing."))
    elif close(answer, 1075 * math.log(2)) or close(answer, 150 * math.log(2)):
        hint = tr("that is the float64 or float32 threshold; float16's smallest number is 2^−24.")
    return verdict("Exercise 4.5", ok, hint)
