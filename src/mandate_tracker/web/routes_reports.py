"""The reports the resolution asks for: the list, one report in the app, downloads, narratives.

A report's own HTML (one self-contained page from :mod:`mandate_tracker.report.to_html`) is shown
inside the app in a sandboxed frame: it keeps its own stylesheet, runs no script, and is served
with a policy that allows nothing but its inline styles and inline images.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from mandate_tracker.errors import InputError
from mandate_tracker.report.narratives import MAX_LENGTH
from mandate_tracker.report.to_html import KIND_NOUNS
from mandate_tracker.web.backend import ReportDraft, ReportQuery, WebBackend
from mandate_tracker.web.pages import Backend, Editor, Viewer, as_json, page, plain
from mandate_tracker.web.reports import (
    CONTENT_TYPES,
    file_name,
    output_format,
    report_json,
    report_kind,
)

router = APIRouter()

# The report page inside the app's frame: its inline <style> and inline images, nothing else.
REPORT_FRAME_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)

DocumentParam = Annotated[str | None, Query(max_length=200)]
PeriodParam = Annotated[str | None, Query(max_length=20)]
AsOfParam = Annotated[str | None, Query(max_length=20)]


def parse_day(text: str | None, field: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{text!r} is not a date: write it like 2021-01-10", where=field) from None


def report_query(
    kind: str, document: str | None, period: str | None, as_of: str | None
) -> ReportQuery:
    """Validate a report's address: a known kind, a period or an 'as of' day (not both)."""
    day = parse_day(as_of, "as_of")
    period = (period or "").strip() or None
    if period is not None and day is not None:
        raise InputError("give either a period or an 'as of' date, not both", where="period")
    return ReportQuery(report_kind(kind), document or None, period, day)


def addressed_report(
    kind: str,
    document: DocumentParam = None,
    period: PeriodParam = None,
    as_of: AsOfParam = None,
) -> ReportQuery:
    """The report a ``GET /reports/{kind}...`` address names (a route dependency)."""
    return report_query(kind, document, period, as_of)


ReportAddress = Annotated[ReportQuery, Depends(addressed_report)]


def query_string(query: ReportQuery, draft: ReportDraft | None = None) -> str:
    """The address of the report ``query`` asks for (pinned to the draft's document and period
    once it is known, so a download matches the page it came from)."""
    document = draft.report.document_symbol if draft else query.document
    values: dict[str, str] = {"document": document} if document else {}
    if query.as_of is not None:
        values["as_of"] = query.as_of.isoformat()
    elif draft is not None or query.period:
        values["period"] = draft.period if draft else query.period or ""
    return urlencode(values)


# --- the list -------------------------------------------------------------------------------


@router.get("/reports", include_in_schema=False)
def reports_page(request: Request, user: Viewer, backend: Backend) -> Response:
    return page(request, "reports.html", reports=backend.reports(), kind_nouns=KIND_NOUNS)


@router.get("/api/reports", tags=["reports"])
def reports_api(user: Viewer, backend: Backend) -> JSONResponse:
    """The reports each resolution's text asks for: sections, periods and due dates."""
    return as_json({"reports": backend.reports()})


# --- one report -------------------------------------------------------------------------------


@router.get("/reports/{kind}", include_in_schema=False)
def report_page(
    request: Request,
    user: Viewer,
    backend: Backend,
    query: ReportAddress,
) -> Response:
    draft = backend.report(query, dt.date.today())
    return _report_page(request, backend, query, draft)


def _report_page(
    request: Request, backend: WebBackend, query: ReportQuery, draft: ReportDraft
) -> Response:
    report = draft.report
    summary = next(
        (
            s
            for s in backend.reports()
            if s.document == report.document_symbol and s.kind == report.kind
        ),
        None,
    )
    return page(
        request,
        "report.html",
        draft=draft,
        report=report,
        query=query,
        qs=query_string(query, draft),
        period_qs=query_string(ReportQuery(query.kind, report.document_symbol, draft.period)),
        dues=summary.dues if summary else (),
        kind_noun=KIND_NOUNS[report.kind],
        editable=query.as_of is None,
        max_length=MAX_LENGTH,
    )


@router.get("/reports/{kind}/view", include_in_schema=False)
def report_view(
    user: Viewer,
    backend: Backend,
    query: ReportAddress,
) -> Response:
    """The report's own HTML page, for the frame of the report page."""
    return Response(
        backend.report_file(query, "html", dt.date.today()),
        media_type=CONTENT_TYPES["html"],
        headers={
            "content-security-policy": REPORT_FRAME_POLICY,
            "x-frame-options": "SAMEORIGIN",
            "cache-control": "no-store",
        },
    )


@router.get("/reports/{kind}/download/{fmt}", tags=["reports"])
def report_download(
    fmt: str,
    user: Viewer,
    backend: Backend,
    query: ReportAddress,
) -> Response:
    """The report as a file: `html`, `pdf` or `docx` (for the period, or rebuilt as of a day)."""
    chosen = output_format(fmt)
    today = dt.date.today()
    data = backend.report_file(query, chosen, today)
    name = file_name(backend.report(query, today).report, chosen)
    return Response(
        data,
        media_type=CONTENT_TYPES[chosen],
        headers={
            "content-disposition": f'attachment; filename="{name}"',
            "cache-control": "no-store",
        },
    )


@router.get("/api/reports/{kind}", tags=["reports"])
def report_api(
    user: Viewer,
    backend: Backend,
    query: ReportAddress,
) -> JSONResponse:
    """The report model: period, sections with their obligations, targets, benchmarks, charts
    (Vega-Lite), changes and narrative (with its version, for `PUT .../narrative`)."""
    return JSONResponse(report_json(backend.report(query, dt.date.today()), plain))


# --- narratives -------------------------------------------------------------------------------


@router.post("/reports/{kind}/narrative", include_in_schema=False)
def narrative_form(
    request: Request,
    kind: str,
    user: Editor,
    backend: Backend,
    section: Annotated[str, Form(max_length=16)],
    text: Annotated[str, Form(max_length=MAX_LENGTH + 1000)] = "",  # empty: clear it
    document: Annotated[str | None, Form(max_length=200)] = None,
    period: Annotated[str | None, Form(max_length=20)] = None,
    version: Annotated[int | None, Form()] = None,
) -> Response:
    query = report_query(kind, document, period, None)
    draft = backend.set_narrative(
        query, section, text, expected_version=version, actor=user.name, today=dt.date.today()
    )
    index = next((i for i, s in enumerate(draft.report.sections, start=1) if s.label == section), 1)
    target = f"/reports/{query.kind}?{query_string(query, draft)}#narrative-{index}"
    return RedirectResponse(target, status_code=303)


class NarrativeUpdate(BaseModel):
    section: str = Field(min_length=1, max_length=16)
    text: str = Field(max_length=MAX_LENGTH + 1000)
    document: str | None = Field(default=None, max_length=200)
    period: str | None = Field(default=None, max_length=20)
    version: int | None = None


@router.put("/api/reports/{kind}/narrative", tags=["reports"])
def narrative_api(kind: str, body: NarrativeUpdate, user: Editor, backend: Backend) -> JSONResponse:
    """Replace a section's narrative (audited); send `version` to refuse a stale edit."""
    query = report_query(kind, body.document, body.period, None)
    draft = backend.set_narrative(
        query,
        body.section,
        body.text,
        expected_version=body.version,
        actor=user.name,
        today=dt.date.today(),
    )
    return JSONResponse(report_json(draft, plain))
