"""``claimmap gazetteer``: search the gazetteer, show what it holds, import GeoNames dumps."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimmap.gazetteer.base import NameMatch


@click.group()
def gazetteer() -> None:
    """The place gazetteer (GeoNames, CC BY 4.0).

    \b
    Examples:
      claimmap gazetteer search Krasnoarmeysk
      claimmap gazetteer info
      claimmap gazetteer import UA.txt alternateNamesV2.txt admin1CodesASCII.txt
    """


def _row(match: NameMatch, how: str, score: float) -> dict[str, object]:
    p = match.place
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "country": p.country_code,
        "admin1": p.admin1_name,
        "population": p.population,
        "lat": p.lat,
        "lon": p.lon,
        "matched": match.matched,
        "how": how,
        "score": score,
    }


def _how(match: NameMatch, base: str) -> str:
    if match.historical:
        return f"{base}, historical name"
    return base if match.primary or base == "fuzzy" else f"{base}, alternate name"


@gazetteer.command()
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="Most matches to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def search(name: str, limit: int, as_json: bool) -> None:
    """Ranked entries for NAME: exact name, then transliteration variant, then fuzzy.

    \b
    Examples:
      claimmap gazetteer search Krasnoarmeysk
      claimmap gazetteer search "Gulyai-Pole" --limit 5 --json
    """
    from claimmap.gazetteer.search import ranked

    rows = [_row(m, _how(m, how), score) for m, how, score in ranked(name, limit)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"No entry matches {name!r}.")
        return
    for r in rows:
        where = ", ".join(str(x) for x in (r["admin1"], r["country"]) if x)
        click.echo(
            f"{r['id']:<18} {r['name']} ({r['kind']}; {where}; pop {r['population']:,}) "
            f"- {r['how']}: {r['matched']!r} [{r['score']:.2f}]"
        )


@gazetteer.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def info(as_json: bool) -> None:
    """What the gazetteer holds: counts by kind and source, index path and size.

    \b
    Examples:
      claimmap gazetteer info
      claimmap gazetteer info --json
    """
    from claimmap.gazetteer import load_default

    data = load_default().info()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    size = data.get("size_bytes")
    click.echo(f"Index: {data['path']} ({size / 1e6:.1f} MB)" if isinstance(size, int) else "")
    for label in ("kind", "source"):
        counts = data[f"places_by_{label}"]
        assert isinstance(counts, dict)
        listed = ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items()))
        click.echo(f"Places by {label}: {listed}")
    click.echo(f"Names: {data['names']:,}")
    meta = data["meta"]
    assert isinstance(meta, dict)
    click.echo(f"Built: {meta.get('built_at')}  ({meta.get('signature')})")
    if meta.get("imports"):
        click.echo(f"Imported: {', '.join(json.loads(meta['imports']))}")
    click.echo(str(data["credit"]))


@gazetteer.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def import_(files: tuple[Path, ...]) -> None:
    """Merge GeoNames dump files (allCountries.txt or country files such as UA.txt,
    alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt; unzipped) into
    your gazetteer index. Bad lines are reported and skipped.

    \b
    Examples:
      claimmap gazetteer import UA.txt admin1CodesASCII.txt admin2Codes.txt
      claimmap gazetteer import allCountries.txt alternateNamesV2.txt
    """
    from claimmap.gazetteer.default import import_into_default

    report = import_into_default(list(files))
    for bad in report.bad[:50]:
        click.echo(f"skipped {bad}", err=True)
    if report.bad_count > 50:
        click.echo(f"... and {report.bad_count - 50} more bad lines", err=True)
    click.echo(f"Imported {report.summary()}.")
    if report.bad_count:
        sys.exit(1)
