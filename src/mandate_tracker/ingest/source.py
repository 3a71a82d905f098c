"""Read a source document (text file or PDF) into plain text, refusing what cannot be read."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from mandate_tracker.errors import SourceError

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a resolution is at most a few hundred kB; refuse huge input
PDF_MAGIC = b"%PDF-"
# What no text file holds: C0 controls other than tab, newline, vertical tab, form feed, return.
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
BINARY_WINDOW = 65536  # how much of a text file is looked at to tell it from binary data


@dataclass(frozen=True)
class SourceText:
    """The raw text of a source document, before cleaning."""

    name: str
    text: str
    kind: Literal["pdf", "text"]
    pages: int = 1


def read_source(path: Path | str) -> SourceText:
    """Read a file (or ``-`` for standard input) as a resolution's raw text."""
    if str(path) == "-":
        return source_from_bytes(_read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
    file = Path(path)
    name = str(file)
    if not file.exists():
        raise SourceError("no such file", where=name)
    if file.is_dir():
        raise SourceError("is a directory, not a file", where=name)
    size = file.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise SourceError(
            f"file is {size / 1_048_576:.1f} MB; the limit is "
            f"{MAX_SOURCE_BYTES // 1_048_576} MB for one resolution",
            where=name,
        )
    try:
        with file.open("rb") as stream:
            data = _read_limited(stream, name)
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror}", where=name) from error
    return source_from_bytes(data, name)


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(
            f"input exceeds {MAX_SOURCE_BYTES // 1_048_576} MB; the limit for one resolution",
            where=name,
        )
    return data


def source_from_bytes(data: bytes, name: str) -> SourceText:
    """Decide between PDF and text and extract the raw text."""
    if not data.strip():
        raise SourceError("file is empty", where=name)
    if data.lstrip()[:5] == PDF_MAGIC:
        from mandate_tracker.ingest.pdf import pdf_text

        text, pages = pdf_text(data, name)
        return SourceText(name=name, text=text, kind="pdf", pages=pages)
    return SourceText(name=name, text=decode_text(data, name), kind="text")


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252; refuse binary data: a
    NUL, or C0 controls making more than 1% of the first 64 KiB."""
    head = data[:BINARY_WINDOW]
    if b"\x00" in head or _control_bytes(head) > max(8, len(head) // 100):
        raise SourceError("binary data, not text or PDF", where=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _control_bytes(data: bytes) -> int:
    """How many of ``CONTROL_BYTES`` ``data`` holds. Counted in the bytes, before decoding: in
    UTF-8 and in Windows-1252 each of them is one byte, and no other character has such a
    byte. Deleting bytes is a C loop, far faster than a regex class tried at every character,
    and than encoding the decoded text again (a text with a dash is two bytes a character)."""
    return len(data) - len(data.translate(None, CONTROL_BYTES))
