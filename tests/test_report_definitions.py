"""Report definitions are read from the reporting paragraphs of the resolution itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mandate_tracker.errors import InputError, ValidationError
from mandate_tracker.model import Document, DocumentInfo, Item, Paragraph
from mandate_tracker.parse import read_document
from mandate_tracker.report.definitions import (
    find_report_definitions,
    load_refinement,
    paragraph_references,
    parse_refinement,
    report_definition,
    section_title,
)
from tests.helpers import SEED
from tests.report_inputs import seed_document


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_document(SEED)


def by_kind(doc: Document) -> dict[str, object]:
    return {d.kind: d for d in find_report_definitions(doc)}


def test_the_seed_asks_for_a_quarterly_report_a_letter_and_a_roadmap(seed: Document) -> None:
    found = [(d.kind, d.paragraph, d.recurrence_months) for d in find_report_definitions(seed)]
    assert found == [("quarterly", "62", 3), ("letter", "63", 6), ("roadmap", "64", None)]


def test_quarterly_sections_are_the_items_of_paragraph_62(seed: Document) -> None:
    quarterly = report_definition(seed, "quarterly")
    assert [s.label for s in quarterly.sections] == ["(i)", "(ii)", "(iii)", "(iv)"]
    assert quarterly.sections[0].anchor == "para-62-i"
    first, second = quarterly.sections[0], quarterly.sections[1]
    assert first.title == "Progress in the implementation of the Agreement"
    assert "priority measures referenced in paragraph 3" in first.quote
    assert first.paragraphs == ("3",)
    assert second.paragraphs == ("14",)


def test_the_data_file_refines_sections_the_text_leaves_open(seed: Document) -> None:
    quarterly = report_definition(seed, "quarterly")
    coordination = quarterly.sections[2]
    assert coordination.refined
    assert coordination.paragraphs == ("30", "31", "36", "37", "38", "39", "40", "41", "42")
    letter = report_definition(seed, "letter")
    # the provisions the text names come first and are kept
    assert letter.sections[1].paragraphs[0] == "49"
    assert letter.sections[2].paragraphs == ("24",)


def test_without_a_data_file_the_text_alone_gives_the_sections() -> None:
    doc = seed_document()
    doc.info.symbol = "S/2099/1"  # no refinement file for this symbol
    quarterly = report_definition(doc, "quarterly")
    assert [s.paragraphs for s in quarterly.sections] == [("3",), ("14",), (), ()]
    assert not any(s.refined for s in quarterly.sections)
    letter = report_definition(doc, "letter")
    assert [s.paragraphs for s in letter.sections] == [(), ("49",), ("24",)]


def test_the_roadmap_gets_its_sections_from_the_inline_list_of_benchmarks(seed: Document) -> None:
    roadmap = report_definition(seed, "roadmap")
    assert roadmap.due is not None and roadmap.due.isoformat() == "2021-03-31"
    quotes = [s.quote for s in roadmap.sections]
    assert quotes == [
        "progress in the implementation of the Agreement",
        "the redeployment of the reformed and reconstituted MDSF across the territory of Mali",
        "the full operationalization of the FC-G5S",
        "the implementation of MINUSMA's adaptation plan",  # the reader folds quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the priority measures referenced in paragraph 3 above,", ("3",)),
        ("the methodology referred to in paragraph 49, including", ("49",)),
        ("measures in paragraphs 30 to 32", ("30", "31", "32")),
        ("as requested in paragraph 4 of resolution 2480 (2019)", ()),
        ("paragraph 13 of its resolution 2391 (2017)", ()),
        ("on measures to improve external communication", ()),
    ],
)
def test_paragraph_references_in_an_item(text: str, expected: tuple[str, ...]) -> None:
    assert paragraph_references(text, []) == expected


def test_analysis_facts_win_over_the_fallback_reading() -> None:
    assert paragraph_references("paragraph 3 above", ["14"]) == ("14",)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("on measures to improve external communication of the mission;",
         "Measures to improve external communication of the mission"),
        ("an update on the implementation of the integrated strategic framework referred to in "
         "paragraph 24 above, encouraging that", "The implementation of the integrated strategic "
         "framework"),
    ],
)  # fmt: skip
def test_section_titles_are_the_head_of_the_item(text: str, title: str) -> None:
    assert section_title(text) == title


def test_a_document_without_reporting_paragraphs_says_so() -> None:
    info = DocumentInfo("S/2099/2", "resolution", None, None, [], None)
    para = Paragraph("1", "Decides", "Decides to remain seized of the matter.", "para-1")
    doc = Document(info=info, headings=[], preamble=[], paragraphs=[para], source_name="x.txt")
    with pytest.raises(InputError, match="asks for no quarterly report"):
        report_definition(doc, "quarterly")


def test_a_request_to_brief_is_not_a_written_report() -> None:
    para = Paragraph(
        "9", "Requests", "Requests the Secretary-General to brief the Council every three months "
        "on the situation;", "para-9",
    )  # fmt: skip
    info = DocumentInfo("S/2099/3", "resolution", None, None, [], None)
    doc = Document(info=info, headings=[], preamble=[], paragraphs=[para])
    assert find_report_definitions(doc) == []


def test_a_bad_refinement_file_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "S-2099-1.yaml"
    path.write_text(
        "document: S/2099/1\nreports:\n  quarterly:\n    '(i)':\n      paragraphs: [3-x]\n"
    )
    with pytest.raises(ValidationError) as caught:
        load_refinement("S/2099/1", path)
    assert "S-2099-1.yaml: reports.quarterly.(i)" in str(caught.value)
    with pytest.raises(ValidationError, match="unknown report kind 'weekly'"):
        parse_refinement({"document": "S/2099/1", "reports": {"weekly": {}}}, where="f.yaml")


def draft_document(text: str) -> Document:
    """The draft's own numbered paragraphs and (i)-items, one per line, as model objects."""
    paragraphs: list[Paragraph] = []
    for line in text.splitlines():
        numbered = re.match(r"(\d+)\.\s+(\S+)\s+(.*)", line)
        item = re.match(r"(\([ivx]+\))\s+(.*)", line)
        if numbered:
            number, verb, rest = numbered.groups()
            paragraphs.append(Paragraph(number, verb, f"{verb} {rest}", f"para-{number}"))
        elif item and paragraphs:
            label, rest = item.groups()
            anchor = f"{paragraphs[-1].anchor}-{label.strip('()')}"
            paragraphs[-1].items.append(Item(label=label, text=rest, anchor=anchor))
    info = DocumentInfo(None, "draft resolution", None, None, [], "Mali")
    return Document(info=info, headings=[], preamble=[], paragraphs=paragraphs)


@pytest.mark.corpus
def test_another_resolution_gets_sections_from_its_own_reporting_paragraph(
    shared_data: Path,
) -> None:
    """The 2022 MINUSMA draft (UNBench task3 index 8) reports on other areas than S/2020/600."""
    drafts = json.loads(
        (shared_data / "unsc-resolutions/unbench-drafts/data/task3.json").read_text()
    )
    doc = draft_document(drafts["drafts"][8])
    quarterly = report_definition(doc, "quarterly")
    assert quarterly.paragraph == "57"
    assert len(quarterly.sections) >= 4
    titles = [s.title for s in quarterly.sections]
    assert titles[0].startswith("The situation in Mali")
    assert titles[1].startswith("Coordination, exchange of information")
    assert titles[2] == "Overall performance"
    # no data file refines a draft without a symbol: every section comes from the text
    assert not any(s.refined for s in quarterly.sections)
