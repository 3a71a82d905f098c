"""Following obligations: computed overdue, filters, updates with audit, conflicts, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from mandate_tracker.cli import main
from mandate_tracker.errors import ConflictError, NotFoundError, ValidationError
from mandate_tracker.store import Workspace
from mandate_tracker.store.models import EvidenceRow, ObligationRow
from mandate_tracker.track.audit import audit_entries
from mandate_tracker.track.obligations import (
    EvidenceInput,
    count_by_status,
    list_obligations,
    update_obligation,
)
from tests.tracking_factories import import_into

D = dt.date
ROADMAP = "S/2020/600#para-64"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def url_of(workspace: Workspace) -> str:
    return workspace.url.render_as_string(hide_password=False)


def test_overdue_is_computed_from_the_due_date(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        on_due_day = {v.id: v.status for v in list_obligations(session, today=D(2021, 3, 31))}
        day_after = {v.id: v.status for v in list_obligations(session, today=D(2021, 4, 1))}
        assert on_due_day[ROADMAP] == "open" and day_after[ROADMAP] == "overdue"
        assert count_by_status(session, D(2021, 4, 1))["overdue"] == 1
        assert [v.id for v in list_obligations(session, status="overdue", today=D(2021, 4, 1))] == [
            ROADMAP
        ]
        still_open = {v.id for v in list_obligations(session, status="open", today=D(2021, 4, 1))}
        # open and not overdue, with or without a due date (the reports have none)
        assert still_open == {
            "S/2020/600#para-3-dash-1",
            "S/2020/600#para-62",
            "S/2020/600#para-63",
        }
        update_obligation(session, ROADMAP, actor="ana", status="done")
        assert count_by_status(session, D(2021, 4, 1))["overdue"] == 0


def test_filters_by_owner_and_due_date(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        ordered = [v.paragraph for v in list_obligations(session)]
        assert ordered == ["3", "62", "63", "64"]  # register order, not text order of ids
        owners = {v.owner for v in list_obligations(session, owner="malian")}
        assert owners == {"Malian parties"}
        due = [v.id for v in list_obligations(session, due_before=D(2021, 4, 1))]
        assert due == [ROADMAP]
        with pytest.raises(ValidationError, match="unknown status"):
            list_obligations(session, status="late")


def test_update_is_audited_with_before_and_after(workspace: Workspace, tmp_path: Path) -> None:
    import_into(workspace)
    proof = tmp_path / "roadmap.pdf"
    proof.write_bytes(b"%PDF-1.4 roadmap")
    with workspace.session() as session:
        view = update_obligation(
            session,
            ROADMAP,
            actor="ana",
            status="in-progress",
            note="draft circulated",
            assignee="DPPA",
            evidence=EvidenceInput.from_argument(str(proof)),
            today=D(2021, 1, 1),
        )
    assert (view.status, view.version, view.assignee) == ("in-progress", 2, "DPPA")
    assert view.notes is not None and view.notes.endswith("ana] draft circulated")
    with workspace.session() as session:
        [entry] = [e for e in audit_entries(session, object_id=ROADMAP) if e.action == "update"]
        assert entry.actor == "ana"
        assert entry.before is not None and entry.after is not None
        assert (entry.before["status"], entry.after["status"]) == ("open", "in-progress")
        assert entry.changed_fields() == ["assignee", "notes", "status", "updated_at", "version"]
        stored = session.scalars(select(EvidenceRow)).one()
        assert (stored.kind, stored.location, stored.content) == (
            "file",
            "roadmap.pdf",
            b"%PDF-1.4 roadmap",
        )


def test_second_writer_with_a_stale_version_gets_a_conflict(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        read_by_both = session.get(ObligationRow, ROADMAP)
        assert read_by_both is not None
        version = read_by_both.version
    with workspace.session() as session:
        update_obligation(session, ROADMAP, actor="ana", status="done", expect_version=version)
    with pytest.raises(ConflictError, match="version 2, not 1"), workspace.session() as session:
        update_obligation(session, ROADMAP, actor="bo", status="open", expect_version=version)
    with workspace.session() as session:
        row = session.get(ObligationRow, ROADMAP)
        assert row is not None and (row.status, row.version) == ("done", 2)


def test_concurrent_sessions_cannot_overwrite_each_other(workspace: Workspace) -> None:
    """Two transactions read the same version; the second to write gets a conflict."""
    import_into(workspace)
    with pytest.raises(ConflictError), workspace.session() as second:
        theirs = second.get(ObligationRow, ROADMAP)
        assert theirs is not None
        with workspace.session() as first:
            mine = first.get(ObligationRow, ROADMAP)
            assert mine is not None
            mine.status = "done"
        theirs.status = "not-applicable"
        second.flush()
    with workspace.session() as session:
        row = session.get(ObligationRow, ROADMAP)
        assert row is not None and (row.status, row.version) == ("done", 2)


def test_bad_updates(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        with pytest.raises(ValidationError, match="overdue is computed"):
            update_obligation(session, ROADMAP, actor="a", status="overdue")
        with pytest.raises(NotFoundError):
            update_obligation(session, "nope", actor="a", status="done")


def test_cli_list_and_update(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    import_into(workspace)
    url = url_of(workspace)
    code, out, _ = run(capsys, "obligations", "list", "--format", "json", "--on", "2021-04-01",
                       "--db", url)  # fmt: skip
    rows = json.loads(out)
    assert code == 0 and {row["id"]: row["status"] for row in rows}[ROADMAP] == "overdue"
    code, out, _ = run(capsys, "obligations", "list", "--format", "csv", "--owner", "Secretary",
                       "--db", url)  # fmt: skip
    listed = list(csv.DictReader(io.StringIO(out)))
    assert {row["paragraph"] for row in listed} == {"62", "63", "64"}
    code, out, _ = run(capsys, "obligations", "update", ROADMAP, "--status", "done",
                       "--note", "sent", "--evidence", "https://undocs.org/S/2021/300",
                       "--expect-version", "1", "--db", url)  # fmt: skip
    assert code == 0 and "done (version 2)" in out
    code, _, err = run(capsys, "obligations", "update", ROADMAP, "--status", "open",
                       "--expect-version", "1", "--db", url)  # fmt: skip
    assert code == 4 and "version 2, not 1" in err
    code, _, err = run(capsys, "obligations", "list", "--due-before", "2021-02-30", "--db", url)
    assert code == 2 and "--due-before" in err
