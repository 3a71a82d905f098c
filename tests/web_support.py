"""Helpers for web tests: a small resolution built from model objects, and logged-in clients."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from mandate_tracker.model import (
    Clause,
    Deadline,
    Document,
    DocumentInfo,
    Facts,
    Heading,
    Item,
    Paragraph,
    PartialDate,
    PreambleParagraph,
    Recurrence,
    Reference,
    Target,
)
from mandate_tracker.web.backend import ObligationView

PASSWORD = "correct horse battery staple"


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


def sample_document(symbol: str = "S/2020/600", hostile: str = "") -> Document:
    """Two operative paragraphs with facts whose spans are found in their real text."""
    p1 = (
        "Decides to extend the mandate of MINUSMA until 30 June 2021 and requests the "
        "Secretary-General to report every three months" + hostile
    )
    cut, second = p1.index(" and "), p1.index("requests")
    p1_facts = Facts(
        clauses=[
            Clause("Decides", "decision", ("MINUSMA",), p1[:cut], (0, cut)),
            Clause("requests", "request", ("Secretary-General",), p1[second:], (second, len(p1))),
        ],
        deadlines=[Deadline(PartialDate(2021, 6, 30), "30 June 2021", span_of(p1, "30 June 2021"))],
        recurrences=[Recurrence("P3M", "every three months", span_of(p1, "every three months"))],
    )
    item_text = "deploy at least 2,000 members in line with resolution 2374 (2017)"
    item_facts = Facts(
        targets=[
            Target(
                2000,
                "members",
                ">=",
                "at least 2,000 members",
                span_of(item_text, "at least 2,000 members"),
            )
        ],
        references=[
            Reference(
                "S/RES/2374(2017)",
                "resolution 2374 (2017)",
                span_of(item_text, "resolution 2374 (2017)"),
            )
        ],
    )
    p2 = "Requests MINUSMA to:"
    return Document(
        info=DocumentInfo(symbol, "draft resolution", None, None, ["France"], "Mali"),
        headings=[Heading("MINUSMA's mandate", 1, "2"), Heading("Priority tasks", 2, "2")],
        preamble=[PreambleParagraph(1, "Recalling", "Recalling its previous resolutions", "pre-1")],
        paragraphs=[
            Paragraph("1", "Decides", p1, "para-1", facts=p1_facts),
            Paragraph(
                "2",
                "Requests",
                p2,
                "para-2",
                heading="Priority tasks",
                items=[Item("(a)", item_text, "para-2-a", facts=item_facts)],
            ),
        ],
        source_name=f"{symbol}.txt",
    )


def sample_obligation(symbol: str = "S/2020/600", **changes: object) -> ObligationView:
    values: dict[str, object] = dict(
        id=f"{symbol}#para-1",
        document=symbol,
        kind="report",
        title="Report every three months",
        owner="Secretary-General",
        status="not started",
        paragraph="1",
        anchor="para-1",
        quote="requests the Secretary-General to report",
        section=None,
        due="2020-09-30",
        overdue=True,
        version=1,
    )
    values.update(changes)
    return ObligationView(**values)  # type: ignore[arg-type]


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(app: FastAPI, name: str, password: str = PASSWORD) -> TestClient:
    """A client whose session is logged in as ``name``."""
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"}
    )
    assert answer.status_code == 303, answer.text
    return client


def page_csrf(client: TestClient, path: str = "/") -> str:
    return csrf_of(client.get(path).text)
