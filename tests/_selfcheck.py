"""What every exercise test file asserts about its self-checks, written once.

A right answer gets "✓ … right"; a wrong one gets "✗ … Hint: …", and the hint never shows
the answer in any of the ways it could be printed.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable


def renderings(value: float, whole: Iterable[str] = ("{:d}",)) -> list[str]:
    """The ways ``value`` could leak into printed text; ``whole`` formats a whole number."""
    out = {repr(value), str(value), f"{value:.4f}", f"{value:.3f}", f"{value:.2f}", f"{value:.4g}"}
    if float(value).is_integer():
        out |= {form.format(int(value)) for form in whole}
    return sorted(out)


def _run(check: Callable[[object], object], answer: object) -> tuple[object, str]:
    """The verdict of ``check(answer)`` and what it printed."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        verdict = check(answer)
    return verdict, buffer.getvalue()


def printed(check: Callable[[object], object], answer: object) -> str:
    """What ``check(answer)`` prints."""
    return _run(check, answer)[1]


def assert_right(check: Callable[[object], object], answer: object) -> None:
    """``check`` accepts ``answer`` and says so."""
    verdict, out = _run(check, answer)
    assert verdict.ok is True
    assert out.startswith("✓") and "right" in out, out


def assert_not_yet(check: Callable[[object], object], wrong: object, leaks: Iterable[str],
                   hint_only: bool = True) -> str:
    """``check`` rejects ``wrong`` with a hint that contains none of ``leaks``; returns the hint.

    With ``hint_only=False`` the whole printed line is searched, not just the hint.
    """
    verdict, out = _run(check, wrong)
    assert verdict.ok is False
    assert out.startswith("✗") and "Hint:" in out, out
    hint = out.split("Hint:", 1)[1]
    searched = hint if hint_only else out
    for text in leaks:
        assert text not in searched, f"{check.__name__} printed its answer {text!r}"
    return hint
