"""Small inputs the tests make themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "mandate_tracker" / "data" / "examples" / "S-2020-600.txt"


def text_to_pdf(text: str, lines_per_page: int = 60, **save_options: object) -> bytes:
    """A PDF whose text layer holds ``text`` line by line (leading spaces kept)."""
    doc = pymupdf.open()
    lines = text.split("\n")
    for start in range(0, len(lines), lines_per_page):
        page = doc.new_page()
        page.insert_text((50, 40), "\n".join(lines[start : start + lines_per_page]), fontsize=8)
    data: bytes = doc.tobytes(**save_options)
    return data


def alnum(text: str) -> str:
    """The letters and digits of a text, lower-cased: what 'no word lost' compares."""
    return re.sub(r"[^0-9a-z]", "", text.lower())
