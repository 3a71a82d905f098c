"""What the web edge asks of the library, and the shapes it gets back.

Routes validate input, call one method of a :class:`WebBackend` and shape the response; they
never touch the database. :mod:`mandate_tracker.web.workspace_backend` implements the protocol
over the tracking workspace (``store`` + ``track``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from mandate_tracker.model import Document
from mandate_tracker.report.model import Report
from mandate_tracker.web.security import Principal, Role


@dataclass(frozen=True)
class DocumentSummary:
    symbol: str
    title: str
    date: dt.date | None
    paragraphs: int


@dataclass(frozen=True)
class ObligationFilter:
    owner: str | None = None
    status: str | None = None
    kind: str | None = None
    section: str | None = None
    due_before: dt.date | None = None
    paragraph: str | None = None
    document: str | None = None


@dataclass(frozen=True)
class ObligationView:
    id: str
    document: str  # symbol of the resolution it comes from
    kind: str
    title: str
    owner: str
    status: str
    paragraph: str
    anchor: str
    quote: str
    section: str | None
    due: str | None  # a PartialDate as text: "2021", "2021-04" or "2021-04-30"
    overdue: bool
    version: int  # for optimistic locking: send it back with an update
    notes: tuple[str, ...] = ()
    assignee: str | None = None
    recurrence: str | None = None  # ISO 8601 duration, e.g. "P3M"


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int


@dataclass(frozen=True)
class ChangeEntry:
    at: dt.datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass(frozen=True)
class CalendarEntry:
    date: dt.date
    title: str
    kind: str  # "report" | "deadline" | "mandate-end"
    obligation_id: str | None


@dataclass(frozen=True)
class Observation:
    period: str
    value: float
    evidence: str
    review_status: str
    entered_by: str
    entered_at: dt.datetime


@dataclass(frozen=True)
class TargetPoint:
    period: str
    value: float


@dataclass(frozen=True)
class IndicatorView:
    code: str
    name: str
    unit: str
    status: str  # "met" | "on track" | "off track" | "not assessed"
    targets: tuple[TargetPoint, ...] = ()
    observations: tuple[Observation, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    mandate_end: dt.date | None
    days_to_mandate_end: int | None
    obligations_by_status: tuple[StatusCount, ...]
    overdue: tuple[ObligationView, ...]
    next_reports: tuple[CalendarEntry, ...]
    targets_by_status: tuple[StatusCount, ...]
    recent_changes: tuple[ChangeEntry, ...]
    documents: tuple[DocumentSummary, ...] = field(default=())


@dataclass(frozen=True)
class ReportDue:
    """One report of a kind: its number, the period it covers and its due date."""

    number: int
    start: dt.date
    end: dt.date
    due: dt.date
    period: str  # the quarter it falls due in ("2020Q4"): what ``?period=`` takes


@dataclass(frozen=True)
class ReportSummary:
    """A report a resolution's text asks for, with its sections and reporting calendar."""

    document: str
    kind: str  # "quarterly" | "letter" | "roadmap"
    paragraph: str  # the reporting paragraph, "62"
    quote: str
    sections: tuple[str, ...]  # "(i) Progress in the implementation of the Agreement", ...
    dues: tuple[ReportDue, ...] = ()
    problem: str = ""  # why no calendar could be counted (e.g. the document has no date)


@dataclass(frozen=True)
class ReportDraft:
    """One report as the library builds it, with what the page needs to edit its narratives."""

    report: Report
    period: str  # the quarter naming it, for links and forms
    # the current version of each section's narrative (label -> version; 0 when none yet)
    narrative_versions: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportQuery:
    """Which report: of which document (default: the latest), kind, and period or day."""

    kind: str
    document: str | None = None
    period: str | None = None  # "2020Q4" or "2021H1"
    as_of: dt.date | None = None  # rebuilt as the data stood at the end of that day


class WebBackend(Protocol):
    """The library calls the web edge makes. Every method raises MandateError subclasses."""

    def revision(self) -> str: ...  # changes whenever anything in the workspace changes

    # accounts
    def authenticate(self, name: str, password: str) -> Principal: ...
    def principal_for_token(self, token: str) -> Principal: ...
    def principal_named(self, name: str) -> Principal | None: ...
    def create_user(self, name: str, password: str, role: Role, actor: str) -> Principal: ...
    def issue_api_token(self, name: str, actor: str) -> str: ...

    # documents
    def documents(self) -> list[DocumentSummary]: ...
    def document(self, symbol: str) -> Document: ...
    def import_document(self, filename: str, data: bytes, actor: str) -> str: ...

    # obligations
    def obligations(self, query: ObligationFilter) -> list[ObligationView]: ...
    def obligation(self, obligation_id: str) -> ObligationView: ...
    def update_obligation(
        self,
        obligation_id: str,
        *,
        status: str,
        note: str,
        evidence: str,
        expected_version: int | None,
        actor: str,
    ) -> ObligationView: ...
    def obligation_statuses(self) -> tuple[str, ...]: ...  # every status, for filtering
    def settable_statuses(self) -> tuple[str, ...]: ...  # the ones a person may set

    # indicators
    def indicators(self) -> list[IndicatorView]: ...
    def indicator(self, code: str) -> IndicatorView: ...
    def record_observation(
        self, code: str, *, period: str, value: float, evidence: str, actor: str
    ) -> IndicatorView: ...

    # calendar, audit, dashboard
    def calendar(self) -> list[CalendarEntry]: ...
    def calendar_ics(self) -> bytes: ...
    def audit_log(self, limit: int) -> list[ChangeEntry]: ...
    def dashboard(self, today: dt.date) -> Dashboard: ...

    # reports (report/): what the text asks for, drafts, files, narratives
    def reports(self) -> list[ReportSummary]: ...
    def report(self, query: ReportQuery, today: dt.date) -> ReportDraft: ...
    def report_file(self, query: ReportQuery, fmt: str, today: dt.date) -> bytes: ...
    def set_narrative(
        self,
        query: ReportQuery,
        section: str,
        text: str,
        *,
        expected_version: int | None,
        actor: str,
        today: dt.date,
    ) -> ReportDraft: ...
