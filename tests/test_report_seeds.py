"""The seed articles, end to end into the offline report, as an analyst would check it:
the capture of Pokrovsk is one event in Donetsk Oblast, with its supporting articles,
its counterclaim and the disagreement on the date, and the report shows it all.

Needs the seed articles (../shared/seeds) and the default gazetteer; skipped otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimmap.pipeline import ClaimMap

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    from conftest import seeds_dir

    seeds = seeds_dir()
    if seeds is None:
        pytest.skip("seed articles not found: set CLAIMMAP_SEEDS or place them in ../shared/seeds")
    from claimmap.report import write_html

    folder = tmp_path_factory.mktemp("seeds")
    cm = ClaimMap(folder / "s.db")
    try:
        cm.analyze([str(seeds)])
        analysis = cm.analysis()
    finally:
        cm.close()
    from claimmap.analysis import dumps

    report = write_html(analysis, folder / "report.html")
    return json.loads(dumps(analysis)), report


def capture_event(data: dict[str, Any]) -> dict[str, Any]:
    places = {p["id"]: p for p in data["places"]}
    events = [e for e in data["events"] if e["type"] == "control_change"
              and places.get(e["place_id"] or "", {}).get("name") == "Pokrovsk"]
    assert len(events) == 1, [e["summary"] for e in events]
    return events[0]


def test_pokrovsk_capture_is_one_event_in_donetsk_oblast(
    seeded: tuple[dict[str, Any], Path],
) -> None:
    data, _ = seeded
    event = capture_event(data)
    place = {p["id"]: p for p in data["places"]}[event["place_id"]]
    assert (place["country_code"], place["admin1_code"]) == ("UA", "05")
    assert 48 < place["lat"] < 48.6 and 36.9 < place["lon"] < 37.5
    assert len(event["article_ids"]) >= 4
    assert event["status"] in {"one_sided", "contested"}
    dates = next(c for c in event["contradictions"] if c["field"] == "date")
    assert {v["value"] for v in dates["values"]} >= {"--12-01", "--11-30"}


def test_the_report_shows_the_event_its_evidence_and_the_contradiction(
    seeded: tuple[dict[str, Any], Path],
) -> None:
    import os

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists() and not os.environ.get("CI"):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    data, report = seeded
    event = capture_event(data)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True,
                                     args=["--no-sandbox", "--disable-gpu",
                                           "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(report.resolve().as_uri())
            page.select_option("#f-type", "control_change")
            page.select_option("#f-status", event["status"])
            row = page.locator("#events tbody tr", has_text=event["summary"][:60])
            row.first.click()
            page.locator("#detail", has_text="Contradiction on date").wait_for()
            marks = page.locator("#detail mark").all_inner_texts()
            assert len(marks) >= len(event["article_ids"])
            assert page.locator("#map-section svg circle").count() > 0
        finally:
            browser.close()
