"""How much work reading and analysing the seed takes, in CPU instructions. Prints its figures;
asserts nothing.

    PYTHONPATH=src python benchmarks/instructions.py [--runs N]

Time on a shared virtual machine varies by half from minute to minute; the number of
instructions a warm run executes does not (it varies by well under 0.1% between runs here), so
it shows a 2% change that timing cannot. It is a proxy, not the target: issue 3's target is
time (``benchmarks/parse.py``), and an instruction that misses the cache costs more than one
that hits. Each stage of S/2020/600 is run under valgrind's cachegrind (``--cache-sim=no``:
instruction counts only) twice, once with no timed runs and once with N, and the difference
divided by N is printed: millions of instructions per warm run. Needs ``valgrind``
(Debian: ``apt install valgrind``); says so and exits 0 without it. Takes three to four minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "mandate_tracker" / "data" / "examples" / "S-2020-600.txt"
STAGES = {
    "clean": "clean (cleaning the text)",
    "parse": "clean + parse (parse_text)",
    "analyse": "analysis alone (analyse_document)",
    "all": "clean + parse + analyse",
}
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def run_stage(stage: str, runs: int) -> None:
    """The child: warm up, then run ``stage`` ``runs`` times (valgrind counts it all)."""
    sys.path.insert(0, str(ROOT / "src"))
    from mandate_tracker.analyse import analyse_document
    from mandate_tracker.ingest import clean
    from mandate_tracker.parse import parse_text

    text = SEED.read_text("utf-8")
    document = parse_text(text)
    analyse_document(parse_text(text))  # loads the vocabulary, compiles the patterns
    actions = {
        "clean": lambda: clean(text),
        "parse": lambda: parse_text(text),
        "analyse": lambda: analyse_document(document),
        "all": lambda: analyse_document(parse_text(text)),
    }
    action = actions[stage]
    for _ in range(runs):
        action()


def instructions(stage: str, runs: int) -> int:
    """Instructions valgrind counts for a child process running ``stage`` ``runs`` times."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        stage,
        "--runs",
        str(runs),
    ]
    # A fixed hash seed: the order of sets of strings, and so the work, is the same each run.
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count for {stage}:\n{done.stderr}")
    return int(found.group(1).replace(",", ""))


def per_run(stage: str, runs: int) -> float:
    """Millions of instructions per warm run of ``stage``."""
    with ThreadPoolExecutor(max_workers=2) as pool:  # the two children run side by side
        base, timed = pool.map(lambda n: instructions(stage, n), (0, runs))
    return (timed - base) / runs / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--child", choices=sorted(STAGES))
    arguments = parser.parse_args()
    if arguments.child:
        run_stage(arguments.child, arguments.runs)
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt install valgrind): nothing measured")
        return
    print(f"S/2020/600, millions of instructions per warm run (of {arguments.runs}):")
    for stage, label in STAGES.items():
        print(f"  {label:36} {per_run(stage, arguments.runs):8.2f} M", flush=True)


if __name__ == "__main__":
    main()
