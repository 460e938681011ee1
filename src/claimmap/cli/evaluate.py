"""``claimmap eval``: measure a stage against gold data.

``claimmap eval geoparse FILE.jsonl`` scores geoparsing; ``claimmap eval claims`` is
provided by :mod:`claimmap.cli.eval_claims` when that module is installed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

import click

from claimmap.cli import LazyGroup


class _EvalGroup(LazyGroup):
    lazy: ClassVar[Mapping[str, str]] = {"claims": "claimmap.cli.eval_claims:eval_claims"}


@click.group(cls=_EvalGroup)
def evaluate() -> None:
    """Score claimmap's stages against gold data.

    \b
    Examples:
      claimmap eval geoparse ../shared/data/LGL.jsonl --gold-spans --json
      claimmap eval geoparse LGL.jsonl --baseline population --limit 100
    """


@evaluate.command("geoparse")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--gold-spans", is_flag=True, help="Resolve the gold spans (no recognition).")
@click.option(
    "--baseline",
    type=click.Choice(["population"]),
    default=None,
    help="Resolve by the most populous candidate instead of the resolver.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N documents.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Abstain below this confidence (default 0.40; 0: answer whenever a candidate "
    "is left, as geoparsers that never abstain are scored).",
)
@click.option(
    "--skip-demonyms",
    is_flag=True,
    help="Set aside gold toponyms that are demonyms ('Russian' in 'Russian troops'), "
    "which claimmap does not mark as places; their number goes to standard error.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--fixture", is_flag=True, hidden=True, help="Use the small test gazetteer (for tests)."
)
def geoparse(
    file: Path,
    gold_spans: bool,
    baseline: str | None,
    limit: int | None,
    min_confidence: float | None,
    skip_demonyms: bool,
    as_json: bool,
    fixture: bool,
) -> None:
    """Score geoparsing on FILE.jsonl records {doc_id, text, toponyms:[{start, end,
    name, lat, lon, geonameid}]} (the LGL format).

    \b
    Examples:
      claimmap eval geoparse ../shared/data/LGL.jsonl --json
      claimmap eval geoparse ../shared/data/LGL.jsonl --gold-spans --json
      claimmap eval geoparse ../shared/data/LGL.jsonl --gold-spans --baseline population
      claimmap eval geoparse ../shared/data/LGL.jsonl --gold-spans --min-confidence 0
      claimmap eval geoparse ../shared/data/LGL.jsonl --skip-demonyms --json
    """
    from claimmap.geoparse import create_geoparser
    from claimmap.geoparse.evaluate import read_gold, run, score, set_aside

    docs = list(read_gold(file, limit))
    gazetteer = None
    if fixture:
        from claimmap.gazetteer import load_fixture

        gazetteer = load_fixture()
    parser = create_geoparser(
        gazetteer, "population" if baseline == "population" else None, min_confidence
    )
    parser.warm()
    if skip_demonyms:
        from claimmap.geoparse.recognise import is_demonym

        gaz = parser.gazetteer
        docs, n = set_aside(docs, lambda word: is_demonym(gaz, word))
        click.echo(f"set aside {n:,} gold toponyms that are demonyms", err=True)
    predictions, seconds = run(parser, docs, gold_spans)
    result = score(docs, predictions, lambda pid: parser.gazetteer.get(pid) is not None, seconds)
    if as_json:
        click.echo(json.dumps(result))
    else:
        _print(result)


def _print(result: dict[str, object]) -> None:
    click.echo(f"gold toponyms: {result['n_gold']}")
    for section in ("recognition", "resolution"):
        values = result[section]
        assert isinstance(values, dict)
        click.echo(section + ":")
        for key, value in values.items():
            click.echo(f"  {key:22} {value}")
    click.echo(f"docs/s: {result['docs_per_sec']}")
