"""Text renderings of a parsed document: Markdown with stable anchors, and plain text.

``document_text`` writes the document back out in reading order (front matter, preamble,
headings, paragraphs, items, unclassified text); the no-loss tests compare it to the input.
"""

from __future__ import annotations

from collections.abc import Iterator

from mandate_tracker.model import Document, Item, Paragraph


def document_text(doc: Document) -> str:
    """Every piece of text the reader kept, in document order."""
    return "\n".join(_text_lines(doc))


def _text_lines(doc: Document) -> Iterator[str]:
    if doc.front_matter:
        yield doc.front_matter
    if doc.opening:
        yield doc.opening
    for preamble in doc.preamble:
        yield preamble.text
    headings = _headings_by_paragraph(doc)
    tail = [u for u in doc.unclassified]
    for paragraph in doc.paragraphs:
        yield from headings.get(paragraph.number, [])
        printed = paragraph.printed_as or paragraph.number
        yield f"{printed}. {paragraph.text}" if paragraph.numbered else paragraph.text
        yield from _item_lines(paragraph.items, depth=1, markdown=False)
        if paragraph.tail:
            yield paragraph.tail
    for unclassified in tail:
        yield unclassified.text


def _headings_by_paragraph(doc: Document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for heading in doc.headings:
        found.setdefault(heading.before, []).append(heading.title)
    return found


def _item_lines(items: list[Item], depth: int, markdown: bool) -> Iterator[str]:
    indent = "  " * (depth - 1)
    for item in items:
        anchor = f'<a id="{item.anchor}"></a>' if markdown else ""
        bullet = "- " if markdown else ""
        label = f"**{item.label}**" if markdown else item.label
        if item.title:
            title = f"*{item.title}*" if markdown else item.title
            yield f"{indent}{bullet}{anchor}{label} {title}"
            if item.text:
                yield f"{indent}  {item.text}" if markdown else item.text
        else:
            yield f"{indent}{bullet}{anchor}{label} {item.text}"
        yield from _item_lines(item.items, depth + 1, markdown)


def to_markdown(doc: Document) -> str:
    """Markdown with an anchor on every paragraph and item (``#para-28-c-ii``)."""
    info = doc.info
    title = info.symbol or doc.source_name
    lines = [f"# {title}", ""]
    meta = [
        ("Kind", info.kind),
        ("Date", info.date.isoformat() if info.date else None),
        ("Authors", ", ".join(info.authors) or None),
        ("Subject", info.subject),
    ]
    lines += [f"- **{name}:** {value}" for name, value in meta if value] + [""]
    lines += ["## Preamble", "", "The Security Council,", ""]
    for preamble in doc.preamble:
        lines += [f'<a id="{preamble.anchor}"></a>{preamble.text}', ""]
    lines += ["## Operative paragraphs", ""]
    headings = {h.before: [] for h in doc.headings}  # type: dict[str, list[tuple[int, str]]]
    for heading in doc.headings:
        headings[heading.before].append((heading.level, heading.title))
    for paragraph in doc.paragraphs:
        for level, heading_title in headings.get(paragraph.number, []):
            lines += [f"{'#' * (level + 2)} {heading_title}", ""]
        lines += _markdown_paragraph(paragraph)
    if doc.unclassified:
        lines += ["## Unclassified text", ""]
        lines += [f"- line {u.line} ({u.reason}): {u.text}" for u in doc.unclassified] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _markdown_paragraph(paragraph: Paragraph) -> list[str]:
    lines = [f'<a id="{paragraph.anchor}"></a>**{paragraph.number}.** {paragraph.text}', ""]
    if paragraph.items:
        lines += [*_item_lines(paragraph.items, depth=1, markdown=True), ""]
    return lines
