"""The reader: cleaned text → document structure (front matter, preamble, headings, paragraphs,
nested items).

One pass over the lines with a small state machine. Where a block starts is read from the layout:
- ``indent``: PDF extractions, where a block's first line is indented and its continuation lines
  are not (the built-in example);
- ``blank``: hard-wrapped text with blank lines between blocks (hand-corrected older texts);
- ``lines``: one paragraph per line, with occasional stray breaks and run-in paragraph numbers.
What a block *is* comes from its first words: an operative number that continues the sequence, an
item label that continues or opens a list, a short unpunctuated heading line, or a preambular
opening. Text that fits nowhere is kept as :class:`Unclassified`, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, compress, repeat
from operator import gt, itemgetter, sub
from typing import Literal

from mandate_tracker.errors import NotAResolutionError
from mandate_tracker.ingest.clean import CleanText, clean, zipf
from mandate_tracker.model import (
    Document,
    Heading,
    Item,
    Paragraph,
    PreambleParagraph,
    Unclassified,
)
from mandate_tracker.parse.front_matter import read_front_matter, subject_from_preamble
from mandate_tracker.parse.openings import openings

Layout = Literal["indent", "blank", "lines"]
ItemKind = Literal["letter", "roman", "dash"]

ADOPTED_BY_COUNCIL = re.compile(r"\bAdopted by the Security Council\b", re.IGNORECASE)
COUNCIL_LINE = re.compile(r"\s*The\s+Security\s+Council\s*,?\s*$", re.IGNORECASE)
# "1." — and "1," where OCR misread the full stop (only ever taken for the expected number).
PARAGRAPH_ONE = re.compile(r"(?:^|[,;:.]\s+)1\s?[.,]\s+[A-Z]")
# After the number anything but a lower-case letter or a digit: OCR leaves "24. ~— Requests".
PARAGRAPH_START = re.compile(r"(\d{1,3}|[ZS]|[\dlI]{2,3})\s?[.,]\s+(?=[^\sa-z\d])")
BARE_NUMBER = re.compile(r"(\d{1,3})\s+(?=[A-Z][a-z])")  # "11     Condemns": the stop was lost
OCR_DIGITS = str.maketrans({"Z": "2", "S": "5", "l": "1", "I": "1"})
LABEL = re.compile(r"\(([a-z]{1,2}|[ivx]{1,6})\)\s*(?=\S)")
DASH = re.compile(r"[–—•-]\s+(?=\S)")
TERMINAL = ".;:,"
SENTENCE_ENDS = ".;:"  # what ends a sentence or clause: marks may count after it
ITEM_MARKS = "(–—•-"  # first characters of LABEL and DASH
CAN_OPEN_BLOCK = frozenset("(–—•-ZSlI")  # first characters of labels, dashes, OCR'd numbers
ROMAN = {"i": 1, "v": 5, "x": 10}
LIST_START: dict[ItemKind, str] = {"letter": "a", "roman": "i", "dash": "–"}
ROMAN_LABEL = re.compile(r"[ivx]+")
LETTER_LABEL = re.compile(r"[a-z]|([a-z])\1")  # "a" ... "z", then "aa", "bb"
ADOPTION = re.compile(r"Adopted\b")
FOOTNOTE = re.compile(r"\d{1,3}\s+(?:Ibid|See|Official Records|S/|A/|Resolution)\b")


@dataclass(slots=True)
class _PrintedNumber:
    """A number printed at a line's start, as far as it can be read without the reader's state."""

    match: re.Match[str]
    value: int
    bare: bool  # printed without its full stop: "11     Condemns"

    def opens_with_verb(self) -> bool:
        """Whether an operative verb follows the number (asked only where it decides)."""
        return _opens_with_operative_verb(self.match.string[self.match.end() :])


@dataclass(slots=True)
class _Line:
    number: int  # 1-based line number in the cleaned text
    indented: bool  # the line opens with whitespace
    text: str
    after_blank: bool
    previous: str  # text of the previous non-blank line
    indented_nearby: bool = True  # whether this stretch of text marks blocks by indentation
    # the number at the line's start, read once per line (False: not read yet)
    printed: _PrintedNumber | Literal[False] | None = False

    def printed_number(self) -> _PrintedNumber | None:
        if self.printed is False:
            self.printed = _read_printed_number(self.text)
        return self.printed


@dataclass(slots=True)
class _Node:
    """A paragraph or item under construction."""

    label: str
    anchor: str
    line: int
    kind: ItemKind | Literal["paragraph"]
    chunks: list[list[str]] = field(default_factory=list)
    title: str | None = None
    children: list[_Node] = field(default_factory=list)
    heading: str | None = None
    printed_number: bool = True
    printed_as: str | None = None

    def add_line(self, text: str) -> None:
        if not self.chunks:
            self.chunks.append([])
        self.chunks[-1].append(text)


def read_structure(cleaned: CleanText, source_name: str = "<text>") -> Document:
    lines = cleaned.text.split("\n")
    start = _council_line(lines, source_name)
    opening = lines[start].strip() if COUNCIL_LINE.match(lines[start]) else ""
    info, front = read_front_matter(lines[: start if opening else start + 1])
    body = _body_lines(lines, start + 1)
    # "1" in the line first: a substring test spares most lines the pattern's scan
    numbered = any("1" in text and PARAGRAPH_ONE.search(text) for text in body.texts)
    reader = _Reader(layout=_detect_layout(body), numbered=numbered)
    reader.read(body)
    preamble, paragraphs, headings, unclassified = reader.finish()
    if not paragraphs:
        raise NotAResolutionError(
            "no numbered operative paragraphs (\"1. Decides ...\") after 'The Security Council,'",
            where=source_name,
        )
    if info.subject is None:
        info.subject = subject_from_preamble([p.text for p in preamble])
    return Document(
        info=info,
        headings=headings,
        preamble=preamble,
        paragraphs=paragraphs,
        unclassified=unclassified,
        link_targets=list(cleaned.link_targets),
        source_name=source_name,
        front_matter=front,
        opening=opening,
    )


def parse_text(text: str, source_name: str = "<text>") -> Document:
    """Clean and read a resolution's raw text."""
    return read_structure(clean(text), source_name)


def _council_line(lines: list[str], source_name: str) -> int:
    """The line "The Security Council," — or, where a text omits it, its adoption line."""
    for index, line in enumerate(lines):
        if COUNCIL_LINE.match(line):
            return index
    for index, line in enumerate(lines[:15]):
        if ADOPTED_BY_COUNCIL.search(line):
            return index
    raise NotAResolutionError(
        "not a Security Council resolution: no line 'The Security Council,'", where=source_name
    )


# the fields of a _Line, in order, and whether the layout says a block starts there
_Row = tuple[int, bool, str, bool, str, bool, bool]


@dataclass(slots=True)
class _Body:
    """The non-blank lines after "The Security Council," as columns. Built with C-level list
    work, and made into :class:`_Line` objects only where a line may open a block: most lines
    just continue a sentence, and a Python step per line cost more than reading them."""

    numbers: list[int]
    indented: list[bool]  # opens with whitespace
    texts: list[str]
    after_blank: list[bool]  # a blank line before it
    indented_nearby: list[bool]

    def previous_texts(self) -> list[str]:
        """The text of the non-blank line before each line ("" before the first)."""
        return ["", *self.texts][: len(self.texts)]

    def rows(self, starts_block: list[bool]) -> Iterator[_Row]:
        return zip(
            self.numbers,
            self.indented,
            self.texts,
            self.after_blank,
            self.previous_texts(),
            self.indented_nearby,
            starts_block,
            strict=True,
        )


def _body_lines(lines: list[str], first: int) -> _Body:
    """The non-blank lines from index ``first`` on, stripped, with their indentation."""
    raws = lines[first:]
    stripped = list(map(str.strip, raws))
    kept = list(compress(raws, stripped))
    numbers = list(compress(range(first + 1, len(lines) + 1), stripped))
    # the first character tells: a kept line is not blank
    indented = list(map(str.isspace, map(itemgetter(0), kept)))
    return _Body(
        numbers=numbers,
        indented=indented,
        texts=list(filter(None, stripped)),
        # more than one line since the previous non-blank one (or the council line)
        after_blank=list(map(gt, map(sub, numbers, [first, *numbers]), repeat(1))),
        indented_nearby=_indented_nearby(indented),
    )


def _indented_nearby(indented: list[bool], reach: int = 20) -> list[bool]:
    """Some texts indent block starts in one stretch and not in another: for each line,
    whether an indented line stands within ``reach`` lines of it."""
    # Running totals instead of a search per line: the indented lines among
    # lines[i - reach : i + reach + 1] number counts[i + reach + 1] - counts[i - reach].
    counts = list(accumulate(indented, initial=0))
    lows = ([0] * reach + counts)[: len(indented)]
    highs = (counts[reach + 1 :] + [counts[-1]] * (reach + 1))[: len(indented)]
    return list(map(gt, highs, lows))


def _detect_layout(body: _Body) -> Layout:
    if not body.texts:
        return "lines"
    indented = sum(body.indented)
    if indented >= 3 and 0.05 < indented / len(body.texts) < 0.8:
        return "indent"
    blanks = sum(body.after_blank) / len(body.texts)
    return "blank" if blanks > 0.05 else "lines"


class _Reader:
    """The state machine that turns body lines into preamble, paragraphs and items."""

    def __init__(self, layout: Layout, numbered: bool = True) -> None:
        self.layout = layout
        self.numbered = numbered  # False: operative paragraphs are printed without numbers
        self.preamble: list[tuple[int, list[str]]] = []
        self.paragraphs: list[_Node] = []
        self.stack: list[_Node] = []  # open paragraph and its open items, outermost first
        self.headings: list[tuple[str, int, int]] = []  # title, line, paragraph index before
        self.pending_headings: list[str] = []
        self.unclassified: list[Unclassified] = []
        self.after_end = False
        self.maybe_headings: list[_Line] = []  # heading-like lines awaiting the next line
        self.next_number = 1  # the number the next operative paragraph should carry
        self.run_in_marks = ("1.", "2.")  # that number and the next as printed: "12.", "13."

    # --- entry points ---------------------------------------------------------------

    def read(self, body: _Body) -> None:
        """Read the body line by line."""
        rows = body.rows(self._block_starts(body))
        # unpacked in the loop header: zip can then reuse its tuple for the next line
        for number, indented, text, after_blank, previous, indented_nearby, starts_block in rows:
            marks = self.run_in_marks
            # both marks end in a full stop, which few lines hold: one test spares most lines two
            if "." in text and (marks[1] in text or text.find(marks[0], 1) != -1):
                # The line holds the expected number (other than at its start, where it opens
                # the line's own paragraph) or the next: a paragraph may run in.
                line = _Line(number, indented, text, after_blank, previous, indented_nearby)
                for piece in self._split_run_in_paragraph(line):
                    self._feed_one(piece)
            elif (
                # The common case, decided here without a call as it is most lines: a line
                # inside a sentence (after no full stop, semicolon or colon: a comma may end
                # the line before) that opens with no mark continues the current block.
                # (_feed_marked comes to the same for such a line, only slower.)
                not starts_block
                and not self.maybe_headings
                and not self.after_end
                and previous[-1:] not in SENTENCE_ENDS
                and text[0] not in CAN_OPEN_BLOCK
                and not text[0].isdigit()
                and (self.paragraphs or self.preamble)
            ):
                if self.paragraphs:
                    self.stack[-1].add_line(text)
                else:
                    self.preamble[-1][1].append(text)
            else:
                line = _Line(number, indented, text, after_blank, previous, indented_nearby)
                self._feed_marked(line, starts_block)

    def _resolve_maybe_headings(self, line: _Line | None, starts_block: bool) -> bool:
        """Heading-like lines are headings only when a paragraph or another heading follows.

        Returns True when ``line`` was itself held back as a possible heading."""
        if line is not None and self._is_next_paragraph(line, starts_block):
            self.pending_headings.extend(held.text for held in self.maybe_headings)
            self.maybe_headings = []
            return False
        if (
            line is not None
            and self.maybe_headings
            and starts_block
            and _looks_like_heading(line.text)
        ):
            self.maybe_headings.append(line)
            return True
        held, self.maybe_headings = self.maybe_headings, []
        for earlier in held:
            self._feed_one(earlier, headings=False)
        return False

    def finish(
        self,
    ) -> tuple[list[PreambleParagraph], list[Paragraph], list[Heading], list[Unclassified]]:
        self._resolve_maybe_headings(None, False)
        preamble = [
            PreambleParagraph(
                number=index,
                verb=openings().opening_phrase(text),
                text=text,
                anchor=f"pre-{index}",
                line=line,
            )
            for index, (line, chunk) in enumerate(self.preamble, start=1)
            if (text := join_lines(chunk))
        ]
        paragraphs = [_finish_paragraph(node) for node in self.paragraphs]
        headings = [
            Heading(title, level, self.paragraphs[i].label) for title, level, i in self.headings
        ]
        for title in self.pending_headings:
            self.unclassified.append(Unclassified(title, 0, "heading after the last paragraph"))
        return preamble, paragraphs, headings, self.unclassified

    # --- one line -------------------------------------------------------------------

    def _feed_one(self, line: _Line, headings: bool = True) -> None:
        """A piece of a split line, or a line held back as a possible heading."""
        starts_block = self._starts_block(
            line.indented, line.after_blank, line.previous, line.indented_nearby
        )
        self._feed_marked(line, starts_block, headings)

    def _feed_marked(self, line: _Line, starts_block: bool, headings: bool = True) -> None:
        """A line that starts a block or follows a mark (a number, label or punctuation)."""
        # A complete sentence before the line lets markers count even where layout says nothing.
        after_sentence = starts_block or (
            bool(line.previous) and line.previous[-1] in SENTENCE_ENDS
        )
        if (
            headings
            and self.paragraphs
            and self.maybe_headings  # with none held, resolving them is a no-op
            and self._resolve_maybe_headings(line, after_sentence)
        ):
            return
        if self._is_next_paragraph(line, starts_block):
            self._open_paragraph(line)
            return
        if not self.paragraphs:
            self._feed_preamble(line, starts_block)
            return
        if self.after_end or (after_sentence and self._is_after_matter(line)):
            self._keep_unclassified(line, "text after the last operative paragraph")
            return
        if (starts_block or line.previous[-1:] in (",", ";", ":", ".")) and self._open_item(line):
            return
        if (
            headings
            and after_sentence
            and _looks_like_heading(line.text)
            and self._paragraph_complete()
        ):
            self.maybe_headings.append(line)
            return
        if starts_block and self.layout == "indent" and line.indented_nearby:
            self._open_plain_block(line)
            return
        self.stack[-1].add_line(line.text)

    def _block_starts(self, body: _Body) -> list[bool]:
        """``_starts_block`` of every body line."""
        if self.layout == "indent" and all(body.indented_nearby):
            return body.indented  # the rule's first case for every line, without a call each
        return list(
            map(
                self._starts_block,
                body.indented,
                body.after_blank,
                body.previous_texts(),
                body.indented_nearby,
            )
        )

    def _starts_block(
        self, indented: bool, after_blank: bool, previous: str, indented_nearby: bool
    ) -> bool:
        """Whether the layout says a block starts at a line."""
        if self.layout == "indent" and indented_nearby:
            return indented
        return after_blank or not previous or previous[-1] in TERMINAL

    def _split_run_in_paragraph(self, line: _Line) -> list[_Line]:
        """Split "...; 40. Decides ...; 41. Urges ..." where an extraction ran paragraphs
        into one line: at each expected number in turn."""
        pieces: list[_Line] = []
        expected = self.next_number
        if self._paragraph_number(line) is not None:
            expected += 1  # the line opens with the expected paragraph; look for the next
        while True:
            if f"{expected}." not in line.text:
                return [*pieces, line]
            before = "[,;:.]" if expected == 1 else "[;:.]"
            # "...; 36. Calls" or, with a heading run in too, "...; Reporting and review 36. Calls"
            run_in_heading = r"(?:[A-Z][\w',-]*(?: [\w',-]+){0,12} +)?"
            match = re.search(
                rf"(?<={before})\s+(?={run_in_heading}{expected}\.\s+[A-Z])", line.text
            )
            if not match or match.start() == 0:
                return [*pieces, line]
            head = _Line(
                line.number,
                line.indented,
                line.text[: match.start()],
                line.after_blank,
                line.previous,
                line.indented_nearby,
            )
            pieces.append(head)
            line = _Line(
                line.number, True, line.text[match.end() :], True, head.text, line.indented_nearby
            )
            # a heading ran in only where the piece does not open with the number itself
            opens_with_number = line.text.startswith(f"{expected}.")
            heading = (
                None if opens_with_number else re.match(rf"(.+?) +(?={expected}\.\s)", line.text)
            )
            if heading:
                pieces.append(_Line(line.number, True, heading.group(1), True, head.text, True))
                line = _Line(
                    line.number,
                    True,
                    line.text[heading.end() :],
                    True,
                    heading.group(1),
                    line.indented_nearby,
                )
            expected += 1

    # --- preamble -------------------------------------------------------------------

    def _feed_preamble(self, line: _Line, starts_block: bool) -> None:
        indented_start = (
            self.layout == "indent" and line.indented_nearby and line.indented
        ) and line.text[0].isupper()
        # the opener's pattern only where it decides: an indented start needs none
        if not self.preamble or (
            starts_block and (indented_start or openings().is_preamble_opener(line.text))
        ):
            self.preamble.append((line.number, [line.text]))
        else:
            self.preamble[-1][1].append(line.text)

    # --- operative part -------------------------------------------------------------

    def _paragraph_number(self, line: _Line) -> re.Match[str] | None:
        """The expected paragraph number opening the line, as printed (see
        :func:`_read_printed_number`)."""
        printed = line.printed_number()
        if printed is None:
            return None
        if printed.value == self.next_number:
            return printed.match
        # A number the source itself skips ("6." then "8. Regrets"): take the printed number.
        skipped = (
            printed.value == self.next_number + 1
            and bool(self.paragraphs)
            and not printed.bare
            and printed.opens_with_verb()
        )
        return printed.match if skipped else None

    def _is_next_paragraph(self, line: _Line, starts_block: bool) -> bool:
        if not self.numbered:
            return starts_block and _opens_unnumbered(line.text) and not self.after_end
        if self._paragraph_number(line) is not None:
            # The expected number at a line start is a paragraph whatever the layout says.
            return not self.after_end
        return self._lost_number(line)

    def _lost_number(self, line: _Line) -> bool:
        """A paragraph whose number the extraction lost: after a line that ends a finished
        paragraph, a line that opens with an operative verb ("Urges all parties ...")."""
        return (
            bool(self.paragraphs)
            and not self.after_end
            and line.previous[-1:] in (";", ".")
            and _opens_with_operative_verb(line.text)
            and not PARAGRAPH_START.match(line.text)
        )

    def _open_paragraph(self, line: _Line) -> None:
        match = self._paragraph_number(line)
        number = match.group(1).translate(OCR_DIGITS) if match else None
        number = number if number and number.isdigit() else str(self.next_number)
        node = _Node(label=number, anchor=f"para-{number}", line=line.number, kind="paragraph")
        node.printed_number = match is not None
        if match and match.group(1) != number:
            node.printed_as = match.group(1)
        node.add_line(line.text[match.end() :] if match else line.text)
        if not self.paragraphs:
            self._headings_from_preamble_end()
        for title in self.pending_headings:
            level = 2 if self.headings and self.headings[-1][2] == len(self.paragraphs) else 1
            self.headings.append((title, level, len(self.paragraphs)))
        self.pending_headings = []
        if self.headings and self.headings[-1][2] == len(self.paragraphs):
            node.heading = self.headings[-1][0]
        elif self.paragraphs:
            node.heading = self.paragraphs[-1].heading
        self.paragraphs.append(node)
        self.next_number = int(number) + 1
        self.run_in_marks = (f"{self.next_number}.", f"{self.next_number + 1}.")
        self.stack = [node]

    def _headings_from_preamble_end(self) -> None:
        """Headings between the preamble and paragraph 1 were read as preambular lines."""
        found: list[str] = []
        while self.preamble and len(self.preamble[-1][1]) == 1:
            text = self.preamble[-1][1][0]
            if not _looks_like_heading(text) or openings().is_preamble_opener(text):
                break
            found.insert(0, text)
            self.preamble.pop()
        self.pending_headings = found + self.pending_headings

    def _open_item(self, line: _Line) -> bool:
        if line.text[0] not in ITEM_MARKS:
            return False  # most lines: no label or dash to match
        label_match = LABEL.match(line.text)
        dash_match = None if label_match else DASH.match(line.text)
        if label_match is None and dash_match is None:
            return False
        if (
            self.layout == "indent"
            and line.indented_nearby
            and not line.indented
            and line.previous[-1:] not in (",", ";", ":", ".")
        ):
            return False
        value = label_match.group(1) if label_match else "–"
        placement = self._place_label(value)
        if placement is None:
            return False
        depth, kind = placement
        parent = self.stack[depth - 1]
        del self.stack[depth:]
        self._title_from_text(parent)
        key = (
            value
            if kind != "dash"
            else f"dash-{sum(c.kind == 'dash' for c in parent.children) + 1}"
        )
        label = f"({value})" if kind != "dash" else "–"
        node = _Node(label=label, anchor=f"{parent.anchor}-{key}", line=line.number, kind=kind)
        match = label_match or dash_match
        assert match is not None
        node.add_line(line.text[match.end() :])
        parent.children.append(node)
        self.stack.append(node)
        return True

    def _place_label(self, value: str) -> tuple[int, ItemKind] | None:
        """Where a label goes: (depth in the stack, kind), or None when it is inline text."""
        kinds = _label_kinds(value)
        for depth in range(len(self.stack) - 1, 0, -1):
            node = self.stack[depth]
            if node.kind in kinds and _is_successor(node.kind, node.label, value):
                return depth, node.kind
        innermost = self.stack[-1]
        for kind in kinds:
            if _is_list_start(kind, value) and not any(c.kind == kind for c in innermost.children):
                return len(self.stack), kind
        return None

    def _title_from_text(self, node: _Node) -> None:
        """An item whose only text is an unpunctuated line before its sub-items is a title."""
        if node.kind == "paragraph" or node.title is not None or node.children:
            return
        text = join_lines(node.chunks[0]) if len(node.chunks) == 1 else ""
        if text and text[-1] not in TERMINAL and len(text) < 160:
            node.title = text
            node.chunks = []

    def _open_plain_block(self, line: _Line) -> None:
        node = self.stack[-1]
        self._title_from_text(node)
        node.chunks.append([line.text])

    def _paragraph_complete(self) -> bool:
        last = self.stack[-1]
        text = last.chunks[-1][-1] if last.chunks and last.chunks[-1] else ""
        return bool(text) and text[-1] in SENTENCE_ENDS

    def _is_after_matter(self, line: _Line) -> bool:
        if ADOPTION.match(line.text) or FOOTNOTE.match(line.text):
            self.after_end = True
            return True
        return False

    def _keep_unclassified(self, line: _Line, reason: str) -> None:
        self.unclassified.append(Unclassified(line.text, line.number, reason))


def _read_printed_number(text: str) -> _PrintedNumber | None:
    """The number opening ``text`` as printed: "12." — or, where extraction or OCR slipped,
    "12," / "12" before a verb / "Z." for 2. Whether it is the expected one is the reader's
    call."""
    if not (text[:1].isdigit() or text[:1] in "ZSlI"):
        return None  # most lines: no number at their start
    match = PARAGRAPH_START.match(text) or BARE_NUMBER.match(text)
    if match is None:
        return None
    printed = match.group(1).translate(OCR_DIGITS)
    if not printed.isdigit():
        return None
    number = _PrintedNumber(match, int(printed), bare=match.re is BARE_NUMBER)
    return None if number.bare and not number.opens_with_verb() else number


def _opens_with_operative_verb(text: str) -> bool:
    """ "Recommends ...", "Decides ...": how paragraphs printed without a number open."""
    return openings().opens_operative_paragraph(text)


def _opens_unnumbered(text: str) -> bool:
    """In a text that numbers no paragraph, any third-person verb that is no preambular opening
    ("Entrusts ...", "Appoints ...") starts an operative paragraph."""
    if _opens_with_operative_verb(text):
        return True
    first = text.split(" ", 1)[0]
    return (
        first.isalpha()
        and first[0].isupper()
        and first.endswith("s")
        and not first.endswith("ss")
        and not openings().is_preamble_opener(text)
    )


def _looks_like_heading(text: str) -> bool:
    return (
        len(text) < 120
        and text[-1] not in TERMINAL
        and (text[0].isupper() or text[0].isdigit())
        and not PARAGRAPH_START.match(text)
    )


@cache  # labels are a small vocabulary: "a", "b", "i", "ii", ...
def _label_kinds(value: str) -> tuple[ItemKind, ...]:
    if value == "–":
        return ("dash",)
    kinds: list[ItemKind] = []
    if ROMAN_LABEL.fullmatch(value):
        kinds.append("roman")
    if LETTER_LABEL.fullmatch(value):
        kinds.append("letter")
    return tuple(kinds)


def _is_list_start(kind: ItemKind, value: str) -> bool:
    return LIST_START[kind] == value


def _is_successor(kind: str, previous_label: str, value: str) -> bool:
    previous = previous_label.strip("()")
    if kind == "dash":
        return value == "–"
    if kind == "roman":
        return _roman(value) == _roman(previous) + 1
    if len(previous) == 1 and len(value) == 1:
        return ord(value) == ord(previous) + 1
    return (previous == "z" and value == "aa") or (
        len(previous) == 2 and value == chr(ord(previous[0]) + 1) * 2
    )


@cache  # labels are a small vocabulary
def _roman(value: str) -> int:
    total = 0
    for index, char in enumerate(value):
        number = ROMAN.get(char, 0)
        following = ROMAN.get(value[index + 1], 0) if index + 1 < len(value) else 0
        total += -number if number < following else number
    return total


def _finish_paragraph(node: _Node) -> Paragraph:
    texts = [join_lines(chunk) for chunk in node.chunks]  # joined once, for verb and text
    return Paragraph(
        number=node.label,
        verb=openings().opening_phrase(texts[0] if texts else ""),
        text="\n".join(filter(None, texts)),
        anchor=node.anchor,
        heading=node.heading,
        items=[_finish_item(child) for child in node.children],
        line=node.line,
        numbered=node.printed_number,
        printed_as=node.printed_as,
    )


def _finish_item(node: _Node) -> Item:
    return Item(
        label=node.label,
        text=_chunks_text(node.chunks),
        anchor=node.anchor,
        title=node.title,
        items=[_finish_item(child) for child in node.children],
    )


def _chunks_text(chunks: list[list[str]]) -> str:
    return "\n".join(filter(None, map(join_lines, chunks)))


def join_lines(lines: list[str]) -> str:
    """Join a block's lines into one line, repairing hyphenation at line ends."""
    texts = list(filter(None, map(str.strip, lines)))
    if len(texts) < 2:
        return texts[0] if texts else ""
    joined = "\n".join(texts)
    if "-\n" not in joined:  # no line but the last ends with a hyphen: nothing to repair
        return joined.replace("\n", " ")
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith(" -") or (out.endswith("-") and _keeps_hyphen(out, text)):
            out = out.rstrip(" -") + "-" + text if out.endswith(" -") else out + text
        elif out.endswith("-") and out[-2:-1].isalpha() and text[:1].islower():
            out = out[:-1] + text
        else:
            out = f"{out} {text}"
    return out


def _keeps_hyphen(before: str, after: str) -> bool:
    """At "Secretary-" + "General" keep the hyphen; at "govern-" + "mental" drop it."""
    if not after[:1].islower() or not before[-2:-1].isalpha():
        return True
    head = re.search(r"[A-Za-z]+-$", before)
    tail = re.match(r"[a-z]+", after)
    if not head or not tail:
        return True
    joined = head.group()[:-1] + tail.group()
    return zipf(joined) < 2.5 and zipf(tail.group()) >= 3.0
