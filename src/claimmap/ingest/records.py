"""One record (a JSON object, a CSV row, a text file's content) to one Article."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from claimmap.errors import InputRejected
from claimmap.ingest.text import check_text, content_hash, hash_id, normalise
from claimmap.model import Article

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Optional record fields copied onto the Article (``text`` is required).
OPTIONAL_FIELDS = ("title", "source", "url", "published", "language", "author")
#: Record keys accepted as the article id, first found wins.
ID_KEYS = ("id", "doc_id")


def parse_published(value: str, where: str) -> str:
    """An ISO 8601 date or datetime, as given (``Z`` kept); RFC 2822 dates (RSS) are
    converted. Anything else is rejected: a date is never guessed."""
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        datetime.fromisoformat(text)
        return text
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError):
        raise InputRejected(
            where,
            f"'published' is {value!r}, not a date; use ISO 8601 "
            "(2025-12-01 or 2025-12-01T09:30:00Z) or leave it empty",
        ) from None


def _optional_str(record: Mapping[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputRejected(where, f"'{key}' must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def _record_id(record: Mapping[str, object], where: str) -> str | None:
    for key in ID_KEYS:
        value = _optional_str(record, key, where)
        if value is not None:
            return value
    return None


def article_from_record(
    record: object,
    where: str,
    *,
    path: str,
    max_bytes: int,
    default_id: str | None = None,
) -> Article:
    """Validate one record and build its Article. The id is the record's ``id``
    (or ``doc_id``), else ``default_id``, else a hash of the text."""
    if not isinstance(record, Mapping):
        raise InputRejected(where, f"expected a JSON object, got {type(record).__name__}")
    _reject_lone_surrogates(record, where)
    raw = record.get("text")
    if raw is None:
        raise InputRejected(where, "record has no 'text' field (required)")
    if not isinstance(raw, str):
        raise InputRejected(where, f"'text' must be a string, not {type(raw).__name__}")
    if len(raw.encode("utf-8")) > max_bytes:
        raise InputRejected(where, too_large(len(raw.encode("utf-8")), max_bytes))
    check_text(raw, where)
    text = normalise(raw)
    if not text:
        raise InputRejected(where, "'text' is empty")
    fields = {key: _optional_str(record, key, where) for key in OPTIONAL_FIELDS}
    if fields["published"] is not None:
        fields["published"] = parse_published(fields["published"], where)
    digest = content_hash(text)
    article_id = _record_id(record, where) or default_id or hash_id(digest)
    return Article(id=article_id, text=text, content_hash=digest, path=path, **fields)


def _reject_lone_surrogates(record: Mapping[Any, Any], where: str) -> None:
    """A JSON escape such as \\ud800 decodes to half a character that no file or
    database can store: reject the record, naming the field, rather than fail later."""
    for key, value in record.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InputRejected(
                where, f"field '{key}' holds invalid Unicode (a lone surrogate, from a broken "
                "\\uXXXX escape); fix the record"
            )


def too_large(size: int, max_bytes: int) -> str:
    return (
        f"too large: {size:,} bytes of text, the limit is {max_bytes:,} "
        "(raise it with --max-bytes)"
    )


def headline(text: str) -> str | None:
    """The first line when it looks like a headline: more text follows, it is short,
    has a few words and does not end like a sentence."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    words = first.split()
    if not 3 <= len(words) <= 25 or len(first) > 200:
        return None
    if first.rstrip("\"'’”»)]").endswith((".", ";", ":", ",", "…")):
        return None
    return first
