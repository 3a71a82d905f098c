"""Indicators, their targets and observations, and the review of observations.

An observation moves draft -> submitted -> approved, or submitted -> returned (with a comment)
-> submitted again. Only approved values count towards a target's status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import ConflictError, NotFoundError, ValidationError
from mandate_tracker.store.models import (
    IndicatorProvisionRow,
    IndicatorRow,
    ObservationRow,
    TargetRow,
)
from mandate_tracker.track import audit
from mandate_tracker.track.documents import indicator_state
from mandate_tracker.track.obligations import EvidenceInput, add_evidence
from mandate_tracker.track.progress import Reading, TargetSpec, TargetStatus, target_status

DIRECTIONS = ("higher", "lower")
COMPARATORS = (">=", ">", "<=", "<", "=")
REVIEW_STATUSES = ("draft", "submitted", "approved", "returned")
# Allowed review moves: from -> to.
REVIEW_MOVES = {
    "draft": {"submitted", "approved"},
    "submitted": {"approved", "returned"},
    "returned": {"submitted", "draft"},
    "approved": set[str](),
}


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    direction: str = "higher"
    baseline_value: float | None = None
    baseline_date: dt.date | None = None
    source: str | None = None
    frequency: str | None = None
    owner: str | None = None
    provisions: tuple[str, ...] = ()

    def check(self) -> None:
        if not self.code.strip():
            raise ValidationError("an indicator needs a code", where="code")
        if self.direction not in DIRECTIONS:
            raise ValidationError(
                f"direction must be 'higher' or 'lower', not {self.direction!r}",
                where="direction",
            )
        if (self.baseline_value is None) != (self.baseline_date is None):
            raise ValidationError("a baseline needs both a value and a date", where="baseline")


def get_indicator(session: Session, code: str) -> IndicatorRow:
    row = session.scalars(select(IndicatorRow).where(IndicatorRow.code == code)).first()
    if row is None:
        raise NotFoundError(f"no indicator {code!r}", where="indicator")
    return row


def add_indicator(session: Session, spec: IndicatorSpec, *, actor: str) -> IndicatorRow:
    spec.check()
    if session.scalars(select(IndicatorRow.id).where(IndicatorRow.code == spec.code)).first():
        raise ConflictError(f"indicator {spec.code!r} already exists")
    row = IndicatorRow(
        code=spec.code,
        name=spec.name,
        unit=spec.unit,
        direction=spec.direction,
        baseline_value=spec.baseline_value,
        baseline_date=spec.baseline_date,
        source=spec.source,
        frequency=spec.frequency,
        owner=spec.owner,
        state="active",
        provisions=[IndicatorProvisionRow(anchor=anchor) for anchor in spec.provisions],
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="indicator",
        object_id=row.code,
        action="create",
        before=None,
        after=indicator_state(row),
    )
    return row


def set_target(
    session: Session,
    code: str,
    *,
    value: float,
    due: dt.date,
    comparator: str = ">=",
    period_start: dt.date | None = None,
    actor: str,
) -> TargetRow:
    """Set (or replace) the indicator's target for the period ending on ``due``."""
    if comparator not in COMPARATORS:
        raise ValidationError(f"comparator must be one of {' '.join(COMPARATORS)}")
    indicator = get_indicator(session, code)
    before = indicator_state(indicator)
    existing = next((t for t in indicator.targets if t.due == due), None)
    if existing is None:
        existing = TargetRow(due=due, value=value, comparator=comparator)
        indicator.targets.append(existing)
    existing.value, existing.comparator, existing.period_start = value, comparator, period_start
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="indicator",
        object_id=code,
        action="set-target",
        before=before,
        after=indicator_state(indicator),
    )
    return existing


def activate_indicator(session: Session, code: str, *, actor: str) -> IndicatorRow:
    """Accept a proposed indicator (one found in the text) for tracking."""
    row = get_indicator(session, code)
    before = indicator_state(row)
    row.state = "active"
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="indicator",
        object_id=code,
        action="activate",
        before=before,
        after=indicator_state(row),
    )
    return row


def list_indicators(session: Session) -> Sequence[IndicatorRow]:
    return session.scalars(select(IndicatorRow).order_by(IndicatorRow.code)).all()


def observation_state(row: ObservationRow, code: str) -> dict[str, Any]:
    return audit.state_of(row, indicator=code)


def record_observation(
    session: Session,
    code: str,
    value: float,
    as_of: dt.date,
    *,
    actor: str,
    status: str = "draft",
    note: str | None = None,
    evidence: EvidenceInput | None = None,
    place: str | None = None,
) -> ObservationRow:
    if status not in REVIEW_STATUSES or status == "returned":
        raise ValidationError(
            f"a new observation is draft, submitted or approved, not {status!r}", where="--status"
        )
    indicator = get_indicator(session, code)
    row = ObservationRow(
        indicator_id=indicator.id,
        value=float(value),
        as_of=as_of,
        place=place,
        note=note,
        entered_by=actor,
        review_status=status,
        reviewed_by=actor if status == "approved" else None,
    )
    session.add(row)
    session.flush()
    if evidence is not None:
        add_evidence(session, evidence, actor=actor, observation_id=row.id)
    audit.record(
        session,
        actor=actor,
        object_type="observation",
        object_id=row.id,
        action="record",
        before=None,
        after=observation_state(row, code),
    )
    return row


def review_observation(
    session: Session,
    observation_id: int,
    to: str,
    *,
    actor: str,
    comment: str | None = None,
    expect_version: int | None = None,
) -> ObservationRow:
    row = session.get(ObservationRow, observation_id)
    if row is None:
        raise NotFoundError(f"no observation {observation_id}", where="observation")
    if expect_version is not None and row.version != expect_version:
        raise ConflictError(
            f"observation {observation_id} is at version {row.version}, not {expect_version}"
        )
    if to not in REVIEW_MOVES.get(row.review_status, set()):
        raise ValidationError(
            f"an observation that is {row.review_status} cannot become {to}", where="status"
        )
    if to == "returned" and not comment:
        raise ValidationError("returning an observation needs a comment", where="comment")
    before = observation_state(row, row.indicator.code)
    row.review_status = to
    row.review_comment = comment
    row.reviewed_by = actor if to in ("approved", "returned") else row.reviewed_by
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="observation",
        object_id=row.id,
        action=f"review:{to}",
        before=before,
        after=observation_state(row, row.indicator.code),
    )
    return row


def approved_readings(session: Session, today: dt.date, *, latest: bool) -> dict[int, Reading]:
    """Per indicator, its latest (or first) approved value on or before ``today``.

    One query: for each indicator a correlated subquery picks its observation by walking the
    (indicator, review status, as_of) index from the right end, so the cost grows with the
    number of indicators, not of observations. Ties on a day go to the one entered last
    (latest) or first (first).
    """
    day_order = ObservationRow.as_of.desc() if latest else ObservationRow.as_of.asc()
    id_order = ObservationRow.id.desc() if latest else ObservationRow.id.asc()
    pick = (
        select(ObservationRow.id)
        .where(
            ObservationRow.indicator_id == IndicatorRow.id,
            ObservationRow.review_status == "approved",
            ObservationRow.as_of <= today,
        )
        .order_by(day_order, id_order)
        .limit(1)
        .correlate(IndicatorRow)
        .scalar_subquery()
    )
    chosen = select(pick).select_from(IndicatorRow)
    query = select(ObservationRow.indicator_id, ObservationRow.as_of, ObservationRow.value).where(
        ObservationRow.id.in_(chosen)
    )
    return {
        indicator_id: Reading(value, as_of) for indicator_id, as_of, value in session.execute(query)
    }


@dataclass(frozen=True)
class TargetProgress:
    indicator: str
    name: str
    unit: str
    target: float
    comparator: str
    due: dt.date
    latest: Reading | None
    status: TargetStatus

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "name": self.name,
            "unit": self.unit,
            "target": self.target,
            "comparator": self.comparator,
            "due": self.due.isoformat(),
            "latest": None
            if self.latest is None
            else {"value": self.latest.value, "as_of": self.latest.as_of.isoformat()},
            "status": self.status,
        }


def target_progress(
    session: Session, today: dt.date, latest: dict[int, Reading] | None = None
) -> list[TargetProgress]:
    """Every target's computed status, from three queries (two if ``latest`` is given)."""
    latest = approved_readings(session, today, latest=True) if latest is None else latest
    first = approved_readings(session, today, latest=False)
    query = (
        select(TargetRow, IndicatorRow)
        .join(IndicatorRow, TargetRow.indicator_id == IndicatorRow.id)
        .order_by(TargetRow.due, IndicatorRow.code)
    )
    progress: list[TargetProgress] = []
    for target, indicator in session.execute(query):
        baseline = (
            Reading(indicator.baseline_value, indicator.baseline_date)
            if indicator.baseline_value is not None and indicator.baseline_date is not None
            else None
        )
        spec = TargetSpec(target.value, target.comparator, target.due)
        reading = latest.get(indicator.id)
        status = target_status(
            spec, latest=reading, baseline=baseline, first=first.get(indicator.id), today=today
        )
        progress.append(
            TargetProgress(
                indicator.code,
                indicator.name,
                indicator.unit,
                target.value,
                target.comparator,
                target.due,
                reading,
                status,
            )
        )
    return progress
