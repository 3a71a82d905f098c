"""The JSON contract (``../shared/design/mandate-json.md``): Document ↔ plain dicts.

Contract fields keep their names and meanings; fields beyond the contract (``anchor``, ``line``,
``span``, ``evidence``, ``unclassified`` ...) are additions, which the contract allows.
``document_from_dict(document_to_dict(doc)) == doc`` for every document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from mandate_tracker.model import (
    Clause,
    Deadline,
    Document,
    DocumentInfo,
    Facts,
    Force,
    Heading,
    Item,
    Paragraph,
    ParagraphReference,
    PartialDate,
    PreambleParagraph,
    Recurrence,
    Reference,
    Target,
    TaskCode,
    Unclassified,
)

JSON = dict[str, Any]


def document_to_dict(doc: Document) -> JSON:
    info = doc.info
    return {
        "document": {
            "symbol": info.symbol,
            "kind": info.kind,
            "resolution_number": info.resolution_number,
            "date": info.date.isoformat() if info.date else None,
            "authors": list(info.authors),
            "subject": info.subject,
        },
        "headings": [
            {"title": h.title, "level": h.level, "before": h.before} for h in doc.headings
        ],
        "preamble": [
            {
                "number": p.number,
                "verb": p.verb,
                "text": p.text,
                "anchor": p.anchor,
                "line": p.line,
                **facts_to_dict(p.facts),
            }
            for p in doc.preamble
        ],
        "paragraphs": [paragraph_to_dict(p) for p in doc.paragraphs],
        "unclassified": [
            {"text": u.text, "line": u.line, "reason": u.reason} for u in doc.unclassified
        ],
        "link_targets": list(doc.link_targets),
        "source": doc.source_name,
        "front_matter": doc.front_matter,
        "opening": doc.opening,
    }


def paragraph_to_dict(paragraph: Paragraph) -> JSON:
    return {
        "number": paragraph.number,
        "heading": paragraph.heading,
        "verb": paragraph.verb,
        "text": paragraph.text,
        "anchor": paragraph.anchor,
        "line": paragraph.line,
        "numbered": paragraph.numbered,
        "printed_as": paragraph.printed_as,
        **facts_to_dict(paragraph.facts),
        "items": [item_to_dict(item) for item in paragraph.items],
    }


def item_to_dict(item: Item) -> JSON:
    return {
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "anchor": item.anchor,
        **facts_to_dict(item.facts),
        "items": [item_to_dict(child) for child in item.items],
    }


def facts_to_dict(facts: Facts) -> JSON:
    return {
        "clauses": [
            {
                "verb": c.verb,
                "force": c.force,
                "addressees": list(c.addressees),
                "text": c.text,
                "span": list(c.span),
            }
            for c in facts.clauses
        ],
        "deadlines": [
            {
                "date": str(d.date),
                "text": d.text,
                "span": list(d.span),
                "resolved_from": d.resolved_from,
            }
            for d in facts.deadlines
        ],
        "recurrences": [
            {"interval": r.interval, "text": r.text, "span": list(r.span)}
            for r in facts.recurrences
        ],
        "targets": [
            {
                "value": _number(t.value),
                "unit": t.unit,
                "comparator": t.comparator,
                "text": t.text,
                "span": list(t.span),
                "subject": t.subject,
            }
            for t in facts.targets
        ],
        "references": [
            {"symbol": r.symbol, "text": r.text, "span": list(r.span), "pinpoint": r.pinpoint}
            for r in facts.references
        ],
        "paragraph_references": [r.number for r in facts.paragraph_references],
        "paragraph_reference_spans": [
            {"number": r.number, "text": r.text, "span": list(r.span)}
            for r in facts.paragraph_references
        ],
        "tasks": [
            {
                "task": t.task,
                "modality": t.modality,
                "evidence": list(t.evidence),
                "span": list(t.span),
            }
            for t in facts.tasks
        ],
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _span(value: Any) -> tuple[int, int]:
    start, end = value
    return int(start), int(end)


def facts_from_dict(data: JSON) -> Facts:
    return Facts(
        clauses=[
            Clause(
                verb=c["verb"],
                force=cast(Force, c["force"]),
                addressees=tuple(c["addressees"]),
                text=c["text"],
                span=_span(c["span"]),
            )
            for c in data.get("clauses", [])
        ],
        deadlines=[
            Deadline(
                date=PartialDate.parse(d["date"]),
                text=d["text"],
                span=_span(d["span"]),
                resolved_from=d.get("resolved_from"),
            )
            for d in data.get("deadlines", [])
        ],
        recurrences=[
            Recurrence(interval=r["interval"], text=r["text"], span=_span(r["span"]))
            for r in data.get("recurrences", [])
        ],
        targets=[
            Target(
                value=float(t["value"]),
                unit=t["unit"],
                comparator=t["comparator"],
                text=t["text"],
                span=_span(t["span"]),
                subject=t.get("subject"),
            )
            for t in data.get("targets", [])
        ],
        references=[
            Reference(
                symbol=r["symbol"],
                text=r["text"],
                span=_span(r["span"]),
                pinpoint=r.get("pinpoint"),
            )
            for r in data.get("references", [])
        ],
        paragraph_references=[
            ParagraphReference(number=r["number"], text=r["text"], span=_span(r["span"]))
            for r in data.get("paragraph_reference_spans", [])
        ],
        tasks=[
            TaskCode(
                task=t["task"],
                modality=t["modality"],
                evidence=tuple(t.get("evidence", ())),
                span=_span(t.get("span", (0, 0))),
            )
            for t in data.get("tasks", [])
        ],
    )


def item_from_dict(data: JSON) -> Item:
    return Item(
        label=data["label"],
        text=data["text"],
        anchor=data["anchor"],
        title=data.get("title"),
        items=[item_from_dict(child) for child in data.get("items", [])],
        facts=facts_from_dict(data),
    )


def document_from_dict(data: JSON) -> Document:
    meta = data["document"]
    info = DocumentInfo(
        symbol=meta.get("symbol"),
        kind=meta.get("kind", "unknown"),
        resolution_number=meta.get("resolution_number"),
        date=dt.date.fromisoformat(meta["date"]) if meta.get("date") else None,
        authors=list(meta.get("authors", [])),
        subject=meta.get("subject"),
    )
    return Document(
        info=info,
        headings=[Heading(h["title"], h["level"], h["before"]) for h in data.get("headings", [])],
        preamble=[
            PreambleParagraph(
                number=p["number"],
                verb=p["verb"],
                text=p["text"],
                anchor=p["anchor"],
                line=p.get("line"),
                facts=facts_from_dict(p),
            )
            for p in data.get("preamble", [])
        ],
        paragraphs=[
            Paragraph(
                number=p["number"],
                verb=p["verb"],
                text=p["text"],
                anchor=p["anchor"],
                heading=p.get("heading"),
                items=[item_from_dict(i) for i in p.get("items", [])],
                line=p.get("line"),
                facts=facts_from_dict(p),
                numbered=p.get("numbered", True),
                printed_as=p.get("printed_as"),
            )
            for p in data.get("paragraphs", [])
        ],
        unclassified=[
            Unclassified(u["text"], u["line"], u["reason"]) for u in data.get("unclassified", [])
        ],
        link_targets=list(data.get("link_targets", [])),
        source_name=data.get("source", "<text>"),
        front_matter=data.get("front_matter", ""),
        opening=data.get("opening", "The Security Council,"),
    )
