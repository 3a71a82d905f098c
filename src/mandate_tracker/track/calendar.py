"""The reporting calendar: due dates from recurrences and one-off deadlines, until mandate end.

A recurrence is counted from the adoption date: ``P3M`` after 29 June 2020 falls on 29 September
2020, 29 December 2020, 29 March 2021 and 29 June 2021. Each occurrence is computed from the
adoption date (adoption + k x interval), never from the previous occurrence, and a day that does
not exist in the target month is clipped to that month's last day: ``P3M`` after 30 November
gives 28 (or 29) February, then 30 May, not 28 May. Occurrences after the mandate ends are
dropped; a one-off deadline is kept whatever its date.
"""

from __future__ import annotations

import calendar as months
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import ValidationError
from mandate_tracker.store.models import DocumentRow, ObligationRow

DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


@dataclass(frozen=True)
class Interval:
    """An ISO 8601 calendar duration: whole months (years are 12) and days (weeks are 7)."""

    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Interval:
        match = DURATION.fullmatch(text.strip().upper())
        if not match or not any(match.groups()):
            raise ValidationError(f"{text!r} is not an ISO 8601 duration like P3M or P1Y")
        years, month_count, weeks, days = (int(g) if g else 0 for g in match.groups())
        interval = cls(years * 12 + month_count, weeks * 7 + days)
        if interval.months == 0 and interval.days == 0:
            raise ValidationError(f"{text!r} is a zero duration")
        return interval


def add_months(start: dt.date, count: int) -> dt.date:
    """``start`` moved ``count`` months on, the day clipped to the end of the month."""
    index = start.year * 12 + (start.month - 1) + count
    year, month = divmod(index, 12)
    last = months.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last))


def nth_occurrence(start: dt.date, interval: Interval, n: int) -> dt.date:
    return add_months(start, interval.months * n) + dt.timedelta(days=interval.days * n)


def occurrences(start: dt.date, interval: Interval, until: dt.date) -> list[dt.date]:
    """Every date start + k x interval (k >= 1) up to and including ``until``."""
    found: list[dt.date] = []
    n = 1
    while (day := nth_occurrence(start, interval, n)) <= until:
        found.append(day)
        n += 1
    return found


@dataclass(frozen=True)
class Due:
    """One thing due on one day."""

    date: dt.date
    obligation_id: str
    title: str
    owner: str
    kind: Literal["recurring", "deadline"]
    document: str
    paragraph: str
    anchor: str
    recurrence: str | None = None
    sequence: int | None = None  # 1 for the first report of a recurrence

    def as_dict(self) -> dict[str, object]:
        return {**self.__dict__, "date": self.date.isoformat()}


@dataclass(frozen=True)
class ScheduledObligation:
    """What the calendar needs of an obligation (from the register or the workspace)."""

    id: str
    title: str
    owner: str
    paragraph: str
    anchor: str
    due: dt.date | None
    recurrence: str | None


def schedule(
    document: str,
    adopted: dt.date,
    mandate_end: dt.date | None,
    obligations: Iterable[ScheduledObligation],
) -> list[Due]:
    """The dated calendar of one resolution, in date order."""
    entries: list[Due] = []
    for item in obligations:
        if item.recurrence and mandate_end is not None:
            interval = Interval.parse(item.recurrence)
            for n, day in enumerate(occurrences(adopted, interval, mandate_end), start=1):
                entries.append(_due(document, item, day, "recurring", n))
        elif item.due is not None:
            entries.append(_due(document, item, item.due, "deadline", None))
    return sorted(entries, key=lambda due: (due.date, due.paragraph, due.obligation_id))


def _due(
    document: str,
    item: ScheduledObligation,
    day: dt.date,
    kind: Literal["recurring", "deadline"],
    n: int | None,
) -> Due:
    return Due(
        day,
        item.id,
        item.title,
        item.owner,
        kind,
        document,
        item.paragraph,
        item.anchor,
        item.recurrence,
        n,
    )


def workspace_calendar(session: Session, *, document: str | None = None) -> list[Due]:
    """The calendar of every resolution in the workspace (or of one, by symbol)."""
    query = select(DocumentRow).order_by(DocumentRow.date, DocumentRow.id)
    if document is not None:
        query = query.where(DocumentRow.symbol == document)
    entries: list[Due] = []
    for doc in session.scalars(query):
        if doc.date is None:
            continue
        rows = session.scalars(
            select(ObligationRow).where(
                ObligationRow.document_id == doc.id,
                (ObligationRow.recurrence.is_not(None)) | (ObligationRow.due_latest.is_not(None)),
                ObligationRow.status != "not-applicable",
            )
        )
        items = [
            ScheduledObligation(
                row.id, row.title, row.owner, row.paragraph, row.anchor, row.due_latest,
                row.recurrence,
            )
            for row in rows
        ]  # fmt: skip
        entries.extend(schedule(doc.symbol, doc.date, doc.mandate_end, items))
    return sorted(entries, key=lambda due: (due.date, due.document, due.obligation_id))


def upcoming(entries: Sequence[Due], today: dt.date, limit: int = 5) -> list[Due]:
    return [due for due in entries if due.date >= today][:limit]


def to_ics(entries: Sequence[Due], *, stamp: dt.datetime | None = None) -> bytes:
    """An RFC 5545 calendar with one all-day VEVENT per due date."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//Mandate Tracker//mandate-tracker//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Mandate reporting calendar")
    for due in entries:
        event = Event()
        event.add("uid", f"{due.obligation_id}/{due.date.isoformat()}@mandate-tracker")
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", due.date + dt.timedelta(days=1))
        label = f" (report {due.sequence})" if due.sequence else ""
        event.add("summary", f"{due.document} para {due.paragraph}: {due.title}{label}")
        event.add(
            "description",
            f"Owner: {due.owner}\nObligation: {due.obligation_id}\nProvision: {due.anchor}",
        )
        event.add("categories", [due.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
