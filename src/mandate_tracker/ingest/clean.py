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

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

FURNITURE_PATTERNS = (
    re.compile(r"[AS]/(?:RES/)?\d{2,4}/\d+(?:/Rev\.\d+)?(?:\s*\(\d{4}\))?"),  # symbol alone
    re.compile(r"\d{2}-\d{5}\s+\d+\s*/\s*\d+"),  # "20-08606 2/17"
    re.compile(r"\d+\s*/\s*\d+\s+\d{2}-\d{5}"),  # "3/17 20-08606"
    re.compile(r"\*\d{6,}\*"),  # barcode "*2008606*"
    re.compile(r"-?\s*\d{1,3}\s*-?"),  # bare page number
)
LINK_LINE = re.compile(r"https?://(?:www\.)?(?:undocs\.org|documents\.un\.org)/(?:[a-z]{2}/)?(\S+)")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})
SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z]) -(?=[A-Za-z])")  # "intra -mission"
SPACED_APOSTROPHE = re.compile(r"(?<=\w) '(?=s\b)|(?<=s) '(?=\s|$)")  # "Mali 's", "States ' "
SPACED_OPEN_QUOTE = re.compile(r'\( "(?=\w)')  # '( "the Agreement'
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=[A-Za-z)]) (?=[,;](?:\s|$))")  # "humanitarian , "
INTERNAL_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# Two words separated by one space; overlapping pairs are found through the lookahead.
WORD_PAIR = re.compile(r"(?<![\w'’-])([A-Za-z]+) (?=([a-z]+)(?![\w'’-]))")
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
        "us",
    ]
)


@dataclass(frozen=True)
class CleanText:
    text: str
    link_targets: tuple[str, ...] = ()
    removed_lines: tuple[int, ...] = field(default=(), compare=False)


def clean(raw: str) -> CleanText:
    """Clean extracted text: furniture out, spacing repaired, lines kept."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    kept: list[str] = []
    links: list[str] = []
    removed: list[int] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        link = LINK_LINE.fullmatch(stripped)
        if link:
            links.append(unquote(link.group(1)))
            removed.append(number)
            continue
        if stripped and any(p.fullmatch(stripped) for p in FURNITURE_PATTERNS):
            removed.append(number)
            continue
        kept.append(repair_line(line))
    text = _collapse_blank_lines(kept)
    text = repair_split_words(text)
    return CleanText(
        text=text, link_targets=tuple(dict.fromkeys(links)), removed_lines=tuple(removed)
    )


def repair_line(line: str) -> str:
    """Fix spacing inside one line, keeping its leading indentation."""
    body = line.translate(QUOTES).rstrip()
    indent = len(body) - len(body.lstrip())
    content = body[indent:]
    content = INTERNAL_SPACES.sub(" ", content)
    content = SPACED_HYPHEN.sub("-", content)
    content = SPACED_APOSTROPHE.sub("'", content)
    content = SPACED_OPEN_QUOTE.sub('("', content)
    content = SPACE_BEFORE_PUNCTUATION.sub("", content)
    return " " * indent + content if content else ""


def _collapse_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
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


def zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a lower-cased word; 0 when unknown."""
    import math

    frequency = english_frequencies().get(word.lower(), 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def _is_fragment(word: str) -> bool:
    lower = word.lower()
    return zipf(lower) < 3.0 or (len(lower) <= 2 and lower not in COMMON_SHORT)


def _is_strong_word(word: str) -> bool:
    lower = word.lower()
    return lower in COMMON_SHORT or (len(lower) >= 3 and zipf(lower) >= 4.0)


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
    Repeated to a fixed point, so cleaning stays idempotent.
    """
    tokens = Counter(t.lower() for t in re.findall(r"[A-Za-z]+", text))
    pairs = Counter(f"{a} {b}".lower() for a, b in WORD_PAIR.findall(text))
    previous = None
    while previous != text:
        previous = text
        text = _join_pass(text, tokens, pairs)
    return text


def _join_pass(text: str, tokens: Counter[str], pairs: Counter[str]) -> str:
    out: list[str] = []
    position = 0
    for match in WORD_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if match.start() < position or not _should_join(first, second, tokens, pairs):
            continue
        out.append(text[position : match.start()])
        out.append(first + second)
        position = match.end() + len(second)
    out.append(text[position:])
    return "".join(out)


def _should_join(first: str, second: str, tokens: Counter[str], pairs: Counter[str]) -> bool:
    lower = (first + second).lower()
    if zipf(lower) >= 3.0 and _fragment_pair(first, second):
        return True
    documented = tokens[lower] > 0 and pairs[f"{first} {second}".lower()] <= 1
    short = min(first, second, key=len)
    short_piece = 2 <= len(short) <= 3 and not _is_strong_word(short)
    return documented and short_piece and zipf(lower) >= 2.5
