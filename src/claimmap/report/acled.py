"""ACLED-style CSV: one row per event, ACLED's columns in ACLED's order.

The mapping is documented in ``docs/report.md``; the short form:

* ``time_precision`` 1 = the day is known, 3 = only the month (date coded as the
  15th, as ACLED codes a month-only date); a year-only date, a day with no year and
  an unknown date leave ``event_date`` empty (never invented) and say why in
  ``notes`` and ``tags``.
* ``geo_precision`` 1 = a populated place, 2 = a district (admin2), 3 = an oblast,
  a named region or a country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from claimmap.model import Analysis, Claim, Event, Party, Place
from claimmap.report.common import Index, country_facts, write_csv

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)  # fmt: skip

GEO_PRECISION = {"populated_place": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED's standard names for the two state militaries (inter code 1: state forces).
STATE_ACTORS: dict[str, str] = {
    "russia": "Military Forces of Russia (2000-)",
    "ukraine": "Military Forces of Ukraine (2019-)",
}

_REGION_BY_CODE: dict[str, str] = {}
for _region, _codes in {
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Middle East": "AE BH CY IQ IR IL JO KW LB OM PS QA SA SY TR YE",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Southeast Asia": "BN KH ID LA MM MY PH SG TH TL VN",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW LS NA ZA SZ",
    "North America": "US CA BM GL PM",
    "Caribbean": "AG AI AW BB BS BL BQ CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX "
    "TC TT VC VG VI",
}.items():
    for _code in _codes.split():
        _REGION_BY_CODE[_code] = _region
_REGION_BY_CONTINENT = {
    "EU": "Europe", "AS": "Middle East", "AF": "Eastern Africa", "NA": "Central America",
    "SA": "South America", "OC": "Oceania", "AN": "Antarctica",
}  # fmt: skip


def acled_region(country_code: str | None) -> str:
    """ACLED's region for a country (empty when the country is unknown)."""
    if not country_code:
        return ""
    code = country_code.upper()
    if code in _REGION_BY_CODE:
        return _REGION_BY_CODE[code]
    continent = country_facts(code).get("continentcode", "")
    return _REGION_BY_CONTINENT.get(str(continent), "")


def acled_date(event: Event) -> tuple[str, str, str, str]:
    """(event_date, year, time_precision, note) for an event's date."""
    value, precision = event.date.value, event.date.precision
    if value and precision == "day":
        return value, value[:4], "1", ""
    if value and precision == "month":
        return f"{value}-15", value[:4], "3", f"date: {value} (month only; coded as the 15th)"
    if value and precision == "year":
        return "", value[:4], "", f"date: {value} (year only; no event_date)"
    if value and precision == "day_no_year":
        return "", "", "", f"date: {value} (day and month stated, year not stated)"
    return "", "", "", "date: not stated"


def _most_common(values: Iterable[str | None]) -> str:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else ""


def _actor(parties: Sequence[Party]) -> tuple[str, str, int | None]:
    """(actor, associated units, inter code) for the parties claims name."""
    side = _most_common(p.side for p in parties if p.side != "unknown")
    if side in STATE_ACTORS:
        units = sorted({p.name for p in parties if p.side == side and p.name})
        return STATE_ACTORS[side], "; ".join(units), 1
    name = _most_common(p.name for p in parties if p.side == side) if side else ""
    return name, "", None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _fatalities(claims: Sequence[Claim]) -> int:
    """ACLED codes the most conservative reported figure, 0 when none is reported."""
    killed = [
        c.quantity.value
        for c in claims
        if c.quantity and c.quantity.unit == "killed" and c.quantity.value is not None
    ]
    return int(min(killed)) if killed else 0


def _place_columns(place: Place | None) -> list[object]:
    if place is None:
        return ["", "", "", "", "", "", "", "", "", ""]
    facts = country_facts(place.country_code)
    return [
        facts.get("isonumeric", ""),
        acled_region(place.country_code),
        facts.get("name", place.country_code or ""),
        place.admin1_name or "",
        place.admin2_name or "",
        "",
        place.name,
        round(place.lat, 4),
        round(place.lon, 4),
        GEO_PRECISION.get(place.kind, 3),
    ]


def _tags(event: Event) -> str:
    tags = [
        f"claimmap_status={event.status}",
        f"claimmap_independent_origins={event.independent_origins}",
        f"claimmap_articles={len(event.article_ids)}",
    ]
    if event.date.precision == "day_no_year" and event.date.value:
        tags.append(f"claimmap_date_no_year={event.date.value}")
    tags += [f"claimmap_contradiction={c.field}" for c in event.contradictions]
    return "; ".join(tags)


def acled_row(event: Event, index: Index, timestamp: int) -> list[object]:
    claims = index.event_claims(event)
    place = index.place(event.place_id)
    event_date, year, time_precision, date_note = acled_date(event)
    actor1, assoc1, inter1 = _actor([c.actor for c in claims if c.actor])
    actor2, assoc2, inter2 = _actor([c.target for c in claims if c.target])
    event_type = event.acled_event_type or ""
    iso3 = country_facts(place.country_code if place else None).get("iso3", "XXX")
    sources = sorted(
        {a.source for i in event.article_ids if (a := index.articles.get(i)) and a.source}
    )
    notes = " ".join(x for x in (event.summary, f"[{date_note}]" if date_note else "") if x)
    return [
        f"CM-{iso3}-{event.id}", event_date, year, time_precision,
        DISORDER_TYPE.get(event_type, ""), event_type,
        _most_common(c.acled_sub_event_type for c in claims),
        actor1, assoc1, inter1, actor2, assoc2, inter2, _interaction(inter1, inter2),
        "Civilian targeting" if event_type == "Violence against civilians" else "",
        *_place_columns(place),
        "; ".join(sources), "", notes, _fatalities(claims), _tags(event),
        timestamp,
    ]  # fmt: skip


def acled_csv(analysis: Analysis, timestamp: int) -> str:
    """The ACLED-style CSV text for an analysis (one row per event)."""
    index = Index.of(analysis)
    rows = (acled_row(event, index, timestamp) for event in analysis.events)
    return write_csv(ACLED_COLUMNS, rows)
