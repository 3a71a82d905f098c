"""`mandate user add NAME --role ROLE [--password-stdin]` and `mandate user token NAME`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mandate_tracker.cli import app
from mandate_tracker.cli.workspace_cmd import DbOption, current_actor, workspace_session
from mandate_tracker.errors import ValidationError

user_app = typer.Typer(help="User accounts for the web app and the API.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument()],
    role: Annotated[str, typer.Option(help="viewer, editor or admin.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a user (asks for the password twice unless --password-stdin)."""
    from mandate_tracker.track.accounts import create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise ValidationError("empty password", where="password")
    with workspace_session(db) as session:
        create_user(session, name, role, password, actor=current_actor())
    typer.echo(f"created {role} {name}")


@user_app.command("token")
def user_token(name: Annotated[str, typer.Argument()], db: DbOption = None) -> None:
    """Issue a new API token for the user (shown once; replaces any earlier token)."""
    from mandate_tracker.track.accounts import issue_api_token

    with workspace_session(db) as session:
        token = issue_api_token(session, name, actor=current_actor())
    typer.echo(token)
