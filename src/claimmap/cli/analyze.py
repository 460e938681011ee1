"""``claimmap analyze``, ``claimmap articles``, ``claimmap show``: argument parsing
and terminal output only; the work is done by :class:`claimmap.pipeline.ClaimMap`."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from claimmap.digest import digest_lines
from claimmap.errors import ClaimmapError
from claimmap.ingest import DEFAULT_MAX_BYTES
from claimmap.model import Article, Claim, Mention, Place
from claimmap.pipeline import ClaimMap, Progress, RunReport

if TYPE_CHECKING:
    from rich.text import Text

    from claimmap.store import ArticleInfo

RESOLVED = "bold green underline"
UNRESOLVED = "bold yellow reverse"
EVIDENCE = "on grey23"

DB_HELP = "Store file (SQLite) or database URL. Default: $CLAIMMAP_DB, else the user data dir."


def default_db() -> str:
    """``$CLAIMMAP_DB``, else ``claimmap.db`` in the platform's user data folder."""
    env = os.environ.get("CLAIMMAP_DB")
    if env:
        return env
    import platformdirs

    return str(platformdirs.user_data_path("claimmap") / "claimmap.db")


db_option = click.option("--db", metavar="FILE", default=None, help=DB_HELP)


def existing_db(db: str | None) -> str:
    """The store to read from; a store file that does not exist is an error (reading
    must not create an empty store under a mistyped name)."""
    target = db or default_db()
    if "://" not in target and not Path(target).expanduser().exists():
        raise ClaimmapError(f"no store at {target}; create it with: claimmap analyze PATH "
                            "--db FILE (or check --db / $CLAIMMAP_DB)")
    return target


def html_writer() -> Callable[..., object] | None:
    """``claimmap.report.write_html`` when this version has it."""
    try:
        module = importlib.import_module("claimmap.report")
    except ModuleNotFoundError:
        return None
    writer = getattr(module, "write_html", None)
    return writer if callable(writer) else None


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--json", "json_out", metavar="OUT",
              help="Write the analysis JSON here ('-': stdout).")
@click.option("--html", "html_out", metavar="OUT", help="Write the HTML report here.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Largest input file (or record text) accepted, in bytes.")
def analyze(
    paths: tuple[str, ...], db: str | None, json_out: str | None, html_out: str | None,
    max_bytes: int,
) -> None:
    """Analyse articles: read, geoparse, extract claims, store, consolidate.

    PATH is a file (.txt .html .htm .json .jsonl .csv), a folder (read recursively)
    or a glob. Articles already stored are skipped, so re-running adds nothing twice.
    Exit status: 0 all inputs read, 1 some rejected (named on stderr), 2 usage error.

    \b
    Examples:
      claimmap analyze examples/articles --db example.db --json analysis.json
      claimmap analyze 'feeds/**/*.jsonl' --json - | jq '.claims | length'
      claimmap analyze article.html --html report.html
    """
    writer = html_writer() if html_out else None
    if html_out and writer is None:
        raise click.UsageError("--html: the HTML report is not available in this version of "
                               "claimmap; use --json instead")
    out = sys.stderr if json_out == "-" else sys.stdout
    cm = ClaimMap(db or default_db(), max_bytes=max_bytes)
    try:
        with _progress() as tick:
            report = cm.analyze(paths, tick)
        # the whole analysis is loaded only when it is written out
        analysis = cm.analysis() if json_out or html_out else None
        counts = cm.store.counts()
        summary = cm.store.digest()
    except KeyboardInterrupt:
        stored = cm.store.counts()["articles"]
        click.echo(f"Interrupted. {stored} articles are stored, each complete; run the same "
                   "command again to continue.", err=True)
        sys.exit(130)
    finally:
        cm.close()
    _report_run(report, out)
    for line in summary_lines(counts, cm.store.location):
        click.echo(line, file=out)
    for line in digest_lines(summary):
        click.echo(line, file=out)
    if json_out and analysis is not None:
        _write_json(analysis, json_out)
    if writer is not None and html_out and analysis is not None:
        writer(analysis, Path(html_out))
        click.echo(f"HTML report: {html_out}", file=out)
    sys.exit(1 if report.rejected or report.consolidation_error else 0)


def _report_run(report: RunReport, out: TextIO) -> None:
    for rejected in report.rejected:
        click.echo(f"rejected: {rejected.where}: {rejected.reason}", err=True)
    click.echo(
        f"Read {report.read} articles, skipped {report.skipped} duplicates, "
        f"rejected {len(report.rejected)} inputs ({report.elapsed:.1f} s).",
        file=out,
    )
    if report.consolidation_error:
        click.echo(f"Error: {report.consolidation_error}; the articles are stored, events "
                   "were not updated", err=True)


def _write_json(analysis: object, target: str) -> None:
    from claimmap.analysis import dumps
    from claimmap.model import Analysis

    assert isinstance(analysis, Analysis)
    text = dumps(analysis)
    if target == "-":
        click.echo(text, nl=False)
        return
    path = Path(target)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise ClaimmapError(f"cannot write {target}: {exc.strerror or exc}") from None


@contextmanager
def _progress() -> Iterator[Callable[[Progress], None] | None]:
    """A live counter on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading")

        def tick(p: Progress) -> None:
            bar.update(task, description=f"read {p.read}, skipped {p.skipped}, "
                       f"rejected {p.rejected}: {Path(p.current).name}")

        yield tick


@click.command()
@db_option
@click.option("--search", "query", metavar="QUERY",
              help="Only articles matching a full-text query, best first, with a snippet.")
def articles(db: str | None, query: str | None) -> None:
    """List the stored articles, or search them.

    QUERY is words (all must match), "a phrase", prefix*, or AND / OR / NOT.

    \b
    Examples:
      claimmap articles
      claimmap articles --db example.db
      claimmap articles --search "Toretsk OR Dzerzhinsk"
    """
    from claimmap.store import Store

    with Store.open(existing_db(db)) as store:
        rows = store.list_articles()
        hits = store.search(query, limit=50) if query else None
        url = store.location
    if hits is not None:
        for hit in hits:
            click.echo(f"{hit.article_id}\t{' '.join(hit.snippet.split())}")
        if not hits:
            click.echo(f"No article in {url} matches {query!r}.", err=True)
        return
    if not rows:
        click.echo(f"No articles in {url}; add some with: claimmap analyze PATH")
        return
    article_table(rows)


@click.command()
@click.argument("article_id")
@db_option
def show(article_id: str, db: str | None) -> None:
    """Show one article with what was found in it highlighted: resolved place
    mentions, unresolved ones, and claim evidence.

    \b
    Examples:
      claimmap show 000_2f9920e3ff4f715d
      claimmap show 000_2f9920e3ff4f715d --db example.db
    """
    from claimmap.store import Store

    with Store.open(existing_db(db)) as store:
        article = store.get_article(article_id)
        if article is None:
            raise ClaimmapError(f"no article '{article_id}' in {store.location}; "
                                "list the ids with: claimmap articles")
        found_mentions = store.mentions_for(article_id)
        found_claims = store.claims_for(article_id)
        places = store.places_for({m.place_id for m in found_mentions if m.place_id})
    render_article(article, found_mentions, found_claims, places)

# -- terminal rendering -------------------------------------------------------


def summary_lines(counts: Mapping[str, int], url: str) -> list[str]:
    return [
        f"Stored in {url}: {counts['articles']} articles; mentions {counts['mentions']} "
        f"({counts['resolved']} resolved, {counts['unresolved']} unresolved); "
        f"claims {counts['claims']}; events {counts['events']}; flags {counts['flags']}."
    ]


def article_table(rows: Sequence[ArticleInfo]) -> None:
    """A table on a terminal; tab-separated lines (with a header) otherwise."""
    header = ("id", "published", "source", "chars", "mentions", "claims", "title")
    lines = [
        (r.id, r.published or "", r.source or "", str(r.chars), str(r.mentions),
         str(r.claims), r.title or "")
        for r in rows
    ]
    if not sys.stdout.isatty():
        for line in (header, *lines):
            click.echo("\t".join(line))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for name in header:
        table.add_column(name, no_wrap=True, overflow="ellipsis")
    table.columns[0].min_width = max(len(r.id) for r in rows)
    for line in lines:
        table.add_row(*line)
    Console().print(table)


def highlighted(article: Article, mentions: Sequence[Mention], claims: Sequence[Claim]) -> Text:
    """The article text with claim evidence shaded and mentions marked: resolved
    (green, underlined) and unresolved (yellow, reversed)."""
    from rich.text import Text

    text = Text(article.text)
    for claim in claims:
        text.stylize(EVIDENCE, claim.evidence.start, claim.evidence.end)
    for m in mentions:
        text.stylize(RESOLVED if m.place_id else UNRESOLVED, m.start, m.end)
    return text


def render_article(
    article: Article,
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    places: Mapping[str, Place],
) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    head = article.title or article.id
    console.rule(Text(head, style="bold"))
    meta = [f"id {article.id}", f"{article.chars} chars"]
    meta += [v for v in (article.source, article.published, article.path) if v]
    console.print(" · ".join(meta), style="dim", highlight=False)
    legend = Text.assemble(("resolved place", RESOLVED), "  ", ("unresolved", UNRESOLVED),
                           "  ", ("claim evidence", EVIDENCE))
    console.print(legend)
    console.print(highlighted(article, mentions, claims))
    if mentions:
        console.rule("places")
        for m in mentions:
            place = places.get(m.place_id) if m.place_id else None
            where = f"{place.name} ({m.place_id})" if place else (m.place_id or "unresolved")
            console.print(f"{m.start:>6}  {m.text} -> {where}  [{m.confidence:.2f}] {m.reason}",
                          highlight=False, markup=False)
    if claims:
        console.rule("claims")
        for c in claims:
            who = c.claimant or c.claimant_side
            console.print(f"{c.type} by {who}: {c.evidence.text}", highlight=False, markup=False)
