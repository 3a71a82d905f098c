"""PEMA task and modality coding from the lexicon in ``data/vocab/tasks.yaml``.

Only text that assigns work is coded: the clauses of a paragraph whose force is a decision or a
request, and the items listed under such a clause. Positions ("Welcomes", "Condemns") mention
tasks in passing and are not coded. For every task cue found in an assigning segment:

- a task with ``only`` takes that modality (UseOfForce: Security);
- when the segment is not addressed to a peace operation or the Secretariat, the Council is
  encouraging others: ``Encouraged``;
- a segment that asks for a report on it codes it ``Monitor``;
- otherwise the nearest modality cue governing the task cue decides (a modality cue that ends
  before the task cue within the segment, or overlaps it): Monitor, Assist or Security; with none,
  ``Assist``.

Each code keeps the words matched (task cue and the governing modality cue) as evidence, and
the span of the first task cue in the provision's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from mandate_tracker.analyse.vocabulary import task_lexicon
from mandate_tracker.model import Span, TaskCode

_LOOKBACK = 160


@dataclass(frozen=True)
class Segment:
    """A stretch of a provision's text that assigns work, and to whom."""

    span: Span
    mission: bool  # addressed to a peace operation or the Secretariat
    reporting: bool = False  # a duty to report on it: the modality is Monitor


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    name: str
    words: str


def code_tasks(text: str, segments: list[Segment]) -> list[TaskCode]:
    """The tasks (with modality and evidence) the segments of ``text`` assign, once per pair."""
    if not segments:
        return []
    lexicon = task_lexicon()
    mission = any(segment.mission and not segment.reporting for segment in segments)
    modality_cues = [_Cue(*cue) for cue in lexicon.modality_cues.scan(text)] if mission else []
    codes: dict[tuple[str, str], TaskCode] = {}
    for cue in (_Cue(*found) for found in lexicon.task_cues.scan(text)):
        segment = next((s for s in segments if s.span[0] <= cue.start < s.span[1]), None)
        if segment is None:
            continue
        modality, governing = _modality(cue, segment, lexicon.only(cue.name), modality_cues)
        evidence = (cue.words, governing) if governing and governing != cue.words else (cue.words,)
        code = TaskCode(cue.name, modality, evidence, (cue.start, cue.end))
        key = (code.task, code.modality)
        codes[key] = _merge(codes[key], code) if key in codes else code
    return sorted(codes.values(), key=lambda code: (code.span, code.task, code.modality))


def _modality(
    cue: _Cue, segment: Segment, only: str | None, modality_cues: list[_Cue]
) -> tuple[str, str | None]:
    if only:
        return only, None
    if not segment.mission:
        return "Encouraged", None
    if segment.reporting:
        return "Monitor", None
    floor = max(segment.span[0], cue.start - _LOOKBACK)
    governing = [m for m in modality_cues if floor <= m.start < cue.end]
    if not governing:
        return "Assist", None
    nearest = governing[-1]
    return nearest.name, nearest.words


def _merge(first: TaskCode, second: TaskCode) -> TaskCode:
    evidence = first.evidence + tuple(w for w in second.evidence if w not in first.evidence)
    return TaskCode(first.task, first.modality, evidence, min(first.span, second.span))
