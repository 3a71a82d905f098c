"""Cleaning: page furniture out, PDF spacing repaired, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mandate_tracker.ingest.clean import clean, repair_spacing
from tests.helpers import SEED


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("to protect civi lians, reduce", "to protect civilians, reduce"),
        ("sectors to rapidly respon d, in", "sectors to rapidly respond, in"),
        ("through intra -mission dedicated", "through intra-mission dedicated"),
        ("and t o the stabilization", "and to the stabilization"),
        # "threat en" alone is two words; the document's own "threaten" elsewhere decides
        ("that threat en it, or threaten peace", "that threaten it, or threaten peace"),
        ("respective m andates and", "respective mandates and"),
        ("in Mali ’s legislation", "in Mali's legislation"),
        ("the Sahelian States ’ military", "the Sahelian States' military"),
        ("in Mali ( “the Agreement”), which", 'in Mali ("the Agreement"), which'),
        ("the Secretary -General", "the Secretary-General"),
        ("international humanitarian , human rights", "international humanitarian, human rights"),
        ("and th e conduct", "and the conduct"),
    ],
)
def test_pdf_spacing_is_repaired(broken: str, repaired: str) -> None:
    assert clean(broken).text == repaired


@pytest.mark.parametrize(
    "kept",
    [
        "a part of the plan",  # two real words stay two words
        "30 per cent of State revenues",
        "troop- and police-contributing countries",
        "paragraphs (b) and (c)",
        "Mahamadou Ag Rhissa",
        "Stratégie de stabilisation du centre du Mali",
    ],
)
def test_real_words_are_not_joined(kept: str) -> None:
    assert clean(kept).text == kept


def test_page_furniture_is_removed_and_link_targets_kept() -> None:
    cleaned = clean(SEED.read_text(encoding="utf-8"))
    lines = cleaned.text.split("\n")
    assert "S/2020/600" not in [line.strip() for line in lines]
    assert not any(line.strip().startswith("https://undocs.org") for line in lines)
    assert not any("20-08606 2/17" in line or "*2008606*" in line for line in lines)
    assert "S/RES/2374(2017)" in cleaned.link_targets
    assert "S/PRST/2018/10" in cleaned.link_targets
    assert "S/2020/476" in cleaned.link_targets
    assert " United Nations S/2020/600" in lines  # the title block is not furniture


@pytest.mark.parametrize(
    "header",
    ["S/2020/600", "S/RES/1445 (2002)", "S/RES/2531(2020)", "20-08606 2/17", "3/17 20-08606"],
)
def test_page_headers_and_footers_are_furniture(header: str) -> None:
    assert clean(f"first line\n{header}\nsecond line").text == "first line\nsecond line"


def test_indentation_is_kept_as_a_layout_signal() -> None:
    assert repair_spacing("   1.  Decides  to extend") == "   1. Decides to extend"


def test_cleaning_the_seed_is_idempotent() -> None:
    once = clean(SEED.read_text(encoding="utf-8")).text
    assert clean(once).text == once


WORDS = st.sampled_from(
    [
        "the",
        "civi",
        "lians",
        "th",
        "e",
        "Mali",
        "’s",
        "-mission",
        "intra",
        "S/2020/600",
        "a",
        "part",
        "per",
        "cent",
        ",",
        ";",
        "(",
        "“",
        "”",
        "–",
        "1.",
        "(a)",
        "https://undocs.org/x",
    ]
)
LINES = st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=12)


@settings(max_examples=200, deadline=None)
@given(lines=LINES, indents=st.lists(st.integers(0, 3), max_size=12))
@example(lines=["https://undocs.org/x ’s"], indents=[])  # mending the apostrophe makes a link line
def test_cleaning_is_idempotent(lines: list[str], indents: list[int]) -> None:
    text = "\n".join(
        " " * (indents[i] if i < len(indents) else 0) + line for i, line in enumerate(lines)
    )
    once = clean(text).text
    assert clean(once).text == once


def test_wide_punctuation_and_control_characters_are_kept() -> None:
    # cleaning works on a narrow copy with control characters standing in for the dashes;
    # one already in the text ("\x01") is kept apart from them
    cleaned = clean("a – b\x01 — c • d\nhttps://undocs.org/S/2020/600–1\nthreat en – threaten")
    assert cleaned.text == "a – b\x01 — c • d\nthreaten – threaten"
    assert cleaned.link_targets == ("S/2020/600–1",)
    # no control character may stand in for a letter, even one without case: "中" binds "th"
    # into a longer word
    assert clean("a – b and 中th e").text == "a – b and 中th e"


WIDE_WORDS = st.one_of(
    WORDS, st.sampled_from(["—", "•", "…", "x–y", "\x01", "\x02", "https://undocs.org/S/1–2"])
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.lists(WIDE_WORDS, max_size=8).map(" ".join), max_size=12))
def test_wide_punctuation_is_cleaned_as_in_a_text_kept_wide(lines: list[str]) -> None:
    # A wide letter ("ł") before any wide punctuation keeps a text wide: no character is stood
    # in for. Cleaning must come to the same either way.
    text = "\n".join(lines)
    narrowed = clean(text)
    kept_wide = clean(f"ł\n{text}")
    assert kept_wide.text.removeprefix("ł").lstrip("\n") == narrowed.text
    assert kept_wide.link_targets == narrowed.link_targets


def test_a_lone_surrogate_is_kept_while_the_document_is_asked_for_a_word() -> None:
    """A str made by Python code may hold a lone surrogate, which UTF-8 cannot encode; judging
    a split word ("threat en") asks the document whether it uses the joined word, and that
    must not fail on it."""
    cleaned = clean("that threat en it, or threaten peace \udc80")
    assert cleaned.text == "that threaten it, or threaten peace \udc80"
