"""The neutral report model: what a report says, before it becomes HTML, PDF or DOCX.

``build`` fills these from an analysed document and the tracking workspace; each renderer
(``to_html``, ``to_pdf``, ``to_docx``) only lays them out. Every row keeps its provenance: the
provision of the resolution it comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ReportKind = Literal["quarterly", "letter", "roadmap"]
REPORT_KINDS: tuple[ReportKind, ...] = ("quarterly", "letter", "roadmap")


@dataclass(frozen=True)
class ObligationRow:
    id: str
    title: str
    owner: str
    due: str  # "2021-06-30", "2021-04" or "" when the resolution sets none
    status: str
    source: str  # the anchor of the provision, e.g. "para-3-dash-1"


@dataclass(frozen=True)
class TargetRow:
    indicator: str  # indicator code
    name: str
    unit: str
    baseline: float | None
    latest: float | None
    latest_period: str  # the period end of the latest value, "" when none
    target: float | None
    status: str  # the workspace's target status: met, on-track, at-risk, off-track, ...
    source: str


@dataclass(frozen=True)
class Chart:
    """One indicator's actual values against its targets, as a Vega-Lite specification.

    Renderers turn it into SVG or PNG on demand (``charts.chart_svg``, ``charts.chart_png``),
    so a report rendered to one format never pays for the other.
    """

    indicator: str
    title: str
    spec: str  # the Vega-Lite specification as JSON


@dataclass(frozen=True)
class ChangeRow:
    """One thing that moved between the previous report's cut-off and this one's."""

    subject: str  # obligation title or indicator name
    field: str  # "status" or "latest value"
    before: str
    after: str


@dataclass(frozen=True)
class Section:
    label: str  # "(i)" as printed in the reporting paragraph
    title: str
    source_anchor: str  # the item of the reporting paragraph, e.g. "para-62-i"
    source_quote: str  # that item's words
    provisions: tuple[str, ...]  # the paragraphs it draws on, e.g. ("3",)
    obligations: tuple[ObligationRow, ...] = ()
    targets: tuple[TargetRow, ...] = ()
    charts: tuple[Chart, ...] = ()
    narrative: str = ""
    changes: tuple[ChangeRow, ...] = ()
    changes_note: str = ""  # e.g. "First report: there is no previous report to compare with."
    empty_message: str = ""  # set when the section has nothing to show

    @property
    def key(self) -> str:
        """A stable key of the section within its report kind (the item label)."""
        return self.label


@dataclass(frozen=True)
class Report:
    kind: ReportKind
    document_symbol: str
    title: str
    subtitle: str  # e.g. "Report of the Secretary-General under paragraph 62"
    paragraph: str  # the reporting paragraph, "62"
    paragraph_quote: str
    number: int  # the Nth report of its kind under this resolution
    period_start: dt.date
    period_end: dt.date
    due: dt.date
    as_of: dt.date
    generated: dt.date
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = ()  # workspace-wide remarks, e.g. "The workspace holds no data."

    @property
    def period_label(self) -> str:
        return f"{self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"
