"""The analysis vocabulary: verbs and their force, actors and aliases, the task lexicon.

The words live in ``data/vocab/*.yaml``; this module loads them once into frozen dataclasses
and fails with a :class:`~mandate_tracker.errors.ValidationError` naming the file and field
when a file is malformed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from mandate_tracker.analyse.caseblind import ascii_word
from mandate_tracker.errors import ValidationError
from mandate_tracker.model import Force

# libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure one.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
        words = _strip_adverbs(ascii_word(phrase).strip(), self.adverbs)
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
    named: dict[str, Actor] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        self.named.update((actor.name, actor) for actor in self.actors)

    def by_name(self, name: str) -> Actor | None:
        return self.named.get(name)

    def is_mission(self, name: str) -> bool:
        actor = self.by_name(name)
        return actor is not None and actor.kind == "mission"


@dataclass(frozen=True)
class TaskEntry:
    code: str
    cues: tuple[str, ...]  # regular expressions
    only: str | None = None


@dataclass(frozen=True)
class Cue:
    name: str  # the task code or modality the cue stands for
    pattern: re.Pattern[str]  # matched at a word start of the lower-cased text


@dataclass(frozen=True)
class CueStarts:
    """Where in a lower-cased text cues may start: at word starts that open with the literal
    words of a cue ("protect", "human rights"), or at every word start when some cue may start
    with anything. Found in one search over a whole provision, then shared by every cue set
    scanned in it (task cues and modality cues)."""

    # A start at the search's first position, its separator lying before it.
    at_begin: re.Pattern[str]
    # The other starts, found after the character before them: the regex engine's search loop
    # skips to a character of a plain ASCII class far faster than it tries the lookbehind of
    # ``at_begin`` at every position. The class lets any non-ASCII character through, so a
    # start after one is checked again. None: every word start (``at_begin`` finds them all).
    after_separator: re.Pattern[str] | None
    reach: int  # the length of the longest opening: how far past a start the search looks

    def last(self, stop: int) -> int:
        """The last start that counts for a span ending at ``stop``: the cue's key (its first
        ``_KEY`` letters, or its first letter when every word start is tried) lies in it."""
        return stop - _KEY if self.after_separator is not None else stop - 1

    def within(self, lower: str, begin: int, stop: int) -> list[int]:
        """The starts from ``begin`` to :meth:`last` for ``stop``, in order. An opening may run
        past ``stop``, so the search looks up to ``reach`` past the last start."""
        if self.after_separator is None:
            return [word.start() for word in self.at_begin.finditer(lower, begin, stop)]
        last = self.last(stop)
        starts = [begin] if self.at_begin.match(lower, begin) else []
        starts.extend(
            word.end() for word in self.after_separator.finditer(lower, begin, last + self.reach)
        )
        while starts and starts[-1] > last:  # an opening seen past the last start that counts
            starts.pop()
        if lower.isascii():  # (a flag CPython keeps): every separator let through was ASCII
            return starts
        return [start for start in starts if start == begin or _separates(lower[start - 1])]


@dataclass(frozen=True)
class CuePattern:
    """Many cues, indexed by the first letters of the words they can start with.

    A scan visits each start of :class:`CueStarts` in order and tries only the cues indexed
    under its first letters (plus the few that may start with anything), keeping the longest
    match; matches do not overlap.
    """

    index: dict[str, tuple[Cue, ...]]
    anywhere: tuple[Cue, ...]
    openings: frozenset[str]  # the literal words every match of an indexed cue starts with
    starts: CueStarts

    def __hash__(self) -> int:
        return id(self)

    def scan(
        self,
        text: str,
        spans: tuple[tuple[int, int], ...] | None = None,
        lower: str | None = None,
    ) -> list[tuple[int, int, str, str]]:
        """(start, end, name, matched words) of every cue in ``text`` (or in ``spans`` of it):
        those whose key lies in the span; a cue may run past it.

        ``lower``: ``lower_keeping_length(text)``, when the caller has it already.
        """
        if lower is None:
            lower = lower_keeping_length(text)
        found: list[tuple[int, int, str, str]] = []
        for begin, stop in spans if spans is not None else ((0, len(text)),):
            found.extend(self.matches(text, lower, self.starts.within(lower, begin, stop)))
        return found

    def matches_in(
        self, text: str, lower: str, starts: list[int], span: tuple[int, int]
    ) -> list[tuple[int, int, str, str]]:
        """As :meth:`scan` does for one span, but taking the starts from ``starts``: those
        :meth:`CueStarts.within` found over a stretch holding the span, perhaps for a larger
        set of cues (a start where none of these cues opens matches none of them)."""
        begin, stop = span
        inside = starts[bisect_left(starts, begin) : bisect_right(starts, self.starts.last(stop))]
        return self.matches(text, lower, inside)

    def matches(
        self, text: str, lower: str, starts: Sequence[int]
    ) -> list[tuple[int, int, str, str]]:
        """The cues matched at ``starts`` (in order), each the longest there, none overlapping
        the one before."""
        found: list[tuple[int, int, str, str]] = []
        index, anywhere = self.index, self.anywhere
        end = 0
        for start in starts:
            if start < end:
                continue
            cues = index.get(lower[start : start + _KEY], ()) + anywhere
            if not cues:
                continue  # a start where only another set's cues open
            best = _longest_match(cues, lower, start)
            if best:
                end = best[0]
                found.append((start, end, best[1], text[start:end]))
        return found


def _longest_match(cues: Iterable[Cue], lower: str, start: int) -> tuple[int, str] | None:
    """(end, name) of the longest of ``cues`` matching at ``start``; the first on a tie."""
    best: tuple[int, str] | None = None
    for cue in cues:
        match = cue.pattern.match(lower, start)
        if match and (best is None or match.end() > best[0]):
            best = (match.end(), cue.name)
    return best


_KEY = 3
_WORD_START = re.compile(r"(?<![\w-])\w")
_WORD_CHAR = re.compile(r"[\w-]")
# Every character but an ASCII word character or "-": a bitmap the search loop tests fast.
_SEPARATOR = "[^0-9A-Z_a-z-]"
_META = set("\\.^$*+?{}[]|()")


def _separates(char: str) -> bool:
    """Whether a word may start after ``char``, one that ``_SEPARATOR`` let through."""
    return char < "\x80" or not _WORD_CHAR.match(char)


def lower_keeping_length(text: str, lower: str | None = None) -> str:
    """``text`` lower-cased, but for the rare characters whose lower case is longer, so that
    every offset into it is an offset into ``text``. ``lower``: ``text.lower()``, when the
    caller has it."""
    if lower is None:
        lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True)
class TaskLexicon:
    """The lexicon, compiled into one pattern for task cues and one for modality cues."""

    tasks: tuple[TaskEntry, ...]
    task_cues: CuePattern
    modality_cues: CuePattern
    # Where a cue of either set may start: one search of a provision serves both scans.
    cue_starts: CueStarts

    only_modality: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    security_tasks: frozenset[str] = frozenset()

    def only(self, code: str) -> str | None:
        return self.only_modality.get(code)


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
        data = yaml.load(_read(name), Loader=_LOADER)  # a safe loader, see _LOADER
    except yaml.YAMLError as error:
        raise ValidationError(f"data/vocab/{name} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValidationError(f"data/vocab/{name} must hold a mapping")
    return cast(dict[str, Any], data)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{where} must be a list of strings")
    return tuple(cast(list[str], value))


def _compile_cues(groups: dict[str, tuple[str, ...]], where: str) -> CuePattern:
    index: dict[str, list[Cue]] = {}
    anywhere: list[Cue] = []
    openings: set[str] = set()  # what a match of each indexed cue certainly starts with
    for name, cues in groups.items():
        for cue in cues:
            if re.search(r"\\[A-Z]", cue):
                raise ValidationError(f"{where}.{name}: no upper-case escapes in {cue!r}")
            folded = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), cue)
            try:
                re.compile(folded)
            except re.error as error:
                raise ValidationError(f"{where}.{name}: bad pattern {cue!r}: {error}") from error
            # Each top-level alternative ("abcd|xyz") is a cue of its own: its matches start
            # with its own literal prefix, under which it is indexed.
            for branch in _top_level_branches(folded):
                compiled = Cue(name, re.compile(rf"(?:{branch})(?!\w)"))
                prefix = _literal_prefix(branch)
                key = prefix[:_KEY]
                if len(key) == _KEY:
                    index.setdefault(key, []).append(compiled)
                    openings.add(prefix)
                else:
                    anywhere.append(compiled)
    return CuePattern(
        index={k: tuple(v) for k, v in index.items()},
        anywhere=tuple(anywhere),
        openings=frozenset(openings),
        starts=cue_starts(openings, any_word=bool(anywhere)),
    )


def cue_starts(openings: Iterable[str], any_word: bool) -> CueStarts:
    """Where cues with these ``openings`` may start; every word start when ``any_word`` (some
    cue may start with anything)."""
    kept = sorted(_shortest(set(openings)))
    if any_word:
        return CueStarts(_WORD_START, None, 0)
    trie = _trie(kept)
    return CueStarts(
        at_begin=re.compile(rf"(?<![\w-])(?=(?:{trie}))"),
        after_separator=re.compile(rf"{_SEPARATOR}(?=(?:{trie}))"),
        reach=max(map(len, kept), default=0),
    )


def _top_level_branches(cue: str) -> list[str]:
    """The top-level alternatives of a pattern: "abcd|x(?:y|z)" -> ["abcd", "x(?:y|z)"]. A "|"
    inside a group or a character class ("[|]") or escaped ("\\|") does not split."""
    branches: list[str] = []
    depth = 0
    start = 0
    position = 0
    while position < len(cue):
        char = cue[position]
        if char == "\\":
            position += 1  # the escaped character is taken as it is
        elif char == "[":
            position = _class_end(cue, position)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(cue[start:position])
            start = position + 1
        position += 1
    branches.append(cue[start:])
    return branches


def _class_end(cue: str, opening: int) -> int:
    """Where the character class opened at ``opening`` closes (its "]" may come first,
    as in "[]a]" or "[^]a]", and is then a member)."""
    position = opening + 1
    if cue[position : position + 1] == "^":
        position += 1
    if cue[position : position + 1] == "]":
        position += 1
    while position < len(cue) and cue[position] != "]":
        position += 2 if cue[position] == "\\" else 1
    return position


def _shortest(openings: set[str]) -> set[str]:
    """The openings that do not start with another one ("pro" covers "protect")."""
    kept: set[str] = set()
    for opening in sorted(openings, key=len):
        if not any(opening.startswith(shorter) for shorter in kept):
            kept.add(opening)
    return kept


def _trie(keys: list[str]) -> str:
    """A regex matching exactly ``keys``, factored by common first letters."""
    heads: dict[str, list[str]] = {}
    for key in keys:
        heads.setdefault(key[:1], []).append(key[1:])
    branches = []
    for head, tails in heads.items():
        if tails == [""]:
            branches.append(re.escape(head))
        else:
            branches.append(re.escape(head) + "(?:" + _trie([t for t in tails if t]) + ")")
    return "|".join(branches)


def _literal_prefix(cue: str) -> str:
    """The letters every match of ``cue`` starts with ("mines?" -> "mine")."""
    plain = re.sub(r"^\(\?<[!=][^)]*\)", "", cue)
    prefix = ""
    for position, char in enumerate(plain):
        if char in _META:
            return prefix[:-1] if char in "?*{" else prefix
        prefix = plain[: position + 1]
    return prefix


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
    task_cues = _compile_cues(
        {entry.code: entry.cues for entry in entries}, "data/vocab/tasks.yaml: tasks"
    )
    modality_cues = _compile_cues(modalities, "data/vocab/tasks.yaml: modalities")
    return TaskLexicon(
        tasks=tuple(entries),
        task_cues=task_cues,
        modality_cues=modality_cues,
        cue_starts=cue_starts(
            task_cues.openings | modality_cues.openings,
            any_word=bool(task_cues.anywhere or modality_cues.anywhere),
        ),
        only_modality={entry.code: entry.only for entry in entries if entry.only},
        security_tasks=_security_tasks(data, {entry.code for entry in entries}),
    )


def _security_tasks(data: dict[str, Any], codes: set[str]) -> frozenset[str]:
    where = "data/vocab/tasks.yaml: security_tasks"
    listed = _strings(data.get("security_tasks", []), where)
    unknown = sorted(set(listed) - codes)
    if unknown:
        raise ValidationError(f"{where}: unknown task {unknown[0]!r}")
    return frozenset(listed)
