"""Shared fixtures: paths to the built-in example and to ../shared/data (skipped when absent)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mandate_tracker.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real public data not present at {SHARED_DATA}")
    return SHARED_DATA


# --- the tracking workspace: one fresh database per test, on SQLite or PostgreSQL ------------

TEST_DATABASE_ENV = "MANDATE_TEST_DATABASE_URL"


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a temp SQLite file, or (when ``MANDATE_TEST_DATABASE_URL``
    is set, see ``scripts/with_postgres.py``) a new PostgreSQL database dropped afterwards."""
    base = os.environ.get(TEST_DATABASE_ENV)
    if not base:
        yield f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(base)
    name = f"mt_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def workspace(db_url: str) -> Iterator[Workspace]:
    """A created, open workspace on ``db_url``."""
    from mandate_tracker.store import init_workspace, open_workspace

    init_workspace(db_url)
    opened = open_workspace(db_url)
    yield opened
    opened.close()
