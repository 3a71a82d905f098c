"""The reporting calendar: recurrences from adoption, month-end clipping, ICS round trip."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from mandate_tracker.cli import main
from mandate_tracker.errors import ValidationError
from mandate_tracker.store import Workspace
from mandate_tracker.track.calendar import (
    Interval,
    ScheduledObligation,
    add_months,
    nth_occurrence,
    occurrences,
    schedule,
    to_ics,
    workspace_calendar,
)
from tests.tracking_factories import import_into

D = dt.date
ADOPTED, END = D(2020, 6, 29), D(2021, 6, 30)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2020, 6, 29), 3, D(2020, 9, 29)),
        (D(2020, 1, 31), 1, D(2020, 2, 29)),  # leap year
        (D(2021, 1, 31), 1, D(2021, 2, 28)),
        (D(2020, 8, 31), 3, D(2020, 11, 30)),
        (D(2020, 12, 31), 2, D(2021, 2, 28)),
        (D(2020, 11, 15), 14, D(2022, 1, 15)),
    ],
)
def test_add_months_clips_to_month_end(start: dt.date, count: int, expected: dt.date) -> None:
    assert add_months(start, count) == expected


def test_occurrences_count_from_the_anchor_not_from_the_previous_clipped_date() -> None:
    # 30 Nov + P3M = 28 Feb (clipped), but the next is 30 May, not 28 May.
    days = occurrences(D(2020, 11, 30), Interval.parse("P3M"), D(2021, 12, 1))
    assert days == [D(2021, 2, 28), D(2021, 5, 30), D(2021, 8, 30), D(2021, 11, 30)]


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("P3M", Interval(3)),
        ("P1Y", Interval(12)),
        ("P2W", Interval(0, 14)),
        ("P1Y6M", Interval(18)),
    ],
)
def test_interval_parse(text: str, interval: Interval) -> None:
    assert Interval.parse(text) == interval


@pytest.mark.parametrize("text", ["3 months", "P", "P0M", "PT5H", ""])
def test_bad_interval(text: str) -> None:
    with pytest.raises(ValidationError):
        Interval.parse(text)


def seed_schedule() -> list[ScheduledObligation]:
    return [
        ScheduledObligation("r62", "Quarterly report", "SG", "62", "para-62", None, "P3M"),
        ScheduledObligation("r63", "Six-monthly letter", "SG", "63", "para-63", None, "P6M"),
        ScheduledObligation("r64", "Roadmap", "SG", "64", "para-64", D(2021, 3, 31), None),
    ]


def test_seed_calendar_until_mandate_end() -> None:
    entries = schedule("S/2020/600", ADOPTED, END, seed_schedule())
    assert [(e.date.isoformat(), e.paragraph) for e in entries] == [
        ("2020-09-29", "62"),
        ("2020-12-29", "62"),
        ("2020-12-29", "63"),
        ("2021-03-29", "62"),
        ("2021-03-31", "64"),
        ("2021-06-29", "62"),
        ("2021-06-29", "63"),
    ]
    assert [e.sequence for e in entries if e.paragraph == "62"] == [1, 2, 3, 4]


def test_ics_parses_back_with_one_all_day_event_per_due_date() -> None:
    entries = schedule("S/2020/600", ADOPTED, END, seed_schedule())
    parsed = Calendar.from_ical(to_ics(entries))
    assert parsed["VERSION"] == "2.0" and "PRODID" in parsed
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(entries) == 7
    starts = sorted(
        (event.decoded("DTSTART"), str(event["SUMMARY"]).split(":")[0]) for event in events
    )
    assert starts[0] == (D(2020, 9, 29), "S/2020/600 para 62")
    assert all(type(event.decoded("DTSTART")) is dt.date for event in events)
    assert all(
        event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)
        for event in events
    )
    assert len({str(event["UID"]) for event in events}) == 7


def test_workspace_calendar_and_cli_ics(workspace: Workspace, tmp_path: Path) -> None:
    import_into(workspace)
    with workspace.session() as session:
        entries = workspace_calendar(session)
    assert [e.date for e in entries] == [
        D(2020, 9, 29), D(2020, 12, 29), D(2020, 12, 29), D(2021, 3, 29), D(2021, 3, 31),
        D(2021, 6, 29), D(2021, 6, 29), D(2021, 6, 30),
    ]  # fmt: skip
    ics = tmp_path / "calendar.ics"
    url = workspace.url.render_as_string(hide_password=False)
    with pytest.raises(SystemExit) as done:
        main(["calendar", "--ics", str(ics), "--db", url, "--format", "json"])
    assert done.value.code == 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert sorted(event.decoded("DTSTART") for event in events) == [e.date for e in entries]


@given(
    start=st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    months=st.integers(1, 24),
    days=st.integers(0, 40),
    span=st.integers(0, 4000),
)
def test_occurrences_invariants(start: dt.date, months: int, days: int, span: int) -> None:
    interval = Interval(months, days)
    until = start + dt.timedelta(days=span)
    found = occurrences(start, interval, until)
    assert found == sorted(set(found)) and all(start < day <= until for day in found)
    assert nth_occurrence(start, interval, len(found) + 1) > until
    for n, day in enumerate(found, start=1):
        shifted = add_months(start, months * n)
        assert shifted.day == min(start.day, monthrange(shifted.year, shifted.month)[1])
        assert day == shifted + dt.timedelta(days=days * n)
