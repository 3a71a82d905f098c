"""The reports a resolution asks for, shaped for the web edge (pages, JSON, downloads).

The library (:mod:`mandate_tracker.report`) finds the reporting paragraphs, counts their
calendar and builds and renders each report; this module only turns its answers into the
shapes the backends return and the routes send.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from mandate_tracker.errors import InputError, MandateError
from mandate_tracker.model import Document
from mandate_tracker.report import OUTPUT_FORMATS, OutputFormat, find_report_definitions
from mandate_tracker.report.model import REPORT_KINDS, Report, ReportKind
from mandate_tracker.report.periods import mandate_of, reporting_calendar
from mandate_tracker.web.backend import ReportDraft, ReportDue, ReportSummary

CONTENT_TYPES: dict[OutputFormat, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_kind(text: str) -> ReportKind:
    """A report kind from a URL, or an :class:`InputError` listing the kinds."""
    if text not in REPORT_KINDS:
        raise InputError(
            f"unknown report {text!r}: choose one of {', '.join(REPORT_KINDS)}", where="kind"
        )
    return text


def output_format(text: str) -> OutputFormat:
    if text not in OUTPUT_FORMATS:
        raise InputError(
            f"unknown format {text!r}: choose one of {', '.join(OUTPUT_FORMATS)}", where="format"
        )
    return text


def quarter_of(day: dt.date) -> str:
    """The quarter a due date falls in, as ``--period`` takes it: 2020-12-29 -> "2020Q4"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def report_summaries(
    symbol: str, doc: Document, mandate_ends: dt.date | None
) -> list[ReportSummary]:
    """Every report ``doc`` asks for, with its sections and due dates (in document order).

    A document whose calendar cannot be counted (no date) still lists its reports, with the
    reason instead of the dates."""
    found = []
    for definition in find_report_definitions(doc):
        sections = tuple(f"{s.label} {s.title}" for s in definition.sections)
        try:
            mandate = mandate_of(doc, mandate_ends)
            dues = tuple(
                ReportDue(p.number, p.start, p.end, p.due, quarter_of(p.due))
                for p in reporting_calendar(definition, mandate)
            )
            problem = "" if dues else "no report of this kind falls due within the mandate"
        except MandateError as error:
            dues, problem = (), error.message
        found.append(
            ReportSummary(
                symbol,
                definition.kind,
                definition.paragraph,
                definition.quote,
                sections,
                dues,
                problem,
            )
        )
    return found


def file_name(report: Report, fmt: OutputFormat) -> str:
    """A download's name: "S-2020-600-quarterly-2-2020-12-29.pdf" (ASCII, no slashes)."""
    symbol = re.sub(r"[^A-Za-z0-9]+", "-", report.document_symbol).strip("-") or "report"
    return f"{symbol}-{report.kind}-{report.number}-{report.due.isoformat()}.{fmt}"


def report_json(draft: ReportDraft, plain: Any) -> dict[str, Any]:
    """The report model as JSON: its fields, the period label, each chart's Vega-Lite spec as
    an object, and each section's narrative version (``plain`` serialises dataclasses)."""
    report = draft.report
    body: dict[str, Any] = plain(report)
    body["period"] = draft.period
    body["period_label"] = report.period_label
    for section, shaped in zip(report.sections, body["sections"], strict=True):
        shaped["narrative_version"] = draft.narrative_versions.get(section.label, 0)
        shaped["reference"] = section.reference(report.paragraph)
        for chart in shaped["charts"]:
            chart["spec"] = json.loads(chart["spec"])
    return body
