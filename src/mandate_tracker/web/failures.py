"""One JSON error shape for the API, one error page for HTML.

API paths answer ``{"error": {"code", "message", "where"}}`` with the status of the
:class:`~mandate_tracker.errors.MandateError` class; pages render ``error.html`` with the same
fields. An anonymous visitor asking for a page is sent to ``/login`` instead.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from mandate_tracker.errors import (
    AuthError,
    InputError,
    MandateError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ValidationError,
)
from mandate_tracker.web.pages import page
from mandate_tracker.web.security import bearer_token

log = logging.getLogger(__name__)

API_PREFIXES = ("/api/", "/openapi.json")


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(API_PREFIXES) or path == "/api"


def error_response(request: Request, error: MandateError) -> Response:
    if wants_json(request):
        return JSONResponse({"error": error.as_dict()}, status_code=error.http_status)
    if type(error) is AuthError and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    if request.headers.get("hx-request"):
        # HTMX swaps the answer into the page: a fragment, not a whole page.
        return page(request, "_error_fragment.html", error.http_status, error=error)
    return page(request, "error.html", error.http_status, error=error)


def _from_http(exc: StarletteHTTPException, path: str) -> MandateError:
    kinds: dict[int, type[MandateError]] = {
        400: InputError,
        401: AuthError,
        403: PermissionDeniedError,
        404: NotFoundError,
        422: ValidationError,
        429: RateLimitedError,
    }
    error_class = kinds.get(exc.status_code, MandateError)
    error = error_class(str(exc.detail), where=path)
    if error_class is MandateError:
        error.http_status = exc.status_code
        error.code = "http-error"
    return error


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for problem in exc.errors():
        location = ".".join(str(part) for part in problem.get("loc", ()))
        problems.append(f"{location}: {problem.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(MandateError)
    async def on_mandate_error(request: Request, exc: MandateError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        error = ValidationError(_validation_message(exc), where=request.url.path)
        return error_response(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        error = _from_http(exc, request.url.path)
        anonymous = request.session.get("user") is None and bearer_token(request) is None
        if exc.status_code == 404 and anonymous:
            error = AuthError("log in first", where=request.url.path)
        return error_response(request, error)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        error = MandateError("internal error; the details are in the server log")
        return error_response(request, error)
