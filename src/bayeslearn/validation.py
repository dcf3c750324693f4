"""The shared argument checks: every public function's validation and error messages, in one place.

A public module (other modules import it; no module imports another's private names) but not
part of the flat API: nothing here is in ``bayeslearn.__all__``.

Every public function of :mod:`bayeslearn` validates its arguments here, once, at the
boundary; the maths below it assumes clean input so that inner loops and widget
callbacks stay fast. Each check raises ``TypeError`` for a value of the wrong kind and
``ValueError`` for a value outside its domain, and every message starts with the name
of the offending argument.

Of the wrong kind: strings (also inside lists, ``['3']``), None, booleans (also in arrays),
complex numbers and other objects. Outside the domain: NaN, masked entries, ragged lists,
shapes that do not broadcast (every argument named), arrays where one number is required,
counts that are fractional, negative or (compared exactly above 2**53) inconsistent, and
sizes above 2**32. A distribution sums to 1 within :func:`sum_tolerance` of its dtype.
"""

from __future__ import annotations

import math
import numbers
import operator

import numpy as np

#: A float holds every whole number up to this one exactly; counts above it are compared exactly.
EXACT_INTEGERS = 2**53


def sum_tolerance(dtype: np.dtype, outcomes: int) -> float:
    """Tolerance on ``|sum(p) - 1|`` for a distribution of ``outcomes`` values of ``dtype``.

    ``16 * outcomes * eps``, with ``eps`` the machine epsilon of ``dtype`` (float32 or float64):
    about 7e-15 for two float64 outcomes and 1.9e-5 for ten float32 ones, so the output of a
    float32 softmax passes while a float64 vector off by 1e-10 does not.
    """
    return 16.0 * max(int(outcomes), 1) * float(np.finfo(dtype).eps)


def _what(name: str) -> str:
    return f"{name} must be a number or an array of numbers"


def numeric(value: object, name: str) -> np.ndarray:
    """``value`` as a numpy array of real numbers (ints or floats), its dtype unchanged.

    Strings (also inside lists), None, booleans, complex numbers and other objects raise
    ``TypeError``; a masked array with masked entries, or a ragged nested list, ``ValueError``.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{_what(name)}, got {value!r}")
    if isinstance(value, np.ma.MaskedArray):
        if np.ma.getmaskarray(value).any():
            raise ValueError(f"{name} has masked entries: fill them or drop them first (.filled(), .compressed())")
        value = np.ma.getdata(value)
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # a ragged nested list
        raise ValueError(f"{name} must be a rectangular array of numbers: {exc}") from exc
    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{_what(name)}, got booleans")
    if kind == "c":
        raise TypeError(f"{_what(name)} (real), got complex numbers")
    if kind in "USV":
        raise TypeError(f"{_what(name)}, got strings or bytes ({arr.dtype})")
    if kind == "O":
        for item in arr.flat:
            if isinstance(item, (bool, np.bool_)) or not isinstance(item, numbers.Real):
                raise TypeError(f"{_what(name)}, got an element of type {type(item).__name__}")
    elif kind not in "iuf":
        raise TypeError(f"{_what(name)}, got an array of dtype {arr.dtype}")
    return arr


def as_float_array(value: object, name: str, keep_float32: bool = False) -> np.ndarray:
    """Return ``value`` as a float64 array (float32 kept with ``keep_float32``); reject non-numbers and NaN."""
    arr = numeric(value, name)
    dtype = np.float32 if keep_float32 and arr.dtype in (np.float32, np.float16) else np.float64
    try:
        arr = arr.astype(dtype, copy=False)
    except OverflowError as exc:  # a Python int beyond the largest float
        raise ValueError(f"{name} is too large to be represented as a float") from exc
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


def _count(value: object, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A count as floats, and as given (exact when given as integers)."""
    raw = numeric(value, name)  # booleans, strings, complex numbers: TypeError
    arr = finite(raw, name)
    if arr.size and not np.array_equal(arr, np.floor(arr)):
        raise ValueError(f"{name} must be a whole number, got a fractional value")
    if arr.size and arr.min() < 0:
        raise ValueError(f"{name} must be >= 0, got {arr.min():.0f}")
    return arr, raw


def count(value: object, name: str) -> np.ndarray:
    """A non-negative whole-number count, as floats (integer-valued floats are accepted)."""
    return _count(value, name)[0]


def count_int64(value: object, name: str) -> np.ndarray:
    """A count as exact int64 (for numpy's samplers): whole, >= 0 and at most 2**63 - 1."""
    arr, raw = _count(value, name)
    top = np.iinfo(np.int64).max
    if arr.size and (np.any(_exact(arr, raw) > top)):
        raise ValueError(f"{name} must be at most 2**63 - 1 = {top}, got {arr.max():.4g}")
    return raw.astype(np.int64) if raw.dtype.kind in "iuO" else arr.astype(np.int64)


def _exact(arr: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """Python ints, exactly: the integers as given, or the (whole) floats' values."""
    return np.frompyfunc(int, 1, 1)(raw if raw.dtype.kind in "iuO" else arr)


def heads_and_tosses(heads: object, tosses: object) -> tuple[np.ndarray, np.ndarray]:
    """Two counts with ``0 <= heads <= tosses`` that broadcast together.

    Above ``2**53`` a float no longer holds every whole number, so there the counts are
    compared as exact integers (``heads = 2**53 + 1, tosses = 2**53`` is refused).
    """
    k, k_raw = _count(heads, "heads")
    n, n_raw = _count(tosses, "tosses")
    broadcast(k, n, ("heads", "tosses"))
    k, n = np.broadcast_arrays(k, n)
    if k.size and (k > n).any():
        raise ValueError("heads must be <= tosses")
    if k.size and k.max() >= EXACT_INTEGERS:
        if np.any(_exact(*np.broadcast_arrays(k, k_raw)) > _exact(*np.broadcast_arrays(n, n_raw))):
            raise ValueError("heads must be <= tosses (compared exactly as integers)")
    return k, n


#: Largest count of steps, samples, bins, classes or grid points: an array this long already
#: takes tens of gigabytes, and beyond it numpy fails with a message that names no argument.
MAX_LENGTH = 2**32


def length(value: object, name: str, minimum: int = 0) -> int:
    """A whole number that sizes an array: ``minimum <= value <= MAX_LENGTH``."""
    value = integer(value, name, minimum)
    if value > MAX_LENGTH:
        shown = value if value < 10**20 else f"about 10**{len(str(value)) - 1}"
        raise ValueError(f"{name} must be <= 2**32 = {MAX_LENGTH} (it sizes an array), got {shown}")
    return value


def integer(value: object, name: str, minimum: int = 0) -> int:
    """A Python int >= ``minimum`` (bools and fractional numbers are rejected)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be an integer, got a bool")
    if not isinstance(value, numbers.Integral):
        if not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
        if not float(value).is_integer():  # 2.5, nan, inf: a number, but not a whole one
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        value = int(float(value))
    value = operator.index(value)
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def distribution(value: object, name: str, keep_float32: bool = False) -> np.ndarray:
    """Probabilities over the last axis: non-negative, summing to 1 within :func:`sum_tolerance`."""
    arr = as_float_array(value, name, keep_float32=keep_float32)
    if arr.ndim == 0:
        raise ValueError(f"{name} must be a distribution over the last axis, got a scalar")
    if arr.shape[-1] == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got an infinite value")
    if arr.size and arr.min() < 0.0:
        raise ValueError(f"{name} must be non-negative, got {arr.min()}")
    tolerance = sum_tolerance(arr.dtype, arr.shape[-1])
    gaps = np.abs(arr.sum(axis=-1, dtype=np.float64) - 1.0)
    if gaps.size and not gaps.max() <= tolerance:
        raise ValueError(
            f"{name} must sum to 1 over its last axis (within {tolerance:.2g}), "
            f"got a sum off by {gaps.max():.3g}"
        )
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
    return broadcast_all(**{names[0]: a, names[1]: b})


def broadcast_all(**arrays: np.ndarray) -> tuple[int, ...]:
    """The shape the named arrays broadcast to; a ValueError naming them all if they do not."""
    try:
        return np.broadcast_shapes(*(np.shape(a) for a in arrays.values()))
    except ValueError as exc:
        names = list(arrays)
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        shapes = ", ".join(f"{name} {np.shape(a)}" for name, a in arrays.items())
        raise ValueError(f"{listed} must broadcast together, got shapes {shapes}") from exc


def size(value: object, name: str = "size") -> tuple[int, ...] | None:
    """``None``, or a shape for repeated draws: a whole number >= 0 or a tuple of them."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        return tuple(length(item, name) for item in value)
    return (length(value, name),)


def log_base(base: object) -> float | None:
    """``None`` for natural logarithms, else ``log(base)`` for a base > 0 and != 1."""
    if base is None:
        return None
    if isinstance(base, (bool, np.bool_)) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number or None, got {base!r}")
    if isinstance(base, numbers.Integral):  # math.log takes ints beyond the largest float
        if base <= 0 or base == 1:
            raise ValueError(f"base must be > 0 and != 1, got {base!r}")
        return math.log(int(base))
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
