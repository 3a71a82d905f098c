"""`mandate serve`: the web app and JSON API over the workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from mandate_tracker.cli import app
from mandate_tracker.cli.workspace_cmd import DbOption


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option(help="Server processes (they share MANDATE_SECRET_KEY).", min=1)
    ] = 1,
) -> None:
    """Serve the web app (dashboard, reader, obligations, indicators) and the JSON API."""
    from mandate_tracker.web.server import serve

    serve(host, port, db, workers)
