"""Properties of the reader on generated resolutions: it never loses a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mandate_tracker.ingest import clean
from mandate_tracker.parse import parse_text
from mandate_tracker.parse.render import document_text
from tests.helpers import alnum

WORD = st.sampled_from(
    [
        "the",
        "Council",
        "Mali",
        "MINUSMA",
        "civilians",
        "to",
        "and",
        "of",
        "2,000",
        "30",
        "per",
        "cent",
        "(i)",
        "(v)",
        "–",
        "in",
        "particular:",
        "S/2020/600",
        "Decides",
        "Urges",
        "a",
    ]
)
SENTENCE = st.lists(WORD, min_size=1, max_size=14).map(" ".join)
PREAMBLE = st.lists(
    st.tuples(
        st.sampled_from(["Recalling", "Strongly condemning", "Noting", "Mindful"]), SENTENCE
    ).map(lambda pair: f"{pair[0]} {pair[1]},"),
    max_size=4,
)
ITEM = st.tuples(st.sampled_from(["(a)", "(b)", "(i)", "–", "(c)"]), SENTENCE).map(
    lambda pair: f"{pair[0]} {pair[1]};"
)
PARAGRAPH = st.tuples(
    st.sampled_from(["Decides", "Requests", "Calls upon", "Urges", "Welcomes"]),
    SENTENCE,
    st.lists(ITEM, max_size=3),
)
HEADING = st.sampled_from(["", "Protection of civilians", "Reports by the Secretary-General"])


def resolution(
    preamble: list[str],
    paragraphs: list[tuple[str, str, list[str]]],
    headings: list[str],
    layout: str,
) -> str:
    lines = ["The Security Council,", *preamble]
    for number, (verb, text, items) in enumerate(paragraphs, start=1):
        heading = headings[number % len(headings)] if headings else ""
        if heading:
            lines.append(heading)
        lines.append(f"{number}. {verb} {text}" + (":" if items else ";"))
        lines.extend(items)
    if layout == "indent":
        return "\n".join(" " + line for line in lines)
    return ("\n\n" if layout == "blank" else "\n").join(lines)


@settings(max_examples=150, deadline=None)
@given(
    preamble=PREAMBLE,
    paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=5),
    headings=st.lists(HEADING, max_size=3),
    layout=st.sampled_from(["indent", "blank", "lines"]),
)
def test_reading_never_loses_text(
    preamble: list[str],
    paragraphs: list[tuple[str, str, list[str]]],
    headings: list[str],
    layout: str,
) -> None:
    text = resolution(preamble, paragraphs, headings, layout)
    doc = parse_text(text)
    assert alnum(document_text(doc)) == alnum(clean(text).text)
    assert [p.number for p in doc.paragraphs] == [str(n) for n in range(1, len(paragraphs) + 1)]


RUN_IN = """The Security Council,
Recalling its resolutions,
1. Decides to renew the mandate; 2. Requests a report on the measures in paragraph 2. Further \
requests him to act; Reporting and review 3. Decides to remain seized of the matter.
"""


def test_paragraphs_run_into_one_line_are_split_at_each_expected_number() -> None:
    # A heading may run in before a number ("Reporting and review 3."); the paragraph's own
    # number printed again inside it ("paragraph 2. Further") is neither a split nor a heading.
    doc = parse_text(RUN_IN)
    assert [(p.number, p.heading, p.text) for p in doc.paragraphs] == [
        ("1", None, "Decides to renew the mandate;"),
        (
            "2",
            None,
            "Requests a report on the measures in paragraph 2. Further requests him to act;",
        ),
        ("3", "Reporting and review", "Decides to remain seized of the matter."),
    ]
    assert not doc.unclassified
