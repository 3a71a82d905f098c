"""Task coding and the obligations register on hand-built paragraphs of S/2020/600."""

from __future__ import annotations

import csv
import io
import json

import pytest

from mandate_tracker.analyse import analyse_document, derive_obligations, strict_warnings
from mandate_tracker.analyse.register import (
    CSV_COLUMNS,
    obligation_to_dict,
    obligations_to_csv,
    obligations_to_markdown,
)
from mandate_tracker.model import Document, Obligation, Paragraph, PartialDate, walk_items
from mandate_tracker.parse import read_document
from tests.helpers import SEED
from tests.seed_paragraphs import SOURCES, analysed_seed, seed_document


@pytest.fixture(scope="module", params=SOURCES)
def seed(request: pytest.FixtureRequest) -> Document:
    return analysed_seed(request.param)


@pytest.fixture(scope="module")
def register(seed: Document) -> dict[str, Obligation]:
    return {o.id: o for o in derive_obligations(seed)}


def _task_pairs(seed: Document, anchor: str) -> set[tuple[str, str]]:
    for paragraph in seed.paragraphs:
        if paragraph.anchor == anchor:
            return {(t.task, t.modality) for t in paragraph.facts.tasks}
        for item in walk_items(paragraph.items):
            if item.anchor == anchor:
                return {(t.task, t.modality) for t in item.facts.tasks}
    raise KeyError(anchor)


TASK_CASES = [
    ("para-18", {("UseOfForce", "Security")}),
    # "with a view to protect civilians, reduce intercommunal violence, and re-establish State
    # authority": the mission protects civilians, it does not secure State authority
    (
        "para-19",
        {
            ("PeaceProcess", "Assist"),
            ("CivProtect", "Security"),
            ("LocalReconcil", "Assist"),
            ("StateAuthority", "Assist"),
        },
    ),
    ("para-28-c-i", {("CivProtect", "Security")}),
    ("para-28-a-iii-dash-1", {("Ceasefire", "Monitor"), ("Demil", "Monitor"), ("Demil", "Assist")}),
    ("para-28-d-iii", {("ElectAssist", "Assist"), ("ElectSec", "Security")}),
    ("para-28-e-ii", {("HumanRights", "Monitor"), ("SGBViolence", "Assist")}),
    ("para-62-i", {("PeaceProcess", "Monitor")}),  # a report's focus is monitored
    ("para-1", {("PeaceProcess", "Encouraged")}),  # asked of the parties, not the mission
    (
        "para-20",
        set(),
    ),  # "Stresses ... requests the SG to reflect this prioritization": nothing assigned
]


@pytest.mark.parametrize(("anchor", "expected"), TASK_CASES)
def test_task_codes(seed: Document, anchor: str, expected: set[tuple[str, str]]) -> None:
    assert _task_pairs(seed, anchor) == expected


def test_task_codes_keep_their_evidence(seed: Document) -> None:
    (code,) = seed.paragraph("18").facts.tasks
    assert code.evidence == ("all necessary means",)
    assert seed.paragraph("18").text[code.span[0] : code.span[1]] == "all necessary means"


def test_positions_are_not_coded(seed: Document) -> None:
    # Paragraph 46 "Strongly condemns attacks against peacekeepers" assigns the justice task only
    # in its requests (to the Government), not in its condemnation.
    assert {t.task for t in seed.paragraph("46").facts.tasks} <= {"JusticeReform", "ChildRights"}


def test_priority_measures_of_paragraphs_3_and_14(register: dict[str, Obligation]) -> None:
    for number, owner, count in (("3", "Malian parties", 4), ("14", "Malian authorities", 2)):
        dashes = [o for o in register.values() if o.source.anchor.startswith(f"para-{number}-dash")]
        measures = [o for o in dashes if o.kind == "priority-measure"]
        assert len(measures) == count
        assert {(o.owner, o.due) for o in measures} == {(owner, PartialDate(2021, 6, 30))}


def test_reports(register: dict[str, Obligation]) -> None:
    quarterly = register["S/2020/600#para-62#c1#report"]
    assert (quarterly.owner, quarterly.recurrence) == ("Secretary-General", "P3M")
    assert [f.split()[0] for f in quarterly.focus] == ["(i)", "(ii)", "(iii)", "(iv)"]
    letter = register["S/2020/600#para-63#c1#report"]
    assert (letter.owner, letter.recurrence, len(letter.focus)) == ("Secretary-General", "P6M", 3)
    roadmap = register["S/2020/600#para-64#c1#benchmark"]
    assert roadmap.due == PartialDate(2021, 3, 31)
    g5 = register["S/2020/600#para-38#c5#report"]
    assert (g5.owner, g5.due) == ("Secretary-General", PartialDate(2021, 4))
    update = register["S/2020/600#para-5#c5#report"]
    assert update.owner == "Secretary-General"
    assert update.due == PartialDate(2020, 9, 29)
    assert update.source.quote.startswith("requests the Secretary-General to include in his first")


def test_targets(register: dict[str, Obligation]) -> None:
    targets = {
        (o.targets[0].value, o.targets[0].comparator, o.owner)
        for o in register.values()
        if o.kind == "target"
    }
    assert targets == {
        (2000, ">=", "Malian parties"),
        (30, "=", "Malian parties"),  # 30 per cent of State revenues
        (30, "=", "All parties"),  # 30 per cent quota for women
        (13289, "<=", "MINUSMA"),
        (1920, "<=", "MINUSMA"),
    }
    member = register["S/2020/600#para-3-dash-1#priority-measure#target-1"]
    assert member.parent == "S/2020/600#para-3-dash-1#priority-measure"
    assert member.due == PartialDate(2021, 6, 30)


def test_mission_tasks_of_paragraphs_28_and_29(
    register: dict[str, Obligation], seed: Document
) -> None:
    for number in ("28", "29"):
        anchors = {i.anchor for i in walk_items(seed.paragraph(number).items)}
        tasks = {
            o.source.anchor: o
            for o in register.values()
            if o.kind == "mission-task" and o.source.paragraph == number
        }
        assert set(tasks) == anchors
        assert {o.owner for o in tasks.values()} == {"MINUSMA"}
    protect = register["S/2020/600#para-28-c-i#mission-task"]
    assert protect.parent == "S/2020/600#para-28-c#mission-task"
    assert ("CivProtect", "Security") in {(t.task, t.modality) for t in protect.tasks}


def test_decisions(register: dict[str, Obligation]) -> None:
    extension = register["S/2020/600#para-16#c1#decision"]
    assert (extension.owner, extension.due) == ("Security Council", PartialDate(2021, 6, 30))
    assert "S/2020/600#para-65#c1#decision" not in register  # "remain actively seized" is procedure


def test_ids_are_stable_and_unique(seed: Document) -> None:
    first = [o.id for o in derive_obligations(seed)]
    fresh = seed_document() if seed is analysed_seed("hand-built") else read_document(SEED)
    second = [o.id for o in derive_obligations(analyse_document(fresh))]
    assert first == second
    assert len(set(first)) == len(first)


def test_sources_quote_the_text(seed: Document, register: dict[str, Obligation]) -> None:
    for obligation in register.values():
        paragraph = seed.paragraph(obligation.source.paragraph)
        assert obligation.source.quote.strip()
        if obligation.source.anchor == paragraph.anchor:
            start, end = obligation.source.span
            assert paragraph.text[start:end] == obligation.source.quote


def test_register_formats(register: dict[str, Obligation]) -> None:
    obligations = list(register.values())
    as_json = json.loads(json.dumps([obligation_to_dict(o) for o in obligations]))
    quarterly = next(o for o in as_json if o["id"] == "S/2020/600#para-62#c1#report")
    assert quarterly["recurrence"] == "P3M" and quarterly["source"]["paragraph"] == "62"
    csv_text = obligations_to_csv(obligations)
    assert csv_text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert len(rows) == len(obligations) + 1
    assert rows[1][CSV_COLUMNS.index("quote")] == obligations[0].source.quote
    markdown = obligations_to_markdown(obligations, "S/2020/600")
    assert markdown.count("\n| S/2020/600#") == len(obligations)


def test_strict_warnings_name_the_paragraph() -> None:
    document = seed_document()
    document.paragraphs = [Paragraph("7", "Beseeches", "Beseeches the parties to talk;", "para-7")]
    analyse_document(document)
    assert strict_warnings(document) == [
        "paragraph 7: verb 'Beseeches' is not in the vocabulary (force unknown)"
    ]
    assert strict_warnings(analyse_document(seed_document())) == []


def test_inline_enumeration_stays_one_priority_measure(
    seed: Document, register: dict[str, Obligation]
) -> None:
    # "in particular: (i) resolve ..., (ii) create ..., (iii) set-up ... 30 per cent of State
    # revenues ..." is text of the second dash, not five items: one measure carrying its target.
    dash = seed.paragraph("3").items[1]
    assert dash.items == [] and "(v) fully establish" in dash.text
    measure = register["S/2020/600#para-3-dash-2#priority-measure"]
    assert [t.text for t in measure.targets] == ["30 per cent of State revenues"]
    assert {"LegalReform", "ElectAssist"} <= {t.task for t in measure.tasks}
    assert not [o for o in register.values() if o.source.anchor.startswith("para-3-dash-2-")]
