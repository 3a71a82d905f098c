"""Pipeline stage: report. The reports a resolution asks for, drafted from the workspace.

Public surface:

- :func:`find_report_definitions` / :func:`report_definition`: the reports a document asks the
  Secretary-General for, with their sections, read from the reporting paragraphs;
- :func:`prepare_report`: pick the period (``period="2020Q4"`` or ``as_of=date``) and build the
  neutral :class:`Report` from a workspace as it stood then;
- :func:`render_report`: that report as ``html``, ``pdf`` or ``docx`` bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from mandate_tracker.errors import InputError
from mandate_tracker.model import Document
from mandate_tracker.report.build import build_report
from mandate_tracker.report.definitions import find_report_definitions, report_definition
from mandate_tracker.report.model import REPORT_KINDS, Report, ReportKind, Section
from mandate_tracker.report.periods import mandate_of, select_period
from mandate_tracker.report.workspace import WorkspaceSource, WorkspaceView

OutputFormat = Literal["html", "pdf", "docx"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("html", "pdf", "docx")


def prepare_report(
    doc: Document,
    kind: ReportKind,
    workspace: WorkspaceSource,
    *,
    period: str | None = None,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
    mandate_ends: dt.date | None = None,
) -> Report:
    """The ``kind`` report of ``doc`` for the chosen period, from ``workspace``.

    ``mandate_ends`` is the end of the mandate when the workspace knows it; otherwise it is read
    from the text ("Decides to extend the mandate ... until 30 June 2021")."""
    if kind not in REPORT_KINDS:
        raise InputError(f"unknown report {kind!r}: choose one of {', '.join(REPORT_KINDS)}")
    definition = report_definition(doc, kind)
    mandate = mandate_of(doc, mandate_ends)
    chosen = select_period(definition, mandate, period=period, as_of=as_of, today=today)
    return build_report(doc, definition, mandate, chosen, workspace, generated=today)


def render_report(report: Report, output_format: OutputFormat) -> bytes:
    if output_format == "html":
        from mandate_tracker.report.to_html import render_html

        return render_html(report).encode("utf-8")
    if output_format == "pdf":
        from mandate_tracker.report.to_pdf import render_pdf

        return render_pdf(report)
    if output_format == "docx":
        from mandate_tracker.report.to_docx import render_docx

        return render_docx(report)
    raise InputError(f"unknown format {output_format!r}: choose one of {', '.join(OUTPUT_FORMATS)}")


__all__ = [
    "OUTPUT_FORMATS",
    "REPORT_KINDS",
    "OutputFormat",
    "Report",
    "ReportKind",
    "Section",
    "WorkspaceSource",
    "WorkspaceView",
    "find_report_definitions",
    "prepare_report",
    "render_report",
    "report_definition",
]
