"""`mandate report quarterly|letter|roadmap`: draft a report the resolution asks for."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mandate_tracker.cli import app, err_console
from mandate_tracker.errors import InputError, ValidationError

if TYPE_CHECKING:
    from mandate_tracker.report import OutputFormat

FORMATS: dict[str, OutputFormat] = {"html": "html", "pdf": "pdf", "docx": "docx"}
BUILT_IN_EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "examples" / "S-2020-600.txt"


class Kind(StrEnum):
    quarterly = "quarterly"
    letter = "letter"
    roadmap = "roadmap"


class OutputFormatChoice(StrEnum):
    html = "html"
    pdf = "pdf"
    docx = "docx"


def parse_as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise ValidationError(
            f"{text!r} is not a date (YYYY-MM-DD) that exists", where="--as-of"
        ) from error


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written PDF is worse than none."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder does not exist", where=str(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot write: {error.strerror}", where=str(path)) from error


@app.command()
def report(
    kind: Annotated[Kind, typer.Argument(help="Which report the resolution asks for.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    format: Annotated[
        OutputFormatChoice | None,
        typer.Option("--format", "-f", help="html, pdf or docx (default: from the file name)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(help="The report falling due in this quarter or half-year: 2020Q4, 2021H1."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The report in preparation on DATE, with the data as it stood that day.",
        ),
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            metavar="FILE",
            help="The resolution (PDF or text); default: the built-in S/2020/600.",
        ),
    ] = None,
) -> None:
    """Draft a report from the resolution's reporting paragraph, as HTML, PDF or DOCX."""
    from mandate_tracker.analyse import analyse_document
    from mandate_tracker.parse import read_document
    from mandate_tracker.report import prepare_report, render_report
    from mandate_tracker.report.to_html import KIND_NOUNS
    from mandate_tracker.report.workspace import WorkspaceView

    chosen = FORMATS.get(format.value if format else output.suffix.lstrip(".").lower())
    if chosen is None:
        raise InputError(
            "cannot tell the format from the file name: give --format html, pdf or docx",
            where=str(output),
        )
    doc = analyse_document(read_document(document or BUILT_IN_EXAMPLE))
    workspace = WorkspaceView(document_symbol=doc.info.symbol or doc.source_name)
    drafted = prepare_report(doc, kind.value, workspace, period=period, as_of=parse_as_of(as_of))
    write_atomically(output, render_report(drafted, chosen))
    for note in drafted.notes:
        err_console.print(f"[yellow]note:[/] {note}", highlight=False)
    typer.echo(
        f"wrote {output}: {KIND_NOUNS[drafted.kind]} no. {drafted.number} under "
        f"{drafted.document_symbol} paragraph {drafted.paragraph} ({drafted.period_label}), "
        f"{len(drafted.sections)} sections"
    )
