"""Which mission a resolution is about, and when its mandate ends.

The mission is the known mission acronym (``data/missions.yaml``) the resolution names most
often; renewals of the same mission are linked through it. The mandate end is the date in the
operative paragraph that extends or renews the mandate ("Decides to extend the mandate of
MINUSMA until 30 June 2021").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mandate_tracker.model import Document, walk_items

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
        ],
        start=1,
    )
}  # fmt: skip
DATE = r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})"
# The ways a resolution extends a mandate, each capturing the date (day, month name, year):
EXTENSIONS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "Decides to extend the mandate of MINUSMA until 30 June 2021"
        rf"\b(?:extend|renew)\w*\b[^;.]{{0,200}}?\bmandate\b[^;.]{{0,200}}?\buntil\s+{DATE}",
        # "Decides to extend until 31 March 2018 the mandate of MONUSCO"
        rf"\b(?:extend|renew)\w*\s+until\s+{DATE}[^;.]{{0,100}}?\bmandate\b",
        # "Decides that the mandate of UNMIL shall be extended until 30 September 2014"
        rf"\bmandate\b[^;.]{{0,200}}?\b(?:extended|renewed)\s+until\s+{DATE}",
    )
)


@dataclass(frozen=True)
class Mission:
    acronym: str
    name: str
    country: str


@cache
def known_missions() -> tuple[Mission, ...]:
    text = resources.files("mandate_tracker.data").joinpath("missions.yaml").read_text("utf-8")
    return tuple(Mission(**entry) for entry in yaml.safe_load(text))


def operative_texts(doc: Document) -> list[str]:
    texts: list[str] = []
    for paragraph in doc.paragraphs:
        texts.append(paragraph.text)
        texts.extend(item.text for item in walk_items(paragraph.items))
        if paragraph.tail:
            texts.append(paragraph.tail)
    return texts


def mission_of(doc: Document) -> str | None:
    """The acronym of the mission the document names most often, or ``None``."""
    text = " ".join(operative_texts(doc))
    counts = Counter[str]()
    for mission in known_missions():
        counts[mission.acronym] = len(re.findall(rf"\b{mission.acronym}\b", text))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] > 0 else None


def mandate_end_of(doc: Document) -> dt.date | None:
    """The date until which an operative paragraph extends or renews the mandate."""
    for text in operative_texts(doc):
        found = extension_date(" ".join(text.split()))
        if found is not None:
            return found
    return None


def extension_date(text: str) -> dt.date | None:
    """The date a sentence extends a mandate until, if it does."""
    for pattern in EXTENSIONS:
        for match in pattern.finditer(text):
            day, month, year = match.groups()
            if month.lower() not in MONTHS:
                continue
            try:
                return dt.date(int(year), MONTHS[month.lower()], int(day))
            except ValueError:
                continue
    return None
