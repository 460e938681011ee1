"""The report's server-rendered parts: the SVG map, the timeline, the unresolved
mentions. Every piece of text that came from an article goes through ``esc``."""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from claimmap.model import Analysis, Event, Mention, Place
from claimmap.report.basemap import View, country_paths, fit_view
from claimmap.report.common import Index

STATUSES = ("corroborated", "one_sided", "single_source", "contested")


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _marker_offsets(n: int) -> list[tuple[float, float]]:
    """Small spiral offsets so events at one place do not hide each other."""
    if n == 1:
        return [(0.0, 0.0)]
    return [(7 * math.sqrt(i) * math.cos(i * 2.4), 7 * math.sqrt(i) * math.sin(i * 2.4))
            for i in range(n)]  # fmt: skip


def _labels(places: Sequence[Place], view: View) -> str:
    parts = []
    for place in places:
        x, y = view.xy(place.lon, place.lat)
        parts.append(
            f'<text class="label" x="{x + 8:.1f}" y="{y - 6:.1f}">{esc(place.name)}</text>'
        )
    return '<g class="labels">' + "".join(parts) + "</g>"


def _place_layer(placed: Sequence[Place], view: View, index: Index) -> str:
    parts = []
    for place in placed:
        x, y = view.xy(place.lon, place.lat)
        count = index.mention_counts[place.id]
        radius = 2.5 + min(4.0, math.log1p(count))
        parts.append(
            f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}">'
            f"<title>{esc(place.name)}: {count} mention(s)</title></circle>"
        )
    return '<g class="places">' + "".join(parts) + "</g>"


def _event_layer(events_at: dict[str, list[Event]], view: View, index: Index) -> str:
    parts = []
    for place_id, events in events_at.items():
        place = index.places[place_id]
        x, y = view.xy(place.lon, place.lat)
        for event, (dx, dy) in zip(events, _marker_offsets(len(events)), strict=True):
            parts.append(
                f'<circle class="ev st-{esc(event.status)}" data-event="{esc(event.id)}" '
                f'cx="{x + dx:.1f}" cy="{y + dy:.1f}" r="6" tabindex="0">'
                f"<title>{esc(place.name)}: {esc(event.type)} ({esc(event.status)})</title>"
                "</circle>"
            )
    return '<g class="events">' + "".join(parts) + "</g>"


def map_svg(analysis: Analysis, index: Index, width: int = 760) -> str:
    """Country outlines, places (sized by mentions) and event markers (coloured by
    status, ``data-event`` for the script), in an SVG fitted to the data."""
    placed = [p for p in analysis.places if index.mention_counts.get(p.id)]
    events_at: dict[str, list[Event]] = defaultdict(list)
    for event in analysis.events:
        if event.place_id is not None and event.place_id in index.places:
            events_at[event.place_id].append(event)
    # The events' places set the view (the places only when no event is placed);
    # countries sit at their centroid, far from the fighting, and do not.
    fitted = [index.places[k] for k in events_at] or placed
    points = [(p.lon, p.lat) for p in fitted if p.kind != "country"] or [
        (p.lon, p.lat) for p in fitted
    ]
    view = fit_view(points, width)
    placed = [p for p in placed if view.contains(p.lon, p.lat)]
    events_at = {k: v for k, v in events_at.items()
                 if view.contains(index.places[k].lon, index.places[k].lat)}  # fmt: skip
    ranked = sorted(events_at, key=lambda k: (-len(events_at[k]), -index.mention_counts[k]))
    labelled = [index.places[k] for k in ranked[:10]]
    countries = "".join(
        f'<path class="country" d="{data}"><title>{esc(country.name)}</title></path>'
        for country, data in country_paths(view)
    )
    return (
        f'<svg id="map" viewBox="0 0 {view.width} {view.height}" role="img" '
        'aria-label="Map of events and places">'
        f'<rect class="sea" width="{view.width}" height="{view.height}"/>'
        f'<g class="countries">{countries}</g>'
        + _place_layer(placed, view, index)
        + _event_layer(events_at, view, index)
        + _labels(labelled, view)
        + "</svg>"
        + _off_map_note(analysis, events_at)
    )


def _off_map_note(analysis: Analysis, shown: dict[str, list[Event]]) -> str:
    off = len(analysis.events) - sum(len(v) for v in shown.values())
    if not off:
        return ""
    return (
        f'<p class="meta">{off} event(s) have no resolved place or lie outside this view '
        "(a whole country, say): they are in the timeline and the table.</p>"
    )


def _lane(events: Sequence[Event]) -> dict[str, list[Event]]:
    days: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        days[event.date.value or ""].append(event)
    return dict(sorted(days.items()))


def _chips(events: Sequence[Event]) -> str:
    return "".join(
        f'<button type="button" class="chip st-{esc(e.status)}" data-event="{esc(e.id)}">'
        f"{esc(e.type)}</button>"
        for e in events
    )


def timeline_html(analysis: Analysis) -> str:
    """Lanes: events by day; by month; by day with no year stated ("year unknown",
    never guessed); and undated."""
    lanes: dict[str, list[Event]] = {"day": [], "month": [], "day_no_year": [], "other": []}
    for event in analysis.events:
        key: str = event.date.precision if event.date.value else "other"
        lanes.get(key, lanes["other"]).append(event)
    titles = {
        "day": "By day", "month": "Month only",
        "day_no_year": "Year unknown (day and month stated)", "other": "Undated or year only",
    }  # fmt: skip
    out = ['<div class="timeline">']
    for key, events in lanes.items():
        if not events:
            continue
        out.append(f'<div class="lane" data-lane="{key}"><h3>{titles[key]}</h3><div class="days">')
        for date, group in _lane(events).items():
            label = date if key != "other" else (date or "no date")
            out.append(
                f'<div class="day"><div class="daylabel">{esc(label)}</div>{_chips(group)}</div>'
            )
        out.append("</div></div>")
    out.append("</div>")
    return "".join(out)


def unresolved_html(mentions: Sequence[Mention]) -> str:
    """Mentions found but not placed, grouped by text, with their articles."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.place_id is None:
            groups[mention.text].append(mention)
    if not groups:
        return "<p>Every place mention was resolved.</p>"
    rows = []
    for text, found in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        articles = ", ".join(sorted({esc(m.article_id) for m in found}))
        reasons = "; ".join(sorted({esc(m.reason) for m in found}))
        rows.append(
            f"<tr><td>{esc(text)}</td><td>{len(found)}</td><td>{articles}</td>"
            f"<td>{reasons}</td></tr>"
        )
    return (
        '<table class="unresolved"><thead><tr><th>Mention</th><th>Times</th>'
        "<th>Articles</th><th>Why unresolved</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )  # fmt: skip


def summary_html(analysis: Analysis) -> str:
    statuses: Counter[str] = Counter(e.status for e in analysis.events)
    items = [
        f"{len(analysis.articles)} articles", f"{len(analysis.claims)} claims",
        f"{len(analysis.events)} events",
    ] + [f'<span class="badge st-{s}">{statuses.get(s, 0)} {s.replace("_", " ")}</span>'
         for s in STATUSES]  # fmt: skip
    return " · ".join(items)
