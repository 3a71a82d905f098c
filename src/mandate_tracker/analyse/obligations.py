"""The obligations register: every trackable obligation an analysed document creates.

One obligation per assigning clause (decision or request) of an operative paragraph, and one
per item listed under such a clause, unless the clause is a reporting duty, whose items are the
report's focus. Each target becomes an obligation of kind ``target`` too, under the provision
that sets it. Kinds:

- ``report``: a request to report, brief, inform or include something in a report;
- ``benchmark``: a report that sets or assesses benchmarks (the roadmap of paragraph 64);
- ``priority-measure``: an item of a clause that names "priority measures";
- ``mission-task``: work given to a peace operation (a clause addressed to it, or an item of
  a clause that gives it tasks);
- ``decision``: what the Council decides or authorizes;
- ``request``: what the Council asks of anyone else (calls upon, urges, encourages);
- ``target``: a number set as a goal or ceiling.

Ids are ``{symbol}#{anchor}#c{n}#{kind}`` for the n-th clause of a paragraph,
``{symbol}#{item anchor}#{kind}`` for an item, and ``{owner id}#target-{k}`` for targets: the
same document always yields the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mandate_tracker.analyse.caseblind import CaseBlind, mentions_any
from mandate_tracker.analyse.vocabulary import actors
from mandate_tracker.model import (
    Clause,
    Document,
    Facts,
    Item,
    Obligation,
    ObligationKind,
    Paragraph,
    PartialDate,
    Source,
    Span,
)

UNSPECIFIED = "unspecified"
COUNCIL = "Security Council"

# Each branch opens with its literal word, the word boundary "\b" before it checked behind
# it, so that (case-sensitive, see analyse/caseblind.py) the scan skips to those letters.
_REPORTING = CaseBlind.compile(
    r"to(?<!\wto)\s+(?:\w+\s+){0,2}?(?:report|brief|inform)\b"
    r"|include(?<!\winclude)\s+in\s+(?:his|her|its|their)\s+"
    r"|in(?<!\win)\s+(?:his|her|its|their)\s+(?:\w+\s+){0,2}?report(?:s|ing)?\b"
    r"|provide(?<!\wprovide)\b.{0,80}?\b(?:letter|report|briefing|update)\b"
    r"|keep(?<!\wkeep)\s+the\s+(?:security\s+)?council\b.{0,30}?\binformed\b"
    r"|to(?<!\wto)\s+be\s+presented\b.{0,60}?\bcouncil\b"
    r"|submit(?<!\wsubmit)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:report|letter|update|assessment)",
    re.DOTALL,
    word_start=True,
)
_REPORT_WORDS = ("report", "brief", "inform", "letter", "update", "present", "assessment")
_BENCHMARK = re.compile(r"\bbenchmarks?\b", re.IGNORECASE)
_PROCEDURAL = re.compile(r"\bremain\s+(?:actively\s+)?seized\b", re.IGNORECASE)
_PRIORITY = re.compile(r"\bpriority\s+measures?\b", re.IGNORECASE)
_TITLE_LENGTH = 110


@dataclass(frozen=True)
class _Parent:
    """What an item inherits from the clause that lists it."""

    id: str
    kind: ObligationKind
    owner: str
    due: PartialDate | None


def derive_obligations(doc: Document) -> list[Obligation]:
    """Every trackable obligation of an analysed document (see module doc), in text order."""
    symbol = doc.info.symbol or doc.source_name
    found: list[Obligation] = []
    for paragraph in doc.paragraphs:
        found.extend(_paragraph_obligations(symbol, paragraph))
    return found


def clause_kind(clause: Clause) -> ObligationKind | None:
    """The kind of obligation a clause creates, or None for a position or unknown verb."""
    if clause.force not in ("decision", "request"):
        return None
    lower = clause.text.lower()
    if _procedural(clause.text, lower):
        return None
    if clause.force == "request" and _reports(clause.text, lower):
        return "benchmark" if _BENCHMARK.search(clause.text) else "report"
    if clause.force == "decision":
        return "decision"
    return "mission-task" if _mission_side(clause.addressees) else "request"


def is_reporting(clause: Clause) -> bool:
    """Whether :func:`clause_kind` is "report" or "benchmark", without telling which."""
    if clause.force != "request":
        return False
    lower = clause.text.lower()
    return not _procedural(clause.text, lower) and _reports(clause.text, lower)


def _procedural(text: str, lower: str) -> bool:
    """ "... remains seized of the matter". The substring test first spares most clauses the
    case-blind scan: "rema" has no letter that case-blind matching lets a non-ASCII
    character stand for (as "ı" stands for "i"), so every match contains it."""
    return "rema" in lower and _PROCEDURAL.search(text) is not None


def _reports(text: str, lower: str) -> bool:
    """Whether a request's text asks for a report: a cheap test for the words the reporting
    pattern needs, then the pattern."""
    if not mentions_any(lower, _REPORT_WORDS):
        return False
    return _REPORTING.search(text, lower) is not None


def _paragraph_obligations(symbol: str, paragraph: Paragraph) -> list[Obligation]:
    found: list[Obligation] = []
    clauses = paragraph.facts.clauses
    for index, clause in enumerate(clauses, start=1):
        kind = clause_kind(clause)
        if kind is None:
            continue
        lists_items = index == len(clauses) and bool(paragraph.items)
        obligation = _clause_obligation(symbol, paragraph, index, clause, kind, lists_items)
        found.append(obligation)
        found.extend(
            _targets(obligation, paragraph.anchor, paragraph.number, paragraph.facts, clause.span)
        )
        if lists_items and kind not in ("report", "benchmark"):
            parent = _Parent(
                obligation.id, _item_kind(clause, kind), obligation.owner, obligation.due
            )
            for item in paragraph.items:
                found.extend(_item_obligations(symbol, paragraph.number, item, parent))
    return found


def _clause_obligation(
    symbol: str,
    paragraph: Paragraph,
    index: int,
    clause: Clause,
    kind: ObligationKind,
    lists_items: bool,
) -> Obligation:
    facts = paragraph.facts
    within = _within(clause.span)
    focus = _focus(paragraph.items) if lists_items and kind in ("report", "benchmark") else ()
    return Obligation(
        id=f"{symbol}#{paragraph.anchor}#c{index}#{kind}",
        kind=kind,
        title=_title(clause.text),
        owner=_owner(clause),
        source=Source(paragraph.number, paragraph.anchor, clause.span, clause.text),
        due=next((d.date for d in facts.deadlines if within(d.span)), None),
        recurrence=next((r.interval for r in facts.recurrences if within(r.span)), None),
        targets=tuple(t for t in facts.targets if within(t.span)),
        tasks=tuple(t for t in facts.tasks if within(t.span)),
        focus=focus,
    )


def _item_obligations(symbol: str, number: str, item: Item, parent: _Parent) -> list[Obligation]:
    facts = item.facts
    obligation = Obligation(
        id=f"{symbol}#{item.anchor}#{parent.kind}",
        kind=parent.kind,
        title=_title(item.title or item.text),
        owner=parent.owner,
        source=Source(number, item.anchor, (0, len(item.text)), item.text or item.title or ""),
        due=facts.deadlines[0].date if facts.deadlines else parent.due,
        recurrence=facts.recurrences[0].interval if facts.recurrences else None,
        targets=tuple(facts.targets),
        tasks=tuple(facts.tasks),
        parent=parent.id,
    )
    found = [obligation, *_targets(obligation, item.anchor, number, facts, (0, len(item.text)))]
    child_parent = _Parent(obligation.id, parent.kind, parent.owner, obligation.due)
    for child in item.items:
        found.extend(_item_obligations(symbol, number, child, child_parent))
    return found


def _targets(
    owner: Obligation, anchor: str, number: str, facts: Facts, span: Span
) -> list[Obligation]:
    within = _within(span)
    return [
        Obligation(
            id=f"{owner.id}#target-{k}",
            kind="target",
            title=target.text,
            owner=owner.owner,
            source=Source(number, anchor, target.span, target.text),
            due=owner.due,
            targets=(target,),
            parent=owner.id,
        )
        for k, target in enumerate((t for t in facts.targets if within(t.span)), start=1)
    ]


def _item_kind(clause: Clause, kind: ObligationKind) -> ObligationKind:
    if _PRIORITY.search(clause.text):
        return "priority-measure"
    if _mission_side(clause.addressees):
        return "mission-task"
    return kind


def _focus(items: list[Item]) -> tuple[str, ...]:
    return tuple(f"{item.label} {_title(item.title or item.text)}" for item in items)


def _owner(clause: Clause) -> str:
    if clause.addressees:
        return ", ".join(clause.addressees)
    return COUNCIL if clause.force == "decision" else UNSPECIFIED


def _mission_side(names: tuple[str, ...]) -> bool:
    return any(map(actors().is_mission, names))


def _within(span: Span) -> _SpanTest:
    return _SpanTest(span)


@dataclass(frozen=True)
class _SpanTest:
    span: Span

    def __call__(self, inner: Span) -> bool:
        return self.span[0] <= inner[0] < self.span[1]


def _title(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ,;:.")
    if len(text) <= _TITLE_LENGTH:
        return text
    cut = text.rfind(" ", 0, _TITLE_LENGTH)
    return text[: cut if cut > 0 else _TITLE_LENGTH].rstrip(" ,;:") + " …"
