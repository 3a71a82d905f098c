"""How long each report takes to build and render, in each format. Prints figures; asserts nothing.

PYTHONPATH=src python benchmarks/reports.py [--repeat N]

Target (issue 6): under 3 s for the PDF. The workspace is the seed's: the obligations register
derived from the analysed S/2020/600, one indicator per target the text sets plus one per
provision the letter and roadmap sections draw on, and a year of monthly observations
(July 2020 to June 2021, each entered a few days after its month), with status changes along the
way. Each report is the last of its kind in the mandate, so it carries the whole year.

On a shared machine wall time grows with the load (printed at the end); the CPU time of the
process is the steadier figure.

"first" is the first build+render in a fresh process (imports of Altair, vl-convert, WeasyPrint
and python-docx, and the first chart rendering, included); "best" and "median" are over N
further runs with the chart cache emptied before each, so every run draws its charts again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from mandate_tracker.analyse import analyse_document, derive_obligations
from mandate_tracker.model import Document
from mandate_tracker.parse import read_document
from mandate_tracker.report import OUTPUT_FORMATS, prepare_report, render_report
from mandate_tracker.report import charts as report_charts
from mandate_tracker.report.model import REPORT_KINDS, ReportKind
from mandate_tracker.report.workspace import (
    Indicator,
    Observation,
    StatusChange,
    TargetPoint,
    TrackedObligation,
    WorkspaceView,
)
from mandate_tracker.track.calendar import add_months

SEED = Path(__file__).resolve().parents[1] / "src/mandate_tracker/data/examples/S-2020-600.txt"
PERIOD: dict[ReportKind, str] = {"quarterly": "2021Q2", "letter": "2021Q2", "roadmap": "2021Q1"}
EXTRA_PROVISIONS = ("14", "23", "24", "27", "28", "30", "36", "43", "49")
STATUSES = ("in progress", "on track", "off track", "in progress", "completed")


def month_ends(start: dt.date, count: int) -> list[dt.date]:
    return [add_months(start, n + 1) - dt.timedelta(days=1) for n in range(count)]


def a_year_of(
    code: str, name: str, unit: str, paragraph: str, anchor: str, goal: float
) -> Indicator:
    start = dt.date(2020, 7, 1)
    observations = tuple(
        Observation(
            period_end=end,
            value=round(goal * (n + 1) / 14, 1),
            recorded_at=dt.datetime.combine(end + dt.timedelta(days=5), dt.time(10)),
        )
        for n, end in enumerate(month_ends(start, 12))
    )
    return Indicator(
        code=code,
        name=name,
        unit=unit,
        paragraph=paragraph,
        anchor=anchor,
        baseline=0.0,
        baseline_date=dt.date(2020, 6, 29),
        targets=(
            TargetPoint(dt.date(2020, 12, 31), goal / 2),
            TargetPoint(dt.date(2021, 6, 30), goal),
        ),
        observations=observations,
    )


def seed_workspace(doc: Document) -> WorkspaceView:
    register = derive_obligations(doc)
    tracked = tuple(
        TrackedObligation(
            o,
            tuple(
                StatusChange(dt.datetime(2020, 8 + step, 15, 9), STATUSES[(n + step) % 5])
                for step in range(n % 4)
            ),
        )
        for n, o in enumerate(register)
    )
    indicators = [
        a_year_of(f"T{n}", t.title, t.targets[0].unit, t.source.paragraph, t.source.anchor,
                  t.targets[0].value)
        for n, t in enumerate((o for o in register if o.kind == "target"), start=1)
    ]  # fmt: skip
    indicators += [
        a_year_of(f"P{p}", f"Progress measure for paragraph {p}", "percent", p, f"para-{p}", 100)
        for p in EXTRA_PROVISIONS
    ]
    return WorkspaceView("S/2020/600", obligations=tracked, indicators=tuple(indicators))


def one_run(doc: Document, workspace: WorkspaceView, kind: ReportKind, fmt: str) -> int:
    report = prepare_report(doc, kind, workspace, period=PERIOD[kind])
    return len(render_report(report, fmt))  # type: ignore[arg-type]


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, all threads: vl-convert renders in its own)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    doc = analyse_document(read_document(SEED))
    workspace = seed_workspace(doc)
    observations = sum(len(i.observations) for i in workspace.indicators)
    print(
        f"seed workspace: {len(workspace.obligations)} obligations, "
        f"{len(workspace.indicators)} indicators, {observations} observations over a year"
    )
    print(
        f"{'report':<10} {'format':<6} {'first s':>8} {'best s':>8} {'median s':>9} "
        f"{'best cpu s':>11} {'size':>10}"
    )
    for kind in REPORT_KINDS:
        for fmt in OUTPUT_FORMATS:
            report_charts._svg.cache_clear()
            report_charts._png.cache_clear()
            size = 0

            def run(kind: ReportKind = kind, fmt: str = fmt) -> None:
                nonlocal size
                size = one_run(doc, workspace, kind, fmt)

            first, _ = timed(run)
            walls, cpus = [], []
            for _ in range(args.repeat):
                report_charts._svg.cache_clear()
                report_charts._png.cache_clear()
                wall, cpu = timed(run)
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"{kind:<10} {fmt:<6} {first:>8.2f} {min(walls):>8.2f} "
                f"{statistics.median(walls):>9.2f} {min(cpus):>11.2f} {size:>10,}"
            )
    print(
        f"target: PDF under 3 s; load average now {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
