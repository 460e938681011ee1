"""Hostile input, property-based: whatever the text or bytes, ingest yields Articles or
InputRejected (never raises), and geoparsing and claim extraction never crash, keep
every offset inside the text, and every span's text equals the text at its offsets.

Deterministic in CI: ``derandomize=True`` and no example database."""

from __future__ import annotations

import hashlib
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimmap.errors import InputRejected
from claimmap.ingest import read_inputs
from claimmap.ingest.text import normalise
from claimmap.model import Article, Claim, Mention, Span

FAST = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(FAST, max_examples=30)

# Place names, scripts and the characters that break naive offset arithmetic: marks
# that change length under lower()/casefold() (İ, ß, ﬁ), combining marks, bidi controls,
# zero-width characters, line and paragraph separators, C0/C1 controls, emoji.
PIECES = [
    "Kyiv", "Kharkiv", "Bakhmut", "Donetsk", "Zaporizhzhia", "Crimea", "Київ", "Харків",
    "Донецьк", "Russian forces", "Ukraine said", "killed", "captured", "shelled",
    "on Monday", "12 people", "according to", "denied", "\u202e", "\u202d", "\u200f",
    "\u200e", "\u2067", "\u2069", "\u200b", "\u200d", "\ufeff", "\u0301", "\u00a0", "\t",
    "\n", "\r\n", "\r", "\x00", "\x1b", "\x85", "\u2028", "\u2029", "كييف", "خاركيف",
    "חרקוב", "🇺🇦", "👍🏽", "ǅ", "ﬁ", "İ", "ß", "Ⅻ", "ＫＹＩＶ", ".", ",", "'", '"', "«", "»",
    "(", ")", "-", "—", " ", "  ", "\"Kyiv\"", "Kyiv's", "KHARKIV", "kharkiv",
]
piece = st.sampled_from(PIECES)
mixed = st.lists(st.one_of(piece, st.text(max_size=6)), max_size=80).map("".join)
long_run = st.tuples(st.one_of(piece, st.text(min_size=1, max_size=3)),
                     st.integers(1, 4000)).map(lambda t: t[0] * t[1])
long_word = st.tuples(st.integers(1, 20_000), piece).map(lambda t: "x" * t[0] + t[1])
blank = st.text(alphabet=" \t\n\r\u00a0\u2028\u3000\ufeff", max_size=50)
hostile_text = st.one_of(st.text(max_size=400), mixed, long_run, long_word, blank,
                         st.lists(st.one_of(mixed, long_run), max_size=4).map("\n".join))


@cache
def stages() -> tuple[Any, Any]:
    from claimmap.claims import create_extractor
    from claimmap.gazetteer import load_fixture
    from claimmap.geoparse import create_geoparser

    return create_geoparser(load_fixture()), create_extractor()


def article(raw: str) -> Article:
    text = normalise(raw)
    return Article("hostile", text, hashlib.sha256(text.encode()).hexdigest())


def check_span(text: str, span: Span | Mention, article_id: str) -> None:
    assert span.article_id == article_id
    assert 0 <= span.start <= span.end <= len(text), (span.start, span.end, len(text))
    assert text[span.start:span.end] == span.text


def check_claim(text: str, claim: Claim, mentions: tuple[Mention, ...]) -> None:
    assert claim.article_id == "hostile"
    check_span(text, claim.evidence, "hostile")
    assert claim.evidence.text.strip()
    if claim.quote is not None:
        check_span(text, claim.quote, "hostile")
    if claim.mention_start is not None:
        assert claim.mention_start in {m.start for m in mentions}


@settings(FAST, max_examples=400)
@given(hostile_text)
def test_geoparse_and_claims_never_crash_and_keep_offsets(raw: str) -> None:
    geoparser, extractor = stages()
    art = article(raw)
    geo = geoparser.parse(art)
    place_ids = {p.id for p in geo.places}
    for m in geo.mentions:
        check_span(art.text, m, art.id)
        assert m.text.strip()
        assert 0.0 <= m.confidence <= 1.0
        assert m.place_id is None or m.place_id in place_ids
    found = extractor.extract(art, geo.mentions, {p.id: p for p in geo.places})
    for claim in found.claims:
        check_claim(art.text, claim, geo.mentions)
    for flag in found.flags:
        for span in flag.evidence:
            check_span(art.text, span, art.id)


def test_a_place_after_length_changing_characters_keeps_its_offsets() -> None:
    """İ, ß and ﬁ change length when lower-cased or case-folded: offsets must not."""
    geoparser, _ = stages()
    art = article("İİİ ßß ﬁ — Russian forces shelled Kharkiv near Kyiv.")
    geo = geoparser.parse(art)
    assert {m.text for m in geo.mentions} >= {"Kharkiv", "Kyiv"}
    for m in geo.mentions:
        check_span(art.text, m, art.id)


def read_bytes_as(data: bytes, suffix: str) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"hostile{suffix}"
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


def check_items(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, Article | InputRejected), type(item)
        if isinstance(item, Article):
            assert item.text and item.text == normalise(item.text)
            assert item.content_hash == hashlib.sha256(item.text.encode()).hexdigest()
        else:
            assert item.where and item.reason


encoded = st.tuples(hostile_text, st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1251",
                                                   "latin-1", "koi8-r"])).map(
    lambda t: t[0].encode(t[1], errors="ignore"))


@FAST
@given(st.one_of(st.binary(max_size=3000), encoded),
       st.sampled_from([".txt", ".jsonl", ".json", ".csv"]))
def test_any_bytes_in_any_format_give_articles_or_rejections(data: bytes, suffix: str) -> None:
    check_items(read_bytes_as(data, suffix))


@SLOW
@given(st.one_of(st.binary(max_size=2000), encoded,
                 hostile_text.map(lambda t: f"<html><body><p>{t}</p>".encode(errors="ignore"))))
def test_any_bytes_as_html_give_an_article_or_a_rejection(data: bytes) -> None:
    items = read_bytes_as(data, ".html")
    check_items(items)
    assert len(items) == 1


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner,
                                                                  max_size=5),
    max_leaves=40,
)
FIELDS = ["id", "doc_id", "text", "title", "published", "source", "url", "language", "author"]
record = st.one_of(
    st.fixed_dictionaries({"text": hostile_text}, optional={
        k: st.one_of(hostile_text, json_value) for k in FIELDS if k != "text"}),
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), json_value,
                    max_size=8),
    json_value,
)


@settings(FAST, max_examples=80)
@given(st.lists(record, min_size=1, max_size=6), st.booleans())
def test_any_json_records_give_one_item_per_line(records: list[object], ascii_only: bool) -> None:
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in records]
    items = read_bytes_as(("\n".join(lines) + "\n").encode(), ".jsonl")
    check_items(items)
    assert len(items) == len(records)
    for item, rec in zip(items, records, strict=True):
        if isinstance(item, Article):
            assert isinstance(rec, dict) and item.text == normalise(rec["text"])


@SLOW
@given(st.lists(record, min_size=1, max_size=6))
def test_any_json_document_gives_articles_or_rejections(records: list[object]) -> None:
    items = read_bytes_as(json.dumps(records).encode(), ".json")
    check_items(items)
    assert len(items) == len(records)


def test_moderately_deep_and_very_wide_records_are_read(tmp_path: Path) -> None:
    deep: object = "leaf"
    for _ in range(500):
        deep = [deep]
    wide = {f"k{i}": i for i in range(50_000)}
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"id": "deep", "text": "Illustrative deep record.", "meta": deep},
        {"id": "wide", "text": "Illustrative wide record.", **wide},
    )) + "\n", "utf-8")
    assert [getattr(i, "id", None) for i in read_inputs([str(path)])] == ["deep", "wide"]


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_very_deeply_nested_json_is_rejected_not_fatal(tmp_path: Path, suffix: str) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    path = tmp_path / f"deep{suffix}"
    if suffix == ".jsonl":
        path.write_text(f'{{"text": "x", "meta": {nested}}}\n'
                        + json.dumps({"id": "ok", "text": "Illustrative."}) + "\n", "utf-8")
    else:
        path.write_text(nested, "utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], InputRejected) and "JSON" in items[0].reason


def test_lone_surrogate_in_the_text_is_rejected_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s", "text": "Illustrative \\ud800 text"}\n'
                    '{"id": "ok", "text": "Illustrative."}\n', "utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], InputRejected) and items[0].where == f"{path}:1"
    assert isinstance(items[1], Article)


def test_lone_surrogate_in_a_field_does_not_stop_the_run(tmp_path: Path) -> None:
    from claimmap import pipeline

    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s", "text": "Illustrative.", "title": "bad \\udc80"}\n'
                    '{"id": "ok", "text": "Illustrative too."}\n', "utf-8")
    cm = pipeline.ClaimMap(tmp_path / "s.db", geoparser=pipeline.NoGeoparser(),
                           extractor=pipeline.NoClaimExtractor(),
                           consolidator=pipeline.NoConsolidator())
    try:
        report = cm.analyze([str(path)])
    finally:
        cm.close()
    assert report.read == 1 and len(report.rejected) == 1
