"""The store: round trips, one transaction per article, consolidation, search, health."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimmap.errors import StoreError
from claimmap.model import Analysis, Article, Claim, Flag, Place, Span
from claimmap.stages import ClaimsResult, ConsolidationResult, GeoparseResult
from claimmap.store import SCHEMA_VERSION, Store


def split(analysis: Analysis, article: Article) -> tuple[GeoparseResult, ClaimsResult]:
    mentions = tuple(m for m in analysis.mentions if m.article_id == article.id)
    return (
        GeoparseResult(mentions, analysis.places if mentions else ()),
        ClaimsResult(
            tuple(c for c in analysis.claims if c.article_id == article.id),
            tuple(f for f in analysis.flags if f.article_ids == (article.id,)),
        ),
    )


def fill(store: Store, analysis: Analysis) -> None:
    for article in analysis.articles:
        store.add_article(article, *split(analysis, article))
    store.replace_consolidation(ConsolidationResult(analysis.events, (), analysis.origins))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "s.db")


def test_everything_round_trips(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    assert store.load_analysis() == full_analysis
    assert store.get_article("a1") == full_analysis.articles[0]
    assert store.mentions_for("a1") == full_analysis.mentions
    assert store.claims_for("a1") == full_analysis.claims
    assert store.claims_for("b2") == ()
    assert store.has_article("a1") and not store.has_article("zz")
    assert store.has_content("h" * 64) and not store.has_content("0" * 64)
    info = {i.id: i for i in store.list_articles()}
    assert (info["a1"].mentions, info["a1"].claims, info["a1"].origin_id) == (1, 1, "a1")
    assert store.integrity_check() == []


def test_failed_article_leaves_nothing(store: Store, full_analysis: Analysis) -> None:
    art = full_analysis.articles[0]
    claim = full_analysis.claims[0]
    twice = ClaimsResult((claim, claim))  # the same claim id twice violates the key
    with pytest.raises(StoreError, match="cannot store article a1"):
        store.add_article(art, GeoparseResult(full_analysis.mentions, full_analysis.places), twice)
    assert not store.has_article("a1")
    assert store.counts()["mentions"] == 0 and store.counts()["places"] == 0
    assert store.search("Toretsk") == []
    assert store.integrity_check() == []


def test_duplicate_content_is_refused(store: Store, full_analysis: Analysis) -> None:
    art = full_analysis.articles[0]
    store.add_article(art)
    with pytest.raises(StoreError):
        store.add_article(Article("other-id", art.text, art.content_hash))
    assert [i.id for i in store.list_articles()] == ["a1"]


def test_places_are_upserted(store: Store, full_analysis: Analysis) -> None:
    old = full_analysis.places[0]
    store.add_article(full_analysis.articles[0], GeoparseResult((), (old,)))
    new = Place(old.id, "Toretsk (new name)", old.kind, old.lat, old.lon, population=1)
    store.add_article(full_analysis.articles[1], GeoparseResult((), (new,)))
    assert store.places_for({old.id}) == {old.id: new}
    assert store.counts()["places"] == 1


def test_replace_consolidation_replaces(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    span = Span("a1", 0, 5, "Illus")
    cross = Flag("copy", ("a1", "b2"), "same story", (span,))
    store.replace_consolidation(ConsolidationResult((), (cross,), {"b2": "a1"}))
    after = store.load_analysis()
    assert after.events == ()
    assert after.origins == {"b2": "a1"}
    assert cross in after.flags
    assert full_analysis.flags[0] in after.flags  # article flags are kept
    store.replace_consolidation(ConsolidationResult())
    assert cross not in store.load_analysis().flags


def test_search_snippets_and_syntax_errors(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    hits = store.search("repelled")
    assert [h.article_id for h in hits] == ["b2"]
    assert "[repelled]" in hits[0].snippet
    assert {h.article_id for h in store.search("Toretsk")} == {"a1", "b2"}
    assert [h.article_id for h in store.search("attacks near")] == ["b2"]
    assert [h.article_id for h in store.search("Ukraine NOT Russia")] == ["b2"]
    assert store.search("tor*", mark=("<b>", "</b>"))[0].snippet.count("<b>") == 1
    for bad in ('"unbalanced', "AND OR", "("):
        with pytest.raises(StoreError, match="cannot search"):
            store.search(bad)
    with pytest.raises(StoreError, match="empty search"):
        store.search("  ")


def test_wal_and_schema_version(store: Store, tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT version FROM schema_version").scalar() == (
            SCHEMA_VERSION)
    engine.dispose()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    engine = create_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 999"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this claimmap"):
        Store.open(tmp_path / "s.db")


def test_unopenable_store_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not an SQLite file at all" * 10)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open(bad)


def test_integrity_check_finds_orphans(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    engine = create_engine(store.url)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.exec_driver_sql("DELETE FROM articles WHERE id = 'a1'")
    engine.dispose()
    found = store.integrity_check()
    assert any("mentions" in p for p in found)
    assert any("full-text" in p for p in found)


def test_claim_decodes_every_field(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    [claim] = store.claims_for("a1")
    assert isinstance(claim, Claim)
    assert claim.quantity is not None and claim.quantity.qualifier == "up to"
    assert claim.quote == claim.evidence and claim.framing == ("liberation",)


def test_readers_read_while_a_writer_writes(tmp_path: Path, full_analysis: Analysis) -> None:
    writer = Store.open(tmp_path / "w.db")
    reader = Store.open(tmp_path / "w.db")
    writer.add_article(full_analysis.articles[0])
    with writer._write() as conn:  # an ingest transaction, not yet committed
        conn.execute(text("UPDATE articles SET title = 'changing'"))
        assert [i.title for i in reader.list_articles()] == ["A"]  # not blocked, old state
    assert [i.title for i in reader.list_articles()] == ["changing"]
    writer.close()
    reader.close()


def test_portable_search_fallback(store: Store, full_analysis: Analysis) -> None:
    from claimmap.store.search import _fallback

    fill(store, full_analysis)
    with store._read() as conn:
        hits = _fallback(conn, "REPELLED", 10, ("[", "]"))
    assert [h.article_id for h in hits] == ["b2"]
    assert "[repelled]" in hits[0].snippet


def test_open_by_url(tmp_path: Path, full_analysis: Analysis) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'u.db'}") as store:
        store.add_article(full_analysis.articles[1])
        assert store.location == str(tmp_path / "u.db")
    with Store.open(tmp_path / "u.db") as store:
        assert store.has_article("b2")


def test_hand_written_rows_match_the_analysis_contract(full_analysis: Analysis) -> None:
    """place_row and mention_row are written out field by field for speed; they must
    give exactly the contract's JSON form (a new model field fails here)."""
    from claimmap.analysis import to_data
    from claimmap.store import rows

    assert full_analysis.places and full_analysis.mentions
    for place in full_analysis.places:
        assert rows.place_row(place) == to_data(place)
    for mention in full_analysis.mentions:
        assert rows.mention_row(mention) == to_data(mention)


def test_stored_as_reports_id_and_content(store: Store, full_analysis: Analysis) -> None:
    article = full_analysis.articles[0]
    assert store.stored_as(article.id, article.content_hash) == (None, False)
    store.add_article(article, *split(full_analysis, article))
    assert store.stored_as(article.id, "other") == (article.content_hash, False)
    assert store.stored_as("another-id", article.content_hash) == (None, True)
    assert store.stored_as(article.id, article.content_hash) == (article.content_hash, True)


def test_consolidation_input_and_marker(store: Store, full_analysis: Analysis) -> None:
    fill(store, full_analysis)
    whole = store.load_analysis()
    needed = store.load_analysis(consolidation=False)
    assert (needed.articles, needed.places, needed.claims) == (
        whole.articles, whole.places, whole.claims)
    assert whole.mentions[0].candidates  # the full load keeps a mention's candidates...
    assert needed.mentions == tuple(replace(m, candidates=()) for m in whole.mentions)
    assert (needed.events, needed.flags, needed.origins) == ((), (), {})
    assert store.consolidation_marker() is None  # fill() saved none
    state = store.articles_state()
    store.replace_consolidation(ConsolidationResult(), f"{state}|x")
    assert store.consolidation_marker() == f"{state}|x"
    store.add_article(Article("c3", "Illustrative third text.", "c" * 64))
    assert store.articles_state() != state
    store.replace_consolidation(ConsolidationResult())
    assert store.consolidation_marker() is None
