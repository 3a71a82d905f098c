"""`mandate obligations ...`: the obligations register.

``mandate obligations FILE`` (short for ``mandate obligations extract FILE``) derives the register
from a resolution; ``list`` and ``update`` work on the tracking workspace.
"""

from __future__ import annotations

import typer
from typer._click.core import Command, Context  # typer >= 0.29 vendors click as typer._click
from typer.core import TyperGroup

from mandate_tracker.cli import app


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
