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


def interleaved_cpu_times_ms(
    actions: dict[str, Callable[[], object]], repeat: int
) -> dict[str, list[float]]:
    """CPU milliseconds of ``repeat`` runs of each action, taken in turn (one run of each, then
    the next round), so that a slow spell of a shared virtual CPU, which can last seconds,
    falls on every action alike instead of on whichever was being timed then."""
    found: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.process_time()
            action()
            found[name].append((time.process_time() - start) * 1000)
    return found
