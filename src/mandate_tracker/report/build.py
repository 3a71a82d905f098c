"""Assemble a :class:`Report` from a resolution, its report definition and the workspace.

Each section pulls the tracked obligations and indicators of the provisions it names, as the
workspace stood at the report's cut-off, compares them with the previous report's cut-off, and
carries the section's narrative as it stood then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mandate_tracker.model import Document
from mandate_tracker.report.charts import make_chart
from mandate_tracker.report.definitions import ReportDefinition, SectionDefinition
from mandate_tracker.report.model import (
    ChangeRow,
    Chart,
    ObligationRow,
    Report,
    ReportKind,
    Section,
    TargetRow,
)
from mandate_tracker.report.periods import Mandate, ReportPeriod, previous_period
from mandate_tracker.report.workspace import (
    Indicator,
    TrackedObligation,
    WorkspaceSource,
    WorkspaceView,
)
from mandate_tracker.track import progress
from mandate_tracker.track.progress import Reading, TargetSpec

SUBTITLES: dict[ReportKind, str] = {
    "quarterly": "Report of the Secretary-General",
    "letter": "Letter from the Secretary-General to the President of the Security Council",
    "roadmap": "Long-term roadmap: benchmarks and conditions",
}
ChartMaker = Callable[[Indicator, dt.date], Chart]


def report_title(doc: Document) -> str:
    if doc.info.subject:
        return f"The situation in {doc.info.subject}"
    return f"Implementation of {doc.info.symbol or doc.source_name}"


def build_report(
    doc: Document,
    definition: ReportDefinition,
    mandate: Mandate,
    period: ReportPeriod,
    workspace: WorkspaceSource,
    *,
    generated: dt.date | None = None,
    chart_maker: ChartMaker | None = make_chart,
) -> Report:
    """The report for ``period``, from the workspace as it stood at ``period.as_of``."""
    strict = period.reconstructed
    now = workspace.as_of(period.as_of, recorded_by_then=strict)
    before = previous_period(definition, mandate, period)
    then = workspace.as_of(before.end, recorded_by_then=strict) if before else None
    sections = tuple(
        build_section(definition.kind, s, period, now, then, chart_maker)
        for s in definition.sections
    )
    symbol = doc.info.symbol or doc.source_name
    notes: list[str] = []
    if workspace.is_empty:
        notes.append(
            f"The tracking workspace holds no obligations or indicators for {symbol} yet, "
            "so every section below is empty. Import the resolution and record observations "
            "to fill it."
        )
    if period.as_of < period.end:
        notes.append(
            f"Prepared as of {period.as_of:%-d %B %Y}: values recorded after that day are left out."
        )
    return Report(
        kind=definition.kind,
        document_symbol=symbol,
        title=report_title(doc),
        subtitle=SUBTITLES[definition.kind],
        paragraph=definition.paragraph,
        paragraph_quote=definition.quote,
        number=period.number,
        period_start=period.start,
        period_end=period.end,
        due=period.due,
        as_of=period.as_of,
        generated=generated or dt.date.today(),
        sections=sections,
        notes=tuple(notes),
    )


def build_section(
    kind: ReportKind,
    definition: SectionDefinition,
    period: ReportPeriod,
    now: WorkspaceView,
    then: WorkspaceView | None,
    chart_maker: ChartMaker | None,
) -> Section:
    provisions = set(definition.paragraphs)
    tracked = reportable(
        [t for t in now.obligations if t.obligation.source.paragraph in provisions]
    )
    indicators = [i for i in now.indicators if i.paragraph in provisions]
    charts = tuple(chart_maker(i, period.as_of) for i in indicators) if chart_maker else ()
    changes: tuple[ChangeRow, ...] = ()
    if then is not None:
        changes = status_changes(tracked, now, then) + value_changes(indicators, period, then)
    return Section(
        label=definition.label,
        title=definition.title,
        source_anchor=definition.anchor,
        source_quote=definition.quote,
        provisions=definition.paragraphs,
        obligations=tuple(obligation_row(t, now) for t in tracked),
        targets=tuple(target_row(i, period.as_of) for i in indicators),
        charts=charts,
        narrative=now.narrative(
            kind, period.number, definition.label, as_it_stood=period.reconstructed
        ),
        changes=changes,
        changes_note=changes_note(then, changes),
        empty_message=empty_message(definition, tracked, indicators, period),
    )


def reportable(tracked: list[TrackedObligation]) -> list[TrackedObligation]:
    """The obligations a status table lists: neither the chapeau of listed measures ("Urges the
    Malian parties to fulfil the following priority measures") nor a target split off a
    measure (its value is in the target table, its words in the measure's title)."""
    listed = [t for t in tracked if t.obligation.kind != "target"]
    parents = {t.obligation.parent for t in listed if t.obligation.parent}
    return [t for t in listed if t.obligation.id not in parents]


def obligation_row(tracked: TrackedObligation, view: WorkspaceView) -> ObligationRow:
    obligation = tracked.obligation
    return ObligationRow(
        id=obligation.id,
        title=obligation.title,
        owner=obligation.owner,
        due=str(obligation.due) if obligation.due else "",
        status=view.status_of(tracked),
        source=obligation.source.anchor,
    )


def target_row(indicator: Indicator, as_of: dt.date) -> TargetRow:
    latest = indicator.latest(as_of)
    target = indicator.target_for(as_of)
    return TargetRow(
        indicator=indicator.code,
        name=indicator.name,
        unit=indicator.unit,
        baseline=indicator.baseline,
        latest=latest.value if latest else None,
        latest_period=latest.period_end.isoformat() if latest else "",
        target=target.value if target else None,
        status=target_status(indicator, as_of),
        source=indicator.anchor,
    )


def target_status(indicator: Indicator, as_of: dt.date) -> str:
    """The workspace's rule (``track.progress``): met, overdue, no-data, on-track, at-risk or
    off-track, for the next target still ahead at ``as_of`` (else the last one set)."""
    target = indicator.target_for(as_of)
    if target is None:
        return "no target"
    latest = indicator.latest(as_of)
    earliest = min(indicator.observations, key=lambda o: o.period_end, default=None)
    baseline = (
        Reading(indicator.baseline, indicator.baseline_date)
        if indicator.baseline is not None and indicator.baseline_date is not None
        else None
    )
    return progress.target_status(
        TargetSpec(target.value, target.comparator, target.due),
        latest=Reading(latest.value, latest.period_end) if latest else None,
        baseline=baseline,
        first=Reading(earliest.value, earliest.period_end) if earliest else None,
        today=as_of,
    )


def status_changes(
    tracked: list[TrackedObligation], now: WorkspaceView, then: WorkspaceView
) -> tuple[ChangeRow, ...]:
    rows = []
    for item in tracked:
        before, after = then.status_of(item), now.status_of(item)
        if before != after:
            rows.append(ChangeRow(item.obligation.title, "status", before, after))
    return tuple(rows)


def value_changes(
    indicators: list[Indicator], period: ReportPeriod, then: WorkspaceView
) -> tuple[ChangeRow, ...]:
    earlier = {i.code: i for i in then.indicators}
    rows = []
    for indicator in indicators:
        after = indicator.latest(period.as_of)
        old = earlier.get(indicator.code)
        before = old.latest(period.start - dt.timedelta(days=1)) if old else None
        if after is not None and (before is None or before.value != after.value):
            rows.append(
                ChangeRow(
                    indicator.name,
                    "latest value",
                    _value_text(before.value if before else None, indicator.unit),
                    _value_text(after.value, indicator.unit),
                )
            )
    return tuple(rows)


def _value_text(value: float | None, unit: str) -> str:
    if value is None:
        return "none recorded"
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{number} {unit}".strip()


def changes_note(then: WorkspaceView | None, changes: tuple[ChangeRow, ...]) -> str:
    if then is None:
        return "This is the first report of its kind: there is no previous report to compare with."
    if not changes:
        return "Nothing recorded under this section changed since the previous report."
    return ""


def empty_message(
    definition: SectionDefinition,
    tracked: list[TrackedObligation],
    indicators: list[Indicator],
    period: ReportPeriod,
) -> str:
    if tracked or indicators:
        return ""
    if not definition.paragraphs:
        return (
            "The resolution names no provision for this section, so no obligation or "
            "indicator is tracked under it; report on it in the narrative."
        )
    named = ", ".join(definition.paragraphs)
    noun = "paragraph" if len(definition.paragraphs) == 1 else "paragraphs"
    return (
        f"No obligation or indicator under {noun} {named} is tracked in the workspace as of "
        f"{period.as_of:%-d %B %Y}."
    )
