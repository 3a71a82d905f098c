"""The tracking workspace on the command line: init, import, obligations list/update, status,
audit, backup and restore. Every command takes ``--db URL`` (else ``MANDATE_DATABASE_URL``, else
the SQLite file in the user's data directory).
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from mandate_tracker.cli import app
from mandate_tracker.cli.obligations_cmd import obligations_app
from mandate_tracker.errors import ValidationError

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported only by commands that use it
    from sqlalchemy.orm import Session

console = Console(soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="Database URL (default: $MANDATE_DATABASE_URL, else a SQLite file in your data dir).",
    ),
]
OnOption = Annotated[
    str | None,
    typer.Option("--on", metavar="DATE", help="Compute as on this date (default: today)."),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="table, json or csv.", metavar="FORMAT")
]


def current_actor() -> str:
    """Who is making a change from the command line: $MANDATE_USER, else the login name."""
    return os.environ.get("MANDATE_USER") or getpass.getuser()


def parse_day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise ValidationError(
            f"{text!r} is not a date (YYYY-MM-DD) that exists", where=option
        ) from error


def day_or_today(text: str | None, option: str = "--on") -> dt.date:
    return parse_day(text, option) if text else dt.date.today()


@contextmanager
def workspace_session(db: str | None) -> Iterator[Session]:
    """One transaction on the resolved workspace, closed afterwards."""
    from mandate_tracker.store import open_workspace, resolve_database_url

    workspace = open_workspace(resolve_database_url(db))
    try:
        with workspace.session() as session:
            yield session
    finally:
        workspace.close()


KEY_COLUMNS = frozenset({"id", "code", "indicator", "object_id", "date", "due", "as_of", "status"})
TABLE_TEXT = 60


def cell_text(value: Any) -> str:
    """A table cell: long text cut at :data:`TABLE_TEXT` characters (JSON/CSV keep it all)."""
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= TABLE_TEXT else text[: TABLE_TEXT - 1] + "…"


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, title: str) -> None:
    """Print records as a table, JSON or CSV."""
    if fmt == "json":
        typer.echo(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "table":
        table = Table(title=title)
        for column in columns:
            if column in KEY_COLUMNS:  # ids are typed back into commands: never cut or wrap
                widest = max((len(str(row.get(column) or "")) for row in rows), default=0)
                table.add_column(column, no_wrap=True, min_width=max(widest, len(column)))
            else:
                table.add_column(column, min_width=8)
        for row in rows:
            table.add_row(*(cell_text(row.get(column)) for column in columns))
        console.print(table)
    else:
        raise ValidationError(f"unknown format {fmt!r}; use table, json or csv", where="--format")


@app.command()
def init(db: DbOption = None) -> None:
    """Create the tracking workspace, or upgrade it to this version's schema."""
    from mandate_tracker.store import init_workspace, resolve_database_url

    result = init_workspace(resolve_database_url(db))
    if result.before is None:
        typer.echo(f"created workspace {result.url} (schema {result.after})")
    elif result.before == result.after:
        typer.echo(f"workspace {result.url} is up to date (schema {result.after})")
    else:
        typer.echo(f"upgraded workspace {result.url} from schema {result.before} to {result.after}")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A resolution (PDF, text or HTML).")],
    db: DbOption = None,
) -> None:
    """Store a resolution, its analysis and its obligations register (one transaction)."""
    from mandate_tracker.track.documents import import_file

    with workspace_session(db) as session:
        result = import_file(session, file, actor=current_actor())
    if not result.changed:
        typer.echo(f"{result.symbol}: already in the workspace, nothing changed")
        return
    verb = "imported" if result.document_created else "updated"
    typer.echo(
        f"{result.symbol}: {verb}; obligations +{result.obligations_added} "
        f"~{result.obligations_updated} ={result.obligations_unchanged}; "
        f"{result.indicators_proposed} indicator(s) proposed from targets"
        + (f"; renews {result.predecessor}" if result.predecessor else "")
    )


OBLIGATION_COLUMNS = ("id", "due", "status", "owner", "title")
OBLIGATION_FIELDS = (
    "id", "document", "paragraph", "anchor", "kind", "title", "owner", "due", "recurrence",
    "status", "assignee", "notes", "version",
)  # fmt: skip


@obligations_app.command("list")
def obligations_list(
    status: Annotated[
        str | None, typer.Option(help="open, in-progress, done, overdue, not-applicable.")
    ] = None,
    owner: Annotated[str | None, typer.Option(help="Owner contains this text.")] = None,
    due_before: Annotated[str | None, typer.Option(metavar="DATE")] = None,
    fmt: FormatOption = "table",
    on: OnOption = None,
    db: DbOption = None,
) -> None:
    """List the obligations being tracked, filtered."""
    from mandate_tracker.track.obligations import list_obligations

    before = parse_day(due_before, "--due-before") if due_before else None
    with workspace_session(db) as session:
        views = list_obligations(
            session, status=status, owner=owner, due_before=before, today=day_or_today(on)
        )
    columns = OBLIGATION_COLUMNS if fmt == "table" else OBLIGATION_FIELDS
    emit([view.as_dict() for view in views], columns, fmt, "Obligations")


@obligations_app.command("update")
def obligations_update(
    obligation_id: Annotated[str, typer.Argument(metavar="ID")],
    status: Annotated[
        str | None, typer.Option(help="open, in-progress, done, not-applicable.")
    ] = None,
    note: Annotated[
        str | None, typer.Option(help="A note, appended with your name and time.")
    ] = None,
    assignee: Annotated[str | None, typer.Option()] = None,
    evidence: Annotated[str | None, typer.Option(metavar="FILE|URL")] = None,
    expect_version: Annotated[
        int | None, typer.Option(help="Fail with a conflict unless the record is at this version.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Change an obligation's status, assignee, notes or evidence."""
    from mandate_tracker.track.obligations import EvidenceInput, update_obligation

    proof = EvidenceInput.from_argument(evidence) if evidence else None
    with workspace_session(db) as session:
        view = update_obligation(
            session,
            obligation_id,
            actor=current_actor(),
            status=status,
            note=note,
            assignee=assignee,
            evidence=proof,
            expect_version=expect_version,
        )
    typer.echo(f"{view.id}: {view.status} (version {view.version})")


@app.command()
def status(fmt: FormatOption = "table", on: OnOption = None, db: DbOption = None) -> None:
    """The at-a-glance summary: mandate end, obligations, overdue items, reports, targets."""
    from mandate_tracker.track.status import summarise

    with workspace_session(db) as session:
        summary = summarise(session, day_or_today(on))
    if fmt == "json":
        typer.echo(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
        return
    if fmt != "table":
        raise ValidationError(f"unknown format {fmt!r}; use table or json", where="--format")
    days = summary.days_to_mandate_end
    console.print(
        f"[bold]{summary.document or 'no resolution imported'}[/]"
        + (f" ({summary.mission})" if summary.mission else "")
        + _mandate_end_phrase(summary.mandate_end, days, summary.today)
    )
    console.print("Obligations: " + ", ".join(f"{k} {v}" for k, v in summary.obligations.items()))
    console.print("Targets: " + ", ".join(f"{k} {v}" for k, v in summary.targets.items()))
    if summary.benchmarks:
        console.print(
            "Benchmarks: " + ", ".join(f"{b.code} {b.assessment}" for b in summary.benchmarks)
        )
    if summary.overdue:
        console.print("[bold red]Overdue:[/]")
        for item in summary.overdue:
            console.print(f"  {item.due}  {item.id}  {item.title}", highlight=False)
    if summary.next_due:
        console.print("[bold]Next due:[/]")
        for due in summary.next_due:
            console.print(f"  {due.date}  para {due.paragraph}  {due.title}", highlight=False)


@app.command()
def audit(
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Changes on or after this day.")
    ] = None,
    object_id: Annotated[str | None, typer.Option("--object", metavar="ID")] = None,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """The audit trail: who changed what, when, before and after."""
    from mandate_tracker.track.audit import audit_entries

    start = (
        dt.datetime.combine(parse_day(since, "--since"), dt.time.min, tzinfo=dt.UTC)
        if since
        else None
    )
    with workspace_session(db) as session:
        entries = audit_entries(session, since=start, object_id=object_id)
    rows = []
    for entry in entries:
        row = entry.as_dict()
        row["changed"] = ", ".join(entry.changed_fields()) if entry.before else ""
        rows.append(row)
    columns = ("id", "at", "actor", "object_type", "object_id", "action", "changed")
    emit(rows, columns if fmt == "table" else (*columns, "before", "after"), fmt, "Audit trail")


@app.command()
def backup(file: Annotated[Path, typer.Argument()], db: DbOption = None) -> None:
    """Copy the whole workspace to FILE (SQLite backup API, or pg_dump)."""
    from mandate_tracker.store import resolve_database_url
    from mandate_tracker.store.backup import backup_workspace

    backup_workspace(resolve_database_url(db), file)
    typer.echo(f"backed up to {file}")


@app.command()
def restore(file: Annotated[Path, typer.Argument()], db: DbOption = None) -> None:
    """Replace the workspace with a backup made by 'mandate backup'."""
    from mandate_tracker.store import resolve_database_url
    from mandate_tracker.store.backup import restore_workspace

    restore_workspace(resolve_database_url(db), file)
    typer.echo(f"restored from {file}")


def _mandate_end_phrase(end: object, days: int | None, today: object) -> str:
    """ " - mandate ends 2021-06-30, in 12 days" or " - mandate ended 2021-06-30, 1978 days ago"."""
    if days is None:
        return ""
    if days >= 0:
        return f" - mandate ends {end}, in {days} day(s) (as of {today})"
    return f" - mandate ended {end}, {-days} day(s) ago (as of {today})"
