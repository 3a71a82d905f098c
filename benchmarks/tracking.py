"""Tracking benchmarks: import of the seed, and `mandate status` on a large workspace.

    PYTHONPATH=src python benchmarks/tracking.py [--db URL] [--indicators 200] [--years 10]

1. Import of S/2020/600 (read + parse + analyse + derive the register + store, one transaction)
   into a fresh workspace, then the same import again (the idempotent no-op).
2. A workspace holding the seed plus N indicators with weekly approved observations over Y years
   (default 200 x 520 = 104,000 observations), each with a target: the time of the status
   summary in-process (median of 5) and of the whole `mandate status` command (a new process).

Without --db it uses temporary SQLite files; pass a PostgreSQL URL of an EMPTY database to
measure there. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import mandate_tracker.analyse as analyse  # noqa: E402
from mandate_tracker.parse import document_to_dict, read_document  # noqa: E402
from mandate_tracker.store import init_workspace, open_workspace  # noqa: E402
from mandate_tracker.store.models import IndicatorRow, ObservationRow, TargetRow  # noqa: E402
from mandate_tracker.track.documents import SourceFile, import_file, store_document  # noqa: E402
from mandate_tracker.track.status import summarise  # noqa: E402

SEED = ROOT / "src/mandate_tracker/data/examples/S-2020-600.txt"


def import_seed(url: str) -> tuple[float, float, str]:
    """Seconds for the first import and for the repeated (no-op) import."""
    init_workspace(url)
    workspace = open_workspace(url)
    timings = []
    mode = "full pipeline"
    for _ in range(2):
        start = time.perf_counter()
        with workspace.session() as session:
            if hasattr(analyse, "derive_obligations"):
                import_file(session, SEED, actor="bench")
            else:  # the analysis stage has not landed: store the parsed document alone
                mode = "reader only (analysis not available)"
                doc = read_document(SEED)
                source = SourceFile(SEED.name, SEED.read_bytes())
                store_document(session, doc, document_to_dict(doc), [], source, actor="bench")
        timings.append(time.perf_counter() - start)
    workspace.close()
    return timings[0], timings[1], mode


def pipeline_only() -> float:
    """Seconds to read, analyse and derive the register without storing anything."""
    begin = time.perf_counter()
    doc = read_document(SEED)
    if hasattr(analyse, "derive_obligations"):
        analyse.derive_obligations(analyse.analyse_document(doc))
    document_to_dict(doc)
    return time.perf_counter() - begin


def fill(url: str, indicators: int, years: int) -> int:
    """Bulk-load indicators, targets and weekly approved observations; returns the count."""
    workspace = open_workspace(url)
    start = dt.date(2016, 1, 4)
    weeks = years * 52
    rows = 0
    with workspace.session() as session:
        for number in range(indicators):
            indicator = IndicatorRow(
                code=f"bench-{number:03d}",
                name=f"Benchmark indicator {number}",
                unit="number",
                direction="higher",
                baseline_value=0.0,
                baseline_date=start,
                state="active",
            )
            session.add(indicator)
            session.flush()
            session.add(
                TargetRow(
                    indicator_id=indicator.id,
                    due=start + dt.timedelta(weeks=weeks + 26),
                    value=float(weeks),
                    comparator=">=",
                )
            )
            values = [
                {
                    "indicator_id": indicator.id,
                    "value": float(week * (0.8 + (number % 5) * 0.1)),
                    "as_of": start + dt.timedelta(weeks=week),
                    "entered_by": "bench",
                    "review_status": "approved" if week % 10 else "submitted",
                    "version": 1,
                }
                for week in range(weeks)
            ]
            session.execute(insert(ObservationRow), values)
            rows += len(values)
    workspace.close()
    return rows


def time_status(url: str, today: dt.date) -> tuple[float, float, dict[str, int]]:
    workspace = open_workspace(url)
    runs = []
    summary = None
    for _ in range(5):
        begin = time.perf_counter()
        with workspace.session() as session:
            summary = summarise(session, today)
        runs.append(time.perf_counter() - begin)
    workspace.close()
    assert summary is not None
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mandate_tracker", "status", "--db", url, "--on", today.isoformat()],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    command = time.perf_counter() - begin
    return statistics.median(runs), command, summary.targets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="URL of an empty database (default: temporary SQLite)")
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        cold = pipeline_only()  # loads vocabularies and compiles patterns once
        warm = pipeline_only()
        first, again, mode = import_seed(url)
        print(f"reading + analysis of S/2020/600 alone: {cold * 1000:.0f} ms cold, "
              f"{warm * 1000:.0f} ms warm")  # fmt: skip
        print(f"import of S/2020/600 ({mode}, warm): {first * 1000:.0f} ms; "
              f"again (no change): {again * 1000:.0f} ms")  # fmt: skip
        begin = time.perf_counter()
        count = fill(url, args.indicators, args.years)
        print(f"loaded {args.indicators} indicators x {args.years} years of weekly values = "
              f"{count} observations in {time.perf_counter() - begin:.1f} s")  # fmt: skip
        library, command, targets = time_status(url, dt.date(2026, 1, 5))
        print(f"status summary (library, median of 5): {library * 1000:.0f} ms")
        print(f"`mandate status` command (new process): {command * 1000:.0f} ms")
        print(f"targets by status: {targets}")


if __name__ == "__main__":
    main()
