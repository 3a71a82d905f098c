"""The target status rule, case by case at every boundary (see docs/tracking.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from mandate_tracker.track.progress import Reading, TargetSpec, target_status

D = dt.date
START, MIDWAY, DUE = D(2021, 1, 1), D(2021, 1, 6), D(2021, 1, 11)  # 10 days; midway is half
UP = TargetSpec(100, ">=", DUE)  # from a baseline of 0
DOWN = TargetSpec(10, "<=", DUE)  # from a baseline of 50
B0, B50 = Reading(0, START), Reading(50, START)

# (case, target, baseline, first approved, latest approved, today, expected)
Case = tuple[str, TargetSpec, Reading | None, Reading | None, Reading | None, dt.date, str]
CASES: list[Case] = [
    ("reaches target exactly", UP, B0, B0, Reading(100, MIDWAY), MIDWAY, "met"),
    ("exceeds target", UP, B0, B0, Reading(130, MIDWAY), MIDWAY, "met"),
    ("met stays met after the due date", UP, B0, B0, Reading(100, DUE), D(2021, 2, 1), "met"),
    ("exactly on the line", UP, B0, B0, Reading(50, MIDWAY), MIDWAY, "on-track"),
    ("ahead of the line", UP, B0, B0, Reading(60, MIDWAY), MIDWAY, "on-track"),
    ("10 % behind: at-risk edge", UP, B0, B0, Reading(40, MIDWAY), MIDWAY, "at-risk"),
    ("just over 10 % behind", UP, B0, B0, Reading(39.9, MIDWAY), MIDWAY, "off-track"),
    ("far behind", UP, B0, B0, Reading(5, MIDWAY), MIDWAY, "off-track"),
    ("due day itself still counts", UP, B0, B0, Reading(95, DUE), DUE, "at-risk"),
    ("day after due, not met", UP, B0, B0, Reading(99, DUE), D(2021, 1, 12), "overdue"),
    ("no data yet", UP, B0, None, None, MIDWAY, "no-data"),
    ("no data on the due day", UP, B0, None, None, DUE, "no-data"),
    ("no data after due", UP, B0, None, None, D(2021, 1, 12), "overdue"),
    ("value at baseline date", UP, B0, B0, Reading(0, START), START, "on-track"),
    ("before the baseline date", UP, B0, B0, Reading(0, D(2020, 12, 1)), START, "on-track"),
    ("lower is better: met", DOWN, B50, B50, Reading(10, MIDWAY), MIDWAY, "met"),
    ("lower is better: on the line", DOWN, B50, B50, Reading(30, MIDWAY), MIDWAY, "on-track"),
    ("lower is better: at-risk edge", DOWN, B50, B50, Reading(34, MIDWAY), MIDWAY, "at-risk"),
    ("lower is better: off-track", DOWN, B50, B50, Reading(34.5, MIDWAY), MIDWAY, "off-track"),
    ("no baseline: first value is it", UP, None, Reading(20, START), Reading(20, START), START,
     "on-track"),
    ("no baseline: on the line from first", UP, None, Reading(20, START), Reading(60, MIDWAY),
     MIDWAY, "on-track"),
    ("no baseline: 10 % behind from first", UP, None, Reading(20, START), Reading(52, MIDWAY),
     MIDWAY, "at-risk"),
    ("no baseline: behind from first", UP, None, Reading(20, START), Reading(51, MIDWAY), MIDWAY,
     "off-track"),
    ("equals, from below: reached", TargetSpec(30, "=", DUE), B0, B0, Reading(30, MIDWAY), MIDWAY,
     "met"),
    ("equals, from below: passed", TargetSpec(30, "=", DUE), B0, B0, Reading(31, MIDWAY), MIDWAY,
     "met"),
    ("equals, from above: reached", TargetSpec(30, "=", DUE), B50, B50, Reading(29, MIDWAY),
     MIDWAY, "met"),
    ("equals, from above: on the line", TargetSpec(30, "=", DUE), B50, B50, Reading(40, MIDWAY),
     MIDWAY, "on-track"),
    ("strictly greater: equal is not met", TargetSpec(100, ">", DUE), B0, B0,
     Reading(100, DUE), DUE, "on-track"),
    ("strictly less: equal is not met", TargetSpec(10, "<", DUE), B50, B50, Reading(10, DUE), DUE,
     "on-track"),
    ("baseline set on the due date", UP, Reading(0, DUE), None, Reading(50, DUE), DUE,
     "off-track"),
    ("baseline already at target", TargetSpec(0, ">=", DUE), B0, B0, Reading(0, MIDWAY), MIDWAY,
     "met"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("target", "baseline", "first", "latest", "today", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_target_status(
    target: TargetSpec,
    baseline: Reading | None,
    first: Reading | None,
    latest: Reading | None,
    today: dt.date,
    expected: str,
) -> None:
    assert target_status(target, latest=latest, baseline=baseline, first=first, today=today) == (
        expected
    )
