"""Schema migrations: a store written at an older schema version is brought up to date
when opened, keeping its data."""

from __future__ import annotations

from pathlib import Path

from claimmap.model import Article
from claimmap.store import SCHEMA_VERSION, Store
from claimmap.store import rows as store_rows
from claimmap.store.engine import make_engine, to_url
from claimmap.store.schema import MIGRATIONS, articles, current_version, fts_available, migrate

ARTICLE = Article("old-1", "Illustrative article stored before full-text search existed.",
                  "e" * 64, title="Old")


def make_v1(path: Path) -> None:
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        assert migrate(conn, target=1) == 0
        assert current_version(conn) == 1
        assert not fts_available(conn)
        conn.execute(articles.insert().values(store_rows.article_row(ARTICLE)))
    engine.dispose()


def test_versions_are_ordered_and_complete() -> None:
    versions = [v for v, _what, _step in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[-1] == SCHEMA_VERSION


def test_v1_store_migrates_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_v1(path)
    with Store.open(path) as store:
        assert store.get_article("old-1") == ARTICLE
        assert [h.article_id for h in store.search("full-text")] == ["old-1"]
        assert store.integrity_check() == []
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        assert current_version(conn) == SCHEMA_VERSION
    engine.dispose()


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    with Store.open(path) as store:
        store.add_article(ARTICLE)
        assert store.counts()["articles"] == 1
