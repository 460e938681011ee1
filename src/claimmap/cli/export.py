"""``claimmap export``: write the stored analysis as JSON, GeoJSON, ACLED-style CSV or
claims CSV. Argument parsing only; the work is in :mod:`claimmap.report.exports`."""

from __future__ import annotations

import sys

import click

from claimmap.cli.analyze import db_option, default_db
from claimmap.report.exports import FORMATS


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="json (claimmap.analysis/1), geojson, acled-csv or claims-csv.")
@click.option("--out", metavar="FILE", default=None, help="Write here (default: stdout).")
@db_option
def export(fmt: str, out: str | None, db: str | None) -> None:
    """Export the stored analysis.

    \b
    Examples:
      claimmap export --format geojson --out events.geojson
      claimmap export --format acled-csv --out events_acled.csv --db example.db
      claimmap export --format claims-csv > claims.csv
    """
    from claimmap.report.exports import export as write_export
    from claimmap.store import Store

    with Store.open(db or default_db()) as store:
        analysis = store.load_analysis()
    write_export(analysis, fmt, out if out else sys.stdout)
    if out:
        click.echo(f"{fmt}: {len(analysis.events)} events, {len(analysis.claims)} claims -> {out}",
                   err=True)
