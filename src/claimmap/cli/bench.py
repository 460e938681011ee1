"""``claimmap bench``: argument parsing only; the work is in :mod:`claimmap.bench`."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path), metavar="[FILE.jsonl]")
@click.option("--stages", is_flag=True, help="Also time each stage on its own.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Runs of each measurement (the median is reported).")
@click.option("--scale", type=click.IntRange(min=1), default=1, show_default=True,
              help="Replicate the corpus K times (new ids, one marker line per replica).")
@click.option("--pin/--no-pin", default=True, show_default=True,
              help="Pin the benchmark to one CPU core (Linux).")
@click.option("--startup/--no-startup", default=True, show_default=True,
              help="Time 'claimmap --version' and 'claimmap articles' in new processes.")
@click.option("--spacy", is_flag=True,
              help="Also run spaCy's small English NER on the same texts (claimmap[bench]).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def bench(
    file: Path | None, stages: bool, repeat: int, scale: int, pin: bool, startup: bool,
    spacy: bool, as_json: bool,
) -> None:
    """Measure throughput (articles/s, words/s), peak memory and start-up time.

    FILE is a JSONL corpus (one article per line); by default
    ../shared/data/uawar_news.jsonl next to the repository or the current folder.
    Runs end to end through the pipeline into a temporary store, pinned to one core.

    \b
    Examples:
      claimmap bench --stages
      claimmap bench --scale 16 --no-startup --json
      claimmap bench feed.jsonl --stages --spacy --repeat 3
    """
    from claimmap.bench.corpus import check_corpus, default_corpus
    from claimmap.bench.run import Options, lines, run

    corpus = check_corpus(file) if file is not None else default_corpus()
    result = run(Options(corpus, stages, repeat, scale, pin, startup, spacy))
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for line in lines(result):
        click.echo(line)
