"""Running the web app: ``mandate serve`` and the demo (``mandate demo``)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mandate_tracker.store import init_workspace, open_workspace, resolve_database_url
from mandate_tracker.store.models import DocumentRow, UserRow

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "S-2020-600.txt"
DEMO_ADMIN = "admin"


def serve(
    host: str = "127.0.0.1", port: int = 8000, database_url: str | None = None, workers: int = 1
) -> None:
    """Serve the workspace at ``database_url`` until interrupted, printing the URL first.

    With ``workers`` > 1, uvicorn runs that many processes sharing one session key (taken from
    ``MANDATE_SECRET_KEY``, else made here); each keeps its own login throttle and read cache.
    """
    import uvicorn

    from mandate_tracker.web.app import create_app

    url = resolve_database_url(database_url)
    open_workspace(url).close()  # fail now, with the library's message, if it cannot be opened
    print(f"Mandate Tracker is running at http://{host}:{port}/  (Ctrl+C stops it)", flush=True)
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning"}
    if workers > 1:
        os.environ["MANDATE_DATABASE_URL"] = url
        os.environ.setdefault("MANDATE_SECRET_KEY", secrets.token_urlsafe(32))
        target = "mandate_tracker.web.app:create_app_from_environment"
        uvicorn.run(target, factory=True, workers=workers, server_header=False, **options)
    else:
        uvicorn.run(create_app(url), server_header=False, **options)


def prepare_demo(database_url: str | None = None) -> tuple[str, str | None]:
    """Create or upgrade the workspace, import the built-in example when it holds no document,
    and create an admin account when it has none. Returns the URL and the new admin's password
    (None when an account already existed)."""
    from mandate_tracker.track.accounts import create_user
    from mandate_tracker.track.documents import import_file

    url = resolve_database_url(database_url)
    init_workspace(url)
    workspace = open_workspace(url)
    password: str | None = None
    try:
        with workspace.session() as session:
            if not session.scalar(select(func.count()).select_from(DocumentRow)):
                import_file(session, EXAMPLE, actor="demo")
            if not session.scalar(select(func.count()).select_from(UserRow)):
                password = secrets.token_urlsafe(12)
                create_user(session, DEMO_ADMIN, "admin", password, actor="demo")
    finally:
        workspace.close()
    return url, password


def run_demo_server(
    host: str = "127.0.0.1", port: int = 8000, database_url: str | None = None
) -> None:
    """What ``mandate demo`` does: prepare the demo workspace, then serve it."""
    url, password = prepare_demo(database_url)
    if password is not None:
        print(f"Created the demo account: name {DEMO_ADMIN!r}, password {password!r}", flush=True)
    else:
        print("Log in with an existing account (add one with 'mandate user add').", flush=True)
    serve(host, port, url)
