r"""A model's class probabilities over the plane, and its decision boundary (notebooks 06, 07).

Figure helpers that need no matplotlib: :func:`probability_grid` evaluates a model on the pixel
centres of an image, and :func:`decision_boundary` traces a level curve through them with
contourpy (matplotlib's contouring library), ready for ``imshow`` and ``Line2D.set_data``.
They live beside :mod:`bayeslearn.plotting` rather than in it, so that using them loads neither
matplotlib nor its styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import validation as v
from .records import Record

__all__ = ["ProbabilityGrid", "decision_boundary", "probability_grid"]


class Classifier(Protocol):
    """Anything with ``predict_proba(X) -> (n, K) probabilities``."""

    def predict_proba(self, X: np.ndarray) -> ArrayLike: ...


@dataclass(frozen=True, repr=False)
class ProbabilityGrid(Record):
    """A model's class probabilities on a rectangular grid of 2-D inputs.

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 7; notebook 07, section 1.
    Returned there by :func:`probability_grid`.

    Attributes
    ----------
    x : ndarray of shape (nx,)
        Grid coordinates along the first input.
    y : ndarray of shape (ny,)
        Grid coordinates along the second input.
    probabilities : ndarray of shape (ny, nx, K)
        :math:`q(x_j, y_i)`, rows along ``y``: ready for ``imshow(..., origin="lower")``.
    extent : tuple of float
        ``(xmin, xmax, ymin, ymax)`` of the pixel edges, for ``imshow(extent=...)``.

    Examples
    --------
    >>> class Flat:
    ...     def predict_proba(self, X):
    ...         return np.full((len(X), 2), 0.5)
    >>> probability_grid(Flat(), (0, 1), (0, 1), resolution=(2, 2)).confidence.tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    probabilities: NDArray[np.float64]
    extent: tuple[float, float, float, float]

    @property
    def confidence(self) -> NDArray[np.float64]:
        """The largest class probability at every grid point, shape (ny, nx)."""
        return self.probabilities.max(axis=-1)


def probability_grid(model: Classifier, xlim: ArrayLike, ylim: ArrayLike,
                     resolution: tuple[int, int] = (100, 80)) -> ProbabilityGrid:
    r"""Evaluate ``model.predict_proba`` on a grid over a rectangle of the input plane.

    The grid points are the centres of ``nx`` x ``ny`` equal pixels covering
    :math:`[x_{min}, x_{max}] \times [y_{min}, y_{max}]`, so ``imshow`` with the returned
    ``extent`` puts every probability exactly under its point. The decision boundary is where
    the two largest probabilities tie (for two classes, the 0.5 level of :math:`q_1`).

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 7; notebook 07, section 1

    Parameters
    ----------
    model : object
        Anything with ``predict_proba(X)`` taking an (m, 2) array and returning (m, K)
        probabilities (a :class:`TinyMLP`, for instance).
    xlim, ylim : pair of float
        The rectangle, each as (low, high) with low < high.
    resolution : pair of int, default (100, 80)
        Number of pixels ``(nx, ny)``, each >= 1.

    Returns
    -------
    ProbabilityGrid

    Raises
    ------
    TypeError
        If ``model`` has no ``predict_proba`` or returns non-numbers, or ``resolution`` is not
        a pair of integers.
    ValueError
        If a limit is not an increasing pair of finite numbers or a resolution is < 1.

    Examples
    --------
    >>> from bayeslearn import train_tiny_mlp
    >>> model = train_tiny_mlp(np.zeros((0, 2)), np.zeros((0, 2)))
    >>> grid = probability_grid(model, (-1, 1), (0, 1), resolution=(4, 2))
    >>> grid.probabilities.shape, grid.x.tolist(), grid.extent
    ((2, 4, 2), [-0.75, -0.25, 0.25, 0.75], (-1.0, 1.0, 0.0, 1.0))
    """
    if not callable(getattr(model, "predict_proba", None)):
        raise TypeError(f"model must have a predict_proba method, got {type(model).__name__}")
    (x0, x1), (y0, y1) = _limits(xlim, "xlim"), _limits(ylim, "ylim")
    if not isinstance(resolution, (tuple, list, np.ndarray)) or np.ndim(resolution) != 1:
        raise TypeError(f"resolution must be a pair (nx, ny), got {type(resolution).__name__}")
    if len(resolution) != 2:
        raise ValueError(f"resolution must be a pair (nx, ny), got {resolution!r}")
    nx, ny = (v.length(r, "resolution", minimum=1) for r in resolution)
    x = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
    y = y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
    points = np.column_stack([np.tile(x, ny), np.repeat(y, nx)])
    probabilities = v.as_float_array(model.predict_proba(points), "model")
    if probabilities.ndim != 2 or probabilities.shape[0] != points.shape[0]:
        raise ValueError(f"model.predict_proba must return shape ({points.shape[0]}, K), got {probabilities.shape}")
    return ProbabilityGrid(x, y, probabilities.reshape(ny, nx, -1), (x0, x1, y0, y1))


def decision_boundary(grid: ProbabilityGrid, class_index: int = 1, level: float = 0.5) -> NDArray[np.float64]:
    r"""The curve where a class's probability crosses a level on a :class:`ProbabilityGrid`.

    With two classes, the decision boundary is the set :math:`\{x : q_1(x) = 1/2\}`, where
    the two probabilities tie: the default. The curve is traced by marching squares
    (contourpy, the contouring library behind matplotlib) through the grid points, with
    bilinear interpolation inside each cell, and returned as one array of points in which
    rows of NaN separate the pieces, ready for ``Line2D.set_data(*points.T)``.

    Used in: notebook 06, section 3; notebook 06, section 5; notebook 06, section 7; notebook 07, section 1

    Parameters
    ----------
    grid : ProbabilityGrid
        Probabilities on a grid (:func:`probability_grid`).
    class_index : int, default 1
        The class :math:`k` whose probability :math:`q_k` is contoured.
    level : float, default 0.5
        The level :math:`c` in (0, 1) of the curve :math:`q_k(x) = c`.

    Returns
    -------
    ndarray of shape (m, 2)
        Points :math:`(x_1, x_2)` on the curve, pieces separated by NaN rows; shape (0, 2)
        when :math:`q_k` never crosses the level on the grid (an untrained, uniform network
        has no boundary).

    Raises
    ------
    TypeError
        If ``grid`` is not a ProbabilityGrid or ``class_index`` is not an integer.
    ValueError
        If ``class_index`` is not a class of the grid or ``level`` is not in (0, 1).

    Examples
    --------
    A model whose :math:`q_1` rises from left to right crosses 1/2 on the vertical line
    :math:`x_1 = 0.25`:

    >>> class Ramp:
    ...     def predict_proba(self, X):
    ...         q1 = np.clip(0.5 + (np.asarray(X)[:, 0] - 0.25), 0.0, 1.0)
    ...         return np.column_stack([1.0 - q1, q1])
    >>> points = decision_boundary(probability_grid(Ramp(), (-1, 1), (0, 1), resolution=(8, 3)))
    >>> points[:, 0].round(6).tolist(), points[:, 1].round(4).tolist()
    ([0.25, 0.25, 0.25], [0.8333, 0.5, 0.1667])
    """
    import contourpy  # installed with matplotlib; imported here so the module loads without it

    if not isinstance(grid, ProbabilityGrid):
        raise TypeError(f"grid must be a ProbabilityGrid, got {type(grid).__name__}")
    classes = grid.probabilities.shape[-1]
    class_index = v.integer(class_index, "class_index", minimum=0)
    if class_index >= classes:
        raise ValueError(f"class_index must be < the number of classes {classes}, got {class_index}")
    level = v.scalar(v.finite(level, "level"), "level")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    if grid.x.size < 2 or grid.y.size < 2:
        return np.empty((0, 2))
    field = grid.probabilities[..., class_index]
    lines = contourpy.contour_generator(grid.x, grid.y, field, line_type="ChunkCombinedNan").lines(level)
    points = lines[0][0]
    return np.empty((0, 2)) if points is None else np.asarray(points, dtype=float)


def _limits(value: object, name: str) -> tuple[float, float]:
    pair = v.finite(value, name)
    if pair.shape != (2,) or not pair[0] < pair[1]:
        raise ValueError(f"{name} must be a pair (low, high) with low < high, got {value!r}")
    with np.errstate(over="ignore"):
        width = pair[1] - pair[0]
    if not np.isfinite(width):
        raise ValueError(f"{name} must span less than the largest float, got {value!r}")
    return float(pair[0]), float(pair[1])
