"""``claimmap eval claims GOLD.jsonl``: score claim extraction against hand-made gold
claims (format: docs/claims.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimmap.errors import ClaimmapError


@click.command("claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--articles",
    "folders",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Where the gold's articles are (files or folders; repeatable). "
    "Default: the gold file's folder.",
)
@click.option(
    "--gazetteer",
    type=click.Choice(["default", "fixture"]),
    default="default",
    show_default=True,
    help="Gazetteer for geoparsing: the full GeoNames index or the small test one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_claims(gold: Path, folders: tuple[Path, ...], gazetteer: str, as_json: bool) -> None:
    """Precision and recall of extracted claims, per field, against GOLD.

    \b
    Examples:
      claimmap eval claims tests/fixtures/claims/gold_fixtures.jsonl
      claimmap eval claims tests/fixtures/claims/gold_seeds.jsonl --articles ../shared/seeds
    """
    from claimmap.claims.evaluate import evaluate

    report = evaluate(gold, folders or (gold.parent,), gazetteer)
    if as_json:
        click.echo(json.dumps(report, indent=2, sort_keys=True))
        return
    click.echo(
        f"articles {report['articles']}  gold claims {report['gold_claims']}  "
        f"predicted {report['predicted_claims']}  matched {report['matched']}  "
        f"claim precision {report['claim_precision']:.3f}  recall {report['claim_recall']:.3f}"
    )
    click.echo(f"{'field':<22}{'precision':>10}{'recall':>8}{'acc(matched)':>14}{'gold':>6}")
    for name, row in report["fields"].items():
        if row["gold"] or row["predicted"]:
            click.echo(
                f"{name:<22}{row['precision']:>10.3f}{row['recall']:>8.3f}"
                f"{row['accuracy_on_matched']:>14.3f}{row['gold']:>6}"
            )
    if report["skipped_articles"]:
        raise ClaimmapError(
            "articles not found for gold claims: "
            + ", ".join(report["skipped_articles"])
            + " (point --articles at their folder)"
        )
