"""Split an operative paragraph into its operative clauses.

A paragraph such as "Encourages the panel ..., expresses its intent ..., stresses ...,
welcomes ..., and requests the Secretary-General to include in his first quarterly report ..."
holds five clauses. A clause starts at the paragraph's opening verb and after a connector
(", ", "; ", ", and ", " and ", " but ") followed by an operative verb of the vocabulary in
its third-person form ("requests", "further requests", "calls upon"). Participles
("urging", "recalling") and infinitives ("to encourage") never start a clause.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from mandate_tracker.analyse.caseblind import CaseBlind
from mandate_tracker.analyse.vocabulary import Verbs, verbs
from mandate_tracker.model import Force

# The connectors ", " "; " ", and " " and " " but ", each written to open with a literal
# character (the connector word itself, its whitespace checked behind it): the engine then
# tries only the positions holding ",", ";", "a" or "b" instead of every position.
_CONNECTOR = (
    r"(?:,\s+(?:and\s+|but\s+|while\s+)?|;\s+(?:and\s+|but\s+|while\s+)?"
    r"|and(?<=\sand)\s+|but(?<=\sbut)\s+)"
)
_CONNECTOR_WORDS = "ab"  # what a connector opens with when its whitespace comes first
_TRAILING_WORDS = (" and", " but")
_TRAILING_PUNCTUATION = " \t\n,;:."


class ClauseStart(NamedTuple):
    """Where a clause's verb phrase starts and ends in the paragraph text (a named tuple:
    one is made per clause, so it is cheap to build)."""

    start: int
    end: int
    verb: str
    force: Force


def _verb_pattern(vocabulary: Verbs, lower: bool = False) -> str:
    """``lower``: with the adverbs in lower case (for a case-blind pattern, the same)."""
    ordered = sorted(vocabulary.adverbs, key=len, reverse=True)
    adverbs = _alternatives([a.lower() if lower else a for a in ordered])
    phrases = _alternatives([v.phrase for v in vocabulary.operative])
    return rf"(?:(?:{adverbs})\s+)*(?:{phrases})(?![\w-])"


def _alternatives(words: list[str]) -> str:
    """``words`` as a regex alternation tried in their order, grouped by first letter: the
    engine then checks a dozen first letters where it checked every word (only words with
    the same first letter can match at one place, and they keep their order)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def _inner_start() -> re.Pattern[str]:
    # Inside a paragraph a clause verb is printed in lower case: "..., and requests".
    return re.compile(rf"{_CONNECTOR}(?P<verb>{_verb_pattern(verbs())})")


@cache
def _opening() -> CaseBlind:
    # Case-blind: "Further requests", "FURTHER REQUESTS" (see analyse/caseblind.py).
    return CaseBlind.compile(rf"\s*(?P<verb>{_verb_pattern(verbs(), lower=True)})")


def clause_starts(
    text: str, opening_verb: str | None = None, *, lower: str | None = None
) -> list[ClauseStart]:
    """The verb phrase of every clause, in order; the first one opens the paragraph.
    ``lower`` is ``text.lower()`` when the caller has it."""
    starts: list[ClauseStart] = []
    opening = _opening().match(text, text.lower() if lower is None else lower)
    if opening:
        verb = text[opening.start("verb") : opening.end("verb")]  # as printed
        starts.append(ClauseStart(opening.start("verb"), opening.end("verb"), verb, _force(verb)))
    else:
        verb = (opening_verb or _first_word(text)).strip()
        begin = len(text) - len(text.lstrip())
        end = begin + len(verb) if text[begin:].lower().startswith(verb.lower()) else begin
        starts.append(ClauseStart(begin, end, verb, _force(verb)))
    floor = starts[0].end
    for match in _inner_start().finditer(text, floor):
        if match.start() == floor and text[floor : floor + 1] in _CONNECTOR_WORDS:
            continue  # its whitespace lies before the scan's start: not a connector here
        verb = match.group("verb")
        starts.append(ClauseStart(match.start("verb"), match.end("verb"), verb, _force(verb)))
    return starts


def clause_bounds(text: str, starts: list[ClauseStart]) -> list[tuple[int, int]]:
    """Character span of each clause: from its verb to just before the next clause's connector."""
    bounds: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        limit = starts[index + 1].start if index + 1 < len(starts) else len(text)
        end = start.start + len(_trim_end(text[start.start : limit]))
        bounds.append((start.start, max(end, start.end)))
    return bounds


def _trim_end(segment: str) -> str:
    """A clause without the punctuation and connector words that lead to the next one."""
    trimmed = segment.rstrip(_TRAILING_PUNCTUATION)
    while trimmed.endswith(_TRAILING_WORDS):
        word = next(word for word in _TRAILING_WORDS if trimmed.endswith(word))
        trimmed = trimmed[: -len(word)].rstrip(_TRAILING_PUNCTUATION)
    return trimmed


@cache
def _force(printed: str) -> Force:
    return verbs().force_of(printed)


def opens_with_known_verb(text: str, *, lower: str | None = None) -> bool:
    """Whether ``text`` starts with an operative verb of the vocabulary (``lower`` is
    ``text.lower()`` when the caller has it)."""
    return _opening().match(text, text.lower() if lower is None else lower) is not None


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""
