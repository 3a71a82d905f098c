"""How long reading and analysing the built-in example takes. Prints its figures; asserts nothing.

PYTHONPATH=src python benchmarks/analyse.py [--repeat N]

Target (issue 3): the seed's full parse + analysis under 20 ms on one core. Each figure is the
best of N warm runs, the four figures timed in turn (vocabulary loaded and patterns compiled
once, as in a long-running process), in CPU time of this process (``time.process_time``), so
that other processes on a shared machine inflate it as little as possible; the median is
printed too. Also times the cold first call, which loads the YAML vocabulary and compiles the
patterns.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from timing import interleaved_cpu_times_ms

SEED = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "mandate_tracker"
    / "data"
    / "examples"
    / "S-2020-600.txt"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    repeat = parser.parse_args().repeat

    from mandate_tracker.analyse import analyse_document, derive_obligations
    from mandate_tracker.parse import read_document

    start = time.perf_counter()
    analyse_document(read_document(SEED))
    cold = (time.perf_counter() - start) * 1000

    document = read_document(SEED)
    rows = interleaved_cpu_times_ms(
        {
            "parse (read_document)": lambda: read_document(SEED),
            "analysis (analyse_document)": lambda: analyse_document(document),
            "obligations (derive_obligations)": lambda: derive_obligations(document),
            "parse + analysis": lambda: analyse_document(read_document(SEED)),
        },
        repeat,
    )
    print(f"S/2020/600, best and median of {repeat} warm runs (CPU ms):")
    for name, times in rows.items():
        print(f"  {name:34} best {min(times):7.1f}   median {statistics.median(times):7.1f}")
    print(f"  {'cold first parse + analysis':34} {cold:12.1f}")
    best = min(rows["parse + analysis"])
    verdict = "meets" if best < 20 else "misses"
    print(f"target: parse + analysis < 20 ms -> {verdict} ({best:.1f} ms)")


if __name__ == "__main__":
    main()
