"""The language of the text the library shows a reader: English or Korean (한국어).

Every sentence or label the library itself puts in front of a reader (slider descriptions,
widget readouts and accessible names, figure-helper text, the self-checks' verdicts and
hints) is looked up, by its English text, in one catalogue, :data:`bayeslearn.i18n.MESSAGES`
(the figures' and widgets' text of :mod:`bayeslearn.messages` with the self-checks' of
:mod:`bayeslearn.messages_exercises`), which holds an English and a Korean entry for each. A
notebook chooses its language once, in its import cell::

    import bayeslearn as bl
    bl.set_language("en")   # the Korean edition (notebooks/ko/) says bl.set_language("ko")

The English notebooks call ``set_language("en")`` and their Korean twins, built by
``tools/translate.py``, call ``set_language("ko")``; nothing else in their code differs. The
language is a process-wide setting (one kernel runs one notebook); it starts as English.

Examples
--------
>>> from bayeslearn.i18n import get_language, set_language, tr
>>> set_language("ko"); tr("random seed")
'난수 시드'
>>> set_language("en"); tr("random seed"), get_language()
('random seed', 'en')
"""

from __future__ import annotations

from .messages import MESSAGES as FIGURE_MESSAGES
from .messages_exercises import EXERCISE_MESSAGES

__all__ = ["LANGUAGES", "get_language", "set_language", "tr"]

#: The languages of the catalogue: English and Korean.
LANGUAGES: tuple[str, ...] = ("en", "ko")

#: The one catalogue :func:`tr` reads: the figures' and widgets' text
#: (:mod:`bayeslearn.messages`) and the self-checks' (:mod:`bayeslearn.messages_exercises`).
MESSAGES: dict[str, dict[str, str]] = {**FIGURE_MESSAGES, **EXERCISE_MESSAGES}
if len(MESSAGES) != len(FIGURE_MESSAGES) + len(EXERCISE_MESSAGES):  # pragma: no cover
    raise ImportError("a message is in both bayeslearn.messages and bayeslearn.messages_exercises")

_language = "en"


def set_language(language: str) -> None:
    """Choose the language of the library's reader-facing text.

    Parameters
    ----------
    language : {"en", "ko"}
        ``"en"`` for English, ``"ko"`` for Korean (한국어).

    Raises
    ------
    TypeError
        If ``language`` is not a string.
    ValueError
        If ``language`` is not one of ``"en"``, ``"ko"``.

    Examples
    --------
    >>> set_language("ko"); get_language()
    'ko'
    >>> set_language("en")
    """
    global _language
    if not isinstance(language, str):
        raise TypeError(f"language must be a string, one of {list(LANGUAGES)}, got {type(language).__name__}")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {list(LANGUAGES)}, got {language!r}")
    _language = language


def get_language() -> str:
    """The language the library's text is in now: ``"en"`` or ``"ko"``.

    Examples
    --------
    >>> get_language()
    'en'
    """
    return _language


def tr(message: str, **fields: object) -> str:
    """``message`` (English, the catalogue's key) in the current language, with ``fields`` filled in.

    Parameters
    ----------
    message : str
        The English text, exactly as it is a key of :data:`bayeslearn.i18n.MESSAGES`.
    **fields
        Values for the message's ``{name}`` placeholders; ``str.format`` is applied only
        when there are fields, so a message without them may hold literal braces.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If ``message`` is not in the catalogue (tests/test_i18n.py checks every call).

    Examples
    --------
    >>> tr("✓ {name}: right.", name="Exercise 1.1")
    '✓ Exercise 1.1: right.'
    """
    try:
        text = MESSAGES[message][_language]
    except KeyError:
        raise KeyError(f"message {message!r} has no {_language!r} entry in bayeslearn.i18n.MESSAGES") from None
    return text.format(**fields) if fields else text
