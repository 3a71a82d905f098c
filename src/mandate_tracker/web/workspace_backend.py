"""The web edge's backend over the tracking workspace (``store`` + ``track``).

Each method is one transaction on the workspace and calls the ``track`` functions the CLI
uses; it only reshapes their results for pages and JSON.

Reads are cached by the workspace's *revision*: the id of its newest audit entry. Every change
to the workspace (by this server, the CLI or another server) writes an audit entry in the same
transaction, so a cached answer is reused only while nothing has changed; one indexed
``max(id)`` query per read replaces the dozen queries a dashboard needs.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mandate_tracker.errors import AuthError, InputError, NotFoundError, ValidationError
from mandate_tracker.model import Document, PartialDate
from mandate_tracker.store import open_workspace, resolve_database_url
from mandate_tracker.store.models import AuditRow, DocumentRow, EvidenceRow, ObservationRow
from mandate_tracker.track import accounts, audit, calendar, indicators, obligations, status
from mandate_tracker.track.documents import import_file
from mandate_tracker.web.backend import (
    CalendarEntry,
    ChangeEntry,
    Dashboard,
    DocumentSummary,
    IndicatorView,
    ObligationFilter,
    ObligationView,
    Observation,
    ReportDraft,
    ReportQuery,
    ReportSummary,
    StatusCount,
    TargetPoint,
)
from mandate_tracker.web.reader import document_title
from mandate_tracker.web.reports import output_format, quarter_of, report_kind, report_summaries
from mandate_tracker.web.security import Principal, Role

ALLOWED_UPLOADS = (".pdf", ".txt", ".text")
# How long a read of the workspace's revision is trusted. Changes made through this backend are
# seen at once; changes made elsewhere (the CLI, another server process) within this delay.
REVISION_TTL_SECONDS = 0.5
T = TypeVar("T")


def _principal(user: Any, *, via_token: bool = False) -> Principal:
    role: Role = user.role
    return Principal(user.name, role, via_token=via_token)


class WorkspaceBackend:
    """A :class:`~mandate_tracker.web.backend.WebBackend` over an existing workspace."""

    def __init__(self, database_url: str | None = None) -> None:
        self.workspace = open_workspace(resolve_database_url(database_url))
        self._parsed: dict[str, Document] = {}  # content hash -> document
        self._lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._cache_revision = -1
        self._revision_read_at = -REVISION_TTL_SECONDS
        self._last_revision = -1

    def revision(self) -> str:
        """Changes whenever the workspace changes: the id of the newest audit entry."""
        return str(self._revision())

    def _revision(self) -> int:
        now = time.monotonic()
        with self._lock:
            if now - self._revision_read_at < REVISION_TTL_SECONDS:
                return self._last_revision
        with self.workspace.engine.connect() as connection:
            revision = int(connection.execute(select(func.max(AuditRow.id))).scalar() or 0)
        with self._lock:
            self._last_revision, self._revision_read_at = revision, now
        return revision

    def _changed(self) -> None:
        """After a write through this backend: re-read the revision on the next read."""
        with self._lock:
            self._revision_read_at = -REVISION_TTL_SECONDS

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        revision = self._revision()
        with self._lock:
            if revision != self._cache_revision:
                self._cache.clear()
                self._cache_revision = revision
            if key in self._cache:
                found: T = self._cache[key]
                return found
        value = compute()
        with self._lock:
            if revision == self._cache_revision:
                self._cache[key] = value
        return value

    def close(self) -> None:
        self.workspace.close()

    # --- accounts -------------------------------------------------------------------------

    def authenticate(self, name: str, password: str) -> Principal:
        with self.workspace.session() as session:
            return _principal(accounts.authenticate(session, name, password))

    def principal_for_token(self, token: str) -> Principal:
        def lookup() -> Principal | None:
            with self.workspace.session() as session:
                try:
                    return _principal(accounts.user_for_token(session, token), via_token=True)
                except AuthError:
                    return None

        found = self._cached(("token", accounts.token_hash(token)), lookup)
        if found is None:
            raise AuthError("unknown or revoked API token")
        return found

    def principal_named(self, name: str) -> Principal | None:
        def lookup() -> Principal | None:
            with self.workspace.session() as session:
                try:
                    return _principal(accounts.get_user(session, name))
                except NotFoundError:
                    return None

        return self._cached(("user", name), lookup)

    def create_user(self, name: str, password: str, role: Role, actor: str) -> Principal:
        with self.workspace.session() as session:
            user = _principal(accounts.create_user(session, name, role, password, actor=actor))
        self._changed()
        return user

    def issue_api_token(self, name: str, actor: str) -> str:
        with self.workspace.session() as session:
            token = accounts.issue_api_token(session, name, actor=actor)
        self._changed()
        return token

    # --- documents ------------------------------------------------------------------------

    def _document_of(self, row: DocumentRow) -> Document:
        from mandate_tracker.parse import document_from_dict

        with self._lock:
            doc = self._parsed.get(row.content_hash)
        if doc is None:
            doc = document_from_dict(row.content)
            with self._lock:
                self._parsed[row.content_hash] = doc
        return doc

    def _all_documents(self, session: Session) -> list[tuple[DocumentRow | None, str, Document]]:
        """(row, symbol, document) of every document; loads a row's JSON only when its
        content hash is not parsed yet (rows whose JSON was not loaded come back as None)."""
        found: list[tuple[DocumentRow | None, str, Document]] = []
        heads = select(DocumentRow.id, DocumentRow.symbol, DocumentRow.content_hash).order_by(
            DocumentRow.date, DocumentRow.id
        )
        for row_id, symbol, content_hash in session.execute(heads):
            with self._lock:
                doc = self._parsed.get(content_hash)
            if doc is not None:
                found.append((None, symbol, doc))
                continue
            row = session.get(DocumentRow, row_id)
            if row is not None:
                found.append((row, symbol, self._document_of(row)))
        return found

    def documents(self) -> list[DocumentSummary]:
        return self._cached(("documents",), self._documents)

    def _documents(self) -> list[DocumentSummary]:
        with self.workspace.session() as session:
            return [
                DocumentSummary(symbol, document_title(doc), doc.info.date, len(doc.paragraphs))
                for _, symbol, doc in self._all_documents(session)
            ]

    def document(self, symbol: str) -> Document:
        def load() -> Document:
            with self.workspace.session() as session:
                return self._document_of(self._document_row(session, symbol))

        return self._cached(("document", symbol), load)

    @staticmethod
    def _document_row(session: Session, symbol: str) -> DocumentRow:
        row = session.scalars(select(DocumentRow).where(DocumentRow.symbol == symbol)).first()
        if row is None:
            raise NotFoundError(f"no document {symbol!r} in the workspace", where=symbol)
        return row

    def import_document(self, filename: str, data: bytes, actor: str) -> str:
        name = Path(filename).name or "upload.txt"
        if not name.lower().endswith(ALLOWED_UPLOADS):
            raise InputError("upload a PDF (.pdf) or a plain-text file (.txt)", where=name)
        with tempfile.TemporaryDirectory(prefix="mandate-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            with self.workspace.session() as session:
                symbol = import_file(session, path, actor=actor).symbol
        self._changed()
        return symbol

    # --- obligations ----------------------------------------------------------------------

    def _sections(self, session: Session) -> dict[tuple[str, str], str | None]:
        """(document symbol, paragraph number) -> the heading the paragraph stands under."""
        sections: dict[tuple[str, str], str | None] = {}
        for _, symbol, doc in self._all_documents(session):
            for paragraph in doc.paragraphs:
                sections[(symbol, paragraph.number)] = paragraph.heading
        return sections

    @staticmethod
    def _view(
        item: obligations.ObligationView, sections: dict[tuple[str, str], str | None]
    ) -> ObligationView:
        return ObligationView(
            id=item.id,
            document=item.document,
            kind=item.kind,
            title=item.title,
            owner=item.owner,
            status=item.status,
            paragraph=item.paragraph,
            anchor=item.anchor,
            quote=item.quote,
            section=sections.get((item.document, item.paragraph)),
            due=item.due,
            overdue=item.status == "overdue",
            version=item.version,
            notes=tuple((item.notes or "").splitlines()),
            assignee=item.assignee,
            recurrence=item.recurrence,
        )

    def obligations(self, query: ObligationFilter) -> list[ObligationView]:
        def load() -> list[ObligationView]:
            with self.workspace.session() as session:
                found = obligations.list_obligations(
                    session, owner=query.owner, due_before=query.due_before
                )
                sections = self._sections(session)
                return [self._view(item, sections) for item in found]

        if query.status is not None and query.status not in obligations.STATUSES:
            raise ValidationError(
                f"unknown status {query.status!r}; use one of {', '.join(obligations.STATUSES)}",
                where="status",
            )
        key = ("obligations", query.owner, query.due_before, dt.date.today())
        views = self._cached(key, load)
        # The status is matched here, on the computed status ("open" = open and not overdue,
        # whether or not the obligation has a due date).
        return [
            view
            for view in views
            if (query.status is None or view.status == query.status)
            and (query.kind is None or view.kind == query.kind)
            and (query.section is None or view.section == query.section)
            and (query.paragraph is None or view.paragraph == query.paragraph)
            and (query.document is None or view.document == query.document)
        ]

    def obligation(self, obligation_id: str) -> ObligationView:
        with self.workspace.session() as session:
            row = obligations.get_obligation(session, obligation_id)
            view = obligations.view_of(row, row.document.symbol, dt.date.today())
            return self._view(view, self._sections(session))

    def update_obligation(
        self,
        obligation_id: str,
        *,
        status: str,
        note: str,
        evidence: str,
        expected_version: int | None,
        actor: str,
    ) -> ObligationView:
        link, note = _evidence_and_note(evidence, note)
        with self.workspace.session() as session:
            updated = obligations.update_obligation(
                session,
                obligation_id,
                actor=actor,
                status=status,
                note=note or None,
                evidence=link,
                expect_version=expected_version,
            )
            view = self._view(updated, self._sections(session))
        self._changed()
        return view

    def obligation_statuses(self) -> tuple[str, ...]:
        return obligations.STATUSES

    def settable_statuses(self) -> tuple[str, ...]:
        return obligations.SETTABLE

    # --- indicators -----------------------------------------------------------------------

    def _indicator_views(
        self, session: Session, codes: Sequence[str] | None
    ) -> list[IndicatorView]:
        today = dt.date.today()
        progress: dict[str, list[indicators.TargetProgress]] = {}
        for item in indicators.target_progress(session, today):
            progress.setdefault(item.indicator, []).append(item)
        views = []
        for row in indicators.list_indicators(session):
            if codes is not None and row.code not in codes:
                continue
            targets = progress.get(row.code, [])
            pending = [t for t in targets if t.status != "met"]
            overall = (pending or targets)[0].status if targets else "no-data"
            views.append(
                IndicatorView(
                    code=row.code,
                    name=row.name,
                    unit=row.unit,
                    status=overall,
                    targets=tuple(TargetPoint(t.due.isoformat(), t.value) for t in row.targets),
                    observations=tuple(self._observations(session, row.id)),
                )
            )
        return views

    @staticmethod
    def _observations(session: Session, indicator_id: int) -> list[Observation]:
        rows = session.scalars(
            select(ObservationRow)
            .where(ObservationRow.indicator_id == indicator_id)
            .order_by(ObservationRow.as_of, ObservationRow.id)
        ).all()
        evidence: dict[int, list[str]] = {}
        if rows:
            for ev in session.scalars(
                select(EvidenceRow).where(EvidenceRow.observation_id.in_([r.id for r in rows]))
            ):
                evidence.setdefault(ev.observation_id or 0, []).append(ev.location)
        return [
            Observation(
                period=row.as_of.isoformat(),
                value=row.value,
                evidence="; ".join([*evidence.get(row.id, []), *([row.note] if row.note else [])]),
                review_status=row.review_status,
                entered_by=row.entered_by,
                entered_at=row.entered_at,
            )
            for row in rows
        ]

    def indicators(self) -> list[IndicatorView]:
        def load() -> list[IndicatorView]:
            with self.workspace.session() as session:
                return self._indicator_views(session, None)

        return self._cached(("indicators", dt.date.today()), load)

    def indicator(self, code: str) -> IndicatorView:
        def load() -> IndicatorView:
            with self.workspace.session() as session:
                indicators.get_indicator(session, code)  # NotFoundError for an unknown code
                return self._indicator_views(session, [code])[0]

        return self._cached(("indicator", code, dt.date.today()), load)

    def record_observation(
        self, code: str, *, period: str, value: float, evidence: str, actor: str
    ) -> IndicatorView:
        try:
            as_of = PartialDate.parse(period).latest()
        except ValidationError as error:
            raise ValidationError(f"period {period!r}: {error.message}", where="period") from error
        link, note = _evidence_and_note(evidence, "")
        with self.workspace.session() as session:
            indicators.record_observation(
                session, code, value, as_of, actor=actor, note=note or None, evidence=link
            )
        self._changed()
        return self.indicator(code)

    # --- calendar, audit, dashboard ---------------------------------------------------------

    def _calendar(self, session: Session) -> list[calendar.Due]:
        return calendar.workspace_calendar(session)

    def calendar(self) -> list[CalendarEntry]:
        def load() -> list[CalendarEntry]:
            with self.workspace.session() as session:
                return [_calendar_entry(due) for due in self._calendar(session)]

        return self._cached(("calendar",), load)

    def calendar_ics(self) -> bytes:
        with self.workspace.session() as session:
            return calendar.to_ics(self._calendar(session))

    def audit_log(self, limit: int) -> list[ChangeEntry]:
        def load() -> list[ChangeEntry]:
            with self.workspace.session() as session:
                newest = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
                return [_change(audit.entry_of(row)) for row in session.scalars(newest)]

        return self._cached(("audit", limit), load)

    def dashboard(self, today: dt.date) -> Dashboard:
        return self._cached(("dashboard", today), lambda: self._dashboard(today))

    def _dashboard(self, today: dt.date) -> Dashboard:
        with self.workspace.session() as session:
            summary = status.summarise(session, today)
            sections = self._sections(session)
            overdue = tuple(self._view(item, sections) for item in summary.overdue)
        return Dashboard(
            mandate_end=summary.mandate_end,
            days_to_mandate_end=summary.days_to_mandate_end,
            obligations_by_status=tuple(
                StatusCount(name, count) for name, count in summary.obligations.items()
            ),
            overdue=overdue,
            next_reports=tuple(_calendar_entry(due) for due in summary.next_due),
            targets_by_status=tuple(
                StatusCount(name, count) for name, count in summary.targets.items()
            ),
            recent_changes=tuple(self.audit_log(10)),
        )

    # --- reports ------------------------------------------------------------------------------

    def reports(self) -> list[ReportSummary]:
        def load() -> list[ReportSummary]:
            with self.workspace.session() as session:
                rows = session.scalars(
                    select(DocumentRow).order_by(DocumentRow.date, DocumentRow.id)
                )
                return [
                    summary
                    for row in rows
                    for summary in report_summaries(
                        row.symbol, self._document_of(row), row.mandate_end
                    )
                ]

        return self._cached(("reports",), load)

    def report(self, query: ReportQuery, today: dt.date) -> ReportDraft:
        return self._cached(("report", query, today), lambda: self._report(query, today))

    def _report(self, query: ReportQuery, today: dt.date) -> ReportDraft:
        from mandate_tracker.report import prepare_report
        from mandate_tracker.report.from_store import StoreWorkspace, find_document
        from mandate_tracker.report.narratives import NarrativeRow

        kind = report_kind(query.kind)
        with self.workspace.session() as session:
            row = find_document(session, query.document)
            drafted = prepare_report(
                self._document_of(row),
                kind,
                StoreWorkspace(session, row),
                period=query.period,
                as_of=query.as_of,
                today=today,
                mandate_ends=row.mandate_end,
            )
            versions = session.execute(
                select(NarrativeRow.section, NarrativeRow.version).where(
                    NarrativeRow.document_id == row.id,
                    NarrativeRow.report_kind == kind,
                    NarrativeRow.report_number == drafted.number,
                )
            ).all()
        return ReportDraft(drafted, quarter_of(drafted.due), {s: v for s, v in versions})

    def report_file(self, query: ReportQuery, fmt: str, today: dt.date) -> bytes:
        from mandate_tracker.report import render_report

        chosen = output_format(fmt)
        draft = self.report(query, today)
        if query.as_of is not None:  # a file per day of the mandate: too many to keep
            return render_report(draft.report, chosen)
        return self._cached(
            ("report-file", query, chosen, today), lambda: render_report(draft.report, chosen)
        )

    def set_narrative(
        self,
        query: ReportQuery,
        section: str,
        text: str,
        *,
        expected_version: int | None,
        actor: str,
        today: dt.date,
    ) -> ReportDraft:
        from mandate_tracker.report.definitions import report_definition
        from mandate_tracker.report.from_store import find_document
        from mandate_tracker.report.narratives import set_narrative
        from mandate_tracker.report.periods import mandate_of, select_period

        kind = report_kind(query.kind)
        if query.as_of is not None:
            raise InputError(
                "a report rebuilt as of a day shows its narratives as they stood then; edit the "
                "narrative of the report chosen by its period",
                where="as_of",
            )
        with self.workspace.session() as session:
            row = find_document(session, query.document)
            doc = self._document_of(row)
            chosen = select_period(
                report_definition(doc, kind),
                mandate_of(doc, row.mandate_end),
                period=query.period,
                today=today,
            )
            set_narrative(
                session,
                row,
                kind,
                chosen.number,
                section,
                text,
                actor=actor,
                expect_version=expected_version,
            )
        self._changed()
        return self.report(query, today)


def _evidence_and_note(evidence: str, note: str) -> tuple[obligations.EvidenceInput | None, str]:
    """A web form's evidence: an http(s) link is stored as evidence; any other text joins the
    note. (Never a server-side file path: a browser user must not make the server read files.)
    """
    evidence = evidence.strip()
    if not evidence:
        return None, note.strip()
    if urlparse(evidence).scheme in ("http", "https"):
        return obligations.EvidenceInput(evidence, "url"), note.strip()
    joined = f"{note.strip()}\nEvidence: {evidence}" if note.strip() else f"Evidence: {evidence}"
    return None, joined


def _calendar_entry(due: calendar.Due) -> CalendarEntry:
    label = f" (report {due.sequence})" if due.sequence else ""
    return CalendarEntry(
        date=due.date,
        title=f"{due.document} ¶{due.paragraph}: {due.title}{label}",
        kind=due.kind,
        obligation_id=due.obligation_id,
    )


def _change(entry: audit.AuditEntry) -> ChangeEntry:
    before, after = entry.before or {}, entry.after or {}
    shown = [f for f in entry.changed_fields() if f not in ("version", "updated_at")]
    detail = "; ".join(f"{f}: {_short(before.get(f))} → {_short(after.get(f))}" for f in shown[:4])
    if entry.before is None:
        detail = "created"
    return ChangeEntry(
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        subject=f"{entry.object_type} {entry.object_id}",
        detail=detail,
    )


def _short(value: object, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
