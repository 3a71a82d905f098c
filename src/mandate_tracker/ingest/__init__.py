"""Pipeline stage: ingest. A file (text or PDF) → raw text → cleaned text."""

from mandate_tracker.ingest.clean import CleanText, clean
from mandate_tracker.ingest.source import SourceText, read_source, source_from_bytes

__all__ = ["CleanText", "SourceText", "clean", "read_source", "source_from_bytes"]
