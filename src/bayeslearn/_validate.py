"""Argument checks for the public functions, with their error messages in one place.

Every public function of :mod:`bayeslearn` validates its arguments here, once, at the
boundary; the maths below it assumes clean input so that inner loops and widget
callbacks stay fast. Each check raises ``TypeError`` for a value of the wrong kind and
``ValueError`` for a value outside its domain, and every message starts with the name
of the offending argument.
"""

from __future__ import annotations

import numbers
import operator

import numpy as np

#: Tolerance on ``sum(p) == 1`` for a probability distribution.
SUM_TOLERANCE = 1e-9


def as_float_array(value: object, name: str) -> np.ndarray:
    """Return ``value`` as a float array; reject non-numeric input and NaN."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be a number or an array of numbers, got {type(value).__name__}"
        ) from exc
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not contain NaN")
    return arr


def finite(value: object, name: str) -> np.ndarray:
    """A float array with no NaN and no infinity."""
    arr = as_float_array(value, name)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got an infinite value")
    return arr


def probability(value: object, name: str) -> np.ndarray:
    """A float array with every element in [0, 1]."""
    arr = as_float_array(value, name)
    if arr.size and (arr.min() < 0.0 or arr.max() > 1.0):
        raise ValueError(f"{name} must lie in [0, 1], got values in [{arr.min()}, {arr.max()}]")
    return arr


def positive(value: object, name: str) -> np.ndarray:
    """A finite float array with every element > 0."""
    arr = finite(value, name)
    if arr.size and arr.min() <= 0.0:
        raise ValueError(f"{name} must be > 0, got {arr.min()}")
    return arr


def non_negative(value: object, name: str) -> np.ndarray:
    """A finite float array with every element >= 0."""
    arr = finite(value, name)
    if arr.size and arr.min() < 0.0:
        raise ValueError(f"{name} must be >= 0, got {arr.min()}")
    return arr


def count(value: object, name: str) -> np.ndarray:
    """A non-negative whole-number count (integer-valued floats are accepted)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a whole number, got a bool")
    arr = finite(value, name)
    if arr.size and not np.array_equal(arr, np.floor(arr)):
        raise ValueError(f"{name} must be a whole number, got a fractional value")
    if arr.size and arr.min() < 0:
        raise ValueError(f"{name} must be >= 0, got {arr.min():.0f}")
    return arr


def heads_and_tosses(heads: object, tosses: object) -> tuple[np.ndarray, np.ndarray]:
    """Two counts with ``0 <= heads <= tosses`` that broadcast together."""
    k = count(heads, "heads")
    n = count(tosses, "tosses")
    broadcast(k, n, ("heads", "tosses"))
    k, n = np.broadcast_arrays(k, n)
    if k.size and (k > n).any():
        raise ValueError("heads must be <= tosses")
    return k, n


def integer(value: object, name: str, minimum: int = 0) -> int:
    """A Python int >= ``minimum`` (bools and fractional numbers are rejected)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be an integer, got a bool")
    if not isinstance(value, numbers.Integral):
        if not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
        if not float(value).is_integer():  # 2.5, nan, inf: a number, but not a whole one
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        value = int(value)
    value = operator.index(value)
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def distribution(value: object, name: str) -> np.ndarray:
    """Probabilities over the last axis: non-negative, summing to 1 within tolerance."""
    arr = as_float_array(value, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} must be a distribution over the last axis, got a scalar")
    if arr.shape[-1] == 0:
        raise ValueError(f"{name} must not be empty")
    if arr.size and arr.min() < 0.0:
        raise ValueError(f"{name} must be non-negative, got {arr.min()}")
    totals = arr.sum(axis=-1)
    if not np.all(np.abs(totals - 1.0) <= SUM_TOLERANCE):
        worst = totals.flat[np.argmax(np.abs(totals - 1.0))]
        raise ValueError(f"{name} must sum to 1 over its last axis, got a sum of {worst!r}")
    return arr


def same_support(p: np.ndarray, q: np.ndarray, names: tuple[str, str] = ("p", "q")) -> None:
    """Two distributions over the same number of outcomes whose batch shapes broadcast."""
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same number of outcomes, "
            f"got shapes {p.shape} and {q.shape}"
        )
    broadcast(p, q, names)


def broadcast(a: np.ndarray, b: np.ndarray, names: tuple[str, str]) -> tuple[int, ...]:
    """The shape ``a`` and ``b`` broadcast to; a ValueError naming both if they do not."""
    try:
        return np.broadcast_shapes(a.shape, b.shape)
    except ValueError as exc:
        raise ValueError(
            f"{names[0]} and {names[1]} must broadcast together, got shapes {a.shape} and {b.shape}"
        ) from exc


def log_base(base: object) -> float | None:
    """``None`` for natural logarithms, else ``log(base)`` for a base > 0 and != 1."""
    if base is None:
        return None
    if isinstance(base, (bool, np.bool_)) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number or None, got {base!r}")
    b = float(base)
    if not np.isfinite(b) or b <= 0.0 or b == 1.0:
        raise ValueError(f"base must be > 0 and != 1, got {base!r}")
    return float(np.log(b))


def matrix(value: object, name: str) -> np.ndarray:
    """A 2-D finite array, one row per sample and one column per feature."""
    arr = finite(value, name)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D (samples x features), got shape {arr.shape}")
    return arr


def design(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """A 2-D finite design matrix and a 1-D finite target with matching rows."""
    X = finite(X, "X")
    y = finite(y, "y")
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (samples x features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X and y must have the same number of rows, got {X.shape[0]} and {y.shape[0]}")
    return X, y


def scalar(arr: np.ndarray, name: str) -> float:
    """A Python float from an already-checked 0-d array; reject arrays of any other shape."""
    if np.ndim(arr) != 0:
        raise ValueError(f"{name} must be a single number, got shape {np.shape(arr)}")
    return float(arr)


def scalar_or_array(value: np.ndarray) -> float | np.ndarray:
    """A Python float for a 0-d result, else the array unchanged."""
    if np.ndim(value) == 0:
        return float(value)
    return value
