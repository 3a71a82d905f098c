"""The title block before "The Security Council,": symbol, kind, number, date, authors, subject."""

from __future__ import annotations

import datetime as dt
import re

from mandate_tracker.model import DocumentInfo

MONTHS = {
    name[:3].lower(): number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
SYMBOL = re.compile(r"\bS/(?:RES/)?\d{1,4}/\d+(?:/Rev\.\d+)?\b")
RESOLUTION_NUMBER = re.compile(r"\bResolution\s+(\d{1,4})\s*\((\d{4})\)", re.IGNORECASE)
DATE = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z\]]{2,9})\s+(\d{4})\b")
DRAFT = re.compile(r"^(?P<authors>.+?)\s*:\s*(?:revised\s+)?draft\s+resolution\b", re.IGNORECASE)
SITUATION = re.compile(
    r"\bsituation (?:in|concerning|between|regarding) (?:the )?"
    r"(?P<subject>[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|and|of|the|de|du))*)"
)


def read_front_matter(lines: list[str]) -> tuple[DocumentInfo, str]:
    """Read what the title block says; return it with the block's text as kept."""
    text = "\n".join(line.strip() for line in lines if line.strip())
    number_match = RESOLUTION_NUMBER.search(text)
    symbol_match = SYMBOL.search(text)
    draft_match = next((m for line in text.split("\n") if (m := DRAFT.match(line))), None)
    resolution_number = int(number_match.group(1)) if number_match else None
    if draft_match or re.search(r"draft resolution", text, re.IGNORECASE):
        kind = "draft resolution"
    elif number_match or (symbol_match and "/RES/" in symbol_match.group()):
        kind = "resolution"
    else:
        kind = "unknown"
    if symbol_match:
        symbol: str | None = symbol_match.group()
    elif number_match:
        symbol = f"S/RES/{number_match.group(1)}({number_match.group(2)})"
    else:
        symbol = None
    if kind == "draft resolution":
        resolution_number = None
    info = DocumentInfo(
        symbol=symbol,
        kind=kind,
        resolution_number=resolution_number,
        date=first_date(text),
        authors=split_authors(draft_match.group("authors")) if draft_match else [],
        subject=None,
    )
    return info, text


def first_date(text: str) -> dt.date | None:
    """The first "29 June 2020" in the text, tolerating OCR slips in the month ("Apri]")."""
    for match in DATE.finditer(text):
        month = MONTHS.get(match.group(2)[:3].lower())
        if month is None:
            continue
        try:
            return dt.date(int(match.group(3)), month, int(match.group(1)))
        except ValueError:
            continue
    return None


def split_authors(authors: str) -> list[str]:
    parts = re.split(r",\s*|\s+and\s+", authors.strip())
    return [part.strip() for part in parts if part.strip()]


def subject_from_preamble(preamble: list[str]) -> str | None:
    """What the resolution is about: "the situation in Mali" → "Mali"."""
    for text in preamble:
        match = SITUATION.search(text)
        if match:
            return match.group("subject").strip()
    return None
