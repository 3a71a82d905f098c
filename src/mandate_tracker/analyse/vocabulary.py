"""The analysis vocabulary: verbs and their force, actors and aliases, the task lexicon.

The words live in ``data/vocab/*.yaml``; this module loads them once into frozen dataclasses
and fails with a :class:`~mandate_tracker.errors.ValidationError` naming the file and field
when a file is malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from mandate_tracker.errors import ValidationError
from mandate_tracker.model import Force

FORCES: tuple[Force, ...] = ("decision", "request", "position")
MODALITIES = ("Monitor", "Assist", "Security", "Encouraged")


@dataclass(frozen=True)
class Verb:
    phrase: str  # lower case, third person: "calls upon"
    force: Force


@dataclass(frozen=True)
class Verbs:
    operative: tuple[Verb, ...]  # longest phrase first
    preambular: tuple[str, ...]
    adverbs: tuple[str, ...]

    def force_of(self, phrase: str) -> Force:
        """The force of a printed verb phrase ("Further requests" -> request), or unknown."""
        words = _strip_adverbs(phrase.lower().strip(), self.adverbs)
        for verb in self.operative:
            if words == verb.phrase or words.startswith(verb.phrase + " "):
                return verb.force
        return "unknown"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...]
    pronouns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actors:
    actors: tuple[Actor, ...]

    def by_name(self, name: str) -> Actor | None:
        return next((actor for actor in self.actors if actor.name == name), None)

    def is_mission(self, name: str) -> bool:
        actor = self.by_name(name)
        return actor is not None and actor.kind == "mission"


@dataclass(frozen=True)
class TaskEntry:
    code: str
    cues: tuple[str, ...]  # regular expressions
    only: str | None = None


@dataclass(frozen=True)
class TaskLexicon:
    """The lexicon, compiled into one pattern for tasks and one for modality cues.

    Each has one named group per task code (or modality), so one scan of a text finds them all.
    """

    tasks: tuple[TaskEntry, ...]
    task_pattern: re.Pattern[str]
    modality_pattern: re.Pattern[str]

    def only(self, code: str) -> str | None:
        return next((entry.only for entry in self.tasks if entry.code == code), None)


def _strip_adverbs(words: str, adverbs: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for adverb in adverbs:
            if words.startswith(adverb + " "):
                words = words[len(adverb) + 1 :]
                changed = True
    return words


def _read(name: str) -> str:
    return (resources.files("mandate_tracker") / "data" / "vocab" / name).read_text("utf-8")


def _load(name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(_read(name))
    except yaml.YAMLError as error:
        raise ValidationError(f"data/vocab/{name} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValidationError(f"data/vocab/{name} must hold a mapping")
    return cast(dict[str, Any], data)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{where} must be a list of strings")
    return tuple(cast(list[str], value))


def _grouped(groups: dict[str, tuple[str, ...]], where: str) -> re.Pattern[str]:
    """One pattern with a named group per key, each an alternation of its cues."""
    parts = []
    for name, cues in groups.items():
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as error:
                raise ValidationError(f"{where}.{name}: bad pattern {cue!r}: {error}") from error
        parts.append(f"(?P<{name}>" + "|".join(f"(?:{cue})" for cue in cues) + ")")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@cache
def verbs() -> Verbs:
    data = _load("verbs.yaml")
    operative: list[Verb] = []
    for force in FORCES:
        where = f"data/vocab/verbs.yaml: operative.{force}"
        phrases = _strings(data.get("operative", {}).get(force), where)
        operative.extend(Verb(p.lower(), force) for p in phrases)
    operative.sort(key=lambda verb: -len(verb.phrase))
    return Verbs(
        operative=tuple(operative),
        preambular=_strings(data.get("preambular"), "data/vocab/verbs.yaml: preambular"),
        adverbs=_strings(data.get("adverbs"), "data/vocab/verbs.yaml: adverbs"),
    )


@cache
def actors() -> Actors:
    data = _load("actors.yaml")
    found: list[Actor] = []
    for index, entry in enumerate(data.get("actors") or []):
        where = f"data/vocab/actors.yaml: actors[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValidationError(f"{where} needs a name")
        found.append(
            Actor(
                name=entry["name"],
                kind=str(entry.get("kind", "other")),
                aliases=_strings(entry.get("aliases", []), f"{where}.aliases"),
                pronouns=_strings(entry.get("pronouns", []), f"{where}.pronouns"),
            )
        )
    return Actors(tuple(found))


@cache
def task_lexicon() -> TaskLexicon:
    data = _load("tasks.yaml")
    modalities: dict[str, tuple[str, ...]] = {}
    for modality, patterns in (data.get("modalities") or {}).items():
        where = f"data/vocab/tasks.yaml: modalities.{modality}"
        if modality not in MODALITIES:
            raise ValidationError(f"{where}: unknown modality")
        modalities[modality] = _strings(patterns, where)
    entries: list[TaskEntry] = []
    for code, entry in (data.get("tasks") or {}).items():
        where = f"data/vocab/tasks.yaml: tasks.{code}"
        if not isinstance(entry, dict) or not str(code).isidentifier():
            raise ValidationError(f"{where} must be a mapping with cues, named by an identifier")
        only = entry.get("only")
        if only is not None and only not in MODALITIES:
            raise ValidationError(f"{where}.only: unknown modality {only!r}")
        entries.append(TaskEntry(str(code), _strings(entry.get("cues"), where), only))
    where = "data/vocab/tasks.yaml: tasks"
    return TaskLexicon(
        tasks=tuple(entries),
        task_pattern=_grouped({entry.code: entry.cues for entry in entries}, where),
        modality_pattern=_grouped(modalities, "data/vocab/tasks.yaml: modalities"),
    )
