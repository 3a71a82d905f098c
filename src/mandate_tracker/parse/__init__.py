"""Pipeline stage: parse. Cleaned text → the document's structure.

Public surface: :func:`read_document` (a file or ``-``), :func:`parse_text` (raw text),
:func:`document_to_dict` / :func:`document_from_dict` (the JSON contract).
"""

from __future__ import annotations

from pathlib import Path

from mandate_tracker.ingest import read_source
from mandate_tracker.ingest.clean import clean
from mandate_tracker.model import Document
from mandate_tracker.parse.serialize import document_from_dict, document_to_dict
from mandate_tracker.parse.structure import parse_text, read_structure


def read_document(path: Path | str) -> Document:
    """Read a resolution (PDF or text file, or ``-`` for stdin) into its structure."""
    source = read_source(path)
    return read_structure(clean(source.text), source.name)


__all__ = ["document_from_dict", "document_to_dict", "parse_text", "read_document"]
