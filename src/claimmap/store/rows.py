"""Rows to model objects and back. Claims, events and flags are stored whole as the
JSON form of the analysis contract (``claimmap.analysis.to_data``, computed here by
:mod:`claimmap.codec`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from claimmap.codec import from_data, to_data
from claimmap.model import Article, Candidate, Claim, Event, Flag, Mention, Place


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "author": article.author,
        "path": article.path,
        "chars": article.chars,
        "text": article.text,
        "added_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def row_article(row: Mapping[Any, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        content_hash=row["content_hash"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
        author=row["author"],
        path=row["path"],
    )


def place_row(place: Place) -> dict[str, Any]:
    """Written out field by field: the generic ``to_data`` walk cost more than the
    database writes (``tests/test_store.py`` checks both forms agree)."""
    return {
        "id": place.id, "name": place.name, "kind": place.kind, "lat": place.lat,
        "lon": place.lon, "country_code": place.country_code,
        "admin1_code": place.admin1_code, "admin1_name": place.admin1_name,
        "population": place.population, "admin2_name": place.admin2_name,
    }


def row_place(row: Mapping[Any, Any]) -> Place:
    return from_data(Place, dict(row))


def mention_row(mention: Mention) -> dict[str, Any]:
    """Field by field, as :func:`place_row`."""
    return {
        "article_id": mention.article_id, "start": mention.start, "end": mention.end,
        "text": mention.text, "place_id": mention.place_id,
        "confidence": mention.confidence, "reason": mention.reason,
        "candidates": [{"place_id": c.place_id, "score": c.score} for c in mention.candidates],
    }


def row_mention(row: Mapping[Any, Any]) -> Mention:
    return Mention(
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        place_id=row["place_id"],
        confidence=row["confidence"],
        reason=row["reason"],
        candidates=tuple(
            Candidate(c["place_id"], float(c["score"])) for c in row.get("candidates") or ()
        ),
    )


def claim_row(claim: Claim, seq: int) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "seq": seq,
        "type": claim.type,
        "place_id": claim.place_id,
        "data": to_data(claim),
    }


def row_claim(row: Mapping[Any, Any]) -> Claim:
    return from_data(Claim, row["data"])


def event_row(event: Event, seq: int) -> dict[str, Any]:
    return {
        "id": event.id,
        "seq": seq,
        "type": event.type,
        "place_id": event.place_id,
        "data": to_data(event),
    }


def row_event(row: Mapping[Any, Any]) -> Event:
    return from_data(Event, row["data"])


def flag_row(flag: Flag, scope: str, article_id: str | None) -> dict[str, Any]:
    return {"scope": scope, "article_id": article_id, "kind": flag.kind, "data": to_data(flag)}


def row_flag(row: Mapping[Any, Any]) -> Flag:
    return from_data(Flag, row["data"])
