"""PEMA task and modality coding from the lexicon in ``data/vocab/tasks.yaml``.

Only text that assigns work is coded: the clauses of a paragraph whose force is a decision or a
request, and the items listed under such a clause. Positions ("Welcomes", "Condemns") mention
tasks in passing and are not coded. For every task cue found in an assigning segment:

- a task with ``only`` takes that modality (UseOfForce: Security);
- when the segment is not addressed to a peace operation or the Secretariat, the Council is
  encouraging others: ``Encouraged``;
- a segment that asks for a report on it codes it ``Monitor``;
- otherwise the nearest modality cue governing the task cue decides (a modality cue that
  starts before the task cue ends, within the segment): Monitor, Assist or Security, a Security
  cue only for the lexicon's ``security_tasks``, which the mission can itself secure; with
  none, ``Assist``.

Each code keeps the words matched (task cue and the governing modality cue) as evidence, and
the span of the first task cue in the provision's text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from mandate_tracker.analyse.vocabulary import task_lexicon
from mandate_tracker.model import Span, TaskCode

_LOOKBACK = 160


@dataclass(frozen=True)
class Segment:
    """A stretch of a provision's text that assigns work, and to whom."""

    span: Span
    mission: bool  # addressed to a peace operation or the Secretariat
    reporting: bool = False  # a duty to report on it: the modality is Monitor


class _Cue(NamedTuple):
    """A cue found in the text (a named tuple: built for every cue, so cheap to make)."""

    start: int
    end: int
    name: str
    words: str


def code_tasks(text: str, segments: list[Segment]) -> list[TaskCode]:
    """The tasks (with modality and evidence) the segments of ``text`` assign, once per pair."""
    if not segments:
        return []
    lexicon = task_lexicon()
    spans = tuple(segment.span for segment in segments)
    governed = tuple(s.span for s in segments if s.mission and not s.reporting)
    modality_cues = [_Cue(*cue) for cue in lexicon.modality_cues.scan(text, governed)]
    codes: dict[tuple[str, str], TaskCode] = {}
    for cue in (_Cue(*found) for found in lexicon.task_cues.scan(text, spans)):
        segment = next((s for s in segments if s.span[0] <= cue.start < s.span[1]), None)
        if segment is None:
            continue
        secure = cue.name in lexicon.security_tasks
        modality, governing = _modality(cue, segment, lexicon.only(cue.name), secure, modality_cues)
        evidence = (cue.words, governing) if governing and governing != cue.words else (cue.words,)
        code = TaskCode(cue.name, modality, evidence, (cue.start, cue.end))
        key = (code.task, code.modality)
        codes[key] = _merge(codes[key], code) if key in codes else code
    return sorted(codes.values(), key=lambda code: (code.span, code.task, code.modality))


def _modality(
    cue: _Cue, segment: Segment, only: str | None, secure: bool, modality_cues: list[_Cue]
) -> tuple[str, str | None]:
    if only:
        return only, None
    if not segment.mission:
        return "Encouraged", None
    if segment.reporting:
        return "Monitor", None
    floor = max(segment.span[0], cue.start - _LOOKBACK)
    index = bisect_left(modality_cues, cue.end, key=lambda m: m.start) - 1  # last cue before
    while index >= 0 and modality_cues[index].start >= floor:
        nearest = modality_cues[index]
        if secure or nearest.name != "Security":
            return nearest.name, nearest.words
        index -= 1
    return "Assist", None


def _merge(first: TaskCode, second: TaskCode) -> TaskCode:
    evidence = first.evidence + tuple(w for w in second.evidence if w not in first.evidence)
    return TaskCode(first.task, first.modality, evidence, min(first.span, second.span))
