"""The built-in example, S/2020/600, read exactly: pinned by a golden file and by hand."""

from __future__ import annotations

import json

import pytest

from mandate_tracker.ingest import clean
from mandate_tracker.model import Document, walk_items
from mandate_tracker.parse import document_from_dict, document_to_dict, read_document
from mandate_tracker.parse.render import document_text, to_markdown
from mandate_tracker.parse.schema import validate_document_json
from tests.helpers import ROOT, SEED, alnum

GOLDEN = ROOT / "tests" / "golden" / "S-2020-600.structure.json"


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_document(SEED)


def structure_only(doc: Document) -> dict[str, object]:
    data = document_to_dict(doc)
    data["source"] = "S-2020-600.txt"
    return data


def test_matches_the_golden_file(seed: Document) -> None:
    """Regenerate with `python scripts/regenerate_golden.py` after a deliberate change."""
    assert structure_only(seed) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_counts_and_document_info(seed: Document) -> None:
    assert len(seed.preamble) == 24
    assert [p.number for p in seed.paragraphs] == [str(n) for n in range(1, 66)]
    info = seed.info
    assert (info.symbol, info.kind, info.resolution_number) == (
        "S/2020/600",
        "draft resolution",
        None,
    )
    assert info.date is not None and info.date.isoformat() == "2020-06-29"
    assert (info.authors, info.subject) == (["France"], "Mali")
    assert seed.unclassified == []


@pytest.mark.parametrize(
    ("number", "verb"),
    [
        ("1", "Urges"),
        ("4", "Calls upon"),
        ("8", "Calls for"),
        ("16", "Decides"),
        ("18", "Authorizes"),
        ("29", "Further authorizes"),
        ("46", "Strongly condemns"),
        ("58", "Calls on"),
        ("63", "Further requests"),
        ("65", "Decides"),
    ],
)
def test_operative_verbs_as_printed(seed: Document, number: str, verb: str) -> None:
    assert seed.paragraph(number).verb == verb


def test_preamble_openings(seed: Document) -> None:
    verbs = [p.verb for p in seed.preamble]
    assert verbs[0] == "Recalling"
    assert verbs[5] == "Strongly condemning"
    assert verbs[21] == "Taking note"
    assert verbs[-1] == "Acting"


def test_headings_and_the_paragraph_they_precede(seed: Document) -> None:
    headings = [(h.title, h.level, h.before) for h in seed.headings]
    assert headings[0] == (
        "Implementation of the Agreement on Peace and Reconciliation in Mali",
        1,
        "1",
    )
    assert ("MINUSMA's mandate", 1, "16") in headings
    assert ("General principles", 2, "16") in headings
    assert ("Priority tasks", 1, "28") in headings
    assert ("Reports by the Secretary-General", 1, "62") in headings
    assert len(headings) == 16
    assert seed.paragraph("28").heading == "Priority tasks"
    assert seed.paragraph("17").heading == "General principles"


def test_paragraph_28_items_titles_and_nesting(seed: Document) -> None:
    items = seed.paragraph("28").items
    assert [i.label for i in items] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert items[0].title == (
        "Support to the implementation of the Agreement on Peace and Reconciliation in Mali"
    )
    assert items[2].title == "Protection of civilians"
    protection = items[2].items[1]
    assert protection.anchor == "para-28-c-ii"
    assert [i.label for i in protection.items] == ["–"] * 5
    assert protection.items[0].text.startswith("to strengthen early warning mechanisms")
    assert protection.items[0].text.endswith("MINUSMA's rate of response,")
    assert items[5].title == "Humanitarian assistance"
    assert items[5].text.startswith("In support of the Malian authorities, to contribute")
    assert items[5].items == []


def test_untitled_blocks_under_a_titled_item_stay_in_it(seed: Document) -> None:
    sanctions = seed.paragraph("29").items[1]
    assert sanctions.title == "Cooperation with Sanctions Committees"
    first, second = sanctions.text.split("\n")
    assert first.startswith("To assist and exchange information with the Sanctions Committee")
    assert second.startswith("To assist the 1267/1989/2253 ISIL (Da'esh)")


def test_inline_enumeration_is_text_not_items(seed: Document) -> None:
    reforms = seed.paragraph("3").items[1]
    assert reforms.items == []
    assert "in particular: (i) resolve outstanding issues" in reforms.text
    assert "and (v) fully establish newly created electoral districts" in reforms.text


@pytest.mark.parametrize(
    ("number", "labels"),
    [
        ("3", ["–"] * 4),
        ("14", ["–"] * 2),
        ("47", ["–"] * 7),
        ("62", ["(i)", "(ii)", "(iii)", "(iv)"]),
        ("63", ["(i)", "(ii)", "(iii)"]),
    ],
)
def test_item_lists(seed: Document, number: str, labels: list[str]) -> None:
    assert [i.label for i in seed.paragraph(number).items] == labels


def test_text_is_clean(seed: Document) -> None:
    texts = [p.text for p in seed.preamble] + [p.text for p in seed.paragraphs]
    texts += [i.text for p in seed.paragraphs for i in walk_items(p.items)]
    joined = "\n".join(texts)
    for artefact in (
        "undocs.org",
        "20-08606",
        "S/2020/600",
        "  ",
        "civi lians",
        "respon d",
        "intra -mission",
        " ,",
        "’",
        "“",
    ):
        assert artefact not in joined, artefact
    assert "ill-treatment of prisoners" in seed.preamble[14].text
    assert "Secretary-General" in seed.paragraph("41").text


def test_reading_loses_no_word(seed: Document) -> None:
    cleaned = clean(SEED.read_text(encoding="utf-8")).text
    assert alnum(document_text(seed)) == alnum(cleaned)


def test_json_matches_the_schema_and_round_trips(seed: Document) -> None:
    data = document_to_dict(seed)
    validate_document_json(data)
    assert document_from_dict(data) == seed


def test_markdown_has_stable_anchors(seed: Document) -> None:
    markdown = to_markdown(seed)
    assert '<a id="para-28"></a>**28.** Decides' in markdown
    assert '<a id="para-28-c-ii"></a>**(ii)**' in markdown
    assert '<a id="para-3-dash-2"></a>**–**' in markdown
    assert "#### General principles" in markdown
