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


# What besides its own two cases matches an ASCII letter case-blind in Python's engine.
_CASE_BLIND_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_SEPARATOR = re.compile(r"[^\w-]")  # what may stand before and after an alias


@cache
def _alias_pattern() -> re.Pattern[str]:
    """Every alias, the longest first, on word boundaries; aliases written all in lower case
    match case-blind. Search it in " " + text (see _aliases): group 1 is the alias.

    The pattern opens with the character before the alias, which is no letter, digit, "_"
    or "-" (the space put before the text stands for its start): the engine then tries the
    aliases only after such a character, about one in six, instead of at each character
    an alias can start with, most of them inside words. The aliases are a trie (see _trie),
    so that the same alias wins as if they were tried one after the other, longest first.
    No alias starts or ends with such a character, so the one before an alias is never the
    last of another.
    """
    registry = actors()
    aliases = sorted(
        (alias for actor in registry.actors for alias in actor.aliases), key=lambda a: -len(a)
    )
    for alias in aliases:
        if _SEPARATOR.match(alias[0]) or _SEPARATOR.match(alias[-1]):
            raise ValueError(f"an alias must start and end with a letter or digit: {alias!r}")
        if alias == alias.lower() and not alias.isascii():
            raise ValueError(f"a case-blind alias must be ASCII: {alias!r}")
    trie = _alternation(_trie([(alias, alias == alias.lower()) for alias in aliases]))
    return re.compile(rf"[^\w-]({trie})(?![\w-])")


def _aliases(text: str, end: int | None = None) -> Iterator[re.Match[str]]:
    """Every alias in ``text`` (up to ``end``), each as group 1 of a match whose positions are
    one more than in ``text``."""
    scanned = " " + text
    return _alias_pattern().finditer(scanned, 0, len(scanned) if end is None else end + 1)


def _trie(members: list[tuple[str, bool]]) -> list[str]:
    """The branches of a regex trying ``members`` (alias endings, each with whether it
    matches case-blind) as if one after the other in their order, longest first, but with
    each shared opening character tested once instead of once per alias (some 50 aliases
    open with "the ").

    Members are grouped by the character they open with; members of two groups never match
    the same text, so the order between groups does not matter, and within a group they
    keep their order. A case-blind member joins the group of each character its letter
    matches, unless all members are case-blind: they are then grouped by letter, each
    group testing it case-blind. A member that has ended (the shortest) comes last.
    """
    if len(members) == 1:  # an alias of its own from here: the rest of it as written
        rest, blind = members[0]
        return [f"(?i:{re.escape(rest)})" if blind and rest else re.escape(rest)]
    all_blind = all(blind for _, blind in members)
    groups: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    ended = False
    for rest, blind in members:
        if not rest:
            ended = True
        elif blind and all_blind:
            test = f"(?i:{re.escape(rest[0])})" if rest[0].isalpha() else re.escape(rest[0])
            groups.setdefault(rest[0], (test, []))[1].append((rest[1:], blind))
        else:
            for first in _matched_by(rest[0], blind):
                groups.setdefault(first, (re.escape(first), []))[1].append((rest[1:], blind))
    branches = [test + _alternation(_trie(tails)) for test, tails in groups.values()]
    if ended:
        branches.append("")
    return branches


def _alternation(branches: list[str]) -> str:
    """``branches`` as one regex, tried in their order."""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _matched_by(character: str, blind: bool) -> str:
    """The characters that ``character`` of an alias matches: itself, or its cases when the
    alias is case-blind."""
    if not blind:
        return character
    upper = character.upper()
    return "".join(dict.fromkeys(character + upper + _CASE_BLIND_EXTRA.get(character, "")))


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
    index = _alias_index()
    # findall: the aliases as strings (group 1, see _alias_pattern), without a Match object
    # each; dict: first mentions in order, deduplicated in C
    found = map(index.get, map(str.lower, _alias_pattern().findall(" " + text)))
    return list(dict.fromkeys([actor.name for actor in found if actor]))


def names_actor(text: str, name: str) -> bool:
    """Whether ``text`` names the actor ``name`` (as :func:`actors_named` would list it),
    reading only as far as its first mention."""
    return any(found == name for found in _named(text))


def _named(text: str) -> Iterator[str]:
    """The canonical name of each registered alias in ``text``, in order."""
    index = _alias_index()
    for match in _aliases(text):
        actor = index.get(match.group(1).lower())
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
    match = next(_aliases(rest, len(head) + 60), None)
    if not match or match.start(1) - 1 >= len(head):
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
