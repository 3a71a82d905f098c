"""The mandate reader: a document laid out for reading, with its facts marked.

:func:`reader_view` turns a :class:`~mandate_tracker.model.Document` into a tree of plain
values the template walks: sections by heading, paragraphs and items with their anchors and
highlighted segments. No HTML is built here; the template escapes every piece of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mandate_tracker.errors import NotFoundError
from mandate_tracker.model import Document, Facts, Item, Paragraph, walk_items
from mandate_tracker.web.highlight import Segment, highlight


@dataclass(frozen=True)
class ProvisionView:
    anchor: str
    label: str  # "28" for a paragraph, "(a)" for an item
    title: str | None
    segments: list[Segment]
    items: list[ProvisionView] = field(default_factory=list)
    tail: list[Segment] = field(default_factory=list)
    fact_count: int = 0


@dataclass(frozen=True)
class HeadingView:
    title: str
    level: int
    anchor: str  # "heading-3": the fourth heading of the document


@dataclass(frozen=True)
class SectionView:
    headings: list[HeadingView]  # the headings that open it (none for the first, untitled part)
    paragraphs: list[ProvisionView]


@dataclass(frozen=True)
class ReaderView:
    symbol: str
    title: str
    toc: list[HeadingView]
    preamble: list[ProvisionView]
    sections: list[SectionView]
    unclassified: list[str]


def _count(facts: Facts) -> int:
    return (
        len(facts.clauses)
        + len(facts.deadlines)
        + len(facts.recurrences)
        + len(facts.targets)
        + len(facts.references)
        + len(facts.paragraph_references)
    )


def _item_view(item: Item, links: dict[str, str]) -> ProvisionView:
    return ProvisionView(
        anchor=item.anchor,
        label=item.label,
        title=item.title,
        segments=highlight(item.text, item.facts, link_for_symbol=links),
        items=[_item_view(child, links) for child in item.items],
        fact_count=_count(item.facts),
    )


def _paragraph_view(paragraph: Paragraph, links: dict[str, str]) -> ProvisionView:
    tail = [Segment(paragraph.tail)] if paragraph.tail else []
    return ProvisionView(
        anchor=paragraph.anchor,
        label=paragraph.number,
        title=None,
        segments=highlight(paragraph.text, paragraph.facts, link_for_symbol=links),
        items=[_item_view(item, links) for item in paragraph.items],
        tail=tail,
        fact_count=_count(paragraph.facts),
    )


def document_title(doc: Document) -> str:
    info = doc.info
    symbol = info.symbol or doc.source_name
    if info.resolution_number:
        return f"Resolution {info.resolution_number} ({symbol})"
    subject = f" on {info.subject}" if info.subject else ""
    return f"{info.kind.capitalize()} {symbol}{subject}"


def headings(doc: Document) -> list[HeadingView]:
    """Every heading with its anchor, in order: the table of contents."""
    return [HeadingView(h.title, h.level, f"heading-{i}") for i, h in enumerate(doc.headings)]


def reader_view(doc: Document, links: dict[str, str]) -> ReaderView:
    """The document as sections of highlighted provisions; ``links`` maps symbols to URLs."""
    by_paragraph: dict[str, list[HeadingView]] = {}
    for heading, view in zip(doc.headings, headings(doc), strict=True):
        by_paragraph.setdefault(heading.before, []).append(view)
    sections: list[SectionView] = []
    current = SectionView(headings=[], paragraphs=[])
    for paragraph in doc.paragraphs:
        starting = by_paragraph.get(paragraph.number)
        if starting:
            if current.paragraphs or current.headings:
                sections.append(current)
            current = SectionView(headings=starting, paragraphs=[])
        current.paragraphs.append(_paragraph_view(paragraph, links))
    if current.paragraphs or current.headings:
        sections.append(current)
    preamble = [
        ProvisionView(
            anchor=p.anchor,
            label=str(p.number),
            title=None,
            segments=highlight(p.text, p.facts, link_for_symbol=links),
            fact_count=_count(p.facts),
        )
        for p in doc.preamble
    ]
    return ReaderView(
        symbol=doc.info.symbol or doc.source_name,
        title=document_title(doc),
        toc=headings(doc),
        preamble=preamble,
        sections=sections,
        unclassified=[u.text for u in doc.unclassified],
    )


@dataclass(frozen=True)
class ProvisionFacts:
    """What the side panel shows for one provision."""

    anchor: str
    paragraph: str
    label: str
    text: str
    facts: Facts


def find_provision(doc: Document, anchor: str) -> ProvisionFacts:
    """The paragraph, item or preamble paragraph with this anchor."""
    for paragraph in doc.paragraphs:
        if paragraph.anchor == anchor:
            return ProvisionFacts(
                anchor, paragraph.number, paragraph.number, paragraph.text, paragraph.facts
            )
        for item in walk_items(paragraph.items):
            if item.anchor == anchor:
                return ProvisionFacts(
                    anchor,
                    paragraph.number,
                    f"{paragraph.number} {item.label}",
                    item.text,
                    item.facts,
                )
    for pre in doc.preamble:
        if pre.anchor == anchor:
            return ProvisionFacts(anchor, "", f"preamble {pre.number}", pre.text, pre.facts)
    raise NotFoundError(
        f"no paragraph or item with anchor {anchor!r}", where=doc.info.symbol or doc.source_name
    )
