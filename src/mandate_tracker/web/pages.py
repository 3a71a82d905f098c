"""Shared plumbing of the routes: the backend, the current user, templates and JSON shaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from mandate_tracker.model import PartialDate
from mandate_tracker.web.backend import WebBackend
from mandate_tracker.web.security import (
    Principal,
    Role,
    bearer_token,
    check_csrf,
    csrf_token,
    require,
)

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.auto_reload = False  # templates ship with the package: no stat() per render


def document_url(symbol: str) -> str:
    """The reader's address for a document: its symbol keeps its slashes ("/reader/S/2020/600")."""
    return "/reader/" + quote(symbol, safe="/()")


def dom_id(obligation_id: str) -> str:
    """An obligation's id as an HTML id and URL fragment ("ob-S-2020-600-para-3")."""
    return "ob-" + re.sub(r"[^A-Za-z0-9_-]+", "-", obligation_id).strip("-")


templates.env.globals["document_url"] = document_url
templates.env.filters["dom_id"] = dom_id


def get_backend(request: Request) -> WebBackend:
    backend: WebBackend = request.app.state.backend
    return backend


async def backend_dependency(request: Request) -> WebBackend:
    # async: FastAPI runs a plain-def dependency in its thread pool, a hop this needs not pay.
    return get_backend(request)


Backend = Annotated[WebBackend, Depends(backend_dependency)]


def current_principal(request: Request) -> Principal | None:
    """The user behind the request: an API token wins over the session cookie."""
    backend = get_backend(request)
    token = bearer_token(request)
    if token is not None:
        return backend.principal_for_token(token)
    name = request.session.get("user")
    if not isinstance(name, str):
        return None
    principal = backend.principal_named(name)
    if principal is None:  # the account was removed since the login
        request.session.clear()
    return principal


def role(needed: Role) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency that admits users with at least ``needed`` and checks CSRF on writes."""

    async def dependency(request: Request) -> Principal:
        principal = require(current_principal(request), needed, request.url.path)
        await check_csrf(request)
        request.state.principal = principal
        return principal

    dependency.__name__ = f"require_{needed}"
    return dependency


Viewer = Annotated[Principal, Depends(role("viewer"))]
Editor = Annotated[Principal, Depends(role("editor"))]
Admin = Annotated[Principal, Depends(role("admin"))]


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page needs: the user and the CSRF token."""
    principal = getattr(request.state, "principal", None)
    context.update(
        request=request,
        user=principal,
        csrf=csrf_token(request) if "session" in request.scope else "",
        today=dt.date.today(),
    )
    return templates.TemplateResponse(request, template, context, status_code=status_code)


BODY_CACHE_SIZE = 32


def cached_fragment(
    request: Request, key: tuple[Any, ...], render: Callable[[], tuple[str, str]]
) -> tuple[str, Markup]:
    """A (title, HTML) pair that depends only on the workspace, never on the user, rendered
    once per workspace revision and shared by every request until the workspace changes."""
    cache: dict[tuple[Any, ...], tuple[str, Markup]] = request.app.state.fragment_cache
    full_key = (*key, get_backend(request).revision())
    found = cache.get(full_key)
    if found is None:
        title, html = render()
        found = (title, Markup(html))  # rendered by an autoescaping template
        if len(cache) >= BODY_CACHE_SIZE:
            cache.clear()
        cache[full_key] = found
    return found


def cached_json(request: Request, key: tuple[Any, ...], compute: Callable[[], Any]) -> Response:
    """A JSON answer that depends only on the workspace: serialised once per revision."""
    cache: dict[tuple[Any, ...], bytes] = request.app.state.json_cache
    full_key = (*key, get_backend(request).revision())
    body = cache.get(full_key)
    if body is None:
        body = json.dumps(plain(compute()), ensure_ascii=False, separators=(",", ":")).encode()
        if len(cache) >= BODY_CACHE_SIZE:
            cache.clear()
        cache[full_key] = body
    return Response(body, media_type="application/json")


def render_fragment(template: str, **context: Any) -> str:
    return templates.get_template(template).render(**context)


def plain(value: Any) -> Any:
    """Dataclasses, dates and partial dates as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, PartialDate | enum.Enum):
        return str(value.value if isinstance(value, enum.Enum) else value)
    return value


def as_json(value: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(plain(value), status_code=status_code)
