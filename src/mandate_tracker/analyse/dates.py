"""Deadlines and recurrences.

A printed date is a deadline only when a deadline word governs it ("by 31 March 2021",
"until 30 June 2021", "before ...", "no later than ...", "its April 2021 report") and it is not
before the document's date; dates that record events ("signed on 15 October 2018",
"of 13 January 2020", "in 2019 and 2020") are not deadlines. Relative ends are resolved inside
the document: "before the end of MINUSMA's current mandate" takes the date the same document
sets with "extend the mandate of MINUSMA until 30 June 2021"; "his first quarterly report
following the adoption" is due three months after the document's date; "within 30 days of the
adoption" counts from the document's date. Recurrences become ISO 8601 durations.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mandate_tracker.analyse.caseblind import CaseBlind, ascii_word, mentions_any
from mandate_tracker.analyse.digits import has_digit
from mandate_tracker.model import Deadline, PartialDate, Recurrence

MONTHS = {name: index for index, name in enumerate(calendar.month_name) if name}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
PERIOD_MONTHS = {"quarterly": 3, "six-monthly": 6, "semi-annual": 6, "annual": 12, "monthly": 1}

_MONTH = "|".join(MONTHS)
_NUMBER = r"\d{1,3}|" + "|".join(NUMBERS)
_DATE = re.compile(rf"(?:\b(?P<day>\d{{1,2}})\s+)?\b(?P<month>{_MONTH})\s+(?P<year>\d{{4}})\b")
# "\bMonth \d{4}\b" with each month's word boundary checked behind it: opening with the
# literal month names lets the engine skip to the capitals a month can start with.
_MONTH_YEAR = re.compile(
    "(?:" + "|".join(rf"{month}(?<!\w{month})" for month in MONTHS) + r")\s+\d{4}\b"
)
_DAY_BEFORE = re.compile(r"\b\d{1,2}\s+$")
_DEADLINE_CUE = re.compile(
    r"(?:\bby|\buntil|\btill|\bbefore|\bno later than|\bnot later than|\bprior to|\bending on|"
    r"\bexpiring on|\bup to|\bon or before|\b(?:its|his|her|their|the))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPORT_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:report|briefing|letter|assessment)\b")
# "before|by|until|till|at|prior to" (a word) "\s+the\s+end\s+of ... mandate": found from the
# literal "the" of its second part, the cue then checked just before it (a scan for the six
# cue words would try them at every letter they start with).
_END_OF_MANDATE = re.compile(
    r"the\s+end\s+of\s+(?:the\s+)?"
    r"(?:(?:[A-Z][A-Za-z]+)[’']s\s+)?(?:current\s+|present\s+|existing\s+)?mandate(?:\s+period)?\b"
)
_MANDATE_END_CUE = re.compile(r"(?<!\w)(?:before|by|until|till|at|prior to)\Z")
_LONGEST_MANDATE_END_CUE = len("prior to")
_MANDATE_SET = re.compile(
    rf"\b(?:extend|extends|renew|renews)\s+(?:the\s+)?mandate\s+of\s+(?:the\s+)?[\w’' -]{{2,80}}?"
    rf"\s+(?:until|to|through|till)\s+(?P<date>(?:\d{{1,2}}\s+)?(?:{_MONTH})\s+\d{{4}})"
)
# The case-blind patterns below open each alternative with its literal word, the word
# boundary before it ("\b", "(?<![\w-])") checked behind the word, so that they scan at
# case-sensitive speed (see analyse/caseblind.py).
_FIRST_REPORT = CaseBlind.compile(
    r"first(?<!\wfirst)\s+(?P<period>quarterly|six-monthly|semi-annual|annual|monthly)\s+report",
    word_start=True,
)
_WITHIN = CaseBlind.compile(
    r"(?:within(?<!\wwithin)|no(?<!\wno) later than|not(?<!\wnot) later than)"
    rf"\s+(?P<n>{_NUMBER})\s+(?P<unit>days?|weeks?|months?)"
    r"\s+(?:of|from|after|following)\s+(?:the\s+)?(?:adoption|date of adoption)",
    word_start=True,
)
_EVERY = CaseBlind.compile(
    rf"every(?<!\wevery)\s+(?:(?P<n>{_NUMBER})\s+)?(?P<unit>days?|weeks?|months?|years?)\b",
    word_start=True,
)
_ADVERBIAL = {
    "P1Y": CaseBlind.compile(
        r"(?:annually(?<![\w-]annually)|yearly(?<![\w-]yearly)|each(?<![\w-]each) year"
        r"|on(?<![\w-]on) an annual basis|once(?<![\w-]once) a year)\b",
        word_start=True,
    ),
    "P6M": CaseBlind.compile(
        r"(?:semi(?<!\wsemi)-annually|bi(?<!\wbi)-annually|biannually(?<!\wbiannually)"
        r"|twice(?<!\wtwice) a year|twice(?<!\wtwice) yearly)\b",
        word_start=True,
    ),
    "P1M": CaseBlind.compile(
        r"monthly(?<![\w-]monthly)\b(?!\s+report)|on(?<!\won) a monthly basis\b",
        word_start=True,
    ),
    # "quarterly", but not "first/next/his/its/her quarterly" (a report, not a recurrence)
    "P3M": CaseBlind.compile(
        r"quarterly(?<!first quarterly)(?<!next quarterly)(?<!his quarterly)"
        r"(?<!its quarterly)(?<!her quarterly)(?<!\wquarterly)\b"
        r"|on(?<!\won) a quarterly basis\b",
        word_start=True,
    ),
}


# A word every match of each adverbial pattern contains, to skip its scan. Exact for the
# case-blind patterns since none holds an "i" or "s" (the letters case-blind matching lets
# other characters, "ı" or "ſ", stand for).
_ADVERBIAL_WORDS = {
    "P1Y": ("annual", "year"),
    "P6M": ("annual", "year"),
    "P1M": ("monthly",),
    "P3M": ("quarterly",),
}
# Words without which a provision has no recurrence or deadline: a cheap test to skip it
# (each recurrence pattern's words hold one of them: "twice a year" holds "year").
_RECURRENCE_HINTS = ("every", "year", "month", "annual", "quarter")
_DEADLINE_HINTS = (*(m.lower() for m in MONTHS), "end of", "first", "within", "later than")
# Case-blind words a first periodic report needs besides "report": its period, free of "i"
# and "s" ("six-monthly" holds "monthly", "semi-annual" "annual"; see _ADVERBIAL_WORDS).
_PERIOD_WORDS = ("quarterly", "annual", "monthly")


@dataclass(frozen=True)
class DateContext:
    """What relative deadlines resolve against: the document's date and its mandate end."""

    document_date: dt.date | None = None
    mandate_end: PartialDate | None = None


def mandate_end(texts: Iterable[str]) -> PartialDate | None:
    """The date to which the document extends a mandate ("extend the mandate of X until ...")."""
    for text in texts:
        # Every match holds "mandate" and "extend" or "renew": the pattern, which opens with
        # "\b" and so is tried at every position, scans only the few texts holding them.
        wanted = "mandate" in text and ("extend" in text or "renew" in text)
        match = _MANDATE_SET.search(text) if wanted else None
        if match:
            return _parse_date(match.group("date"))
    return None


def deadlines(
    text: str, context: DateContext, *, lower: str | None = None, numbered: bool | None = None
) -> list[Deadline]:
    """Every future date by which something is due or ends, in text order. ``lower`` is
    ``text.lower()`` and ``numbered`` :func:`has_digit`, when the caller knows them."""
    numbered = has_digit(text) if numbered is None else numbered
    printed = _absolute(text, context) if numbered else []  # a year has digits
    # A mandate end needs "end of", a relative deadline "report" or "adopt": most provisions
    # hold none, so they are tested here rather than in a call for each kind.
    ends = _mandate_ends(text, context) if "end of" in text else []
    lower = text.lower() if lower is None else lower
    relative = _relative(text, lower, context) if "report" in lower or "adopt" in lower else []
    if not relative and not ends:
        return printed  # the usual case (mostly empty), already in text order
    if relative and not printed and not ends and not mentions_any(lower, _DEADLINE_HINTS):
        # A printed date or mandate end implies a hint; a relative deadline only nearly:
        # kept as when the hints were tested first.
        relative = []
    return sorted([*printed, *ends, *relative], key=lambda deadline: deadline.span)


def recurrences(text: str, *, lower: str | None = None) -> list[Recurrence]:
    """Every "every six months", "annually", "quarterly" in ``text`` (``lower`` is
    ``text.lower()`` when the caller has it), as ISO 8601 durations, in text order."""
    lower = text.lower() if lower is None else lower
    if not mentions_any(lower, _RECURRENCE_HINTS):
        return []
    found: list[Recurrence] = []
    for match in _EVERY.finditer(text, lower) if "every" in lower else ():
        count = _number(match.group("n")) if match.group("n") else 1
        unit = match.group("unit").lower()[0].upper()
        interval = f"P{count * 7}D" if unit == "W" else f"P{count}{unit}"
        found.append(Recurrence(interval, _printed(text, match), match.span()))
    for interval, pattern in _ADVERBIAL.items():
        if not mentions_any(lower, _ADVERBIAL_WORDS[interval]):
            continue
        for match in pattern.finditer(text, lower):
            found.append(Recurrence(interval, _printed(text, match), match.span()))
    return sorted(found, key=lambda recurrence: recurrence.span)


def _printed(text: str, match: re.Match[str]) -> str:
    """The words a case-blind match covers, as printed (it may be over the lower-cased text)."""
    return text[match.start() : match.end()]


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _printed_dates(text: str) -> list[tuple[int, int]]:
    """Spans of "30 June 2021" and "April 2021" in ``text``."""
    spans: list[tuple[int, int]] = []
    for match in _MONTH_YEAR.finditer(text):
        day = _DAY_BEFORE.search(text, max(0, match.start() - 4), match.start())
        spans.append((day.start() if day else match.start(), match.end()))
    return spans


def _absolute(text: str, context: DateContext) -> list[Deadline]:
    found: list[Deadline] = []
    for match in (_DATE.match(text, start, end) for start, end in _printed_dates(text)):
        if match is None:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        cue = _DEADLINE_CUE.search(before)
        if not cue:
            continue
        possessive = cue.group(0).split()[0].lower() in {"its", "his", "her", "their", "the"}
        report = _REPORT_AFTER.match(text, match.end())
        if possessive and not report:
            continue
        date = _parse_date(match.group(0))
        if context.document_date and date.latest() < context.document_date:
            continue
        start = max(0, match.start() - 30) + cue.start()
        end = report.end() if possessive and report else match.end()
        found.append(Deadline(date, text[start:end], (start, end)))
    return found


def _mandate_ends(text: str, context: DateContext) -> list[Deadline]:
    """The mandate-end deadlines of a text holding "end of" (the caller tests it)."""
    if context.mandate_end is None:
        return []
    found: list[Deadline] = []
    for phrase in _END_OF_MANDATE.finditer(text):
        gap = len(text[: phrase.start()].rstrip())  # where the whitespace before "the" starts
        if gap == phrase.start():
            continue  # no whitespace between a cue and "the"
        cue = _MANDATE_END_CUE.search(text, max(0, gap - _LONGEST_MANDATE_END_CUE), gap)
        if cue:
            span = (cue.start(), phrase.end())
            found.append(
                Deadline(context.mandate_end, text[span[0] : span[1]], span, "mandate-end")
            )
    return found


def _relative(text: str, lower: str, context: DateContext) -> list[Deadline]:
    if context.document_date is None:
        return []
    found: list[Deadline] = []
    # Words each case-blind pattern needs, tested first; free of "i" and "s" (see
    # _ADVERBIAL_WORDS), so the test never skips a match.
    first_report = "report" in lower and mentions_any(lower, _PERIOD_WORDS)
    for match in _FIRST_REPORT.finditer(text, lower) if first_report else ():
        months = PERIOD_MONTHS[ascii_word(match.group("period"))]
        due = PartialDate.of(add_months(context.document_date, months))
        printed = _printed(text, match)
        found.append(Deadline(due, printed, match.span(), "first-periodic-report"))
    for match in _WITHIN.finditer(text, lower) if "adopt" in lower else ():
        due = PartialDate.of(_after(context.document_date, match.group("n"), match.group("unit")))
        found.append(Deadline(due, _printed(text, match), match.span(), resolved_from="adoption"))
    return found


def _after(day: dt.date, count: str, unit: str) -> dt.date:
    n = _number(count)
    if unit.lower().startswith("month"):
        return add_months(day, n)
    return day + dt.timedelta(days=n * (7 if unit.lower().startswith("week") else 1))


def _parse_date(printed: str) -> PartialDate:
    match = _DATE.search(printed)
    assert match is not None  # callers pass text the pattern matched
    day = match.group("day")
    return PartialDate(
        int(match.group("year")), MONTHS[match.group("month")], int(day) if day else None
    )


def _number(printed: str) -> int:
    return int(printed) if printed.isdigit() else NUMBERS[ascii_word(printed)]
