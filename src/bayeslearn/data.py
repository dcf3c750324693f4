"""Seeded synthetic data sets used by the notebooks.

Every generator takes a ``seed`` so that a notebook, its tests and a reader's run all
see the same numbers.
"""

from __future__ import annotations

import numpy as np

from . import validation as v

__all__ = ["coin_heads", "coin_tosses", "regression_data", "true_function"]


def coin_tosses(tosses: int, theta: float, seed: int = 0) -> np.ndarray:
    r"""A seeded sequence of coin tosses, 1 for heads, :math:`x_i \sim \mathrm{Bernoulli}(\theta)`.

    Parameters
    ----------
    tosses : int
        Length of the sequence, >= 0.
    theta : float
        Probability of heads, in [0, 1].
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    ndarray of int, shape (tosses,)

    Examples
    --------
    >>> x = coin_tosses(1000, 0.3, seed=1)
    >>> x.shape, set(x.tolist()) <= {0, 1}
    ((1000,), True)
    """
    tosses = v.length(tosses, "tosses", minimum=0)
    theta = v.scalar(v.probability(theta, "theta"), "theta")
    seed = v.integer(seed, "seed", minimum=0)
    rng = np.random.default_rng(seed)
    return (rng.random(tosses) < theta).astype(int)


def coin_heads(tosses, theta: float, seed: int = 0, size=None):
    r"""Number of heads in ``tosses`` tosses, :math:`k \sim \mathrm{Binomial}(n, \theta)`.

    Draws the count directly, so :math:`n = 10^9` tosses cost no more than 10.
    With ``size`` it repeats the experiment (for a sampling distribution).

    Parameters
    ----------
    tosses : int or array_like
        Number of tosses, >= 0.
    theta : float
        Probability of heads, in [0, 1].
    seed : int, default 0
        Seed of the random generator.
    size : int or tuple of int, optional
        Number of repeated experiments (or their shape), each >= 0.

    Returns
    -------
    int or ndarray of int

    Raises
    ------
    TypeError
        If ``tosses`` or ``size`` is not made of whole numbers, or ``seed`` is not an integer.
    ValueError
        If ``tosses`` is negative, fractional or above 2**63 - 1 (numpy's limit), ``theta`` is
        outside [0, 1], ``size`` is negative, or ``tosses`` does not broadcast to ``size``.

    Examples
    --------
    >>> coin_heads(0, 0.5)
    0
    """
    n = v.count_int64(tosses, "tosses")
    theta = v.scalar(v.probability(theta, "theta"), "theta")
    seed = v.integer(seed, "seed", minimum=0)
    shape = v.size(size, "size")
    if shape is not None and not _broadcasts_to(n.shape, shape):
        raise ValueError(f"size must be a shape that tosses {n.shape} broadcasts to, got {shape}")
    k = np.random.default_rng(seed).binomial(n, theta, size=shape)
    return int(k) if np.ndim(k) == 0 else k


def _broadcasts_to(shape: tuple[int, ...], target: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, target) == target
    except ValueError:
        return False


def true_function(x):
    r"""The curve behind :func:`regression_data`, :math:`f(x) = \sin(2\pi x)`.

    Parameters
    ----------
    x : float or array_like
        Inputs (any shape), finite.

    Returns
    -------
    float or ndarray
        :math:`\sin(2\pi x)`, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.
    ValueError
        If ``x`` is NaN or infinite.

    Examples
    --------
    >>> float(true_function(0.25))
    1.0
    """
    x = v.finite(x, "x")
    # Beyond [-1, 1], first subtract the nearest whole number (exactly: f has period 1), so
    # that 2 pi x neither loses digits nor overflows for |x| up to the largest float.
    far = np.abs(x) > 1.0
    return np.sin(2.0 * np.pi * np.where(far, x - np.round(x), x))


def regression_data(n: int, noise_sigma: float = 0.25, seed: int = 0):
    r"""Noisy samples of :func:`true_function` at uniform inputs in [0, 1].

    .. math::

        x_i \sim \mathcal U(0, 1), \qquad y_i = \sin(2\pi x_i) + \varepsilon_i, \quad
        \varepsilon_i \sim \mathcal N(0, \sigma^2)

    A smooth curve that no low-degree polynomial matches exactly, so a high degree with
    few points overfits: the classic setting for weight decay.

    Parameters
    ----------
    n : int
        Number of points, >= 0.
    noise_sigma : float, default 0.25
        Noise standard deviation, > 0.
    seed : int, default 0
        Seed of the random generator; the first ``m`` points do not depend on ``n``.

    Returns
    -------
    x, y : ndarray of shape (n,)

    Raises
    ------
    ValueError
        If ``n`` or ``seed`` is negative or fractional, or ``noise_sigma`` is not > 0, not
        finite, or so large that the targets overflow.
    TypeError
        If an argument is not a number of the right kind.

    Examples
    --------
    >>> x, y = regression_data(5, seed=3)
    >>> x.shape, bool((x >= 0).all() and (x <= 1).all())
    ((5,), True)
    """
    n = v.length(n, "n", minimum=0)
    noise_sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    seed = v.integer(seed, "seed", minimum=0)
    x_stream, noise_stream = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    x = x_stream.random(n)
    with np.errstate(over="ignore"):
        y = true_function(x) + noise_sigma * noise_stream.standard_normal(n)
    if not np.isfinite(y).all():
        raise ValueError(f"noise_sigma {noise_sigma:.3g} is too large: the targets overflow the largest float")
    return x, y
