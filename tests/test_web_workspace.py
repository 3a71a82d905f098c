"""The JSON API over a real workspace (SQLite, and PostgreSQL when MANDATE_TEST_DATABASE_URL is
set): the built-in example imported, accounts with argon2 passwords and API tokens."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mandate_tracker.errors import StorageError
from mandate_tracker.web.app import create_app
from mandate_tracker.web.server import EXAMPLE, prepare_demo
from tests.conftest import ROOT
from tests.web_support import PASSWORD, login, page_csrf


@pytest.fixture
def app(db_url: str) -> Iterator[FastAPI]:
    from mandate_tracker.store import open_workspace
    from mandate_tracker.track.accounts import create_user

    prepare_demo(db_url)  # creates the workspace, imports the example, makes "admin"
    workspace = open_workspace(db_url)
    with workspace.session() as session:
        for role in ("viewer", "editor"):
            create_user(session, role, role, PASSWORD, actor="test")
        create_user(session, "chief", "admin", PASSWORD, actor="test")
    workspace.close()
    application = create_app(db_url, secret_key="test")
    yield application
    application.state.backend.close()


def token_client(app: FastAPI, name: str) -> TestClient:
    """A client that authenticates with a fresh API token of ``name``."""
    session = login(app, name)
    token = session.post("/api/token", headers={"x-csrf-token": page_csrf(session)})
    assert token.status_code == 201
    client = TestClient(app)
    client.headers["authorization"] = f"Bearer {token.json()['token']}"
    return client


def ob_path(obligation_id: str) -> str:
    return "/api/obligations/" + quote(obligation_id, safe="")


def test_the_demo_workspace_serves_the_example(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    documents = client.get("/api/documents").json()["documents"]
    assert [d["symbol"] for d in documents] == ["S/2020/600"]
    body = client.get("/api/documents/S/2020/600").json()
    assert body["document"]["symbol"] == "S/2020/600"
    assert len(body["paragraphs"]) == documents[0]["paragraphs"]
    assert body["obligations"] and all(o["document"] == "S/2020/600" for o in body["obligations"])


def test_dashboard_counts_agree_with_the_obligations_list(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    board = client.get("/api/dashboard").json()
    everything = client.get("/api/obligations").json()["obligations"]
    assert sum(c["count"] for c in board["obligations_by_status"]) == len(everything)
    overdue = [o["id"] for o in everything if o["status"] == "overdue"]
    assert sorted(o["id"] for o in board["overdue"]) == sorted(overdue)
    assert board["mandate_end"] == "2021-06-30"
    expected = (dt.date(2021, 6, 30) - dt.date.today()).days
    assert board["days_to_mandate_end"] == expected


def test_filters_narrow_the_board(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    everything = client.get("/api/obligations").json()["obligations"]
    reports = client.get("/api/obligations", params={"kind": "report"}).json()["obligations"]
    assert reports and all(o["kind"] == "report" for o in reports)
    assert len(reports) < len(everything)
    section = next(o["section"] for o in everything if o["section"])
    in_section = client.get("/api/obligations", params={"section": section}).json()
    assert all(o["section"] == section for o in in_section["obligations"])
    board = client.get("/api/dashboard").json()
    for count in board["obligations_by_status"]:
        found = client.get("/api/obligations", params={"status": count["status"]}).json()
        assert len(found["obligations"]) == count["count"], count["status"]
        assert all(o["status"] == count["status"] for o in found["obligations"])
    early = client.get("/api/obligations", params={"due_before": "2021-01-01"}).json()
    assert all(o["due"] and o["due"] < "2021-01-01" for o in early["obligations"])


def test_an_update_is_stored_audited_and_locked(app: FastAPI) -> None:
    editor = token_client(app, "editor")
    first = editor.get("/api/obligations").json()["obligations"][0]
    answer = editor.patch(
        ob_path(first["id"]),
        json={
            "status": "done",
            "note": "delivered",
            "evidence": "https://example.org/r",
            "version": first["version"],
        },
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "done"
    assert any("delivered" in note for note in answer.json()["notes"])
    stale = editor.patch(ob_path(first["id"]), json={"status": "open", "version": first["version"]})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    entries = editor.get("/api/audit", params={"limit": 5}).json()["entries"]
    change = next(e for e in entries if e["subject"] == f"obligation {first['id']}")
    assert change["actor"] == "editor" and "done" in change["detail"]


def test_overdue_cannot_be_set_by_hand(app: FastAPI) -> None:
    editor = token_client(app, "editor")
    first = editor.get("/api/obligations").json()["obligations"][0]
    answer = editor.patch(ob_path(first["id"]), json={"status": "overdue"})
    assert answer.status_code == 422
    assert "overdue is computed" in answer.json()["error"]["message"]


def test_a_viewer_cannot_change_anything(app: FastAPI) -> None:
    viewer = token_client(app, "viewer")
    first = viewer.get("/api/obligations").json()["obligations"][0]
    answer = viewer.patch(ob_path(first["id"]), json={"status": "done"})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "forbidden"


def test_recording_a_value_shows_on_the_indicator(app: FastAPI) -> None:
    editor = token_client(app, "editor")
    code = editor.get("/api/indicators").json()["indicators"][0]["code"]
    answer = editor.post(
        f"/api/indicators/{code}/observations",
        json={"period": "2020-12", "value": 12000, "evidence": "https://example.org/s"},
    )
    assert answer.status_code == 201, answer.text
    observation = answer.json()["observations"][-1]
    assert observation["value"] == 12000 and observation["period"] == "2020-12-31"
    assert observation["review_status"] == "draft" and "example.org" in observation["evidence"]
    bad = editor.post(
        f"/api/indicators/{code}/observations", json={"period": "2020-13", "value": 1}
    )
    assert bad.status_code == 422 and "2020-13" in bad.json()["error"]["message"]
    assert bad.json()["error"]["where"] == "period"


def test_calendar_and_its_ics(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    entries = client.get("/api/calendar").json()["entries"]
    assert entries and entries == sorted(entries, key=lambda e: e["date"])
    ics = client.get("/calendar.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.count("BEGIN:VEVENT") == len(entries)


def test_upload_through_the_api(app: FastAPI) -> None:
    admin = token_client(app, "chief")
    text = EXAMPLE.read_text(encoding="utf-8").replace("S/2020/600", "S/2020/999")
    answer = admin.post("/api/documents", files={"file": ("renewal.txt", text.encode())})
    assert answer.status_code == 201, answer.text
    assert answer.json() == {"symbol": "S/2020/999", "url": "/reader/S/2020/999"}
    symbols = [d["symbol"] for d in admin.get("/api/documents").json()["documents"]]
    assert "S/2020/999" in symbols
    junk = admin.post("/api/documents", files={"file": ("list.txt", b"eggs\nmilk\n")})
    assert junk.status_code in (400, 422)
    assert junk.json()["error"]["where"]
    wrong_type = admin.post("/api/documents", files={"file": ("a.docx", b"PK\x03\x04")})
    assert wrong_type.status_code == 400 and wrong_type.json()["error"]["where"] == "a.docx"


def test_an_admin_creates_an_account_that_can_log_in(app: FastAPI) -> None:
    admin = token_client(app, "chief")
    made = admin.post(
        "/api/users", json={"name": "ana", "password": "long enough pw", "role": "editor"}
    )
    assert made.status_code == 201
    again = admin.post(
        "/api/users", json={"name": "ana", "password": "long enough pw", "role": "editor"}
    )
    assert again.status_code == 409
    short = admin.post("/api/users", json={"name": "bo", "password": "short", "role": "viewer"})
    assert short.status_code == 422 and short.json()["error"]["where"] == "password"
    client = login(app, "ana", "long enough pw")
    assert client.get("/api/me").json() == {"name": "ana", "role": "editor"}


def test_the_demo_is_prepared_once(db_url: str) -> None:
    from mandate_tracker.store import open_workspace
    from mandate_tracker.track.audit import audit_entries

    url, password = prepare_demo(db_url)
    assert url == db_url and password and len(password) >= 12
    workspace = open_workspace(db_url)
    with workspace.session() as session:
        before = len(audit_entries(session))
    assert prepare_demo(db_url) == (db_url, None)  # no second import, no second account
    with workspace.session() as session:
        assert len(audit_entries(session)) == before
    workspace.close()


def test_serve_refuses_a_database_that_is_not_a_workspace(tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'none.sqlite3'}"
    answer = subprocess.run(
        [sys.executable, "-m", "mandate_tracker", "serve", "--db", missing, "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert answer.returncode == StorageError.exit_code, answer.stderr
    assert answer.stderr.startswith("error:") and "none.sqlite3" in answer.stderr
