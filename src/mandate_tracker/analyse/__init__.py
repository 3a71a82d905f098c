"""Pipeline stage: analyse. Fill every provision's :class:`~mandate_tracker.model.Facts`.

:func:`analyse_document` finds, in every operative paragraph and item (recursively): its
operative clauses with force and addressees, deadlines, recurrences, targets, references to
other documents and to paragraphs of this one, and PEMA task codes; in every preambular
paragraph, its references. :func:`derive_obligations` turns the analysed document into the
obligations register. The rules are documented in ``docs/analysis.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from mandate_tracker.analyse.actors import addressees
from mandate_tracker.analyse.clauses import clause_bounds, clause_starts, opens_with_known_verb
from mandate_tracker.analyse.dates import DateContext, deadlines, mandate_end, recurrences
from mandate_tracker.analyse.digits import has_digit
from mandate_tracker.analyse.obligations import derive_obligations, is_reporting
from mandate_tracker.analyse.references import paragraph_references, references, resolution_years
from mandate_tracker.analyse.targets import targets
from mandate_tracker.analyse.tasks import Segment, code_tasks
from mandate_tracker.analyse.vocabulary import actors
from mandate_tracker.model import Clause, Document, Facts, Item, Paragraph, walk_items

__all__ = ["analyse_document", "derive_obligations", "strict_warnings"]

_ASSIGNING = ("decision", "request")
_MISSION_SIDE = ("mission", "secretariat")


@dataclass(frozen=True)
class _Context:
    dates: DateContext
    years: dict[str, str]


def analyse_document(doc: Document) -> Document:
    """Fill ``facts`` on every provision of ``doc`` in place and return it."""
    operative = [t for p in doc.paragraphs for t in _texts(p)]  # items walked once
    context = _Context(
        dates=DateContext(doc.info.date, mandate_end(operative)),
        years=resolution_years([p.text for p in doc.preamble] + operative),
    )
    for preamble in doc.preamble:
        cited = references(preamble.text, context.years) if has_digit(preamble.text) else []
        preamble.facts = Facts(references=cited)
    for paragraph in doc.paragraphs:
        _analyse_paragraph(paragraph, context)
    return doc


def strict_warnings(doc: Document) -> list[str]:
    """One warning per operative paragraph or clause whose verb the vocabulary does not know."""
    warnings: list[str] = []
    for paragraph in doc.paragraphs:
        unknown = [c for c in paragraph.facts.clauses if c.force == "unknown"]
        if not paragraph.facts.clauses:
            warnings.append(f"paragraph {paragraph.number}: no operative clause found")
        for clause in unknown:
            warnings.append(
                f"paragraph {paragraph.number}: verb {clause.verb!r} is not in the vocabulary "
                "(force unknown)"
            )
    return warnings


def _texts(paragraph: Paragraph) -> list[str]:
    return [paragraph.text] + [item.text for item in walk_items(paragraph.items)]


def _analyse_paragraph(paragraph: Paragraph, context: _Context) -> None:
    lower = paragraph.text.lower()  # once, for every extractor's case-blind tests
    clauses = _clauses(paragraph.text, lower, paragraph.verb)
    segments = [_segment(c) for c in clauses if c.force in _ASSIGNING]
    paragraph.facts = _facts(paragraph.text, lower, context, clauses, segments)
    # Every item under the paragraph is governed by its last clause, judged once: its segment
    # is the last one when it assigns work.
    assigning = bool(clauses) and clauses[-1].force in _ASSIGNING
    template = segments[-1] if assigning else None
    for item in paragraph.items:
        _analyse_item(item, template, context)


def _analyse_item(item: Item, governing: Segment | None, context: _Context) -> None:
    """``governing``: the assigning clause the item is listed under, as a segment to be
    stretched over the item's whole text; None when that clause assigns nothing."""
    lower = item.text.lower()  # once, for every extractor's case-blind tests
    own = _clauses(item.text, lower, None) if opens_with_known_verb(item.text, lower=lower) else []
    segments: list[Segment] = []
    if governing is not None:
        segments.append(Segment((0, len(item.text)), governing.mission, governing.reporting))
    item.facts = _facts(item.text, lower, context, own, segments)
    for child in item.items:
        _analyse_item(child, governing, context)


def _facts(
    text: str, lower: str, context: _Context, clauses: list[Clause], segments: list[Segment]
) -> Facts:
    """``lower`` is ``text.lower()``. Targets and references of either kind all hold a digit,
    as do printed dates: most provisions hold none and skip those scans (analyse/digits.py)."""
    numbered = has_digit(text)
    return Facts(
        clauses=clauses,
        deadlines=deadlines(text, context.dates, lower=lower, numbered=numbered),
        recurrences=recurrences(text, lower=lower),
        targets=targets(text, lower=lower) if numbered else [],
        references=references(text, context.years) if numbered else [],
        paragraph_references=paragraph_references(text, lower=lower) if numbered else [],
        tasks=code_tasks(text, segments, lower),
    )


def _clauses(text: str, lower: str, opening_verb: str | None) -> list[Clause]:
    starts = clause_starts(text, opening_verb, lower=lower)
    found: list[Clause] = []
    for start, (begin, end) in zip(starts, clause_bounds(text, starts), strict=True):
        clause_text = text[begin:end]
        who = addressees(clause_text, start.end - begin, start.force, text)
        found.append(Clause(start.verb, start.force, tuple(who), clause_text, (begin, end)))
    return found


def _segment(clause: Clause) -> Segment:
    return Segment(clause.span, _mission_side(clause.addressees), is_reporting(clause))


def _mission_side(names: tuple[str, ...]) -> bool:
    """Whether any of ``names`` is a registered peace operation or the Secretariat."""
    return not _mission_side_names().isdisjoint(names)


@cache
def _mission_side_names() -> frozenset[str]:
    # One set test per clause instead of a registry look-up per addressee.
    return frozenset(n for n, actor in actors().named.items() if actor.kind in _MISSION_SIDE)
