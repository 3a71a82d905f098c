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
import string
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, compress, count, filterfalse, repeat
from operator import is_not, itemgetter, or_
from urllib.parse import unquote

# Page furniture, as the shape of a whole line (after its indentation). The shapes run over a
# whole text at once, so their spaces are [^\S\n]: any whitespace but the end of a line.
LINK_LINE = re.compile(r"https?://(?:www\.)?(?:undocs\.org|documents\.un\.org)/(?:[a-z]{2}/)?(\S+)")
FURNITURE_SHAPES = (
    # a symbol alone: "S/2020/600", "S/2020/600/Rev.1", "S/RES/1445 (2002)"
    r"[AS]/(?:RES/\d{1,4}[^\S\n]*\(\d{4}\)|\d{2,4}/\d+(?:/Rev\.\d+)?)",
    r"\d{2}-\d{5}[^\S\n]+\d+[^\S\n]*/[^\S\n]*\d+",  # "20-08606 2/17"
    r"\d+[^\S\n]*/[^\S\n]*\d+[^\S\n]+\d{2}-\d{5}",  # "3/17 20-08606"
    r"\*\d{6,}\*",  # barcode "*2008606*"
    r"-?[^\S\n]*\d{1,3}[^\S\n]*-?",  # bare page number
)
# A furniture line with the newline before it (a link's target in group 1). Opening on a literal
# newline lets the regex engine jump from line to line instead of trying every character.
FURNITURE_LINE = re.compile(
    r"\n[^\S\n]*+(?=[hAS*\d-])(?:"  # the look-ahead: what can start a line of furniture
    + "|".join((LINK_LINE.pattern, *FURNITURE_SHAPES))
    + r")[^\S\n]*(?=\n|\Z)"
)
LONGEST_FURNITURE = 40  # characters; only a link line is longer
BLANK_LINES = re.compile(r"\n\n\n+")  # two or more blank lines in a row
QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "), ("\u202f", " "))
# A run of spaces inside a line, after a character that is neither a space nor a newline (so
# never indentation). The look-behind comes after the two literal spaces so that the regex
# engine can skip ahead to them.
INTERNAL_SPACES = re.compile(r"  (?<=[^\n ]  ) *(?=\S)")
# A mark with a space before it that may have to go. Each pattern opens on the mark itself and
# checks the space behind it: the regex engine skips fast only to a literal opening character,
# and a mark is far rarer than a space (0.04 ms a pass over the seed instead of 0.1-0.2 ms).
SPACED_HYPHEN = re.compile(r"-(?<= -)(?=[A-Za-z])")  # "intra -mission"
SPACED_APOSTROPHE = re.compile(r"'(?<= ')(?=s\b|\s|$)", re.MULTILINE)  # "Mali 's", "States ' "
SPACED_OPEN_QUOTE = re.compile(r'"(?<=\( ")(?=\w)')  # '( "the Agreement'
SPACED_COMMA = re.compile(r",(?<= ,)(?=\s|$)", re.MULTILINE)  # "humanitarian , "
SPACED_SEMICOLON = re.compile(r";(?<= ;)(?=\s|$)", re.MULTILINE)
WORD = re.compile(r"[A-Za-z]+")  # what the split-word repair calls a word
ASCII_LETTERS = string.ascii_letters
JOINABLE_ZIPF = 2.5  # a join makes a word at least this frequent (see _join_verdict)
LOWER_CASE_TO_ASCII = ("\u0130", "\u212a")  # "İ" -> "i̇", Kelvin sign -> "k"
# The wide characters the rules of cleaning name: none may be stood in for (see _narrowed).
CLEANING_MARKS = frozenset(["’", *(character for character, _ in QUOTES), *LOWER_CASE_TO_ASCII])
# Stand-ins for wide punctuation while cleaning: the control characters that are not
# whitespace (C0 but tab to carriage return and the four separators, DEL, C1 but NEL).
STAND_INS = "".join(
    map(chr, [*range(0x01, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)])
)
MOST_STAND_INS = 4  # distinct wide characters stood in for; a text with more stays wide
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
    text = raw
    if "\r" in text:  # a one-character test is far cheaper than looking for "\r\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n")
    text, stand_ins = _narrowed(_with_ascii_quotes(text))
    links: list[str] = []
    removed: list[int] = []
    spaced = _collapse_blank_lines(_without_furniture(_repair_spacing(text), links, removed))
    text, may_make_furniture = _mend_split_words(spaced)
    if may_make_furniture:
        # Joins never cross a line and every line before them passed as body text, so only a
        # mended line can be furniture now; when none is, this finds nothing to remove.
        made: list[int] = []
        without = _without_furniture(text, links, made)
        if made:
            text = _collapse_blank_lines(without)
    targets = (unquote(_widened(link, stand_ins)) for link in links)
    return CleanText(
        text=_widened(text, stand_ins),
        link_targets=tuple(dict.fromkeys(targets)),
        removed_lines=tuple(removed),
    )


def _narrowed(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with each wide punctuation character (beyond U+00FF: dashes, bullets) replaced
    by a stand-in, and the (stand-in, character) pairs that put them back (``_widened``).

    CPython stores a str at the width of its widest character: a few en dashes make the whole
    text two bytes a character, and every later pass (splits, joins, regex scans) then works
    at that width and narrows each piece it cuts. A stand-in is a control character absent
    from the text that every step of cleaning treats as it treats the punctuation (see
    ``_may_stand_in``); none of those steps makes one.
    """
    stand_ins: list[tuple[str, str]] = []
    if text.isascii():
        return text, stand_ins
    free = iter(STAND_INS)
    while len(stand_ins) < MOST_STAND_INS:
        try:
            text.encode("latin-1")  # fails at the first wide character
        except UnicodeEncodeError as error:
            wide = text[error.start]
        else:
            break
        # the next control character the text lacks (it holds the stand-ins taken so far)
        stand_in = next((c for c in free if c not in text), None) if _may_stand_in(wide) else None
        if stand_in is None:
            break  # the text stays wide, which only costs time
        text = text.replace(wide, stand_in)
        stand_ins.append((stand_in, wide))
    return text, stand_ins


def _may_stand_in(character: str) -> bool:
    """Whether a control character may stand in for ``character`` while cleaning: it must be,
    like them, no letter, digit, '_' or whitespace (so no pattern's \\w, \\d or \\s, and no
    string test, tells them apart), unchanged by case and mentioned by no rule; and no lone
    surrogate, which is no punctuation."""
    return not (
        character.isalnum()
        or character.isspace()
        or character in CLEANING_MARKS
        or character.lower() != character
        or character.upper() != character
        or "\ud800" <= character <= "\udfff"
    )


def _widened(text: str, stand_ins: list[tuple[str, str]]) -> str:
    """``text`` with the characters ``_narrowed`` stood in for put back."""
    for stand_in, wide in stand_ins:
        text = text.replace(stand_in, wide)
    return text


def _without_furniture(text: str, links: list[str], removed: list[int]) -> str:
    """The text without its furniture lines (page headers and footers, bare page numbers, link
    lines), whose numbers (from 1) go to ``removed`` and link targets, as printed, to ``links``.

    A line is furniture when, indentation and trailing spaces aside, it is a link line or has
    one of the furniture shapes and at most ``LONGEST_FURNITURE`` characters.
    """
    kept: list[str] = []
    start = 0  # the text is kept from here on, so far
    # FURNITURE_LINE opens on the newline before a line: the first line, which has none, is
    # matched alone behind one, so that the whole text is not copied behind a newline.
    first_end = text.find("\n")
    first = FURNITURE_LINE.match("\n" + (text[:first_end] if first_end >= 0 else text))
    first_removed = False
    if first is not None and _is_furniture(first, links):
        first_removed = True
        removed.append(1)
        kept.append("")
        start = first.end() - 1  # in the text, without the newline put before it
    newlines = counted_to = 0  # the number of newlines in text[:counted_to]
    for match in FURNITURE_LINE.finditer(text, start):
        if not _is_furniture(match, links):
            continue
        newlines += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        removed.append(newlines + 2)  # the line after the newline at match.start()
        kept.append(text[start : match.start()])
        start = match.end()
    if not kept:
        return text
    kept.append(text[start:])
    # a furniture line goes with the newline before it; the first line, with the one after it
    return "".join(kept)[1:] if first_removed else "".join(kept)


def _is_furniture(match: re.Match[str], links: list[str]) -> bool:
    """Whether a line of a furniture shape is furniture; a link line's target goes to
    ``links``, as printed (percent escapes are decoded by ``clean``)."""
    link = match.group(1)
    if link is None:
        # body text may happen to have a furniture shape
        return len(match.group().strip()) <= LONGEST_FURNITURE
    links.append(link)
    return True


def _collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at the start or end. Lines have no trailing
    whitespace here (``repair_spacing`` strips it), so a blank line is an empty one."""
    return BLANK_LINES.sub("\n\n", text).strip("\n")


def repair_spacing(text: str) -> str:
    """Fix spacing inside every line, keeping each line's leading indentation.

    Each pattern opens with literal characters so that the regex engine can skip ahead;
    what must stand before a match is checked on the (rare) matches themselves, or by a
    look-behind placed after those characters.
    """
    return _repair_spacing(_with_ascii_quotes(text))


def _with_ascii_quotes(text: str) -> str:
    """Curly quotes as ASCII ones, non-breaking spaces as spaces."""
    for character, replacement in QUOTES:
        if character in text:
            text = text.replace(character, replacement)
    return text


def _repair_spacing(text: str) -> str:
    """``repair_spacing`` of a text whose quotes are ASCII already."""
    text = "\n".join(map(str.rstrip, text.replace("\t", " ").split("\n")))
    text = INTERNAL_SPACES.sub(" ", text)  # indentation at a line start stays
    # each repair in turn over the text the one before left, as separate passes
    text = _without_spaces(text, _spaces_before(SPACED_HYPHEN, text, _after_letter))
    text = _without_spaces(text, _spaces_before(SPACED_APOSTROPHE, text, _ends_possessive))
    text = _without_spaces(text, _spaces_before(SPACED_OPEN_QUOTE, text))
    # commas and semicolons are one repair: both are judged on the same text
    spaces = _spaces_before(SPACED_COMMA, text, _after_letter_or_bracket)
    spaces += _spaces_before(SPACED_SEMICOLON, text, _after_letter_or_bracket)
    return _without_spaces(text, sorted(spaces))


def _spaces_before(
    mark: re.Pattern[str], text: str, drops: Callable[[str, int], bool] | None = None
) -> list[int]:
    """Where the space goes before each match of ``mark`` (a mark with a space before it) for
    which ``drops(text, space)`` holds (always, without ``drops``)."""
    spaces = [match.start() - 1 for match in mark.finditer(text)]
    return spaces if drops is None else [space for space in spaces if drops(text, space)]


def _without_spaces(text: str, spaces: list[int]) -> str:
    """``text`` without the characters at ``spaces`` (in order)."""
    if not spaces:
        return text
    starts = [0, *(space + 1 for space in spaces)]
    ends = [*spaces, len(text)]
    return "".join(map(text.__getitem__, map(slice, starts, ends)))


def _after_letter(text: str, space: int) -> bool:
    """Whether an ASCII letter stands before the space at ``space``."""
    before = text[space - 1] if space else ""
    return before.isascii() and before.isalpha()


def _after_letter_or_bracket(text: str, space: int) -> bool:
    return _after_letter(text, space) or (space > 0 and text[space - 1] == ")")


def _ends_possessive(text: str, space: int) -> bool:
    """At the space of "Mali 's" or "States ' military": whether the apostrophe after it closes
    the word before it ("Mali's", "States' military")."""
    before = text[space - 1] if space else ""
    following = text[space + 2 : space + 4]
    possessive = following[:1] == "s" and not following[1:2].isalnum()
    return (possessive and (before.isalnum() or before == "_")) or (
        before == "s" and not possessive
    )


@cache
def english_frequencies() -> dict[str, float]:
    """Word frequencies of English (wordfreq's large list), loaded once."""
    from wordfreq import get_frequency_dict

    return dict(get_frequency_dict("en", wordlist="large"))


@cache
def zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a word, ignoring case; 0 when unknown."""
    return _zipf_of(english_frequencies().get(word.lower(), 0.0))


def _zipf_of(frequency: float) -> float:
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
    return _mend_split_words(text)[0]


def _mend_split_words(text: str) -> tuple[str, bool]:
    """``repair_split_words``, and whether a mended line may have become page furniture.

    Furniture with letters to join is a link line or a document symbol ("S/2020/600/R ev.1"),
    without a space once mended; the first piece of such a line, left of a join, holds a '/'.
    """
    evidence = _DocumentEvidence(text)
    may_make_furniture = False
    while True:
        text, may_chain, slash_joined = _join_pass(text, evidence)
        may_make_furniture = may_make_furniture or slash_joined
        if not may_chain:
            return text, may_make_furniture


class _DocumentEvidence:
    """Which words and word pairs the document uses, looked up only when asked (most texts
    never ask, and those that do ask about a word or two)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: bytes | None = None

    @property
    def lower(self) -> bytes:
        """The text in lower case, as bytes (``_ascii_searchable``). Lower-casing bytes touches
        ASCII letters only, which is all the words asked about are made of; it is the same as
        ``str.lower`` for them unless the text holds one of the two characters whose lower case
        is an ASCII letter."""
        if self._lower is None:
            if any(character in self.text for character in LOWER_CASE_TO_ASCII):
                self._lower = self.text.lower().encode("utf-8", "surrogatepass")
            else:
                # several times faster than str.lower
                self._lower = _ascii_searchable(self.text).lower()
        return self._lower

    def uses_word(self, word: str) -> bool:
        """Whether ``word`` occurs as a whole token (a run of ASCII letters, as
        ``WORD`` finds them): a substring search checked at its edges, not a
        tokenisation of the text."""
        return _has_token(self.lower, word.lower().encode())

    def pair_count(self, first: str, second: str) -> int:
        """How often "first second" occurs (as a substring: an over-count only makes the
        rule that needs a pair to be rare more cautious)."""
        return self.lower.count(f"{first} {second}".lower().encode())


def _ascii_searchable(text: str) -> bytes:
    """The text as bytes in which to look for ASCII words: Latin-1 where it can be (a plain copy
    of a narrow str, where UTF-8 would expand each accented letter), else UTF-8. Either way each
    ASCII character is its own byte and no other character holds an ASCII byte (a lone
    surrogate, which a str from Python code may hold, included: "surrogatepass")."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _has_token(text: bytes, word: bytes) -> bool:
    """Whether ``word`` (ASCII letters) is one of the words ``WORD`` finds in ``text``."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not text[start - 1 : start].isalpha() and not text[end : end + 1].isalpha():
            return True  # bytes.isalpha: ASCII letters only
        start = text.find(word, start + 1)
    return False


def _join_pass(text: str, evidence: _DocumentEvidence) -> tuple[str, bool, bool]:
    """One left-to-right pass; also says whether a join made a new pair worth another pass
    (a joined word that is itself a candidate piece, or stands beside one), and whether a
    token left of a join holds a '/'.

    A pair "first second" is one space apart, so it spans two neighbouring tokens of the text
    cut at single spaces: ``first`` ends one and ``second`` starts the next. Only pairs at a
    token holding a candidate piece that can begin or end a real word are looked at.
    """
    tokens = text.split(" ")
    at = _tokens_holding_pieces(tokens)
    if not at:
        return text, False, False
    # C-level map/compress over cached per-token judgements: no Python frame per pair
    held = list(map(tokens.__getitem__, at))
    pairs = set(compress(at, map(_ends_in_piece, held)))  # k: tokens[k] and tokens[k + 1]
    pairs.update(map((-1).__add__, compress(at, map(_starts_with_piece, held))))
    pairs.discard(-1)
    pairs.discard(len(tokens) - 1)
    ordered = sorted(pairs)
    firsts = list(map(itemgetter(0), map(_edge_words, map(tokens.__getitem__, ordered))))
    seconds = list(
        map(itemgetter(1), map(_edge_words, map(tokens.__getitem__, map((1).__add__, ordered))))
    )
    verdicts = map(_join_verdict, firsts, seconds)
    joined: list[int] = []
    may_chain = False
    for index in compress(count(), map(is_not, verdicts, repeat(False))):
        k, first, second = ordered[index], firsts[index], seconds[index]
        if joined and joined[-1] == k - 1 and _is_ascii_word(tokens[k]):
            continue  # "first" was just joined to the word before it
        if _should_join(first, second, evidence):
            joined.append(k)
            may_chain = (
                may_chain
                or _is_candidate(first + second)
                or any(map(_is_candidate, _neighbours(tokens, k, first, second)))
            )
    if not joined:
        return text, False, False
    slash_joined = any("/" in tokens[k] for k in joined)
    for k in reversed(joined):
        tokens[k : k + 2] = [tokens[k] + tokens[k + 1]]
    return " ".join(tokens), may_chain, slash_joined


# Whether a token may hold a piece of a split word (``_may_hold_piece``), for tokens seen before:
# a memo of a pure judgement, read with a C-level map so that a text of known tokens costs one
# pass. It only grows (up to a bound), so that concurrent cleanings never disagree.
_HOLDS_PIECE: dict[str, bool] = {}
TOKEN_MEMO_LIMIT = 1 << 18
TOKEN_CACHE = 1 << 16


def _tokens_holding_pieces(tokens: list[str]) -> list[int]:
    """The positions of the tokens that may hold a piece of a split word."""
    # tokens not judged yet come out too (the default True) and are judged here
    at = list(compress(count(), map(_HOLDS_PIECE.get, tokens, repeat(True))))
    new = list(set(filterfalse(_HOLDS_PIECE.__contains__, map(tokens.__getitem__, at))))
    if not new:
        return at
    judged = _judge_tokens(new)
    if len(_HOLDS_PIECE) < TOKEN_MEMO_LIMIT:
        _HOLDS_PIECE.update(judged)
    return list(compress(at, map(judged.get, map(tokens.__getitem__, at), repeat(True))))


def _judge_tokens(tokens: list[str]) -> dict[str, bool]:
    """``_may_hold_piece`` of each token. C-level maps first ask the per-word caches about the
    letters at each end of every token; only the few tokens with a possible piece there go
    through the full test (a first reading of a text meets thousands of new tokens)."""
    endings = map(str.removeprefix, tokens, map(str.rstrip, tokens, repeat(ASCII_LETTERS)))
    startings = map(str.removesuffix, tokens, map(str.lstrip, tokens, repeat(ASCII_LETTERS)))
    possible = map(or_, map(_can_begin_join, endings), map(_can_end_join, startings))
    judged = dict.fromkeys(tokens, False)
    for token in compress(tokens, possible):
        judged[token] = _may_hold_piece(token)
    return judged


def _may_hold_piece(token: str) -> bool:
    """Whether a token ends in a piece that can begin a real word or starts with one that can
    end a real word: half of a pair worth judging."""
    return _ends_in_piece(token) or _starts_with_piece(token)


@lru_cache(maxsize=TOKEN_CACHE)
def _ends_in_piece(token: str) -> bool:
    """Whether the word ending a token is a candidate piece that can begin a real word."""
    return _can_begin_join(_edge_words(token)[0])


@lru_cache(maxsize=TOKEN_CACHE)
def _starts_with_piece(token: str) -> bool:
    """Whether the word starting a token is a candidate piece that can end a real word."""
    return _can_end_join(_edge_words(token)[1])


@lru_cache(maxsize=TOKEN_CACHE)
def _edge_words(token: str) -> tuple[str, str]:
    """The words (runs of ASCII letters) at the edges of a token (a piece of text between single
    spaces) that can be half of a pair, each empty when there is none: the word ending the
    token with no letter, digit, '_', apostrophe or hyphen before it (a first half), and the
    word starting it, in lower case, with none of those after it (a second half)."""
    before = token.rstrip(ASCII_LETTERS)
    after = token.lstrip(ASCII_LETTERS)
    starting = token[: len(token) - len(after)]
    return (
        "" if _binds(before[-1:]) else token[len(before) :],
        starting if starting.islower() and not _binds(after[:1]) else "",
    )


@cache
def _can_begin_join(word: str) -> bool:
    """Whether a word is a candidate piece that can begin a real word."""
    return bool(word) and _is_candidate(word) and _begins_joinable_word(word)


@cache
def _can_end_join(word: str) -> bool:
    """Whether a word is a candidate piece that can end a real word."""
    return bool(word) and _is_candidate(word) and _ends_joinable_word(word)


@cache
def _joinable_words() -> tuple[list[str], list[str]]:
    """Every word a join can make (ASCII letters, at least ``JOINABLE_ZIPF`` frequent), sorted,
    and the same words spelled backwards, sorted: bisecting them tells whether a piece can
    begin or end one."""
    # zipf() is log10 of the frequency per billion words; the margin covers rounding (a few
    # more words only make the test let more pieces through, never fewer)
    least = 10 ** (JOINABLE_ZIPF - 9) * 0.999
    words = [
        word
        for word, frequency in english_frequencies().items()
        if frequency >= least and word.isascii() and word.isalpha()
    ]
    return sorted(words), sorted(word[::-1] for word in words)


def _begins_joinable_word(piece: str) -> bool:
    """Whether some longer word a join can make starts with ``piece`` (ignoring case)."""
    return _has_longer_with_prefix(_joinable_words()[0], piece.lower())


def _ends_joinable_word(piece: str) -> bool:
    """Whether some longer word a join can make ends with ``piece`` (ignoring case)."""
    return _has_longer_with_prefix(_joinable_words()[1], piece.lower()[::-1])


def _has_longer_with_prefix(ordered: list[str], prefix: str) -> bool:
    # the first word after ``prefix`` in order starts with it if any longer word does
    index = bisect_right(ordered, prefix)
    return index < len(ordered) and ordered[index].startswith(prefix)


def _binds(character: str) -> bool:
    """Whether a character next to a word makes it part of something longer ("Mali's",
    "intra-mission", "G5", "x_y")."""
    return character.isalnum() or character in ("_", "'", "’", "-")


def _is_ascii_word(token: str) -> bool:
    return token.isascii() and token.isalpha()


def _neighbours(tokens: list[str], k: int, first: str, second: str) -> list[str]:
    """The words (runs of ASCII letters) just before ``first`` and just after ``second``, where
    ``first`` ends ``tokens[k]`` and ``second`` starts ``tokens[k + 1]``."""
    found: list[str] = []
    head = tokens[k][: len(tokens[k]) - len(first)]
    for piece in chain((head,), map(tokens.__getitem__, range(k - 1, -1, -1))):
        if words := WORD.findall(piece):
            found.append(words[-1])
            break
    tail = tokens[k + 1][len(second) :]
    # from k + 2 by index: islice would step through every token before it first
    for piece in chain((tail,), map(tokens.__getitem__, range(k + 2, len(tokens)))):
        if words := WORD.findall(piece):
            found.append(words[0])
            break
    return found


def _should_join(first: str, second: str, evidence: _DocumentEvidence) -> bool:
    verdict = _join_verdict(first, second)
    if verdict is not None:
        return verdict
    return evidence.uses_word(first + second) and evidence.pair_count(first, second) <= 1


@cache
def _join_verdict(first: str, second: str) -> bool | None:
    """Whether "first second" is one word cut in two, judged by the words alone; None when
    only the document's own use of the joined word can tell. Cached: the same pairs recur
    ("Malian authorities", "MINUSMA s") in a text and across texts. Never when a word is
    missing (empty)."""
    if not (first and second):
        return False
    if _is_strong_word(first) and _is_strong_word(second):
        return False
    lower = (first + second).lower()
    if zipf(lower) >= 3.0 and _fragment_pair(first, second):
        return True
    short = min(first, second, key=len)
    short_piece = 2 <= len(short) <= 3 and not _is_strong_word(short)
    return None if short_piece and zipf(lower) >= JOINABLE_ZIPF else False
