"""What each view shows, as plain JSON-ready dicts built from an :class:`Analysis`.

The HTML pages and their JSON twins are rendered from the same dicts, so they can
never disagree. Nothing here escapes: the JSON is data, the templates escape.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from claimmap.model import Analysis, Article, Claim, Event, Mention, Place
from claimmap.web.highlight import Mark, segments

JSON = dict[str, Any]
SNIPPET = 160


@dataclass(frozen=True, slots=True)
class EventFilters:
    type: str | None = None
    status: str | None = None
    place: str | None = None  # a place id or a case-insensitive part of its name
    side: str | None = None
    since: str | None = None  # compared with the event's date value as text
    q: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


class Index:
    """Look-ups over one Analysis."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.articles = {a.id: a for a in analysis.articles}
        self.places = {p.id: p for p in analysis.places}
        self.claims = {c.id: c for c in analysis.claims}
        self.events = {e.id: e for e in analysis.events}
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        for m in analysis.mentions:
            self.mentions[m.article_id].append(m)
        self.article_claims: dict[str, list[Claim]] = defaultdict(list)
        for c in analysis.claims:
            self.article_claims[c.article_id].append(c)

    def place(self, place_id: str | None) -> JSON | None:
        place = self.places.get(place_id) if place_id else None
        return None if place is None else place_json(place)


def place_json(place: Place) -> JSON:
    return asdict(place)


def _title(article: Article) -> str:
    return article.title or article.text[:80]


def article_summary(article: Article, index: Index) -> JSON:
    return {
        "id": article.id,
        "title": _title(article),
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "chars": article.chars,
        "mentions": len(index.mentions.get(article.id, ())),
        "claims": len(index.article_claims.get(article.id, ())),
    }


def event_summary(event: Event, index: Index) -> JSON:
    return {
        "id": event.id,
        "type": event.type,
        "acled_event_type": event.acled_event_type,
        "status": event.status,
        "date": asdict(event.date),
        "place": index.place(event.place_id),
        "claims": len(event.claim_ids),
        "articles": list(event.article_ids),
        "independent_origins": event.independent_origins,
        "claimant_sides": list(event.claimant_sides),
        "contradictions": len(event.contradictions),
        "summary": event.summary,
    }


def _matches(event: Event, f: EventFilters, index: Index) -> bool:
    place = index.places.get(event.place_id or "")
    checks = (
        f.type is None or event.type == f.type,
        f.status is None or event.status == f.status,
        f.side is None or f.side in event.claimant_sides,
        f.since is None or (event.date.value is not None and event.date.value >= f.since),
        f.place is None or event.place_id == f.place
        or (place is not None and f.place.lower() in place.name.lower()),
        f.q is None or f.q.lower() in event.summary.lower(),
    )
    return all(checks)


def events_view(index: Index, filters: EventFilters) -> JSON:
    events = [e for e in index.analysis.events if _matches(e, filters, index)]
    events.sort(key=lambda e: (e.date.value or "", e.id), reverse=True)
    all_events = index.analysis.events
    return {
        "filters": filters.as_dict(),
        "choices": {
            "type": sorted({e.type for e in all_events}),
            "status": sorted({e.status for e in all_events}),
            "side": sorted({s for e in all_events for s in e.claimant_sides}),
        },
        "count": len(events),
        "events": [event_summary(e, index) for e in events],
    }


def claim_json(claim: Claim, index: Index) -> JSON:
    data = asdict(claim)
    data["place"] = index.place(claim.place_id)
    article = index.articles.get(claim.article_id)
    data["article_title"] = _title(article) if article else None
    data["context"] = _context(article, claim) if article else None
    return data


def _context(article: Article, claim: Claim) -> JSON:
    """The evidence with some text either side, cut into segments to highlight."""
    ev = claim.evidence
    lo = max(0, article.text.rfind("\n", 0, ev.start) + 1, ev.start - 300)
    hi = article.text.find("\n", ev.end)
    hi = min(len(article.text) if hi < 0 else hi, ev.end + 300)
    marks = [Mark(ev.start - lo, ev.end - lo, "evidence", claim.type)]
    return {
        "start": lo,
        "segments": [asdict(s) for s in segments(article.text[lo:hi], marks)],
    }


def event_view(index: Index, event_id: str) -> JSON | None:
    event = index.events.get(event_id)
    if event is None:
        return None
    data = event_summary(event, index)
    data["claims"] = [claim_json(index.claims[c], index) for c in event.claim_ids
                      if c in index.claims]
    data["contested_by"] = [claim_json(index.claims[c], index) for c in event.contested_by
                            if c in index.claims]
    data["contradictions"] = [asdict(c) for c in event.contradictions]
    data["origin_ids"] = list(event.origin_ids)
    data["flags"] = [asdict(f) for f in index.analysis.flags
                     if set(f.article_ids) & set(event.article_ids)]
    return data


def articles_view(index: Index) -> JSON:
    articles = sorted(index.analysis.articles, key=lambda a: (a.published or "", a.id))
    return {"count": len(articles), "articles": [article_summary(a, index) for a in articles]}


def article_view(index: Index, article_id: str) -> JSON | None:
    article = index.articles.get(article_id)
    if article is None:
        return None
    mentions = index.mentions.get(article_id, [])
    claims = index.article_claims.get(article_id, [])
    marks = [_mention_mark(m, index) for m in mentions]
    marks += [Mark(c.evidence.start, c.evidence.end, "evidence", c.type) for c in claims]
    data = asdict(article)
    data.update(article_summary(article, index))
    data["mentions_list"] = [_mention_json(m, index) for m in mentions]
    data["claims_list"] = [claim_json(c, index) for c in claims]
    data["events"] = [e.id for e in index.analysis.events if article_id in e.article_ids]
    data["flags"] = [asdict(f) for f in index.analysis.flags if article_id in f.article_ids]
    data["segments"] = [asdict(s) for s in segments(article.text, marks)]
    return data


def _mention_mark(m: Mention, index: Index) -> Mark:
    place = index.places.get(m.place_id or "")
    if place is None:
        return Mark(m.start, m.end, "unresolved", f"{m.text}: unresolved")
    return Mark(m.start, m.end, "mention", f"{place.name} ({place.id})")


def _mention_json(m: Mention, index: Index) -> JSON:
    data = asdict(m)
    data["place"] = index.place(m.place_id)
    return data


def places_view(index: Index) -> JSON:
    counts = Counter(m.place_id for m in index.analysis.mentions if m.place_id)
    events = Counter(e.place_id for e in index.analysis.events if e.place_id)
    rows = []
    for place in index.analysis.places:
        if counts[place.id] or events[place.id]:
            rows.append({**place_json(place), "mentions": counts[place.id],
                         "events": events[place.id]})
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    unresolved = Counter(m.text for m in index.analysis.mentions if m.place_id is None)
    return {
        "count": len(rows),
        "places": rows,
        "unresolved": [{"text": t, "mentions": n} for t, n in unresolved.most_common()],
    }


def snippet(text: str, query: str) -> str:
    at = text.lower().find(query.lower())
    if at < 0:
        return text[:SNIPPET]
    lo = max(0, at - SNIPPET // 2)
    return ("…" if lo else "") + text[lo: lo + SNIPPET] + "…"
