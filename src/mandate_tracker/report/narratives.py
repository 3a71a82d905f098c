"""The editable narrative of each report section, kept in the workspace with its audit trail.

One row per (resolution, report kind, report number, section label) holds the current text and
its version (optimistic locking, as for obligations): the second quarterly report's section (i)
has its own text. Every change is written to the workspace's append-only audit log in the same
transaction (object type ``narrative``, id ``S/2020/600#quarterly#2#(i)``); a report rebuilt
"as of" a day reads the narrative as it stood at the end of that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from mandate_tracker.errors import ConflictError, InputError, ValidationError
from mandate_tracker.report.definitions import report_definition
from mandate_tracker.report.model import REPORT_KINDS
from mandate_tracker.report.workspace import NarrativeRevision
from mandate_tracker.store.models import AuditRow, Base, DocumentRow, utcnow
from mandate_tracker.track import audit

OBJECT_TYPE = "narrative"
MAX_LENGTH = 20_000


class NarrativeRow(Base):
    __tablename__ = "report_narratives"
    __table_args__ = (UniqueConstraint("document_id", "report_kind", "report_number", "section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    report_kind: Mapped[str] = mapped_column(String(16))
    report_number: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)


def narrative_id(symbol: str, kind: str, number: int, section: str) -> str:
    return f"{symbol}#{kind}#{number}#{section}"


def _state(row: NarrativeRow, symbol: str) -> dict[str, Any]:
    return audit.state_of(row, document=symbol)


def set_narrative(
    session: Session,
    document: DocumentRow,
    kind: str,
    number: int,
    section: str,
    text: str,
    *,
    actor: str,
    expect_version: int | None = None,
) -> NarrativeRow:
    """Write a section's narrative (create or replace), audited; a stale version conflicts."""
    _check_section(document, kind, section)
    if number < 1:
        raise ValidationError(f"report number {number} does not exist; they count from 1")
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"a narrative is at most {MAX_LENGTH:,} characters", where="text")
    row = session.scalars(
        select(NarrativeRow).where(
            NarrativeRow.document_id == document.id,
            NarrativeRow.report_kind == kind,
            NarrativeRow.report_number == number,
            NarrativeRow.section == section,
        )
    ).first()
    where = narrative_id(document.symbol, kind, number, section)
    current = row.version if row else 0
    if expect_version is not None and expect_version != current:
        raise ConflictError(
            f"the narrative is at version {current}, not {expect_version}: someone changed it "
            "since you read it",
            where=where,
        )
    before = _state(row, document.symbol) if row else None
    if row is None:
        row = NarrativeRow(
            document_id=document.id,
            report_kind=kind,
            report_number=number,
            section=section,
            text=text,
            updated_by=actor,
        )
        session.add(row)
    else:
        row.text, row.updated_by, row.updated_at = text, actor, utcnow()
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type=OBJECT_TYPE,
        object_id=where,
        action="create" if before is None else "update",
        before=before,
        after=_state(row, document.symbol),
    )
    return row


def _check_section(document: DocumentRow, kind: str, section: str) -> None:
    from mandate_tracker.report.from_store import stored_document

    if kind not in REPORT_KINDS:
        raise InputError(f"unknown report {kind!r}: choose one of {', '.join(REPORT_KINDS)}")
    definition = report_definition(stored_document(document), kind)
    labels = [s.label for s in definition.sections]
    if section not in labels:
        raise InputError(
            f"the {kind} report of {document.symbol} has no section {section!r}; its sections: "
            f"{', '.join(labels)}"
        )


def narrative_history(
    session: Session, document: DocumentRow, kind: str, number: int, section: str
) -> list[NarrativeRevision]:
    """Every revision of one section's narrative, oldest first."""
    query = (
        select(AuditRow)
        .where(
            AuditRow.object_type == OBJECT_TYPE,
            AuditRow.object_id == narrative_id(document.symbol, kind, number, section),
        )
        .order_by(AuditRow.id)
    )
    return [_revision(row) for row in session.scalars(query)]


def narrative_revisions(
    session: Session, document: DocumentRow
) -> dict[tuple[str, int, str], tuple[NarrativeRevision, ...]]:
    """Every revision of every section's narrative of ``document``, oldest first."""
    query = (
        select(AuditRow)
        .where(
            AuditRow.object_type == OBJECT_TYPE,
            AuditRow.object_id.startswith(f"{document.symbol}#", autoescape=True),
        )
        .order_by(AuditRow.id)
    )
    found: dict[tuple[str, int, str], list[NarrativeRevision]] = {}
    for row in session.scalars(query):
        _, kind, number, section = row.object_id.rsplit("#", 3)
        found.setdefault((kind, int(number), section), []).append(_revision(row))
    return {key: tuple(revisions) for key, revisions in found.items()}


def _revision(row: AuditRow) -> NarrativeRevision:
    after = row.after or {}
    return NarrativeRevision(at=audit.as_utc(row.at), author=row.actor, text=after.get("text", ""))
