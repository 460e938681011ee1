"""The analysis JSON: claimmap's stable output contract (``docs/schema.md``,
``claimmap/schema/analysis.schema.json``).

:func:`analysis_to_json` turns an :class:`~claimmap.model.Analysis` into plain JSON
data with every list present and a deterministic order. :func:`to_data` and
:func:`from_data` (from :mod:`claimmap.codec`) convert any model dataclass to and from
that JSON form; the store keeps claims, events and flags in exactly this form.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from claimmap.codec import from_data as from_data  # re-exported: part of this API
from claimmap.codec import to_data as to_data
from claimmap.model import (
    SCHEMA_ID,
    Analysis,
    Article,
    Claim,
    Event,
    Flag,
    Mention,
    Place,
)

#: The article fields in the analysis JSON (the text itself is not repeated there).
ARTICLE_FIELDS = (
    "id", "title", "source", "url", "published", "language", "author", "path", "chars",
    "origin_id",
)


def article_to_data(article: Article, origin_id: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(article, name, None) for name in ARTICLE_FIELDS}
    data["chars"] = article.chars
    data["origin_id"] = origin_id
    return data


def _mention_key(m: Mention) -> tuple[str, int, int, str]:
    return (m.article_id, m.start, m.end, m.text)


def _claim_key(c: Claim) -> tuple[str, int, int, str]:
    return (c.article_id, c.evidence.start, c.evidence.end, c.id)


def _flag_key(f: Flag) -> tuple[str, tuple[str, ...], str]:
    return (f.kind, f.article_ids, f.detail)


def _event_key(e: Event) -> str:
    return e.id


def _place_key(p: Place) -> str:
    return p.id


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The analysis as JSON data, in the documented order and shape."""
    return {
        "schema": SCHEMA_ID,
        "articles": [
            article_to_data(a, analysis.origins.get(a.id))
            for a in sorted(analysis.articles, key=lambda a: a.id)
        ],
        "places": [to_data(p) for p in sorted(analysis.places, key=_place_key)],
        "mentions": [to_data(m) for m in sorted(analysis.mentions, key=_mention_key)],
        "claims": [to_data(c) for c in sorted(analysis.claims, key=_claim_key)],
        "events": [to_data(e) for e in sorted(analysis.events, key=_event_key)],
        "flags": [to_data(f) for f in sorted(analysis.flags, key=_flag_key)],
    }


def dumps(analysis: Analysis) -> str:
    """The analysis JSON as text (UTF-8 safe, indented, stable)."""
    return json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every analysis JSON validates against."""
    source = resources.files("claimmap").joinpath("schema", "analysis.schema.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data
