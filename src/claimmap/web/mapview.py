"""The app's map and timeline: the static report's own renderers
(:func:`claimmap.report.views.map_svg` and :func:`~claimmap.report.views.timeline_html`,
which escape all article text), applied to the events the page shows.

Their markers and chips carry ``data-event``; the app's one script
(``static/app.js``) turns a click on one into a visit to that event's page. When the
report's renderers are unavailable, the page shows the events table only.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from markupsafe import Markup

from claimmap.web.views import JSON, Index


def _renderers() -> Any:
    try:
        from claimmap.report import common, views
    except ImportError:
        return None
    return (views, common) if hasattr(views, "map_svg") else None


def map_context(index: Index, events: list[JSON]) -> JSON | None:
    """The map SVG and the timeline for ``events`` (dicts with an ``id``), as markup
    already escaped by the report's renderers; None without them."""
    found = _renderers()
    if found is None:
        return None
    views, common = found
    shown = {e["id"] for e in events}
    analysis = dataclasses.replace(
        index.analysis, events=tuple(e for e in index.analysis.events if e.id in shown)
    )
    report_index = common.Index.of(analysis)
    return {
        "svg": Markup(views.map_svg(analysis, report_index)),
        "timeline": Markup(views.timeline_html(analysis)),
    }
