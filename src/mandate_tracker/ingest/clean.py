"""Cleaning: remove page furniture and repair what PDF extraction breaks, line by line.

The result keeps the line structure (the parser reads layout from it) but:
- drops page furniture: the document symbol and job-number headers and footers
  ("S/2020/600", "20-08606 2/17", "*2008606*"), bare page numbers, and ``https://undocs.org/...``
  link lines (their targets are kept as reference hints);
- repairs justified-spacing splits ("civi lians", "th e", "intra -mission", "Mali ’s"),
  normalises quotes to ASCII and non-breaking spaces to spaces, collapses internal runs of spaces;
- keeps each line's leading indentation (a layout signal) and at most one blank line in a row.

Cleaning is idempotent: ``clean(clean(x).text).text == clean(x).text``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count
from urllib.parse import unquote

FURNITURE_PATTERNS = (
    # a symbol alone: "S/2020/600", "S/2020/600/Rev.1", "S/RES/1445 (2002)"
    re.compile(r"[AS]/(?:RES/\d{1,4}\s*\(\d{4}\)|\d{2,4}/\d+(?:/Rev\.\d+)?)"),
    re.compile(r"\d{2}-\d{5}\s+\d+\s*/\s*\d+"),  # "20-08606 2/17"
    re.compile(r"\d+\s*/\s*\d+\s+\d{2}-\d{5}"),  # "3/17 20-08606"
    re.compile(r"\*\d{6,}\*"),  # barcode "*2008606*"
    re.compile(r"-?\s*\d{1,3}\s*-?"),  # bare page number
)
LINK_LINE = re.compile(r"https?://(?:www\.)?(?:undocs\.org|documents\.un\.org)/(?:[a-z]{2}/)?(\S+)")
QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "), ("\u202f", " "))
INTERNAL_SPACES = re.compile(r"  +(?=\S)")
SPACED_HYPHEN = re.compile(r" -(?=[A-Za-z])")  # "intra -mission"
SPACED_APOSTROPHE = re.compile(r" '(?=s\b|\s|$)", re.MULTILINE)  # "Mali 's", "States ' "
SPACED_OPEN_QUOTE = re.compile(r'\( "(?=\w)')  # '( "the Agreement'
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,;])(?=\s|$)", re.MULTILINE)  # "humanitarian , "
TOKEN_SPLIT = re.compile(r"([A-Za-z]+)")
# Short words that are real on their own: never treated as fragments of a split word.
COMMON_SHORT = frozenset(
    [
        "a",
        "i",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "am",
        "ad",
        "al",
        "eu",
        "un",
        "uk",
    ]
)


@dataclass(frozen=True)
class CleanText:
    text: str
    link_targets: tuple[str, ...] = ()
    removed_lines: tuple[int, ...] = field(default=(), compare=False)


def clean(raw: str) -> CleanText:
    """Clean extracted text: furniture out, spacing repaired, lines kept.

    Furniture is looked for after each repair that could turn a line into furniture
    ("https://undocs.org/x ’s" becomes a link line once its apostrophe is mended), so that
    cleaning a cleaned text changes nothing.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    links: list[str] = []
    removed: list[int] = []
    lines = _without_furniture(repair_spacing(text).split("\n"), links, removed)
    collapsed = _collapse_blank_lines(lines)
    text = repair_split_words(collapsed)
    if _may_have_made_furniture(collapsed, text):
        text = _collapse_blank_lines(_without_furniture(text.split("\n"), links, []))
    return CleanText(
        text=text, link_targets=tuple(dict.fromkeys(links)), removed_lines=tuple(removed)
    )


def _may_have_made_furniture(before: str, after: str) -> bool:
    """Whether mending split words may have turned a line into furniture. Joins never cross a
    line, and every line before them passed as body text, so only a changed line can be
    furniture now; when none is, a second furniture pass would change nothing."""
    if after == before:
        return False
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return True  # not expected, but then look at every line again
    return any(
        new != old and _furniture(new)[0] for old, new in zip(old_lines, new_lines, strict=True)
    )


def _without_furniture(lines: list[str], links: list[str], removed: list[int]) -> list[str]:
    kept: list[str] = []
    for number, line in enumerate(lines, start=1):
        body = line.lstrip()
        if not body or (len(body) > 40 and not body.startswith("http")):
            kept.append(line)  # body text, the common case: no furniture line is this long
            continue
        furniture, link = _furniture(line)
        if not furniture:
            kept.append(line)
            continue
        removed.append(number)
        if link:
            links.append(link)
    return kept


def _furniture(line: str) -> tuple[bool, str | None]:
    """Whether a line is page furniture, and the target of a link line."""
    stripped = line.strip()
    if not stripped or (len(stripped) > 40 and not stripped.startswith("http")):
        return False, None  # body text, the common case: decided without a pattern
    link = LINK_LINE.fullmatch(stripped)
    if link:
        return True, unquote(link.group(1))
    return any(p.fullmatch(stripped) for p in FURNITURE_PATTERNS), None


def repair_spacing(text: str) -> str:
    """Fix spacing inside every line, keeping each line's leading indentation.

    Each pattern opens with literal characters so that the regex engine can skip ahead;
    what must stand before a match is checked on the (rare) matches themselves.
    """
    for character, replacement in QUOTES:
        if character in text:
            text = text.replace(character, replacement)
    text = "\n".join(line.rstrip() for line in text.replace("\t", " ").split("\n"))
    text = INTERNAL_SPACES.sub(_one_space, text)
    text = SPACED_HYPHEN.sub(lambda m: "-" if _after_letter(m) else m.group(), text)
    text = SPACED_APOSTROPHE.sub(_mend_apostrophe, text)
    text = SPACED_OPEN_QUOTE.sub('("', text)
    return SPACE_BEFORE_PUNCTUATION.sub(
        lambda m: m.group(1) if _after_letter(m, ")") else m.group(), text
    )


def _after_letter(match: re.Match[str], also: str = "") -> bool:
    before = match.string[match.start() - 1] if match.start() else ""
    return (before.isascii() and before.isalpha()) or (bool(before) and before in also)


def _one_space(match: re.Match[str]) -> str:
    """Runs of spaces inside a line become one; indentation at a line start stays."""
    before = match.string[match.start() - 1] if match.start() else "\n"
    return match.group() if before == "\n" else " "


def _mend_apostrophe(match: re.Match[str]) -> str:
    """ "Mali 's" -> "Mali's"; "States ' military" -> "States' military"."""
    before = match.string[match.start() - 1] if match.start() else ""
    following = match.string[match.end() : match.end() + 2]
    possessive = following[:1] == "s" and not following[1:2].isalnum()
    if (possessive and (before.isalnum() or before == "_")) or (before == "s" and not possessive):
        return "'"
    return match.group()


def _collapse_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and not out[-1]:
                continue
            line = ""
        out.append(line)
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


@cache
def english_frequencies() -> dict[str, float]:
    """Word frequencies of English (wordfreq's large list), loaded once."""
    from wordfreq import get_frequency_dict

    return dict(get_frequency_dict("en", wordlist="large"))


@cache
def zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a word, ignoring case; 0 when unknown."""
    frequency = english_frequencies().get(word.lower(), 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


@cache
def _is_fragment(word: str) -> bool:
    lower = word.lower()
    return zipf(lower) < 3.0 or (len(lower) <= 2 and lower not in COMMON_SHORT)


@cache
def _is_strong_word(word: str) -> bool:
    lower = word.lower()
    return lower in COMMON_SHORT or (len(lower) >= 3 and zipf(lower) >= 4.0)


@cache
def _is_candidate(word: str) -> bool:
    """A piece that could be half of a split word (two strong words are never joined)."""
    return _is_fragment(word) or (2 <= len(word) <= 3 and not _is_strong_word(word))


def _fragment_pair(first: str, second: str) -> bool:
    """Whether "first second" looks like one word cut in two rather than two words."""
    if not (_is_fragment(first) or _is_fragment(second)):
        return False
    if not (_is_strong_word(first) or _is_strong_word(second)):
        return True
    other = second if _is_strong_word(first) else first
    return len(other) >= 2 and zipf(other) < 3.0


def repair_split_words(text: str) -> str:
    """Join words split by justified spacing ("civi lians" -> "civilians").

    A pair is joined when the joined form is a real English word and one part is a fragment
    (rare as a word, or a stray one- or two-letter piece), or when the document itself uses the
    joined form elsewhere and one part is a short fragment ("threat en" where "threaten" occurs).
    Repeated to a fixed point, so cleaning stays idempotent. Only pairs with a candidate piece
    are looked at, so a page of ordinary words costs one scan.
    """
    evidence = _DocumentEvidence(text)
    while True:
        text, may_chain = _join_pass(text, evidence)
        if not may_chain:
            return text


class _DocumentEvidence:
    """Which words and word pairs the document uses, looked up only when asked (most texts
    never ask, and those that do ask about a word or two)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def uses_word(self, word: str) -> bool:
        """Whether ``word`` occurs as a whole token (a run of ASCII letters, as
        ``TOKEN_SPLIT`` cuts them): a substring search checked at its edges, not a
        tokenisation of the text."""
        return _has_token(self.lower, word.lower())

    def pair_count(self, first: str, second: str) -> int:
        """How often "first second" occurs (as a substring: an over-count only makes the
        rule that needs a pair to be rare more cautious)."""
        return self.lower.count(f"{first} {second}".lower())


def _has_token(text: str, word: str) -> bool:
    """Whether ``word`` (ASCII letters) is one of the words ``TOKEN_SPLIT`` cuts from ``text``."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not _is_ascii_letter(text[start - 1 : start]) and not _is_ascii_letter(
            text[end : end + 1]
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _is_ascii_letter(character: str) -> bool:
    return character.isascii() and character.isalpha()


def _join_pass(text: str, evidence: _DocumentEvidence) -> tuple[str, bool]:
    """One left-to-right pass; also says whether a join made a new pair worth another pass
    (a joined word that is itself a candidate piece, or stands beside one)."""
    # parts alternate: separator, word, separator, word, ..., separator
    parts = TOKEN_SPLIT.split(text)
    words = parts[1::2]
    # filter/compress with C-level callables: no Python frame per word of the document
    pieces = set(filter(_is_candidate, set(words)))
    if not pieces:
        return text, False
    candidates = list(compress(count(), map(pieces.__contains__, words)))
    pairs = sorted(_pairs_with(candidates, words))
    joined_until = -1
    may_chain = False
    for index in pairs:
        if index <= joined_until or not _adjacent(parts, index):
            continue
        first, second = words[index], words[index + 1]
        if _should_join(first, second, evidence):
            parts[2 * index + 1] = first + second
            parts[2 * index + 2] = ""
            parts[2 * index + 3] = ""
            joined_until = index + 1
            neighbours = words[max(index - 1, 0) : index] + words[index + 2 : index + 3]
            may_chain = (
                may_chain
                or _is_candidate(first + second)
                or any(word in pieces for word in neighbours)
            )
    return ("".join(parts) if joined_until >= 0 else text), may_chain


def _pairs_with(candidates: list[int], words: list[str]) -> set[int]:
    """Indexes i of pairs (i, i + 1) around candidate pieces whose second word is lower case
    (the only pairs that can be joined)."""
    pairs: set[int] = set()
    last = len(words) - 1
    for index in candidates:
        if index > 0 and words[index].islower():
            pairs.add(index - 1)
        if index < last and words[index + 1].islower():
            pairs.add(index)
    return pairs


def _adjacent(parts: list[str], index: int) -> bool:
    """Words ``index`` and ``index + 1`` read "first second": one space apart, whole words
    (no apostrophe, hyphen or digit touching them), the second in lower case."""
    before, between, after = parts[2 * index], parts[2 * index + 2], parts[2 * index + 4]
    return (
        between == " "
        and parts[2 * index + 3].islower()
        and not (before[-1:].isalnum() or before[-1:] in ("_", "'", "’", "-"))
        and not (after[:1].isalnum() or after[:1] in ("_", "'", "’", "-"))
    )


def _should_join(first: str, second: str, evidence: _DocumentEvidence) -> bool:
    verdict = _join_verdict(first, second)
    if verdict is not None:
        return verdict
    return evidence.uses_word(first + second) and evidence.pair_count(first, second) <= 1


@cache
def _join_verdict(first: str, second: str) -> bool | None:
    """Whether "first second" is one word cut in two, judged by the words alone; None when
    only the document's own use of the joined word can tell. Cached: the same pairs recur
    ("Malian authorities", "MINUSMA s") in a text and across texts."""
    if _is_strong_word(first) and _is_strong_word(second):
        return False
    lower = (first + second).lower()
    if zipf(lower) >= 3.0 and _fragment_pair(first, second):
        return True
    short = min(first, second, key=len)
    short_piece = 2 <= len(short) <= 3 and not _is_strong_word(short)
    return None if short_piece and zipf(lower) >= 2.5 else False
