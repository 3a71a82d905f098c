"""How paragraphs open: the vocabulary in ``data/vocab/openings.yaml`` as a typed object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import yaml

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Pieces of the opening patterns, which read words exactly as WORD tokenises them.
WHOLE = r"(?![A-Za-z'-])"  # the word ends here: WORD would take no further character
GAP = r"[^A-Za-z]+"  # what separates two words
ANY_WORD = r"[A-Za-z][A-Za-z'-]*"


@dataclass(frozen=True)
class Openings:
    preamble_openers: frozenset[str]
    adverbs: frozenset[str]
    operative_verbs: frozenset[str]
    multiword: tuple[tuple[str, ...], ...]  # longest first

    @cached_property
    def opening_pattern(self) -> re.Pattern[str]:
        """The opening phrase in one compiled pattern: leading adverbs, each followed by another
        word, then the longest multi-word phrase (any case) or else one word."""
        phrases = [
            GAP.join(f"{re.escape(word)}{WHOLE}" for word in words) for words in self.multiword
        ]
        verb = f"(?i:{'|'.join(phrases)})" if phrases else "(?!)"
        return re.compile(
            rf"[^A-Za-z]*(?P<phrase>{self._adverbs_before_a_word}(?:{verb}|{ANY_WORD}))", re.ASCII
        )

    @cached_property
    def first_word_pattern(self) -> re.Pattern[str]:
        """The first word after any leading adverbs (the last word is never skipped)."""
        return re.compile(rf"[^A-Za-z]*{self._adverbs_before_a_word}(?P<word>{ANY_WORD})", re.ASCII)

    @cached_property
    def _adverbs_before_a_word(self) -> str:
        """Leading adverbs, as many as there are, so long as another word follows each: a
        listed adverb (case as listed) or any word ending in -ly longer than three letters."""
        listed = "|".join(re.escape(word) for word in sorted(self.adverbs, key=len, reverse=True))
        adverb = rf"(?:{listed}|[A-Za-z][A-Za-z'-]+ly){WHOLE}"
        return rf"(?:{adverb}{GAP}(?=[A-Za-z]))*+"

    def is_preamble_opener(self, text: str) -> bool:
        """Whether a line's first words read like the start of a preambular paragraph."""
        found = self.first_word_pattern.match(text[:80])
        if found is None:
            return False
        first = found.group("word")
        if not first[0].isupper():
            return False
        return first in self.preamble_openers or (
            len(first) > 4 and (first.endswith("ing") or first.endswith("ed"))
        )

    def opening_phrase(self, text: str) -> str:
        """The opening verb phrase as printed: "Decides", "Strongly condemns", "Calls upon"."""
        found = self.opening_pattern.match(text[:120])
        return found.group("phrase") if found else ""

    def opens_operative_paragraph(self, text: str) -> bool:
        """Whether text opens like an operative paragraph: "Decides", "Strongly urges"."""
        first = WORD.match(text)
        return first is not None and first.group() in self.operative_verbs


@cache
def openings() -> Openings:
    source = resources.files("mandate_tracker") / "data" / "vocab" / "openings.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    multiword = sorted(
        (tuple(phrase.lower().split()) for phrase in data["multiword"]), key=len, reverse=True
    )
    return Openings(
        preamble_openers=frozenset(data["preamble_openers"]),
        adverbs=frozenset(data["adverbs"]),
        operative_verbs=frozenset(data["operative_verbs"]),
        multiword=tuple(multiword),
    )
