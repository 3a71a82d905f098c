"""Where the workspace lives and how it is opened, created and upgraded.

The database URL comes from, in order: the ``--db URL`` option, the ``MANDATE_DATABASE_URL``
environment variable, else a SQLite file in the user's data directory. SQLite connections run
with foreign keys on, WAL journalling and explicit ``BEGIN`` so every transaction (DDL included)
is atomic. Opening never changes a database: a foreign or corrupt file, or one stamped with a
revision this code does not know (a newer version), is a :class:`StorageError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from mandate_tracker.errors import ConflictError, MandateError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

APP_NAME = "mandate-tracker"
URL_ENV = "MANDATE_DATABASE_URL"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
# Every Alembic revision in store/migrations/versions, oldest first; the last is the head.
# Kept here so opening a workspace needs no Alembic import (a test checks it matches Alembic).
REVISIONS = ("0001", "0002")  # 0002: report narratives (issue 6)
# SQLite's answer when a transaction that read an older snapshot tries to write (WAL mode).
SQLITE_BUSY_SNAPSHOT = 517


def default_database_url() -> str:
    """A SQLite file in the user's data directory (platform-specific)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "workspace.sqlite3"
    return f"sqlite:///{path}"


def resolve_database_url(
    option: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """``--db`` beats ``MANDATE_DATABASE_URL`` beats the default SQLite file."""
    if option:
        return option
    env = os.environ if environ is None else environ
    return env.get(URL_ENV) or default_database_url()


def parse_database_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StorageError(f"{url!r} is not a database URL", where="--db") from error
    if parsed.drivername in ("postgresql", "postgres"):  # plain URLs get the psycopg 3 driver
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StorageError(f"unsupported database {parsed.drivername!r}: use sqlite or postgresql")
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (``None`` for an in-memory database or another backend)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, DDL included
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: URL) -> Engine:
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            return
        raise StorageError("no workspace here; create it with 'mandate init'", where=str(path))
    if path.is_dir():
        raise StorageError("is a directory, not a workspace file", where=str(path))
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header and header != SQLITE_MAGIC:
        raise StorageError("not a SQLite database (foreign or corrupt file)", where=str(path))


def _stamp(engine: Engine, where: str) -> str | None:
    """The workspace revision, checking the database is ours and not from a newer version."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        stamps = (
            list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
            if "alembic_version" in tables
            else []
        )
    if len(stamps) > 1:
        raise StorageError(f"the workspace has several schema revisions {stamps}", where=where)
    revision: str | None = str(stamps[0]) if stamps else None
    if revision is None:
        if tables:
            raise StorageError(
                f"not a Mandate Tracker workspace (it holds other tables: "
                f"{', '.join(sorted(tables)[:5])})",
                where=where,
            )
        return None
    if revision not in known_revisions():
        raise StorageError(
            f"the workspace is at revision {revision}, newer than this version of Mandate "
            f"Tracker knows (head {head_revision()}); upgrade Mandate Tracker",
            where=where,
        )
    return revision


@dataclass
class Workspace:
    """An open, current workspace database."""

    url: URL
    engine: Engine

    @property
    def where(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @cached_property
    def _sessions(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            with translate_database_errors(self.where):
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def translate_database_errors(where: str) -> Iterator[None]:
    try:
        yield
    except MandateError:
        raise
    except StaleDataError as error:
        raise ConflictError(
            "the record was changed by someone else since it was read; reload and retry"
        ) from error
    except DBAPIError as error:
        if getattr(error.orig, "sqlite_errorcode", None) == SQLITE_BUSY_SNAPSHOT:
            raise ConflictError(
                "the workspace was changed by someone else during this transaction; retry"
            ) from error
        raise StorageError(f"database error: {error.orig}", where=where) from error
    except SQLAlchemyError as error:
        raise StorageError(f"database error: {error}", where=where) from error


def _prepare(url_text: str, *, create: bool) -> tuple[URL, Engine, str | None]:
    url = parse_database_url(url_text)
    where = url.render_as_string(hide_password=True)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create=create)
    engine = make_engine(url)
    try:
        with translate_database_errors(where):
            revision = _stamp(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return url, engine, revision


def open_workspace(url_text: str) -> Workspace:
    """Open an existing, current workspace; never creates or changes anything."""
    url, engine, revision = _prepare(url_text, create=False)
    if revision != head_revision():
        engine.dispose()
        where = url.render_as_string(hide_password=True)
        if revision is None:
            raise StorageError(
                "empty database; create the workspace with 'mandate init'", where=where
            )
        raise StorageError(
            f"the workspace is at revision {revision}; upgrade it with 'mandate init'", where=where
        )
    return Workspace(url, engine)


@dataclass(frozen=True)
class InitResult:
    url: str
    before: str | None
    after: str


def init_workspace(url_text: str) -> InitResult:
    """Create the workspace, or upgrade it to the newest revision, in one transaction."""
    url, engine, before = _prepare(url_text, create=True)
    where = url.render_as_string(hide_password=True)
    try:
        if url.get_backend_name() == "sqlite":
            # WAL is a persistent property of the file: set once, by init, never on a mere open
            # (opening a foreign SQLite file must leave it byte-for-byte untouched).
            with translate_database_errors(where):
                raw = engine.raw_connection()
                try:
                    raw.cursor().execute("PRAGMA journal_mode = WAL")
                finally:
                    raw.close()
        from alembic import command

        with translate_database_errors(where), engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    return InitResult(where, before, head_revision())
