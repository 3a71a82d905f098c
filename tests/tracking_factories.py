"""Hand-made resolutions and registers for the workspace tests.

They mirror S/2020/600 (MINUSMA, adopted 29 June 2020, mandate until 30 June 2021): a priority
measure with a numeric target, the quarterly report of paragraph 62, the six-monthly letter of
paragraph 63 and the roadmap due by 31 March 2021 (paragraph 64), plus a 2021 renewal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from mandate_tracker.model import (
    Document,
    DocumentInfo,
    Item,
    Obligation,
    Paragraph,
    PartialDate,
    Source,
    Target,
)
from mandate_tracker.store import Workspace
from mandate_tracker.track.documents import ImportResult, SourceFile, store_document


def resolution(symbol: str, adopted: dt.date, until: str, extra: str = "") -> Document:
    dash = (
        "vetting, integrating in the MDSF and training at least 2,000 members of the signatory "
        "armed groups"
    )
    return Document(
        info=DocumentInfo(symbol, "draft resolution", None, adopted, ["France"], "Mali"),
        headings=[],
        preamble=[],
        paragraphs=[
            Paragraph(
                "3",
                "Urges",
                "Urges the Malian parties to take the following measures before MINUSMA's "
                "mandate ends:",
                "para-3",
                items=[Item("–", dash, "para-3-dash-1")],
            ),
            Paragraph(
                "16",
                "Decides",
                f"Decides to extend the mandate of MINUSMA until {until};{extra}",
                "para-16",
            ),
            Paragraph(
                "62",
                "Requests",
                "Requests the Secretary-General to report to the Security Council every three "
                "months after the adoption of this resolution on MINUSMA's work;",
                "para-62",
            ),
            Paragraph(
                "63",
                "Requests",
                "Requests the Secretary-General to provide every six months a letter;",
                "para-63",
            ),
            Paragraph(
                "64",
                "Requests",
                "Requests the Secretary-General to present a roadmap by 31 March 2021;",
                "para-64",
            ),
        ],
        source_name=f"{symbol.replace('/', '-')}.txt",
    )


def register(doc: Document) -> list[Obligation]:
    symbol = doc.info.symbol
    mandate_end = doc.paragraph("16").text.split("until ")[1].rstrip(";")
    end_year = int(mandate_end.split()[-1])
    dash = doc.paragraphs[0].items[0]
    target = Target(2000, "members", ">=", "at least 2,000 members", (60, 82), "members")
    return [
        Obligation(
            f"{symbol}#para-3-dash-1",
            "priority-measure",
            "Integrate at least 2,000 members of the signatory armed groups in the MDSF",
            "Malian parties",
            Source("3", "para-3-dash-1", (0, len(dash.text)), dash.text),
            due=PartialDate(end_year, 6, 30),
            targets=(target,),
        ),
        Obligation(
            f"{symbol}#para-62",
            "report",
            "Quarterly report on MINUSMA's work",
            "Secretary-General",
            Source("62", "para-62", (0, 60), doc.paragraph("62").text[:60]),
            recurrence="P3M",
        ),
        Obligation(
            f"{symbol}#para-63",
            "report",
            "Six-monthly letter",
            "Secretary-General",
            Source("63", "para-63", (0, 40), doc.paragraph("63").text[:40]),
            recurrence="P6M",
        ),
        Obligation(
            f"{symbol}#para-64",
            "benchmark",
            "Roadmap of measurable benchmarks",
            "Secretary-General",
            Source("64", "para-64", (0, 40), doc.paragraph("64").text[:40]),
            due=PartialDate(end_year, 3, 31),
        ),
    ]


def content_of(doc: Document) -> dict[str, Any]:
    """A JSON-ready dict of the document (stands in for parse.document_to_dict)."""
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(doc), default=str))
    return data


def source_of(doc: Document, marker: str = "") -> SourceFile:
    text = " ".join(p.text for p in doc.paragraphs) + marker
    return SourceFile(doc.source_name, text.encode("utf-8"))


SEED_LIKE = ("S/2020/600", dt.date(2020, 6, 29), "30 June 2021")
RENEWAL = ("S/2021/570", dt.date(2021, 6, 29), "30 June 2022")


def import_into(
    workspace: Workspace, spec: tuple[str, dt.date, str] = SEED_LIKE, *, actor: str = "tester"
) -> ImportResult:
    doc = resolution(*spec)
    with workspace.session() as session:
        return store_document(
            session, doc, content_of(doc), register(doc), source_of(doc), actor=actor
        )


def table_contents(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every workspace table, in primary-key order (to compare whole states)."""
    from sqlalchemy import select

    from mandate_tracker.store.models import Base

    contents: dict[str, list[tuple[Any, ...]]] = {}
    with workspace.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            contents[table.name] = [tuple(row) for row in connection.execute(query)]
    return contents
