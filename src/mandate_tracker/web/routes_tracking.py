"""Dashboard, obligations board, indicators, calendar and audit log, each with a JSON twin."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from mandate_tracker.web.backend import Dashboard, IndicatorView, ObligationFilter
from mandate_tracker.web.pages import (
    Backend,
    Editor,
    Viewer,
    as_json,
    cached_fragment,
    cached_json,
    page,
    render_fragment,
)

router = APIRouter()


# --- dashboard ------------------------------------------------------------------------


def status_chart(counts: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """A small Vega-Lite bar chart of counts by status."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": "container",
        "height": 120,
        "data": {"values": counts},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": "status", "type": "nominal", "title": None, "sort": "-x"},
            "x": {"field": "count", "type": "quantitative", "title": "count"},
        },
    }


def dashboard_charts(board: Dashboard) -> dict[str, dict[str, Any]]:
    obligations = [{"status": c.status, "count": c.count} for c in board.obligations_by_status]
    targets = [{"status": c.status, "count": c.count} for c in board.targets_by_status]
    return {
        "obligations": status_chart(obligations, "Obligations by status"),
        "targets": status_chart(targets, "Targets by status"),
    }


# The read-mostly GET handlers below are `async def`: their answers come from the revision
# caches, so they rarely touch the database, and running them on the event loop saves a
# thread-pool hop per request (a cache miss blocks the loop for that one computation).


@router.get("/", include_in_schema=False)
async def dashboard(request: Request, user: Viewer, backend: Backend) -> Response:
    today = dt.date.today()

    def render() -> tuple[str, str]:
        board = backend.dashboard(today)
        html = render_fragment(
            "_dashboard_body.html", board=board, charts=dashboard_charts(board), today=today
        )
        return "Dashboard", html

    _, body = cached_fragment(request, ("dashboard", today), render)
    return page(request, "dashboard.html", body=body)


@router.get("/api/dashboard", tags=["tracking"])
async def dashboard_api(request: Request, user: Viewer, backend: Backend) -> Response:
    """Days to mandate end, obligations and targets by status, overdue, reports, changes."""
    today = dt.date.today()
    return cached_json(request, ("dashboard", today), lambda: backend.dashboard(today))


# --- obligations ------------------------------------------------------------------------


def _filter(
    owner: str | None,
    status: str | None,
    kind: str | None,
    section: str | None,
    due_before: dt.date | None,
) -> ObligationFilter:
    return ObligationFilter(
        owner=owner or None,
        status=status or None,
        kind=kind or None,
        section=section or None,
        due_before=due_before,
    )


FilterText = Annotated[str | None, Query(max_length=200)]


@router.get("/obligations", include_in_schema=False)
def obligations_board(
    request: Request,
    user: Viewer,
    backend: Backend,
    owner: FilterText = None,
    status: FilterText = None,
    kind: FilterText = None,
    section: FilterText = None,
    due_before: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    due = dt.date.fromisoformat(due_before) if due_before else None
    query = _filter(owner, status, kind, section, due)
    everything = backend.obligations(ObligationFilter())
    return page(
        request,
        "obligations.html",
        obligations=backend.obligations(query),
        query=query,
        statuses=backend.obligation_statuses(),
        settable=backend.settable_statuses(),
        owners=sorted({o.owner for o in everything}),
        kinds=sorted({o.kind for o in everything}),
        sections=sorted({o.section for o in everything if o.section}),
    )


@router.get("/api/obligations", tags=["tracking"])
async def obligations_api(
    request: Request,
    user: Viewer,
    backend: Backend,
    owner: FilterText = None,
    status: FilterText = None,
    kind: FilterText = None,
    section: FilterText = None,
    due_before: dt.date | None = None,
) -> Response:
    """Obligations, filtered by owner, status, kind, section and due date."""
    query = _filter(owner, status, kind, section, due_before)
    key = ("obligations", query, dt.date.today())
    return cached_json(request, key, lambda: {"obligations": backend.obligations(query)})


@router.get("/api/obligations/{obligation_id:path}", tags=["tracking"])
def obligation_api(obligation_id: str, user: Viewer, backend: Backend) -> JSONResponse:
    return as_json(backend.obligation(obligation_id))


class StatusUpdate(BaseModel):
    status: str = Field(min_length=1, max_length=50)
    note: str = Field(default="", max_length=5000)
    evidence: str = Field(default="", max_length=2000)
    version: int | None = None


@router.post("/obligations/update", include_in_schema=False)
def update_obligation_form(
    request: Request,
    user: Editor,
    backend: Backend,
    obligation_id: Annotated[str, Form(max_length=300)],
    status: Annotated[str, Form(max_length=50)],
    note: Annotated[str, Form(max_length=5000)] = "",
    evidence: Annotated[str, Form(max_length=2000)] = "",
    version: Annotated[int | None, Form()] = None,
) -> Response:
    updated = backend.update_obligation(
        obligation_id,
        status=status,
        note=note,
        evidence=evidence,
        expected_version=version,
        actor=user.name,
    )
    if request.headers.get("hx-request"):
        return page(
            request,
            "_obligation_row.html",
            o=updated,
            settable=backend.settable_statuses(),
            saved=True,
        )
    return RedirectResponse("/obligations", status_code=303)


@router.patch("/api/obligations/{obligation_id:path}", tags=["tracking"])
def update_obligation_api(
    obligation_id: str, body: StatusUpdate, user: Editor, backend: Backend
) -> JSONResponse:
    """Change an obligation's status with a note and evidence (send `version` to lock)."""
    updated = backend.update_obligation(
        obligation_id,
        status=body.status,
        note=body.note,
        evidence=body.evidence,
        expected_version=body.version,
        actor=user.name,
    )
    return as_json(updated)


# --- indicators -------------------------------------------------------------------------


def indicator_chart(indicator: IndicatorView) -> dict[str, Any]:
    """Actual against target per period (Vega-Lite)."""
    rows = [{"period": t.period, "value": t.value, "series": "target"} for t in indicator.targets]
    rows += [
        {"period": o.period, "value": o.value, "series": "actual"} for o in indicator.observations
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": f"{indicator.name}: actual against target",
        "width": "container",
        "height": 220,
        "data": {"values": rows},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": "period"},
            "y": {"field": "value", "type": "quantitative", "title": indicator.unit},
            "color": {"field": "series", "type": "nominal", "title": None},
            "strokeDash": {"field": "series", "type": "nominal", "legend": None},
        },
    }


@router.get("/indicators", include_in_schema=False)
def indicators_page(request: Request, user: Viewer, backend: Backend) -> Response:
    return page(request, "indicators.html", indicators=backend.indicators())


@router.get("/api/indicators", tags=["tracking"])
def indicators_api(user: Viewer, backend: Backend) -> JSONResponse:
    return as_json({"indicators": backend.indicators()})


@router.get("/indicators/{code}", include_in_schema=False)
def indicator_page(request: Request, code: str, user: Viewer, backend: Backend) -> Response:
    indicator = backend.indicator(code)
    return page(
        request, "indicator.html", indicator=indicator, chart=indicator_chart(indicator), error=None
    )


@router.get("/api/indicators/{code}", tags=["tracking"])
def indicator_api(code: str, user: Viewer, backend: Backend) -> JSONResponse:
    return as_json(backend.indicator(code))


class NewObservation(BaseModel):
    period: str = Field(min_length=1, max_length=20)
    value: float
    evidence: str = Field(default="", max_length=2000)


@router.post("/indicators/{code}/observations", include_in_schema=False)
def record_observation_form(
    request: Request,
    code: str,
    user: Editor,
    backend: Backend,
    period: Annotated[str, Form(max_length=20)],
    value: Annotated[float, Form()],
    evidence: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    backend.record_observation(code, period=period, value=value, evidence=evidence, actor=user.name)
    return RedirectResponse(f"/indicators/{code}", status_code=303)


@router.post("/api/indicators/{code}/observations", tags=["tracking"], status_code=201)
def record_observation_api(
    code: str, body: NewObservation, user: Editor, backend: Backend
) -> JSONResponse:
    """Record an observed value for a period, with its evidence."""
    indicator = backend.record_observation(
        code, period=body.period, value=body.value, evidence=body.evidence, actor=user.name
    )
    return as_json(indicator, status_code=201)


# --- calendar and audit -----------------------------------------------------------------


@router.get("/calendar", include_in_schema=False)
def calendar_page(request: Request, user: Viewer, backend: Backend) -> Response:
    return page(request, "calendar.html", entries=backend.calendar())


@router.get("/api/calendar", tags=["tracking"])
def calendar_api(user: Viewer, backend: Backend) -> JSONResponse:
    return as_json({"entries": backend.calendar()})


@router.get("/calendar.ics", tags=["tracking"])
def calendar_ics(user: Viewer, backend: Backend) -> Response:
    """Reports and deadlines as an iCalendar file."""
    return Response(
        backend.calendar_ics(),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="mandate-calendar.ics"'},
    )


AuditLimit = Annotated[int, Query(ge=1, le=1000)]


@router.get("/audit", include_in_schema=False)
def audit_page(
    request: Request, user: Viewer, backend: Backend, limit: AuditLimit = 200
) -> Response:
    return page(request, "audit.html", entries=backend.audit_log(limit))


@router.get("/api/audit", tags=["tracking"])
def audit_api(user: Viewer, backend: Backend, limit: AuditLimit = 200) -> JSONResponse:
    return as_json({"entries": backend.audit_log(limit)})
