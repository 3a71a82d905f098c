"""Invariants of the analysis on generated paragraphs made of real resolution phrases."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from mandate_tracker.analyse import analyse_document, derive_obligations
from mandate_tracker.model import Document, DocumentInfo, Facts, Item, Paragraph
from tests.seed_paragraphs import PARAGRAPHS

# Pieces of the seed's operative text, cut at commas, to recombine into new paragraphs.
PHRASES = sorted(
    {piece.strip() for p in PARAGRAPHS for piece in p.text.split(",") if piece.strip()}
)
JOINS = [", ", "; ", ", and ", " and ", " ", " (", ") "]

paragraph_texts = st.lists(
    st.tuples(st.sampled_from(PHRASES), st.sampled_from(JOINS)), min_size=1, max_size=8
).map(lambda parts: "".join(phrase + join for phrase, join in parts))


def _document(texts: list[str]) -> Document:
    info = DocumentInfo("S/2099/1", "draft resolution", None, dt.date(2020, 6, 29), [], None)
    paragraphs = [
        Paragraph(
            str(n), text.split(" ")[0], text, f"para-{n}", items=[Item("(a)", text, f"para-{n}-a")]
        )
        for n, text in enumerate(texts, start=1)
    ]
    return Document(info, [], [], paragraphs)


def _spans_quote(text: str, facts: Facts) -> None:
    for clause in facts.clauses:
        assert text[clause.span[0] : clause.span[1]] == clause.text
    for fact in [*facts.deadlines, *facts.recurrences, *facts.targets, *facts.references]:
        assert text[fact.span[0] : fact.span[1]] == fact.text
    for ref in facts.paragraph_references:
        assert text[ref.span[0] : ref.span[1]] == ref.number
    for code in facts.tasks:
        assert text[code.span[0] : code.span[1]] == code.evidence[0]


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(paragraph_texts, min_size=1, max_size=4))
def test_every_fact_quotes_its_provision(texts: list[str]) -> None:
    document = analyse_document(_document(texts))
    for paragraph in document.paragraphs:
        _spans_quote(paragraph.text, paragraph.facts)
        _spans_quote(paragraph.items[0].text, paragraph.items[0].facts)
        clauses = paragraph.facts.clauses
        assert clauses and all(a.span[1] <= b.span[0] for a, b in pairwise(clauses))
    ids = [o.id for o in derive_obligations(document)]
    assert len(ids) == len(set(ids))


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.lists(paragraph_texts, min_size=1, max_size=3))
def test_analysis_is_idempotent(texts: list[str]) -> None:
    once = analyse_document(_document(texts))
    first = [p.facts for p in once.paragraphs]
    again = analyse_document(once)
    assert [p.facts for p in again.paragraphs] == first
