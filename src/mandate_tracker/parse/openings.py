"""How paragraphs open: the vocabulary in ``data/vocab/openings.yaml`` as a typed object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import islice

import yaml

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class Openings:
    preamble_openers: frozenset[str]
    adverbs: frozenset[str]
    operative_verbs: frozenset[str]
    multiword: tuple[tuple[str, ...], ...]  # longest first

    @cached_property
    def longest(self) -> int:
        return max((len(phrase) for phrase in self.multiword), default=1)

    @cached_property
    def multiword_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Multi-word phrases by their first word, longest first."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.multiword:
            found.setdefault(phrase[0], []).append(phrase)
        return {first: tuple(phrases) for first, phrases in found.items()}

    def is_preamble_opener(self, text: str) -> bool:
        """Whether a line's first words read like the start of a preambular paragraph."""
        # Words are read lazily, one ahead of the current one: only the first few matter.
        words = WORD.finditer(text[:80])
        current = next(words, None)
        following = next(words, None)
        while current is not None and following is not None and self._is_adverb(current.group()):
            current, following = following, next(words, None)
        if current is None or not current.group()[0].isupper():
            return False
        first = current.group()
        return first in self.preamble_openers or (
            len(first) > 4 and (first.endswith("ing") or first.endswith("ed"))
        )

    def opening_phrase(self, text: str) -> str:
        """The opening verb phrase as printed: "Decides", "Strongly condemns", "Calls upon"."""
        # Words are read lazily: ``matches`` always holds the words up to the longest phrase
        # after ``start`` plus one (or all there are), which is all the rule below looks at.
        scan = WORD.finditer(text[:120])
        matches = list(islice(scan, self.longest + 1))
        if not matches:
            return ""
        start = 0
        while start < len(matches) - 1 and self._is_adverb(matches[start].group()):
            start += 1
            matches.extend(islice(scan, 1))
        words = [m.group().lower() for m in matches[start : start + self.longest]]
        length = 1
        for phrase in self.multiword_by_first.get(words[0], ()):
            if tuple(words[: len(phrase)]) == phrase:
                length = len(phrase)
                break
        end_match = matches[start + length - 1]
        return text[matches[0].start() : end_match.end()]

    def opens_operative_paragraph(self, text: str) -> bool:
        """Whether text opens like an operative paragraph: "Decides", "Strongly urges"."""
        first = WORD.match(text)
        return first is not None and first.group() in self.operative_verbs

    def _is_adverb(self, word: str) -> bool:
        return word in self.adverbs or (word.endswith("ly") and len(word) > 3)


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
