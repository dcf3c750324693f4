"""Result records: what a fit or a computation returns, as a frozen dataclass.

Every function of the library that returns more than one thing returns a record built on
:class:`Record`: fields with names and numpydoc ``Attributes``, immutable, compared by value
and printed so that a reader can see them. An array field prints as its shape and a few values
instead of every element, so ``print(fit)`` stays one screen long.

    >>> import numpy as np
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True, repr=False)
    ... class Fit(Record):
    ...     weights: np.ndarray
    ...     loss: float
    >>> Fit(np.arange(10.0), 0.25)
    Fit(weights=array(shape=(10,), [0., 1., 2., ..., 7., 8., 9.]), loss=0.25)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = ["LossAndGradient", "MeanAndSD", "Record"]


def _summary(value: Any) -> str:
    """A short, readable text for one field's value."""
    if isinstance(value, np.ndarray):
        if value.size <= 6:
            return np.array2string(value, separator=", ", precision=4).join(("array(", ")"))
        flat = np.array2string(value.ravel(), separator=", ", precision=4, threshold=6, edgeitems=3)
        return f"array(shape={value.shape}, {flat})"
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return repr(value)


class Record:
    """Base of the library's result records (frozen dataclasses with a short repr).

    Subclasses are declared ``@dataclass(frozen=True, repr=False)``; :meth:`__repr__` then
    prints each field, with arrays abbreviated to their shape and first and last values. A
    record unpacks in the order of its fields (``X, labels = bl.two_moons(100)``), but it is
    not a tuple: a field is read by its name, never by an index.
    """

    def __iter__(self) -> Iterator[Any]:
        return (getattr(self, field.name) for field in dataclasses.fields(self))  # type: ignore[arg-type]

    def __repr__(self) -> str:
        fields = (
            f"{field.name}={_summary(getattr(self, field.name))}"
            for field in dataclasses.fields(self)  # type: ignore[arg-type]
            if field.repr
        )
        return f"{type(self).__name__}({', '.join(fields)})"


@dataclasses.dataclass(frozen=True, repr=False)
class LossAndGradient(Record):
    """A loss and its gradient with respect to the parameters (``loss, gradient = ...``).

    Used in: notebook 06, section 9; notebook 07, section 2; notebook 07, section 6.
    Returned there by :func:`mlp_loss_and_gradient`, :func:`semi_supervised_loss_and_gradient`
    and :func:`tent_loss_and_gradient`.

    Attributes
    ----------
    loss : float
        The value of the objective.
    gradient : ndarray
        Its gradient, of the parameters' shape.
    """

    loss: float
    gradient: np.ndarray


@dataclasses.dataclass(frozen=True, repr=False)
class MeanAndSD(Record):
    """A predictive (or fitted) mean and its standard deviation.

    Attributes
    ----------
    mean : float or ndarray
        The mean.
    sd : float or ndarray
        The standard deviation, of the same shape.
    """

    mean: Any
    sd: Any
