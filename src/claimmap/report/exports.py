"""Exports of an analysis: the analysis JSON, GeoJSON, ACLED-style CSV, claims CSV.

``export(analysis, fmt, out)`` writes one format to a path or a text stream. Every
CSV cell that a spreadsheet could read as a formula is neutralised (see
:func:`claimmap.report.common.safe_cell`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TextIO, get_args

from claimmap.errors import ClaimmapError
from claimmap.model import Analysis, Claim, Event, Party
from claimmap.report.acled import acled_csv
from claimmap.report.common import Index, write_csv

ExportFormat = Literal["json", "geojson", "acled-csv", "claims-csv"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


def _lonlat(lon: float, lat: float) -> list[float]:
    """A GeoJSON position: longitude first (RFC 7946, 3.1.1), six decimals at most."""
    return [round(lon, 6), round(lat, 6)]


def _event_feature(event: Event, index: Index) -> dict[str, Any]:
    place = index.place(event.place_id)
    geometry = None
    if place is not None:
        geometry = {"type": "Point", "coordinates": _lonlat(place.lon, place.lat)}
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": {
            "feature": "event",
            "id": event.id,
            "type": event.type,
            "acled_event_type": event.acled_event_type,
            "status": event.status,
            "date": event.date.value,
            "date_precision": event.date.precision,
            "summary": event.summary,
            "place_id": event.place_id,
            "place_name": place.name if place else None,
            "claim_count": len(event.claim_ids),
            "article_count": len(event.article_ids),
            "article_ids": list(event.article_ids),
            "independent_origins": event.independent_origins,
            "claimant_sides": list(event.claimant_sides),
            "contradictions": len(event.contradictions),
            "contradiction_fields": [c.field for c in event.contradictions],
            "contested_by": list(event.contested_by),
        },
    }


def geojson_dict(analysis: Analysis) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946): one feature per event (a Point at its
    place, or a null geometry when it has none) and one per place mentioned."""
    index = Index.of(analysis)
    features = [_event_feature(e, index) for e in analysis.events]
    for place in analysis.places:
        count = index.mention_counts.get(place.id, 0)
        if count == 0:
            continue  # a candidate that no mention resolved to
        features.append({
            "type": "Feature",
            "id": place.id,
            "geometry": {"type": "Point", "coordinates": _lonlat(place.lon, place.lat)},
            "properties": {
                "feature": "place", "id": place.id, "name": place.name,
                "kind": place.kind, "country_code": place.country_code,
                "admin1": place.admin1_name, "mention_count": count,
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id", "event_id", "article_id", "article_title", "article_source",
    "article_published", "article_url", "type", "acled_event_type",
    "acled_sub_event_type", "place_id", "place_name", "latitude", "longitude", "date",
    "date_precision", "actor_side", "actor_name", "target_side", "target_name",
    "quantity", "quantity_qualifier", "quantity_unit", "claimant", "claimant_side",
    "anonymous", "modality", "framing", "speaker", "evidence_start", "evidence_end",
    "evidence_text", "quote_text",
)  # fmt: skip


def _party(party: Party | None) -> list[object]:
    return ["", ""] if party is None else [party.side, party.name or ""]


def claim_row(claim: Claim, index: Index) -> list[object]:
    article = index.articles.get(claim.article_id)
    place = index.place(claim.place_id)
    qty = claim.quantity
    return [
        claim.id, index.event_of_claim.get(claim.id, ""), claim.article_id,
        article.title if article else "", article.source if article else "",
        article.published if article else "", article.url if article else "",
        claim.type, claim.acled_event_type, claim.acled_sub_event_type,
        claim.place_id, place.name if place else "",
        place.lat if place else None, place.lon if place else None,
        claim.date.value, claim.date.precision,
        *_party(claim.actor), *_party(claim.target),
        qty.value if qty else None, qty.qualifier if qty else "", qty.unit if qty else "",
        claim.claimant, claim.claimant_side, claim.anonymous, claim.modality,
        "; ".join(claim.framing), claim.speaker,
        claim.evidence.start, claim.evidence.end, claim.evidence.text,
        claim.quote.text if claim.quote else "",
    ]  # fmt: skip


def claims_csv(analysis: Analysis) -> str:
    index = Index.of(analysis)
    return write_csv(CLAIM_COLUMNS, (claim_row(c, index) for c in analysis.claims))


def analysis_json(analysis: Analysis) -> str:
    try:
        from claimmap.analysis import analysis_to_json
    except ImportError as exc:  # the foundation's module is not installed
        raise ClaimmapError(
            "the analysis JSON writer (claimmap.analysis) is not available in this build"
        ) from exc
    return json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=2) + "\n"


def render(analysis: Analysis, fmt: str, *, timestamp: int | None = None) -> str:
    """The export as text. ``timestamp`` (Unix seconds) fills ACLED's ``timestamp``
    column; it defaults to now."""
    now = int(time.time()) if timestamp is None else timestamp
    renderers: dict[str, Callable[[], str]] = {
        "json": lambda: analysis_json(analysis),
        "geojson": lambda: json.dumps(geojson_dict(analysis), ensure_ascii=False) + "\n",
        "acled-csv": lambda: acled_csv(analysis, now),
        "claims-csv": lambda: claims_csv(analysis),
    }
    if fmt not in renderers:
        raise ClaimmapError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt]()


def export(
    analysis: Analysis, fmt: str, out: str | Path | TextIO, *, timestamp: int | None = None
) -> None:
    """Write ``analysis`` as ``fmt`` (json, geojson, acled-csv, claims-csv) to ``out``,
    a path or an open text stream. CSV is UTF-8 with ``\\r\\n`` line ends."""
    text = render(analysis, fmt, timestamp=timestamp)
    if isinstance(out, str | Path):
        try:
            Path(out).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise ClaimmapError(f"{out}: cannot write the export: {exc.strerror}") from exc
    else:
        out.write(text)
