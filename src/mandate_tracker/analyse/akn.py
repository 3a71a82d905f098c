"""Akoma Ntoso 3.0 (the UN's AKN4UN profile) for an analysed document.

A resolution is a ``statement`` named ``resolution``: ``meta`` (FRBR identification),
``preface`` (symbol, date, title), ``preamble`` (one ``container`` per preambular paragraph)
and ``mainBody`` (one ``paragraph`` per operative paragraph; items become ``list``/``point``
with eIds such as ``para_28__list_1__point_c``). A section heading becomes an ``hcontainer``
named ``crossHeading`` holding only its ``heading``: the schema allows no bare
``crossHeading`` in a ``mainBody``. References to other documents become ``ref`` elements
pointing at the UN document system; references to paragraphs of the same document point at
their eId.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from mandate_tracker.model import Document, Facts, Item, Paragraph

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_A = f"{{{AKN_NS}}}"
UNDOCS = "https://undocs.org/en/"
_ROMAN = re.compile(r"^[ivxlcdm]+$")


def document_to_akn(doc: Document) -> bytes:
    """The document as Akoma Ntoso 3.0 XML (UTF-8, with declaration)."""
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS})
    statement = _sub(root, "statement", name="resolution")
    statement.append(_meta(doc))
    statement.append(_preface(doc))
    if doc.preamble:
        statement.append(_preamble(doc))
    statement.append(_main_body(doc))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def render_akn(doc: Document) -> str:
    """The Akoma Ntoso text for ``mandate parse --format akn``."""
    return document_to_akn(doc).decode("utf-8")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _A + tag, {k: v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _work_uri(doc: Document) -> str:
    day = doc.info.date.isoformat() if doc.info.date else "0000-00-00"
    number = re.sub(r"[^\w.-]+", "-", doc.info.symbol or doc.source_name).strip("-")
    return f"/akn/un/statement/resolution/{day}/{number}"


def _meta(doc: Document) -> etree._Element:
    meta = etree.Element(_A + "meta")
    ident = _sub(meta, "identification", source="#mandateTracker")
    work, day = _work_uri(doc), (doc.info.date or dt.date(1945, 10, 24)).isoformat()
    levels = (
        ("FRBRWork", work, "adoption"),
        ("FRBRExpression", f"{work}/eng@", "publication"),
        ("FRBRManifestation", f"{work}/eng@/main.xml", "generation"),
    )
    for tag, uri, date_name in levels:
        level = _sub(ident, tag)
        _sub(level, "FRBRthis", value=f"{uri}/!main" if tag != "FRBRManifestation" else uri)
        _sub(level, "FRBRuri", value=uri)
        _sub(level, "FRBRdate", date=day, name=date_name)
        _sub(level, "FRBRauthor", href="#securityCouncil")
        if tag == "FRBRWork":
            _sub(level, "FRBRcountry", value="un")
        if tag == "FRBRExpression":
            _sub(level, "FRBRlanguage", language="eng")
    references = _sub(meta, "references", source="#mandateTracker")
    _sub(references, "TLCOrganization", eId="securityCouncil",
         href="/ontology/organization/un/securityCouncil", showAs="Security Council")  # fmt: skip
    _sub(references, "TLCOrganization", eId="mandateTracker",
         href="/ontology/organization/mandateTracker", showAs="Mandate Tracker")  # fmt: skip
    return meta


def _preface(doc: Document) -> etree._Element:
    preface = etree.Element(_A + "preface")
    line = _sub(preface, "p")
    _sub(line, "docNumber", doc.info.symbol or doc.source_name)
    if doc.info.date:
        date = _sub(line, "docDate", f"{doc.info.date.day} {doc.info.date:%B %Y}")
        date.set("date", doc.info.date.isoformat())
        date.tail = ""
    title = _sub(preface, "p")
    _sub(title, "docType", doc.info.kind)
    if doc.info.subject:
        _sub(title, "docTitle", doc.info.subject)
    return preface


def _preamble(doc: Document) -> etree._Element:
    preamble = etree.Element(_A + "preamble")
    _sub(preamble, "p", "The Security Council,")
    for paragraph in doc.preamble:
        container = _sub(
            preamble,
            "container",
            name="preambularParagraph",
            eId=f"preamble__container_{paragraph.number}",
        )
        _inline(_sub(container, "p"), paragraph.text, paragraph.facts)
    return preamble


def _main_body(doc: Document) -> etree._Element:
    body = etree.Element(_A + "mainBody")
    headings: dict[str, list[str]] = {}
    for heading in doc.headings:
        headings.setdefault(heading.before, []).append(heading.title)
    count = 0
    for paragraph in doc.paragraphs:
        for title in headings.get(paragraph.number, []):
            count += 1
            heading = _sub(body, "hcontainer", name="crossHeading", eId=f"hcontainer_{count}")
            _sub(heading, "heading", title)
        body.append(_paragraph(paragraph))
    return body


def _paragraph(paragraph: Paragraph) -> etree._Element:
    eid = f"para_{_eid_part(paragraph.number)}"
    element = etree.Element(_A + "paragraph", eId=eid)
    _sub(element, "num", f"{paragraph.number}.")
    if not paragraph.items:
        _inline(_sub(_sub(element, "content"), "p"), paragraph.text, paragraph.facts)
        return element
    _inline(_sub(_sub(element, "intro"), "p"), paragraph.text, paragraph.facts)
    element.append(_list(paragraph.items, eid))
    if paragraph.tail:
        _sub(_sub(element, "wrapUp"), "p", paragraph.tail)
    return element


def _list(items: list[Item], parent_eid: str) -> etree._Element:
    eid = f"{parent_eid}__list_1"
    element = etree.Element(_A + "list", eId=eid)
    for index, item in enumerate(items, start=1):
        element.append(_point(item, eid, index))
    return element


def _point(item: Item, list_eid: str, index: int) -> etree._Element:
    eid = f"{list_eid}__point_{_label_part(item.label, index)}"
    element = etree.Element(_A + "point", eId=eid)
    _sub(element, "num", item.label)
    if item.title:
        _sub(element, "heading", item.title)
    if not item.items:
        _inline(_sub(_sub(element, "content"), "p"), item.text, item.facts)
        return element
    if item.text:
        _inline(_sub(_sub(element, "intro"), "p"), item.text, item.facts)
    element.append(_list(item.items, eid))
    return element


def _label_part(label: str, index: int) -> str:
    inner = label.strip().strip("()").strip(".").lower()
    return inner if re.fullmatch(r"[a-z0-9]+", inner) else str(index)


def _eid_part(number: str) -> str:
    return re.sub(r"[^\w-]+", "-", number).strip("-") or "x"


def _inline(p: etree._Element, text: str, facts: Facts) -> None:
    """Fill ``p`` with ``text``, wrapping references (external and internal) in ``ref``."""
    marks = [(r.span, UNDOCS + r.symbol) for r in facts.references]
    marks += [(r.span, f"#para_{_eid_part(r.number)}") for r in facts.paragraph_references]
    marks.sort()
    position, last = 0, None
    p.text = ""
    for (start, end), href in marks:
        if start < position:
            continue
        chunk = text[position:start]
        if last is None:
            p.text += chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = _sub(p, "ref", text[start:end], href=href)
        position = end
    rest = text[position:]
    if last is None:
        p.text += rest
    else:
        last.tail = (last.tail or "") + rest
