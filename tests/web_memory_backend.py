"""An in-memory WebBackend for tests of the web edge alone (routes, security, templates).

It keeps documents, obligations, indicators and an audit trail in dicts and hashes passwords
with argon2 like the real accounts do, so tests of the HTTP layer do not depend on the
database. Tests of the whole stack use the workspace backend on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from mandate_tracker.errors import (
    AuthError,
    ConflictError,
    InputError,
    NotFoundError,
    ValidationError,
)
from mandate_tracker.model import Document
from mandate_tracker.report import prepare_report, render_report, report_definition
from mandate_tracker.report.periods import mandate_of, select_period
from mandate_tracker.report.workspace import NarrativeRevision, WorkspaceView
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
)
from mandate_tracker.web.reader import document_title
from mandate_tracker.web.reports import output_format, quarter_of, report_kind, report_summaries
from mandate_tracker.web.security import Principal, Role

STATUSES = ("not started", "in progress", "done", "blocked")
_hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


class MemoryBackend:
    def __init__(self) -> None:
        self.users: dict[str, tuple[str, Role]] = {}
        self.tokens: dict[str, str] = {}
        self.docs: dict[str, Document] = {}
        self.obligation_rows: dict[str, ObligationView] = {}
        self.indicator_rows: dict[str, IndicatorView] = {}
        self.changes: list[ChangeEntry] = []
        # narrative revisions per (symbol, kind, report number, section label), oldest first
        self.narratives: dict[tuple[str, str, int, str], list[NarrativeRevision]] = {}
        self.parse_upload = None  # set to a callable(text, name) -> Document to accept uploads

    def revision(self) -> str:
        return f"{len(self.changes)}:{len(self.docs)}:{len(self.users)}:{id(self.docs)}"

    # accounts
    def add_user(self, name: str, password: str, role: Role) -> str:
        self.users[name] = (_hasher.hash(password), role)
        token = secrets.token_urlsafe(24)
        self.tokens[token] = name
        return token

    def authenticate(self, name: str, password: str) -> Principal:
        stored = self.users.get(name)
        try:
            if stored is None or not _hasher.verify(stored[0], password):
                raise AuthError("unknown name or wrong password")
        except VerifyMismatchError as error:
            raise AuthError("unknown name or wrong password") from error
        return Principal(name, stored[1])

    def principal_for_token(self, token: str) -> Principal:
        name = self.tokens.get(token)
        if name is None or name not in self.users:
            raise AuthError("unknown API token")
        return Principal(name, self.users[name][1], via_token=True)

    def principal_named(self, name: str) -> Principal | None:
        stored = self.users.get(name)
        return Principal(name, stored[1]) if stored else None

    def create_user(self, name: str, password: str, role: Role, actor: str) -> Principal:
        if name in self.users:
            raise InputError(f"user {name!r} already exists", where="name")
        self.add_user(name, password, role)
        self._log(actor, "created user", name, role)
        return Principal(name, role)

    def issue_api_token(self, name: str, actor: str) -> str:
        token = secrets.token_urlsafe(24)
        self.tokens[token] = name
        return token

    # documents
    def add_document(self, doc: Document) -> None:
        self.docs[doc.info.symbol or doc.source_name] = doc

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(symbol, document_title(d), d.info.date, len(d.paragraphs))
            for symbol, d in self.docs.items()
        ]

    def document(self, symbol: str) -> Document:
        if symbol not in self.docs:
            raise NotFoundError(f"no document {symbol!r} in the workspace", where=symbol)
        return self.docs[symbol]

    def import_document(self, filename: str, data: bytes, actor: str) -> str:
        if self.parse_upload is None:
            raise InputError("uploads are not set up in this test", where=filename)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError("not UTF-8 text", where=filename) from error
        doc = self.parse_upload(text, filename)
        self.add_document(doc)
        self._log(actor, "imported", doc.info.symbol or filename, filename)
        return doc.info.symbol or filename

    # obligations
    def add_obligation(self, view: ObligationView) -> None:
        self.obligation_rows[view.id] = view

    def obligations(self, query: ObligationFilter) -> list[ObligationView]:
        def keep(o: ObligationView) -> bool:
            due = o.due and dt.date.fromisoformat(o.due.ljust(10, "-")[:10].replace("--", "-01"))
            return (
                (query.owner is None or o.owner == query.owner)
                and (query.status is None or o.status == query.status)
                and (query.kind is None or o.kind == query.kind)
                and (query.section is None or o.section == query.section)
                and (query.paragraph is None or o.paragraph == query.paragraph)
                and (query.document is None or o.document == query.document)
                and (query.due_before is None or (bool(due) and due < query.due_before))
            )

        return [o for o in self.obligation_rows.values() if keep(o)]

    def obligation(self, obligation_id: str) -> ObligationView:
        if obligation_id not in self.obligation_rows:
            raise NotFoundError(f"no obligation {obligation_id!r}", where=obligation_id)
        return self.obligation_rows[obligation_id]

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
        current = self.obligation(obligation_id)
        if status not in STATUSES:
            raise ValidationError(
                f"status {status!r} is not one of {', '.join(STATUSES)}", where="status"
            )
        if expected_version is not None and expected_version != current.version:
            raise ConflictError("changed by someone else since you read it", where=obligation_id)
        updated = dataclasses.replace(
            current, status=status, version=current.version + 1, notes=(*current.notes, note)
        )
        self.obligation_rows[obligation_id] = updated
        self._log(actor, "set status", obligation_id, f"{current.status} → {status}; {note}")
        return updated

    def obligation_statuses(self) -> tuple[str, ...]:
        return STATUSES

    def settable_statuses(self) -> tuple[str, ...]:
        return STATUSES

    # indicators
    def indicators(self) -> list[IndicatorView]:
        return list(self.indicator_rows.values())

    def indicator(self, code: str) -> IndicatorView:
        if code not in self.indicator_rows:
            raise NotFoundError(f"no indicator {code!r}", where=code)
        return self.indicator_rows[code]

    def record_observation(
        self, code: str, *, period: str, value: float, evidence: str, actor: str
    ) -> IndicatorView:
        current = self.indicator(code)
        observation = Observation(period, value, evidence, "draft", actor, dt.datetime.now())
        updated = dataclasses.replace(current, observations=(*current.observations, observation))
        self.indicator_rows[code] = updated
        self._log(actor, "recorded", code, f"{period}: {value:g}")
        return updated

    # calendar, audit, dashboard
    def calendar(self) -> list[CalendarEntry]:
        return [
            CalendarEntry(dt.date.fromisoformat(o.due), o.title, "report", o.id)
            for o in self.obligation_rows.values()
            if o.due and len(o.due) == 10
        ]

    def calendar_ics(self) -> bytes:
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
        for entry in self.calendar():
            lines += [
                "BEGIN:VEVENT",
                f"SUMMARY:{entry.title}",
                f"DTSTART;VALUE=DATE:{entry.date:%Y%m%d}",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return ("\r\n".join(lines) + "\r\n").encode()

    def audit_log(self, limit: int) -> list[ChangeEntry]:
        return list(reversed(self.changes))[:limit]

    def dashboard(self, today: dt.date) -> Dashboard:
        counts: dict[str, int] = {}
        for o in self.obligation_rows.values():
            counts[o.status] = counts.get(o.status, 0) + 1
        end = dt.date(2021, 6, 30)
        return Dashboard(
            mandate_end=end,
            days_to_mandate_end=(end - today).days,
            obligations_by_status=tuple(StatusCount(s, n) for s, n in counts.items()),
            overdue=tuple(o for o in self.obligation_rows.values() if o.overdue),
            next_reports=tuple(self.calendar()[:5]),
            targets_by_status=tuple(StatusCount(i.status, 1) for i in self.indicator_rows.values()),
            recent_changes=tuple(self.audit_log(10)),
            documents=tuple(self.documents()),
        )

    def _log(self, actor: str, action: str, subject: str, detail: str) -> None:
        self.changes.append(ChangeEntry(dt.datetime.now(), actor, action, subject, detail))

    # reports: the library's drafts over the documents alone (nothing tracked) and narratives
    def reports(self) -> list[ReportSummary]:
        return [s for symbol, doc in self.docs.items() for s in report_summaries(symbol, doc, None)]

    def _doc_for(self, query: ReportQuery) -> tuple[str, Document]:
        if query.document is None:
            if not self.docs:
                raise InputError("the workspace holds no resolution yet")
            return next(reversed(self.docs.items()))
        return query.document, self.document(query.document)

    def report(self, query: ReportQuery, today: dt.date) -> ReportDraft:
        symbol, doc = self._doc_for(query)
        kind = report_kind(query.kind)
        narratives = {
            (k, n, label): tuple(revisions)
            for (s, k, n, label), revisions in self.narratives.items()
            if s == symbol
        }
        view = WorkspaceView(document_symbol=symbol, narratives=narratives)
        drafted = prepare_report(
            doc, kind, view, period=query.period, as_of=query.as_of, today=today
        )
        versions = {
            label: len(revisions)
            for (s, k, n, label), revisions in self.narratives.items()
            if (s, k, n) == (symbol, kind, drafted.number)
        }
        return ReportDraft(drafted, quarter_of(drafted.due), versions)

    def report_file(self, query: ReportQuery, fmt: str, today: dt.date) -> bytes:
        return render_report(self.report(query, today).report, output_format(fmt))

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
        symbol, doc = self._doc_for(query)
        kind = report_kind(query.kind)
        definition = report_definition(doc, kind)
        if section not in [s.label for s in definition.sections]:
            raise InputError(f"the {kind} report of {symbol} has no section {section!r}")
        chosen = select_period(definition, mandate_of(doc), period=query.period, today=today)
        revisions = self.narratives.setdefault((symbol, kind, chosen.number, section), [])
        if expected_version is not None and expected_version != len(revisions):
            raise ConflictError(f"the narrative is at version {len(revisions)}")
        revisions.append(NarrativeRevision(dt.datetime.now(dt.UTC), actor, text.strip()))
        self._log(actor, "update", f"narrative {symbol}#{kind}#{chosen.number}#{section}", text)
        return self.report(query, today)
