"""The at-a-glance summary behind ``mandate status``.

Everything comes from aggregate queries (counts grouped by computed status, the latest approved
value per indicator) so the summary stays fast on years of observations.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.store.models import DocumentRow
from mandate_tracker.track.benchmarks import BenchmarkAssessment, assess_benchmarks
from mandate_tracker.track.calendar import Due, upcoming, workspace_calendar
from mandate_tracker.track.indicators import TargetProgress, approved_readings, target_progress
from mandate_tracker.track.obligations import ObligationView, count_by_status, overdue
from mandate_tracker.track.progress import TARGET_STATUSES


@dataclass(frozen=True)
class Summary:
    today: dt.date
    document: str | None
    mission: str | None
    mandate_end: dt.date | None
    obligations: dict[str, int]
    overdue: list[ObligationView]
    next_due: list[Due]
    targets: dict[str, int]
    target_details: list[TargetProgress]
    benchmarks: list[BenchmarkAssessment]

    @property
    def days_to_mandate_end(self) -> int | None:
        return None if self.mandate_end is None else (self.mandate_end - self.today).days

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "document": self.document,
            "mission": self.mission,
            "mandate_end": self.mandate_end.isoformat() if self.mandate_end else None,
            "days_to_mandate_end": self.days_to_mandate_end,
            "obligations": self.obligations,
            "overdue": [item.as_dict() for item in self.overdue],
            "next_due": [due.as_dict() for due in self.next_due],
            "targets": self.targets,
            "target_details": [item.as_dict() for item in self.target_details],
            "benchmarks": [item.as_dict() for item in self.benchmarks],
        }


def current_mandate(session: Session) -> DocumentRow | None:
    """The newest resolution in the workspace (by date): the mandate now being followed."""
    query = select(DocumentRow).order_by(DocumentRow.date.desc(), DocumentRow.id.desc())
    return session.scalars(query.limit(1)).first()


def summarise(session: Session, today: dt.date | None = None) -> Summary:
    today = today or dt.date.today()
    document = current_mandate(session)
    latest = approved_readings(session, today, latest=True)
    progress = target_progress(session, today, latest)
    counts = Counter(item.status for item in progress)
    return Summary(
        today=today,
        document=document.symbol if document else None,
        mission=document.mission if document else None,
        mandate_end=document.mandate_end if document else None,
        obligations=count_by_status(session, today),
        overdue=list(overdue(session, today)),
        next_due=upcoming(
            workspace_calendar(session, document=document.symbol if document else None), today
        ),
        targets={status: counts.get(status, 0) for status in TARGET_STATUSES},
        target_details=progress,
        benchmarks=assess_benchmarks(session, today, latest=latest, progress=progress),
    )
