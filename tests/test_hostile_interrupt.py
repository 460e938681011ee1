"""Hostile conditions for the store: an ingest interrupted again and again (SIGINT and
SIGKILL alternately, at random points while articles are being written), then run to
the end: nothing lost, nothing duplicated, every stored article complete, and the
integrity check clean. And the store can be read (CLI and API) while an ingest writes.

The ingest is the real CLI with the real claim extractor and consolidator; geoparsing
uses the small fixture gazetteer so each process starts in about a second."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimmap.store import Store

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")]

N_RECORDS = 600
RUNS = 20
PLACES = ["Kharkiv", "Kyiv", "Bakhmut", "Donetsk", "Odesa", "Zaporizhzhia", "Kherson"]
# Geoparsing waits 3 ms per article, so a whole run lasts at least 1.8 s: however busy
# the machine, the test sees each run in progress and stops it mid-way.
# Ctrl-C is sent as SIGINT. A job started in the background by a non-interactive shell
# (a CI runner, `cmd &`) inherits SIGINT ignored, and Python then keeps ignoring
# it; a user's Ctrl-C in a terminal never is, so the runner restores the handler.
RUNNER = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from claimmap import pipeline
from claimmap.gazetteer import load_fixture
from claimmap.geoparse import create_geoparser
class Slow:
    def __init__(self, inner):
        self.inner = inner
    def parse(self, article):
        time.sleep(0.003)
        return self.inner.parse(article)
real = pipeline.create_stage
pipeline.create_stage = lambda name: (
    Slow(create_geoparser(load_fixture())) if name == "geoparse" else real(name))
from claimmap.cli import main
main(sys.argv[1:], prog_name="claimmap")
"""


def write_feed(path: Path) -> dict[str, str]:
    """Illustrative records (invented, not real reporting), each text distinct."""
    texts = {}
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_RECORDS):
            a, b = rng.sample(PLACES, 2)
            text = (f"Illustrative record {i}. Shelling was reported near {a} on Monday, "
                    f"officials in {b} said; {rng.randint(2, 40)} people were wounded.")
            texts[f"r{i:05d}"] = text
            out.write(json.dumps({"id": f"r{i:05d}", "text": text}) + "\n")
    return texts


def start(feed: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", RUNNER, "analyze", str(feed), "--db",
                             str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def written_bytes(db: Path) -> int:
    """Bytes in the store's file and its write-ahead log: grows as articles commit. Read
    from the file system, so watching a running ingest takes no database lock."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def stored_count(db: Path) -> int:
    """Articles committed so far, read the cheap way (a plain read-only connection)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def expected_counts(feed: Path) -> dict[str, tuple[int, int]]:
    """Mentions and claims per article from an uninterrupted in-process run."""
    from claimmap.claims import create_extractor
    from claimmap.gazetteer import load_fixture
    from claimmap.geoparse import create_geoparser
    from claimmap.ingest import read_inputs
    from claimmap.model import Article

    geoparser, extractor = create_geoparser(load_fixture()), create_extractor()
    out = {}
    for item in read_inputs([str(feed)]):
        assert isinstance(item, Article)
        geo = geoparser.parse(item)
        found = extractor.extract(item, geo.mentions, {p.id: p for p in geo.places})
        out[item.id] = (len(geo.mentions), len(found.claims))
    return out


def check_store(db: Path, expected: dict[str, tuple[int, int]]) -> int:
    with Store.open(db) as store:
        assert store.integrity_check() == []
        infos = store.list_articles()
    ids = [i.id for i in infos]
    assert len(ids) == len(set(ids))
    for info in infos:  # whole articles only: every mention and claim is there
        assert (info.mentions, info.claims) == expected[info.id], info.id
    return len(ids)


def test_interrupted_again_and_again_then_completed(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "loop.db"
    write_feed(feed)
    expected = expected_counts(feed)
    assert sum(c for _, c in expected.values()) > 0, "the feed yields no claims"
    rng = random.Random(20)
    counts = []
    for run in range(RUNS):
        sig = signal.SIGINT if run % 2 == 0 else signal.SIGKILL
        # A random point: after 8 to 96 KiB more is written (a few to a dozen articles),
        # plus 0-20 ms. Progress is read from the file sizes, which takes no lock.
        target = written_bytes(db) + 8_192 * rng.randint(1, 12)
        proc = start(feed, db)
        try:
            waited = time.monotonic() + 60
            while (written_bytes(db) < target and proc.poll() is None
                   and time.monotonic() < waited):
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.02))
            proc.send_signal(sig)
        finally:
            _, err = proc.communicate(timeout=60)  # reaps it and closes its pipe
        assert proc.returncode != 0, f"run {run} ended before the signal: {err.decode()}"
        if proc.returncode == 130:
            assert b"run the same command again" in err
        counts.append(check_store(db, expected))
    print("articles stored after each interrupted run:", counts)
    assert counts == sorted(counts), counts  # no run lost what an earlier one stored
    assert counts[-1] < N_RECORDS, "the runs finished before they were killed"
    assert len(set(counts)) > RUNS // 2, f"too few runs were stopped while writing: {counts}"

    started = time.monotonic()
    done = start(feed, db)
    _, err = done.communicate(timeout=300)
    print(f"final run: {time.monotonic() - started:.1f} s")
    assert done.returncode == 0, err.decode()
    assert check_store(db, expected) == N_RECORDS
    with Store.open(db) as store:
        assert sorted(i.id for i in store.list_articles()) == sorted(expected)
        assert store.counts()["events"] > 0  # consolidation ran on the completed store
        assert len(store.search("Illustrative", limit=N_RECORDS)) == N_RECORDS


def test_store_is_readable_while_an_ingest_writes(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "busy.db"
    write_feed(feed)
    proc = start(feed, db)
    cli = [sys.executable, "-m", "claimmap", "articles", "--db", str(db)]
    seen_cli, seen_api = [], []
    try:
        while stored_count(db) == 0 and proc.poll() is None:
            time.sleep(0.02)
        with Store.open(db) as store:
            while proc.poll() is None and len(seen_cli) < 4:
                listed = subprocess.run(cli, capture_output=True, text=True, timeout=60)
                assert listed.returncode == 0, listed.stderr
                rows = listed.stdout.splitlines()
                assert rows[0].startswith("id\tpublished")
                seen_cli.append(len(rows) - 1)
                n = store.counts()["articles"]
                assert len(store.list_articles()) >= n
                assert len(store.search("Illustrative", limit=N_RECORDS)) >= n
                assert store.get_article("r00000") is not None
                seen_api.append(n)
    finally:
        _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert seen_cli == sorted(seen_cli) and seen_api == sorted(seen_api)
    mid = [n for n in seen_cli + seen_api if 0 < n < N_RECORDS]
    assert len(mid) >= 2, f"no read happened mid-ingest: {seen_cli} {seen_api}"
    assert stored_count(db) == N_RECORDS
