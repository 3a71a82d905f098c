"""The computed status of a target: met, on-track, at-risk, off-track, overdue or no-data.

The rule (worked examples in ``docs/tracking.md``), applied in this order:

1. **met**: the latest approved value reaches the target (``>=``/``>``/``<=``/``<`` as the target
   says; ``=`` means reaching the value coming from the baseline's side);
2. **overdue**: not met and the due date has passed (the due day itself still counts);
3. **no-data**: not met, not past due, and no approved value yet;
4. otherwise compare the latest value with the **planned** value on a straight line from the
   baseline (value, date) to the target (value, due date), at the date of the latest value.
   The shortfall is how far the value lags the plan, as a share of the whole distance
   ``|target - baseline|``: ``<= 0`` is **on-track**, up to :data:`AT_RISK_SHORTFALL` (10 %) is
   **at-risk**, more is **off-track**. Without a recorded baseline the first approved value
   (and its date) is the baseline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

TargetStatus = Literal["met", "on-track", "at-risk", "off-track", "overdue", "no-data"]
TARGET_STATUSES: tuple[TargetStatus, ...] = (
    "met",
    "on-track",
    "at-risk",
    "off-track",
    "overdue",
    "no-data",
)
AT_RISK_SHORTFALL = 0.10


@dataclass(frozen=True)
class Reading:
    """A value at a date (a baseline or an approved observation)."""

    value: float
    as_of: dt.date


@dataclass(frozen=True)
class TargetSpec:
    value: float
    comparator: str  # ">=", ">", "<=", "<", "="
    due: dt.date


def reaches(value: float, target: TargetSpec, baseline: Reading | None) -> bool:
    match target.comparator:
        case ">=":
            return value >= target.value
        case ">":
            return value > target.value
        case "<=":
            return value <= target.value
        case "<":
            return value < target.value
    if baseline is None or baseline.value == target.value:
        return value == target.value
    coming_from_below = baseline.value < target.value
    return value >= target.value if coming_from_below else value <= target.value


def direction(target: TargetSpec, baseline: Reading) -> int:
    """+1 when higher is better for this target, -1 when lower is."""
    if target.comparator in ("<", "<="):
        return -1
    if target.comparator == "=" and baseline.value > target.value:
        return -1
    return 1


def planned_value(target: TargetSpec, baseline: Reading, on: dt.date) -> float:
    """The straight line from the baseline to the target, read at ``on`` (clamped to the ends)."""
    span = (target.due - baseline.as_of).days
    if span <= 0:
        return target.value
    share = min(max((on - baseline.as_of).days / span, 0.0), 1.0)
    return baseline.value + (target.value - baseline.value) * share


def shortfall(target: TargetSpec, baseline: Reading, latest: Reading) -> float:
    """How far the latest value lags the plan, as a share of the baseline-to-target distance."""
    distance = abs(target.value - baseline.value)
    lag = direction(target, baseline) * (
        planned_value(target, baseline, latest.as_of) - latest.value
    )
    if distance == 0:
        return 0.0 if lag <= 0 else float("inf")
    return lag / distance


def target_status(
    target: TargetSpec,
    *,
    latest: Reading | None,
    baseline: Reading | None,
    first: Reading | None,
    today: dt.date,
) -> TargetStatus:
    """Apply the rule above. ``first`` is the first approved value (used without a baseline)."""
    start = baseline or first
    if latest is not None and reaches(latest.value, target, start):
        return "met"
    if today > target.due:
        return "overdue"
    if latest is None or start is None:
        return "no-data"
    lag = shortfall(target, start, latest)
    if lag <= 0:
        return "on-track"
    return "at-risk" if lag <= AT_RISK_SHORTFALL else "off-track"
