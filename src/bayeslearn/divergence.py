"""Entropy, cross-entropy and Kullback-Leibler divergence of discrete distributions (notebook 04).

All three work over the last axis and batch over the others; nats by default, bits with
``base=2``. A distribution must be non-negative and sum to 1 within ``16 K eps`` for K
outcomes, ``eps`` the machine epsilon of its dtype (7e-15 for two float64 outcomes, 1.9e-5
for ten float32 ones: the output of a float32 softmax passes). float32 in gives float32 out,
as in :func:`scipy.special.rel_entr`; a single result is a Python float. They are tied by
:math:`H(p, q) = H(p) + D_{KL}(p \\| q)`, which is why
minimising a cross-entropy loss over :math:`q` is minimising a KL divergence.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import rel_entr, xlogy

from . import validation as v

__all__ = ["cross_entropy", "entropy", "kl_divergence"]


def _finish(values: np.ndarray, log_base: float | None) -> float | np.ndarray:
    if log_base is not None:
        values = values / values.dtype.type(log_base)
    return v.scalar_or_array(values)


def _pair(p: ArrayLike, q: ArrayLike, base: object) -> tuple[np.ndarray, np.ndarray, float | None]:
    log_base = v.log_base(base)
    p = v.distribution(p, "p", keep_float32=True)
    q = v.distribution(q, "q", keep_float32=True)
    v.same_support(p, q)
    return p, q, log_base


def entropy(p: ArrayLike, base: float | None = None) -> float | np.ndarray:
    r"""Shannon entropy :math:`H(p) = -\sum_i p_i \log p_i`, with :math:`0 \log 0 = 0`.

    Parameters
    ----------
    p : array_like
        Distribution(s) over the last axis: non-negative, summing to 1 within
        ``16 * K * eps`` (K outcomes, ``eps`` the machine epsilon of the dtype).
    base : float, optional
        Logarithm base: ``None`` (e) gives nats, ``2`` gives bits.

    Returns
    -------
    float or ndarray
        The entropy of each distribution, between 0 and :math:`\log K` for K outcomes.

    Raises
    ------
    ValueError
        If ``p`` is empty, has NaN or negative entries, or does not sum to 1; if ``base``
        is not > 0 and != 1.

    See Also
    --------
    cross_entropy, kl_divergence

    Notes
    -----
    Used in: notebook 01, section 6; notebook 04, section 1; notebook 04, section 2; notebook 04, section 3;
    notebook 04, section 4; notebook 04, section 8; notebook 04, section 9; notebook 05, section 2;
    notebook 06, section 1; notebook 06, section 4; notebook 07, section 2.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> entropy([1.0, 0.0])
    0.0
    """
    log_base = v.log_base(base)
    p = v.distribution(p, "p", keep_float32=True)
    return _finish(-xlogy(p, p).sum(axis=-1) + 0.0, log_base)


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float | None = None) -> float | np.ndarray:
    r"""Cross-entropy :math:`H(p, q) = -\sum_i p_i \log q_i`.

    The expected code length, or the expected negative log-likelihood, when outcomes
    come from ``p`` but are scored with ``q``. With a one-hot ``p`` it is the familiar
    classification loss :math:`-\log q_{y}`. Terms with :math:`p_i = 0` are exactly 0;
    the result is ``inf`` where some :math:`q_i = 0 < p_i`.

    Parameters
    ----------
    p : array_like
        True (or target) distribution(s) over the last axis.
    q : array_like
        Model distribution(s), with the same number of outcomes; batch shapes broadcast.
    base : float, optional
        Logarithm base: ``None`` (e) gives nats, ``2`` gives bits.

    Returns
    -------
    float or ndarray
        :math:`H(p, q) = H(p) + D_{KL}(p \| q) \ge H(p)`.

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a distribution, or their shapes do not match.

    See Also
    --------
    entropy, kl_divergence

    Notes
    -----
    Used in: notebook 01, section 6; notebook 02, section 4; notebook 04, section 2; notebook 04, section 3;
    notebook 04, section 5; notebook 04, section 7; notebook 04, section 8; notebook 06, section 1;
    notebook 06, section 2; notebook 06, section 4; notebook 06, section 6.

    Examples
    --------
    >>> round(cross_entropy([0.0, 1.0], [0.25, 0.75]), 6)  # -log 0.75
    0.287682
    >>> cross_entropy([0.5, 0.5], [1.0, 0.0])
    inf
    """
    p, q, log_base = _pair(p, q, base)
    return _finish(-xlogy(p, q).sum(axis=-1) + 0.0, log_base)


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float | None = None) -> float | np.ndarray:
    r"""Kullback-Leibler divergence :math:`D_{KL}(p \| q) = \sum_i p_i \log(p_i / q_i)`.

    The extra expected code length paid for scoring outcomes of ``p`` with ``q``. It is
    :math:`\ge 0`, zero only when :math:`p = q`, not symmetric, and ``inf`` where some
    :math:`q_i = 0 < p_i` (no epsilon is added: an outcome you call impossible and then
    see costs an infinite surprise).

    Parameters
    ----------
    p, q : array_like
        Distributions over the last axis with the same number of outcomes; batch shapes
        broadcast.
    base : float, optional
        Logarithm base: ``None`` (e) gives nats, ``2`` gives bits.

    Returns
    -------
    float or ndarray
        The divergence of each pair, never below 0 (a sum below 0 by rounding, possible for
        distributions that sum to 1 only within the tolerance, is returned as 0).

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a distribution, or their shapes do not match.

    See Also
    --------
    cross_entropy, entropy

    Notes
    -----
    Used in: notebook 02, section 6; notebook 04, section 2; notebook 04, section 3; notebook 04, section 4;
    notebook 04, section 5; notebook 04, section 6; notebook 06, section 1; notebook 06, section 2;
    notebook 06, section 4.

    Examples
    --------
    >>> round(kl_divergence([1, 0], [0.5, 0.5]), 6)  # log 2
    0.693147
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf
    """
    p, q, log_base = _pair(p, q, base)
    terms = rel_entr(p, q)
    # older scipy (1.10, our oldest) forms p/q first, which overflows for a subnormal q
    # (p = 1, q = 2e-311 is 715.3 nats, not inf); there the log is taken of each side instead
    overflowed = np.isinf(terms) & (q > 0)
    if overflowed.any():
        terms = np.where(overflowed, xlogy(p, p) - xlogy(p, q), terms)
    # >= 0 for distributions; a sum within the tolerance of 1 can leave a rounding below 0
    return _finish(np.maximum(terms.sum(axis=-1), 0.0), log_base)
