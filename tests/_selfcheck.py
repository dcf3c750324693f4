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
    out = {repr(value), str(value), f"{value:g}", f"{value:.4g}"}
    out |= {f"{value:.{digits}f}" for digits in (2, 3, 4, 6)}
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


def assert_right(check: Callable[[object], object], answer: float) -> None:
    """``check`` accepts ``answer``, and the answer rounded as a reader would write it, and says so.

    Rounded: to 4 decimals and to 4 significant figures (whole numbers stay as they are).
    """
    for given in (answer, round(answer, 4), type(answer)(float(f"{answer:.4g}"))):
        verdict, out = _run(check, given)
        assert verdict.ok is True, f"{check.__name__} refused the right answer written as {given!r}"
        assert out.startswith("✓") and "right" in out, out


def assert_not_yet(check: Callable[[object], object], wrong: object, leaks: Iterable[str],
                   hint_only: bool = True) -> str:
    """``check`` rejects ``wrong`` with a hint that contains none of ``leaks``; returns the hint.

    With ``hint_only=False`` the whole printed line is searched, not just the hint.
    """
    verdict, out = _run(check, wrong)
    assert verdict.ok is False
    assert out.startswith("✗") and "not yet" in out and "Hint:" in out, out
    hint = out.split("Hint:", 1)[1]
    searched = hint if hint_only else out
    for text in leaks:
        assert text not in searched, f"{check.__name__} printed its answer {text!r}"
    return hint


def assert_hints(module: object, cases: Iterable[tuple[str, object, str]]) -> None:
    """For each ``(name, answer, phrase)``, ``module.name(answer)`` prints a hint containing ``phrase``."""
    for name, answer, phrase in cases:
        assert phrase in printed(getattr(module, name), answer), (name, answer)
