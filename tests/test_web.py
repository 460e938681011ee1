"""The web app in process (FastAPI's Client, over httpx): pages and their JSON
twins, the error shape, tokens, uploads, escaping. Articles are illustrative, not
real reporting (see test_web_fakes)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimmap.cli import main
from claimmap.web.app import create_app
from claimmap.web.backend import safe_name
from claimmap.web.highlight import Mark, segments
from claimmap.web.security import check_bind, is_loopback, token_ok
from test_web_fakes import HOSTILE, Client, fake_claimmap

BASE = "http://127.0.0.1"
TOKEN = "test-token-not-secret"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    cm = fake_claimmap(tmp_path / "t.db", tmp_path / "articles")
    c = Client(create_app(cm, None), base_url=BASE)
    yield c
    c.close()
    cm.close()


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Client]:
    """An app configured with a token (as when bound beyond loopback)."""
    cm = fake_claimmap(tmp_path / "t.db")
    c = Client(create_app(cm, TOKEN), base_url=BASE)
    yield c
    c.close()
    cm.close()


def assert_error(response: object, status: int) -> str:
    """The one error shape: {"error": {"status": int, "message": str}}, nothing else."""
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["message"])


# -- pages and their JSON twins --------------------------------------------------

def test_every_page_names_its_json_twin_and_they_agree(client: Client) -> None:
    events = client.get("/api/events").json()
    event_id = events["events"][0]["id"]
    pages = {
        "/events": ("/api/events", "events", 'class="event"'),
        "/articles": ("/api/articles", "articles", 'class="article"'),
        "/places": ("/api/places", "places", "<tr><td><a href=\"/events?place="),
    }
    for page, (twin, key, row_marker) in pages.items():
        html = client.get(page)
        assert html.status_code == 200
        assert html.headers["content-type"].startswith("text/html")
        assert f'<link rel="alternate" type="application/json" href="{twin}">' in html.text
        data = client.get(twin).json()
        assert data["count"] == len(data[key]) == html.text.count(row_marker) > 0
    detail = client.get(f"/events/{event_id}")
    assert f'href="/api/events/{event_id}"' in detail.text
    assert client.get(f"/api/events/{event_id}").json()["id"] == event_id
    article = client.get("/articles/alpha")
    assert 'href="/api/articles/alpha"' in article.text
    twin = client.get("/api/articles/alpha").json()
    assert twin["title"] in article.text and twin["claims"] == len(twin["claims_list"]) == 1
    search = client.get("/search", params={"q": "drones"})
    assert 'href="/api/search?q=drones"' in search.text


def test_event_detail_shows_claims_evidence_and_contradictions(client: Client) -> None:
    events = client.get("/api/events", params={"status": "contested"}).json()["events"]
    assert [e["status"] for e in events] == ["contested"]
    event = client.get(f"/api/events/{events[0]['id']}").json()
    assert len(event["claims"]) == 2 and event["contradictions"][0]["field"] == "date"
    html = client.get(f"/events/{event['id']}").text
    assert 'id="contradictions"' in html
    assert html.count('<mark class="hl-evidence') == 2
    assert "captured Alderton on 2025-11-01" in html and "2025-11-02" in html


def test_event_filters(client: Client) -> None:
    all_events = client.get("/api/events").json()
    assert all_events["count"] == 3
    by_place = client.get("/api/events", params={"place": "brindle"}).json()
    assert [e["place"]["name"] for e in by_place["events"]] == ["Brindle", "Brindle"]
    none = client.get("/api/events", params={"since": "2030-01-01"}).json()
    assert none["count"] == 0 and none["filters"] == {"since": "2030-01-01"}
    html = client.get("/events", params={"type": "attack"}).text
    assert html.count('class="event"') == 1
    assert '<option value="attack" selected>' in html


def test_article_page_highlights_mentions_and_evidence(client: Client) -> None:
    data = client.get("/api/articles/alpha").json()
    assert "".join(s["text"] for s in data["segments"]) == data["text"]
    html = client.get("/articles/alpha").text
    assert re.search(r'<mark class="hl-mention "[^>]*>Alderton</mark>', html)
    assert re.search(r'<mark class="hl-unresolved "[^>]*>Quillmoor</mark>', html)
    assert 'class="hl-evidence' in html


def test_places_and_search(client: Client) -> None:
    places = client.get("/api/places").json()
    assert {p["name"] for p in places["places"]} == {"Alderton", "Brindle"}
    assert places["unresolved"] == [{"text": "Quillmoor", "mentions": 1}]
    hits = client.get("/api/search", params={"q": "drones"}).json()
    assert [h["id"] for h in hits["hits"]] == ["charlie"]
    html = client.get("/search", params={"q": "drones"}).text
    assert "<mark>" in html and 'href="/articles/charlie"' in html


def test_openapi_lists_the_api_routes(client: Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles",
                 "/api/articles/{article_id}", "/api/places", "/api/search"):
        assert "get" in paths[path], path
    assert "multipart/form-data" in paths["/api/articles"]["post"]["requestBody"]["content"]
    assert "/events" not in paths  # the HTML pages are not part of the API
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN


# -- errors ------------------------------------------------------------------------

def test_json_error_shape_is_one_shape(client: Client) -> None:
    assert "nope" in assert_error(client.get("/api/events/nope"), 404)
    assert "nope" in assert_error(client.get("/api/articles/nope"), 404)
    assert_error(client.get("/api/no-such-route"), 404)
    assert "q" in assert_error(client.get("/api/search"), 422)
    assert_error(client.post("/api/events"), 405)
    assert_error(client.post("/api/articles", files={"x": ("a", b"")}), 400)


def test_html_errors_are_pages(client: Client) -> None:
    response = client.get("/events/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event with id" in response.text


# -- security ------------------------------------------------------------------------

def test_hostile_article_text_is_escaped_everywhere(client: Client) -> None:
    for path in ("/articles/hostile", "/articles", "/search?q=hostile", "/events"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
        assert "&lt;script&gt;" in html, path
    event = next(e for e in client.get("/api/events").json()["events"]
                 if "hostile" in e["articles"])
    html = client.get(f"/events/{event['id']}").text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert client.get("/api/articles/hostile").json()["title"].startswith(f"Hostile {HOSTILE}")


def test_security_headers_on_every_response(client: Client) -> None:
    for path in ("/events", "/api/events", "/api/nope", "/static/app.css"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp, path


def test_every_page_credits_the_data(client: Client) -> None:
    for path in ("/events", "/articles/alpha", "/upload", "/places"):
        html = client.get(path).text
        assert "GeoNames" in html and "CC BY 4.0" in html, path


def test_no_inline_script_in_pages(client: Client) -> None:
    for path in ("/events", "/articles/alpha", "/upload", "/places"):
        html = client.get(path).text
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, path
        assert re.search(r"\son[a-z]+=", html) is None, path


def test_cross_site_writes_and_foreign_hosts_are_refused(client: Client) -> None:
    files = {"files": ("x.txt", b"Illustrative text, not real reporting.")}
    evil = client.post("/api/articles", files=files, headers={"Origin": "https://evil.example"})
    assert "cross-site" in assert_error(evil, 403)
    fetch = client.post("/upload", files=files, headers={"Sec-Fetch-Site": "cross-site"})
    assert_error(fetch, 403)
    opaque = client.post("/api/articles", files=files, headers={"Origin": "null"})
    assert_error(opaque, 403)
    same = client.post("/api/articles", files=files, headers={"Origin": "http://127.0.0.1"})
    assert same.status_code == 201
    assert_error(client.get("/api/events", headers={"Host": "evil.example"}), 400)
    assert client.get("/api/events", headers={"Host": "localhost:8000"}).status_code == 200


def test_writes_need_the_token_when_one_is_configured(locked: Client) -> None:
    files = {"files": ("tok.txt", b"Token test\nIllustrative text, not real reporting.")}
    assert_error(locked.post("/api/articles", files=files), 401)
    wrong = {"Authorization": "Bearer wrong"}
    assert_error(locked.post("/api/articles", files=files, headers=wrong), 401)
    assert locked.get("/api/articles").json()["count"] == 0  # reads stay open
    ok = locked.post("/api/articles", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201
    assert [a["id"] for a in locked.get("/api/articles").json()["articles"]] == ["tok"]
    form = locked.post("/upload", data={"text": "Illustrative, not real.", "token": "no"})
    assert form.status_code == 401
    form = locked.post("/upload", data={"text": "Illustrative, not real.", "token": TOKEN})
    assert form.status_code == 201 and locked.get("/api/articles").json()["count"] == 2
    assert 'name="token"' in locked.get("/upload").text


def test_token_and_bind_rules() -> None:
    assert token_ok(None, None) and token_ok("Bearer x", None)
    assert token_ok("Bearer s3", "s3") and token_ok("bearer s3", "s3")
    assert not token_ok(None, "s3") and not token_ok("Bearer s4", "s3")
    assert not token_ok("Basic s3", "s3")
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.4", "example.org", "::"))
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", "tok")
    with pytest.raises(Exception, match="without a token"):
        check_bind("0.0.0.0", None)


def test_serve_refuses_a_public_bind_without_a_token(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMMAP_TOKEN", raising=False)
    db = tmp_path / "never.db"
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", str(db)])
    assert result.exit_code == 1
    assert "without a token" in result.output
    assert not db.exists()


# -- uploads -------------------------------------------------------------------------

def test_upload_a_file_then_it_appears(client: Client) -> None:
    text = ("Brindle update from officials\n"
            "Illustrative, not real reporting. Drones struck Brindle on 2025-11-05.")
    response = client.post("/api/articles", files={"files": ("../../up date.txt", text.encode())})
    assert response.status_code == 201
    accepted = {"id": "up_date", "title": "Brindle update from officials", "chars": len(text)}
    assert response.json() == {"accepted": [accepted], "rejected": []}
    assert "up_date" in [a["id"] for a in client.get("/api/articles").json()["articles"]]
    assert "Brindle update from officials" in client.get("/articles").text
    attack = next(e for e in client.get("/api/events").json()["events"] if e["type"] == "attack")
    assert "up_date" in attack["articles"]


def test_upload_pasted_text_through_the_form(client: Client) -> None:
    text = "Illustrative pasted text, not real reporting, about Alderton."
    page = client.post("/upload", data={"title": "Pasted <b>note</b>", "text": text})
    assert page.status_code == 201
    assert "Pasted &lt;b&gt;note&lt;/b&gt;" in page.text
    ids = [a["id"] for a in client.get("/api/articles").json()["articles"]]
    assert any(i.startswith("sha256-") for i in ids)


def test_rejected_uploads_get_the_reason(client: Client) -> None:
    files = [("files", ("empty.txt", b"")), ("files", ("tool.exe", b"MZ")),
             ("files", ("bin.txt", b"\x00\x01" * 50))]
    response = client.post("/api/articles", files=files)
    message = assert_error(response, 422)
    assert "empty.txt: empty file" in message
    assert "unknown file type" in message and "binary" in message
    mixed = client.post("/upload", files=[("files", ("empty.txt", b"")),
                                          ("files", ("ok.txt", b"Illustrative, not real."))])
    assert mixed.status_code == 201
    assert "empty file" in mixed.text and 'href="/articles/ok"' in mixed.text


def test_uploads_are_size_limited(tmp_path: Path) -> None:
    cm = fake_claimmap(tmp_path / "t.db")
    app = create_app(cm, None, max_upload_bytes=1000)
    c = Client(app, base_url=BASE)
    big = c.post("/api/articles", files={"files": ("big.txt", b"word " * 400)})
    assert "too large" in assert_error(big, 422)
    huge = c.post("/api/articles", files={"files": ("huge.txt", b"word " * 40_000)})
    assert_error(huge, 413)
    part = (b'--XX\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
            + b"w " * 50_000 + b"\r\n--XX--\r\n")

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: cut while streaming
        for at in range(0, len(part), 4096):
            yield part[at:at + 4096]

    streamed = c.post("/api/articles", content=chunks(),
                      headers={"content-type": "multipart/form-data; boundary=XX"})
    assert "over the limit" in assert_error(streamed, 413)
    assert c.get("/api/articles").json()["count"] == 0
    c.close()
    cm.close()


# -- helpers ------------------------------------------------------------------------

def test_segments_cover_the_text_and_mark_overlaps() -> None:
    text = "abcdefghij"
    segs = segments(text, [Mark(2, 6, "evidence"), Mark(4, 8, "mention", "P"), Mark(9, 99, "x")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kinds) for s in segs] == [
        ("ab", ()), ("cd", ("evidence",)), ("ef", ("evidence", "mention")),
        ("gh", ("mention",)), ("ij", ())]


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd.txt", "passwd.txt"), ("C:\\x\\a b.HTML", "a_b.html"),
    ("...", "upload-0"), ("noext", "noext"), ("<script>.jsonl", "script.jsonl"),
])
def test_safe_name(given: str, expected: str) -> None:
    assert safe_name(given, 0) == expected


@pytest.mark.usefixtures("noop_stages")  # the real stages are not what is tested here
def test_serve_wires_token_and_hosts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setenv("CLAIMMAP_TOKEN", TOKEN)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 8000)
    c = Client(seen["app"], base_url="http://192.0.2.7:8000")  # any Host beyond loopback
    files = {"files": ("s.txt", b"Illustrative, not real reporting.")}
    assert_error(c.post("/api/articles", files=files), 401)
    ok = c.post("/api/articles", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201
    c.close()
    monkeypatch.delenv("CLAIMMAP_TOKEN")
    assert CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123"]).exit_code == 0
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    c = Client(seen["app"], base_url="http://192.0.2.7:8123")
    assert_error(c.get("/api/events"), 400)  # loopback bind: foreign Host names refused
    c.close()


def test_ids_with_reserved_characters_link_to_their_pages(client: Client) -> None:
    record = b'{"id": "wire/7?x=1#a b", "text": "Illustrative record, not real reporting."}\n'
    assert client.post("/api/articles", files={"files": ("r.jsonl", record)}).status_code == 201
    html = client.get("/articles").text
    href = re.search(r'href="(/articles/wire[^"]*)"', html)
    assert href is not None and href.group(1) == "/articles/wire%2F7%3Fx%3D1%23a%20b"
    page = client.get(href.group(1))
    assert page.status_code == 200 and "Illustrative record" in page.text
    assert client.get("/api/articles/wire%2F7%3Fx%3D1%23a%20b").json()["id"] == "wire/7?x=1#a b"
