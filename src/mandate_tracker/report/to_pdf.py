"""Render a :class:`Report` as PDF: WeasyPrint lays out the HTML with its print stylesheet.

The print rules (``@page`` with page counters, the cover on its own page, a table of contents
whose page numbers come from ``target-counter``) live in ``templates/report.css``. Charts go in
as PNG: WeasyPrint lays out a raster image in milliseconds but a text-heavy Vega SVG in about a
quarter of a second, which kept a report with a year of data over its time budget.
"""

from __future__ import annotations

import logging

from mandate_tracker.errors import RenderError
from mandate_tracker.report.model import Report
from mandate_tracker.report.to_html import render_html


def render_pdf(report: Report) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango or its libraries are missing
        raise RenderError(
            f"the PDF renderer WeasyPrint cannot be loaded ({error}); install it with "
            "`pip install weasyprint` and the Pango libraries (Debian: libpango-1.0-0)"
        ) from error
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=render_html(report, charts="png"), base_url=".")
    pdf = document.write_pdf()
    if not isinstance(pdf, bytes):
        raise RenderError("WeasyPrint produced no PDF")
    return pdf
