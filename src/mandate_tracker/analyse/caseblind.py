"""Case-blind patterns that scan at case-sensitive speed.

Python's regex engine skips ahead to a pattern's opening literal ("quarterly", "paragraph")
only when matching is case-sensitive: a case-blind (``re.IGNORECASE``) pattern is tried at
every position of the text, several times slower. For text that is all ASCII, matching a
pattern written in lower case case-blind is the same as matching it case-sensitively against
the lower-cased text, at the same positions: ASCII lower-casing keeps every character in
place, and no ASCII character but a letter's capital matches the letter case-blind (the
non-ASCII "ı", "ſ" and "K" that also match "i", "s" and "k" are absent from ASCII text). So
a :class:`CaseBlind` pattern scans the lower-cased text when the text is ASCII and the text
itself, case-blind, otherwise.

Matches may therefore be over the lower-cased text: callers take printed words from the
original text by span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# The characters beyond ASCII that Python's engine matches case-blind with an ASCII letter,
# besides its two cases: "İ" and the dotless "ı" (for "i"), the Kelvin sign (for "k"), the
# long "ſ" (for "s").
LOOKALIKES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_LOOKALIKE_LETTERS = str.maketrans(
    {lookalike: letter for letter, found in LOOKALIKES.items() for lookalike in found}
)
# What they leave in lower-cased text: "ı", "ſ", and the combining dot "İ" becomes "i" with
# (the Kelvin sign lower-cases to "k").
_LOOKALIKES_LOWERED = tuple(
    sorted({c for found in LOOKALIKES.values() for c in "".join(found).lower() if c > "\x7f"})
)


def mentions_any(lower: str, words: Iterable[str]) -> bool:
    """Whether lower-cased text may hold any of ``words`` (lower-case ASCII) as a case-blind
    pattern sees them: the cheap test that lets a provision skip the patterns needing one of
    the words. Text with a lookalike letter ("leaſt" is "least" to such a pattern) is never
    skipped, so the test never drops a match."""
    if not lower.isascii() and any(map(lower.__contains__, _LOOKALIKES_LOWERED)):
        return True
    # map over the bound method: no generator frame per word (called for every provision)
    return any(map(lower.__contains__, words))


def ascii_word(printed: str) -> str:
    """The lower-case word a case-blind match stands for, as a key into a vocabulary of
    ASCII words ("Six" and "ſix" -> "six")."""
    return printed.translate(_LOOKALIKE_LETTERS).lower()


@dataclass(frozen=True)
class CaseBlind:
    """One pattern, compiled for lower-cased ASCII text and case-blind for any other."""

    folded: re.Pattern[str]  # case-sensitive, for the lower-cased text of ASCII text
    blind: re.Pattern[str]  # re.IGNORECASE, for text beyond ASCII

    @classmethod
    def compile(cls, pattern: str, flags: int = 0, *, word_start: bool = False) -> CaseBlind:
        """``pattern`` must be written in lower case (so no upper-case escape like ``\\S``;
        the "P" of a named group aside). ``word_start``: every match starts at a word
        boundary (each alternative opens with a word checked behind it, "to(?<!\\wto)"); the
        case-blind form then tests a leading ``\\b`` first, which rejects most positions at
        once (it finds no literal to skip to)."""
        unnamed = pattern.replace("(?P", "(?")
        if unnamed != unnamed.lower():
            raise ValueError(f"a case-blind pattern is written in lower case: {pattern!r}")
        blind = rf"\b(?:{pattern})" if word_start else pattern
        return cls(re.compile(pattern, flags), re.compile(blind, flags | re.IGNORECASE))

    def finditer(self, text: str, lower: str) -> Iterator[re.Match[str]]:
        """Every match in ``text`` (``lower`` is ``text.lower()``); spans index ``text``."""
        if text.isascii():
            return self.folded.finditer(lower)
        return self.blind.finditer(text)

    def match(self, text: str, lower: str) -> re.Match[str] | None:
        """The match at the start of ``text`` (``lower`` is ``text.lower()``), or None."""
        if text.isascii():
            return self.folded.match(lower)
        return self.blind.match(text)

    def search(self, text: str, lower: str) -> re.Match[str] | None:
        """The first match in ``text`` (``lower`` is ``text.lower()``), or None."""
        if text.isascii():
            return self.folded.search(lower)
        return self.blind.search(text)
