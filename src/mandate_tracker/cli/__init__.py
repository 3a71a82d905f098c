"""The ``mandate`` command: a thin edge over the library.

Each command group lives in its own module and registers itself on :data:`app`. Library errors
(:class:`~mandate_tracker.errors.MandateError`) become one line on stderr and their exit code.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from mandate_tracker.errors import MandateError

app = typer.Typer(
    name="mandate",
    help="Turn a UN Security Council mandate into a live, measurable implementation tracker.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err_console = Console(stderr=True)


def _register_commands() -> None:
    # Imported for their side effect of adding commands to `app`.
    from mandate_tracker.cli import (  # noqa: F401
        calendar_cmd,
        indicators_cmd,
        obligations_cmd,
        parse_cmd,
        report_cmd,
        user_cmd,
        web_cmd,
        workspace_cmd,
    )


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, translating library errors to one line and an exit code."""
    try:
        app(args=argv)
    except MandateError as error:
        err_console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
