"""Opening, creating and upgrading the workspace; refusing what is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from mandate_tracker.errors import StorageError
from mandate_tracker.store import (
    Workspace,
    default_database_url,
    init_workspace,
    open_workspace,
    resolve_database_url,
)
from mandate_tracker.store.database import head_revision


def test_url_resolution_order() -> None:
    env = {"MANDATE_DATABASE_URL": "sqlite:////env.db"}
    assert resolve_database_url("sqlite:////opt.db", env) == "sqlite:////opt.db"
    assert resolve_database_url(None, env) == "sqlite:////env.db"
    assert resolve_database_url(None, {}) == default_database_url()
    assert default_database_url().startswith("sqlite:///")
    assert default_database_url().endswith("mandate-tracker/workspace.sqlite3")


def test_init_creates_then_reports_up_to_date(db_url: str) -> None:
    first = init_workspace(db_url)
    assert (first.before, first.after) == (None, head_revision())
    second = init_workspace(db_url)
    assert (second.before, second.after) == (head_revision(), head_revision())
    open_workspace(db_url).close()


def test_open_refuses_an_empty_database_without_creating_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite3"
    with pytest.raises(StorageError, match="mandate init"):
        open_workspace(f"sqlite:///{missing}")
    assert not missing.exists()


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    init_workspace(url)
    workspace = open_workspace(url)
    with workspace.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    workspace.close()


@pytest.mark.parametrize(
    "content",
    [b"not a database at all\n" * 40, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["foreign-file", "corrupt-sqlite"],
)
def test_foreign_or_corrupt_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.sqlite3"
    path.write_bytes(content)
    for action in (open_workspace, init_workspace):
        with pytest.raises(StorageError) as caught:
            action(f"sqlite:///{path}")
        assert str(path) in str(caught.value)
        assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.sqlite3"]


def test_another_applications_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()
    for action in (open_workspace, init_workspace):
        with pytest.raises(StorageError, match=r"not a Mandate Tracker workspace.*invoices"):
            action(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_database_from_a_newer_version_is_refused_untouched(workspace: Workspace) -> None:
    with workspace.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    url = workspace.url.render_as_string(hide_password=False)
    workspace.close()
    for action in (open_workspace, init_workspace):
        with pytest.raises(StorageError, match=r"9999_future.*newer"):
            action(url)
    reopened = Workspace(workspace.url, workspace.engine)
    with reopened.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999_future"
        )


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_database_rejects_changes_to_the_audit_log(workspace: Workspace, statement: str) -> None:
    if statement.startswith("TRUNCATE") and workspace.url.get_backend_name() == "sqlite":
        pytest.skip("SQLite has no TRUNCATE (DELETE covers it)")
    with workspace.session() as session:
        session.execute(
            text(
                "INSERT INTO audit_log (at, actor, object_type, object_id, action) "
                "VALUES (CURRENT_TIMESTAMP, 'a', 'obligation', 'x', 'create')"
            )
        )
    with pytest.raises(StorageError, match="append-only"), workspace.session() as session:
        session.execute(text(statement))
    with workspace.session() as session:
        assert session.execute(text("SELECT actor FROM audit_log")).scalars().all() == ["a"]


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_plain_postgresql_urls_get_the_psycopg_driver(scheme: str) -> None:
    from mandate_tracker.store.database import parse_database_url

    assert parse_database_url(f"{scheme}://u@h/db").drivername == "postgresql+psycopg"


def test_unsupported_url_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="unsupported"):
        open_workspace("mysql://localhost/x")
    with pytest.raises(StorageError, match="not a database URL"):
        open_workspace("::::")


def test_the_revision_list_matches_alembics_migrations() -> None:
    from alembic.script import ScriptDirectory

    from mandate_tracker.store.database import REVISIONS, _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    walked = [rev.revision for rev in script.walk_revisions()]  # newest first
    assert tuple(reversed(walked)) == REVISIONS
    assert script.get_current_head() == head_revision()


def test_cli_init_uses_the_env_url_then_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mandate_tracker.cli import main

    def init() -> str:
        with pytest.raises(SystemExit) as done:
            main(["init"])
        assert done.value.code == 0
        return capsys.readouterr().out

    env_file = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("MANDATE_DATABASE_URL", f"sqlite:///{env_file}")
    assert "created workspace" in init() and env_file.exists()
    assert "up to date" in init()
    monkeypatch.delenv("MANDATE_DATABASE_URL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert "created workspace" in init()
    assert (tmp_path / "data" / "mandate-tracker" / "workspace.sqlite3").exists()
