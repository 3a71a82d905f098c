"""Numbers the text sets as goals or ceilings.

"at least 2,000 members" is a floor (``>=``); "up to 13,289 military personnel and 1,920 police
personnel" sets two ceilings (``<=``: the comparator carries over "and"); "30 per cent of State
revenues" is a share (``=``, unit ``percent``). A bare number ("the five regions") is not a
target. The unit is the head noun counted ("members", "personnel"); the subject is the whole
noun phrase when it says more ("military personnel", "members of the signatory armed groups").
"""

from __future__ import annotations

import calendar
import re
from typing import Literal

from mandate_tracker.analyse.caseblind import ascii_word, mentions_any
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
    "up to": "<=",
    "not exceed": "<=",
    "not to exceed": "<=",
    "not exceeding": "<=",
    "a maximum of": "<=",
    "maximum of": "<=",
    "a ceiling of": "<=",
    "no more than": "<=",
    "not more than": "<=",
}
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_CUE = "|".join(re.escape(c) for c in sorted(_COMPARATORS, key=len, reverse=True))
_FUNCTION_WORDS = (
    "and|or|to|in|for|by|as|of|the|with|from|at|on|per|unless|if|when|while|where|which|who|"
    "that|prior|after|before|until|during|than"
)
_FUNCTION_WORD = rf"(?:{_FUNCTION_WORDS})\b"
# What is counted: not a month or a span of time ("up to 1 August", "6 months prior").
_NOT_COUNTED = "|".join(
    [*calendar.month_name[1:], "days?", "weeks?", "months?", "years?", "hours?", "per"]
)
# What ends the noun phrase as the clause's verb starts ("2,000 members shall be deployed").
_VERB_WORD = (
    r"(?:shall|should|will|would|must|may|might|can|could|is|are|was|were|be|been|being|"
    r"has|have|had|remains?|continues?)\b"
)
_NOUN_PHRASE = (
    rf"(?P<np>(?!(?:{_NOT_COUNTED}|{_FUNCTION_WORDS})\b)[A-Za-z][\w-]*"
    rf"(?:\s+(?!{_FUNCTION_WORD}|{_VERB_WORD})[a-z][\w-]*){{0,2}})"
)
# A number standing alone: "(?<![\w/(.,-])(?:{_NUMBER})(?![\w/)]|,\d)", written to open with
# its first digit (the look-behind checked past it) so that the scan skips to digits.
_NUMBER_ALONE = re.compile(r"\d(?<![\w/(.,-]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?)(?![\w/)]|,\d)")
# In ASCII text "\d" is "[0-9]", a set the engine tests faster than the Unicode digit class.
_NUMBER_ALONE_ASCII = re.compile(_NUMBER_ALONE.pattern.replace(r"\d", "[0-9]"))
_CUE_BEFORE = re.compile(rf"\b(?P<cue>{_CUE})\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(rf"\s+{_NOUN_PHRASE}")
_CONTINUED = re.compile(rf"\s*(?:,\s*|\s+)(?:and|or)\s+(?P<value>{_NUMBER})\s+[A-Za-z]")
_PERCENT_AFTER = re.compile(
    r"\s*(?:per\s*cent|percent|%)(?:\s+(?:of\s+(?:the\s+)?)?"
    r"(?P<subject>(?!of\b|to\b|in\b|and\b)[\w-]+(?:\s+(?!and\b|to\b|in\b)[\w-]+){0,2}))?",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(
    r"^\s+of\s+((?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)(?=[,;.]|\s+(?:in|to|and)\b|$)"
)
_STOP_NOUNS = {"per", "cent", "percent"}
# Words without which a provision sets no target: a cheap test to skip it.
_HINTS = ("cent", "%", "least", "minimum", "fewer", "less", "more", "up to", "exceed",
          "maximum", "ceiling")  # fmt: skip


def targets(text: str, *, lower: str | None = None) -> list[Target]:
    """Every goal or ceiling in ``text``, in order (``lower`` is ``text.lower()`` when the
    caller has it)."""
    lower = text.lower() if lower is None else lower
    if not mentions_any(lower, _HINTS):
        return []
    found: list[Target] = []
    inherited: dict[int, Comparator] = {}  # "up to 13,289 ... and 1,920 ...": the second inherits
    numbers = _NUMBER_ALONE_ASCII if text.isascii() else _NUMBER_ALONE
    for number in numbers.finditer(text):
        if found and number.start() < found[-1].span[1]:
            continue
        cue = _CUE_BEFORE.search(text, max(0, number.start() - 24), number.start())
        percent = _PERCENT_AFTER.match(text, number.end())
        if percent:
            found.append(_percent(text, number, percent, cue))
            continue
        comparator = (
            _COMPARATORS[ascii_word(cue.group("cue"))] if cue else inherited.get(number.start())
        )
        noun = _NOUN_AFTER.match(text, number.end())
        if comparator is None or noun is None:
            continue
        start = cue.start() if cue else number.start()
        found.append(_counted(text, number, noun, comparator, start))
        continued = _CONTINUED.match(text, noun.end())
        if continued:
            inherited[continued.start("value")] = comparator
    return found


def _percent(
    text: str, number: re.Match[str], percent: re.Match[str], cue: re.Match[str] | None
) -> Target:
    comparator: Comparator = _COMPARATORS[ascii_word(cue.group("cue"))] if cue else "="
    start = cue.start() if cue else number.start()
    subject = percent.group("subject")
    return Target(
        value=_value(number.group(0)),
        unit="percent",
        comparator=comparator,
        text=text[start : percent.end()],
        span=(start, percent.end()),
        subject=subject.strip() if subject else None,
    )


def _counted(
    text: str, number: re.Match[str], noun: re.Match[str], comparator: Comparator, start: int
) -> Target:
    noun_phrase = noun.group("np").strip()
    end = noun.end()
    words = [w for w in noun_phrase.split() if w.lower() not in _STOP_NOUNS]
    unit = words[-1] if words else noun_phrase
    subject = noun_phrase if len(words) > 1 else None
    of_phrase = _OF_PHRASE.match(text[end:])
    if of_phrase:
        subject = f"{noun_phrase} of {of_phrase.group(1)}"
    return Target(
        value=_value(number.group(0)),
        unit=unit,
        comparator=comparator,
        text=text[start:end],
        span=(start, end),
        subject=subject,
    )


def _value(printed: str) -> float:
    return float(printed.replace(",", ""))
