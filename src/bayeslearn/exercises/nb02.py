"""Self-checks for the exercises of notebook 02 (MAP with a Gaussian prior).

Each check works out the right answer itself with the library and prints only a verdict
and a hint, never the answer.
"""

from __future__ import annotations

from ..i18n import tr
from .core import Verdict, close, verdict

__all__ = ["exercise_2_1", "exercise_2_2", "exercise_2_3", "exercise_2_4"]


def exercise_2_1(answer: object) -> Verdict:
    r"""Exercise 2.1: the MAP of a coin's bias after 7 heads in 10 tosses, prior Beta(3, 3).

    Examples
    --------
    >>> exercise_2_1(0.7)  # doctest: +ELLIPSIS
    ✗ Exercise 2.1: not yet. Hint: 0.7 is k/n, the MLE. ...
    Verdict(ok=False)
    """
    from .. import bernoulli_mle, beta_bernoulli_map

    expected = beta_bernoulli_map(7, 10, 3, 3)
    if close(answer, bernoulli_mle(7, 10)):
        hint = (tr("0.7 is k/n, the MLE. Add the prior's pseudo-counts: the mode of Beta(α, β) is "
                "(α − 1)/(α + β − 2) with α = k + a, β = n − k + b."))
    else:
        hint = (tr("the posterior is Beta(k + a, n − k + b); its mode is (k + a − 1)/(n + a + b − 2). "
                "Answer with a probability between 0 and 1."))
    return verdict("Exercise 2.1", close(answer, expected), hint)


def exercise_2_2(answer: object) -> Verdict:
    r"""Exercise 2.2: the MAP of a Gaussian mean, prior N(0, 1²), noise σ = 2, four observations averaging 3.

    Examples
    --------
    >>> exercise_2_2(3.0)  # doctest: +ELLIPSIS
    ✗ Exercise 2.2: not yet. Hint: 3 is the sample mean (the MLE). ...
    Verdict(ok=False)
    """
    from .. import gaussian_mean_map

    expected = gaussian_mean_map([3.0, 3.0, 3.0, 3.0], sigma=2.0, prior_mean=0.0, prior_sigma=1.0)
    if close(answer, 3.0):
        hint = (tr("3 is the sample mean (the MLE). Weigh it against the prior mean 0 by precisions: "
                "the prior has precision 1/τ², the data n/σ²."))
    else:
        hint = (tr("μ_MAP = (μ₀/τ² + n·ȳ/σ²) / (1/τ² + n/σ²); check that you used σ² = 4, "
                "not σ = 2, and n = 4."))
    return verdict("Exercise 2.2", close(answer, expected), hint)


def exercise_2_3(answer: object) -> Verdict:
    r"""Exercise 2.3: Laplace's rule of succession after 0 heads in 8 tosses: P(next toss is heads).

    Examples
    --------
    >>> exercise_2_3(0)  # doctest: +ELLIPSIS
    ✗ Exercise 2.3: not yet. Hint: 0 is the plug-in MLE, which calls a head impossible. ...
    Verdict(ok=False)
    """
    from .. import beta_bernoulli_predictive

    expected = beta_bernoulli_predictive(0, 8, 1, 1)
    if close(answer, 0.0):
        hint = (tr("0 is the plug-in MLE, which calls a head impossible. Average over the posterior "
                "under the uniform prior Beta(1, 1) instead."))
    else:
        hint = tr("Laplace's rule adds one imaginary head and one imaginary tail: (k + 1)/(n + 2).")
    return verdict("Exercise 2.3", close(answer, expected), hint)


def exercise_2_4(answer: object) -> Verdict:
    r"""Exercise 2.4: the Laplace approximation's standard deviation in the log-odds.

    Data: 10 heads in 20 tosses; prior :math:`\eta \sim \mathcal N(0, 1)`. The MAP is
    :math:`\eta = 0` by symmetry; the answer is :math:`s = (-f''(0))^{-1/2}`.

    Examples
    --------
    >>> exercise_2_4(1.0)  # doctest: +ELLIPSIS
    ✗ Exercise 2.4: not yet. Hint: 1 is the prior's σ: the data add precision. ...
    Verdict(ok=False)
    """
    from .. import laplace_approximation

    expected = float(laplace_approximation(10, 20, prior_mean=0.0, prior_sigma=1.0).std())
    if close(answer, 1.0):
        hint = (tr("1 is the prior's σ: the data add precision. At the MAP, 1/s² = n·σ(η)·σ(−η) + 1/τ², "
                "and σ(0) = 1/2."))
    elif close(answer, expected**2):
        hint = tr("that is the variance s²; the question asks for the standard deviation s.")
    else:
        hint = tr("1/s² = n·σ(η)·σ(−η) + 1/τ² at η = 0, where σ(0)·σ(−0) = 1/4. Then take 1/√(…).")
    return verdict("Exercise 2.4", close(answer, expected), hint)
