"""The audit trail: every change, who made it and when, with the state before and after.

Entries are written in the same transaction as the change they describe, so a change and its
record commit or vanish together. There is no update or delete here, and the database rejects
both on ``audit_log`` (triggers created by the initial migration).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from mandate_tracker.store.models import AuditRow, Base, utcnow

# Never copied into the log: secrets and file bodies (their sha256 is kept instead).
REDACTED = frozenset({"password_hash", "api_token_hash", "content"})


def json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return as_utc(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every stored datetime is UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def state_of(row: Base, **extra: Any) -> dict[str, Any]:
    """A JSON-ready snapshot of a row's columns (secrets left out), plus ``extra`` fields."""
    mapper = inspect(type(row))
    state = {
        column.key: json_value(getattr(row, column.key))
        for column in mapper.column_attrs
        if column.key not in REDACTED
    }
    state.update(extra)
    return state


def record(
    session: Session,
    *,
    actor: str,
    object_type: str,
    object_id: str | int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditRow:
    entry = AuditRow(
        at=utcnow(),
        actor=actor,
        object_type=object_type,
        object_id=str(object_id),
        action=action,
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    object_type: str
    object_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "action": self.action,
            "before": self.before,
            "after": self.after,
        }


def entry_of(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        row.id,
        as_utc(row.at),
        row.actor,
        row.object_type,
        row.object_id,
        row.action,
        row.before,
        row.after,
    )


def audit_entries(
    session: Session,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    object_id: str | None = None,
    object_type: str | None = None,
) -> Sequence[AuditEntry]:
    """Entries in the order they were written, filtered by time and object."""
    query = select(AuditRow).order_by(AuditRow.id)
    if since is not None:
        query = query.where(AuditRow.at >= as_utc(since))
    if until is not None:
        query = query.where(AuditRow.at <= as_utc(until))
    if object_id is not None:
        query = query.where(AuditRow.object_id == object_id)
    if object_type is not None:
        query = query.where(AuditRow.object_type == object_type)
    return [entry_of(row) for row in session.scalars(query)]
