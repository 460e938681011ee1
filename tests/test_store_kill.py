"""Killing ``claimmap analyze`` at any moment (kill -9, Ctrl-C) leaves no half-written
article, and re-running completes the job with every article stored once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimmap.store import Store

N_RECORDS = 4000

# Runs the real CLI with no-op stages, so the test exercises ingest and the store only.
# The geoparse stage waits 1 ms per article, so a run lasts at least 4 s: however busy
# the machine, the test sees it running and can stop it mid-way.
# Ctrl-C is sent as SIGINT. A job started in the background by a non-interactive shell
# (a CI runner, `cmd &`) inherits SIGINT ignored, and Python then keeps ignoring
# it; a user's Ctrl-C in a terminal never is, so the runner restores the handler.
RUNNER = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from claimmap import pipeline
class SlowNoGeoparser(pipeline.NoGeoparser):
    def parse(self, article):
        time.sleep(0.001)
        return super().parse(article)
noop = {"geoparse": SlowNoGeoparser, "claims": pipeline.NoClaimExtractor,
        "consolidate": pipeline.NoConsolidator}
pipeline.create_stage = lambda name: noop[name]()
from claimmap.cli import main
main(sys.argv[1:], prog_name="claimmap")
"""


def start(feed: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, "analyze", str(feed), "--db", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def stored_ids(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [info.id for info in store.list_articles()]


def written_bytes(db: Path) -> int:
    """Bytes in the store's file and its write-ahead log: grows as articles commit. Read
    from the file system, so watching a running ingest takes no database lock."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def wait_for_progress(db: Path, proc: subprocess.Popen[bytes]) -> None:
    """Wait until the running ingest has written 64 KiB more than when it started (a
    few dozen articles), so the kill lands mid-run however fast or slow the machine is."""
    start_size = written_bytes(db)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if written_bytes(db) > start_size + 65_536:
            return
        time.sleep(0.01)
    raise AssertionError(
        f"the ingest made no progress before it ended or timed out (exit {proc.poll()})"
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_kill_and_interrupt_then_resume(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i in range(N_RECORDS):
            record = {"id": f"r{i:05d}", "text": f"Illustrative record {i}, not real reporting."}
            out.write(json.dumps(record) + "\n")
    db = tmp_path / "kill.db"
    rng = random.Random(os.getpid())
    counts = []
    for sig in (signal.SIGKILL, signal.SIGINT, signal.SIGKILL, signal.SIGINT, signal.SIGKILL):
        proc = start(feed, db)
        try:
            wait_for_progress(db, proc)
            time.sleep(rng.uniform(0.0, 0.3))  # then kill at a random moment mid-run
            proc.send_signal(sig)
        finally:
            _, err = proc.communicate(timeout=60)  # reaps it and closes its pipe
        if sig == signal.SIGINT and proc.returncode == 130:
            assert b"run the same command again" in err
        ids = stored_ids(db)
        assert len(ids) == len(set(ids))
        counts.append(len(ids))
        with Store.open(db) as store:
            assert store.integrity_check() == []
    print("articles stored after each kill:", counts)
    assert counts == sorted(counts)  # every run kept what the previous ones stored
    assert counts[-1] < N_RECORDS, "the runs finished before they were killed: nothing tested"

    done = start(feed, db)
    _, err = done.communicate(timeout=120)
    assert done.returncode == 0, err.decode()
    ids = stored_ids(db)
    assert sorted(ids) == [f"r{i:05d}" for i in range(N_RECORDS)]
    with Store.open(db) as store:
        assert store.integrity_check() == []
        assert store.counts()["articles"] == N_RECORDS
        assert len(store.search("Illustrative", limit=N_RECORDS)) == N_RECORDS
