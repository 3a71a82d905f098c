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


# --- reports ----------------------------------------------------------------------------------


def test_reports_list_what_the_text_asks_for_with_due_dates(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    reports = client.get("/api/reports").json()["reports"]
    by_kind = {r["kind"]: r for r in reports}
    assert set(by_kind) == {"quarterly", "letter", "roadmap"}
    quarterly = by_kind["quarterly"]
    assert quarterly["document"] == "S/2020/600" and quarterly["paragraph"] == "62"
    assert [s.split(" ")[0] for s in quarterly["sections"]] == ["(i)", "(ii)", "(iii)", "(iv)"]
    assert [d["due"] for d in quarterly["dues"]] == [
        "2020-09-29",
        "2020-12-29",
        "2021-03-29",
        "2021-06-29",
    ]
    assert quarterly["dues"][1] == {
        "number": 2,
        "start": "2020-09-29",
        "end": "2020-12-28",
        "due": "2020-12-29",
        "period": "2020Q4",
    }
    assert [d["due"] for d in by_kind["letter"]["dues"]] == ["2020-12-29", "2021-06-29"]
    assert by_kind["roadmap"]["paragraph"] == "64"
    assert by_kind["roadmap"]["dues"][0]["due"] == "2021-03-31"
    page = login(app, "viewer").get("/reports")
    assert page.status_code == 200
    assert "/reports/quarterly/download/pdf?document=S%2F2020%2F600&amp;period=2020Q4" in page.text


def test_a_report_as_json_as_a_page_and_as_files(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    params = {"document": "S/2020/600", "period": "2020Q4"}
    body = client.get("/api/reports/quarterly", params=params).json()
    assert body["number"] == 2 and body["due"] == "2020-12-29" and body["period"] == "2020Q4"
    assert [s["label"] for s in body["sections"]] == ["(i)", "(ii)", "(iii)", "(iv)"]
    first = body["sections"][0]
    assert first["provisions"][0] == "3" and first["obligations"]
    assert {"title", "owner", "due", "status", "source"} <= set(first["obligations"][0])
    assert first["narrative"] == "" and first["narrative_version"] == 0

    session = login(app, "viewer")
    page = session.get("/reports/quarterly", params=params)
    assert page.status_code == 200
    assert 'sandbox="" src="/reports/quarterly/view?document=S%2F2020%2F600&amp;period=2020Q4"' in (
        page.text
    )
    assert "Download PDF" in page.text and "Save narrative" not in page.text  # a viewer
    view = session.get("/reports/quarterly/view", params=params)
    assert view.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'self'" in view.headers["content-security-policy"]
    assert "script-src" not in view.headers["content-security-policy"]
    assert view.headers["x-frame-options"] == "SAMEORIGIN"
    assert first["title"] in view.text and "29 December 2020" in view.text

    pdf = session.get("/reports/quarterly/download/pdf", params=params)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == (
        'attachment; filename="S-2020-600-quarterly-2-2020-12-29.pdf"'
    )
    docx = session.get("/reports/quarterly/download/docx", params=params)
    assert docx.content.startswith(b"PK")
    assert docx.headers["content-type"].endswith("wordprocessingml.document")
    assert docx.headers["content-disposition"].endswith('-quarterly-2-2020-12-29.docx"')
    html = session.get("/reports/quarterly/download/html", params=params)
    assert html.headers["content-disposition"].startswith("attachment;")
    assert html.text == view.text


def test_a_bad_period_is_the_library_message_in_json_and_in_a_page(app: FastAPI) -> None:
    client = token_client(app, "viewer")
    outside = client.get("/api/reports/quarterly", params={"period": "2022Q3"})
    assert outside.status_code == 400
    assert outside.json()["error"]["code"] == "bad-input"
    assert "2022Q3 is outside the mandate" in outside.json()["error"]["message"]
    nonsense = client.get("/api/reports/letter", params={"period": "soon"})
    assert "is not a period" in nonsense.json()["error"]["message"]
    kind = client.get("/api/reports/weekly")
    assert kind.status_code == 400 and "quarterly, letter, roadmap" in kind.text
    rebuilt = client.get("/api/reports/letter", params={"as_of": "2020-11-01"}).json()
    assert (rebuilt["number"], rebuilt["as_of"], rebuilt["due"]) == (1, "2020-11-01", "2020-12-29")
    both = client.get("/api/reports/letter", params={"as_of": "2020-11-01", "period": "2020Q4"})
    assert both.status_code == 400 and "not both" in both.json()["error"]["message"]
    day = client.get("/api/reports/letter", params={"as_of": "2021-02-30"})
    assert day.status_code == 400 and day.json()["error"]["where"] == "as_of"
    page = login(app, "viewer").get("/reports/quarterly", params={"period": "2022Q3"})
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "2022Q3 is outside the mandate, which runs from 2020-06-29 to 2021-06-30" in page.text
    missing = client.get("/reports/quarterly/download/pdf", params={"document": "S/1999/1"})
    assert missing.status_code == 404


def test_an_editor_writes_a_narrative_with_its_version_and_it_reaches_the_files(
    app: FastAPI,
) -> None:
    editor = login(app, "editor")
    params = {"document": "S/2020/600", "period": "2020Q4"}
    page = editor.get("/reports/quarterly", params=params)
    assert "Save narrative" in page.text
    saved = editor.post(
        "/reports/quarterly/narrative",
        data={
            **params,
            "section": "(ii)",
            "text": "Redeployment <b>advanced</b> in Kidal.",
            "version": "0",
            "csrf_token": page_csrf(editor, "/reports/quarterly?period=2020Q4"),
        },
    )
    assert saved.status_code == 303
    assert saved.headers["location"].endswith("period=2020Q4#narrative-2")
    body = token_client(app, "viewer").get("/api/reports/quarterly", params=params).json()
    second = body["sections"][1]
    assert second["narrative"] == "Redeployment <b>advanced</b> in Kidal."
    assert second["narrative_version"] == 1
    view = editor.get("/reports/quarterly/view", params=params).text
    assert "Redeployment &lt;b&gt;advanced&lt;/b&gt; in Kidal." in view
    other = editor.get("/api/reports/quarterly", params={"period": "2021Q1"}).json()
    assert other["sections"][1]["narrative"] == ""  # report no. 3 has its own text

    api = token_client(app, "editor")
    stale = api.put(
        "/api/reports/quarterly/narrative",
        json={**params, "section": "(ii)", "text": "older draft", "version": 0},
    )
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    fresh = api.put(
        "/api/reports/quarterly/narrative",
        json={**params, "section": "(ii)", "text": "Second draft.", "version": 1},
    )
    assert fresh.status_code == 200 and fresh.json()["sections"][1]["narrative_version"] == 2
    unknown = api.put(
        "/api/reports/quarterly/narrative", json={**params, "section": "(ix)", "text": "x"}
    )
    assert unknown.status_code == 400 and "(i), (ii), (iii), (iv)" in unknown.text
    entries = api.get("/api/audit", params={"limit": 3}).json()["entries"]
    assert entries[0]["subject"] == "narrative S/2020/600#quarterly#2#(ii)"
    assert entries[0]["actor"] == "editor"
    viewer = token_client(app, "viewer").put(
        "/api/reports/quarterly/narrative", json={**params, "section": "(ii)", "text": "no"}
    )
    assert viewer.status_code == 403
