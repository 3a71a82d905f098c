"""User accounts: roles, argon2 password hashes and API tokens (only their hash is stored).

API tokens are 256-bit random strings; the workspace keeps their SHA-256 so a token can be looked
up by hash (argon2 is for low-entropy passwords; a random token needs no key stretching).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import (
    AuthError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from mandate_tracker.store.models import UserRow
from mandate_tracker.track import audit

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def get_user(session: Session, name: str) -> UserRow:
    user = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    if user is None:
        raise NotFoundError(f"no user {name!r}", where="user")
    return user


def create_user(
    session: Session, name: str, role: str, password: str, *, actor: str = "system"
) -> UserRow:
    if not name.strip() or name != name.strip():
        raise ValidationError("a user name cannot be empty or start/end with spaces", where="name")
    if role not in ROLES:
        raise ValidationError(f"role must be one of {', '.join(ROLES)}, not {role!r}", where="role")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"a password needs at least {MIN_PASSWORD} characters", where="password"
        )
    if session.scalars(select(UserRow.id).where(UserRow.name == name)).first() is not None:
        raise ConflictError(f"user {name!r} already exists")
    user = UserRow(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="user",
        object_id=name,
        action="create",
        before=None,
        after=audit.state_of(user),
    )
    return user


def authenticate(session: Session, name: str, password: str) -> UserRow:
    """The user, when the password is right; :class:`AuthError` (saying no more) otherwise."""
    user = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    if user is None:
        _hasher.hash(password)  # spend the same time as a real check: no user enumeration
        raise AuthError("wrong user name or password")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError) as error:
        raise AuthError("wrong user name or password") from error
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def issue_api_token(session: Session, name: str, *, actor: str = "system") -> str:
    """A new API token for the user (replacing any old one); only its hash is stored."""
    user = get_user(session, name)
    token = secrets.token_urlsafe(32)
    user.api_token_hash = token_hash(token)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="user",
        object_id=name,
        action="issue-token",
        before=None,
        after=audit.state_of(user),
    )
    return token


def user_for_token(session: Session, token: str) -> UserRow:
    if not token:
        raise AuthError("no API token given")
    user = session.scalars(select(UserRow).where(UserRow.api_token_hash == token_hash(token)))
    found = user.first()
    if found is None:
        raise AuthError("unknown or revoked API token")
    return found


def require_role(user: UserRow, minimum: str) -> None:
    """:class:`PermissionDeniedError` unless the user's role is at least ``minimum``
    (viewer < editor < admin)."""
    if minimum not in ROLES:
        raise ValueError(f"unknown role {minimum!r}")
    if ROLES.index(user.role) < ROLES.index(minimum):
        raise PermissionDeniedError(f"{user.name} is a {user.role}; this needs {minimum}")


def revoke_api_token(session: Session, name: str, *, actor: str = "system") -> None:
    user = get_user(session, name)
    user.api_token_hash = None
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="user",
        object_id=name,
        action="revoke-token",
        before=None,
        after=audit.state_of(user),
    )


def set_password(session: Session, name: str, password: str, *, actor: str = "system") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"a password needs at least {MIN_PASSWORD} characters", where="password"
        )
    user = get_user(session, name)
    user.password_hash = _hasher.hash(password)
    session.flush()
    audit.record(
        session,
        actor=actor,
        object_type="user",
        object_id=name,
        action="set-password",
        before=None,
        after=audit.state_of(user),
    )
