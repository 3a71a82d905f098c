"""Backup and restore of a whole workspace.

SQLite uses the online backup API (a consistent copy while others may be reading); PostgreSQL
uses ``pg_dump``/``pg_restore`` in custom format (found in ``MANDATE_PG_BINDIR`` when set, else on
``PATH``; they must match the server's major version). A restore checks the file first and runs in
one transaction, so a bad file leaves the workspace as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.engine import URL

from mandate_tracker.errors import InputError, StorageError
from mandate_tracker.store.database import (
    SQLITE_MAGIC,
    init_workspace,
    open_workspace,
    parse_database_url,
    sqlite_path,
)


def backup_workspace(url_text: str, destination: Path) -> None:
    workspace = open_workspace(url_text)  # refuses foreign, corrupt and newer databases
    workspace.close()
    url = workspace.url
    path = sqlite_path(url)
    if path is not None:
        _sqlite_copy(path, destination)
    else:
        _run_pg(url, "pg_dump", "--format=custom", "--no-owner", f"--file={destination}")


def restore_workspace(url_text: str, source: Path) -> None:
    if not source.is_file():
        raise InputError("no such backup file", where=str(source))
    url = parse_database_url(url_text)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_backup(source)
        init_workspace(url_text)  # the target must be (or become) a workspace before we write
        _sqlite_copy(source, path)
    else:
        listing = _run_pg(url, "pg_restore", "--list", str(source), connect=False)
        if "TABLE DATA" not in listing or "alembic_version" not in listing:
            raise StorageError("not a Mandate Tracker PostgreSQL backup", where=str(source))
        _run_pg(
            url,
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            str(source),
        )
    open_workspace(url_text).close()  # the restored workspace must open cleanly


def _check_sqlite_backup(source: Path) -> None:
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise StorageError("not a SQLite workspace backup", where=str(source))
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "check.sqlite3"
        shutil.copyfile(source, copy)  # check a copy: opening must not touch the user's file
        open_workspace(f"sqlite:///{copy}").close()


def _sqlite_copy(source: Path, destination: Path) -> None:
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(destination)
        try:
            with dst:
                src.backup(dst)
        finally:
            src.close()
            dst.close()
    except sqlite3.Error as error:
        raise StorageError(f"backup failed: {error}", where=str(destination)) from error


def pg_tool(name: str) -> str:
    bindir = os.environ.get("MANDATE_PG_BINDIR")
    found = str(Path(bindir) / name) if bindir else shutil.which(name)
    if not found or not Path(found).exists():
        raise StorageError(f"{name} not found; set MANDATE_PG_BINDIR to PostgreSQL's bin directory")
    return found


def libpq_arguments(url: URL) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = [f"--dbname={url.database}"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    return args, env


def _run_pg(url: URL, tool: str, *args: str, connect: bool = True) -> str:
    connection, env = libpq_arguments(url)
    argv = [pg_tool(tool), *(connection if connect else []), *args]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StorageError(f"{tool} failed: {done.stderr.strip()}")
    return done.stdout
