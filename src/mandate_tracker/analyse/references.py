"""References to other documents and to paragraphs of this one.

"resolution 2374 (2017)" becomes ``S/RES/2374(2017)``; printed symbols ("S/2020/476",
"S/PRST/2018/10", "A/RES/75/1") are kept with spaces removed; a bare "resolution 2391" takes the
year the same document gives it elsewhere. "paragraph 13 of resolution 2391" is a reference to
that resolution with pinpoint "paragraph 13", never a reference to paragraph 13 of this
document. "paragraph 3 above", "paragraphs 19 above and 28 and 29 below" and "paragraph 49"
are references to paragraphs of this document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mandate_tracker.analyse.caseblind import CaseBlind
from mandate_tracker.model import ParagraphReference, Reference

_YEAR = r"\(\s*(?P<year>\d{4})\s*\)"
# "\b[Rr]esolutions?\s+(?=\d)" found by its literal tail "esolution", the "R" or "r" and the
# word boundary before it checked behind: a scan for a literal is the engine's fastest. A
# match starts one character after the keyword (see _keyword_start).
_RESOLUTION_KEYWORD = re.compile(r"esolution(?<=(?<!\w)[Rr]esolution)s?\s+(?=\d)")
_NUMBER_WITH_YEAR = re.compile(rf"(?P<number>\d{{1,4}})(?![\d/])(?:\s*{_YEAR})?")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?=\d)")
_GA_RESOLUTION = re.compile(
    r"\bGeneral Assembly resolutions?\s+(?P<session>\d{1,3})/(?P<number>\d{1,4})"
)
# Council symbols (S/...) and Assembly symbols (A/...), each opening with its literal letter,
# the word boundary before it checked behind it, so that the scan skips to "S" and "A".
_SYMBOL = re.compile(
    r"S(?<!\wS)/(?:RES/\d{1,4}\s*\(\d{4}\)|PRST/\d{4}/\d{1,3}|\d{4}/\d{1,4}"
    r"(?:/(?:Add|Corr|Rev)\.\d+)*|\d{4,5}(?:/(?:Add|Corr|Rev)\.\d+)*)"
    r"|A(?<!\wA)/(?:RES/(?:ES-)?\d{1,3}/\d{1,4}|\d{1,3}/\d{1,4}(?:/(?:Add|Corr|Rev)\.\d+)*)"
)
_PARAGRAPH_NUMBERS = (
    r"\d{1,3}(?:\s*\([a-z]{1,5}\))*(?:(?:\s*,\s*|\s+and\s+|\s+to\s+)\d{1,3}(?:\s*\([a-z]{1,5}\))*)*"
)
# "(?:operative )?(?:sub)?paragraph(s) N" or "annex N" just before a reference, each of its
# openings written as a literal word (the boundary checked behind it) so that, case-blind
# at case-sensitive speed (analyse/caseblind.py), the scan skips to those words.
_PINPOINT = CaseBlind.compile(
    rf"(?P<pin>operative(?<!\woperative)\s+(?:sub)?paragraphs?\s+{_PARAGRAPH_NUMBERS}"
    rf"|sub(?<!\wsub)paragraphs?\s+{_PARAGRAPH_NUMBERS}"
    rf"|paragraph(?<!\wparagraph)s?\s+{_PARAGRAPH_NUMBERS}"
    r"|annex(?<!\wannex)\s+[ivx\d]+)"
    r"\s+of\s+(?:its\s+|the\s+)?$",
    word_start=True,
)
_PARAGRAPH_LIST = re.compile(
    r"\bparagraphs?\s+(?P<list>\d{1,3}(?:\s*\([a-z]{1,5}\))*"
    r"(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s+above|\s+below)+\d{1,3}(?:\s*\([a-z]{1,5}\))*)*"
    r"(?:\s+(?:above|below))?)",
    re.IGNORECASE,
)
_EXTERNAL_AFTER = re.compile(
    r"\s*,?\s*of\s+(?:its\s+|the\s+|that\s+|said\s+)?(?!this\s+resolution|the\s+present\s+resolution)"
    r"(?:resolutions?|document|report|letter|annex|statement|Agreement|Charter|Convention|"
    r"Protocol|decision|\w+\s+resolution|[A-Z])",
)


def resolution_years(texts: Iterable[str]) -> dict[str, str]:
    """Number -> year of every "resolution N (YYYY)" the document prints, for bare citations."""
    years: dict[str, str] = {}
    for text in texts:
        if "esolution" not in text:
            continue  # most provisions cite none: skip the pattern's scan
        for keyword in _RESOLUTION_KEYWORD.finditer(text):
            for number, year, _span in _resolution_list(text, keyword.end()):
                if year:
                    years.setdefault(number, year)
    return years


def references(text: str, years: dict[str, str] | None = None) -> list[Reference]:
    """Every other document cited in ``text``, as normalised symbols, in text order."""
    if "/" not in text and "esolution" not in text:
        return []
    years = years or {}
    found = [*_resolutions(text, years), *_general_assembly(text), *_symbols(text)]
    found = _without_overlaps(found)
    return sorted((_with_pinpoint(text, ref) for ref in found), key=lambda ref: ref.span)


def paragraph_references(text: str, *, lower: str | None = None) -> list[ParagraphReference]:
    """References to paragraphs of this document; external pinpoints are left out. ``lower``
    is ``text.lower()`` when the caller has it."""
    found: list[ParagraphReference] = []
    lower = text.lower() if lower is None else lower
    if "paragraph" not in lower:
        return found  # most provisions: a substring test instead of a case-blind scan
    for match in _paragraph_lists(text, lower):
        if _EXTERNAL_AFTER.match(text, match.end()):
            continue
        numbers = re.finditer(r"\d{1,3}(?!\d)(?!\s*\(\d{4}\))", match.group("list"))
        for number in numbers:
            start = match.start("list") + number.start()
            found.append(
                ParagraphReference(
                    number.group(0), match.group(0), (start, start + len(number.group(0)))
                )
            )
    return found


def _paragraph_lists(text: str, lower: str) -> Iterator[re.Match[str]]:
    """What ``_PARAGRAPH_LIST.finditer(text)`` finds, the pattern tried only where ``lower``
    (``text`` lower-cased) holds "paragraph": a case-blind scan of every position costs far
    more. Exact while lower-casing keeps every character in place (the same length) since no
    character but "P" matches "p" case-blind, and so for the other letters of "paragraph"."""
    if len(lower) != len(text):
        yield from _PARAGRAPH_LIST.finditer(text)
        return
    position = lower.find("paragraph")
    while position >= 0:
        match = _PARAGRAPH_LIST.match(text, position)
        if match:
            yield match
        position = lower.find("paragraph", match.end() if match else position + 1)


def _resolution_list(text: str, position: int) -> list[tuple[str, str | None, tuple[int, int]]]:
    """The numbers (and years) of "resolutions 2378 (2017) and 2436 (2018)" from ``position``."""
    found: list[tuple[str, str | None, tuple[int, int]]] = []
    while match := _NUMBER_WITH_YEAR.match(text, position):
        found.append((match.group("number"), match.group("year"), match.span()))
        join = _LIST_JOIN.match(text, match.end())
        if not join:
            break
        position = join.end()
    return found


def _resolutions(text: str, years: dict[str, str]) -> list[Reference]:
    found: list[Reference] = []
    if "esolution" not in text:
        return found  # "[Rr]esolutions?" is not there: skip the keyword scan
    for keyword in _RESOLUTION_KEYWORD.finditer(text):
        for index, (number, year, (start, end)) in enumerate(_resolution_list(text, keyword.end())):
            year = year or years.get(number)
            symbol = f"S/RES/{number}({year})" if year else f"S/RES/{number}"
            begin = _keyword_start(keyword) if index == 0 else start
            found.append(Reference(symbol, text[begin:end], (begin, end)))
    return found


def _keyword_start(keyword: re.Match[str]) -> int:
    """Where a "resolution" keyword found by _RESOLUTION_KEYWORD starts: at its capital."""
    return keyword.start() - 1


def _general_assembly(text: str) -> list[Reference]:
    if "General Assembly" not in text:
        return []  # the case-sensitive pattern needs these words: skip its scan
    return [
        Reference(f"A/RES/{m.group('session')}/{m.group('number')}", m.group(0), m.span())
        for m in _GA_RESOLUTION.finditer(text)
    ]


def _symbols(text: str) -> list[Reference]:
    if "/" not in text:
        return []  # every symbol has a slash: skip the pattern's scan
    return [
        Reference(re.sub(r"\s+", "", m.group(0)), m.group(0), m.span())
        for m in _SYMBOL.finditer(text)
    ]


def _without_overlaps(found: list[Reference]) -> list[Reference]:
    kept: list[Reference] = []
    for ref in sorted(found, key=lambda r: (r.span[0], -(r.span[1] - r.span[0]))):
        if kept and ref.span[0] < kept[-1].span[1]:
            continue
        kept.append(ref)
    return kept


def _with_pinpoint(text: str, ref: Reference) -> Reference:
    before = text[max(0, ref.span[0] - 60) : ref.span[0]]
    lower = before.lower()
    if "of" not in lower or ("paragraph" not in lower and "annex" not in lower):
        return ref  # every pinpoint holds these words, free of "i", "k" and "s" (caseblind.py)
    pinpoint = _PINPOINT.search(before, lower)
    if not pinpoint:
        return ref
    start = ref.span[0] - len(before) + pinpoint.start("pin")
    printed = before[pinpoint.start("pin") : pinpoint.end("pin")]
    pin = re.sub(r"\s+", " ", printed).strip()
    return Reference(ref.symbol, text[start : ref.span[1]], (start, ref.span[1]), pinpoint=pin)
