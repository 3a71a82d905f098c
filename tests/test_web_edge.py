"""The web edge on its own: errors, sessions, CSRF, throttling, headers, escaping, permissions.

These run against an in-memory backend (tests/web_memory_backend.py) so they pin the HTTP
behaviour; the same routes over the real workspace are tested in test_web_workspace.py.
"""

from __future__ import annotations

import inspect
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape

from mandate_tracker import errors, parse
from mandate_tracker.errors import MandateError
from mandate_tracker.model import walk_items
from mandate_tracker.web.app import create_app
from mandate_tracker.web.backend import IndicatorView, TargetPoint
from mandate_tracker.web.security import LoginThrottle
from tests.conftest import ROOT
from tests.web_memory_backend import MemoryBackend
from tests.web_support import (
    PASSWORD,
    csrf_of,
    login,
    page_csrf,
    sample_document,
    sample_obligation,
)

ROLES = ("viewer", "editor", "admin")


@pytest.fixture
def backend() -> MemoryBackend:
    memory = MemoryBackend()
    for role in ROLES:
        memory.add_user(role, PASSWORD, role)
    memory.add_document(sample_document(hostile=" <script>alert('x')</script>"))
    memory.add_obligation(sample_obligation())
    memory.indicator_rows["STR-1"] = IndicatorView(
        "STR-1", "Members deployed", "members", "not assessed", (TargetPoint("2021-06", 2000),)
    )
    return memory


@pytest.fixture
def app(backend: MemoryBackend) -> FastAPI:
    return create_app(backend=backend, secret_key="test-secret")


# --- errors ---------------------------------------------------------------------------

ERROR_CLASSES = [
    cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, MandateError)
]


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_class_answers_its_status_in_one_json_shape_and_one_page(
    app: FastAPI, error_class: type[MandateError]
) -> None:
    def boom() -> None:
        raise error_class("the thing went wrong", where="file.txt:3")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    client = login(app, "viewer")

    answer = client.get("/api/boom")
    assert answer.status_code == error_class.http_status
    assert answer.json() == {
        "error": {
            "code": error_class.code,
            "message": "the thing went wrong",
            "where": "file.txt:3",
        }
    }
    page = client.get("/boom")
    if error_class is errors.AuthError:  # a page that needs a login sends you to log in
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
    else:
        assert page.status_code == error_class.http_status
        assert "text/html" in page.headers["content-type"]
        assert "the thing went wrong" in page.text and error_class.code in page.text


def test_unknown_api_route_and_bad_query_use_the_same_error_shape(app: FastAPI) -> None:
    client = login(app, "viewer")
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"
    bad = client.get("/api/audit", params={"limit": "lots"})
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid" and "limit" in bad.json()["error"]["message"]


def test_unexpected_exception_is_a_500_in_the_same_shape(backend: MemoryBackend) -> None:
    app = create_app(backend=backend, secret_key="k")

    def broken() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/broken", broken)
    client = TestClient(app, raise_server_exceptions=False)
    client.headers["authorization"] = f"Bearer {next(iter(backend.tokens))}"
    answer = client.get("/api/broken")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "error"
    assert "secret internals" not in answer.text


# --- anonymous visitors, login, sessions --------------------------------------------------


def test_anonymous_visitor_is_sent_to_login_and_the_api_answers_401(app: FastAPI) -> None:
    client = TestClient(app, follow_redirects=False)
    for path in ("/", "/reader/S/2020/600", "/obligations", "/docs", "/no-such-page"):
        answer = client.get(path)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=")
    for path in ("/api/dashboard", "/api/documents", "/openapi.json", "/api/unknown"):
        answer = client.get(path)
        assert answer.status_code == 401, path
        assert answer.json()["error"]["code"] == "unauthenticated"
    assert client.get("/login").status_code == 200


def test_login_sets_a_signed_httponly_samesite_cookie_and_returns_to_next(app: FastAPI) -> None:
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"name": "editor", "password": PASSWORD, "csrf_token": token, "next": "/obligations"},
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/obligations"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/api/me").json() == {"name": "editor", "role": "editor"}


def test_login_never_redirects_off_site(app: FastAPI) -> None:
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={
            "name": "viewer",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
    )
    assert answer.headers["location"] == "/"


def test_wrong_password_shows_the_form_again_with_the_error(app: FastAPI) -> None:
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    answer = client.post("/login", data={"name": "viewer", "password": "nope", "csrf_token": token})
    assert answer.status_code == 401
    assert "wrong password" in answer.text and 'value="viewer"' in answer.text
    assert client.get("/api/me").status_code == 401


def test_logins_are_throttled_per_name_and_address(backend: MemoryBackend) -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=3, window_seconds=60, clock=lambda: now[0])
    app = create_app(backend=backend, secret_key="k", login_throttle=throttle)

    def attempt(name: str, password: str) -> int:
        client = TestClient(app, follow_redirects=False)  # a fresh session each time
        token = csrf_of(client.get("/login").text)
        data = {"name": name, "password": password, "csrf_token": token}
        return client.post("/login", data=data).status_code

    assert [attempt("viewer", "bad") for _ in range(3)] == [401, 401, 401]
    assert attempt("viewer", PASSWORD) == 429  # even the right password waits
    assert attempt("editor", PASSWORD) == 303  # another name is not blocked
    now[0] += 61
    assert attempt("viewer", PASSWORD) == 303


def test_logout_ends_the_session(app: FastAPI) -> None:
    client = login(app, "viewer")
    token = page_csrf(client)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/api/me").status_code == 401


def test_removed_account_loses_its_session(app: FastAPI, backend: MemoryBackend) -> None:
    client = login(app, "viewer")
    del backend.users["viewer"]
    assert client.get("/api/me").status_code == 401


# --- CSRF and API tokens -------------------------------------------------------------------


def test_state_changing_requests_need_the_csrf_token(app: FastAPI) -> None:
    client = login(app, "editor")
    body = {"status": "in progress", "note": "started"}
    path = "/api/obligations/S/2020/600%23para-1"
    refused = client.patch(path, json=body)
    assert refused.status_code == 403 and "CSRF" in refused.json()["error"]["message"]
    wrong = client.patch(path, json=body, headers={"x-csrf-token": "forged"})
    assert wrong.status_code == 403
    token = page_csrf(client)
    accepted = client.patch(path, json=body, headers={"x-csrf-token": token})
    assert accepted.status_code == 200 and accepted.json()["status"] == "in progress"


def test_forms_without_the_csrf_field_are_refused(app: FastAPI) -> None:
    client = login(app, "editor")
    form = {"obligation_id": "S/2020/600#para-1", "status": "done"}
    assert client.post("/obligations/update", data=form).status_code == 403
    form["csrf_token"] = page_csrf(client, "/obligations")
    assert client.post("/obligations/update", data=form).status_code == 303


def test_api_token_works_without_cookie_or_csrf(app: FastAPI, backend: MemoryBackend) -> None:
    token = next(t for t, name in backend.tokens.items() if name == "editor")
    client = TestClient(app)
    headers = {"authorization": f"Bearer {token}"}
    answer = client.patch(
        "/api/obligations/S/2020/600%23para-1", json={"status": "done"}, headers=headers
    )
    assert answer.status_code == 200
    bad = client.get("/api/me", headers={"authorization": "Bearer not-a-token"})
    assert bad.status_code == 401


def test_stale_version_is_a_conflict(app: FastAPI) -> None:
    client = login(app, "editor")
    token = page_csrf(client)
    path = "/api/obligations/S/2020/600%23para-1"
    headers = {"x-csrf-token": token}
    assert client.patch(path, json={"status": "done", "version": 1}, headers=headers).is_success
    stale = client.patch(path, json={"status": "blocked", "version": 1}, headers=headers)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"


# --- headers, static files, docs -------------------------------------------------------------


def test_every_response_carries_the_security_headers(app: FastAPI) -> None:
    client = TestClient(app, follow_redirects=False)
    for path in ("/login", "/", "/api/me", "/static/app.css"):
        headers = client.get(path).headers
        assert "script-src 'self';" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_another_site(app: FastAPI) -> None:
    client = login(app, "admin")
    for path in ("/", "/reader/S/2020/600", "/obligations", "/indicators/STR-1", "/docs"):
        html = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(https?:)?//", url), f"{path} loads {url}"


def test_openapi_lists_the_json_twins(app: FastAPI) -> None:
    spec = login(app, "viewer").get("/openapi.json").json()
    for path in (
        "/api/dashboard",
        "/api/obligations",
        "/api/documents/{symbol}",
        "/api/indicators/{code}",
        "/api/calendar",
        "/api/audit",
    ):
        assert path in spec["paths"], path


# --- the reader -------------------------------------------------------------------------------


def test_reader_shows_hostile_text_as_text(app: FastAPI) -> None:
    html = login(app, "viewer").get("/reader/S/2020/600").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_reader_marks_each_fact_with_what_was_extracted(app: FastAPI) -> None:
    html = login(app, "viewer").get("/reader/S/2020/600").text
    deadline = re.search(
        r'<mark class="fact fact-deadline"[^>]*title="([^"]+)"[^>]*>([^<]+)<', html
    )
    assert deadline and deadline.groups() == ("Deadline: 2021-06-30", "30 June 2021")
    assert 'title="Target: &gt;= 2000 members"' in html
    assert 'title="Recurs every P3M"' in html
    assert re.search(
        r'class="fact fact-verb"[^>]*title="Operative verb: Decides \(decision\)"', html
    )
    assert re.search(r'title="Addressee: Secretary-General"[^>]*>Secretary-General<', html)
    # permalinks for paragraphs and items, headings in the table of contents
    for anchor in ("para-1", "para-2", "para-2-a", "pre-1"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert '<a href="#heading-1">Priority tasks</a>' in html


def test_references_to_workspace_documents_are_links(app: FastAPI, backend: MemoryBackend) -> None:
    client = login(app, "viewer")
    html = client.get("/reader/S/2020/600").text
    assert 'title="Reference: S/RES/2374(2017)"' in html and "/reader/S/RES/2374" not in html
    backend.add_document(sample_document("S/RES/2374(2017)"))
    html = client.get("/reader/S/2020/600").text
    assert '<a class="fact fact-reference" href="/reader/S/RES/2374(2017)"' in html


def test_panel_lists_the_obligations_of_the_selected_paragraph(app: FastAPI) -> None:
    client = login(app, "viewer")
    panel = client.get("/reader/panel", params={"symbol": "S/2020/600", "anchor": "para-1"})
    assert panel.status_code == 200
    assert "Report every three months" in panel.text and "2021-06-30" in panel.text
    other = client.get("/reader/panel", params={"symbol": "S/2020/600", "anchor": "para-2-a"})
    assert "Report every three months" not in other.text
    assert "No obligation comes from this paragraph" in other.text
    missing = client.get("/reader/panel", params={"symbol": "S/2020/600", "anchor": "para-99"})
    assert missing.status_code == 404


def test_unknown_document_is_a_404_page(app: FastAPI) -> None:
    answer = login(app, "viewer").get("/reader/S/1999/1")
    assert answer.status_code == 404 and "S/1999/1" in answer.text


# --- permissions: every route, every role ---------------------------------------------------

OB = "S/2020/600%23para-1"
# (method, path, minimum role, json body or form) — every route of the app.
ROUTES: list[tuple[str, str, str | None]] = [
    ("GET", "/", "viewer"),
    ("GET", "/api/dashboard", "viewer"),
    ("GET", "/api/me", "viewer"),
    ("POST", "/api/token", "viewer"),
    ("GET", "/reader", "viewer"),
    ("GET", "/reader/S/2020/600", "viewer"),
    ("GET", "/reader/panel?symbol=S/2020/600&anchor=para-1", "viewer"),
    ("GET", "/api/documents", "viewer"),
    ("GET", "/api/documents/S/2020/600", "viewer"),
    ("GET", "/obligations", "viewer"),
    ("GET", "/api/obligations", "viewer"),
    ("GET", f"/api/obligations/{OB}", "viewer"),
    ("PATCH", f"/api/obligations/{OB}", "editor"),
    ("POST", "/obligations/update", "editor"),
    ("GET", "/indicators", "viewer"),
    ("GET", "/api/indicators", "viewer"),
    ("GET", "/indicators/STR-1", "viewer"),
    ("GET", "/api/indicators/STR-1", "viewer"),
    ("POST", "/indicators/STR-1/observations", "editor"),
    ("POST", "/api/indicators/STR-1/observations", "editor"),
    ("GET", "/calendar", "viewer"),
    ("GET", "/api/calendar", "viewer"),
    ("GET", "/calendar.ics", "viewer"),
    ("GET", "/audit", "viewer"),
    ("GET", "/api/audit", "viewer"),
    ("GET", "/reports", "viewer"),
    ("GET", "/api/reports", "viewer"),
    ("GET", "/reports/quarterly?document=S/2020/600", "viewer"),
    ("GET", "/reports/quarterly/view", "viewer"),
    ("GET", "/reports/quarterly/download/pdf", "viewer"),
    ("GET", "/api/reports/quarterly", "viewer"),
    ("POST", "/reports/quarterly/narrative", "editor"),
    ("PUT", "/api/reports/quarterly/narrative", "editor"),
    ("GET", "/upload", "admin"),
    ("POST", "/upload", "admin"),
    ("POST", "/api/documents", "admin"),
    ("POST", "/api/users", "admin"),
    ("GET", "/docs", "viewer"),
    ("GET", "/openapi.json", "viewer"),
    ("POST", "/logout", "viewer"),
]
PUBLIC = {("GET", "/login"), ("POST", "/login")}


def test_the_permission_table_covers_every_route(app: FastAPI) -> None:
    declared = {
        (method, route.path)  # type: ignore[attr-defined]
        for route in app.routes
        for method in getattr(route, "methods", ()) or ()
        if method != "HEAD" and route.path != "/static"  # type: ignore[attr-defined]
    }
    covered = {(m, _pattern(p)) for m, p, _ in ROUTES}
    missing = {
        (m, p)
        for m, p in declared - PUBLIC
        if not any(m == cm and re.fullmatch(_regex(p), cp) for cm, cp in covered)
    }
    assert not missing, f"routes without a permission row: {sorted(missing)}"


def _pattern(path: str) -> str:
    return path.split("?")[0]


def _regex(route_path: str) -> str:
    pattern = re.escape(route_path)
    pattern = re.sub(r"\\\{\w+:path\\\}", ".+", pattern)
    return re.sub(r"\\\{\w+\\\}", "[^/]+", pattern)


def _request(client: TestClient, method: str, path: str, csrf: str | None) -> int:
    headers = {"x-csrf-token": csrf} if csrf else {}
    if method == "GET":
        return client.get(path).status_code
    if path == "/obligations/update":
        data = {"obligation_id": "S/2020/600#para-1", "status": "done", "csrf_token": csrf or ""}
        return client.post(path, data=data).status_code
    if path == "/indicators/STR-1/observations":
        data = {"period": "2021-03", "value": "5", "csrf_token": csrf or ""}
        return client.post(path, data=data).status_code
    if path in ("/upload", "/api/documents"):
        files = {"file": ("empty.txt", b"", "text/plain")}
        return client.post(path, files=files, data={"csrf_token": csrf or ""}).status_code
    if path == "/logout":
        return client.post(path, data={"csrf_token": csrf or ""}).status_code
    if path == "/reports/quarterly/narrative":
        data = {"section": "(i)", "text": "Progress.", "csrf_token": csrf or ""}
        return client.post(path, data=data).status_code
    bodies = {
        f"/api/obligations/{OB}": {"status": "in progress"},
        "/api/indicators/STR-1/observations": {"period": "2021-03", "value": 5},
        "/api/users": {"name": "new", "password": "pw", "role": "viewer"},
        "/api/reports/quarterly/narrative": {"section": "(i)", "text": "Progress."},
    }
    return client.request(method, path, json=bodies.get(path), headers=headers).status_code


@pytest.mark.parametrize("role", [None, *ROLES])
@pytest.mark.parametrize(("method", "path", "needed"), ROUTES, ids=lambda v: str(v))
def test_permission(app: FastAPI, role: str | None, method: str, path: str, needed: str) -> None:
    if path.startswith("/api/documents/") and not hasattr(parse, "document_to_dict"):
        pytest.skip("mandate_tracker.parse.document_to_dict has not landed yet")
    if role is None:
        client = TestClient(app, follow_redirects=False)
        csrf = csrf_of(client.get("/login").text)
    else:
        client = login(app, role)
        csrf = page_csrf(client)
    status = _request(client, method, path, csrf)
    allowed = role is not None and ROLES.index(role) >= ROLES.index(needed)
    if allowed:
        # allowed: anything but a refusal (an empty upload is a 400, which is an answer)
        assert status not in (401, 403), f"{role} refused on {method} {path}"
    elif role is None:
        expected = 303 if method == "GET" and not path.startswith(("/api", "/openapi")) else 401
        assert status == expected, f"anonymous got {status} on {method} {path}"
    else:
        assert status == 403, f"{role} got {status} on {method} {path}"


# --- the reader on the real built-in example ---------------------------------------------------

EXAMPLE = ROOT / "src" / "mandate_tracker" / "data" / "examples" / "S-2020-600.txt"


def test_reader_lays_out_the_built_in_example_with_every_anchor(backend: MemoryBackend) -> None:
    doc = parse.read_document(EXAMPLE)
    backend.docs.clear()
    backend.add_document(doc)
    html = (
        login(create_app(backend=backend, secret_key="k"), "viewer").get("/reader/S/2020/600").text
    )
    anchors = [p.anchor for p in doc.paragraphs]
    anchors += [i.anchor for p in doc.paragraphs for i in walk_items(p.items)]
    anchors += [p.anchor for p in doc.preamble]
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1, anchor
    for heading in doc.headings:
        assert f">{escape(heading.title)}</a>" in html, heading.title  # in the contents


def test_uploaded_resolution_with_a_script_shows_it_as_text(backend: MemoryBackend) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "Requests the Secretary-General",
        "Requests the <script>alert(1)</script> Secretary-General",
        1,
    )
    backend.docs.clear()
    backend.parse_upload = lambda content, name: parse.parse_text(content, name)
    app = create_app(backend=backend, secret_key="k")
    client = login(app, "admin")
    token = page_csrf(client, "/upload")
    answer = client.post(
        "/upload",
        files={"file": ("hostile.txt", text.encode(), "text/plain")},
        data={"csrf_token": token},
    )
    assert answer.status_code == 303
    html = client.get(answer.headers["location"]).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- reports over the built-in example (the library's drafts, nothing tracked) ----------------


def test_reports_of_a_resolution_with_a_script_show_it_as_text(backend: MemoryBackend) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "62. Requests the Secretary-General to report to the Security Council",
        "62. Requests the Secretary-General to report <script>alert(1)</script> to the Security "
        "Council",
        1,
    )
    assert "<script>" in text
    backend.docs.clear()
    backend.add_document(parse.parse_text(text, "S-2020-600.txt"))
    client = login(create_app(backend=backend, secret_key="k"), "viewer")
    listing = client.get("/reports")
    framed = client.get("/reports/quarterly/view", params={"period": "2020Q4"})
    page = client.get("/reports/quarterly", params={"period": "2020Q4"})
    for answer in (listing, framed):
        assert answer.status_code == 200
        assert "<script>alert(1)</script>" not in answer.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text
    assert page.status_code == 200 and "<script>alert(1)" not in page.text
    # the frame runs nothing even if something slipped through
    assert "script-src" not in framed.headers["content-security-policy"]
    assert "default-src 'none'" in framed.headers["content-security-policy"]
    assert client.get("/").headers["x-frame-options"] == "DENY"  # other pages: never framed


def test_a_narrative_needs_the_csrf_token_and_an_editor(backend: MemoryBackend) -> None:
    backend.docs.clear()
    backend.add_document(parse.read_document(EXAMPLE))
    app = create_app(backend=backend, secret_key="k")
    editor = login(app, "editor")
    form = {"period": "2020Q4", "section": "(i)", "text": "Progress."}
    forged = editor.post("/reports/quarterly/narrative", data=form)
    assert forged.status_code == 403 and "CSRF" in forged.text
    token = page_csrf(editor, "/reports/quarterly?period=2020Q4")
    saved = editor.post("/reports/quarterly/narrative", data={**form, "csrf_token": token})
    assert saved.status_code == 303
    viewer = login(app, "viewer")
    body = viewer.get("/api/reports/quarterly", params={"period": "2020Q4"}).json()
    assert body["sections"][0]["narrative"] == "Progress."
    page = viewer.get("/reports/quarterly", params={"period": "2020Q4"}).text
    assert "Save narrative" not in page and "Progress." in page
    cleared = editor.post(
        "/reports/quarterly/narrative", data={**form, "text": "", "csrf_token": token}
    )
    assert cleared.status_code == 303  # an emptied textarea clears the narrative
    body = viewer.get("/api/reports/quarterly", params={"period": "2020Q4"}).json()
    assert body["sections"][0]["narrative"] == ""
    assert body["sections"][0]["narrative_version"] == 2
    rebuilt = login(app, "editor").get("/reports/quarterly", params={"as_of": "2020-11-01"})
    assert "Save narrative" not in rebuilt.text and "Open the report for its period" in rebuilt.text
