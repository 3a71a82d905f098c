"""The document model shared by every stage of the pipeline.

``parse`` builds a :class:`Document` (structure only); ``analyse`` fills each provision's
:class:`Facts`. Every fact keeps its provenance: the provision it came from (its ``anchor``)
and the character span inside that provision's ``text``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from mandate_tracker.errors import ValidationError

Span = tuple[int, int]
Force = Literal["decision", "request", "position", "unknown"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date that may be known only to the year or month: "2021-04" is April, not 1 April."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValidationError("a day needs a month", where=str(self.year))
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError(f"month {self.month} does not exist", where=str(self.year))
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValidationError(
                    f"day {self.day} does not exist in {self.year}-{self.month:02d}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if not match:
            raise ValidationError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def latest(self) -> dt.date:
        """The last calendar day the partial date can mean (a due "April 2021" is 30 April)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# --- facts extracted by `analyse` -------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    verb: str
    force: Force
    addressees: tuple[str, ...]
    text: str
    span: Span


@dataclass(frozen=True)
class Deadline:
    date: PartialDate
    text: str
    span: Span
    resolved_from: str | None = None  # e.g. "mandate-end" when taken from elsewhere in the doc


@dataclass(frozen=True)
class Recurrence:
    interval: str  # ISO 8601 duration, e.g. "P3M"
    text: str
    span: Span


@dataclass(frozen=True)
class Target:
    value: float
    unit: str
    comparator: Literal[">=", "<=", "=", ">", "<"]
    text: str
    span: Span
    subject: str | None = None  # what is counted, e.g. "military personnel"


@dataclass(frozen=True)
class Reference:
    symbol: str  # normalised UN symbol, e.g. "S/RES/2374(2017)"
    text: str
    span: Span
    pinpoint: str | None = None  # "paragraph 4" when the reference names a part


@dataclass(frozen=True)
class ParagraphReference:
    number: str
    text: str
    span: Span


@dataclass(frozen=True)
class TaskCode:
    task: str
    modality: str
    evidence: tuple[str, ...]
    span: Span


@dataclass
class Facts:
    """What `analyse` found in one provision's text."""

    clauses: list[Clause] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    paragraph_references: list[ParagraphReference] = field(default_factory=list)
    tasks: list[TaskCode] = field(default_factory=list)


# --- structure built by `parse` ---------------------------------------------------------


@dataclass
class Item:
    """A nested sub-item of an operative paragraph: "(a)", "(i)" or a dash "–"."""

    label: str
    text: str
    anchor: str  # stable id, e.g. "para-28-a-ii" or "para-3-dash-2"
    title: str | None = None
    items: list[Item] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)


@dataclass
class Paragraph:
    """An operative paragraph."""

    number: str
    verb: str
    text: str  # the paragraph's own text, before its first item
    anchor: str  # "para-28"
    heading: str | None = None
    items: list[Item] = field(default_factory=list)
    tail: str | None = None  # text after the last item that belongs to no item (rare)
    line: int | None = None  # 1-based line in the cleaned text where it starts
    facts: Facts = field(default_factory=Facts)
    numbered: bool = True  # False where the text prints no number (a one-paragraph resolution)
    printed_as: str | None = None  # the number as printed where OCR garbled it ("Z" for 2)


@dataclass
class PreambleParagraph:
    number: int
    verb: str
    text: str
    anchor: str  # "pre-3"
    line: int | None = None
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True)
class Heading:
    title: str
    level: int
    before: str  # number of the operative paragraph it precedes


@dataclass(frozen=True)
class Unclassified:
    """Text the reader could not place. Kept, never dropped."""

    text: str
    line: int
    reason: str


@dataclass
class DocumentInfo:
    symbol: str | None
    kind: str
    resolution_number: int | None
    date: dt.date | None
    authors: list[str]
    subject: str | None


@dataclass
class Document:
    info: DocumentInfo
    headings: list[Heading]
    preamble: list[PreambleParagraph]
    paragraphs: list[Paragraph]
    unclassified: list[Unclassified] = field(default_factory=list)
    link_targets: list[str] = field(default_factory=list)  # symbols of removed link lines
    source_name: str = "<text>"
    front_matter: str = ""  # the lines before "The Security Council," (title block), as read
    opening: str = "The Security Council,"  # as printed; "" where the text omits it

    def paragraph(self, number: str) -> Paragraph:
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        raise KeyError(number)


def walk_items(items: list[Item]) -> list[Item]:
    """All items below, depth first, in document order."""
    found: list[Item] = []
    for item in items:
        found.append(item)
        found.extend(walk_items(item.items))
    return found


# --- the obligations register built by `analyse.obligations` ----------------------------

ObligationKind = Literal[
    "priority-measure", "report", "benchmark", "target", "mission-task", "decision", "request"
]  # "request": what the Council asks of an actor other than the mission (calls upon, urges)


@dataclass(frozen=True)
class Source:
    """Where an obligation comes from: paragraph, optional item anchor, span in that text."""

    paragraph: str
    anchor: str
    span: Span
    quote: str  # the exact words of the resolution the span covers


@dataclass(frozen=True)
class Obligation:
    id: str  # deterministic, e.g. "S/2020/600#para-3-dash-1" hashed/short form chosen by analyse
    kind: ObligationKind
    title: str
    owner: str  # canonical actor name, or as written when unknown
    source: Source
    due: PartialDate | None = None
    recurrence: str | None = None  # ISO 8601 duration
    targets: tuple[Target, ...] = ()
    tasks: tuple[TaskCode, ...] = ()
    focus: tuple[str, ...] = ()  # listed focus areas of a report (e.g. 62 (i)-(iv))
    parent: str | None = None  # id of the obligation this one is part of
