"""Who is asking, and may they: sessions, API tokens, roles, CSRF, login throttling, headers.

- The browser holds a signed session cookie (Starlette's ``SessionMiddleware``, signed with
  itsdangerous; ``HttpOnly``, ``SameSite=Lax``) carrying the user's name and a CSRF token.
- Scripts send ``Authorization: Bearer <token>``; such requests carry no cookie, so they cannot be
  forged by another site and are exempt from the CSRF check.
- Every state-changing request from a session must echo the CSRF token, in the ``csrf_token``
  form field or the ``X-CSRF-Token`` header (HTMX sends the header on every request).
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mandate_tracker.errors import AuthError, PermissionDeniedError, RateLimitedError

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Principal:
    """The person behind a request, as the web edge sees them."""

    name: str
    role: Role
    via_token: bool = False

    def may(self, needed: Role) -> bool:
        return ROLES.index(self.role) >= ROLES.index(needed)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing session request that does not echo the session's CSRF token."""
    if request.method in SAFE_METHODS or bearer_token(request) is not None:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or sent is None or not hmac.compare_digest(expected, sent):
        raise PermissionDeniedError(
            "the form has expired or did not come from this site (CSRF token missing or wrong); "
            "reload the page and try again",
            where=request.url.path,
        )


def _is_form(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def require(principal: Principal | None, needed: Role, where: str) -> Principal:
    if principal is None:
        raise AuthError("log in first", where=where)
    if not principal.may(needed):
        raise PermissionDeniedError(
            f"{principal.name} has role {principal.role}; this needs {needed}", where=where
        )
    return principal


class LoginThrottle:
    """In-memory limit on failed logins per (name, client address) in a sliding window."""

    def __init__(
        self,
        max_failures: int = 5,
        window_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}

    def check(self, name: str, address: str) -> None:
        recent = self._recent((name.casefold(), address))
        if len(recent) >= self.max_failures:
            wait = int(self.window - (self.clock() - recent[0])) + 1
            raise RateLimitedError(
                f"too many failed logins for {name!r}; try again in {wait} s", where="/login"
            )

    def failed(self, name: str, address: str) -> None:
        self._recent((name.casefold(), address)).append(self.clock())

    def succeeded(self, name: str, address: str) -> None:
        self._failures.pop((name.casefold(), address), None)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        entries = self._failures.setdefault(key, deque())
        horizon = self.clock() - self.window
        while entries and entries[0] < horizon:
            entries.popleft()
        return entries


# Scripts and styles come only from this server. Vega compiles its expressions with an
# interpreter (no eval); vega-embed and Leaflet set style attributes, hence 'unsafe-inline'
# for styles only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The OpenAPI page (Swagger UI, served from our own vendor folder) boots with an inline script.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
)


class SecurityHeadersMiddleware:
    """Adds the same protective headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (
            DOCS_CONTENT_SECURITY_POLICY if scope["path"] == "/docs" else CONTENT_SECURITY_POLICY
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                # A response that sets its own policy or framing rule keeps it (the report
                # shown in the report page's frame); every other response gets the defaults.
                own = {name.lower() for name, _ in headers}
                headers += [
                    (name, value)
                    for name, value in [
                        (b"content-security-policy", policy.encode()),
                        (b"x-content-type-options", b"nosniff"),
                        (b"x-frame-options", b"DENY"),
                        (b"referrer-policy", b"same-origin"),
                        (b"cross-origin-opener-policy", b"same-origin"),
                        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                    ]
                    if name not in own
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
