"""Self-checks for the exercises of notebook 06 (soft labels: label smoothing and mixup).

Each check works out the right answer itself, with the library, and prints only whether the
reader's answer matches, with a hint when it does not; it never prints the answer.
"""

from __future__ import annotations

import math

import numpy as np

from ..calibration import expected_calibration_error
from ..classification import smooth_labels
from ..i18n import tr
from .core import Verdict, close, verdict

__all__ = ["exercise_6_1", "exercise_6_2", "exercise_6_3", "exercise_6_4"]

#: Exercises 6.1 and 6.2: number of classes and label smoothing.
CLASSES_6_1, EPSILON_6_1 = 10, 0.1
#: Exercise 6.3: classes, smoothing, mixing weight, and the two labels mixed.
CLASSES_6_3, EPSILON_6_3, LAMBDA_6_3, LABELS_6_3 = 3, 0.1, 0.7, (0, 2)
#: Exercise 6.4: a binary classifier's P(class 1) for four inputs, their labels, ten bins.
P1_6_4, LABELS_6_4, BINS_6_4 = (0.9, 0.9, 0.4, 0.4), (1, 0, 0, 0), 10


def exercise_6_1(answer: object) -> Verdict:
    """Exercise 6.1: the smoothed target of the true class, K = 10 classes, ε = 0.1.

    Examples
    --------
    >>> exercise_6_1(0.9)  # doctest: +ELLIPSIS
    ✗ Exercise 6.1: not yet. Hint: 1 − ε is only the one-hot part; ...
    Verdict(ok=False)
    """
    expected = float(smooth_labels(0, CLASSES_6_1, EPSILON_6_1)[0])
    ok = close(answer, expected)
    hint = tr("p̃ = (1 − ε)·onehot + ε·u with u = 1/K on every class: add the two parts for the true class.")
    if close(answer, 1.0 - EPSILON_6_1):
        hint = (tr("1 − ε is only the one-hot part; the uniform part ε·u gives every class, the true one "
                "too, ε/K more."))
    elif close(answer, EPSILON_6_1 / CLASSES_6_1):
        hint = tr("that is the target of each of the other classes; the question asks for the true class.")
    return verdict("Exercise 6.1", ok, hint)


def exercise_6_2(answer: object) -> Verdict:
    r"""Exercise 6.2: the logit gap that minimises the smoothed loss, K = 10, ε = 0.1.

    The true class's logit exceeds each of the other nine (all equal) by a gap g; which g
    minimises :math:`H(\tilde p, q)`? (Natural log: the answer is in logit units.)

    Examples
    --------
    >>> exercise_6_2(float("inf"))
    ✗ Exercise 6.2: not yet. Hint: an infinite gap is the one-hot answer (ε = 0); with ε > 0 the minimum is where q = p̃.
    Verdict(ok=False)
    """
    target = smooth_labels(0, CLASSES_6_1, EPSILON_6_1)
    expected = float(np.log(target[0] / target[1]))
    ok = close(answer, expected)
    hint = (tr("the loss is smallest where q = p̃; with softmax, q_true / q_other = e^g, so g is the log of "
            "the ratio of the two target values."))
    if close(answer, math.inf) or close(answer, -math.inf):
        hint = (tr("an infinite gap is the one-hot answer (ε = 0); with ε > 0 the minimum is where "
                "q = p̃."))
    elif close(answer, expected / math.log(10)) or close(answer, expected / math.log(2)):
        hint = tr("use the natural logarithm: logits are natural-log odds.")
    return verdict("Exercise 6.2", ok, hint)


def exercise_6_3(answer: object) -> Verdict:
    """Exercise 6.3: mixup of two smoothed labels; the mixed target's probability of class 0.

    K = 3, ε = 0.1; an example of class 0 is mixed with an example of class 2 at λ = 0.7.

    Examples
    --------
    >>> exercise_6_3(0.7)
    ✗ Exercise 6.3: not yet. Hint: 0.7 is λ, the mixed one-hot label; smooth both labels first (ε = 0.1), then mix them.
    Verdict(ok=False)
    """
    first, second = smooth_labels(list(LABELS_6_3), CLASSES_6_3, EPSILON_6_3)
    expected = float(LAMBDA_6_3 * first[0] + (1.0 - LAMBDA_6_3) * second[0])
    ok = close(answer, expected)
    hint = tr("t̃ = λ·p̃_a + (1 − λ)·p̃_b: take class 0's entry of each smoothed label and mix them with λ = 0.7.")
    if close(answer, LAMBDA_6_3):
        hint = tr("0.7 is λ, the mixed one-hot label; smooth both labels first (ε = 0.1), then mix them.")
    elif close(answer, LAMBDA_6_3 * first[0]):
        hint = tr("the class-2 example's smoothed label is not 0 on class 0: it contributes (1 − λ)·ε/K.")
    return verdict("Exercise 6.3", ok, hint)


def exercise_6_4(answer: object) -> Verdict:
    """Exercise 6.4: the ECE (10 bins) of four binary predictions.

    P(class 1) = 0.9, 0.9, 0.4, 0.4 for inputs whose labels are 1, 0, 0, 0.

    Examples
    --------
    >>> exercise_6_4(0.0)  # doctest: +ELLIPSIS
    ✗ Exercise 6.4: not yet. Hint: 0 is the one-bin answer: ...
    Verdict(ok=False)
    """
    p1 = np.array(P1_6_4)
    q = np.column_stack([1.0 - p1, p1])
    expected = expected_calibration_error(q, list(LABELS_6_4), num_bins=BINS_6_4)
    ok = close(answer, expected)
    hint = (tr("confidence is the larger probability (0.9 or 0.6); group the four predictions by it, compare "
            "each group's accuracy with its confidence, and weight the gaps by group size."))
    if close(answer, 0.0):
        hint = (tr("0 is the one-bin answer: overall, accuracy and mean confidence agree. Bin by confidence "
                "first."))
    return verdict("Exercise 6.4", ok, hint)
