"""Benchmarks: conditions over indicators with a rule (paragraph 64's "clearly measurable
benchmarks"), assessed as met, on-track, off-track or not-assessed.

- ``threshold``: one indicator's latest approved value against a threshold and comparator:
  met when it satisfies it, off-track when it does not, not-assessed without an approved value.
- ``all-of``: every linked indicator's targets: met when all are met; on-track when all are met
  or on track; not-assessed when any has no data (and none is behind); off-track otherwise
  (any at-risk, off-track or overdue target).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import ConflictError, ValidationError
from mandate_tracker.store.models import BenchmarkRow
from mandate_tracker.track import audit
from mandate_tracker.track.indicators import (
    COMPARATORS,
    TargetProgress,
    approved_readings,
    get_indicator,
    target_progress,
)
from mandate_tracker.track.progress import Reading

Assessment = Literal["met", "on-track", "off-track", "not-assessed"]
RULES = ("threshold", "all-of")


def benchmark_state(row: BenchmarkRow) -> dict[str, Any]:
    return audit.state_of(row, indicators=[indicator.code for indicator in row.indicators])


def add_benchmark(
    session: Session,
    code: str,
    title: str,
    rule: str,
    indicators: Sequence[str],
    *,
    actor: str,
    threshold: float | None = None,
    comparator: str | None = None,
    narrative: str | None = None,
    anchor: str | None = None,
) -> BenchmarkRow:
    if rule not in RULES:
        raise ValidationError(f"rule must be one of {', '.join(RULES)}", where="rule")
    if not indicators:
        raise ValidationError("a benchmark needs at least one indicator", where="indicators")
    complete = len(indicators) == 1 and threshold is not None and comparator in COMPARATORS
    if rule == "threshold" and not complete:
        raise ValidationError(
            "a threshold benchmark needs one indicator, a threshold and a comparator",
            where="rule",
        )
    if session.scalars(select(BenchmarkRow.id).where(BenchmarkRow.code == code)).first():
        raise ConflictError(f"benchmark {code!r} already exists")
    row = BenchmarkRow(
        code=code,
        title=title,
        rule=rule,
        threshold=threshold,
        comparator=comparator,
        narrative=narrative,
        anchor=anchor,
        indicators=[get_indicator(session, name) for name in indicators],
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="benchmark",
        object_id=code,
        action="create",
        before=None,
        after=benchmark_state(row),
    )
    return row


def satisfies(value: float, comparator: str, threshold: float) -> bool:
    return {
        ">=": value >= threshold,
        ">": value > threshold,
        "<=": value <= threshold,
        "<": value < threshold,
        "=": value == threshold,
    }[comparator]


def assess_all_of(statuses: Sequence[str]) -> Assessment:
    if not statuses:
        return "not-assessed"
    if all(status == "met" for status in statuses):
        return "met"
    if any(status in ("at-risk", "off-track", "overdue") for status in statuses):
        return "off-track"
    if any(status == "no-data" for status in statuses):
        return "not-assessed"
    return "on-track"


@dataclass(frozen=True)
class BenchmarkAssessment:
    code: str
    title: str
    rule: str
    indicators: tuple[str, ...]
    assessment: Assessment

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "indicators": list(self.indicators)}


def assess_benchmarks(
    session: Session,
    today: dt.date,
    *,
    latest: dict[int, Reading] | None = None,
    progress: Sequence[TargetProgress] | None = None,
) -> list[BenchmarkAssessment]:
    """Assess every benchmark (pass ``latest``/``progress`` when already computed)."""
    if not session.scalars(select(BenchmarkRow.id).limit(1)).first():
        return []
    latest = approved_readings(session, today, latest=True) if latest is None else latest
    progress = target_progress(session, today, latest) if progress is None else progress
    by_indicator: dict[str, list[TargetProgress]] = {}
    for item in progress:
        by_indicator.setdefault(item.indicator, []).append(item)
    found: list[BenchmarkAssessment] = []
    for row in session.scalars(select(BenchmarkRow).order_by(BenchmarkRow.code)):
        codes = tuple(indicator.code for indicator in row.indicators)
        if row.rule == "threshold":
            assert row.threshold is not None and row.comparator is not None
            reading = latest.get(row.indicators[0].id)
            result: Assessment = (
                "not-assessed"
                if reading is None
                else "met"
                if satisfies(reading.value, row.comparator, row.threshold)
                else "off-track"
            )
        else:
            statuses = [p.status for code in codes for p in by_indicator.get(code, [])]
            result = assess_all_of(statuses)
        found.append(BenchmarkAssessment(row.code, row.title, row.rule, codes, result))
    return found
