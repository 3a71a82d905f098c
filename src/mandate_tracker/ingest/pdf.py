"""Text extraction from PDF with PyMuPDF (see docs/choices.md for why and its licence)."""

from __future__ import annotations

import pymupdf

from mandate_tracker.errors import SourceError

PAGE_BREAK = "\f"


def pdf_text(data: bytes, name: str) -> tuple[str, int]:
    """Return the text of every page, pages separated by form feeds, and the page count."""
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError) as error:  # pymupdf raises FileDataError (a RuntimeError)
        raise SourceError(
            f"not a readable PDF (truncated or damaged): {error}", where=name
        ) from error
    with document:
        if document.needs_pass:
            raise SourceError("PDF is encrypted; give an unencrypted copy", where=name)
        if document.page_count == 0:
            raise SourceError("PDF has no pages", where=name)
        try:
            pages = [str(document[index].get_text("text")) for index in range(document.page_count)]
        except (RuntimeError, ValueError) as error:
            raise SourceError(f"PDF is damaged: {error}", where=name) from error
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise SourceError(
            "PDF has no text layer (a scan?); run OCR first or give the text", where=name
        )
    return text, len(pages)
