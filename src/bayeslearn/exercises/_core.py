"""The verdict every self-check prints: right, or not yet with a hint (never the answer)."""

from __future__ import annotations

import math

__all__ = ["close", "verdict"]


def close(answer: object, expected: float, rel: float = 1e-3, abs_: float = 1e-9) -> bool:
    """Whether ``answer`` is a finite number within tolerance of ``expected`` (or both are ±inf)."""
    try:
        value = float(answer)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if math.isinf(expected):
        return value == expected
    return math.isclose(value, expected, rel_tol=rel, abs_tol=abs_)


def verdict(name: str, ok: bool, hint: str) -> bool:
    """Print ``✓ name: right`` or ``✗ name: not yet — hint``; return ``ok``.

    Examples
    --------
    >>> verdict("Exercise 1.1", True, "think about k/n")
    ✓ Exercise 1.1: right.
    True
    """
    if ok:
        print(f"✓ {name}: right.")
    else:
        print(f"✗ {name}: not yet. Hint: {hint}")
    return ok
