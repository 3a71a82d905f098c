"""The application factory: ``create_app(database_url)`` gives a ready FastAPI app."""

from __future__ import annotations

import os
import secrets

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from mandate_tracker.web import routes_auth, routes_reader, routes_reports, routes_tracking
from mandate_tracker.web.backend import WebBackend
from mandate_tracker.web.failures import install_error_handlers
from mandate_tracker.web.pages import STATIC_DIR, Viewer
from mandate_tracker.web.security import LoginThrottle, SecurityHeadersMiddleware

SESSION_COOKIE = "mandate_session"
SESSION_MAX_AGE = 8 * 3600  # a working day


def create_app(
    database_url: str | None = None,
    *,
    backend: WebBackend | None = None,
    secret_key: str | None = None,
    https_only: bool = False,
    login_throttle: LoginThrottle | None = None,
) -> FastAPI:
    """The web app over the workspace at ``database_url`` (default: the user's workspace).

    ``secret_key`` signs session cookies; without it (or ``MANDATE_SECRET_KEY``) a random key is
    made, so sessions end when the server restarts. ``https_only`` marks cookies ``Secure``.
    """
    if backend is None:
        from mandate_tracker.web.workspace_backend import WorkspaceBackend

        backend = WorkspaceBackend(database_url)
    key = secret_key or os.environ.get("MANDATE_SECRET_KEY") or secrets.token_urlsafe(32)
    app = FastAPI(
        title="Mandate Tracker",
        summary="A UN Security Council mandate as a live implementation tracker.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.backend = backend
    app.state.login_throttle = login_throttle or LoginThrottle()
    app.state.fragment_cache = {}
    app.state.json_cache = {}
    app.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=https_only,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(routes_auth.router)
    app.include_router(routes_tracking.router)
    app.include_router(routes_reader.router)
    app.include_router(routes_reports.router)
    _add_docs(app)
    return app


def create_app_from_environment() -> FastAPI:
    """The app for a server process started by uvicorn (``--workers`` > 1): the database URL
    and the session key come from ``MANDATE_DATABASE_URL`` and ``MANDATE_SECRET_KEY``, which
    every worker shares."""
    return create_app(os.environ.get("MANDATE_DATABASE_URL"))


def _add_docs(app: FastAPI) -> None:
    """OpenAPI and Swagger UI, for logged-in users, with Swagger's files served locally."""

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(user: Viewer) -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request, user: Viewer) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Mandate Tracker API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
