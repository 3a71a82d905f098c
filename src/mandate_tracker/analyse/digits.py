"""Whether a provision prints a digit: the cheap test that lets most provisions skip the
extractors whose every match holds one (targets, references, paragraph references, printed
dates, cited resolution years).

Most operative text holds no digit at all, so this test, made once per provision, spares
several pattern scans. It must never say "no" where a pattern's ``\\d`` could match: ``\\d``
matches any Unicode decimal digit, so a text with characters beyond ASCII is tested with the
same ``\\d``.
"""

from __future__ import annotations

import re

_ANY_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a character that ``\\d`` matches."""
    if text.isascii():
        # Ten searches for one character each (memchr in C) beat one scan for a class.
        return any(map(text.__contains__, _ASCII_DIGITS))
    return _ANY_DIGIT.search(text) is not None
