"""Reports from a real workspace: the seed imported, indicators, approved values, narratives.

The audit clock is set by hand so that values are entered, approved and edited on known days;
"as of" reports must then show exactly what had been recorded by the end of the day asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from mandate_tracker.errors import ConflictError, InputError
from mandate_tracker.report import Section, prepare_report
from mandate_tracker.report.from_store import StoreWorkspace, find_document, stored_document
from mandate_tracker.report.narratives import narrative_history, set_narrative
from mandate_tracker.store import Workspace
from mandate_tracker.track import audit
from mandate_tracker.track.documents import import_file
from mandate_tracker.track.indicators import (
    IndicatorSpec,
    add_indicator,
    record_observation,
    review_observation,
    set_target,
)
from mandate_tracker.track.obligations import update_obligation
from tests.helpers import SEED

D = dt.date
DDR = "S/2020/600#para-3-dash-1#priority-measure"


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2020, 7, 1, 9, tzinfo=dt.UTC)

    def set(self, day: str) -> None:
        self.now = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(audit, "utcnow", fake)
    return fake


@pytest.fixture
def seeded(workspace: Workspace, clock: Clock) -> Iterator[Workspace]:
    """The seed imported on 1 July 2020, an integration indicator, values over the year."""
    with workspace.session() as session:
        import_file(session, SEED, actor="desk")
        spec = IndicatorSpec(
            code="ddr-integrated",
            name="Members of armed groups integrated in the MDSF",
            unit="members",
            baseline_value=0,
            baseline_date=D(2020, 6, 29),
            provisions=("para-3-dash-1",),
        )
        add_indicator(session, spec, actor="desk")
        set_target(session, "ddr-integrated", value=2000, due=D(2021, 6, 30), actor="desk")
    entries = [
        ("2020-10-05T10:00", D(2020, 9, 30), 300, "approved"),
        ("2021-01-06T10:00", D(2020, 12, 31), 650, "submitted"),  # approved on 12 January
        ("2021-04-07T10:00", D(2021, 3, 31), 900, "draft"),  # never approved
    ]
    for moment, as_of, value, status in entries:
        clock.set(moment)
        with workspace.session() as session:
            record_observation(
                session, "ddr-integrated", value, as_of, actor="field", status=status
            )
    clock.set("2021-01-12T15:00")
    with workspace.session() as session:
        review_observation(session, 2, "approved", actor="chief")
    clock.set("2021-01-20T09:00")
    with workspace.session() as session:
        update_obligation(session, DDR, actor="desk", status="in-progress")
    yield workspace


def quarterly_section_i(workspace: Workspace, **choice: Any) -> Section:
    with workspace.session() as session:
        row = find_document(session, None)
        doc = stored_document(row)
        source = StoreWorkspace(session, row)
        report = prepare_report(doc, "quarterly", source, **choice)
    return report.sections[0]


def test_the_as_of_report_uses_only_what_was_recorded_and_approved_by_then(
    seeded: Workspace,
) -> None:
    early = quarterly_section_i(seeded, as_of=D(2021, 1, 10))  # entered, not yet approved
    later = quarterly_section_i(seeded, as_of=D(2021, 1, 15))  # approved on 12 January
    (early_row,) = early.targets
    (later_row,) = later.targets
    assert (early_row.latest, early_row.latest_period) == (300, "2020-09-30")
    assert (later_row.latest, later_row.latest_period) == (650, "2020-12-31")
    assert later_row.target == 2000 and later_row.baseline == 0


def test_obligation_status_is_the_one_in_the_audit_trail_then(seeded: Workspace) -> None:
    before = quarterly_section_i(seeded, as_of=D(2021, 1, 15))
    after = quarterly_section_i(seeded, as_of=D(2021, 2, 1))
    status_before = {o.id: o.status for o in before.obligations}
    status_after = {o.id: o.status for o in after.obligations}
    assert status_before[DDR] == "open" and status_after[DDR] == "in-progress"
    assert len(status_after) == 4  # paragraph 3's four priority measures


def test_a_report_by_period_shows_values_for_periods_up_to_its_end(seeded: Workspace) -> None:
    # a value measuring 31 December belongs to report 3, not to report 2 (ends 28 December)
    (row,) = quarterly_section_i(seeded, period="2020Q4").targets
    assert (row.latest, row.latest_period) == (300, "2020-09-30")  # 31 Dec is after the period
    (row,) = quarterly_section_i(seeded, period="2021Q1").targets
    assert (row.latest, row.latest_period) == (650, "2020-12-31")


def test_a_draft_value_never_reaches_a_report(seeded: Workspace) -> None:
    section = quarterly_section_i(seeded, period="2021Q2")
    (row,) = section.targets
    assert row.latest == 650 and row.status in {"off-track", "at-risk", "on-track"}
    assert len(section.charts) == 1


def test_narratives_are_versioned_audited_and_read_as_of(seeded: Workspace, clock: Clock) -> None:
    clock.set("2020-12-20T12:00")
    with seeded.session() as session:
        row = find_document(session, "S/2020/600")
        first = set_narrative(session, row, "quarterly", 2, "(i)", "Slow start.", actor="desk")
        assert first.version == 1
    clock.set("2021-01-05T12:00")
    with seeded.session() as session:
        row = find_document(session, "S/2020/600")
        set_narrative(session, row, "quarterly", 2, "(i)", "Picked up.", actor="desk",
                      expect_version=1)  # fmt: skip
        with pytest.raises(ConflictError, match="at version 2, not 1"):
            set_narrative(session, row, "quarterly", 2, "(i)", "Lost.", actor="x",
                          expect_version=1)  # fmt: skip
    with seeded.session() as session:
        row = find_document(session, "S/2020/600")
        history = narrative_history(session, row, "quarterly", 2, "(i)")
        assert [(r.author, r.text) for r in history] == [("desk", "Slow start."),
                                                         ("desk", "Picked up.")]  # fmt: skip
        with pytest.raises(InputError, match=r"no section '\(v\)'; its sections: \(i\)"):
            set_narrative(session, row, "quarterly", 2, "(v)", "x", actor="desk")
    assert quarterly_section_i(seeded, period="2020Q4").narrative == "Picked up."
    assert quarterly_section_i(seeded, as_of=D(2020, 12, 21)).narrative == "Slow start."
    assert quarterly_section_i(seeded, as_of=D(2020, 12, 1)).narrative == ""
    assert quarterly_section_i(seeded, period="2021Q1").narrative == ""


def test_an_empty_workspace_is_a_clear_error(workspace: Workspace) -> None:
    with workspace.session() as session, pytest.raises(InputError, match="mandate import"):
        find_document(session, None)
