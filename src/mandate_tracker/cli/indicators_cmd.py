"""Indicators, observations and their review on the command line: ``mandate indicators ...``,
``mandate record``, ``mandate review``, ``mandate observations import`` and ``mandate export``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mandate_tracker.cli import app
from mandate_tracker.cli.workspace_cmd import (
    DbOption,
    FormatOption,
    current_actor,
    emit,
    parse_day,
    workspace_session,
)
from mandate_tracker.errors import ValidationError

indicators_app = typer.Typer(help="Indicators: add, list, set targets.", no_args_is_help=True)
app.add_typer(indicators_app, name="indicators")
observations_app = typer.Typer(help="Observations: import from CSV/XLSX.", no_args_is_help=True)
app.add_typer(observations_app, name="observations")


@indicators_app.command("add")
def indicators_add(
    code: Annotated[str, typer.Argument()],
    name: Annotated[str, typer.Option(help="What is measured.")],
    unit: Annotated[str, typer.Option(help="number, percent, members, ...")] = "number",
    direction: Annotated[str, typer.Option(help="higher or lower (is better).")] = "higher",
    baseline: Annotated[float | None, typer.Option(help="Baseline value.")] = None,
    baseline_date: Annotated[str | None, typer.Option(metavar="DATE")] = None,
    source: Annotated[str | None, typer.Option()] = None,
    frequency: Annotated[str | None, typer.Option(help="e.g. P1M")] = None,
    owner: Annotated[str | None, typer.Option()] = None,
    provision: Annotated[
        list[str] | None, typer.Option(help="Anchor measured (repeatable).")
    ] = None,
    target: Annotated[float | None, typer.Option(help="Target value.")] = None,
    target_due: Annotated[str | None, typer.Option(metavar="DATE")] = None,
    comparator: Annotated[str, typer.Option(help=">=, >, <=, < or =")] = ">=",
    db: DbOption = None,
) -> None:
    """Add an indicator (and optionally its target)."""
    from mandate_tracker.track.indicators import IndicatorSpec, add_indicator, set_target

    spec = IndicatorSpec(
        code=code,
        name=name,
        unit=unit,
        direction=direction,
        baseline_value=baseline,
        baseline_date=parse_day(baseline_date, "--baseline-date") if baseline_date else None,
        source=source,
        frequency=frequency,
        owner=owner,
        provisions=tuple(provision or ()),
    )
    if (target is None) != (target_due is None):
        raise ValidationError("a target needs both --target and --target-due", where="--target")
    actor = current_actor()
    with workspace_session(db) as session:
        add_indicator(session, spec, actor=actor)
        if target is not None and target_due is not None:
            due = parse_day(target_due, "--target-due")
            set_target(session, code, value=target, due=due, comparator=comparator, actor=actor)
    typer.echo(f"added indicator {code}")


@indicators_app.command("target")
def indicators_target(
    code: Annotated[str, typer.Argument()],
    value: Annotated[float, typer.Argument()],
    due: Annotated[str, typer.Option(metavar="DATE")],
    comparator: Annotated[str, typer.Option()] = ">=",
    db: DbOption = None,
) -> None:
    """Set the indicator's target for the period ending on --due."""
    from mandate_tracker.track.indicators import set_target

    day = parse_day(due, "--due")
    with workspace_session(db) as session:
        set_target(
            session, code, value=value, due=day, comparator=comparator, actor=current_actor()
        )
    typer.echo(f"{code}: target {comparator}{value:g} by {day}")


@indicators_app.command("activate")
def indicators_activate(code: Annotated[str, typer.Argument()], db: DbOption = None) -> None:
    """Accept an indicator proposed from the resolution's text."""
    from mandate_tracker.track.indicators import activate_indicator

    with workspace_session(db) as session:
        activate_indicator(session, code, actor=current_actor())
    typer.echo(f"{code}: active")


@indicators_app.command("list")
def indicators_list(fmt: FormatOption = "table", db: DbOption = None) -> None:
    """List indicators with their baseline, targets and the provisions they measure."""
    from mandate_tracker.track.exchange import indicators_table

    with workspace_session(db) as session:
        table = indicators_table(session)
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    columns = (
        ("code", "name", "unit", "state", "baseline_value", "targets")
        if fmt == "table"
        else table.columns
    )
    emit(rows, columns, fmt, "Indicators")


@app.command()
def record(
    indicator: Annotated[str, typer.Argument()],
    value: Annotated[float, typer.Argument()],
    as_of: Annotated[str, typer.Option(metavar="DATE")],
    evidence: Annotated[str | None, typer.Option(metavar="FILE|URL")] = None,
    note: Annotated[str | None, typer.Option()] = None,
    place: Annotated[str | None, typer.Option(help="Where (region, site); default: all.")] = None,
    status: Annotated[str, typer.Option(help="draft, submitted or approved.")] = "draft",
    db: DbOption = None,
) -> None:
    """Record an observed value of an indicator."""
    from mandate_tracker.track.indicators import record_observation
    from mandate_tracker.track.obligations import EvidenceInput

    proof = EvidenceInput.from_argument(evidence) if evidence else None
    day = parse_day(as_of, "--as-of")
    with workspace_session(db) as session:
        row = record_observation(
            session, indicator, value, day, actor=current_actor(), status=status, note=note,
            evidence=proof, place=place,
        )  # fmt: skip
        number = row.id
    typer.echo(f"observation {number}: {indicator} = {value:g} as of {day} ({status})")


@app.command()
def review(
    observation: Annotated[int, typer.Argument(metavar="OBSERVATION_ID")],
    to: Annotated[str, typer.Option("--status", help="submitted, approved, returned or draft.")],
    comment: Annotated[str | None, typer.Option()] = None,
    expect_version: Annotated[int | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Move an observation through review (returning one needs a --comment)."""
    from mandate_tracker.track.indicators import review_observation

    with workspace_session(db) as session:
        review_observation(
            session, observation, to, actor=current_actor(), comment=comment,
            expect_version=expect_version,
        )  # fmt: skip
    typer.echo(f"observation {observation}: {to}")


@observations_app.command("import")
def observations_import(file: Annotated[Path, typer.Argument()], db: DbOption = None) -> None:
    """Import observations from CSV or XLSX: all rows, or none (every problem reported)."""
    from mandate_tracker.track.exchange import import_observations

    with workspace_session(db) as session:
        count = import_observations(session, file, actor=current_actor())
    typer.echo(f"imported {count} observation(s) from {file}")


@app.command()
def export(
    what: Annotated[str, typer.Argument(help="obligations, indicators or observations.")],
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file.")],
    status: Annotated[str | None, typer.Option(help="Obligations: only this status.")] = None,
    owner: Annotated[str | None, typer.Option(help="Obligations: owner contains.")] = None,
    due_before: Annotated[str | None, typer.Option(metavar="DATE")] = None,
    indicator: Annotated[str | None, typer.Option(help="Observations: one indicator.")] = None,
    db: DbOption = None,
) -> None:
    """Export obligations, indicators or observations to CSV or XLSX (filters kept)."""
    from mandate_tracker.track import exchange

    if what not in ("obligations", "indicators", "observations"):
        raise ValidationError(
            f"cannot export {what!r}; use obligations, indicators or observations", where="WHAT"
        )
    exchange.format_of(file)
    before = parse_day(due_before, "--due-before") if due_before else None
    with workspace_session(db) as session:
        if what == "obligations":
            table = exchange.obligations_table(
                session, status=status, owner=owner, due_before=before
            )
        elif what == "indicators":
            table = exchange.indicators_table(session)
        else:
            table = exchange.observations_table(session, indicator)
    exchange.write_table(table, file)
    typer.echo(f"wrote {len(table.rows)} {what} to {file}")


benchmarks_app = typer.Typer(help="Benchmarks: rules over indicators.", no_args_is_help=True)
app.add_typer(benchmarks_app, name="benchmarks")


@benchmarks_app.command("add")
def benchmarks_add(
    code: Annotated[str, typer.Argument()],
    title: Annotated[str, typer.Option()],
    indicator: Annotated[list[str], typer.Option(help="Indicator code (repeatable).")],
    rule: Annotated[str, typer.Option(help="threshold or all-of.")] = "all-of",
    threshold: Annotated[float | None, typer.Option()] = None,
    comparator: Annotated[str | None, typer.Option()] = None,
    anchor: Annotated[str | None, typer.Option(help="The provision it benchmarks.")] = None,
    narrative: Annotated[str | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Add a benchmark: a rule over one or more indicators."""
    from mandate_tracker.track.benchmarks import add_benchmark

    with workspace_session(db) as session:
        add_benchmark(
            session, code, title, rule, indicator, actor=current_actor(), threshold=threshold,
            comparator=comparator, anchor=anchor, narrative=narrative,
        )  # fmt: skip
    typer.echo(f"added benchmark {code}")


@benchmarks_app.command("list")
def benchmarks_list(
    fmt: FormatOption = "table",
    on: Annotated[str | None, typer.Option("--on", metavar="DATE")] = None,
    db: DbOption = None,
) -> None:
    """Benchmarks with their assessment (met, on-track, off-track, not-assessed)."""
    import datetime as dt

    from mandate_tracker.track.benchmarks import assess_benchmarks

    day = parse_day(on, "--on") if on else dt.date.today()
    with workspace_session(db) as session:
        found = assess_benchmarks(session, day)
    columns = ("code", "title", "rule", "indicators", "assessment")
    emit([item.as_dict() for item in found], columns, fmt, "Benchmarks")
