"""The scanning shortcuts the analysis relies on for speed must never change a match: a
case-blind pattern finds the same spans whether it scans the lower-cased ASCII text or the
text itself, the digit test says "no digit" only where ``\\d`` finds none, clause connectors
found in a marked copy of the text are those of the text, and the actor scan (a trie, tried after
a separator) finds the alias that trying every alias longest first finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandate_tracker.analyse.actors import _aliases
from mandate_tracker.analyse.caseblind import CaseBlind
from mandate_tracker.analyse.clauses import _inner_start, clause_starts
from mandate_tracker.analyse.digits import has_digit
from mandate_tracker.analyse.vocabulary import actors

QUARTERLY = CaseBlind.compile(r"every (?P<n>three|six) months", word_start=True)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Requests a report Every Three Months and every six months", [(18, 36), (41, 57)]),
        ("everysix months; EVERY THREE MONTHS", [(17, 35)]),
        # beyond ASCII: "ı" (dotless i) and "ſ" (long s) match "i" and "s" case-blind
        ("Requests reports évery three months, every ſix months", [(37, 53)]),
        ("no recurrence here", []),
    ],
)
def test_case_blind_pattern_finds_what_ignorecase_finds(
    text: str, spans: list[tuple[int, int]]
) -> None:
    found = [m.span() for m in QUARTERLY.finditer(text, text.lower())]
    reference = re.compile(r"\bevery (three|six) months", re.IGNORECASE)
    assert found == spans == [m.span() for m in reference.finditer(text)]


def test_a_case_blind_pattern_must_be_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        CaseBlind.compile(r"Every \S+")


@given(st.text(alphabet="evryEVRY ıſKk3six monthsSIXMONTHS", max_size=60))
def test_case_blind_matches_agree_with_ignorecase_on_any_text(text: str) -> None:
    reference = re.compile(r"\bevery (?:three|six) months", re.IGNORECASE)
    found = [m.span() for m in QUARTERLY.finditer(text, text.lower())]
    assert found == [m.span() for m in reference.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 2,000 members", True),
        ("no number at all", False),
        ("Arabic-Indic digits ٣٠ per cent", True),  # \d matches them too
        ("the twentieth of June", False),
        ("", False),
    ],
)
def test_has_digit_is_what_backslash_d_says(text: str, expected: bool) -> None:
    assert has_digit(text) is expected is (re.search(r"\d", text) is not None)


@given(st.text(max_size=40))
def test_has_digit_never_disagrees_with_backslash_d(text: str) -> None:
    assert has_digit(text) is (re.search(r"\d", text) is not None)


# Clause connectors are looked for in a copy of the text with their openings marked
# (analyse/clauses.py): the clauses must be those the connector pattern finds in the text.
_CLAUSE_PIECES = [
    ", ", "; ", ", and ", " and ", " but ", ",and ", " ,", "\nand ", "\tbut ", " ", ",", ";",
    "\x00", "\x01", ", \x01d ", "and", "but", ", while ", "requests", "demands", "further",
    "calls upon", "stands", "andrew", "butter", "the Council", "Decides", "ı",
]  # fmt: skip


@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=12))
def test_clause_starts_are_the_connectors_the_text_holds(pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = clause_starts(text)
    floor = starts[0].end
    in_text = [
        m.span("verb")
        for m in _inner_start().finditer(text, floor)
        if not (m.start() == floor and text[floor : floor + 1] in "ab")
    ]
    assert [(s.start, s.end) for s in starts[1:]] == in_text


def _aliases_longest_first() -> re.Pattern[str]:
    """Every alias tried in turn, the longest first (those in lower case case-blind): what
    the actor scan must find, however it is built."""
    aliases = sorted((a for actor in actors().actors for a in actor.aliases), key=len, reverse=True)
    tried = "|".join(f"(?i:{re.escape(a)})" if a == a.lower() else re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w-])(?:{tried})(?![\w-])")


_ALIAS_PIECES = [
    *(alias for actor in actors().actors for alias in actor.aliases),
    "the ", "The ", "THE ", "Panel", "PANEL", "experts", "ı", "ſ", "\u212a", "-", " ", ", ",
    "s", "x", "(", ".",
]  # fmt: skip


@given(st.lists(st.sampled_from(_ALIAS_PIECES), max_size=8), st.booleans())
def test_actor_scan_finds_the_longest_alias(pieces: list[str], upper: bool) -> None:
    text = "".join(pieces)
    text = text.upper() if upper else text
    found = [(m.start(1) - 1, m.end(1) - 1) for m in _aliases(text)]  # see _aliases
    assert found == [m.span() for m in _aliases_longest_first().finditer(text)]
