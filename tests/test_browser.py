"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium; nothing is
downloaded), as a person would use (a) the offline HTML report and (b) the local app.

Skipped only when Chromium is missing and this is not CI (CI unset); on CI they run.
The articles are illustrative, not real reporting (see test_web_fakes). Screenshots
go to $CLAIMMAP_SCREENSHOTS when set (docs/img was made that way), else to tmp_path.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimmap.pipeline import ClaimMap
from test_web_fakes import fake_claimmap

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 10_000

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium "
                "(apt-get install chromium); on CI these tests run",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()
    assert dialogs == [], f"article text ran as code: {dialogs}"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CLAIMMAP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page: Any, path: Path) -> None:
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5_000  # a real picture, not an empty page


@pytest.fixture
def claimmap(tmp_path: Path) -> Iterator[ClaimMap]:
    cm = fake_claimmap(tmp_path / "t.db", tmp_path / "articles")
    yield cm
    cm.close()


# -- (a) the static report --------------------------------------------------------

def test_report_offline_filter_click_evidence(page: Any, claimmap: ClaimMap,
                                              tmp_path: Path) -> None:
    from claimmap.report import write_html

    report = write_html(claimmap.analysis(), tmp_path / "report.html")
    url = report.resolve().as_uri()
    attempts: list[str] = []
    page.on("request", lambda r: attempts.append(r.url) if r.url != url else None)

    def block(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
            return
        attempts.append(route.request.url)
        route.abort()

    page.route("**/*", block)
    page.goto(url)
    rows = page.locator("#events tbody tr")
    assert rows.count() == 3
    page.select_option("#f-status", "contested")
    assert rows.count() == 1
    rows.first.click()
    detail = page.locator("#detail")
    assert "Contradiction on date" in detail.inner_text()
    evidence = detail.locator("mark").all_inner_texts()
    assert any("captured Alderton on 2025-11-01" in t for t in evidence), evidence
    screenshot(page, shots(tmp_path) / "report.png")
    assert attempts == [], f"the report tried the network: {attempts}"


# -- (b) the local app --------------------------------------------------------------

@pytest.fixture
def server(claimmap: ClaimMap) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1, a free port, in a background thread."""
    import uvicorn

    from claimmap.web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(claimmap, None), log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_app_upload_then_see_it(page: Any, server: str, tmp_path: Path) -> None:
    upload = tmp_path / "delta.txt"
    upload.write_text("Delta note from local officials\nIllustrative text, not real "
                      "reporting. Drones struck Brindle on 2025-11-06.", encoding="utf-8")
    page.goto(f"{server}/upload")
    page.set_input_files("input[name=files]", str(upload))
    page.click("#upload-form button[type=submit]")
    result = page.locator("#upload-result")
    assert "Delta note from local officials" in result.inner_text()
    page.click("#upload-result a[href='/articles/delta']")
    assert page.locator("#article-text mark.hl-mention", has_text="Brindle").count() == 1
    page.click("nav >> text=Articles")
    assert page.locator("#articles tr.article[data-id=delta]").count() == 1


def test_app_filter_click_event_see_evidence(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/events")
    assert page.locator("#map-section svg .ev").count() == 3
    screenshot(page, shots(tmp_path) / "app-events.png")
    page.select_option("select[name=status]", "contested")
    page.click("#event-filters button[type=submit]")
    assert page.locator("#events tr.event").count() == 1
    page.locator("#map-section svg .ev").first.click()  # the map marker opens the event
    page.wait_for_url("**/events/*")
    marks = page.locator("#claims mark.hl-evidence").all_inner_texts()
    assert any("captured Alderton on 2025-11-01" in t for t in marks), marks
    assert page.locator("#contradictions").is_visible()
    screenshot(page, shots(tmp_path) / "app-event.png")
    page.goto(f"{server}/articles/hostile")
    assert "<script>" in page.locator("#article-text").inner_text()  # shown, not run
