"""The data the report's script reads: events, claims, flags and the passages of
article text around each piece of evidence, as one JSON document embedded in the
page (safely: see :func:`embed_json`)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from claimmap.model import Analysis, Claim, Event, Flag, Party, Span
from claimmap.report.common import Index

CONTEXT_CHARS = 150  # article text kept either side of each evidence span


def embed_json(data: object) -> str:
    """JSON that is safe inside ``<script type="application/json">``: every ``<``,
    ``>`` and ``&`` is written as a \\u escape, so no ``</script>`` or ``<!--`` can
    close or confuse the element, and JSON.parse returns the original text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _windows(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - CONTEXT_CHARS), min(length, end + CONTEXT_CHARS)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _evidence_spans(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    extra: list[Span] = [s for f in analysis.flags for s in f.evidence]
    for event in analysis.events:
        extra += [s for c in event.contradictions for v in c.values for s in v.evidence]
    for claim in analysis.claims:
        extra.append(claim.evidence)
        if claim.quote:
            extra.append(claim.quote)
    for span in extra:
        spans[span.article_id].append((span.start, span.end))
    return spans


def _articles(analysis: Analysis) -> dict[str, Any]:
    spans = _evidence_spans(analysis)
    out: dict[str, Any] = {}
    for article in analysis.articles:
        windows = _windows(spans.get(article.id, []), len(article.text))
        out[article.id] = compact({
            "title": article.title, "source": article.source,
            "published": article.published, "url": article.url,
            "chars": len(article.text),
            "passages": [[lo, article.text[lo:hi]] for lo, hi in windows],
        })  # fmt: skip
    return out


def _party(party: Party | None) -> str:
    if party is None:
        return ""
    return f"{party.name} ({party.side})" if party.name else party.side


def _claim(claim: Claim) -> dict[str, Any]:
    qty = claim.quantity
    quantity = ""
    if qty is not None:
        value = "" if qty.value is None else f"{qty.value:g}"
        quantity = " ".join(x for x in (qty.qualifier or "", value, qty.unit) if x)
    return {
        "article": claim.article_id, "type": claim.type, "claimant": claim.claimant,
        "side": claim.claimant_side, "modality": claim.modality,
        "anonymous": claim.anonymous, "date": claim.date.value,
        "actor": _party(claim.actor), "target": _party(claim.target),
        "quantity": quantity, "framing": list(claim.framing),
        "evidence": [claim.evidence.start, claim.evidence.end],
        "quote": None if claim.quote is None else [claim.quote.start, claim.quote.end],
    }  # fmt: skip


def _event(event: Event, index: Index, flags: list[int]) -> dict[str, Any]:
    place = index.place(event.place_id)
    return {
        "id": event.id, "type": event.type, "status": event.status,
        "date": event.date.value, "precision": event.date.precision,
        "summary": event.summary, "place": event.place_id,
        "placeName": place.name if place else "",
        "admin1": place.admin1_name if place else "",
        "sides": list(event.claimant_sides), "articles": list(event.article_ids),
        "origins": event.independent_origins, "claims": list(event.claim_ids),
        "contestedBy": list(event.contested_by), "flags": flags,
        "contradictions": [
            {"field": c.field,
             "values": [{"value": v.value, "articles": list(v.article_ids),
                         "evidence": [[s.article_id, s.start, s.end] for s in v.evidence]}
                        for v in c.values]}
            for c in event.contradictions
        ],
    }  # fmt: skip


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """The record without empty values (None, "", [], False): the script fills in
    the defaults, and the file stays small."""
    return {k: v for k, v in record.items() if not (v is None or v is False or v in ("", []))}


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind, "detail": flag.detail, "articles": list(flag.article_ids),
        "evidence": [[s.article_id, s.start, s.end] for s in flag.evidence],
    }


def build_payload(analysis: Analysis) -> dict[str, Any]:
    """Everything the report's script shows, keyed for quick look-up."""
    index = Index.of(analysis)
    flags_by_article: dict[str, list[int]] = defaultdict(list)
    for i, flag in enumerate(analysis.flags):
        for article_id in flag.article_ids:
            flags_by_article[article_id].append(i)
    events = []
    for event in analysis.events:
        related = sorted({i for a in event.article_ids for i in flags_by_article.get(a, [])})
        events.append(compact(_event(event, index, related)))
    return {
        "events": events,
        "claims": {c.id: compact(_claim(c)) for c in analysis.claims},
        "articles": _articles(analysis),
        "flags": [compact(_flag(f)) for f in analysis.flags],
    }
