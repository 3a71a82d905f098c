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
        user_cmd,
        workspace_cmd,
    )


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, translating library errors to one line and an exit code."""
    try:
        code = app(args=argv, standalone_mode=False)
    except MandateError as error:
        err_console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # click usage errors arrive here in non-standalone mode
        import click

        # Typer >= 0.20 vendors its own click: its usage errors are not click.ClickException.
        if isinstance(error, click.ClickException | typer.TyperException) and hasattr(
            error, "show"
        ):
            error.show()
            sys.exit(int(getattr(error, "exit_code", 2)))
        raise
    sys.exit(code if isinstance(code, int) else 0)
