"""How geoparsing and claim extraction time grows with one article's length.

Usage::

    python benchmarks/bench_long_articles.py [--gazetteer fixture|default] [--max 2000]

One invented sentence (a place, a number, an attribution) is repeated 250, 500, 1000...
times to make one article, which goes through geoparsing and claim extraction; the CPU
seconds of each are printed with the ratio to the previous length. Linear work doubles
(x2) when the length doubles; x4 is quadratic. The ingest limit (5 MB by default) lets an
article be about 80,000 such sentences long, so growth matters for hostile input.
"""

from __future__ import annotations

import argparse
import time

from claimmap.model import Article

SENTENCE = "Illustrative: Russian forces shelled Kharkiv, killing 5 people, Ukraine said. "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gazetteer", choices=("fixture", "default"), default="fixture")
    parser.add_argument("--max", type=int, default=2000, help="largest repeat count")
    args = parser.parse_args()
    from claimmap.claims import create_extractor
    from claimmap.gazetteer import load_default, load_fixture
    from claimmap.geoparse import create_geoparser

    geoparser = create_geoparser(load_default() if args.gazetteer == "default"
                                 else load_fixture())
    extractor = create_extractor()
    previous: tuple[float, float] | None = None
    print("sentences  chars     geoparse_cpu_s  (xprev)  claims_cpu_s  (xprev)")
    n = 250
    while n <= args.max:
        article = Article("long", SENTENCE * n, "h")
        started = time.process_time()
        geo = geoparser.parse(article)
        middle = time.process_time()
        extractor.extract(article, geo.mentions, {p.id: p for p in geo.places})
        ended = time.process_time()
        times = (middle - started, ended - middle)
        ratio = [f"x{t / p:.1f}" if p > 0 else "-" for t, p in zip(times, previous or times,
                                                                     strict=True)]
        print(f"{n:9d}  {len(article.text):8d}  {times[0]:14.2f}  {ratio[0]:>7}  "
              f"{times[1]:12.2f}  {ratio[1]:>7}")
        previous, n = times, n * 2


if __name__ == "__main__":
    main()
