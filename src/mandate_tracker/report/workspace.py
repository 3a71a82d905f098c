"""The tracking workspace as a report sees it, and its "as of" reconstruction.

A :class:`WorkspaceView` is a read-only picture of what the tracking workspace holds: obligations
with their status history, indicators with baselines, targets and approved observations, and the
narrative of each report section with its revisions. :meth:`WorkspaceView.as_of` cuts it at the
end of a day. Two readings of a past period:

- a report chosen by its period (``--period 2020Q4``) shows the statuses as they stood at the
  period's end and every approved value measuring the period, including values entered later
  (figures for December arrive in January);
- a report rebuilt "as of" a day (``--as-of``) shows only what had been recorded by the end of
  that day: values entered or approved later are left out, and so are narrative revisions.

Views are built from the store (:mod:`mandate_tracker.report.from_store`) or, in tests, by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Protocol

from mandate_tracker.model import Obligation
from mandate_tracker.track.obligations import effective_status

INITIAL_STATUS = "open"  # the workspace's status of an obligation nobody has touched


def end_of_day(day: dt.date) -> dt.datetime:
    """The last instant of ``day`` (naive UTC): "as of 31 December" includes that day."""
    return dt.datetime.combine(day, dt.time.max)


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class StatusChange:
    at: dt.datetime
    status: str


@dataclass(frozen=True)
class TrackedObligation:
    obligation: Obligation
    history: tuple[StatusChange, ...] = ()  # in time order

    def status_at(self, cutoff: dt.datetime) -> str:
        """The status set last by ``cutoff``; an open obligation past its due date is overdue."""
        status = INITIAL_STATUS
        for change in self.history:
            if _naive_utc(change.at) <= cutoff:
                status = change.status
        due = self.obligation.due
        return effective_status(status, due.latest() if due else None, cutoff.date())


@dataclass(frozen=True)
class TargetPoint:
    due: dt.date  # the end of the period the target is set for
    value: float
    comparator: str = ">="  # as the workspace stores it: ">=", ">", "<=", "<", "="


@dataclass(frozen=True)
class Observation:
    period_end: dt.date  # the end of the period the value measures
    value: float
    recorded_at: dt.datetime  # when it was entered (approved values only reach a view)
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    paragraph: str  # the operative paragraph it measures, e.g. "3"
    anchor: str  # the provision, e.g. "para-3-dash-1"
    baseline: float | None = None
    baseline_date: dt.date | None = None
    targets: tuple[TargetPoint, ...] = ()
    observations: tuple[Observation, ...] = ()

    def recorded_by(self, cutoff: dt.datetime) -> Indicator:
        kept = tuple(o for o in self.observations if _naive_utc(o.recorded_at) <= cutoff)
        return replace(self, observations=kept)

    def latest(self, period_end: dt.date) -> Observation | None:
        """The value for the latest period ending on or before ``period_end``."""
        eligible = [o for o in self.observations if o.period_end <= period_end]
        if not eligible:
            return None
        return max(eligible, key=lambda o: (o.period_end, _naive_utc(o.recorded_at)))

    def target_for(self, period_end: dt.date) -> TargetPoint | None:
        """The next target still to reach at ``period_end``, else the last one set."""
        if not self.targets:
            return None
        ahead = [t for t in self.targets if t.due >= period_end]
        return min(ahead, key=lambda t: t.due) if ahead else max(self.targets, key=lambda t: t.due)


@dataclass(frozen=True)
class NarrativeRevision:
    at: dt.datetime
    author: str
    text: str


@dataclass(frozen=True)
class WorkspaceView:
    document_symbol: str
    obligations: tuple[TrackedObligation, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    # narrative revisions per (report kind, report number, section label), oldest first
    narratives: dict[tuple[str, int, str], tuple[NarrativeRevision, ...]] = field(
        default_factory=dict
    )
    cutoff: dt.datetime | None = None  # set by as_of(); None means "now"

    def as_of(self, day: dt.date, *, recorded_by_then: bool = True) -> WorkspaceView:
        """The workspace at the end of ``day``: statuses as they stood then; with
        ``recorded_by_then`` only the values entered by then (a strict reconstruction), else
        every value known now (a report for a past period drafted with today's knowledge)."""
        cutoff = end_of_day(day)
        indicators = self.indicators
        if recorded_by_then:
            indicators = tuple(i.recorded_by(cutoff) for i in indicators)
        return replace(self, indicators=indicators, cutoff=cutoff)

    def status_of(self, tracked: TrackedObligation) -> str:
        return tracked.status_at(self.cutoff or dt.datetime.now(dt.UTC).replace(tzinfo=None))

    def narrative(self, kind: str, number: int, label: str, *, as_it_stood: bool) -> str:
        """The section's narrative: the latest revision, or with ``as_it_stood`` the latest
        written by the cut-off (a report rebuilt "as of" a day shows the draft of that day)."""
        revisions = self.narratives.get((kind, number, label), ())
        if as_it_stood and self.cutoff is not None:
            cutoff = self.cutoff
            revisions = tuple(r for r in revisions if _naive_utc(r.at) <= cutoff)
        return revisions[-1].text if revisions else ""

    @property
    def is_empty(self) -> bool:
        return not self.obligations and not self.indicators


class WorkspaceSource(Protocol):
    """Anything that can show the workspace as it stood at the end of a day."""

    def as_of(self, day: dt.date, *, recorded_by_then: bool = True) -> WorkspaceView: ...

    @property
    def is_empty(self) -> bool: ...
