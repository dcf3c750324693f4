"""The figures' and widgets' text, in English and Korean (한국어).

The concept: the reader-facing text of :mod:`bayeslearn.plotting` and :mod:`bayeslearn.widgets`
(slider labels, readouts, figure descriptions), shown in every notebook's interactive figures
(notebooks 01 to 08). One entry per message, keyed by its English text;
:func:`bayeslearn.i18n.tr` looks a message up in the language of :func:`bayeslearn.set_language`,
in this catalogue and in :mod:`bayeslearn.messages_exercises` (the self-checks' text). Korean
terms are those of docs/glossary.md. tests/test_i18n.py checks that every message the library
passes to ``tr`` has an entry in one of the two with both languages, and that no entry is unused.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- Figures and widgets (bayeslearn.plotting, bayeslearn.widgets)
    "likelihood": {
        "en": "likelihood",
        "ko": "가능도",
    },
    "prior": {
        "en": "prior",
        "ko": "사전분포",
    },
    "posterior": {
        "en": "posterior",
        "ko": "사후분포",
    },
    "truth": {
        "en": "truth",
        "ko": "참값",
    },
    "data": {
        "en": "data",
        "ko": "데이터",
    },
    "approximation": {
        "en": "approximation",
        "ko": "근사",
    },
    "other": {
        "en": "other",
        "ko": "기타",
    },
    "undefined": {
        "en": "undefined",
        "ko": "정의되지 않음",
    },
    "sample size n (tosses)": {
        "en": "sample size n (tosses)",
        "ko": "표본 크기 n (던지기 횟수)",
    },
    "prior σ (strength: small = strong)": {
        "en": "prior σ (strength: small = strong)",
        "ko": "사전분포 σ (강도: 작을수록 강함)",
    },
    "true θ (P(heads))": {
        "en": "true θ (P(heads))",
        "ko": "참 θ (P(앞면))",
    },
    "random seed": {
        "en": "random seed",
        "ko": "난수 시드",
    },
    "Live figure": {
        "en": "Live figure",
        "ko": "실시간 그림",
    },
    "{heading} — panels: {panels}": {
        "en": "{heading} — panels: {panels}",
        "ko": "{heading} — 패널: {panels}",
    },
}
