"""The web app in a real browser: Debian's Chromium driven by Playwright, over a real server.

The server runs in a thread on a free loopback port over a fresh workspace holding the built-in
example. Screenshots of the main pages (at 1280 px and 390 px) go to ``test-artifacts/``.
Skipped when Chromium is not installed, unless ``CI`` is set (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from mandate_tracker.web.app import create_app
from mandate_tracker.web.server import EXAMPLE
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("MANDATE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "browser-test-password"

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run installs it)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(db_url: str) -> Iterator[str]:
    """A live server over a fresh workspace with the example and an editor and an admin."""
    from mandate_tracker.store import init_workspace, open_workspace
    from mandate_tracker.track.accounts import create_user
    from mandate_tracker.track.documents import import_file

    init_workspace(db_url)
    workspace = open_workspace(db_url)
    with workspace.session() as session:
        import_file(session, EXAMPLE, actor="setup")
        create_user(session, "editor", "editor", PASSWORD, actor="setup")
        create_user(session, "admin", "admin", PASSWORD, actor="setup")
    workspace.close()

    app = create_app(db_url, secret_key="browser-test")
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        app.state.backend.close()


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def shoot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def log_in(page: object, base: str, name: str) -> None:
    page.goto(f"{base}/")  # type: ignore[attr-defined]
    assert "/login" in page.url  # type: ignore[attr-defined]
    page.get_by_label("Name").fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Log in").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/")  # type: ignore[attr-defined]


def test_an_editor_reads_updates_and_sees_the_change_everywhere(
    server: str, browser: object, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, server, "editor")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(page.locator(".chart svg").first).to_be_visible()  # Vega-Lite drew under the CSP
    shoot(page, "dashboard-1280")

    # the reader: a highlighted deadline opens the side panel with what was extracted
    page.goto(f"{server}/reader/S/2020/600")
    expect(page.locator("#para-28")).to_be_visible()
    shoot(page, "reader-1280")
    deadline = page.locator(".document mark.fact-deadline").first
    title = deadline.get_attribute("title") or ""
    date = re.match(r"Deadline: (\d{4}(?:-\d\d){0,2})", title)
    assert date, title
    deadline.click()
    panel = page.locator("#panel")
    expect(panel.locator(".deadline-fact").first).to_contain_text(date.group(1))
    # keyboard: Tab reaches a highlight and Enter opens the panel too
    page.locator(".document mark.fact-verb").first.focus()
    page.keyboard.press("Enter")
    expect(panel.locator("h3", has_text="Obligations")).to_be_visible()

    # the obligations board: update the first obligation with a note and evidence (HTMX)
    page.goto(f"{server}/obligations")
    row = page.locator("table.board tbody tr").first
    obligation_id = row.locator("input[name=obligation_id]").input_value()
    row.get_by_text("Update").click()
    row.get_by_label("Status").select_option("in-progress")
    row.get_by_label("Note").fill("Started drafting with the mission")
    row.get_by_label("Evidence (link or document)").fill("https://example.org/minutes")
    row.get_by_role("button", name="Save").click()
    updated = page.locator("table.board tbody tr").first
    expect(updated.locator("[data-testid=status]")).to_have_text(re.compile("in-progress|overdue"))
    expect(updated.locator(".saved")).to_be_visible()
    shoot(page, "obligations-1280")

    # the change shows on the dashboard and in the audit log
    page.goto(f"{server}/")
    expect(page.locator("#recent ~ ul.changes")).to_contain_text(obligation_id)
    page.goto(f"{server}/audit")
    change = page.locator("table.audit tbody tr", has_text=f"obligation {obligation_id}").first
    expect(change).to_contain_text("editor")
    expect(change).to_contain_text("update")
    expect(change).to_contain_text("in-progress")
    shoot(page, "audit-1280")

    # an indicator: record a value; it shows with its evidence and review status, on the chart
    page.goto(f"{server}/indicators")
    page.locator("main table tbody tr a").first.click()
    expect(page.locator(".chart svg")).to_be_visible()
    page.get_by_label("Period (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2020-12")
    page.get_by_label("Value", exact=True).fill("11500")
    page.get_by_label("Evidence (link or document)").fill("https://example.org/strength")
    page.get_by_role("button", name="Record").click()
    observation = page.locator("main table tbody tr", has_text="2020-12-31")
    expect(observation).to_contain_text("11500")
    expect(observation).to_contain_text("draft")
    expect(observation).to_contain_text("https://example.org/strength")
    shoot(page, "indicator-1280")
    page.goto(f"{server}/calendar")
    expect(page.get_by_role("link", name="Download the calendar (ICS)")).to_be_visible()
    shoot(page, "calendar-1280")

    # the source link of an obligation opens the reader at its paragraph
    page.goto(f"{server}/obligations")
    page.locator("table.board tbody tr").first.get_by_title("Read the source text").click()
    assert re.search(r"/reader/S/2020/600#para-", page.url)

    # no script error on any page (CSP violations are console errors too)
    assert not errors, errors
    context.close()


def test_an_admin_uploads_a_text_file_and_errors_show_in_the_page(
    server: str, browser: object, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    log_in(page, server, "admin")

    page.goto(f"{server}/upload")
    junk = tmp_path / "shopping.txt"
    junk.write_text("eggs\nmilk\nbread\n", encoding="utf-8")
    page.get_by_label("Resolution (PDF or plain text)").set_input_files(str(junk))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_test_id("upload-error")).to_be_visible()
    shoot(page, "upload-error-1280")

    text = EXAMPLE.read_text(encoding="utf-8").replace("S/2020/600", "S/2020/999")
    text = text.replace(
        "Requests the Secretary-General", "Requests the <script>alert(1)</script> Secretary-General"
    )
    upload = tmp_path / "S-2020-999.txt"
    upload.write_text(text, encoding="utf-8")
    page.get_by_label("Resolution (PDF or plain text)").set_input_files(str(upload))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(re.compile(r"/reader/S/2020/999$"))
    expect(page.get_by_text("<script>alert(1)</script>").first).to_be_visible()
    context.close()


def test_pages_fit_a_phone_screen(server: str, browser: object) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    log_in(page, server, "editor")
    for path, name in (
        ("/", "dashboard"),
        ("/reader/S/2020/600", "reader"),
        ("/obligations", "obligations"),
        ("/calendar", "calendar"),
        ("/reports", "reports"),
        ("/reports/quarterly?period=2020Q4", "report"),
    ):
        page.goto(f"{server}{path}")
        expect(page.locator("main")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a 390px screen"
        shoot(page, f"{name}-390")
    # the skip link is the first stop of the keyboard
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    context.close()


def test_the_reports_page_shows_a_report_and_downloads_its_pdf(
    server: str, browser: object, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, server, "editor")
    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page.get_by_role("heading", name="S/2020/600: quarterly report")).to_be_visible()
    quarterly = page.locator("section.report-summary", has_text="quarterly report")
    expect(quarterly.locator("table.report-dues tbody tr")).to_have_count(4)
    shoot(page, "reports-1280")

    # report no. 2 inside the app: its own page in the sandboxed frame, with its sections
    quarterly.get_by_role("link", name="View report 2").click()
    page.wait_for_url(re.compile(r"/reports/quarterly\?document=S%2F2020%2F600&period=2020Q4$"))
    frame = page.frame_locator("iframe.report-frame")
    expect(frame.locator("#introduction")).to_contain_text("paragraph 62 of S/2020/600")
    expect(frame.locator("section.chapter[data-label='(i)'] h1")).to_be_visible()

    # an editor writes a narrative; the framed report shows it
    page.get_by_label("Narrative for (i)").fill("The parties adopted <b>two</b> measures.")
    page.locator("#narrative-1").get_by_role("button", name="Save narrative").click()
    page.wait_for_url(re.compile(r"#narrative-1$"))
    expect(frame.locator("section.chapter[data-label='(i)']")).to_contain_text(
        "The parties adopted <b>two</b> measures."
    )
    shoot(page, "report-1280")
    # the frame is painted on its own (a sandboxed frame is out of process): shoot it alone
    page.locator("iframe.report-frame").screenshot(path=str(ARTIFACTS / "report-frame-1280.png"))

    with page.expect_download() as pending:
        page.get_by_role("link", name="Download PDF").click()
    download = pending.value
    assert download.suggested_filename == "S-2020-600-quarterly-2-2020-12-29.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    # a period outside the mandate: the app's error page with the library's message
    page.goto(f"{server}/reports/quarterly?period=2022Q3")
    expect(page.get_by_role("alert")).to_contain_text("2022Q3 is outside the mandate")
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()
