"""One exception hierarchy for the whole library.

Every error the library raises on purpose is a :class:`MandateError`. The edges translate it:
the CLI prints ``error: <message>`` and exits with :attr:`MandateError.exit_code`; the web app
answers with :attr:`MandateError.http_status` and the JSON shape
``{"error": {"code": ..., "message": ..., "where": ...}}``.
"""

from __future__ import annotations


class MandateError(Exception):
    """Base of every error Mandate Tracker raises deliberately."""

    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "where": self.where}


class InputError(MandateError):
    """The user's input (a file, a field, an argument) cannot be used."""

    code = "bad-input"
    exit_code = 2
    http_status = 400


class SourceError(InputError):
    """A source document cannot be read: missing, empty, binary, encrypted, too large."""

    code = "bad-source"


class NotAResolutionError(InputError):
    """The text reads, but it is not a Security Council document."""

    code = "not-a-resolution"
    http_status = 422


class ValidationError(InputError):
    """A value fails validation (wrong type, a date that does not exist, a wrong column)."""

    code = "invalid"
    http_status = 422


class NotFoundError(MandateError):
    """A requested record does not exist."""

    code = "not-found"
    exit_code = 3
    http_status = 404


class ConflictError(MandateError):
    """Someone else changed the record since it was read (optimistic locking)."""

    code = "conflict"
    exit_code = 4
    http_status = 409


class StorageError(MandateError):
    """The database cannot be opened, is foreign or corrupt, or is from a newer version."""

    code = "storage"
    exit_code = 5
    http_status = 503


class AuthError(MandateError):
    """Not logged in, or the credentials are wrong."""

    code = "unauthenticated"
    exit_code = 6
    http_status = 401


class PermissionDeniedError(AuthError):
    """Logged in, but the role does not allow this."""

    code = "forbidden"
    http_status = 403


class RateLimitedError(AuthError):
    """Too many attempts in too short a time."""

    code = "rate-limited"
    http_status = 429


class RenderError(MandateError):
    """A report or chart cannot be rendered (e.g. a renderer is missing)."""

    code = "render"
    exit_code = 7
    http_status = 500
