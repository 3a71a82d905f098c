"""`mandate calendar [--ics FILE]`: the reporting calendar of the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mandate_tracker.cli import app
from mandate_tracker.cli.workspace_cmd import DbOption, FormatOption, emit, workspace_session


@app.command()
def calendar(
    ics: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Also write an iCalendar file.")
    ] = None,
    document: Annotated[str | None, typer.Option(help="Only this resolution (symbol).")] = None,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Reports and deadlines due, from adoption until the mandate ends."""
    from mandate_tracker.track.calendar import to_ics, workspace_calendar

    with workspace_session(db) as session:
        entries = workspace_calendar(session, document=document)
    if ics is not None:
        ics.write_bytes(to_ics(entries))
        typer.echo(f"wrote {len(entries)} event(s) to {ics}", err=True)
    columns = ("date", "document", "paragraph", "kind", "title", "owner")
    emit([entry.as_dict() for entry in entries], columns, fmt, "Reporting calendar")
