"""Seeded synthetic data sets used by the notebooks: all of them, in one place.

Every generator takes a ``seed`` so that a notebook, its tests and a reader's run all
see the same numbers, and ``n`` (the number of points) and ``noise_sigma`` (the scale of the
observation noise) where it has them. The generators with inputs and labels return a
:class:`LabelledPoints` record, which also unpacks as ``X, labels = two_moons(...)``.

The two 2-D classification sets are drawn here rather than by scikit-learn's ``make_moons`` and
``make_blobs``: those place the points of a class evenly along the arc or split the classes
exactly, so a draw of 100 points is not the first 100 points of a draw of 200. Here one random
row per point makes the data sets of a seed nested, and a slider over ``n`` adds points without
moving the others (notebooks 04, 06 and 07).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import ndtr

from . import validation as v
from .records import Record

__all__ = [
    "LabelledPoints",
    "RegressionData",
    "coin_heads",
    "coin_tosses",
    "gaussian_blobs",
    "regression_data",
    "true_function",
    "two_moons",
]


@dataclass(frozen=True, repr=False)
class LabelledPoints(Record):
    """Points in the plane with a class label each, as drawn by :func:`two_moons` and :func:`gaussian_blobs`.

    Unpacks as ``X, labels = two_moons(n)``.

    Used in: notebook 04, section 4; notebook 06, section 1; notebook 07, section 1; notebook 08, section 3.
    Returned there by :func:`two_moons` and :func:`gaussian_blobs`.

    Attributes
    ----------
    X : ndarray of shape (n, 2)
        The points, one a row.
    labels : ndarray of int, shape (n,)
        The class of each point.

    Examples
    --------
    >>> data = two_moons(3, seed=1)
    >>> data.X.shape, data.labels.shape
    ((3, 2), (3,))
    >>> X, labels = data
    """

    X: NDArray[np.float64]
    labels: NDArray[np.int_]


@dataclass(frozen=True, repr=False)
class RegressionData(Record):
    """Inputs and noisy targets, as drawn by :func:`regression_data`; unpacks as ``x, y = ...``.

    Used in: notebook 03, section 1; notebook 03, section 8; notebook 05, section 3; notebook 08, section 1.
    Returned there by :func:`regression_data`.

    Attributes
    ----------
    x : ndarray of shape (n,)
        Inputs.
    y : ndarray of shape (n,)
        Targets.

    Examples
    --------
    >>> x, y = regression_data(4, seed=0)
    >>> x.shape == y.shape == (4,)
    True
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]


def coin_tosses(tosses: int, theta: float, seed: int = 0) -> np.ndarray:
    r"""A seeded sequence of coin tosses, 1 for heads, :math:`x_i \sim \mathrm{Bernoulli}(\theta)`.

    Used in: notebook 01, section 1; notebook 01, section 6; notebook 02, section 6; notebook 05, section 1

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


def coin_heads(tosses: ArrayLike, theta: float, seed: int = 0,
               size: int | tuple[int, ...] | None = None) -> int | NDArray[np.int64]:
    r"""Number of heads in ``tosses`` tosses, :math:`k \sim \mathrm{Binomial}(n, \theta)`.

    Draws the count directly, so :math:`n = 10^9` tosses cost no more than 10.
    With ``size`` it repeats the experiment (for a sampling distribution).

    Used in: notebook 01, section 4; notebook 01, section 5; notebook 01, section 9; notebook 05, section 1

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


def true_function(x: ArrayLike) -> float | NDArray[np.float64]:
    r"""The curve behind :func:`regression_data`, :math:`f(x) = \sin(2\pi x)`.

    Used in: notebook 03, section 3; notebook 03, section 4; notebook 05, section 7; notebook 08, section 1

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


def regression_data(n: int, noise_sigma: float = 0.25, seed: int = 0) -> RegressionData:
    r"""Noisy samples of :func:`true_function` at uniform inputs in [0, 1].

    .. math::

        x_i \sim \mathcal U(0, 1), \qquad y_i = \sin(2\pi x_i) + \varepsilon_i, \quad
        \varepsilon_i \sim \mathcal N(0, \sigma^2)

    A smooth curve that no low-degree polynomial matches exactly, so a high degree with
    few points overfits: the classic setting for weight decay.

    Used in: notebook 03, section 1; notebook 03, section 8; notebook 05, section 3; notebook 08, section 1

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
    RegressionData
        ``x`` and ``y``, each of shape (n,); unpacks as ``x, y``.

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
    return RegressionData(x, y)


def two_moons(n: int, noise_sigma: float = 0.25, seed: int = 0) -> LabelledPoints:
    r"""A seeded two-moons data set: two interleaved half circles, one a class.

    Each point picks its class :math:`y \in \{0, 1\}` with probability 1/2 and an angle
    :math:`t` uniform on :math:`[0, \pi]`; class 0 lies on the upper arc
    :math:`(\cos t, \sin t)`, class 1 on the lower arc :math:`(1 - \cos t, \tfrac12 - \sin t)`,
    and both get isotropic Gaussian noise of standard deviation ``noise_sigma``. The geometry is
    that of scikit-learn's ``make_moons``; the points are random rather than evenly spaced.
    Data sets of the same seed are nested: the first ``m`` rows of a larger draw are the
    draw of size ``m``, so a slider over the sample size adds points without moving the others.

    Used in: notebook 06, section 3; notebook 06, section 6; notebook 07, section 1; notebook 08, section 3

    Parameters
    ----------
    n : int
        Number of points, >= 0.
    noise_sigma : float, default 0.25
        Standard deviation of the Gaussian noise, >= 0 (with the default the moons overlap a
        little, so no classifier is perfect).
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    LabelledPoints
        ``X`` of shape (n, 2) and ``labels`` of shape (n,); unpacks as ``X, labels``.

    Raises
    ------
    TypeError
        If ``n`` or ``seed`` is not an integer.
    ValueError
        If ``n`` or ``seed`` is negative, or ``noise_sigma`` is negative, not finite, or so
        large that the points overflow.

    Examples
    --------
    >>> X, y = two_moons(5, seed=1)
    >>> X.shape, y.shape, bool(np.array_equal(two_moons(3, seed=1).X, X[:3]))
    ((5, 2), (5,), True)
    """
    n = v.length(n, "n", minimum=0)
    noise_sigma = v.scalar(v.non_negative(noise_sigma, "noise_sigma"), "noise_sigma")
    seed = v.integer(seed, "seed", minimum=0)
    draws = np.random.default_rng(seed).standard_normal((n, 4))  # one row per point
    labels = (draws[:, 0] > 0.0).astype(int)
    t = np.pi * ndtr(draws[:, 1])  # uniform on [0, π]
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    with np.errstate(over="ignore"):
        X = np.where(labels[:, None] == 0, upper, lower) + noise_sigma * draws[:, 2:]
    if not np.isfinite(X).all():
        raise ValueError(f"noise_sigma {noise_sigma:.3g} is too large: the points overflow the largest float")
    return LabelledPoints(X, labels)



def gaussian_blobs(
    n: int, num_classes: int = 3, noise_sigma: float = 1.0, seed: int = 0
) -> LabelledPoints:
    r"""A seeded 2-D classification data set: one Gaussian blob a class.

    Labels are uniform over the classes; class :math:`k` has its centre on the circle of
    radius 2 at angle :math:`\pi/2 + 2\pi k/K`, and
    :math:`x \mid y = k \sim \mathcal N(c_k, \sigma^2 I)`. With the default noise_sigma the
    blobs overlap, so no classifier is perfect and the loss has a floor. Data sets of the
    same seed are nested: the first ``m`` rows of a larger draw are the draw of size ``m``.

    Used in: notebook 04, section 4; notebook 04, section 7; notebook 04, section 8; notebook 06, section 1

    Parameters
    ----------
    n : int
        Number of points, >= 0.
    num_classes : int, default 3
        Number of classes :math:`K \ge 1`.
    noise_sigma : float, default 1.0
        Standard deviation of each blob, > 0.
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    LabelledPoints
        ``X`` of shape (n, 2) and ``labels`` of shape (n,); unpacks as ``X, labels``.

    Raises
    ------
    ValueError
        If a count is negative or above 2**32, or ``noise_sigma`` is not > 0, not a single
        number, or so large that the points overflow.
    TypeError
        If an argument is not a number of the right kind.

    Examples
    --------
    >>> X, y = gaussian_blobs(5, seed=1)
    >>> X.shape, y.shape, bool(np.array_equal(gaussian_blobs(3, seed=1).X, X[:3]))
    ((5, 2), (5,), True)
    """
    n = v.length(n, "n", minimum=0)
    num_classes = v.length(num_classes, "num_classes", minimum=1)
    noise_sigma = v.scalar(v.positive(noise_sigma, "noise_sigma"), "noise_sigma")
    seed = v.integer(seed, "seed", minimum=0)
    draws = np.random.default_rng(seed).standard_normal((n, 3))
    labels = np.minimum((num_classes * ndtr(draws[:, 2])).astype(int), num_classes - 1)
    angles = np.pi / 2 + 2 * np.pi * np.arange(num_classes) / num_classes
    centres = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    with np.errstate(over="ignore"):
        X = centres[labels] + noise_sigma * draws[:, :2]
    if not np.isfinite(X).all():
        raise ValueError(f"noise_sigma {noise_sigma:.3g} is too large: the points overflow the largest float")
    return LabelledPoints(X, labels)

