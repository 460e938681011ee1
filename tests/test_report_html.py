"""The offline HTML report: self-contained (no network request of any kind), all
data present, hostile article text only ever escaped. The analysis is illustrative
(see test_report_scenario.py), not real reporting."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimmap.report import write_html
from claimmap.report.html import asset, render_html
from claimmap.report.payload import build_payload, embed_json
from test_report_scenario import HOSTILE_IMG, HOSTILE_LINK, HOSTILE_SCRIPT, build

URL_ATTRS = {"src", "href", "action", "formaction", "data", "poster", "srcset", "xlink:href"}


class Collector(HTMLParser):
    """Every tag, attribute and script body of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(build())


@pytest.fixture(scope="module")
def parsed(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_only_our_two_scripts(parsed: Collector) -> None:
    assert len(parsed.scripts) == 2
    (data_attrs, _), (js_attrs, js_body) = parsed.scripts
    assert data_attrs == {"type": "application/json", "id": "claimmap-data"}
    assert js_attrs == {} and js_body == asset("report.js")
    assert not any("src" in attrs for attrs, _ in parsed.scripts)


def test_no_event_handler_attributes_or_javascript_urls(parsed: Collector) -> None:
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name)
    loaders = {"img", "a", "iframe", "object", "embed", "link", "base"}
    assert not any(tag in loaders for tag, _ in parsed.tags)


def test_no_network_request_of_any_kind(page: str, parsed: Collector) -> None:
    for tag, attrs in parsed.tags:
        for name in URL_ATTRS & set(attrs):
            pytest.fail(f"<{tag} {name}=...> could load something")
    assert not re.search(r"url\(\s*['\"]?\s*(https?:|//)", page, re.I)
    assert not re.search(r"@import", page, re.I)
    js = asset("report.js")
    for word in ("fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "import(", "sendBeacon",
                 "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert word not in js, word


def test_content_security_policy_allows_only_our_script(parsed: Collector) -> None:
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(asset("report.js").encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "http" not in csp and "connect-src" not in csp  # falls back to 'none'


def test_hostile_text_appears_only_escaped(page: str, parsed: Collector) -> None:
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_LINK):
        assert raw not in page
    assert html.escape(HOSTILE_IMG) in page
    assert HOSTILE_IMG in "".join(parsed.text)  # the unresolved "mention", listed as text


def test_embedded_json_round_trips_hostile_text(parsed: Collector) -> None:
    data = json.loads(parsed.scripts[0][1])
    assert data["articles"]["a3"]["title"] == HOSTILE_SCRIPT
    assert data["articles"]["a3"]["url"] == "javascript:alert(3)"  # data, never a link
    assert data["claims"]["c4"]["claimant"] == HOSTILE_SCRIPT


def test_embed_json_cannot_close_the_script() -> None:
    text = embed_json({"x": "</script><!-- <script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><!-- <script> & \u2028"}


def test_all_data_present(page: str, parsed: Collector) -> None:
    data = json.loads(parsed.scripts[0][1])
    assert [e["id"] for e in data["events"]] == ["e1", "e2", "e3", "e4"]
    assert set(data["claims"]) == {"c1", "c2", "c3", "c4", "c5"}
    assert data["events"][0]["contradictions"][0]["field"] == "date"
    assert data["events"][2]["flags"] == [0]  # the flag on the hostile article
    markers = {a.get("data-event") for t, a in parsed.tags if t == "circle" and "data-event" in a}
    assert markers == {"e1", "e2", "e3"}  # e4 has no place
    assert 'class="ev st-contested"' in page
    countries = [a for t, a in parsed.tags if t == "path" and a.get("class") == "country"]
    assert countries, "no basemap drawn"
    assert "Novoselivka" in "".join(parsed.text)  # unresolved mention listed apart
    footer = "".join(parsed.text)
    assert "GeoNames" in footer and "CC BY 4.0" in footer and "Natural Earth" in footer


def test_evidence_passages_contain_the_evidence() -> None:
    analysis = build()
    data = json.loads(embed_json(build_payload(analysis)))
    for claim in analysis.claims:
        passages = data["articles"][claim.article_id]["passages"]
        start, end = claim.evidence.start, claim.evidence.end
        hit = [(lo, t) for lo, t in passages if lo <= start and end <= lo + len(t)]
        assert hit and hit[0][1][start - hit[0][0]: end - hit[0][0]] == claim.evidence.text


def test_timeline_puts_a_day_with_no_year_in_its_own_lane(page: str) -> None:
    lane = re.search(r'data-lane="day_no_year">(.*?)</div></div></div>', page)
    assert lane and 'data-event="e2"' in lane.group(1) and "--12-02" in lane.group(1)
    day = re.search(r'data-lane="day">(.*?)</div></div></div>', page)
    assert day and 'data-event="e2"' not in day.group(1)


def test_write_html_writes_a_file(tmp_path: Path) -> None:
    out = write_html(build(), tmp_path / "report.html")
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_script_renders_table_and_detail_in_a_browser(tmp_path: Path) -> None:
    out = write_html(build(), tmp_path / "report.html")
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
         "--dump-dom", out.as_uri() + "#event=e1"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    assert dom.count("<tr data-event=") == 4
    assert "<mark>The defence ministry said its troops took Pokrovsk on 1 December.</mark>" in dom
    assert "Contradiction on date" in dom
    shown = dom.split('id="claimmap-data"')[0]
    assert "<script>alert" not in shown and "<img" not in shown
    assert "Deaths in Belgorod &lt;script&gt;alert('pwned')&lt;/script&gt;</td>" in shown
