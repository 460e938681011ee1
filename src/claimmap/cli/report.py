"""``claimmap report``: write the offline HTML report of the stored analysis.
Argument parsing only; the work is in :mod:`claimmap.report.html`."""

from __future__ import annotations

import click

from claimmap.cli.analyze import db_option, default_db


@click.command()
@click.option("--html", "html_out", metavar="OUT", required=True,
              help="Write the self-contained HTML report here.")
@click.option("--title", default="claimmap report", show_default=True, help="The page title.")
@db_option
def report(html_out: str, title: str, db: str | None) -> None:
    """Write one self-contained HTML file (map, timeline, events, evidence) that
    works offline: it loads nothing from the network.

    \b
    Examples:
      claimmap report --html report.html
      claimmap report --html report.html --db example.db
    """
    from claimmap.report.html import write_html
    from claimmap.store import Store

    with Store.open(db or default_db()) as store:
        analysis = store.load_analysis()
    path = write_html(analysis, html_out, title)
    size = path.stat().st_size
    click.echo(f"HTML report: {path} ({size / 1024:.0f} KiB, {len(analysis.events)} events)")
