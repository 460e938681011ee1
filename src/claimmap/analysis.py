"""The analysis JSON: claimmap's stable output contract (``docs/schema.md``,
``claimmap/schema/analysis.schema.json``).

:func:`analysis_to_json` turns an :class:`~claimmap.model.Analysis` into plain JSON
data with every list present and a deterministic order. :func:`to_data` and
:func:`from_data` convert any model dataclass to and from that JSON form; the store
keeps claims, events and flags in exactly this form.
"""

from __future__ import annotations

import dataclasses
import json
import types
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

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

T = TypeVar("T")

#: The article fields in the analysis JSON (the text itself is not repeated there).
ARTICLE_FIELDS = (
    "id", "title", "source", "url", "published", "language", "author", "path", "chars",
    "origin_id",
)


def to_data(obj: object) -> Any:
    """A model dataclass (or tuple/list/dict of them) as JSON data: objects for
    dataclasses, lists for tuples."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_data(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_data(value) for key, value in obj.items()}
    return obj


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a model dataclass from :func:`to_data`'s output."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs = {name: _decode(hint, data[name]) for name, hint in hints.items() if name in data}
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {name: hint for name, hint in get_type_hints(cls).items() if name in names}


def _decode(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        if value is None:
            return None
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        return _decode(inner[0], value)
    if origin is tuple:
        return tuple(_decode(get_args(hint)[0], item) for item in value)
    if origin is dict:
        return dict(value)
    if origin is Literal:
        return value
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_data(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


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
