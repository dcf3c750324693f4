"""Self-checks for the exercises of notebook 07 (learning from unlabelled data).

Each check works out the right answer itself, with the library, and prints only whether the
reader's answer matches, with a hint when it does not; it never prints the answer.
"""

from __future__ import annotations

import math

import numpy as np

from ..divergence import entropy
from ..i18n import tr
from ..pseudo_labelling import distribution_alignment
from ..unlabelled import entropy_minimisation_gradient, information_maximisation_loss
from .core import Verdict, close, verdict

__all__ = ["exercise_7_1", "exercise_7_2", "exercise_7_3", "exercise_7_4"]

#: Exercise 7.1: the probability of class 1 at which dH/dz is asked.
Q1_7_1 = 0.8
#: Exercise 7.2: the prediction, the mean prediction on the pool, the prior to align to.
Q_7_2, MEAN_7_2, PRIOR_7_2 = (0.6, 0.4), (0.8, 0.2), (0.5, 0.5)
#: Exercise 7.3: two predictions.
Q_7_3 = ((0.9, 0.1), (0.2, 0.8))
#: Exercise 7.4: the logits.
LOGITS_7_4 = (2.0, 0.0, -1.0)


def exercise_7_1(answer: object) -> Verdict:
    """Exercise 7.1: dH/dz for two classes with logits (0, z), at q₁ = 0.8.

    Examples
    --------
    >>> exercise_7_1(0.0)  # doctest: +ELLIPSIS
    ✗ Exercise 7.1: not yet. Hint: 0 is the gradient at q₁ = 1/2 ...
    Verdict(ok=False)
    """
    z = math.log(Q1_7_1 / (1.0 - Q1_7_1))
    expected = float(entropy_minimisation_gradient([[0.0, z]])[0, 1])
    ok = close(answer, expected)
    hint = (tr("H = −q₀ log q₀ − q₁ log q₁ with q₁ = σ(z); differentiate through σ'(z) = q₀q₁, or use "
            "∂H/∂z_k = −q_k (log q_k + H) for k = 1 with z the log-odds log(q₁/q₀)."))
    if close(answer, -expected):
        hint = tr("right size, wrong sign: raising z makes the prediction surer of class 1, so H falls.")
    elif close(answer, 0.0):
        hint = tr("0 is the gradient at q₁ = 1/2 (and at q₁ = 1); at q₁ = 0.8 the entropy still falls with z.")
    return verdict("Exercise 7.1", ok, hint)


def exercise_7_2(answer: object) -> Verdict:
    """Exercise 7.2: distribution alignment of (0.6, 0.4) with q̄ = (0.8, 0.2) to p(y) = (0.5, 0.5).

    Examples
    --------
    >>> exercise_7_2(0.4)  # doctest: +ELLIPSIS
    ✗ Exercise 7.2: not yet. Hint: 0.4 is the prediction before alignment; ...
    Verdict(ok=False)
    """
    aligned = distribution_alignment([Q_7_2], PRIOR_7_2, running_mean=MEAN_7_2)
    expected = float(aligned[0, 1])
    ok = close(answer, expected)
    hint = tr("multiply each q_k by p(k)/q̄_k, then divide by the sum of the two products.")
    if close(answer, Q_7_2[1]):
        hint = tr("0.4 is the prediction before alignment; reweight each class by p(k)/q̄_k and normalise.")
    elif close(answer, Q_7_2[1] * PRIOR_7_2[1] / MEAN_7_2[1]):
        hint = tr("that is the unnormalised weight of class 1; divide by the sum over both classes.")
    return verdict("Exercise 7.2", ok, hint)


def exercise_7_3(answer: object) -> Verdict:
    """Exercise 7.3: the information-maximisation objective of two predictions.

    Examples
    --------
    >>> exercise_7_3(0.0)  # doctest: +ELLIPSIS
    ✗ Exercise 7.3: not yet. Hint: 0 is the value of a collapse ...
    Verdict(ok=False)
    """
    q = np.array(Q_7_3)
    expected = information_maximisation_loss(np.log(q))
    ok = close(answer, expected)
    mean_h, h_bar = float(np.mean(entropy(q))), float(entropy(q.mean(axis=0)))
    hint = tr("average the two entropies H(q_j), then subtract the entropy of the average prediction q̄.")
    if close(answer, -expected):
        hint = tr("the sign: U_IM is mean H(q_j) minus H(q̄), and H(q̄) is the larger.")
    elif close(answer, mean_h):
        hint = tr("that is only the mean entropy; subtract H(q̄), the entropy of the average prediction.")
    elif close(answer, 0.0):
        hint = tr("0 is the value of a collapse (all predictions equal); these two disagree.")
    elif close(answer, mean_h / math.log(2) - h_bar / math.log(2)):
        hint = tr("use natural logarithms (nats), not bits.")
    return verdict("Exercise 7.3", ok, hint)


def exercise_7_4(answer: object) -> Verdict:
    """Exercise 7.4: the conjugate pseudo-label loss of logits (2, 0, −1).

    Examples
    --------
    >>> exercise_7_4(2.0)  # doctest: +ELLIPSIS
    ✗ Exercise 7.4: not yet. Hint: ...
    Verdict(ok=False)
    """
    h = np.array(LOGITS_7_4)
    q = np.exp(h - h.max()) / np.exp(h - h.max()).sum()
    expected = float(np.log(np.exp(h).sum()) - q @ h)
    ok = close(answer, expected)
    hint = (tr("compute log Σ e^{h_k} and the softmax ỹ of h, then subtract ỹ · h; the result is the "
            "entropy of the softmax, which notebook 04 taught you to compute."))
    if close(answer, float(np.log(np.exp(h).sum()))):
        hint = tr("that is log Σ e^{h_k} alone; subtract ỹ · h with ỹ = softmax(h).")
    elif close(answer, float(np.log(np.exp(h).sum()) - h.max())):
        hint = tr("that is the loss of the hard pseudo-label (the arg max); the conjugate one uses ỹ = softmax(h).")
    return verdict("Exercise 7.4", ok, hint)
