"""Building a report: sections pull their provisions' data as it stood at the cut-off."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mandate_tracker.model import Document
from mandate_tracker.parse import read_document
from mandate_tracker.report.build import build_report
from mandate_tracker.report.definitions import report_definition
from mandate_tracker.report.model import Report
from mandate_tracker.report.periods import mandate_of, select_period
from mandate_tracker.report.workspace import WorkspaceView
from tests.helpers import SEED
from tests.report_inputs import seed_workspace

D = dt.date


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_document(SEED)


def quarterly(
    doc: Document,
    workspace: WorkspaceView,
    *,
    period: str | None = None,
    as_of: dt.date | None = None,
) -> Report:
    definition = report_definition(doc, "quarterly")
    mandate = mandate_of(doc)
    chosen = select_period(definition, mandate, period=period, as_of=as_of)
    return build_report(doc, definition, mandate, chosen, workspace, chart_maker=None)


def test_section_i_carries_the_obligations_and_indicators_of_paragraph_3(seed: Document) -> None:
    report = quarterly(seed, seed_workspace(), period="2021Q1")
    first = report.sections[0]
    assert [o.source for o in first.obligations] == ["para-3-dash-1", "para-3-dash-4"]
    assert [t.indicator for t in first.targets] == ["P3-DDR", "P3-WOMEN"]
    assert report.sections[1].obligations[0].source == "para-14-dash-1"
    assert report.sections[1].targets == ()


def test_the_as_of_report_shows_only_values_recorded_before_the_date(seed: Document) -> None:
    # The December figures (period ending 2020-12-28) were entered on 5 and 6 January 2021.
    before = quarterly(seed, seed_workspace(), as_of=D(2021, 1, 4)).sections[0]
    after = quarterly(seed, seed_workspace(), as_of=D(2021, 1, 7)).sections[0]
    ddr_before = next(t for t in before.targets if t.indicator == "P3-DDR")
    ddr_after = next(t for t in after.targets if t.indicator == "P3-DDR")
    assert (ddr_before.latest, ddr_before.latest_period) == (300, "2020-09-28")
    assert (ddr_after.latest, ddr_after.latest_period) == (650, "2020-12-28")
    women_before = next(t for t in before.targets if t.indicator == "P3-WOMEN")
    assert women_before.latest == 8


def test_a_report_by_period_takes_late_figures_for_the_period_a_rebuilt_one_does_not(
    seed: Document,
) -> None:
    # December's figures (period ending 2020-12-28) were entered in January
    by_period = quarterly(seed, seed_workspace(), period="2020Q4").sections[0]
    rebuilt = quarterly(seed, seed_workspace(), as_of=D(2020, 12, 28)).sections[0]
    assert [t.latest for t in by_period.targets] == [650, 18]
    assert [t.latest for t in rebuilt.targets] == [300, 8]


def test_statuses_are_those_in_force_on_the_day(seed: Document) -> None:
    early = quarterly(seed, seed_workspace(), as_of=D(2020, 10, 1))
    late = quarterly(seed, seed_workspace(), period="2021Q1")
    status = {o.source: o.status for o in early.sections[0].obligations}
    assert status == {"para-3-dash-1": "in-progress", "para-3-dash-4": "open"}
    assert {o.status for o in late.sections[0].obligations} == {"done", "in-progress"}


def test_each_report_has_its_own_narrative_shown_as_it_stood_when_rebuilt_as_of(
    seed: Document,
) -> None:
    def narrative(**choice: Any) -> str:
        return quarterly(seed, seed_workspace(), **choice).sections[0].narrative

    # report 2 by its period: its latest draft, even if written after the cut-off
    assert narrative(period="2020Q4") == "Integration picked up."
    # report 2 rebuilt as of a day: the draft of that day
    assert narrative(as_of=D(2020, 12, 21)) == "Slow start of the DDR."
    assert narrative(as_of=D(2020, 10, 1)) == ""
    # report 3 has its own text
    assert narrative(period="2021Q1") == "Integration picked up in December."


def test_changes_since_the_previous_report(seed: Document) -> None:
    report = quarterly(seed, seed_workspace(), period="2021Q1")  # report 3, cut-off 2021-03-28
    changes = {(c.subject, c.field): (c.before, c.after) for c in report.sections[0].changes}
    assert changes[("Integrate at least 2,000 members in the MDSF", "status")] == (
        "in-progress",
        "done",
    )
    # December's figure (period ending 2020-12-28) against March's
    latest = changes[("Members of armed groups integrated in the MDSF", "latest value")]
    assert latest == ("650 members", "900 members")
    first = quarterly(seed, seed_workspace(), period="2020Q3")
    assert first.sections[0].changes == ()
    assert "first report" in first.sections[0].changes_note


def test_target_status_is_the_workspace_rule(seed: Document) -> None:
    report = quarterly(seed, seed_workspace(), period="2021Q1")
    status = {t.indicator: t.status for t in report.sections[0].targets}
    # the workspace's rule: 900 of 2,000 on 28 March lags the plan (1,486) by 29 per cent of
    # the way; 18 per cent on 28 December (from 3, aiming at 30) is ahead of the plan (16.4)
    assert status == {"P3-DDR": "off-track", "P3-WOMEN": "on-track"}


def test_an_empty_workspace_gives_a_report_whose_sections_say_they_are_empty(
    seed: Document,
) -> None:
    report = quarterly(seed, WorkspaceView(document_symbol="S/2020/600"), period="2020Q4")
    assert len(report.sections) == 4
    assert "holds no obligations or indicators" in report.notes[0]
    assert all(s.empty_message for s in report.sections)
    assert "paragraph 3" in report.sections[0].empty_message
    assert "paragraphs 30, 31, 36" in report.sections[2].empty_message


def test_with_the_derived_register_section_i_lists_the_four_priority_measures() -> None:
    from mandate_tracker.analyse import analyse_document, derive_obligations
    from mandate_tracker.report.workspace import TrackedObligation

    doc = analyse_document(read_document(SEED))
    register = tuple(TrackedObligation(o) for o in derive_obligations(doc))
    workspace = WorkspaceView(document_symbol="S/2020/600", obligations=register)
    report = quarterly(doc, workspace, period="2020Q4")
    first, second = report.sections[0], report.sections[1]
    assert [o.source for o in first.obligations] == [f"para-3-dash-{n}" for n in range(1, 5)]
    assert {o.owner for o in first.obligations} == {"Malian parties"}
    assert {o.due for o in first.obligations} == {"2021-06-30"}
    assert [o.source for o in second.obligations] == ["para-14-dash-1", "para-14-dash-2"]
    assert first.empty_message == "" and first.targets == ()
