"""The tracking workspace (``store``) as a report reads it, as it stood at the end of a day.

Statuses always come from the audit trail (``track.history``): an obligation shows the status it
had at the end of the cut-off day ("open" when nobody had touched it yet). The register itself is
the resolution's, whenever it was imported. Indicators and values depend on the reading
(see :mod:`mandate_tracker.report.workspace`): a strict "as of" reconstruction takes each
indicator's definition and its approved values as the audit trail had them at the cut-off, so a
value entered or approved later is left out; a report chosen by its period takes every value
approved now.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import InputError, NotFoundError
from mandate_tracker.model import Document, Obligation, PartialDate, Source
from mandate_tracker.report.workspace import (
    Indicator,
    NarrativeRevision,
    Observation,
    StatusChange,
    TargetPoint,
    TrackedObligation,
    WorkspaceView,
    end_of_day,
)
from mandate_tracker.store.models import DocumentRow, IndicatorRow, ObligationRow, ObservationRow
from mandate_tracker.track import audit, history
from mandate_tracker.track.documents import indicator_state

_PARAGRAPH_OF_ANCHOR = re.compile(r"^para-([0-9A-Za-z]+)")


def find_document(session: Session, symbol: str | None) -> DocumentRow:
    """The resolution to report on: ``symbol``, else the latest the workspace holds."""
    if symbol is not None:
        row = session.scalars(select(DocumentRow).where(DocumentRow.symbol == symbol)).first()
        if row is None:
            known = ", ".join(session.scalars(select(DocumentRow.symbol)).all()) or "none"
            raise NotFoundError(f"the workspace holds no {symbol} (it holds: {known})")
        return row
    latest = session.scalars(
        select(DocumentRow).order_by(DocumentRow.date.desc(), DocumentRow.id.desc())
    ).first()
    if latest is None:
        raise InputError(
            "the workspace holds no resolution yet: import one with 'mandate import FILE'"
        )
    return latest


def stored_document(row: DocumentRow) -> Document:
    from mandate_tracker.parse import document_from_dict

    return document_from_dict(row.content)


@dataclass
class StoreWorkspace:
    """A :class:`~mandate_tracker.report.workspace.WorkspaceSource` over an open session."""

    session: Session
    document: DocumentRow

    @property
    def is_empty(self) -> bool:
        query = select(ObligationRow.id).where(ObligationRow.document_id == self.document.id)
        return self.session.scalars(query.limit(1)).first() is None and not self._indicator_codes()

    def as_of(self, day: dt.date, *, recorded_by_then: bool = True) -> WorkspaceView:
        cutoff = end_of_day(day)
        indicators = self._indicators_then(day) if recorded_by_then else self._indicators_now()
        return WorkspaceView(
            document_symbol=self.document.symbol,
            obligations=self._obligations(day, cutoff),
            indicators=indicators,
            narratives=self._narratives(),
            cutoff=cutoff,
        )

    def _obligations(self, day: dt.date, cutoff: dt.datetime) -> tuple[TrackedObligation, ...]:
        then = {
            s["id"]: s["status"]
            for s in history.obligations_as_of(self.session, day)
            if s.get("document_id") == self.document.id
        }
        rows = self.session.scalars(
            select(ObligationRow)
            .where(ObligationRow.document_id == self.document.id)
            .order_by(ObligationRow.position, ObligationRow.id)
        ).all()
        return tuple(
            TrackedObligation(
                obligation_of(audit.state_of(row)),
                (StatusChange(cutoff, then[row.id]),) if row.id in then else (),
            )
            for row in rows
        )

    def _indicator_codes(self) -> list[str]:
        """Indicators measuring a provision of this document, or one of its obligations."""
        ours = self.session.execute(
            select(ObligationRow.id, ObligationRow.anchor).where(
                ObligationRow.document_id == self.document.id
            )
        ).all()
        ids, anchors = {row.id for row in ours}, {row.anchor for row in ours}
        rows = self.session.scalars(select(IndicatorRow).order_by(IndicatorRow.code)).all()
        return [
            row.code
            for row in rows
            if row.obligation_id in ids
            or any(
                p.document_id == self.document.id or (p.document_id is None and p.anchor in anchors)
                for p in row.provisions
            )
        ]

    def _indicators_then(self, day: dt.date) -> tuple[Indicator, ...]:
        found: list[Indicator] = []
        for code in self._indicator_codes():
            state = history.state_as_of(self.session, "indicator", code, day)
            if state is None or state.get("state") != "active":
                continue  # not created yet, or a target the text set that nobody adopted
            observations = [
                o
                for o in history.observations_as_of(self.session, code, day)
                if o.get("review_status") == "approved"
            ]
            found.append(indicator_of(state, observations, self._paragraph_of(state)))
        return tuple(found)

    def _indicators_now(self) -> tuple[Indicator, ...]:
        found: list[Indicator] = []
        codes = set(self._indicator_codes())
        for row in self.session.scalars(select(IndicatorRow).order_by(IndicatorRow.code)):
            if row.code not in codes or row.state != "active":
                continue
            state = indicator_state(row)
            approved = self.session.scalars(
                select(ObservationRow).where(
                    ObservationRow.indicator_id == row.id,
                    ObservationRow.review_status == "approved",
                )
            )
            observations = [audit.state_of(o) for o in approved]
            found.append(indicator_of(state, observations, self._paragraph_of(state)))
        return tuple(found)

    def _paragraph_of(self, state: dict[str, Any]) -> tuple[str, str]:
        for anchor in state.get("provisions") or []:
            match = _PARAGRAPH_OF_ANCHOR.match(anchor)
            if match:
                return match.group(1), anchor
        obligation_id = state.get("obligation_id")
        row = self.session.get(ObligationRow, obligation_id) if obligation_id else None
        return (row.paragraph, row.anchor) if row else ("", "")

    def _narratives(self) -> dict[tuple[str, int, str], tuple[NarrativeRevision, ...]]:
        from mandate_tracker.report.narratives import narrative_revisions

        return narrative_revisions(self.session, self.document)


def obligation_of(state: dict[str, Any]) -> Obligation:
    return Obligation(
        id=state["id"],
        kind=state["kind"],
        title=state["title"],
        owner=state["owner"],
        source=Source(
            paragraph=state["paragraph"],
            anchor=state["anchor"],
            span=(state["span_start"], state["span_end"]),
            quote=state["quote"],
        ),
        due=PartialDate.parse(state["due"]) if state.get("due") else None,
        recurrence=state.get("recurrence"),
        parent=state.get("parent_id"),
    )


def indicator_of(
    state: dict[str, Any], observations: list[dict[str, Any]], provision: tuple[str, str]
) -> Indicator:
    paragraph, anchor = provision
    baseline_date = state.get("baseline_date")
    return Indicator(
        code=state["code"],
        name=state["name"],
        unit=state["unit"],
        paragraph=paragraph,
        anchor=anchor,
        baseline=state.get("baseline_value"),
        baseline_date=dt.date.fromisoformat(baseline_date) if baseline_date else None,
        targets=tuple(
            TargetPoint(dt.date.fromisoformat(t["due"]), float(t["value"]), t["comparator"])
            for t in state.get("targets") or []
        ),
        observations=tuple(
            Observation(
                period_end=dt.date.fromisoformat(o["as_of"]),
                value=float(o["value"]),
                recorded_at=_moment(o["entered_at"]),
                note=o.get("note") or "",
            )
            for o in observations
        ),
    )


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment
