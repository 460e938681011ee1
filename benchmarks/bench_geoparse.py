"""Geoparsing throughput on one core.

Usage::

    python benchmarks/bench_geoparse.py [JSONL] [--repeat N] [--gazetteer default|fixture]

Loads the gazetteer and the name automaton first (not timed; the load time is
printed), then times ``parse`` over every article of the corpus, ``--repeat`` times,
and prints articles/s and words/s for the median run, in process CPU time (other load
on a shared machine does not count) and wall time, then the fastest run's CPU rate (on a
shared host a slower run is mostly other jobs' interference, as Python's ``timeit``
documentation notes; the median is the figure to quote). The process is pinned to one CPU
core where the OS allows it. The JSONL (one article per line, ``text`` field) defaults
to ../shared/data/uawar_news.jsonl.

It measures claimmap as installed, and prints which geoparser that is. A wheel
(``pip install .``) runs the geoparser compiled with mypyc. An editable install runs
the pure-Python source, about 1.3x slower (docs/design.md, "Compiled hot path").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from claimmap.model import Article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "uawar_news.jsonl"


def load(path: Path) -> list[Article]:
    articles = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        text = str(record.get("text") or "")
        if text:
            doc_id = str(record.get("doc_id") or n)
            articles.append(Article(id=doc_id, text=text, content_hash=doc_id))
    return articles


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gazetteer", choices=["default", "fixture"], default="default")
    args = ap.parse_args()

    from claimmap.bench.measure import describe_interpreter, interpreter
    from claimmap.gazetteer import load_default, load_fixture
    from claimmap.geoparse import create_geoparser

    print(pin_one_core())
    print(describe_interpreter(interpreter()))
    articles = load(args.jsonl)
    words = sum(len(a.text.split()) for a in articles)
    t0 = time.perf_counter()
    gazetteer = load_default() if args.gazetteer == "default" else load_fixture()
    parser = create_geoparser(gazetteer)
    parser.warm()
    print(f"gazetteer + automaton load: {time.perf_counter() - t0:.2f} s")

    cpu_runs, wall_runs, mentions = [], [], 0
    for _ in range(args.repeat):
        parser = create_geoparser(gazetteer)  # fresh lookup caches: no warm memo
        parser.warm()
        c0, w0 = time.process_time(), time.perf_counter()
        mentions = sum(len(parser.parse(a).mentions) for a in articles)
        cpu_runs.append(time.process_time() - c0)
        wall_runs.append(time.perf_counter() - w0)
    cpu, wall = statistics.median(cpu_runs), statistics.median(wall_runs)
    print(f"{len(articles)} articles, {words} words, {mentions} mentions")
    print(f"CPU:  {len(articles) / cpu:8.1f} articles/s  {words / cpu:10.0f} words/s")
    print(f"wall: {len(articles) / wall:8.1f} articles/s  {words / wall:10.0f} words/s")
    best = min(cpu_runs)
    print(f"CPU, fastest of {len(cpu_runs)}: {len(articles) / best:8.1f} articles/s")


if __name__ == "__main__":
    main()
