"""Every real resolution text in ../shared/data reads with gapless numbering and no lost word.

Gapless means: operative numbers run 1..N; the only gap allowed is a number the source itself
never prints (one draft jumps from 6. to 8.), and the reader never stops before the last
number the text prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mandate_tracker.ingest import clean
from mandate_tracker.parse import parse_text
from mandate_tracker.parse.render import document_text
from tests.corpus import corpus_texts
from tests.helpers import alnum

pytestmark = pytest.mark.corpus
PRINTED_NUMBER = re.compile(r"(?m)^\s*(\d{1,3})\.\s+[A-Z][a-z]")
ANNEX = re.compile(r"(?im)^\s*annex\b")


def test_every_corpus_text_reads_completely(shared_data: Path) -> None:
    problems: list[str] = []
    count = 0
    for name, text in corpus_texts(shared_data):
        count += 1
        doc = parse_text(text, name)
        numbers = [int(p.number) for p in doc.paragraphs]
        body = ANNEX.split(text)[0]  # numbered lists in annexes are not operative paragraphs
        printed = [int(n) for n in PRINTED_NUMBER.findall(body) if int(n) < 200]
        gaps = sorted(set(range(1, numbers[-1] + 1)) - set(numbers))
        if numbers != sorted(set(numbers)) or numbers[0] != 1:
            problems.append(f"{name}: numbering {numbers}")
        if any(re.search(rf"(?m)^\s*{gap}\.\s", text) for gap in gaps):
            problems.append(f"{name}: gaps {gaps} although the text prints them")
        if len(gaps) > 1:
            problems.append(f"{name}: more than one number skipped: {gaps}")
        if printed and numbers[-1] < max(printed):
            problems.append(f"{name}: last paragraph {numbers[-1]}, but {max(printed)}. is printed")
        if alnum(document_text(doc)) != alnum(clean(text).text):
            problems.append(f"{name}: text lost or reordered")
    assert count >= 300, f"only {count} texts found under {shared_data}"
    assert problems == []


def test_the_2022_minusma_draft(shared_data: Path) -> None:
    """The MINUSMA draft of 2022: mixed layout, numbers 46-50 lost by its extraction."""
    import json

    drafts = shared_data / "unsc-resolutions" / "unbench-drafts" / "data" / "task3.json"
    text = json.loads(drafts.read_text(encoding="utf-8"))["drafts"][8]
    doc = parse_text(text, "task3.json[8]")
    assert len(doc.paragraphs) == 59
    assert [p.number for p in doc.paragraphs if not p.numbered] == ["46", "47", "48", "49", "50"]
    assert doc.paragraph("46").text.startswith("Urges all parties to comply")
    assert doc.paragraph("59").verb == "Decides"
    assert doc.paragraph("40").verb == "Recognizes"  # run into the line of paragraph 39
    assert "Priority tasks" in [h.title for h in doc.headings]
