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
class BenchmarkRow:
    code: str
    title: str
    rule: str
    indicators: str  # the codes, comma-separated
    assessment: str  # met | on-track | off-track | not-assessed (the workspace's rule)
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
    benchmarks: tuple[BenchmarkRow, ...] = ()
    charts: tuple[Chart, ...] = ()
    narrative: str = ""
    changes: tuple[ChangeRow, ...] = ()
    changes_note: str = ""  # e.g. "First report: there is no previous report to compare with."
    empty_message: str = ""  # set when the section has nothing to show

    @property
    def is_listed_item(self) -> bool:
        """True for an item the resolution prints ("(i)"), False for an entry of an inline list."""
        return self.label.startswith("(")

    @property
    def quote_as_printed(self) -> str:
        """The item with its label, or an inline-list entry as an excerpt."""
        if self.is_listed_item:
            return f"{self.label} {self.source_quote}"
        return f"… {self.source_quote} …"

    def reference(self, paragraph: str) -> str:
        """Where the section comes from: "paragraph 62 (i)" or "paragraph 64, listed area 1"."""
        if self.is_listed_item:
            return f"Paragraph {paragraph} {self.label}"
        return f"Paragraph {paragraph}, listed area {self.label}"


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
    # benchmarks that stand for the reporting paragraph itself (the roadmap's) and fall in no
    # section: listed in the introduction
    benchmarks: tuple[BenchmarkRow, ...] = ()

    @property
    def period_label(self) -> str:
        return f"{self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"
