# ruff: noqa: E501  (verbatim resolution phrases read best on one line)
"""Deadlines, recurrences, targets and references: the contested cases of issue 3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mandate_tracker.analyse import analyse_document, derive_obligations
from mandate_tracker.analyse.dates import DateContext, deadlines, mandate_end, recurrences
from mandate_tracker.analyse.references import paragraph_references, references, resolution_years
from mandate_tracker.analyse.targets import targets
from mandate_tracker.analyse.vocabulary import verbs
from mandate_tracker.model import Document, PartialDate, walk_items
from mandate_tracker.parse import parse_text
from tests.helpers import SEED
from tests.seed_paragraphs import SOURCES, analysed_seed

SEED_CONTEXT = DateContext(dt.date(2020, 6, 29), PartialDate(2021, 6, 30))


@pytest.fixture(scope="module", params=SOURCES)
def seed(request: pytest.FixtureRequest) -> Document:
    return analysed_seed(request.param)


DEADLINE_CASES = [
    (
        "to be presented in its entirety to the Security Council by 31 March 2021;",
        "2021-03-31",
        None,
    ),
    ("to include in its April 2021 report on the G5 Sahel an assessment", "2021-04", None),
    ("priority measures before the end of MINUSMA’s current mandate:", "2021-06-30", "mandate-end"),
    (
        "to use all necessary means until the end of MINUSMA’s mandate as authorized",
        "2021-06-30",
        "mandate-end",
    ),
    (
        "to include in his first quarterly report following the adoption",
        "2020-09-29",
        "first-periodic-report",
    ),
    ("Decides to extend the mandate of MINUSMA until 30 June 2021;", "2021-06-30", None),
    ("within 30 days of the adoption of this resolution", "2020-07-29", "adoption"),
]
NOT_DEADLINES = [
    "recalls the provisions of the Pact for Peace signed on 15 October 2018 between",
    "Welcoming the Pau Summit of 13 January 2020 and the creation",
    "the massacres that killed hundreds of civilians in 2019 and 2020",
    "Children And Armed Conflict in Mali adopted by the Security Council working group on 19 June 2018",
    "signed by the United Nations and the Government of Mali in March 2019",
    "referral of the transitional authorities of Mali dated 13 July 2012",
    "a deadline of 31 March 2019 that has passed, by 31 March 2019",
]


@pytest.mark.parametrize(("text", "date", "resolved_from"), DEADLINE_CASES)
def test_deadlines(text: str, date: str, resolved_from: str | None) -> None:
    found = deadlines(text, SEED_CONTEXT)
    assert [(str(d.date), d.resolved_from) for d in found] == [(date, resolved_from)]
    start, end = found[0].span
    assert text[start:end] == found[0].text


def test_every_kind_of_deadline_in_one_provision_in_text_order() -> None:
    text = (
        "to act before the end of MINUSMA’s current mandate, to report within 30 days of the "
        "adoption and in his first quarterly report following the adoption"
    )
    found = deadlines(text, SEED_CONTEXT)
    assert [(str(d.date), d.resolved_from, text[d.span[0] : d.span[1]]) for d in found] == [
        ("2021-06-30", "mandate-end", "before the end of MINUSMA’s current mandate"),
        ("2020-07-29", "adoption", "within 30 days of the adoption"),
        ("2020-09-29", "first-periodic-report", "first quarterly report"),
    ]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_event_dates_are_not_deadlines(text: str) -> None:
    assert deadlines(text, SEED_CONTEXT) == []


def test_month_deadline_is_a_partial_date_not_the_first_day() -> None:
    (deadline,) = deadlines("in its April 2021 report", SEED_CONTEXT)
    assert deadline.date == PartialDate(2021, 4) and deadline.date.precision == "month"


def test_mandate_end_is_found_in_the_document() -> None:
    assert mandate_end(
        ["Decides to extend the mandate of MINUSMA until 30 June 2021;"]
    ) == PartialDate(2021, 6, 30)
    assert mandate_end(["Decides to remain seized of the matter."]) is None


def test_relative_end_without_a_mandate_end_is_not_invented() -> None:
    assert (
        deadlines("before the end of MINUSMA’s current mandate", DateContext(dt.date(2020, 6, 29)))
        == []
    )


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "tasks to be completed prior to the end of the mandate, and",
            "prior to the end of the mandate",
        ),
        (
            "until\n  the end of the present mandate period;",
            "until\n  the end of the present mandate period",
        ),
        (
            "at the end of Mali's existing mandate and by the end of the mandate",
            "at the end of Mali's existing mandate",
        ),
    ],
)
def test_mandate_end_deadline_spans_its_cue_word(text: str, printed: str) -> None:
    found = deadlines(text, SEED_CONTEXT)
    assert found[0].text == printed and text[found[0].span[0] : found[0].span[1]] == printed
    assert all(d.resolved_from == "mandate-end" for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "so that the end of the mandate is near",  # "that": the cue must be a whole word
        "bat the end of the mandate",
        "by the end of the year",  # not the mandate's end
        "by the end of 2021 and the end of the mandate",  # no cue before the second
    ],
)
def test_end_of_mandate_needs_a_cue_word_before_it(text: str) -> None:
    assert [d for d in deadlines(text, SEED_CONTEXT) if d.resolved_from == "mandate-end"] == []


RECURRENCE_CASES = [
    ("to report to the Security Council every three months after the adoption", "P3M"),
    ("to provide every six months the Security Council with a letter", "P6M"),
    ("to report annually on", "P1Y"),
    ("every year", "P1Y"),
    ("to brief the Council monthly", "P1M"),
    ("every 90 days", "P90D"),
    ("to submit quarterly reports", "P3M"),
    ("the Working Group will meet at least bi-annually", "P6M"),
]


@pytest.mark.parametrize(("text", "interval"), RECURRENCE_CASES)
def test_recurrences(text: str, interval: str) -> None:
    assert [r.interval for r in recurrences(text)] == [interval]


def test_first_quarterly_report_is_not_a_recurrence() -> None:
    assert recurrences("to include in his first quarterly report following the adoption") == []


TARGET_CASES = [
    (
        "training at least 2,000 members of the signatory armed groups, in addition",
        [(2000, "members", ">=", "members of the signatory armed groups")],
    ),
    (
        "MINUSMA shall continue to comprise up to 13,289 military personnel and 1,920 police personnel;",
        [
            (13289, "personnel", "<=", "military personnel"),
            (1920, "personnel", "<=", "police personnel"),
        ],
    ),
    (
        "the transfer of decentralized State services and 30 per cent of State revenues to",
        [(30, "percent", "=", "State revenues")],
    ),
    (
        "meeting the 30 per cent quota for women in all political functions",
        [(30, "percent", "=", "quota for women")],
    ),
    ("shall not exceed 500 troops", [(500, "troops", "<=", None)]),
    # the noun phrase ends where the clause's verb starts
    ("Decides that at least 2,000 members shall be deployed", [(2000, "members", ">=", None)]),
    ("no fewer than 500 troops will remain", [(500, "troops", ">=", None)]),
    ("up to 40 civilian staff are deployed", [(40, "staff", "<=", "civilian staff")]),
    ("a maximum of 25 observers", [(25, "observers", "<=", None)]),
    ("in each of the five regions of Northern Mali", []),
    ("up to 4,050 personnel unless the Council decides", [(4050, "personnel", "<=", None)]),
    ("no more than 10 observers per team", [(10, "observers", "<=", None)]),
    # a date, a span of time and a statistic are not goals
    ("any contract concluded up to 1 August 1990", []),
    ("for more than 6 months prior to the elections", []),
    ("the killing of more than 1,000 civilians", []),
]


@pytest.mark.parametrize(("text", "expected"), TARGET_CASES)
def test_targets(text: str, expected: list[tuple[float, str, str, str | None]]) -> None:
    found = targets(text)
    assert [(t.value, t.unit, t.comparator, t.subject) for t in found] == expected
    for target in found:
        assert text[target.span[0] : target.span[1]] == target.text


SEED_YEARS = {"2391": "2017", "2374": "2017", "2480": "2019"}
REFERENCE_CASES = [
    ("pursuant to resolution 2374 (2017), among", [("S/RES/2374(2017)", None)]),
    ("the report of the Secretary-General (S/2020/476)", [("S/2020/476", None)]),
    ("its Presidential Statement of 14 May 2018 (S/PRST/2018/10),", [("S/PRST/2018/10", None)]),
    ("based both on resolution 2391 and on the technical agreement", [("S/RES/2391(2017)", None)]),
    (
        "Recalls all provisions of paragraph 13 of resolution 2391, takes",
        [("S/RES/2391(2017)", "paragraph 13")],
    ),
    ("set by paragraph 33 (iii) of resolution 2391", [("S/RES/2391(2017)", "paragraph 33 (iii)")]),
    (
        "the exemptions set by paragraphs 2, 5, 6 and 7 of resolution 2374 (2017), welcomes",
        [("S/RES/2374(2017)", "paragraphs 2, 5, 6 and 7")],
    ),
    (
        "the priority measures of the Agreement referenced in paragraph 4 of resolution 2480 (2019) but",
        [("S/RES/2480(2019)", "paragraph 4")],
    ),
    (
        "recalls its requests in resolutions 2378 (2017) and 2436 (2018) that",
        [("S/RES/2378(2017)", None), ("S/RES/2436(2018)", None)],
    ),
    (
        "in accordance with General Assembly resolution 60/1 and A/RES/70/1",
        [("A/RES/60/1", None), ("A/RES/70/1", None)],
    ),
    ("the 2374 sanctions list", []),
    ("a bare resolution 9999 nobody dates", [("S/RES/9999", None)]),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCE_CASES)
def test_references(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = references(text, SEED_YEARS)
    assert [(r.symbol, r.pinpoint) for r in found] == expected
    assert paragraph_references(text) == []  # external pinpoints are never internal references


INTERNAL_CASES = [
    ("the priority measures referenced in paragraph 3 above,", ["3"]),
    (
        "a prioritization of tasks established in paragraphs 19 above and 28 and 29 below, requests",
        ["19", "28", "29"],
    ),
    ("on the basis of the methodology referred to in paragraph 49, including", ["49"]),
    ("with the reporting by the Secretary -General referred to in paragraph 62 below;", ["62"]),
    ("the measures in paragraph 1 of resolution 2368 (2017);", []),
    ("as set out in paragraph 5 of this resolution", ["5"]),
]


@pytest.mark.parametrize(("text", "numbers"), INTERNAL_CASES)
def test_paragraph_references(text: str, numbers: list[str]) -> None:
    found = paragraph_references(text)
    assert [r.number for r in found] == numbers
    for ref in found:
        assert text[ref.span[0] : ref.span[1]] == ref.number


def test_resolution_years_come_from_the_document() -> None:
    assert resolution_years(["as per resolution 2391 (2017)", "resolution 2391"]) == {
        "2391": "2017"
    }


def test_seed_paragraph_facts(seed: Document) -> None:
    p3 = seed.paragraph("3")
    assert [(str(d.date), d.resolved_from) for d in p3.facts.deadlines] == [
        ("2021-06-30", "mandate-end")
    ]
    p5 = seed.paragraph("5")
    assert [r.number for r in p5.facts.paragraph_references] == ["3"]
    assert {r.symbol for r in p5.facts.references} == {"S/RES/2374(2017)"}
    p38 = seed.paragraph("38")
    assert [str(d.date) for d in p38.facts.deadlines] == ["2021-04", "2021-06-30"]
    assert {(r.symbol, r.pinpoint) for r in p38.facts.references} >= {
        ("S/RES/2391(2017)", "paragraph 13"),
        ("S/2020/476", None),
        ("S/RES/2391(2017)", "paragraph 33 (iii)"),
    }
    assert p38.facts.paragraph_references == []
    assert [r.interval for r in seed.paragraph("62").facts.recurrences] == ["P3M"]
    assert [r.interval for r in seed.paragraph("63").facts.recurrences] == ["P6M"]
    assert [str(d.date) for d in seed.paragraph("64").facts.deadlines] == ["2021-03-31"]
    dash = seed.paragraph("3").items[0]
    assert [(t.value, t.comparator) for t in dash.facts.targets] == [(2000, ">=")]
    assert [
        r.number for r in walk_items(seed.paragraph("62").items)[0].facts.paragraph_references
    ] == ["3"]


def test_preamble_gets_references(seed: Document) -> None:
    found = {p.text[:30]: [r.symbol for r in p.facts.references] for p in seed.preamble}
    assert found["Reaffirming the basic principl"] == ["S/PRST/2018/10"]
    assert found["Taking note of the report of t"] == ["S/2020/476", "S/2020/481"]


# Letters a case-blind pattern takes for ASCII ones: "ſ" for "s", "ı" and "İ" for "i", the
# Kelvin sign for "k". A provision printed with one is matched by the patterns, and the words
# they match must still be looked up in the ASCII vocabularies (a KeyError before).
LOOKALIKE_CASES = [
    (lambda: [r.interval for r in recurrences("to report every ſix months")], ["P6M"]),
    (lambda: [r.interval for r in recurrences("to report every sİx months")], ["P6M"]),
    (lambda: [(t.comparator, t.value) for t in targets("at leaſt 2,000 members")], [(">=", 2000)]),
    (lambda: [(t.comparator, t.value) for t in targets("a mınımum of 25 observers")], [(">=", 25)]),
    (lambda: verbs().force_of("Decıdes"), "decision"),
    (lambda: verbs().force_of("Requeſts"), "request"),
]


@pytest.mark.parametrize(("found", "expected"), LOOKALIKE_CASES)
def test_lookalike_letters_are_read_as_the_letters_they_match(
    found: Callable[[], object], expected: object
) -> None:
    assert found() == expected


@pytest.mark.parametrize(
    ("letter", "lookalike"), [("s", "ſ"), ("i", "ı"), ("k", "\u212a"), ("I", "İ")]
)
def test_the_seed_with_lookalike_letters_analyses_without_error(
    letter: str, lookalike: str
) -> None:
    document = analyse_document(parse_text(SEED.read_text("utf-8").replace(letter, lookalike)))
    assert len(document.paragraphs) == 65
    assert derive_obligations(document)
