"""The two scanning shortcuts the analysis relies on for speed must never change a match:
a case-blind pattern finds the same spans whether it scans the lower-cased ASCII text or the
text itself, and the digit test says "no digit" only where ``\\d`` finds none."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandate_tracker.analyse.caseblind import CaseBlind
from mandate_tracker.analyse.digits import has_digit

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
