# ruff: noqa: E501  (verbatim resolution phrases read best on one line)
"""Clause splitting, force and addressees, pinned on contested paragraphs of S/2020/600."""

from __future__ import annotations

import pytest

from mandate_tracker.analyse import analyse_document
from mandate_tracker.model import Document, Paragraph
from tests.seed_paragraphs import SOURCES, analysed_seed, seed_document


@pytest.fixture(scope="module", params=SOURCES)
def seed(request: pytest.FixtureRequest) -> Document:
    return analysed_seed(request.param)


# (paragraph, [(verb as printed, force, addressees), ...])
CASES = [
    (
        "5",  # five clauses; the last is a reporting duty hidden in an "Encourages" paragraph
        [
            ("Encourages", "request", ("Panel of experts",)),
            ("expresses its intent", "position", ()),
            ("stresses", "position", ()),
            ("welcomes", "position", ()),
            ("requests", "request", ("Secretary-General",)),
        ],
    ),
    ("1", [("Urges", "request", ("Malian parties",))]),  # the defined term wins over its parts
    ("16", [("Decides", "decision", ("Security Council",))]),  # "Decides to ..." is the Council's
    ("17", [("Decides", "decision", ("MINUSMA",))]),  # "Decides that MINUSMA shall ..."
    ("29", [("Further authorizes", "decision", ("MINUSMA",))]),
    ("41", [("Authorizes", "decision", ("French forces",)), ("requests", "request", ("France",))]),
    (
        "49",  # "calls on him": the Secretary-General, named in the paragraph
        [
            ("Welcomes", "position", ()),
            ("recalls", "position", ()),
            ("reaffirms", "position", ()),
            ("calls on", "request", ("Secretary-General",)),
            ("notes", "position", ()),
        ],
    ),
    # "addressing ..., including the SRSG, in consultation with the Force Commander" is an aside
    ("63", [("Further requests", "request", ("Secretary-General",))]),
    ("64", [("Requests", "request", ("Secretary-General",))]),
    (
        "9",  # no infinitive after "Urges": exchanges are not an actor
        [
            ("Urges", "request", ()),
            ("acknowledges", "position", ()),
            ("recalls", "position", ()),
            ("calls on", "request", ("CSA members", "International partners")),
        ],
    ),
]


@pytest.mark.parametrize(("number", "expected"), CASES, ids=[c[0] for c in CASES])
def test_clauses(
    seed: Document, number: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    clauses = seed.paragraph(number).facts.clauses
    assert [(c.verb, c.force, c.addressees) for c in clauses] == expected


def test_clause_spans_quote_the_paragraph(seed: Document) -> None:
    paragraph = seed.paragraph("5")
    for clause in paragraph.facts.clauses:
        start, end = clause.span
        assert paragraph.text[start:end] == clause.text
    last = paragraph.facts.clauses[-1].text
    assert last.startswith("requests the Secretary-General to include in his first quarterly")
    assert last.endswith("an update on these measures")


def test_participles_do_not_start_clauses() -> None:
    paragraph = Paragraph(
        "1",
        "Stresses",
        "Stresses the need to act, urging the Malian authorities to act, recalling its "
        "resolution 2480 (2019), and requests the Secretary-General to report",
        "para-1",
    )
    document = seed_document()
    document.paragraphs = [paragraph]
    clauses = analyse_document(document).paragraphs[0].facts.clauses
    assert [c.verb for c in clauses] == ["Stresses", "requests"]


def test_unknown_opening_verb_is_kept_as_unknown() -> None:
    document = seed_document()
    document.paragraphs = [Paragraph("1", "Beseeches", "Beseeches the parties to talk;", "para-1")]
    clause = analyse_document(document).paragraphs[0].facts.clauses[0]
    assert (clause.verb, clause.force) == ("Beseeches", "unknown")


@pytest.mark.parametrize(
    ("text", "addressees"),
    [
        ("Requests the Kingdom of Nowhere to report to the Council", ("Kingdom of Nowhere",)),
        (
            "Calls upon the Plateforme armed group to act and upon the Coordination armed group to act",
            ("Plateforme", "Coordination"),
        ),
        (
            "Encourages the intensification of reconciliation initiatives with a view to prevent violence",
            (),
        ),
        (  # every further "and upon X to", each actor once
            "Calls upon the Plateforme armed group to act, and upon the Coordination armed group to act and upon the Government of Mali to help",
            ("Plateforme", "Coordination", "Government of Mali"),
        ),
        (
            "Calls upon the Plateforme armed group to act and upon the Plateforme armed group to act again",
            ("Plateforme",),
        ),
        (  # a parenthesis that defines no term
            "Requests the panel of experts established pursuant to resolution 2374 (2017) to report",
            ("Panel of experts",),
        ),
        ("Urges the armed groups (“the signatory groups”) to disarm", ("signatory groups",)),
        ("Demands that all armed groups reject violence", ("Armed groups",)),
        ("Decides to remain actively seized of the matter", ("Security Council",)),
    ],
)
def test_addressees(text: str, addressees: tuple[str, ...]) -> None:
    document = seed_document()
    document.paragraphs = [Paragraph("1", text.split()[0], text, "para-1")]
    (clause,) = analyse_document(document).paragraphs[0].facts.clauses
    assert clause.addressees == addressees
