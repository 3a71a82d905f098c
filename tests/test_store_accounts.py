"""User accounts: argon2 passwords, hashed API tokens, the `mandate user add` command."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from mandate_tracker.cli import main
from mandate_tracker.errors import (
    AuthError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from mandate_tracker.store import Workspace
from mandate_tracker.store.models import AuditRow, UserRow
from mandate_tracker.track.accounts import (
    authenticate,
    create_user,
    issue_api_token,
    require_role,
    revoke_api_token,
    set_password,
    user_for_token,
)

PASSWORD = "correct horse battery"


def test_password_and_token_lifecycle(workspace: Workspace) -> None:
    with workspace.session() as session:
        user = create_user(session, "ana", "editor", PASSWORD, actor="admin")
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    with workspace.session() as session:
        assert authenticate(session, "ana", PASSWORD).role == "editor"
        with pytest.raises(AuthError, match="wrong user name or password"):
            authenticate(session, "ana", "wrong password")
        with pytest.raises(AuthError, match="wrong user name or password"):
            authenticate(session, "nobody", PASSWORD)
        token = issue_api_token(session, "ana")
    with workspace.session() as session:
        stored = session.scalars(select(UserRow.api_token_hash)).one()
        assert stored is not None and token not in stored and len(stored) == 64
        assert user_for_token(session, token).name == "ana"
        replacement = issue_api_token(session, "ana")
    with workspace.session() as session:
        with pytest.raises(AuthError, match="revoked"):
            user_for_token(session, token)
        assert user_for_token(session, replacement).name == "ana"
        logged = [row.after for row in session.scalars(select(AuditRow))]
        assert all("password_hash" not in (entry or {}) for entry in logged)
        assert all("api_token_hash" not in (entry or {}) for entry in logged)


def test_bad_accounts(workspace: Workspace) -> None:
    with workspace.session() as session:
        create_user(session, "ana", "viewer", PASSWORD)
        with pytest.raises(ConflictError):
            create_user(session, "ana", "viewer", PASSWORD)
        with pytest.raises(ValidationError, match="role"):
            create_user(session, "bo", "owner", PASSWORD)
        with pytest.raises(ValidationError, match="at least 8"):
            create_user(session, "bo", "viewer", "short")


def test_cli_user_add_with_password_from_stdin(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = workspace.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    with pytest.raises(SystemExit) as done:
        main(["user", "add", "lead", "--role", "admin", "--password-stdin", "--db", url])
    assert done.value.code == 0, capsys.readouterr().err
    with workspace.session() as session:
        assert authenticate(session, "lead", PASSWORD).role == "admin"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    with pytest.raises(SystemExit) as done:
        main(["user", "add", "x", "--role", "boss", "--password-stdin", "--db", url])
    assert done.value.code == 2


def test_roles_revocation_and_password_change(workspace: Workspace) -> None:
    with workspace.session() as session:
        viewer = create_user(session, "vi", "viewer", PASSWORD)
        admin = create_user(session, "ad", "admin", PASSWORD)
        require_role(viewer, "viewer")
        require_role(admin, "editor")
        with pytest.raises(PermissionDeniedError, match="vi is a viewer; this needs editor"):
            require_role(viewer, "editor")
        token = issue_api_token(session, "vi")
        revoke_api_token(session, "vi")
        with pytest.raises(AuthError):
            user_for_token(session, token)
        set_password(session, "vi", "a brand new passphrase")
        with pytest.raises(AuthError):
            authenticate(session, "vi", PASSWORD)
        assert authenticate(session, "vi", "a brand new passphrase").name == "vi"
