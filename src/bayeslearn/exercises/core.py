"""The verdict every self-check prints: right, or not yet with a hint (never the answer)."""

from __future__ import annotations

import math
import re

import numpy as np

from ..i18n import tr

__all__ = ["Verdict", "close", "verdict"]


def close(
    answer: object, expected: float | np.ndarray, rel: float = 1e-3, abs_: float = 1e-9, digits: int = 3
) -> bool:
    """Whether ``answer`` is a finite number matching ``expected`` (or both are the same ±inf).

    It matches when it is within ``rel`` (relative) or ``abs_`` of ``expected``, or when it is
    ``expected`` correctly rounded to ``digits`` significant figures: a reader who answers
    log2(6) with 2.58 or 2.585 is right, one who answers 2.5 is not.

    Examples
    --------
    >>> close(2.58, 2.584962500721156), close(0.308, 0.30833), close(0.31, 0.30833)
    (True, True, False)
    >>> close("1/2", 0.5), close(float("inf"), float("inf")), close(None, 0.0), close(True, 1.0)
    (False, True, False, False)
    """
    expected = float(expected)  # a library result: a float, or a 0-d array
    if isinstance(answer, (bool, np.bool_)):  # float(True) is 1.0, but True is no number
        return False
    try:
        value = float(answer)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if math.isinf(expected) or math.isnan(value):
        return value == expected
    if math.isclose(value, expected, rel_tol=rel, abs_tol=abs_):
        return True
    if expected == 0.0:
        return False
    unit = 10.0 ** (math.floor(math.log10(abs(expected))) - (digits - 1))
    return abs(value - expected) <= 0.5 * unit * (1.0 + 1e-9)


class Verdict:
    """The outcome of a self-check: true when right, and silent in a notebook.

    The check has already printed its message; showing ``True`` or ``False`` under it
    would only repeat it. ``bool(verdict)`` and ``verdict.ok`` give the outcome.
    """

    __slots__ = ("ok",)

    def __init__(self, ok: bool) -> None:
        self.ok = bool(ok)

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"Verdict(ok={self.ok})"

    def _ipython_display_(self) -> None:
        """Display nothing: the printed line is the message."""


def verdict(name: str, ok: bool, hint: str) -> Verdict:
    """Print ``✓ name: right`` or ``✗ name: not yet — hint``; return a :class:`Verdict`.

    The message is in the language of :func:`bayeslearn.set_language`; a name of the form
    ``"Exercise 1.1"`` is translated too (``hint`` arrives translated already).

    Examples
    --------
    >>> verdict("Exercise 1.1", True, "think about k/n").ok
    ✓ Exercise 1.1: right.
    True
    >>> bool(verdict("Exercise 1.1", False, "think about k/n"))
    ✗ Exercise 1.1: not yet. Hint: think about k/n
    False
    """
    number = re.fullmatch(r"Exercise (\d+\.\d+)", name)
    if number:
        name = tr("Exercise {number}", number=number[1])
    if ok:
        print(tr("✓ {name}: right.", name=name))
    else:
        print(tr("✗ {name}: not yet. Hint: {hint}", name=name, hint=hint))
    return Verdict(ok)
