"""Numbers the text sets as goals or ceilings.

"at least 2,000 members" is a floor (``>=``); "up to 13,289 military personnel and 1,920 police
personnel" sets two ceilings (``<=``: the comparator carries over "and"); "30 per cent of State
revenues" is a share (``=``, unit ``percent``). A bare number ("the five regions") is not a
target. The unit is the head noun counted ("members", "personnel"); the subject is the whole
noun phrase when it says more ("military personnel", "members of the signatory armed groups").
"""

from __future__ import annotations

import re
from typing import Literal

from mandate_tracker.model import Target

Comparator = Literal[">=", "<=", "=", ">", "<"]

_COMPARATORS: dict[str, Comparator] = {
    "at least": ">=",
    "a minimum of": ">=",
    "minimum of": ">=",
    "no fewer than": ">=",
    "not fewer than": ">=",
    "not less than": ">=",
    "no less than": ">=",
    "more than": ">",
    "over": ">",
    "up to": "<=",
    "not exceed": "<=",
    "not to exceed": "<=",
    "not exceeding": "<=",
    "a maximum of": "<=",
    "maximum of": "<=",
    "a ceiling of": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "fewer than": "<",
    "less than": "<",
}
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_CUE = "|".join(re.escape(c) for c in sorted(_COMPARATORS, key=len, reverse=True))
_FUNCTION_WORD = r"(?:and|or|to|in|for|by|as|of|the|with|from|at|on|per)\b"
_NOUN_PHRASE = rf"(?P<np>[A-Za-z][\w-]*(?:\s+(?!{_FUNCTION_WORD})[a-z][\w-]*){{0,2}})"
_COMPARED = re.compile(rf"\b(?P<cue>{_CUE})\s+(?P<value>{_NUMBER})\s+{_NOUN_PHRASE}", re.IGNORECASE)
_CONTINUED = re.compile(rf"^\s*(?:,\s*|\s+)(?:and|or)\s+(?P<value>{_NUMBER})\s+{_NOUN_PHRASE}")
_PERCENT = re.compile(
    rf"(?:\b(?P<cue>{_CUE})\s+)?\b(?P<value>{_NUMBER})\s*(?:per\s*cent|percent|%)"
    r"(?:\s+(?:of\s+(?:the\s+)?)?(?P<subject>(?!of\b|to\b|in\b|and\b)[\w-]+(?:\s+(?!and\b|to\b|in\b)[\w-]+){0,2}))?",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(
    r"^\s+of\s+((?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)(?=[,;.]|\s+(?:in|to|and)\b|$)"
)
_STOP_NOUNS = {"per", "cent", "percent"}


def targets(text: str) -> list[Target]:
    """Every goal or ceiling in ``text``, in order."""
    found: list[Target] = []
    for match in _PERCENT.finditer(text):
        found.append(_percent(match))
    taken = [t.span for t in found]
    for match in _COMPARED.finditer(text):
        if any(start <= match.start("value") < end for start, end in taken):
            continue
        comparator = _COMPARATORS[match.group("cue").lower()]
        found.append(_counted(text, match, comparator, match.start()))
        rest = match.end()
        while continued := _CONTINUED.match(text[rest:]):
            found.append(
                _counted(text, continued, comparator, rest + continued.start("value"), rest)
            )
            rest += continued.end()
    return sorted(found, key=lambda target: target.span)


def _percent(match: re.Match[str]) -> Target:
    cue = match.group("cue")
    comparator: Comparator = _COMPARATORS[cue.lower()] if cue else "="
    subject = match.group("subject")
    return Target(
        value=_value(match.group("value")),
        unit="percent",
        comparator=comparator,
        text=match.group(0),
        span=match.span(),
        subject=subject.strip() if subject else None,
    )


def _counted(
    text: str, match: re.Match[str], comparator: Comparator, start: int, offset: int = 0
) -> Target:
    noun_phrase = match.group("np").strip()
    end = offset + match.end()
    words = [w for w in noun_phrase.split() if w.lower() not in _STOP_NOUNS]
    unit = words[-1] if words else noun_phrase
    subject = noun_phrase if len(words) > 1 else None
    of_phrase = _OF_PHRASE.match(text[end:])
    if of_phrase:
        subject = f"{noun_phrase} of {of_phrase.group(1)}"
    return Target(
        value=_value(match.group("value")),
        unit=unit,
        comparator=comparator,
        text=text[start:end],
        span=(start, end),
        subject=subject,
    )


def _value(printed: str) -> float:
    return float(printed.replace(",", ""))
