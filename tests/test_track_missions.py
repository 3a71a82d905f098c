"""Which mission a resolution renews, and until when: phrasings from real resolutions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mandate_tracker.parse import parse_text
from mandate_tracker.track.missions import extension_date, mandate_end_of, mission_of

D = dt.date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Decides to extend the mandate of MINUSMA until 30 June 2021;", D(2021, 6, 30)),
        ("Decides to extend until 31 March 2018 the mandate of MONUSCO in the DRC", D(2018, 3, 31)),
        (
            "Decides that the mandate of UNMIL shall be extended until 30 September 2014",
            D(2014, 9, 30),
        ),
        ("Decides to renew the mandate of UNMISS until 30 April 2024", D(2024, 4, 30)),
        ("Decides to extend the mandate until 31 February 2021", None),  # no such day
        ("Recalls the agreement signed on 15 October 2018 on the mandate", None),
        ("Decides to extend the deployment of the force until 1 May 2020", None),  # not a mandate
    ],
)
def test_extension_date(sentence: str, expected: dt.date | None) -> None:
    assert extension_date(sentence) == expected


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("index", "mission", "end"),
    [
        (4, "MONUSCO", D(2018, 3, 31)),
        (7, "UNMIL", D(2014, 9, 30)),
        (8, "MINUSMA", D(2023, 6, 30)),
        (10, "MINUSCA", D(2024, 11, 15)),
    ],
)
def test_real_drafts(shared_data: Path, index: int, mission: str, end: dt.date) -> None:
    drafts = shared_data / "unsc-resolutions" / "unbench-drafts" / "data" / "task3.json"
    doc = parse_text(json.loads(drafts.read_text(encoding="utf-8"))["drafts"][index], "task3")
    assert (mission_of(doc), mandate_end_of(doc)) == (mission, end)
