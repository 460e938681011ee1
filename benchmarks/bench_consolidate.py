"""Consolidation time at 1x, 4x and 16x a corpus.

The corpus (JSONL: doc_id, source, published, title, text) is geoparsed and its
claims extracted once, with the real stages; for kx the articles, mentions and
claims are replicated k times with changed ids (texts unchanged, so every replica
is a copy of its original: stories of k articles; ``--perturb`` appends a line to
each replica so that no text is shared and every signature is computed). Only
consolidation is timed, with a fresh consolidator each time (nothing cached).
With ``--synthetic`` the claims are made up instead (shaped like extracted ones:
types, sides, places drawn from a small list, dates from the publication day), for
when the extractor is not available.

    python benchmarks/bench_consolidate.py [--data PATH] [--scales 1,4,16] [--sample 8]
        [--perturb] [--synthetic]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from claimmap.consolidate import create_consolidator
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Article, Claim, DateValue, Mention, Party, Place, Span

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "uawar_news.jsonl"


def load(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = normalise(row["text"])
            articles.append(Article(row["doc_id"], text, content_hash(text), row.get("title"),
                                    row.get("source"), published=row.get("published")))
    return articles


def extract(articles: list[Article]) -> tuple[list[Mention], list[Claim], dict[str, Place]]:
    from claimmap.claims import create_extractor
    from claimmap.geoparse import create_geoparser

    geoparser, extractor = create_geoparser(), create_extractor()
    mentions: list[Mention] = []
    claims: list[Claim] = []
    places: dict[str, Place] = {}
    failed = 0
    for article in articles:
        try:
            geo = geoparser.parse(article)
            found = {p.id: p for p in geo.places}
            extracted = extractor.extract(article, geo.mentions, found).claims
        except Exception:  # another stage's bug must not stop the benchmark
            failed += 1
            continue
        places.update(found)
        mentions.extend(geo.mentions)
        claims.extend(extracted)
    if failed:
        print(f"warning: {failed} articles failed geoparsing or extraction and were left out")
    return mentions, claims, places


def synthetic(articles: list[Article]) -> tuple[list[Mention], list[Claim], dict[str, Place]]:
    rng = random.Random(11)
    places = {f"geonames:{i}": Place(f"geonames:{i}", f"Town {i}", "populated_place", 48.0, 37.0,
                                     "UA", f"{i % 20:02d}", f"Oblast {i % 20}") for i in range(300)}
    ids = sorted(places)
    claims = []
    for article in articles:
        for n in range(rng.randint(2, 12)):
            end = min(len(article.text), 80)
            day = (article.published or "")[:10]
            claims.append(Claim(
                f"{article.id}:s{n}", article.id,
                rng.choice(["control_change", "attack", "casualties", "statement", "strike"]),
                None, None, Span(article.id, 0, end, article.text[:end]),
                actor=Party(rng.choice(["russia", "ukraine", "unknown"])),
                place_id=rng.choice(ids) if rng.random() < 0.7 else None,
                date=DateValue(day, "day") if day and rng.random() < 0.6 else DateValue.unknown(),
                claimant_side=rng.choice(["russia", "ukraine", "other", "unknown"]),
            ))
    return [], claims, places


def replicate(articles: list[Article], mentions: list[Mention], claims: list[Claim], k: int,
              perturb: bool = False) -> tuple[list[Article], list[Mention], list[Claim]]:
    def rid(aid: str, i: int) -> str:
        return aid if i == 0 else f"{aid}~r{i}"

    def span(s: Span, i: int) -> Span:
        return replace(s, article_id=rid(s.article_id, i))

    def copy(a: Article, i: int) -> Article:
        if not perturb or i == 0:
            return replace(a, id=rid(a.id, i))
        # New text (no digits, so no new "numbers"), same offsets for every span.
        text = f"{a.text}\n\nReplica {chr(ord('a') + i % 26)}{chr(ord('a') + i // 26)}."
        return replace(a, id=rid(a.id, i), text=text, content_hash=content_hash(text))

    arts = [copy(a, i) for i in range(k) for a in articles]
    ments = [replace(m, article_id=rid(m.article_id, i)) for i in range(k) for m in mentions]
    cls = [
        replace(c, id=rid(c.id, i), article_id=rid(c.article_id, i), evidence=span(c.evidence, i),
                quote=span(c.quote, i) if c.quote else None)
        for i in range(k) for c in claims
    ]
    return arts, ments, cls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--sample", type=int, default=0, help="print N events and flags")
    parser.add_argument("--perturb", action="store_true",
                        help="give each replica its own text (no signature reuse)")
    args = parser.parse_args()
    articles = load(args.data)
    started = time.perf_counter()
    mentions, claims, places = (synthetic if args.synthetic else extract)(articles)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python "
          f"{platform.python_version()}; {len(articles)} articles, {len(claims)} claims "
          f"({'synthetic' if args.synthetic else 'extracted'} in "
          f"{time.perf_counter() - started:.1f}s)")
    for k in (int(x) for x in args.scales.split(",")):
        arts, ments, cls = replicate(articles, mentions, claims, k, args.perturb)
        t0, c0 = time.perf_counter(), time.process_time()
        result = create_consolidator().consolidate(arts, ments, cls, places)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        status = Counter(e.status for e in result.events)
        multi = sum(1 for e in result.events if e.independent_origins > 1)
        print(f"{k:>3}x: {len(arts):>6} articles {len(cls):>7} claims -> {len(result.events)} "
              f"events ({multi} with >1 origin; {dict(sorted(status.items()))}), "
              f"{len(result.flags)} flags, {len(set(result.origins.values()))} origins: "
              f"{took:.2f}s wall, {cpu:.2f}s CPU ({len(cls) / cpu:,.0f} claims/s CPU)")
        if k == 1:
            print("   flags:", dict(sorted(Counter(f.kind for f in result.flags).items())))
            _sample(result.events, result.flags, args.sample)


def _sample(events: tuple, flags: tuple, n: int) -> None:  # type: ignore[type-arg]
    if n <= 0:
        return
    rng = random.Random(3)
    rich = [e for e in events if e.independent_origins > 1 or e.contested_by]
    for event in rng.sample(rich, min(n, len(rich))):
        print(f"   EVENT {event.status}: {event.summary}")
    for flag in rng.sample(list(flags), min(n, len(flags))):
        print(f"   FLAG {flag.kind}: {flag.detail[:240]}")


if __name__ == "__main__":
    main()
