"""Pipeline edge: the web app and JSON API (FastAPI, Jinja2, HTMX).

``create_app(database_url)`` builds the app; ``run_demo_server(host, port)`` prepares the demo
workspace (the built-in example, an admin account) and serves it: what ``mandate demo`` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "run_demo_server"]


def create_app(database_url: str | None = None, **options: Any) -> FastAPI:
    """The web app over the workspace at ``database_url`` (see :mod:`mandate_tracker.web.app`)."""
    from mandate_tracker.web.app import create_app as factory

    return factory(database_url, **options)


def run_demo_server(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Prepare the demo workspace and serve it (see :mod:`mandate_tracker.web.server`)."""
    from mandate_tracker.web.server import run_demo_server as run

    run(host, port)
