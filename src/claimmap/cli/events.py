"""``claimmap events`` and ``claimmap event``: the consolidated events in the terminal.

The selection and the event detail come from the same views the web app renders
(:mod:`claimmap.web.views`), so the terminal, the app and its JSON never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from claimmap.cli.analyze import db_option, existing_db
from claimmap.errors import ClaimmapError
from claimmap.model import Analysis

STATUSES = ("corroborated", "one_sided", "single_source", "contested")
STATUS_STYLE = {"corroborated": "green", "one_sided": "yellow", "single_source": "dim",
                "contested": "bold red"}


def _load(db: str | None) -> Analysis:
    from claimmap.store import Store

    with Store.open(existing_db(db)) as store:
        return store.load_analysis()


@click.command()
@db_option
@click.option("--status", type=click.Choice(STATUSES), help="Only events with this status.")
@click.option("--type", "type_", metavar="TYPE", help="Only this claim type (control_change...).")
@click.option("--place", metavar="PLACE", help="A place id, or part of a place's name.")
@click.option("--side", type=click.Choice(("russia", "ukraine", "other", "unknown")),
              help="Only events with a claimant of this side.")
@click.option("--since", metavar="YYYY-MM-DD",
              help="Only events dated on or after this day (undated events are left out).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the selection as JSON.")
def events(db: str | None, status: str | None, type_: str | None, place: str | None,
           side: str | None, since: str | None, limit: int, as_json: bool) -> None:
    """List consolidated events, newest first.

    \b
    Examples:
      claimmap events --status contested
      claimmap events --place Pokrovsk --type control_change
      claimmap events --since 2024-01-01 --json | jq '.events[].summary'
    """
    from claimmap.web.views import EventFilters, Index, events_view

    filters = EventFilters(type=type_, status=status, place=place, side=side, since=since)
    view = events_view(Index(_load(db)), filters)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    _events_table(view["events"][:limit], view["count"])


def _events_table(rows: Sequence[dict[str, Any]], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rows:
        console.print("No events match.")
        return
    table = Table(show_lines=False)
    for name in ("id", "date", "type", "place", "status", "art.", "orig."):
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=22)
    table.add_column("summary", overflow="fold", min_width=30, ratio=1)
    for e in rows:
        place = e["place"]["name"] if e["place"] else "-"
        table.add_row(e["id"], e["date"]["value"] or "?", e["type"], place,
                      f"[{STATUS_STYLE.get(e['status'], '')}]{e['status']}[/]",
                      str(len(e["articles"])), str(e["independent_origins"]), e["summary"])
    console.print(table)
    if total > len(rows):
        console.print(f"{len(rows)} of {total} events shown; use --limit or filters.",
                      style="dim")


@click.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
def event(event_id: str, db: str | None, as_json: bool) -> None:
    """Show one event: its claims with the evidence highlighted in context, the
    counterclaims, and the contradictions side by side.

    \b
    Examples:
      claimmap events --status contested      # find an id
      claimmap event ev-1a2b3c4d5e6f
    """
    from claimmap.web.views import Index, event_view

    view = event_view(Index(_load(db)), event_id)
    if view is None:
        raise ClaimmapError(f"no event '{event_id}'; list the ids with: claimmap events")
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    _render_event(view)


def _render_event(view: dict[str, Any]) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    style = STATUS_STYLE.get(view["status"], "")
    console.rule(f"{view['type']} · [{style}]{view['status']}[/]")
    console.print(view["summary"], markup=False)
    place = view["place"]
    where = f"{place['name']} ({place['id']})" if place else "no place"
    console.print(f"date {view['date']['value'] or '?'} ({view['date']['precision']}) · "
                  f"{where} · {len(view['articles'])} articles · "
                  f"{view['independent_origins']} independent origins", style="dim",
                  markup=False)
    if view["contradictions"]:
        console.rule("contradictions")
        console.print(_contradiction_table(view["contradictions"]))
    for title, claims in (("claims", view["claims"]), ("counterclaims", view["contested_by"])):
        if claims:
            console.rule(title)
            for claim in claims:
                _print_claim(console, claim)
    if view["flags"]:
        console.rule("flags")
        for flag in view["flags"]:
            console.print(f"{flag['kind']}: {flag['detail']}", markup=False)


def _contradiction_table(contradictions: Sequence[dict[str, Any]]) -> Any:
    """One row per disagreeing field, the competing values side by side."""
    from rich.table import Table

    width = max(len(c["values"]) for c in contradictions)
    table = Table(show_lines=True)
    table.add_column("field")
    for i in range(width):
        table.add_column(f"value {i + 1}", overflow="fold")
    for c in contradictions:
        cells = [f"{v['value']}\n[dim]{', '.join(v['article_ids'])}[/]\n"
                 + " / ".join(_escape(s["text"]) for s in v["evidence"][:1])
                 for v in c["values"]]
        table.add_row(c["field"], *cells, *[""] * (width - len(cells)))
    return table


def _print_claim(console: Any, claim: dict[str, Any]) -> None:
    from rich.text import Text

    who = claim["claimant"] or claim["claimant_side"]
    head = f"{claim['type']} · {claim['article_id']} · by {who} · {claim['modality']}"
    console.print(head, style="bold", markup=False)
    context = claim.get("context")
    if not context:
        console.print(claim["evidence"]["text"], markup=False)
        return
    text = Text()
    for seg in context["segments"]:
        text.append(seg["text"], style="on grey23 bold" if "evidence" in seg["kinds"] else "")
    console.print(text)


def _escape(value: str) -> str:
    from rich.markup import escape

    return escape(value)


