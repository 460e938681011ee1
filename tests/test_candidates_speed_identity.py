"""The index's precomputed tables (``key_blocks``, ``admin_names``) answer exactly as
the scans of the names and places tables they replace; an index without them (the
fallback path) gives the same candidates."""

from __future__ import annotations

import sqlite3

import pytest

from claimmap.gazetteer import load_fixture
from claimmap.gazetteer.store import IndexGazetteer
from claimmap.geoparse.candidates import CandidateFinder
from claimmap.geoparse.recognise import SpanHit

NAMES = ["Pokrovsk", "Kramatorks", "Krasnoarmeisk", "Donetsk Oblast", "Kharkov", "Bakhmut",
         "Artemovsk", "Zaporozhye", "Ukraine", "Ukrainian", "Russians", "Qzxv", "Kyiv",
         "Mt. Pleasant", "USA", "Donbass"]  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> IndexGazetteer:
    return load_fixture()


@pytest.fixture(scope="module")
def older(gaz: IndexGazetteer) -> IndexGazetteer:
    """The fixture index as written before the precomputed tables existed."""
    conn = sqlite3.connect(":memory:")
    gaz.conn.backup(conn)
    conn.execute("DROP TABLE key_blocks")
    conn.execute("DROP TABLE admin_names")
    return IndexGazetteer(conn, None)


def test_key_blocks_hold_every_key_under_its_first_two_letters(gaz: IndexGazetteer) -> None:
    keys = {k for (k,) in gaz.conn.execute("SELECT key FROM names") if len(k) >= 2}
    prefixes = [p for (p,) in gaz.conn.execute("SELECT prefix FROM key_blocks")]
    assert set(prefixes) == {k[:2] for k in keys}
    for prefix in prefixes:
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        scanned = gaz.conn.execute(
            "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ?", (prefix, upper)
        ).fetchall()
        assert gaz._block_keys(prefix) == tuple(k for (k,) in scanned)
    assert gaz._block_keys("q!") == ()


def test_admin_names_table_matches_the_places_table(
    gaz: IndexGazetteer, older: IndexGazetteer
) -> None:
    assert gaz._read_admin_names() == older._read_admin_names()
    assert gaz._read_admin_names()  # the fixture has divisions


def test_an_index_without_the_tables_gives_the_same_answers(
    gaz: IndexGazetteer, older: IndexGazetteer
) -> None:
    for name in NAMES:
        assert gaz.lookup(name) == older.lookup(name)
        assert gaz.lookup_variant(name) == older.lookup_variant(name)
        assert gaz.fuzzy(name, limit=8) == older.fuzzy(name, limit=8)
    new, old = CandidateFinder(gaz), CandidateFinder(older)
    for name in NAMES:
        hit = SpanHit(0, len(name), name, "gazetteer")
        assert new.options(hit) == old.options(hit)
    region = SpanHit(0, 14, "Donetsk Oblast", "region", head="Donetsk")
    assert new.options(region) == old.options(region)
