"""Turn a provision's text and its facts into segments the reader page can mark up.

The reader never builds HTML by string concatenation: it receives a list of :class:`Segment`
(plain text, or text carrying one extracted fact) and the template escapes every piece. Facts
come with spans into the provision's ``text``; where two facts overlap, the more specific kind
wins (a deadline inside a target keeps the deadline) and the other is left unmarked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from mandate_tracker.model import Facts, Span

FactKind = Literal[
    "deadline", "target", "recurrence", "reference", "paragraph-reference", "verb", "addressee"
]

# When marks overlap, the kind earlier in this list keeps its mark.
PRIORITY: tuple[FactKind, ...] = (
    "deadline",
    "target",
    "recurrence",
    "reference",
    "paragraph-reference",
    "verb",
    "addressee",
)


@dataclass(frozen=True)
class Mark:
    """One extracted fact located in the provision's text."""

    kind: FactKind
    span: Span
    title: str  # what was extracted, shown as the tooltip
    link: str | None = None  # a workspace document or a paragraph of this one


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


def facts_to_marks(
    text: str, facts: Facts, *, link_for_symbol: dict[str, str] | None = None
) -> list[Mark]:
    """Every fact of a provision as a mark; spans outside the text are skipped, not clipped."""
    links = link_for_symbol or {}
    marks: list[Mark] = []
    for deadline in facts.deadlines:
        origin = f" (taken from the {deadline.resolved_from})" if deadline.resolved_from else ""
        marks.append(Mark("deadline", deadline.span, f"Deadline: {deadline.date}{origin}"))
    for target in facts.targets:
        subject = f" {target.subject}" if target.subject else ""
        value = f"{target.value:g}"
        marks.append(
            Mark(
                "target", target.span, f"Target: {target.comparator} {value} {target.unit}{subject}"
            )
        )
    for recurrence in facts.recurrences:
        marks.append(Mark("recurrence", recurrence.span, f"Recurs every {recurrence.interval}"))
    for reference in facts.references:
        pinpoint = f", {reference.pinpoint}" if reference.pinpoint else ""
        marks.append(
            Mark(
                "reference",
                reference.span,
                f"Reference: {reference.symbol}{pinpoint}",
                links.get(reference.symbol),
            )
        )
    for ref in facts.paragraph_references:
        marks.append(
            Mark(
                "paragraph-reference",
                ref.span,
                f"Refers to paragraph {ref.number} of this resolution",
                f"#para-{ref.number}",
            )
        )
    for clause in facts.clauses:
        marks.extend(_clause_marks(text, clause.span, clause.verb, clause.force, clause.addressees))
    return [mark for mark in marks if 0 <= mark.span[0] < mark.span[1] <= len(text)]


def _clause_marks(
    text: str, span: Span, verb: str, force: str, addressees: tuple[str, ...]
) -> list[Mark]:
    """The verb and each addressee, found by name inside the clause's span."""
    start, end = span
    clause_text = text[start:end]
    marks: list[Mark] = []
    found = _find_words(clause_text, verb)
    if found:
        marks.append(Mark("verb", _shift(found, start), f"Operative verb: {verb} ({force})"))
    for addressee in addressees:
        found = _find_words(clause_text, addressee)
        if found:
            marks.append(Mark("addressee", _shift(found, start), f"Addressee: {addressee}"))
    return marks


def _find_words(haystack: str, needle: str) -> Span | None:
    if not needle.strip():
        return None
    match = re.search(rf"\b{re.escape(needle)}\b", haystack, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _shift(span: Span, offset: int) -> Span:
    return (span[0] + offset, span[1] + offset)


def choose_marks(marks: list[Mark]) -> list[Mark]:
    """Non-overlapping marks in text order; on overlap the higher-priority kind wins."""
    ranked = sorted(marks, key=lambda m: (PRIORITY.index(m.kind), m.span[0], -m.span[1]))
    kept: list[Mark] = []
    for mark in ranked:
        if all(mark.span[1] <= k.span[0] or mark.span[0] >= k.span[1] for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.span)


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split ``text`` into plain and marked segments; joining them gives ``text`` back."""
    result: list[Segment] = []
    position = 0
    for mark in choose_marks(marks):
        start, end = mark.span
        if start > position:
            result.append(Segment(text[position:start]))
        result.append(Segment(text[start:end], mark))
        position = end
    if position < len(text):
        result.append(Segment(text[position:]))
    return result


def highlight(
    text: str, facts: Facts, *, link_for_symbol: dict[str, str] | None = None
) -> list[Segment]:
    """The provision's text as segments, each fact marked with what was extracted."""
    return segments(text, facts_to_marks(text, facts, link_for_symbol=link_for_symbol))
