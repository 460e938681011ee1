"""Claim extraction throughput, and a readable sample of what it extracts.

Usage::

    python benchmarks/bench_claims.py [JSONL] [--gazetteer fixture|default] [--sample N]

Geoparses every article first (not timed), then times ``extract`` alone over all
articles and prints articles/s (process CPU time, so that other load on a shared
machine does not count; wall time is shown too) and claims per article.
``--sample N`` prints N claims per type for reading. The JSONL defaults to
../shared/data/uawar_news.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

from claimmap.claims import create_extractor
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Article, Claim, Mention, Place

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "uawar_news.jsonl"


def load(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = normalise(record["text"])
        if text:
            articles.append(
                Article(
                    id=str(record.get("doc_id") or record.get("id")),
                    text=text,
                    content_hash=content_hash(text),
                    title=record.get("title"),
                    published=record.get("published"),
                )
            )
    return articles


def geoparse(
    articles: list[Article], which: str
) -> list[tuple[tuple[Mention, ...], dict[str, Place]]]:
    from claimmap.gazetteer import load_default, load_fixture
    from claimmap.geoparse import create_geoparser

    parser = create_geoparser(load_default() if which == "default" else load_fixture())
    out = []
    for article in articles:
        result = parser.parse(article)
        out.append((result.mentions, {p.id: p for p in result.places}))
    return out


def show(claim: Claim, places: dict[str, Place]) -> str:
    place = places[claim.place_id].name if claim.place_id in places else None
    return (
        f"[{claim.type} | {claim.acled_sub_event_type}] place={place} date={claim.date.value} "
        f"q={claim.quantity} claimant={claim.claimant!r} ({claim.claimant_side}) "
        f"mod={claim.modality} actor={claim.actor} target={claim.target}\n"
        f"    {claim.evidence.text[:220]!r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--gazetteer", choices=("fixture", "default"), default="fixture")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load(args.jsonl)
    parsed = geoparse(articles, args.gazetteer)
    extractor = create_extractor()
    best = wall = float("inf")
    results = []
    for _ in range(args.repeat):
        started, cpu = time.perf_counter(), time.process_time()
        results = [extractor.extract(a, m, p) for a, (m, p) in zip(articles, parsed, strict=True)]
        best = min(best, time.process_time() - cpu)
        wall = min(wall, time.perf_counter() - started)
    claims = [c for r in results for c in r.claims]
    flags = Counter(f.kind for r in results for f in r.flags)
    chars = sum(a.chars for a in articles)
    print(f"articles: {len(articles)}  chars: {chars:,}  gazetteer: {args.gazetteer}")
    print(
        f"extraction alone: {best:.3f} s CPU, {len(articles) / best:.0f} articles/s "
        f"(wall {wall:.3f} s, {len(articles) / wall:.0f}/s; best of {args.repeat})"
    )
    print(f"claims: {len(claims)} ({len(claims) / len(articles):.1f}/article)")
    print("by type:", dict(Counter(c.type for c in claims).most_common()))
    print("flags:", dict(flags))
    if args.sample:
        rng = random.Random(7)
        places = {k: v for _m, p in parsed for k, v in p.items()}
        by_type: dict[str, list[Claim]] = {}
        for claim in claims:
            by_type.setdefault(claim.type, []).append(claim)
        for kind, group in sorted(by_type.items()):
            print(f"\n== {kind}")
            for claim in rng.sample(group, min(args.sample, len(group))):
                print(show(claim, places))


if __name__ == "__main__":
    main()
