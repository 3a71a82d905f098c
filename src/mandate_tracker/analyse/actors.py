"""Who a clause addresses, resolved through the actor registry (``data/vocab/actors.yaml``).

The addressee of a request is the noun phrase between the verb and its infinitive
("Requests *the Secretary-General* to report"); of a decision "that ..." the subject of the
that-clause ("Decides that *MINUSMA* shall"); a decision "to ..." is the Council's own.
Positions address nobody. Aliases map to canonical names; "him"/"his" is the
Secretary-General when the paragraph names the Secretary-General; a term the text defines
("... armed groups (“the Malian parties”)") wins over its parts; an actor the registry does not
know is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mandate_tracker.analyse.caseblind import LOOKALIKES
from mandate_tracker.analyse.vocabulary import Actor, actors
from mandate_tracker.model import Force

COUNCIL = "Security Council"

# The infinitive's "to" (after whitespace, perhaps a comma before it: see _infinitive_start),
# written to open with the literal word so that the engine only tries positions holding "to".
_INFINITIVE = re.compile(
    r"to(?<=\sto)\s+(?!(?:resolution|resolutions|the|its|their|his|her|a|an|this|these|those|"
    r"that|all|any|paragraph|which|whom|whose|and|or|Mali|MINUSMA)\b)[a-z]"
)
_THAT_SUBJECT_END = re.compile(r"\s(?:shall|should|will|must|may|remains?|is|are|continues?)\b")
_DEFINED_TERM = re.compile(r"\(\s*[“\"]\s*(?:the\s+)?([^”\"]+?)\s*[”\"]\s*\)")
# "\band", with the boundary checked behind the literal word so the scan can look for "and".
_ALSO_UPON = re.compile(r"and(?<!\wand)\s+(?:upon|on)\s+(?P<who>.{1,80}?)\s+to\s+[a-z]")
_DETERMINER = re.compile(r"^(?:the|all|any|relevant|other|its|their)\s+", re.IGNORECASE)
_WINDOW_WORDS = 12
_ASIDE = re.compile(
    r",\s+(?:addressing|in|with|within|without|notably|including|especially|particularly|"
    r"through|acting|where|when|which|who|under|upon|on|for|by|at|given|bearing|consistent|"
    r"following|taking|while|building|based)\b"
)
_OBJECT_START_WORDS = 3


@cache
def _alias_pattern() -> re.Pattern[str]:
    """Every alias, the longest first, on word boundaries; aliases written all in lower case
    match case-blind.

    The aliases are grouped by the character a match starts with, each group opening with
    that literal character: the engine then tries one group at a character an alias can
    start with instead of every alias at every position (a case-blind alias joins the group
    of each character its first letter matches). Within a group the aliases keep the
    longest-first order, so the same alias wins.
    """
    registry = actors()
    aliases = sorted(
        (alias for actor in registry.actors for alias in actor.aliases), key=lambda a: -len(a)
    )
    groups: dict[str, list[str]] = {}
    for alias in aliases:
        blind = alias == alias.lower()
        rest = f"(?i:{re.escape(alias[1:])})" if blind and alias[1:] else re.escape(alias[1:])
        for first in _first_characters(alias[0], blind):
            groups.setdefault(first, []).append(rest)
    # The boundary before the alias is checked behind its first character, so that the scan
    # opens with literals and skips to the characters an alias can start with.
    branches = "|".join(
        f"{re.escape(first)}(?<![\\w-]{re.escape(first)})(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )
    return re.compile(rf"(?:{branches})(?![\w-])")


def _first_characters(first: str, blind: bool) -> str:
    """The characters a match of an alias starting with ``first`` can start with."""
    if not blind:
        return first
    if not first.isascii():
        raise ValueError(f"a case-blind alias must start with an ASCII character: {first!r}")
    return "".join(dict.fromkeys(first + first.upper() + LOOKALIKES.get(first, "")))


@cache
def _alias_index() -> dict[str, Actor]:
    registry = actors()
    index: dict[str, Actor] = {}
    for actor in registry.actors:
        for alias in actor.aliases:
            index.setdefault(alias.lower(), actor)
    return index


def actors_named(text: str) -> list[str]:
    """Canonical names of every registered actor named in ``text``, in order, once each."""
    return list(dict.fromkeys(_named(text)))  # first mentions in order, deduplicated in C


def names_actor(text: str, name: str) -> bool:
    """Whether ``text`` names the actor ``name`` (as :func:`actors_named` would list it),
    reading only as far as its first mention."""
    return any(found == name for found in _named(text))


def _named(text: str) -> Iterator[str]:
    """The canonical name of each registered alias in ``text``, in order."""
    index = _alias_index()
    for match in _alias_pattern().finditer(text):
        actor = index.get(match.group(0).lower())
        if actor:
            yield actor.name


def canonical(name: str) -> str:
    """The canonical name of an alias, or the name as written when it is not registered."""
    actor = _alias_index().get(name.strip().lower())
    return actor.name if actor else name.strip()


def addressees(clause_text: str, verb_end: int, force: Force, paragraph_text: str) -> list[str]:
    """The actors a clause addresses (see module doc). ``verb_end`` is relative to the clause."""
    if force in ("position", "unknown"):
        return []
    rest = clause_text[verb_end:].lstrip()
    if rest.startswith("to "):
        return [COUNCIL] if force == "decision" else []
    if rest.startswith("that "):
        subject = rest[5:]
        end = _THAT_SUBJECT_END.search(subject)
        return _resolve(_first_words(subject[: end.start()] if end else subject), paragraph_text)
    infinitive = _INFINITIVE.search(rest)
    if not infinitive:
        return _object_actor(rest, paragraph_text)
    window = rest[: _infinitive_start(rest, infinitive.start())]
    aside = _ASIDE.search(window)
    found = _resolve(window[: aside.start()] if aside else window, paragraph_text)
    also = _ALSO_UPON.search(rest, infinitive.end())  # a search: usually there is none
    while also:
        found.extend(n for n in _resolve(also.group("who"), paragraph_text) if n not in found)
        also = _ALSO_UPON.search(rest, also.end())
    return found


def _infinitive_start(rest: str, to: int) -> int:
    """Where the infinitive found at "to" (position ``to``) starts: at the whitespace before
    it, or at a comma just before that whitespace (",? \\s+to")."""
    start = len(rest[:to].rstrip())
    return start - 1 if start > 0 and rest[start - 1] == "," else start


def _resolve(window: str, paragraph_text: str, keep_unknown: bool = True) -> list[str]:
    window = window.strip(" ,;")
    defined = _DEFINED_TERM.search(window) if "(" in window else None  # "in": no regex call
    if defined:
        return [canonical(defined.group(1))]
    pronoun = _pronoun_actor(window, paragraph_text)
    if pronoun:
        return [pronoun]
    names = actors_named(window)
    if names or not keep_unknown:
        return names
    return [_as_written(window)] if _looks_like_actor(window) else []


def _object_actor(rest: str, paragraph_text: str) -> list[str]:
    """Without an infinitive, only an actor that is the verb's object itself is addressed."""
    head = " ".join(rest.split(None, _OBJECT_START_WORDS)[:_OBJECT_START_WORDS])
    match = _alias_pattern().search(rest, 0, len(head) + 60)
    if not match or match.start() >= len(head):
        return []
    aside = _ASIDE.search(rest)
    window = rest[: aside.start()] if aside else _first_words(rest)
    return _resolve(window, paragraph_text, keep_unknown=False)


def _pronoun_actor(window: str, paragraph_text: str) -> str | None:
    for actor in _pronoun_index().get(window.strip().lower(), ()):
        if names_actor(paragraph_text, actor.name):
            return actor.name
    return None


@cache
def _pronoun_index() -> dict[str, tuple[Actor, ...]]:
    """Pronoun -> the actors it may stand for, in registry order."""
    index: dict[str, list[Actor]] = {}
    for actor in actors().actors:
        for pronoun in dict.fromkeys(actor.pronouns):
            index.setdefault(pronoun, []).append(actor)
    return {pronoun: tuple(found) for pronoun, found in index.items()}


def _looks_like_actor(window: str) -> bool:
    words = window.split()
    return 0 < len(words) <= 8 and any(word[:1].isupper() for word in words)


def _as_written(window: str) -> str:
    return _DETERMINER.sub("", window.split(",")[0].strip()).strip()


def _first_words(text: str) -> str:
    return " ".join(text.split(None, _WINDOW_WORDS)[:_WINDOW_WORDS])
