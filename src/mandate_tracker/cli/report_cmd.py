"""`mandate report quarterly|letter|roadmap`: draft a report the resolution asks for."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mandate_tracker.cli import app, err_console
from mandate_tracker.cli.output import write_atomically
from mandate_tracker.cli.workspace_cmd import DbOption, parse_day, workspace_session
from mandate_tracker.errors import InputError

if TYPE_CHECKING:  # the store is imported only when a command uses it
    from mandate_tracker.report import OutputFormat

FORMATS: dict[str, OutputFormat] = {"html": "html", "pdf": "pdf", "docx": "docx"}


class Kind(StrEnum):
    quarterly = "quarterly"
    letter = "letter"
    roadmap = "roadmap"


class OutputFormatChoice(StrEnum):
    html = "html"
    pdf = "pdf"
    docx = "docx"


def parse_as_of(text: str | None) -> dt.date | None:
    return None if text is None else parse_day(text, "--as-of")


SymbolOption = Annotated[
    str | None,
    typer.Option(
        "--document",
        metavar="SYMBOL",
        help="The resolution in the workspace (default: the latest imported).",
    ),
]


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
    db: DbOption = None,
    document: SymbolOption = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="FILE",
            help="Draft from a resolution file alone, without a workspace (no tracked data).",
        ),
    ] = None,
) -> None:
    """Draft a report from the resolution's reporting paragraph, as HTML, PDF or DOCX."""
    from mandate_tracker.report import prepare_report, render_report
    from mandate_tracker.report.to_html import KIND_NOUNS

    chosen = FORMATS.get(format.value if format else output.suffix.lstrip(".").lower())
    if chosen is None:
        raise InputError(
            "cannot tell the format from the file name: give --format html, pdf or docx",
            where=str(output),
        )
    day = parse_as_of(as_of)
    if file is not None:
        from mandate_tracker.analyse import analyse_document
        from mandate_tracker.parse import read_document
        from mandate_tracker.report.workspace import WorkspaceView

        doc = analyse_document(read_document(file))
        empty = WorkspaceView(document_symbol=doc.info.symbol or doc.source_name)
        drafted = prepare_report(doc, kind.value, empty, period=period, as_of=day)
    else:
        from mandate_tracker.report.from_store import StoreWorkspace, find_document, stored_document

        with workspace_session(db) as session:
            row = find_document(session, document)
            doc = stored_document(row)
            source = StoreWorkspace(session, row)
            drafted = prepare_report(
                doc, kind.value, source, period=period, as_of=day, mandate_ends=row.mandate_end
            )
    write_atomically(output, render_report(drafted, chosen))
    for note in drafted.notes:
        err_console.print(f"[yellow]note:[/] {note}", highlight=False)
    typer.echo(
        f"wrote {output}: {KIND_NOUNS[drafted.kind]} no. {drafted.number} under "
        f"{drafted.document_symbol} paragraph {drafted.paragraph} ({drafted.period_label}), "
        f"{len(drafted.sections)} sections"
    )


@app.command()
def narrative(
    kind: Annotated[Kind, typer.Argument(help="The report.")],
    section: Annotated[str, typer.Argument(help="The section label as printed, e.g. '(i)'.")],
    period: Annotated[
        str | None,
        typer.Option(help="The report falling due in this quarter (default: the latest due)."),
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Replace the narrative with this text.")
    ] = None,
    from_file: Annotated[
        Path | None, typer.Option("--from-file", help="Replace it with this file's text.")
    ] = None,
    expect_version: Annotated[
        int | None,
        typer.Option("--expect-version", help="Refuse if someone changed it since this version."),
    ] = None,
    db: DbOption = None,
    document: SymbolOption = None,
) -> None:
    """Show a report section's narrative and its revisions, or replace it (audited)."""
    from mandate_tracker.report.definitions import report_definition
    from mandate_tracker.report.from_store import find_document, stored_document
    from mandate_tracker.report.narratives import narrative_history, set_narrative
    from mandate_tracker.report.periods import mandate_of, select_period

    if text is not None and from_file is not None:
        raise InputError("give --text or --from-file, not both")
    if from_file is not None:
        try:
            text = from_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read the narrative: {error}", where=str(from_file)) from error
    with workspace_session(db) as session:
        row = find_document(session, document)
        doc = stored_document(row)
        chosen = select_period(
            report_definition(doc, kind.value), mandate_of(doc, row.mandate_end), period=period
        )
        label = f"{row.symbol} {kind.value} report no. {chosen.number} (due {chosen.due}) {section}"
        if text is not None:
            saved = set_narrative(
                session, row, kind.value, chosen.number, section, text,
                actor=current_actor(), expect_version=expect_version,
            )  # fmt: skip
            typer.echo(f"saved {label}: version {saved.version}")
            return
        revisions = narrative_history(session, row, kind.value, chosen.number, section)
    if not revisions:
        typer.echo(f"no narrative yet for {label}")
        return
    for number, revision in enumerate(revisions, start=1):
        typer.echo(f"version {number} · {revision.at:%Y-%m-%d %H:%M} UTC · {revision.author}")
    typer.echo("")
    typer.echo(revisions[-1].text)


def current_actor() -> str:
    """Who is writing: $MANDATE_USER, else the login name (as for the workspace commands)."""
    import getpass

    return os.environ.get("MANDATE_USER") or getpass.getuser()
