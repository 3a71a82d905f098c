"""Indicators, observations and their review, the status summary, audit and history."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from mandate_tracker.cli import main
from mandate_tracker.errors import ConflictError, ValidationError
from mandate_tracker.store import Workspace
from mandate_tracker.track.audit import audit_entries
from mandate_tracker.track.benchmarks import add_benchmark, assess_all_of
from mandate_tracker.track.history import (
    obligation_as_of,
    obligations_as_of,
    observations_as_of,
    statuses_as_of,
)
from mandate_tracker.track.indicators import (
    IndicatorSpec,
    add_indicator,
    approved_readings,
    list_indicators,
    record_observation,
    review_observation,
    set_target,
    target_progress,
)
from mandate_tracker.track.obligations import update_obligation
from mandate_tracker.track.progress import Reading
from mandate_tracker.track.status import summarise
from tests.tracking_factories import import_into

D = dt.date
PROPOSED = "s-2020-600:para-3-dash-1:t1"
ROADMAP = "S/2020/600#para-64"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def test_only_the_latest_approved_value_counts(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        record_observation(session, PROPOSED, 0, D(2020, 6, 29), actor="a", status="approved")
        record_observation(session, PROPOSED, 700, D(2020, 12, 29), actor="a", status="approved")
        record_observation(session, PROPOSED, 1900, D(2021, 1, 15), actor="a")  # a draft
        late = record_observation(session, PROPOSED, 100, D(2021, 2, 1), actor="a")
        [progress] = target_progress(session, D(2021, 3, 1))
        assert progress.latest is not None and progress.latest.value == 700
        # 700 of 2,000 at 183/366 of the way (planned 1,000): 15 % behind -> off-track
        assert progress.status == "off-track"
        review_observation(session, late.id, "submitted", actor="a")
        with pytest.raises(ValidationError, match="needs a comment"):
            review_observation(session, late.id, "returned", actor="lead")
        review_observation(session, late.id, "returned", actor="lead", comment="source?")
        with pytest.raises(ValidationError, match="returned cannot become approved"):
            review_observation(session, late.id, "approved", actor="lead")
        [progress] = target_progress(session, D(2021, 3, 1))
        assert progress.latest is not None and progress.latest.value == 700


def test_indicator_with_baseline_and_target(workspace: Workspace) -> None:
    with workspace.session() as session:
        spec = IndicatorSpec(
            "women-csa", "Women in the CSA", "percent", "higher", 3.0, D(2020, 6, 29),
            provisions=("para-4",),
        )  # fmt: skip
        add_indicator(session, spec, actor="a")
        set_target(session, "women-csa", value=30, due=D(2021, 6, 29), actor="a")
        with pytest.raises(ConflictError):
            add_indicator(session, spec, actor="a")
        with pytest.raises(ValidationError, match="both a value and a date"):
            add_indicator(session, IndicatorSpec("x", "x", "n", baseline_value=1), actor="a")
        assert target_progress(session, D(2020, 9, 1))[0].status == "no-data"
        record_observation(session, "women-csa", 16.5, D(2020, 12, 28), actor="a",
                           status="approved")  # fmt: skip
        assert target_progress(session, D(2021, 1, 1))[0].status == "on-track"
        assert target_progress(session, D(2021, 6, 30))[0].status == "overdue"


def test_status_summary(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    import_into(workspace)
    on = D(2021, 4, 1)
    with workspace.session() as session:
        update_obligation(session, "S/2020/600#para-62", actor="a", status="in-progress")
        summary = summarise(session, on)
    assert (summary.document, summary.mission, summary.days_to_mandate_end) == (
        "S/2020/600",
        "MINUSMA",
        90,
    )
    assert summary.obligations == {
        "open": 2,
        "in-progress": 1,
        "done": 0,
        "overdue": 1,
        "not-applicable": 0,
    }
    assert [item.id for item in summary.overdue] == [ROADMAP]
    assert [due.date for due in summary.next_due] == [
        D(2021, 6, 29),
        D(2021, 6, 29),
        D(2021, 6, 30),
    ]
    assert summary.targets["no-data"] == 1
    url = workspace.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "status", "--format", "json", "--on", "2021-04-01", "--db", url)
    assert code == 0 and json.loads(out)["days_to_mandate_end"] == 90
    code, out, _ = run(capsys, "status", "--on", "2021-04-01", "--db", url)
    assert code == 0 and "mandate ends 2021-06-30, in 90 day(s)" in out and ROADMAP in out
    code, out, _ = run(capsys, "status", "--on", "2021-07-10", "--db", url)
    assert code == 0 and "mandate ended 2021-06-30, 10 day(s) ago" in out


def test_audit_cli_filters_by_object_and_date(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    import_into(workspace, actor="importer")
    with workspace.session() as session:
        update_obligation(session, ROADMAP, actor="ana", status="done")
    url = workspace.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "audit", "--object", ROADMAP, "--format", "json", "--db", url)
    entries = json.loads(out)
    assert code == 0 and [(e["actor"], e["action"]) for e in entries] == [
        ("importer", "create"),
        ("ana", "update"),
    ]
    assert entries[1]["before"]["status"] == "open" and entries[1]["after"]["status"] == "done"
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date().isoformat()
    code, out, _ = run(capsys, "audit", "--since", tomorrow, "--format", "json", "--db", url)
    assert code == 0 and json.loads(out) == []


def test_history_reconstructs_past_states(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        first = record_observation(session, PROPOSED, 500, D(2020, 9, 1), actor="a")
    time.sleep(0.01)
    after_import = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    with workspace.session() as session:
        update_obligation(session, ROADMAP, actor="ana", status="done", note="sent")
        review_observation(session, first.id, "approved", actor="lead")
        record_observation(session, PROPOSED, 900, D(2020, 12, 1), actor="a")
    with workspace.session() as session:
        then = obligation_as_of(session, ROADMAP, after_import)
        now = obligation_as_of(session, ROADMAP, dt.datetime.now(dt.UTC))
        assert then is not None and now is not None
        assert (then["status"], then["version"]) == ("open", 1)
        assert (now["status"], now["version"]) == ("done", 2)
        assert obligation_as_of(session, ROADMAP, D(2000, 1, 1)) is None
        assert len(obligations_as_of(session, after_import)) == 4
        assert statuses_as_of(session, after_import)[ROADMAP] == "overdue"  # open, due 2021-03-31
        assert statuses_as_of(session, dt.datetime.now(dt.UTC))[ROADMAP] == "done"
        assert statuses_as_of(session, D(2000, 1, 1)) == {}
        past = observations_as_of(session, PROPOSED, after_import)
        assert [(o["value"], o["review_status"]) for o in past] == [(500, "draft")]
        present = observations_as_of(session, PROPOSED, dt.datetime.now(dt.UTC))
        assert [(o["value"], o["review_status"]) for o in present] == [
            (500, "approved"),
            (900, "draft"),
        ]
        assert [e.action for e in audit_entries(session, since=after_import)] == [
            "update",
            "review:approved",
            "record",
        ]


def test_cli_indicators_record_and_review(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    url = workspace.url.render_as_string(hide_password=False)
    code, _, err = run(capsys, "indicators", "add", "ddr", "--name", "Combatants integrated",
                       "--unit", "members", "--baseline", "0", "--baseline-date", "2020-06-29",
                       "--target", "2000", "--target-due", "2021-06-30", "--db", url)  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "record", "ddr", "1200", "--as-of", "2021-01-31", "--db", url)
    assert code == 0 and "draft" in out
    code, out, _ = run(capsys, "review", "1", "--status", "approved", "--db", url)
    assert code == 0
    code, out, _ = run(capsys, "indicators", "list", "--format", "json", "--db", url)
    [indicator] = json.loads(out)
    assert indicator["targets"] == ">=2000 by 2021-06-30"
    code, out, _ = run(capsys, "status", "--format", "json", "--on", "2021-02-01", "--db", url)
    assert json.loads(out)["targets"]["on-track"] == 1
    code, _, err = run(capsys, "record", "ddr", "x", "--as-of", "2021-01-31", "--db", url)
    assert code == 2
    code, _, err = run(capsys, "record", "nope", "1", "--as-of", "2021-01-31", "--db", url)
    assert code == 3 and "no indicator 'nope'" in err


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], "not-assessed"),
        (["met", "met"], "met"),
        (["met", "on-track"], "on-track"),
        (["met", "no-data"], "not-assessed"),
        (["on-track", "at-risk"], "off-track"),
        (["no-data", "overdue"], "off-track"),
        (["met", "off-track"], "off-track"),
    ],
)
def test_all_of_rule(statuses: list[str], expected: str) -> None:
    assert assess_all_of(statuses) == expected


def test_benchmarks_are_assessed_in_the_status(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        add_indicator(session, IndicatorSpec("csa-sessions", "CSA sessions held", "number"),
                      actor="a")  # fmt: skip
        add_benchmark(session, "B1", "CSA meets monthly", "threshold", ["csa-sessions"],
                      threshold=12, comparator=">=", actor="a")  # fmt: skip
        add_benchmark(session, "B2", "Integration", "all-of", [PROPOSED], actor="a")
        with pytest.raises(ValidationError, match="threshold benchmark needs"):
            add_benchmark(session, "B3", "x", "threshold", ["csa-sessions"], actor="a")
        day = D(2021, 1, 1)
        assert [b.assessment for b in summarise(session, day).benchmarks] == [
            "not-assessed",
            "not-assessed",
        ]
        record_observation(session, "csa-sessions", 12, D(2020, 12, 31), actor="a",
                           status="approved")  # fmt: skip
        record_observation(session, PROPOSED, 0, D(2020, 6, 29), actor="a", status="approved")
        record_observation(session, PROPOSED, 1100, D(2020, 12, 31), actor="a", status="approved")
        assert [b.assessment for b in summarise(session, day).benchmarks] == ["met", "on-track"]


def test_latest_and_first_approved_readings_break_ties_by_entry_order(
    workspace: Workspace,
) -> None:
    with workspace.session() as session:
        add_indicator(session, IndicatorSpec("a", "A", "number"), actor="t")
        add_indicator(session, IndicatorSpec("b", "B", "number"), actor="t")
        for value, day, status in [
            (1, D(2021, 1, 1), "approved"),
            (2, D(2021, 1, 1), "approved"),  # same day, entered later
            (3, D(2021, 2, 1), "approved"),
            (4, D(2021, 2, 1), "approved"),
            (5, D(2021, 3, 1), "draft"),
            (6, D(2021, 4, 1), "approved"),  # after the day of assessment
        ]:
            record_observation(session, "a", value, day, actor="t", status=status)
        today = D(2021, 3, 15)
        ids = {row.code: row.id for row in list_indicators(session)}
        latest = approved_readings(session, today, latest=True)
        first = approved_readings(session, today, latest=False)
    assert latest == {ids["a"]: Reading(4, D(2021, 2, 1))}
    assert first == {ids["a"]: Reading(1, D(2021, 1, 1))}
