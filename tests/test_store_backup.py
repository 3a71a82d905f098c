"""Backup and restore round-trip a workspace exactly; a bad backup changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mandate_tracker.cli import main
from mandate_tracker.errors import StorageError
from mandate_tracker.store import Workspace, open_workspace
from mandate_tracker.store.backup import backup_workspace, restore_workspace
from mandate_tracker.track.accounts import create_user
from mandate_tracker.track.indicators import record_observation
from mandate_tracker.track.obligations import update_obligation
from tests.tracking_factories import RENEWAL, import_into, table_contents

PROPOSED = "s-2020-600:para-3-dash-1:t1"


def populate(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        update_obligation(session, "S/2020/600#para-64", actor="ana", status="done", note="ok")
        record_observation(
            session, PROPOSED, 900, dt.date(2021, 1, 1), actor="a", status="approved"
        )
        create_user(session, "ana", "editor", "correct horse battery")


def test_backup_then_restore_round_trips_exactly(workspace: Workspace, tmp_path: Path) -> None:
    populate(workspace)
    url = workspace.url.render_as_string(hide_password=False)
    saved = table_contents(workspace)
    backup = tmp_path / "workspace.backup"
    backup_workspace(url, backup)
    import_into(workspace, RENEWAL)
    with workspace.session() as session:
        update_obligation(session, "S/2020/600#para-62", actor="bo", status="in-progress")
    assert table_contents(workspace) != saved
    workspace.close()
    restore_workspace(url, backup)
    restored = open_workspace(url)
    try:
        assert table_contents(restored) == saved
        with restored.session() as session:  # still a working workspace, audit still guarded
            update_obligation(session, "S/2020/600#para-62", actor="bo", status="in-progress")
    finally:
        restored.close()


def test_restoring_a_bad_file_leaves_the_workspace_unchanged(
    workspace: Workspace, tmp_path: Path
) -> None:
    populate(workspace)
    url = workspace.url.render_as_string(hide_password=False)
    saved = table_contents(workspace)
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a backup\n" * 100)
    with pytest.raises(StorageError):
        restore_workspace(url, junk)
    assert table_contents(workspace) == saved


def test_cli_backup_and_restore(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(workspace)
    url = workspace.url.render_as_string(hide_password=False)
    saved = table_contents(workspace)
    backup = tmp_path / "b.backup"
    for argv in (["backup", str(backup)], ["restore", str(backup)]):
        with pytest.raises(SystemExit) as done:
            main([*argv, "--db", url])
        assert done.value.code == 0, capsys.readouterr().err
    assert table_contents(workspace) == saved
