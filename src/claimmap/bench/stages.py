"""Each stage timed on its own, in the order and with the calls the pipeline makes.

The loop mirrors :meth:`claimmap.pipeline.ClaimMap.analyze` (ingest, dedup check,
geoparse, claims, one store transaction per article, then consolidation over everything
stored), with a clock around each step. Stages are created and warmed on the first
article before any clock starts, so loading the gazetteer is not counted here (the end
to end figure counts it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimmap import pipeline
from claimmap.bench.measure import Clock, Throughput
from claimmap.ingest import read_inputs
from claimmap.model import Article
from claimmap.store import Store

STAGES = ("ingest", "geoparse", "claims", "story_keys", "store_writes", "consolidate")


def warm_stages(corpus: Path) -> dict[str, Any]:
    """The pipeline's stages, created and run once on the corpus's first article."""
    stages = {name: pipeline.create_stage(name) for name in ("geoparse", "claims", "consolidate")}
    first = next((a for a in read_inputs([str(corpus)]) if isinstance(a, Article)), None)
    if first is not None:
        geo = stages["geoparse"].parse(first)
        places = {p.id: p for p in geo.places}
        found = stages["claims"].extract(first, geo.mentions, places)
        stages["consolidate"].consolidate([first], geo.mentions, found.claims, places)
    return stages


def _timed(items: Iterator[object], clock: Clock) -> Iterator[object]:
    while True:
        with clock.running():
            item = next(items, None)
        if item is None:
            return
        yield item


def run_stages(corpus: Path, db: Path, stages: dict[str, Any]) -> dict[str, Throughput]:
    """One pass over ``corpus`` into a new store at ``db``; a Throughput per stage."""
    clocks = {name: Clock() for name in STAGES}
    articles = words = 0
    with Store.open(db) as store:
        for item in _timed(read_inputs([str(corpus)]), clocks["ingest"]):
            if not isinstance(item, Article):
                continue
            with clocks["store_writes"].running():
                if store.content_hash_of(item.id) is not None or store.has_content(
                        item.content_hash):
                    continue
            with clocks["geoparse"].running():
                geo = stages["geoparse"].parse(item)
            places = {p.id: p for p in geo.places}
            with clocks["claims"].running():
                found = stages["claims"].extract(item, geo.mentions, places)
            with clocks["story_keys"].running():
                make = getattr(stages["consolidate"], "story_keys", None)
                keys = make(item) if make is not None else None
            with clocks["store_writes"].running():
                store.add_article(item, geo, found, keys)
            articles += 1
            words += len(item.text.split())
        _consolidate(store, stages["consolidate"], clocks)
    out = {}
    for name, clock in clocks.items():
        out[name] = Throughput(articles, words)
        out[name].add(clock)
    return out


def _consolidate(store: Store, consolidator: Any, clocks: dict[str, Clock]) -> None:
    """Streamed, as the pipeline runs it (reads, consolidation and writes interleave,
    so they are one figure); a consolidator without a streamed form gets the store
    loaded whole."""
    with clocks["consolidate"].running():
        streamed = getattr(consolidator, "consolidate_store", None)
        if streamed is not None:
            streamed(store.consolidation_io(), None, store.articles_state())
            return
        stored = store.load_analysis(consolidation=False)
        places = {p.id: p for p in stored.places}
        result = consolidator.consolidate(stored.articles, stored.mentions, stored.claims,
                                          places)
        store.replace_consolidation(result)


def merge(runs: list[dict[str, Throughput]]) -> dict[str, Throughput]:
    """Repeats of :func:`run_stages` as one Throughput per stage (one clock per run)."""
    out: dict[str, Throughput] = {}
    for run in runs:
        for name, figure in run.items():
            target = out.setdefault(name, Throughput(figure.articles, figure.words))
            target.wall.extend(figure.wall)
            target.cpu.extend(figure.cpu)
    return out
