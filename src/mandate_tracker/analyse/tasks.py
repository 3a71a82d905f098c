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
from itertools import pairwise
from typing import NamedTuple

from mandate_tracker.analyse.vocabulary import (
    TaskLexicon,
    lower_keeping_length,
    task_lexicon,
)
from mandate_tracker.model import Span, TaskCode

_LOOKBACK = 160


@dataclass(frozen=True)
class Segment:
    """A stretch of a provision's text that assigns work, and to whom."""

    span: Span
    mission: bool  # addressed to a peace operation or the Secretariat
    reporting: bool = False  # a duty to report on it: the modality is Monitor


_Found = tuple[int, int, str, str]  # a cue found: start, end, name, matched words


def code_tasks(text: str, segments: list[Segment], lower: str | None = None) -> list[TaskCode]:
    """The tasks (with modality and evidence) the segments of ``text`` assign, once per pair.
    ``segments`` come in order and do not overlap, as a provision's clauses do; ``lower`` is
    ``text.lower()``, when the caller has it."""
    if not segments:
        return []
    _require_in_order(segments)
    lexicon = task_lexicon()
    lower = lower_keeping_length(text, lower)  # shared by the task and the modality scan
    # Where a task or a modality cue may start, searched once over all the segments.
    starts = lexicon.cue_starts.within(lower, segments[0].span[0], segments[-1].span[1])
    modality_cues: _ModalityCues | None = None  # scanned when a task cue first needs them
    # (task, modality) -> span of its first cue and evidence. Cues come in order of their
    # start, so the codes are made in the order of their first cue: no sorting needed.
    codes: dict[tuple[str, str], tuple[Span, list[str]]] = {}
    for segment in segments:
        fixed = _segment_modality(segment)
        for start, end, task, words in lexicon.task_cues.matches_in(
            text, lower, starts, segment.span
        ):
            modality = lexicon.only(task) or fixed
            governing = None
            if modality is None:
                if modality_cues is None:
                    modality_cues = _modality_cues(lexicon, text, lower, segments, starts)
                secure = task in lexicon.security_tasks
                modality, governing = modality_cues.governing(start, end, segment, secure)
            code = codes.get((task, modality))
            if code is None:
                code = codes[task, modality] = ((start, end), [words])
            elif words not in code[1]:
                code[1].append(words)
            if governing and governing not in code[1]:
                code[1].append(governing)
    return [
        TaskCode(task, modality, tuple(evidence), span)
        for (task, modality), (span, evidence) in codes.items()
    ]


def _require_in_order(segments: list[Segment]) -> None:
    if len(segments) > 1 and any(one.span[1] > next_.span[0] for one, next_ in pairwise(segments)):
        raise ValueError("task coding needs segments in order, not overlapping")


def _segment_modality(segment: Segment) -> str | None:
    """The modality the segment decides for any task it assigns (but one with ``only``)."""
    if not segment.mission:
        return "Encouraged"
    if segment.reporting:
        return "Monitor"
    return None


class _ModalityCues(NamedTuple):
    """The modality cues of the segments addressed to the mission and not about reporting."""

    starts: list[int]
    cues: list[_Found]

    def governing(
        self, start: int, end: int, segment: Segment, secure: bool
    ) -> tuple[str, str | None]:
        """The modality of the task cue at ``start``-``end`` in ``segment`` and its evidence:
        the nearest modality cue starting before it ends, in the segment and the lookback."""
        floor = max(segment.span[0], start - _LOOKBACK)
        index = bisect_left(self.starts, end) - 1  # the last cue starting before
        while index >= 0 and self.starts[index] >= floor:
            _, _, modality, words = self.cues[index]
            if secure or modality != "Security":
                return modality, words
            index -= 1
        return "Assist", None


def _modality_cues(
    lexicon: TaskLexicon, text: str, lower: str, segments: list[Segment], starts: list[int]
) -> _ModalityCues:
    """The modality cues of the segments addressed to the mission and not about reporting;
    ``starts``: where any cue may start in the segments."""
    cues = [
        cue
        for segment in segments
        if segment.mission and not segment.reporting
        for cue in lexicon.modality_cues.matches_in(text, lower, starts, segment.span)
    ]
    return _ModalityCues([cue[0] for cue in cues], cues)
