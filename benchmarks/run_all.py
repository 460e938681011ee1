"""Produce the figures in docs/benchmarks.md ("End to end", "Scaling", "Start-up",
"Reference: spaCy") and the plot docs/img/scaling.png.

Usage::

    pip install -e ".[bench]"
    python benchmarks/run_all.py [--scales 1 4 16 64] [--repeat 3] [--budget 3600]
                                 [--out DIR] [--plot docs/img/scaling.png]

Every figure comes from ``claimmap bench ... --json`` run in a new process (so each
scale's peak memory is its own), pinned to one core:

1. ``claimmap bench --stages --spacy --repeat N --json``: end to end, each stage, start-up,
   and spaCy's small English NER on the same texts;
2. ``claimmap bench --scale K --no-startup --json`` for each K: end to end only.

About 100,000 articles: ``--scales 237 --skip-first --out DIR`` (the corpus has 422
distinct texts; 237 x 422 = 100,014 stored), then ``--report-only --out DIR`` to plot
and summarise every scale in DIR together.

A scale whose run exceeds ``--budget`` seconds is stopped and the larger ones skipped
(reported as such). The JSON of every run is written to ``--out``; a Markdown summary is
printed, and memory is extrapolated to 100,000 articles from the largest two scales.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_ARTICLES = 100_000


def bench(args: list[str], budget: float) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "claimmap", "bench", *args, "--json"]
    print("$", "claimmap bench", " ".join(args), "--json", file=sys.stderr, flush=True)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget,
                              check=False)
    except subprocess.TimeoutExpired:
        print(f"  stopped after {budget:.0f} s", file=sys.stderr)
        return None
    if done.returncode != 0:
        raise SystemExit(f"claimmap bench failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def scaling_rows(runs: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for scale, result in sorted(runs.items()):
        e2e = result["end_to_end"]
        rows.append({"scale": scale, "articles": e2e["articles"],
                     "ms_per_article": e2e["ms_per_article"],
                     "cpu_ms_per_article": round(1000 * e2e["cpu_s"][0] / e2e["articles"], 3),
                     "articles_per_s": e2e["articles_per_s"],
                     "articles_per_cpu_s": e2e["articles_per_cpu_s"],
                     "peak_rss_mb": result["peak_rss_mb"],
                     "peak_rss_mb_ingest": result.get("peak_rss_mb_ingest"),
                     "load": result["machine"]["load_average"]})
    return rows


def extrapolate(rows: list[dict[str, Any]]) -> str:
    """Peak memory at 100,000 articles, on the line through the largest two scales."""
    if len(rows) < 2:
        return "too few scales to extrapolate"
    (a, b) = rows[-2:]
    slope = (b["peak_rss_mb"] - a["peak_rss_mb"]) / max(b["articles"] - a["articles"], 1)
    at = b["peak_rss_mb"] + slope * (TARGET_ARTICLES - b["articles"])
    return (f"{slope * 1000:.2f} MiB per 1,000 articles between {a['articles']} and "
            f"{b['articles']} articles; straight-line estimate at {TARGET_ARTICLES:,}: "
            f"{at:.0f} MiB")


def plot(rows: list[dict[str, Any]], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = [r["articles"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(articles, [r["cpu_ms_per_article"] for r in rows], "o-", label="CPU time")
    left.plot(articles, [r["ms_per_article"] for r in rows], "s--", label="wall time")
    left.set(xscale="log", xlabel="articles (corpus replicated 1x, 4x, ...)",
             ylabel="ms per article", title="Time per article, end to end, one core")
    left.set_ylim(bottom=0)
    left.legend()
    right.plot(articles, [r["peak_rss_mb"] for r in rows], "o-", label="whole run")
    if all(r["peak_rss_mb_ingest"] for r in rows):
        right.plot(articles, [r["peak_rss_mb_ingest"] for r in rows], "s--",
                   label="until the last article is stored")
    right.axhline(1024, color="grey", linestyle=":", label="1 GiB target")
    right.set(xscale="log", xlabel="articles", ylabel="peak RSS (MiB)",
              title="Peak memory, end to end")
    right.set_ylim(bottom=0)
    right.legend()
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=100)


def markdown(first: dict[str, Any] | None, rows: list[dict[str, Any]], note: str) -> str:
    out = []
    if first is not None:
        m = first["machine"]
        out.append(f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, "
                   f"{m['date']}, load {m['load_average']} -> {m['load_average_after']}")
        for name, f in [("end to end", first["end_to_end"]), *first.get("stages", {}).items()]:
            out.append(f"| {name} | {f['articles_per_s']} | {f['articles_per_cpu_s']} | "
                       f"{f['words_per_cpu_s']} |")
        for s in first.get("startup", []):
            out.append(f"| `{s['command']}` | {s['warm_s']} s | {s['runs_s']} |")
        ref = first.get("reference")
        if ref:
            out.append(f"spaCy: {ref['articles_per_s']} wall, {ref['articles_per_cpu_s']} CPU "
                       f"articles/s; geoparse speed-up {ref.get('geoparse_speedup')}")
    for r in rows:
        out.append(f"| {r['scale']}x | {r['articles']} | {r['cpu_ms_per_article']} | "
                   f"{r['ms_per_article']} | {r['peak_rss_mb_ingest']} | {r['peak_rss_mb']} | "
                   f"{r['load']} |")
    out.append(note)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="JSONL corpus (default: claimmap's)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=3600.0,
                        help="seconds allowed for one scale's run")
    parser.add_argument("--out", type=Path, default=Path("bench-results"))
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "img" / "scaling.png")
    parser.add_argument("--skip-first", action="store_true",
                        help="only the scaling runs (no stages, start-up, spaCy)")
    parser.add_argument("--report-only", action="store_true",
                        help="run nothing: plot and summarise every scaleK.json in --out "
                             "(e.g. after a separate --scales 237 run, about 100,000 articles)")
    args = parser.parse_args()
    if args.report_only:
        found = {int(p.stem[len("scale"):]): json.loads(p.read_text("utf-8"))
                 for p in args.out.glob("scale*.json")}
        rows = scaling_rows(found)
        if rows:
            plot(rows, args.plot)
        print(markdown(None, rows, extrapolate(rows)))
        return
    corpus = [args.corpus] if args.corpus else []
    args.out.mkdir(parents=True, exist_ok=True)
    first = None
    if not args.skip_first:
        first = bench([*corpus, "--stages", "--spacy", "--repeat", str(args.repeat)],
                      args.budget)
        (args.out / "bench.json").write_text(json.dumps(first, indent=2), "utf-8")
    runs: dict[int, dict[str, Any]] = {}
    for scale in args.scales:
        result = bench([*corpus, "--scale", str(scale), "--no-startup"], args.budget)
        if result is None:
            print(f"scale {scale}x and larger: skipped (over budget)", file=sys.stderr)
            break
        runs[scale] = result
        (args.out / f"scale{scale}.json").write_text(json.dumps(result, indent=2), "utf-8")
    rows = scaling_rows(runs)
    if rows:
        plot(rows, args.plot)
    print(markdown(first, rows, extrapolate(rows)))


if __name__ == "__main__":
    main()
