"""Which period a report covers, from the reporting calendar of its resolution.

A recurring report is counted from adoption: "every three months" after 29 June 2020 falls due on
29 September 2020, 29 December 2020, ... and the Nth report covers the months before its due date
(from the previous due date, or adoption, to the day before). A one-off report (the roadmap)
covers adoption to its deadline. Reports fall due within the mandate only.

A report is chosen by ``--period`` ("2020Q4": the report falling due in that quarter; "2021H1"
likewise for a half-year) or by ``--as-of`` (the report being prepared on that day, with the
data as it stood at the end of that day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mandate_tracker.errors import InputError
from mandate_tracker.model import Document
from mandate_tracker.report.definitions import MONTH_NAMES, ReportDefinition, normalise_space
from mandate_tracker.track.calendar import Interval, add_months, occurrences

_EXTENDS_UNTIL = re.compile(
    r"\bextend\w*\s+the\s+mandate\b.*?\buntil\s+(\d{1,2})\s+(" + "|".join(MONTH_NAMES) + r")\s+"
    r"(\d{4})",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"(\d{4})\s*(?:Q([1-4])|H([12]))", re.IGNORECASE)


@dataclass(frozen=True)
class Mandate:
    adopted: dt.date
    ends: dt.date


@dataclass(frozen=True)
class ReportPeriod:
    number: int  # the Nth report of its kind
    start: dt.date
    end: dt.date  # the last day covered (the day before the due date)
    due: dt.date
    as_of: dt.date  # the data cut-off: the end of the period, or an earlier "as of" day
    reconstructed: bool = False  # chosen by an "as of" day: narratives as they stood then too


def mandate_of(doc: Document, ends: dt.date | None = None) -> Mandate:
    """Adoption (the document's date) to the end of the mandate: ``ends`` when the workspace
    knows it, else the date the text extends the mandate until, else a year on."""
    if doc.info.date is None:
        raise InputError(
            "the document carries no date, so its reporting calendar cannot be counted",
            where=doc.source_name,
        )
    adopted = doc.info.date
    if ends is not None:
        return Mandate(adopted, ends)
    for paragraph in doc.paragraphs:
        match = _EXTENDS_UNTIL.search(normalise_space(paragraph.text))
        if match:
            day, month, year = match.groups()
            return Mandate(adopted, dt.date(int(year), MONTH_NAMES[month.lower()], int(day)))
    return Mandate(adopted, add_months(adopted, 12))


def reporting_calendar(definition: ReportDefinition, mandate: Mandate) -> list[ReportPeriod]:
    """Every report of ``definition`` falling due within the mandate, in order (the workspace's
    calendar rule: adoption + k x interval, clipped to the month's end)."""
    if definition.recurrence_months is None:
        due = definition.due or mandate.ends
        end = due - dt.timedelta(days=1)
        return [ReportPeriod(1, mandate.adopted, end, due, end)]
    interval = Interval(months=definition.recurrence_months)
    dues = occurrences(mandate.adopted, interval, mandate.ends)
    starts = [mandate.adopted, *dues[:-1]]
    return [
        ReportPeriod(number, start, due - dt.timedelta(days=1), due, due - dt.timedelta(days=1))
        for number, (start, due) in enumerate(zip(starts, dues, strict=True), start=1)
    ]


def select_period(
    definition: ReportDefinition,
    mandate: Mandate,
    *,
    period: str | None = None,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> ReportPeriod:
    """The report period asked for by ``--period`` or ``--as-of`` (else the latest due)."""
    periods = reporting_calendar(definition, mandate)
    if not periods:
        raise InputError(
            f"no {definition.kind} report falls due between {mandate.adopted} and {mandate.ends}"
        )
    if period is not None and as_of is not None:
        raise InputError("give either a period or an 'as of' date, not both")
    if period is not None:
        return _by_period_name(definition, periods, period, mandate)
    if as_of is not None:
        return _by_as_of(definition, periods, as_of, mandate)
    day = today or dt.date.today()
    due_by_then = [p for p in periods if p.due <= day]
    if due_by_then:
        return due_by_then[-1]
    return _by_as_of(definition, periods, day, mandate, reconstructed=False)


def _by_period_name(
    definition: ReportDefinition, periods: list[ReportPeriod], name: str, mandate: Mandate
) -> ReportPeriod:
    match = _PERIOD.fullmatch(name.strip())
    if not match:
        raise InputError(f"{name!r} is not a period: write it like 2020Q4 or 2021H1")
    year, quarter, half = match.groups()
    first_month = (int(quarter) - 1) * 3 + 1 if quarter else (int(half) - 1) * 6 + 1
    start = dt.date(int(year), first_month, 1)
    end = add_months(start, 3 if quarter else 6) - dt.timedelta(days=1)
    for candidate in periods:
        if start <= candidate.due <= end:
            return candidate
    if end < mandate.adopted or start > mandate.ends:
        raise InputError(
            f"{name} is outside the mandate, which runs from {mandate.adopted} to {mandate.ends}"
        )
    dues = ", ".join(str(p.due) for p in periods)
    raise InputError(
        f"no {definition.kind} report falls due in {name}: {definition.kind} reports fall due "
        f"on {dues}"
    )


def _by_as_of(
    definition: ReportDefinition,
    periods: list[ReportPeriod],
    day: dt.date,
    mandate: Mandate,
    *,
    reconstructed: bool = True,
) -> ReportPeriod:
    if not mandate.adopted <= day <= mandate.ends:
        raise InputError(
            f"{day} is outside the mandate, which runs from {mandate.adopted} to {mandate.ends}"
        )
    for candidate in periods:
        if day < candidate.due:
            return ReportPeriod(
                candidate.number,
                candidate.start,
                candidate.end,
                candidate.due,
                min(day, candidate.end),
                reconstructed,
            )
    last = periods[-1]
    return ReportPeriod(last.number, last.start, last.end, last.due, last.end, reconstructed)


def previous_period(
    definition: ReportDefinition, mandate: Mandate, current: ReportPeriod
) -> ReportPeriod | None:
    periods = reporting_calendar(definition, mandate)
    earlier = [p for p in periods if p.number == current.number - 1]
    return earlier[0] if earlier else None
