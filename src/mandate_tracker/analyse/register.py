"""The obligations register as JSON-ready dicts, CSV and Markdown.

One shape everywhere: ``mandate obligations extract --format json|csv|md`` and any API that
lists obligations use :func:`obligation_to_dict`; CSV and Markdown flatten the same fields.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from mandate_tracker.model import Obligation, Target

CSV_COLUMNS = (
    "id", "kind", "owner", "due", "recurrence", "paragraph", "anchor", "title", "targets",
    "tasks", "focus", "parent", "quote",
)  # fmt: skip


def obligation_to_dict(obligation: Obligation) -> dict[str, Any]:
    source = obligation.source
    return {
        "id": obligation.id,
        "kind": obligation.kind,
        "title": obligation.title,
        "owner": obligation.owner,
        "due": str(obligation.due) if obligation.due else None,
        "recurrence": obligation.recurrence,
        "targets": [_target(t) for t in obligation.targets],
        "tasks": [
            {"task": t.task, "modality": t.modality, "evidence": list(t.evidence)}
            for t in obligation.tasks
        ],
        "focus": list(obligation.focus),
        "parent": obligation.parent,
        "source": {
            "paragraph": source.paragraph,
            "anchor": source.anchor,
            "span": list(source.span),
            "quote": source.quote,
        },
    }


def obligations_to_csv(obligations: list[Obligation]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for obligation in obligations:
        writer.writerow(_flat(obligation)[column] for column in CSV_COLUMNS)
    return out.getvalue()


def obligations_to_markdown(obligations: list[Obligation], heading: str | None = None) -> str:
    lines = [f"# {heading}", ""] if heading else []
    lines += [
        "| id | kind | owner | due | every | para | obligation | targets |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for obligation in obligations:
        flat = _flat(obligation)
        cells = [flat[c] for c in ("id", "kind", "owner", "due", "recurrence", "paragraph")]
        cells += [flat["title"], flat["targets"]]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _flat(obligation: Obligation) -> dict[str, str]:
    return {
        "id": obligation.id,
        "kind": obligation.kind,
        "owner": obligation.owner,
        "due": str(obligation.due) if obligation.due else "",
        "recurrence": obligation.recurrence or "",
        "paragraph": obligation.source.paragraph,
        "anchor": obligation.source.anchor,
        "title": obligation.title,
        "targets": "; ".join(t.text for t in obligation.targets),
        "tasks": "; ".join(f"{t.task}/{t.modality}" for t in obligation.tasks),
        "focus": " | ".join(obligation.focus),
        "parent": obligation.parent or "",
        "quote": obligation.source.quote,
    }


def _target(target: Target) -> dict[str, Any]:
    return {
        "value": _number(target.value),
        "unit": target.unit,
        "comparator": target.comparator,
        "text": target.text,
        "subject": target.subject,
    }


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value
