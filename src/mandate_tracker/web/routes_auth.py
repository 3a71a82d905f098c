"""Logging in and out, API tokens and accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from mandate_tracker.errors import AuthError
from mandate_tracker.web.pages import Admin, Backend, Viewer, as_json, page
from mandate_tracker.web.security import LoginThrottle, Role, check_csrf

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never send a user to another site after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next: str | None = None) -> Response:
    if isinstance(request.session.get("user"), str):
        return RedirectResponse(_safe_next(next), status_code=303)
    return page(request, "login.html", next=_safe_next(next), error=None, name="")


@router.post("/login", include_in_schema=False)
async def login(
    request: Request,
    backend: Backend,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    await check_csrf(request)
    throttle: LoginThrottle = request.app.state.login_throttle
    address = _client(request)
    try:
        throttle.check(name, address)
        try:
            # argon2 takes tens of milliseconds: keep it off the event loop
            principal = await run_in_threadpool(backend.authenticate, name, password)
        except AuthError:
            throttle.failed(name, address)
            raise
    except AuthError as error:  # wrong credentials, or throttled (RateLimitedError)
        return page(
            request, "login.html", error.http_status, next=_safe_next(next), error=error, name=name
        )
    throttle.succeeded(name, address)
    request.session.clear()  # a fresh session (and CSRF token) after login
    request.session["user"] = principal.name
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request, user: Viewer) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/api/me", tags=["accounts"])
def me(user: Viewer) -> JSONResponse:
    """The account the request is made as."""
    return as_json({"name": user.name, "role": user.role})


@router.post("/api/token", tags=["accounts"], status_code=201)
def new_token(user: Viewer, backend: Backend) -> JSONResponse:
    """Issue a new API token for yourself (shown once; replaces your earlier one).

    Send it as ``Authorization: Bearer <token>``; such requests need no CSRF token.
    """
    token = backend.issue_api_token(user.name, actor=user.name)
    return as_json({"token": token}, status_code=201)


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)
    role: Role


@router.post("/api/users", tags=["accounts"], status_code=201)
def add_user(body: NewUser, admin: Admin, backend: Backend) -> JSONResponse:
    """Create an account (admin only)."""
    created = backend.create_user(body.name, body.password, body.role, actor=admin.name)
    return as_json({"name": created.name, "role": created.role}, status_code=201)
