"""`mandate obligations ...`: the obligations register.

``mandate obligations FILE`` (short for ``mandate obligations extract FILE``) derives the register
from a resolution; ``list`` and ``update`` work on the tracking workspace.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from typer._click.core import Command, Context  # typer >= 0.29 vendors click as typer._click
from typer.core import TyperGroup

from mandate_tracker.cli import app
from mandate_tracker.model import Document, Obligation


class _ExtractByDefault(TyperGroup):
    """Treat ``mandate obligations FILE`` as ``mandate obligations extract FILE``."""

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["extract", *args]
        return super().resolve_command(ctx, args)


obligations_app = typer.Typer(
    cls=_ExtractByDefault,
    help="The obligations register: derive it from a resolution, list and update it.",
    no_args_is_help=True,
)
app.add_typer(obligations_app, name="obligations")


class RegisterFormat(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"


@obligations_app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A resolution as PDF or text; '-' reads stdin.")],
    format: Annotated[
        RegisterFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RegisterFormat.json,
) -> None:
    """List every trackable obligation a resolution creates: owner, due date, targets, source."""
    from mandate_tracker.analyse import derive_obligations
    from mandate_tracker.cli.parse_cmd import read_and_analyse

    doc = read_and_analyse(file)
    typer.echo(render_register(doc, derive_obligations(doc), format), nl=False)


def render_register(doc: Document, obligations: list[Obligation], format: RegisterFormat) -> str:
    """The register in one of its formats; JSON names the document it was derived from."""
    from mandate_tracker.analyse.register import (
        obligation_to_dict,
        obligations_to_csv,
        obligations_to_markdown,
    )

    name = doc.info.symbol or doc.source_name
    if format is RegisterFormat.csv:
        return obligations_to_csv(obligations)
    if format is RegisterFormat.md:
        return obligations_to_markdown(obligations, f"Obligations of {name}")
    data = {
        "document": {
            "symbol": doc.info.symbol,
            "date": doc.info.date.isoformat() if doc.info.date else None,
            "source": doc.source_name,
        },
        "obligations": [obligation_to_dict(o) for o in obligations],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
