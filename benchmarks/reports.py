"""How long each report takes to build and render, in each format. Prints figures; asserts nothing.

PYTHONPATH=src python benchmarks/reports.py [--repeat N]

Target (issue 6): under 3 s for the PDF. The workspace is the seed's, in a real SQLite workspace:
S/2020/600 imported (the register derived from the text, one proposed indicator per target the
text sets, all activated), one more indicator per provision the letter and roadmap sections draw
on, and a year of monthly approved observations (July 2020 to June 2021) for each, with status
changes. Each report is the last of its kind in the mandate, so it carries the whole year.

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
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from mandate_tracker.report import OUTPUT_FORMATS, prepare_report, render_report
from mandate_tracker.report import charts as report_charts
from mandate_tracker.report.from_store import StoreWorkspace, find_document, stored_document
from mandate_tracker.report.model import REPORT_KINDS, ReportKind
from mandate_tracker.store import Workspace, init_workspace, open_workspace
from mandate_tracker.store.models import IndicatorRow, ObligationRow
from mandate_tracker.track.calendar import add_months
from mandate_tracker.track.documents import import_file
from mandate_tracker.track.indicators import (
    IndicatorSpec,
    activate_indicator,
    add_indicator,
    record_observation,
    set_target,
)
from mandate_tracker.track.obligations import update_obligation

SEED = Path(__file__).resolve().parents[1] / "src/mandate_tracker/data/examples/S-2020-600.txt"
PERIOD: dict[ReportKind, str] = {"quarterly": "2021Q2", "letter": "2021Q2", "roadmap": "2021Q1"}
EXTRA_PROVISIONS = ("14", "23", "24", "27", "28", "30", "36", "43", "49")
STATUSES = ("in-progress", "done", "in-progress", "not-applicable")


def month_ends(start: dt.date, count: int) -> list[dt.date]:
    return [add_months(start, n + 1) - dt.timedelta(days=1) for n in range(count)]


def seed_workspace(url: str) -> Workspace:
    init_workspace(url)
    workspace = open_workspace(url)
    with workspace.session() as session:
        import_file(session, SEED, actor="bench")
        for row in session.scalars(select(IndicatorRow)).all():
            activate_indicator(session, row.code, actor="bench")
        for paragraph in EXTRA_PROVISIONS:
            code = f"p{paragraph}-progress"
            add_indicator(
                session,
                IndicatorSpec(code, f"Progress measure for paragraph {paragraph}", "percent",
                              baseline_value=0, baseline_date=dt.date(2020, 6, 29),
                              provisions=(f"para-{paragraph}",)),
                actor="bench",
            )  # fmt: skip
            set_target(session, code, value=100, due=dt.date(2021, 6, 30), actor="bench")
        for row in session.scalars(select(IndicatorRow)).all():
            goal = max((t.value for t in row.targets), default=100)
            for n, end in enumerate(month_ends(dt.date(2020, 7, 1), 12)):
                record_observation(session, row.code, round(goal * (n + 1) / 14, 1), end,
                                   actor="bench", status="approved")  # fmt: skip
        ids = session.scalars(select(ObligationRow.id).order_by(ObligationRow.id)).all()
        for n, obligation_id in enumerate(ids):
            if n % 3 == 0:
                update_obligation(session, obligation_id, actor="bench",
                                  status=STATUSES[n % len(STATUSES)])  # fmt: skip
    return workspace


def one_run(workspace: Workspace, kind: ReportKind, fmt: str) -> int:
    with workspace.session() as session:
        row = find_document(session, "S/2020/600")
        source = StoreWorkspace(session, row)
        report = prepare_report(
            stored_document(row), kind, source, period=PERIOD[kind], mandate_ends=row.mandate_end
        )
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
    folder = tempfile.TemporaryDirectory(prefix="mandate-bench-")
    workspace = seed_workspace(f"sqlite:///{folder.name}/workspace.sqlite3")
    with workspace.session() as session:
        source = StoreWorkspace(session, find_document(session, "S/2020/600"))
        view = source.as_of(dt.date(2021, 6, 30), recorded_by_then=False)
    observations = sum(len(i.observations) for i in view.indicators)
    print(
        f"seed workspace: {len(view.obligations)} obligations, "
        f"{len(view.indicators)} active indicators, {observations} approved observations "
        "over a year"
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
                size = one_run(workspace, kind, fmt)

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
    workspace.close()
    folder.cleanup()
    print(
        f"target: PDF under 3 s; load average now {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
