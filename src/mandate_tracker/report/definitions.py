"""Report definitions read from the resolution itself.

A reporting paragraph is a request to the Secretary-General to report, write or present
something: with a recurrence ("every three months" → a quarterly report, "every six months" or a
"letter" → a letter) or with a deadline and a roadmap of benchmarks (→ a roadmap). Its listed items
((i), (ii), ...) become the report's sections, and each section draws on the provisions it names
("the priority measures referenced in paragraph 3" → paragraph 3). A paragraph without items
gets its sections from an inline list ("including, among others, A, B and C") or one section.

The analysis facts are used when present (clauses, recurrences, deadlines, paragraph
references); otherwise small regular expressions read the same things from the text, so a
document straight from the parser works too. A data file per resolution under
``data/reports/`` can refine a section's title and the provisions it draws on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from mandate_tracker.errors import InputError, ValidationError
from mandate_tracker.model import Document, Item, Paragraph, PartialDate
from mandate_tracker.report.model import REPORT_KINDS, ReportKind

MONTH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
MONTH_NAMES = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if number
}  # C locale
_REPORTING_WORDS = re.compile(r"\b(report|letter|roadmap|benchmarks?)\b", re.IGNORECASE)
_REQUEST_TO_SG = re.compile(
    r"^\s*(?:further |also |finally )?requests\s+the\s+secretary[- ]general\b", re.IGNORECASE
)
_EVERY = re.compile(
    r"\bevery\s+(one|two|three|four|six|twelve|\d+)\s+months?\b|\b(annually|every\s+year)\b",
    re.IGNORECASE,
)
_BY_DATE = re.compile(
    r"\bby\s+(?:(\d{1,2})\s+)?(" + "|".join(MONTH_NAMES) + r")\s+(\d{4})\b", re.IGNORECASE
)
_PARAGRAPH_REF = re.compile(
    r"\bparagraphs?\s+(\d+)(?:\s*(?:and|to|-|–)\s*(\d+))?(?P<after>[^.;]{0,40})", re.IGNORECASE
)
_OTHER_DOCUMENT = re.compile(r"^\s*(?:above|below)?\s*,?\s*of\s+(?:its\s+)?resolution", re.I)
_TITLE_CUT = re.compile(
    r",\s+(?:particularly|notably|in particular|including|to include|as well as|on the basis|"
    r"encouraging|with a view)\b|\s+(?:referred to|referenced)\s+in\b|;",
    re.IGNORECASE,
)
_TITLE_LEAD = re.compile(
    r"^(?:on\s+|information\s+on\s+|an\s+update\s+on\s+|updates?\s+on\s+)", re.IGNORECASE
)
_INLINE_LIST = re.compile(
    r"\bincluding,?\s+(?:among others,\s+)?(?P<list>.+?)"
    r"(?:,\s+(?:to|in order to|so as to|with a view to)\s|;|$)",
    re.IGNORECASE | re.DOTALL,
)
TITLE_LIMIT = 90


@dataclass(frozen=True)
class SectionDefinition:
    label: str  # "(i)" as printed, or "1" for an inline list entry
    title: str
    anchor: str
    quote: str
    paragraphs: tuple[str, ...]  # provisions the section draws on
    refined: bool = False  # True when a data file added provisions or a title


@dataclass(frozen=True)
class ReportDefinition:
    kind: ReportKind
    paragraph: str
    anchor: str
    quote: str
    recurrence_months: int | None
    due: dt.date | None  # a one-off report's deadline (the roadmap)
    sections: tuple[SectionDefinition, ...]


@dataclass(frozen=True)
class SectionRefinement:
    title: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Refinement:
    document: str
    sections: dict[tuple[str, str], SectionRefinement]


# --- reading the reporting paragraphs ---------------------------------------------------


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def full_text(paragraph: Paragraph) -> str:
    parts = [paragraph.text, *(f"{i.label} {i.text}" for i in paragraph.items)]
    return normalise_space(" ".join(parts))


def is_request_to_secretary_general(paragraph: Paragraph) -> bool:
    for clause in paragraph.facts.clauses:
        if clause.force == "request" and any(
            "secretary-general" in a.lower() for a in clause.addressees
        ):
            return True
    return bool(_REQUEST_TO_SG.search(paragraph.text))


def recurrence_months(paragraph: Paragraph) -> int | None:
    for recurrence in paragraph.facts.recurrences:
        months = _iso_months(recurrence.interval)
        if months:
            return months
    match = _EVERY.search(paragraph.text)
    if not match:
        return None
    if match.group(2):
        return 12
    word = match.group(1).lower()
    return int(word) if word.isdigit() else MONTH_WORDS[word]


def _iso_months(interval: str) -> int | None:
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", interval)
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 12 + int(match.group(2) or 0)


def deadline(paragraph: Paragraph) -> dt.date | None:
    if paragraph.facts.deadlines:
        return max(d.date.latest() for d in paragraph.facts.deadlines)
    found = list(_BY_DATE.finditer(full_text(paragraph)))
    if not found:
        return None
    day, month_name, year = found[-1].groups()
    month = MONTH_NAMES[month_name.lower()]
    if day:
        return dt.date(int(year), month, int(day))
    return PartialDate(int(year), month).latest()


def report_kind(paragraph: Paragraph) -> ReportKind | None:
    """What kind of report a paragraph asks the Secretary-General for, if any."""
    if not is_request_to_secretary_general(paragraph):
        return None
    text = full_text(paragraph)
    if not _REPORTING_WORDS.search(text):
        return None
    months = recurrence_months(paragraph)
    if months is not None:
        if re.search(r"\bletter\b", paragraph.text, re.IGNORECASE) or months > 4:
            return "letter"
        return "quarterly"
    if deadline(paragraph) and re.search(r"\b(roadmap|benchmarks?)\b", text, re.IGNORECASE):
        return "roadmap"
    return None


def paragraph_references(item_text: str, own: list[str]) -> tuple[str, ...]:
    """Operative paragraphs of this document the text names (``own``: from analysis facts)."""
    if own:
        return tuple(dict.fromkeys(own))
    numbers: list[str] = []
    for match in _PARAGRAPH_REF.finditer(item_text):
        if _OTHER_DOCUMENT.match(match.group("after")):
            continue
        first, last = int(match.group(1)), match.group(2)
        numbers.extend(str(n) for n in range(first, int(last or first) + 1))
    return tuple(dict.fromkeys(numbers))


def section_title(text: str) -> str:
    text = normalise_space(text)
    text = _TITLE_LEAD.sub("", text)
    text = _TITLE_CUT.split(text, maxsplit=1)[0].rstrip(" ,;:.")
    if len(text) > TITLE_LIMIT:
        text = text[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return text[:1].upper() + text[1:]


def sections_from_items(paragraph: Paragraph) -> tuple[SectionDefinition, ...]:
    return tuple(_section_from_item(item) for item in paragraph.items)


def _section_from_item(item: Item) -> SectionDefinition:
    text = normalise_space(item.text)
    own = [r.number for r in item.facts.paragraph_references]
    return SectionDefinition(
        label=item.label,
        title=normalise_space(item.title) if item.title else section_title(text),
        anchor=item.anchor,
        quote=text,
        paragraphs=paragraph_references(text, own),
    )


def sections_from_inline_list(paragraph: Paragraph) -> tuple[SectionDefinition, ...]:
    """Sections from "including, among others, A, B, C and D" in a paragraph without items."""
    text = normalise_space(paragraph.text)
    match = _INLINE_LIST.search(text, _list_start(text))
    entries = _split_list(match.group("list")) if match else []
    if len(entries) < 2:
        own = [r.number for r in paragraph.facts.paragraph_references]
        return (
            SectionDefinition(
                label="1",
                title=section_title(text),
                anchor=paragraph.anchor,
                quote=text,
                paragraphs=paragraph_references(text, own),
            ),
        )
    return tuple(
        SectionDefinition(
            label=str(number),
            title=section_title(entry),
            anchor=paragraph.anchor,
            quote=entry,
            paragraphs=paragraph_references(entry, []),
        )
        for number, entry in enumerate(entries, start=1)
    )


def _list_start(text: str) -> int:
    """Where the list of what the report covers starts: after "benchmarks", when named."""
    found = re.search(r"\bbenchmarks?\b", text, re.IGNORECASE)
    return found.end() if found else 0


def _split_list(text: str) -> list[str]:
    entries = [e.strip() for e in re.split(r",\s+(?:and\s+)?", text) if e.strip()]
    if entries:
        last = re.split(r"\s+and\s+(?=the\s)", entries[-1])
        entries = entries[:-1] + [e.strip() for e in last if e.strip()]
    return entries


def find_report_definitions(
    doc: Document, refinement: Refinement | None = None
) -> list[ReportDefinition]:
    """Every report the document asks the Secretary-General for, in document order."""
    if refinement is None:
        refinement = load_refinement(doc.info.symbol)
    found: list[ReportDefinition] = []
    for paragraph in doc.paragraphs:
        kind = report_kind(paragraph)
        if kind is None:
            continue
        sections = sections_from_items(paragraph) or sections_from_inline_list(paragraph)
        if refinement is not None:
            sections = tuple(_refine(kind, s, refinement) for s in sections)
        found.append(
            ReportDefinition(
                kind=kind,
                paragraph=paragraph.number,
                anchor=paragraph.anchor,
                quote=normalise_space(paragraph.text),
                recurrence_months=recurrence_months(paragraph) if kind != "roadmap" else None,
                due=deadline(paragraph) if kind == "roadmap" else None,
                sections=sections,
            )
        )
    return found


def report_definition(doc: Document, kind: ReportKind) -> ReportDefinition:
    """The first reporting paragraph of ``kind``; a clear error when the document has none."""
    definitions = find_report_definitions(doc)
    for definition in definitions:
        if definition.kind == kind:
            return definition
    available = ", ".join(f"{d.kind} (paragraph {d.paragraph})" for d in definitions) or "none"
    symbol = doc.info.symbol or doc.source_name
    raise InputError(
        f"{symbol} asks for no {kind} report; the reports it asks for: {available}",
        where=doc.source_name,
    )


def _refine(kind: str, section: SectionDefinition, refinement: Refinement) -> SectionDefinition:
    extra = refinement.sections.get((kind, section.label))
    if extra is None:
        return section
    paragraphs = tuple(dict.fromkeys((*section.paragraphs, *extra.paragraphs)))
    return SectionDefinition(
        label=section.label,
        title=extra.title or section.title,
        anchor=section.anchor,
        quote=section.quote,
        paragraphs=paragraphs,
        refined=True,
    )


# --- the refinement data files -----------------------------------------------------------


def refinement_path(symbol: str) -> Path | None:
    name = symbol.replace("/", "-") + ".yaml"
    candidate = resources.files("mandate_tracker") / "data" / "reports" / name
    path = Path(str(candidate))
    return path if path.is_file() else None


def load_refinement(symbol: str | None, path: Path | None = None) -> Refinement | None:
    """The refinement file for a document symbol (None when there is none)."""
    if path is None:
        path = refinement_path(symbol) if symbol else None
        if path is None:
            return None
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValidationError(f"not valid YAML: {error}", where=str(path)) from error
    return parse_refinement(raw, where=str(path))


def parse_refinement(raw: object, where: str) -> Refinement:
    if not isinstance(raw, dict) or not isinstance(raw.get("document"), str):
        raise ValidationError("expected a mapping with a 'document' symbol", where=where)
    reports = raw.get("reports") or {}
    if not isinstance(reports, dict):
        raise ValidationError("'reports' must map a report kind to its sections", where=where)
    sections: dict[tuple[str, str], SectionRefinement] = {}
    for kind, by_label in reports.items():
        if kind not in REPORT_KINDS:
            raise ValidationError(
                f"unknown report kind {kind!r} (expected one of {', '.join(REPORT_KINDS)})",
                where=f"{where}: reports",
            )
        if not isinstance(by_label, dict):
            raise ValidationError("expected section labels", where=f"{where}: reports.{kind}")
        for label, body in by_label.items():
            sections[(kind, str(label))] = _section_refinement(
                body, f"{where}: reports.{kind}.{label}"
            )
    return Refinement(document=raw["document"], sections=sections)


def _section_refinement(body: object, where: str) -> SectionRefinement:
    if not isinstance(body, dict):
        raise ValidationError("expected 'title' and/or 'paragraphs'", where=where)
    unknown = set(body) - {"title", "paragraphs"}
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(sorted(unknown))}", where=where)
    title = body.get("title")
    if title is not None and not isinstance(title, str):
        raise ValidationError("'title' must be text", where=where)
    raw_paragraphs = body.get("paragraphs") or []
    if not isinstance(raw_paragraphs, list):
        raise ValidationError("'paragraphs' must be a list like ['30', '36-42']", where=where)
    return SectionRefinement(title=title, paragraphs=expand_paragraphs(raw_paragraphs, where))


def expand_paragraphs(values: list[object], where: str) -> tuple[str, ...]:
    numbers: list[str] = []
    for value in values:
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", str(value))
        if not match:
            raise ValidationError(
                f"{value!r} is not a paragraph number or range like '36-42'", where=where
            )
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if last < first:
            raise ValidationError(f"range {value!r} runs backwards", where=where)
        numbers.extend(str(n) for n in range(first, last + 1))
    return tuple(numbers)
