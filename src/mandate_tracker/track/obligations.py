"""Following the obligations register: status, assignee, notes, evidence; listing and updating.

Stored status is what people set (``open``, ``in-progress``, ``done``, ``not-applicable``);
``overdue`` is computed: an open or in-progress obligation whose due date (the last day a partial
date can mean) has passed. Every update is checked against the version the editor read
(optimistic locking) and logged in the audit trail in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlparse

from sqlalchemy import ColumnElement, and_, case, func, not_, select
from sqlalchemy.orm import Session

from mandate_tracker.errors import ConflictError, InputError, NotFoundError, ValidationError
from mandate_tracker.store.models import DocumentRow, EvidenceRow, ObligationRow
from mandate_tracker.track import audit

Status = Literal["open", "in-progress", "done", "overdue", "not-applicable"]
STATUSES: tuple[Status, ...] = ("open", "in-progress", "done", "overdue", "not-applicable")
SETTABLE: tuple[str, ...] = ("open", "in-progress", "done", "not-applicable")
ACTIVE = ("open", "in-progress")
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


def overdue_clause(today: dt.date) -> ColumnElement[bool]:
    # The IS NOT NULL keeps the clause two-valued: without it, NOT(overdue) is NULL (so false)
    # for an obligation with no due date, and `--status open` would drop it.
    return and_(
        ObligationRow.status.in_(ACTIVE),
        ObligationRow.due_latest.is_not(None),
        ObligationRow.due_latest < today,
    )


def effective_status_column(today: dt.date) -> ColumnElement[str]:
    return case((overdue_clause(today), "overdue"), else_=ObligationRow.status)


def effective_status(stored: str, due_latest: dt.date | None, today: dt.date) -> Status:
    if stored in ACTIVE and due_latest is not None and due_latest < today:
        return "overdue"
    return cast(Status, stored)


@dataclass(frozen=True)
class ObligationView:
    id: str
    document: str
    kind: str
    title: str
    owner: str
    due: str | None
    recurrence: str | None
    paragraph: str
    anchor: str
    status: Status
    assignee: str | None
    notes: str | None
    version: int
    quote: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def view_of(row: ObligationRow, symbol: str, today: dt.date) -> ObligationView:
    return ObligationView(
        id=row.id,
        document=symbol,
        kind=row.kind,
        title=row.title,
        owner=row.owner,
        due=row.due,
        recurrence=row.recurrence,
        paragraph=row.paragraph,
        anchor=row.anchor,
        status=effective_status(row.status, row.due_latest, today),
        assignee=row.assignee,
        notes=row.notes,
        version=row.version,
        quote=row.quote,
    )


def list_obligations(
    session: Session,
    *,
    status: str | None = None,
    owner: str | None = None,
    due_before: dt.date | None = None,
    today: dt.date | None = None,
) -> Sequence[ObligationView]:
    """Obligations in document and register order, filtered; ``owner`` matches a substring."""
    today = today or dt.date.today()
    query = select(ObligationRow, DocumentRow.symbol).join(DocumentRow)
    if status is not None:
        if status not in STATUSES:
            raise ValidationError(
                f"unknown status {status!r}; use one of {', '.join(STATUSES)}", where="--status"
            )
        if status == "overdue":
            query = query.where(overdue_clause(today))
        elif status in ACTIVE:
            query = query.where(ObligationRow.status == status, not_(overdue_clause(today)))
        else:
            query = query.where(ObligationRow.status == status)
    if owner:
        query = query.where(func.lower(ObligationRow.owner).contains(owner.lower()))
    if due_before is not None:
        query = query.where(ObligationRow.due_latest < due_before)
    query = query.order_by(DocumentRow.date, DocumentRow.id, ObligationRow.position)
    return [view_of(row, symbol, today) for row, symbol in session.execute(query)]


def get_obligation(session: Session, obligation_id: str) -> ObligationRow:
    row = session.get(ObligationRow, obligation_id)
    if row is None:
        raise NotFoundError(f"no obligation {obligation_id!r}", where="obligation")
    return row


@dataclass(frozen=True)
class EvidenceInput:
    """A URL, or a local file whose bytes are kept in the workspace."""

    location: str
    kind: Literal["url", "file"]
    content: bytes | None = None

    @classmethod
    def from_argument(cls, text: str) -> EvidenceInput:
        if urlparse(text).scheme in ("http", "https"):
            return cls(text, "url")
        path = Path(text)
        if not path.is_file():
            raise InputError("evidence is neither an http(s) URL nor a readable file", where=text)
        if path.stat().st_size > MAX_EVIDENCE_BYTES:
            raise InputError("evidence file is larger than 20 MB; link it instead", where=text)
        return cls(path.name, "file", path.read_bytes())


def add_evidence(
    session: Session,
    evidence: EvidenceInput,
    *,
    actor: str,
    obligation_id: str | None = None,
    observation_id: int | None = None,
) -> EvidenceRow:
    row = EvidenceRow(
        obligation_id=obligation_id,
        observation_id=observation_id,
        kind=evidence.kind,
        location=evidence.location,
        sha256=hashlib.sha256(evidence.content).hexdigest() if evidence.content else None,
        content=evidence.content,
        added_by=actor,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="evidence",
        object_id=row.id,
        action="create",
        before=None,
        after=audit.state_of(row),
    )
    return row


def update_obligation(
    session: Session,
    obligation_id: str,
    *,
    actor: str,
    status: str | None = None,
    note: str | None = None,
    assignee: str | None = None,
    evidence: EvidenceInput | None = None,
    expect_version: int | None = None,
    today: dt.date | None = None,
) -> ObligationView:
    """Change an obligation; a stale ``expect_version`` is a :class:`ConflictError`."""
    row = get_obligation(session, obligation_id)
    if expect_version is not None and row.version != expect_version:
        raise ConflictError(
            f"obligation {obligation_id} is at version {row.version}, not {expect_version}: "
            f"someone changed it since you read it; reload and retry"
        )
    if status is not None and status not in SETTABLE:
        hint = " (overdue is computed from the due date)" if status == "overdue" else ""
        raise ValidationError(
            f"cannot set status {status!r}; use one of {', '.join(SETTABLE)}{hint}",
            where="--status",
        )
    before = audit.state_of(row)
    if status is not None:
        row.status = status
    if assignee is not None:
        row.assignee = assignee or None
    if note:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
        line = f"[{stamp} {actor}] {note}"
        row.notes = f"{row.notes}\n{line}" if row.notes else line
    row.updated_at = dt.datetime.now(dt.UTC)
    session.flush()  # one flush, one version step
    audit.record(
        session,
        actor=actor,
        object_type="obligation",
        object_id=row.id,
        action="update",
        before=before,
        after=audit.state_of(row),
    )
    if evidence is not None:
        add_evidence(session, evidence, actor=actor, obligation_id=row.id)
    return view_of(row, row.document.symbol, today or dt.date.today())


def count_by_status(session: Session, today: dt.date) -> dict[str, int]:
    column = effective_status_column(today)
    counts: dict[str, int] = {status: 0 for status in STATUSES}
    for status, count in session.execute(select(column, func.count()).group_by(column)):
        counts[status] = count
    return counts


def overdue(session: Session, today: dt.date) -> Sequence[ObligationView]:
    query = (
        select(ObligationRow, DocumentRow.symbol)
        .join(DocumentRow)
        .where(overdue_clause(today))
        .order_by(ObligationRow.due_latest, ObligationRow.id)
    )
    return [view_of(row, symbol, today) for row, symbol in session.execute(query)]
