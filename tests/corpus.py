"""The real resolution texts in ../shared/data/unsc-resolutions, as (name, text) pairs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def corpus_texts(shared_data: Path) -> Iterator[tuple[str, str]]:
    """Every resolution text: hand-corrected 1990-1994 texts and UNBench drafts 1995-2024."""
    root = shared_data / "unsc-resolutions"
    for path in sorted((root / "cr-unsc-gold").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    drafts = root / "unbench-drafts" / "data"
    for path in sorted(drafts.glob("task*/*/*.json")):
        yield str(path.relative_to(drafts)), json.loads(path.read_text(encoding="utf-8"))["Content"]
    for name in ("task3.json", "task4.json"):
        data = json.loads((drafts / name).read_text(encoding="utf-8"))
        texts = data["drafts"] if isinstance(data, dict) else [entry["Content"] for entry in data]
        for index, text in enumerate(texts):
            yield f"{name}[{index}]", text
