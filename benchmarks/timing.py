"""Timing shared by the benchmark scripts: CPU time of one process, so that the figures mean
"on one core" even on a machine busy with other work."""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_times_ms(action: Callable[[], object], repeat: int) -> list[float]:
    """CPU milliseconds of each of ``repeat`` runs of ``action``."""
    found = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        found.append((time.process_time() - start) * 1000)
    return found
