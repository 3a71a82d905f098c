"""The vocabulary files load into typed objects and agree with the design notes."""

from __future__ import annotations

import pytest

from mandate_tracker.analyse import vocabulary
from mandate_tracker.analyse.actors import canonical
from mandate_tracker.analyse.tasks import Segment, code_tasks
from mandate_tracker.errors import ValidationError

PEMA_TASKS = {
    "ArmsEmbargo", "BorderControl", "Ceasefire", "ChildRights", "CivProtect", "CivilSociety",
    "ControlSALW", "CorrectionsReform", "CulturalHeritage", "Demil", "Demining", "Democratization",
    "DisarmDemob", "EcDevelop", "ElectAssist", "ElectSec", "Gender", "HumanRelief", "HumanRights",
    "JusticeReform", "LegalReform", "LocalReconcil", "Media", "MilitaryReform", "OffensOper",
    "PeaceProcess", "PolPartyAssist", "PoliceReform", "PowerSharing", "PublicHealth", "PublicInfo",
    "Reconcil", "RefugeeIDPs", "RegReconcil", "Reintegration", "Resources", "SGBViolence",
    "StateAuthority", "TransJustice", "UseOfForce", "VoterEducation",
}  # fmt: skip


def test_task_lexicon_covers_exactly_the_pema_tasks() -> None:
    lexicon = vocabulary.task_lexicon()
    assert {entry.code for entry in lexicon.tasks} == PEMA_TASKS
    assert lexicon.only("UseOfForce") == "Security"


@pytest.mark.parametrize(
    ("printed", "force"),
    [
        ("Decides", "decision"),
        ("Further authorizes", "decision"),
        ("Calls upon", "request"),
        ("further requests", "request"),
        ("Strongly condemns", "position"),
        ("Takes note", "position"),
        ("expresses its intent", "position"),
        ("Beseeches", "unknown"),
    ],
)
def test_force_of_printed_verbs(printed: str, force: str) -> None:
    assert vocabulary.verbs().force_of(printed) == force


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("the Special Representative of the Secretary-General", "SRSG"),
        ("FC-G5S", "G5 Sahel joint force"),
        ("troop- and police-contributing countries", "Troop- and police-contributing countries"),
        ("the Malian authorities", "Malian authorities"),
        ("the Carter Center", "Independent Observer"),
        ("the Kingdom of Nowhere", "the Kingdom of Nowhere"),  # unknown actors kept as written
    ],
)
def test_actor_aliases(alias: str, name: str) -> None:
    assert canonical(alias) == name


def test_malformed_vocabulary_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocabulary, "_read", lambda name: "operative: [unclosed")
    with pytest.raises(ValidationError, match=r"data/vocab/verbs\.yaml"):
        vocabulary._load("verbs.yaml")


def test_bad_task_pattern_names_the_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        vocabulary, "_read", lambda name: "tasks:\n  Broken:\n    cues: ['(unclosed']\n"
    )
    vocabulary.task_lexicon.cache_clear()
    try:
        with pytest.raises(ValidationError, match=r"tasks\.Broken"):
            vocabulary.task_lexicon()
    finally:
        vocabulary.task_lexicon.cache_clear()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A word starts after any character that is no word character or "-", ASCII or not.
        ("“Protection of civilians”", [(1, 24, "CivProtect", "Protection of civilians")]),
        ("(protect civilians)", [(1, 18, "CivProtect", "protect civilians")]),
        ("\u00a0protect civilians", [(1, 18, "CivProtect", "protect civilians")]),
        # Not inside a word, whether the letter before is ASCII, accented or a digit, nor
        # after a hyphen.
        ("unprotect civilians", []),
        ("éprotect civilians", []),
        ("2protect civilians", []),
        ("non-protect civilians", []),
    ],
)
def test_task_cues_start_at_word_starts(text: str, found: list[tuple[int, int, str, str]]) -> None:
    assert vocabulary.task_lexicon().task_cues.scan(text) == found


def test_task_cue_key_must_lie_in_the_span_but_the_cue_may_run_past_it() -> None:
    text = "and to protect civilians under threat"
    cues = vocabulary.task_lexicon().task_cues
    start = text.index("protect")
    assert cues.scan(text, ((0, start + 3),)) == [(7, 24, "CivProtect", "protect civilians")]
    assert cues.scan(text, ((0, start + 2),)) == []


_SHARED_STARTS_TEXT = (
    "Requests MINUSMA to support the “protection of civilians”, to monitor human rights "
    "violations (protect\u00a0civilians) and the éprotect civilians, and to assist in "
    "disarmament, demobilization and reintegration/protection of children"
)


@pytest.mark.parametrize(
    "cut",
    sorted({0, 9, 17, 25, 60, 61, 62, 63, 100, 140, len(_SHARED_STARTS_TEXT)}),
)
def test_cues_from_starts_shared_by_both_cue_sets_are_those_of_a_scan(cut: int) -> None:
    """One search for where a task or a modality cue may start, over the whole text, gives
    each set the very cues its own scan of a span finds: no more, none fewer, none lost at
    a span's edges or after a non-ASCII separator."""
    lexicon = vocabulary.task_lexicon()
    text = _SHARED_STARTS_TEXT
    lower = vocabulary.lower_keeping_length(text)
    starts = lexicon.cue_starts.within(lower, 0, len(text))
    for cues in (lexicon.task_cues, lexicon.modality_cues):
        for span in ((0, cut), (cut, len(text))):
            assert cues.matches_in(text, lower, starts, span) == cues.scan(text, (span,))
    assert lexicon.task_cues.scan(text)  # the text does hold cues of both sets
    assert lexicon.modality_cues.scan(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the mission shall patrol", [(18, 24, "Patrol", "patrol")]),
        ("and escort convoys", [(4, 18, "Patrol", "escort convoys")]),
        ("a [|] sign", []),  # "|" inside a class or escaped never splits a cue
    ],
)
def test_each_top_level_alternative_of_a_cue_is_found(
    monkeypatch: pytest.MonkeyPatch, text: str, found: list[tuple[int, int, str, str]]
) -> None:
    lexicon = "tasks:\n  Patrol:\n    cues: ['patrol|escort convoys', 'sig[|]n', 'sig\\\\|n']\n"
    monkeypatch.setattr(vocabulary, "_read", lambda name: lexicon)
    vocabulary.task_lexicon.cache_clear()
    try:
        assert vocabulary.task_lexicon().task_cues.scan(text) == found
    finally:
        vocabulary.task_lexicon.cache_clear()


def test_task_coding_takes_segments_in_order_only() -> None:
    """The cues of one search are shared out to the segments in order (a provision's clauses
    always are); segments out of order or overlapping would be coded wrong, so they are
    refused."""
    text = "Requests the Mission to protect civilians and to support elections"
    one, two = Segment((0, 40), mission=True), Segment((30, len(text)), mission=True)
    assert [code.task for code in code_tasks(text, [one])] == ["CivProtect"]
    with pytest.raises(ValueError, match="in order"):
        code_tasks(text, [one, two])
    with pytest.raises(ValueError, match="in order"):
        code_tasks(text, [Segment((41, len(text)), mission=True), one])
