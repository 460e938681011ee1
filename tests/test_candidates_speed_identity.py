"""The index's precomputed tables (``key_blocks``, ``admin_names``, ``area_keys``)
answer exactly as the scans of the names and places tables they replace; an index
without them (the fallback path) gives the same candidates. The shortcuts of the
look-ups (read transactions, demonym guesses skipped) change no answer."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from claimmap.gazetteer import load_fixture
from claimmap.gazetteer.names import name_key
from claimmap.gazetteer.store import IndexGazetteer
from claimmap.geoparse.candidates import _COUNTRY_ENDINGS, CandidateFinder, _key_with_ending
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
    conn.execute("DROP TABLE area_keys")
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


def test_area_keys_are_the_keys_of_countries_and_divisions_main_names(
    gaz: IndexGazetteer, older: IndexGazetteer
) -> None:
    expected = set()
    for key in gaz.names():
        for m in gaz.lookup(key):
            if m.place.kind == "country" or (m.place.kind == "admin1" and m.primary):
                expected.add(key)
    assert gaz.area_keys() == expected == older.area_keys()
    assert "ukraine" in expected


def test_skipped_demonym_guesses_find_nothing_a_look_up_would(gaz: IndexGazetteer) -> None:
    everything = frozenset(gaz.names())
    for word in ["Ukrainian", "Ukrainians", "Russian", "Donetskians", "Kharkivan", "Kyivans",
                 "Germans", "Crimean", "Qzxvian", "Zaporizhzhian"]:  # fmt: skip
        quick, slow = CandidateFinder(gaz), CandidateFinder(gaz)
        slow._area_keys = everything  # no guess skipped
        assert quick._demonym(word) == slow._demonym(word)


@pytest.mark.parametrize("stem", ["Ukrain", "Kyiv", "Pokrovs'", "Foo-", "São Tom", "Straß",
                                  "Ⅻ", "ÉGYPT", "Kosov", "Ivano-Frankivs", "Дон", "ﬁ"])  # fmt: skip
def test_a_key_with_an_ending_is_the_key_of_the_whole(stem: str) -> None:
    for ending in _COUNTRY_ENDINGS:
        assert _key_with_ending(stem, name_key(stem), ending) == name_key(stem + ending)


def test_a_read_transaction_changes_no_answer_and_ends_with_its_block(
    gaz: IndexGazetteer,
) -> None:
    plain = {name: gaz.lookup_variant(name) for name in NAMES}
    with gaz.reading():
        assert gaz.conn.in_transaction
        with gaz.reading():  # nested: runs inside the outer one
            assert gaz.conn.in_transaction
        assert gaz.conn.in_transaction
        assert {name: gaz.lookup_variant(name) for name in NAMES} == plain
    assert not gaz.conn.in_transaction


def test_a_second_thread_reads_without_opening_a_transaction_of_its_own(
    gaz: IndexGazetteer,
) -> None:
    entered, done = threading.Event(), threading.Event()
    seen: list[object] = []

    def other() -> None:
        entered.wait()
        with gaz.reading():  # the first thread's transaction is open: no BEGIN here
            seen.append(gaz.lookup("Kyiv"))
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with gaz.reading():
        entered.set()
        assert done.wait(5)
        assert gaz.conn.in_transaction
    thread.join()
    assert seen == [gaz.lookup("Kyiv")]
    assert not gaz.conn.in_transaction


def test_a_connection_in_its_own_transaction_is_left_in_it() -> None:
    conn = sqlite3.connect(":memory:")
    load_fixture().conn.backup(conn)
    conn.execute("INSERT INTO meta VALUES ('x', 'y')")  # opens a write transaction
    mine = IndexGazetteer(conn, None)
    with mine.reading():
        mine.lookup("Kyiv")
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM meta WHERE k = 'x'").fetchone() == (0,)


def test_a_name_of_no_place_is_no_match(gaz: IndexGazetteer) -> None:
    conn = sqlite3.connect(":memory:")
    gaz.conn.backup(conn)
    conn.execute("INSERT INTO names VALUES ('nowhere at all', 'nowhere', -999, 'Nowhere', 1)")
    assert IndexGazetteer(conn, None).lookup("Nowhere at all") == ()


def test_places_read_in_batches_are_the_places_read_one_by_one(gaz: IndexGazetteer) -> None:
    pids = [pid for (pid,) in gaz.conn.execute("SELECT pid FROM places")]
    pids += list(range(-10_000, -10_000 + 600))  # more than one batch, with no places
    batched, single = IndexGazetteer(gaz.conn, None), IndexGazetteer(gaz.conn, None)
    batched._read_places(pids)
    assert all(batched._places[pid] == single._place(pid) for pid in pids)
