"""Import a resolution into the workspace: the document, its analysis, its obligations register
and the indicators its targets propose, all in the caller's one transaction.

Ids are deterministic (the register's obligation ids, the document symbol, indicator codes made
from the provision anchor), so importing the same document again changes nothing. A later
resolution for the same mission is linked to the one before it (``predecessor``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import MandateError, SourceError, ValidationError
from mandate_tracker.model import Document, Obligation, Target
from mandate_tracker.store.models import (
    DocumentRow,
    IndicatorProvisionRow,
    IndicatorRow,
    ObligationRow,
    TargetRow,
)
from mandate_tracker.track import audit
from mandate_tracker.track.missions import mandate_end_of, mission_of

# The register's fields: what an import may set. Tracking fields (status, assignee, notes) are
# the users' and are never touched by a re-import.
REGISTER_FIELDS = (
    "kind",
    "title",
    "owner",
    "due",
    "due_precision",
    "due_latest",
    "recurrence",
    "paragraph",
    "anchor",
    "span_start",
    "span_end",
    "quote",
    "parent_id",
    "position",
    "document_id",
)


@dataclass(frozen=True)
class SourceFile:
    """The file a document was read from: its name, and its bytes for the content hash."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def text(self) -> str | None:
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            return None  # a PDF: the parsed document JSON keeps its text


@dataclass
class ImportResult:
    symbol: str
    document_created: bool = False
    document_updated: bool = False
    obligations_added: int = 0
    obligations_updated: int = 0
    obligations_unchanged: int = 0
    indicators_proposed: int = 0
    predecessor: str | None = None
    mission: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.document_created
            or self.document_updated
            or self.obligations_added
            or self.obligations_updated
            or self.indicators_proposed
        )


def import_file(session: Session, path: Path | str, *, actor: str) -> ImportResult:
    """Read, parse, analyse and derive the register of ``path``, then store it all."""
    # Imported here: the reader and the analysis are separate stages (landing on their own).
    try:
        from mandate_tracker.analyse import (  # type: ignore[attr-defined,unused-ignore]
            analyse_document,
            derive_obligations,
        )
    except ImportError as error:
        raise MandateError(
            "this build has no analysis stage, so it cannot derive the obligations register"
        ) from error
    from mandate_tracker.parse import (  # type: ignore[attr-defined,unused-ignore]
        document_to_dict,
        read_document,
    )

    path = Path(path)
    doc = analyse_document(read_document(path))
    obligations = derive_obligations(doc)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror}", where=str(path)) from error
    return store_document(
        session,
        doc,
        document_to_dict(doc),
        obligations,
        SourceFile(path.name, data),
        actor=actor,
    )


def store_document(
    session: Session,
    doc: Document,
    content: dict[str, Any],
    obligations: list[Obligation],
    source: SourceFile,
    *,
    actor: str,
) -> ImportResult:
    symbol = doc.info.symbol
    if not symbol:
        raise ValidationError("the document has no symbol; cannot store it", where=source.name)
    result = ImportResult(symbol)
    row = _upsert_document(session, doc, content, source, actor, result)
    session.flush()
    ids = [obligation.id for obligation in obligations]
    known = {
        found.id: found
        for found in session.scalars(select(ObligationRow).where(ObligationRow.id.in_(ids)))
    }
    changes: list[tuple[ObligationRow, str, dict[str, Any] | None]] = []
    for position, obligation in enumerate(obligations):
        change = _upsert_obligation(
            session, row, obligation, position, known.get(obligation.id), result
        )
        if change is not None:
            changes.append(change)
    session.flush()  # one flush for the whole register; then its audit entries
    for changed, action, before in changes:
        audit.record(
            session,
            actor=actor,
            object_type="obligation",
            object_id=changed.id,
            action=action,
            before=before,
            after=audit.state_of(changed),
        )
    for obligation, target, number in distinct_targets(obligations):
        if _propose_indicator(session, row, obligation, target, number, actor):
            result.indicators_proposed += 1
    _link_renewals(session, row.mission, actor)
    session.flush()
    result.mission = row.mission
    result.predecessor = row.predecessor.symbol if row.predecessor else None
    return result


def _upsert_document(
    session: Session,
    doc: Document,
    content: dict[str, Any],
    source: SourceFile,
    actor: str,
    result: ImportResult,
) -> DocumentRow:
    assert doc.info.symbol
    fields: dict[str, Any] = {
        "kind": doc.info.kind,
        "date": doc.info.date,
        "mission": mission_of(doc),
        "mandate_end": mandate_end_of(doc),
        "source_name": source.name,
        "source_text": source.text,
        "content": content,
        "content_hash": source.sha256,
    }
    row = session.scalars(select(DocumentRow).where(DocumentRow.symbol == doc.info.symbol)).first()
    if row is None:
        row = DocumentRow(symbol=doc.info.symbol, **fields)
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor=actor,
            object_type="document",
            object_id=row.symbol,
            action="import",
            before=None,
            after=_document_state(row),
        )
        result.document_created = True
        return row
    if row.content_hash == source.sha256:
        return row
    before = _document_state(row)
    for name, value in fields.items():
        setattr(row, name, value)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="document",
        object_id=row.symbol,
        action="reimport",
        before=before,
        after=_document_state(row),
    )
    result.document_updated = True
    return row


def _document_state(row: DocumentRow) -> dict[str, Any]:
    state = audit.state_of(row)
    state.pop("source_text", None)  # the text is in the row; the log keeps what identifies it
    return state


def register_fields(
    document: DocumentRow, obligation: Obligation, position: int = 0
) -> dict[str, Any]:
    due = obligation.due
    return {
        "kind": obligation.kind,
        "title": obligation.title,
        "owner": obligation.owner,
        "due": str(due) if due else None,
        "due_precision": due.precision if due else None,
        "due_latest": due.latest() if due else None,
        "recurrence": obligation.recurrence,
        "paragraph": obligation.source.paragraph,
        "anchor": obligation.source.anchor,
        "span_start": obligation.source.span[0],
        "span_end": obligation.source.span[1],
        "quote": obligation.source.quote,
        "parent_id": obligation.parent,
        "position": position,
        "document_id": document.id,
    }


def _upsert_obligation(
    session: Session,
    document: DocumentRow,
    obligation: Obligation,
    position: int,
    row: ObligationRow | None,
    result: ImportResult,
) -> tuple[ObligationRow, str, dict[str, Any] | None] | None:
    """Insert or update one obligation's register fields; the change to audit, if any."""
    fields = register_fields(document, obligation, position)
    if row is None:
        row = ObligationRow(id=obligation.id, status="open", **fields)
        session.add(row)
        result.obligations_added += 1
        return row, "create", None
    if all(getattr(row, name) == value for name, value in fields.items()):
        result.obligations_unchanged += 1
        return None
    before = audit.state_of(row)
    for name, value in fields.items():
        setattr(row, name, value)
    row.updated_at = dt.datetime.now(dt.UTC)
    result.obligations_updated += 1
    return row, "reimport", before


def distinct_targets(obligations: list[Obligation]) -> list[tuple[Obligation, Target, int]]:
    """Each target of the text once, with the obligation it belongs to most narrowly.

    The register repeats a target on the provision's obligation and on its own ``target``
    obligation; both point at the same words (anchor and span). Targets are numbered by their
    position in the provision, so codes do not depend on the register's order.
    """
    chosen: dict[tuple[str, tuple[int, int]], tuple[Obligation, Target]] = {}
    for obligation in obligations:
        for target in obligation.targets:
            key = (obligation.source.anchor, target.span)
            if key not in chosen or obligation.kind == "target":
                chosen[key] = (obligation, target)
    numbered: list[tuple[Obligation, Target, int]] = []
    counts: dict[str, int] = {}
    for (anchor, _span), (obligation, target) in sorted(chosen.items()):
        counts[anchor] = counts.get(anchor, 0) + 1
        numbered.append((obligation, target, counts[anchor]))
    return numbered


def indicator_code(symbol: str, anchor: str, number: int) -> str:
    """A deterministic, readable code: ``s-2020-600:para-3-dash-1:t1``."""
    slug = re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")
    return f"{slug}:{anchor}:t{number}"


def _propose_indicator(
    session: Session,
    document: DocumentRow,
    obligation: Obligation,
    target: Target,
    number: int,
    actor: str,
) -> bool:
    code = indicator_code(document.symbol, obligation.source.anchor, number)
    if session.scalars(select(IndicatorRow.id).where(IndicatorRow.code == code)).first():
        return False
    due = obligation.due.latest() if obligation.due else document.mandate_end
    indicator = IndicatorRow(
        code=code,
        name=target.subject or target.text,
        unit=target.unit,
        direction="lower" if target.comparator in ("<", "<=") else "higher",
        owner=obligation.owner,
        state="proposed",
        source=f"{document.symbol} {obligation.source.anchor}",
        obligation_id=obligation.id,
        provisions=[
            IndicatorProvisionRow(anchor=obligation.source.anchor, document_id=document.id)
        ],
        targets=[]
        if due is None
        else [
            TargetRow(
                period_start=document.date,
                due=due,
                value=target.value,
                comparator=target.comparator,
                quote=target.text,
            )
        ],
    )
    session.add(indicator)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="indicator",
        object_id=code,
        action="propose",
        before=None,
        after=indicator_state(indicator),
    )
    return True


def indicator_state(row: IndicatorRow) -> dict[str, Any]:
    return audit.state_of(
        row,
        provisions=[link.anchor for link in row.provisions],
        targets=[audit.state_of(target) for target in row.targets],
    )


def _link_renewals(session: Session, mission: str | None, actor: str) -> None:
    """Chain the mission's resolutions by date: each one's predecessor is the one before."""
    if mission is None:
        return
    rows = session.scalars(
        select(DocumentRow)
        .where(DocumentRow.mission == mission, DocumentRow.date.is_not(None))
        .order_by(DocumentRow.date, DocumentRow.id)
    ).all()
    previous: DocumentRow | None = None
    for row in rows:
        wanted = previous.id if previous else None
        if row.predecessor_id != wanted:
            before = _document_state(row)
            row.predecessor_id = wanted
            row.predecessor = previous
            session.flush()
            audit.record(
                session,
                actor=actor,
                object_type="document",
                object_id=row.symbol,
                action="link-predecessor",
                before=before,
                after=_document_state(row),
            )
        previous = row
