"""Reconstruct past states from the audit trail ("as of" a date or moment).

The audit log keeps the full state after every change, so the state of an object at a moment is
the ``after`` of its last entry written at or before that moment (``None`` when it did not exist
yet). Reports use this to show the register or an indicator's values as they stood on a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.store.models import AuditRow
from mandate_tracker.track.audit import as_utc


def end_of(moment: dt.date | dt.datetime) -> dt.datetime:
    """A date means the end of that day (UTC); a datetime means itself."""
    if isinstance(moment, dt.datetime):
        return as_utc(moment)
    return dt.datetime.combine(moment, dt.time.max, tzinfo=dt.UTC)


def state_as_of(
    session: Session, object_type: str, object_id: str, when: dt.date | dt.datetime
) -> dict[str, Any] | None:
    query = (
        select(AuditRow.after)
        .where(
            AuditRow.object_type == object_type,
            AuditRow.object_id == object_id,
            AuditRow.at <= end_of(when),
        )
        .order_by(AuditRow.id.desc())
        .limit(1)
    )
    found = session.execute(query).first()
    return None if found is None else found[0]


def obligation_as_of(
    session: Session, obligation_id: str, when: dt.date | dt.datetime
) -> dict[str, Any] | None:
    """The obligation (register and tracking fields) as it stood at ``when``."""
    return state_as_of(session, "obligation", obligation_id, when)


def obligations_as_of(session: Session, when: dt.date | dt.datetime) -> list[dict[str, Any]]:
    """Every obligation that existed at ``when``, in its state then."""
    return _latest_states(session, "obligation", when)


def observations_as_of(
    session: Session, indicator: str, when: dt.date | dt.datetime
) -> list[dict[str, Any]]:
    """The indicator's observations as they stood at ``when`` (review status included)."""
    states = _latest_states(session, "observation", when)
    return sorted(
        (state for state in states if state.get("indicator") == indicator),
        key=lambda state: (state["as_of"], state["id"]),
    )


def _latest_states(
    session: Session, object_type: str, when: dt.date | dt.datetime
) -> list[dict[str, Any]]:
    query = (
        select(AuditRow.object_id, AuditRow.after)
        .where(AuditRow.object_type == object_type, AuditRow.at <= end_of(when))
        .order_by(AuditRow.id)
    )
    latest: dict[str, dict[str, Any] | None] = {}
    for object_id, after in session.execute(query):
        latest[object_id] = after
    return [state for state in latest.values() if state is not None]


def statuses_as_of(session: Session, when: dt.date | dt.datetime) -> dict[str, str]:
    """Every obligation's effective status at ``when`` (``overdue`` computed for that day)."""
    from mandate_tracker.track.obligations import effective_status

    day = when.date() if isinstance(when, dt.datetime) else when
    found: dict[str, str] = {}
    for state in obligations_as_of(session, when):
        due = dt.date.fromisoformat(state["due_latest"]) if state.get("due_latest") else None
        found[state["id"]] = effective_status(state["status"], due, day)
    return found
