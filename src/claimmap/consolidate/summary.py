"""One plain sentence per event, for an analyst to paste.

Form: "<who> claims <what> <where>, <when>; <n> articles, <k> origins, <sides>;
<each disagreement>; <contested by whom>." Place names come from the gazetteer
entries (so every spelling of a place gives one name).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimmap.consolidate import dates
from claimmap.model import Claim, Contradiction, DateValue, Event, Place

_SIDE_NAME = {"russia": "Russia", "ukraine": "Ukraine", "other": "Third parties"}
_SIDE_ADJ = {"russia": "Russian", "ukraine": "Ukrainian", "other": "third-party"}
_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
_STATUS_WORDS: dict[str, str] = {
    "corroborated": "independently corroborated",
    "one_sided": "one side",
    "single_source": "one source",
    "contested": "contested",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def place_phrase(place_id: str | None, places: Mapping[str, Place]) -> str:
    place = places.get(place_id) if place_id else None
    if place is None:
        return ""
    if place.admin1_name and place.admin1_name != place.name and place.kind != "admin1":
        return f"{place.name}, {place.admin1_name}"
    return place.name


def _who(claims: Sequence[Claim], lead: str | None) -> tuple[str, str | None]:
    if lead in _SIDE_NAME:
        return f"{_SIDE_NAME[lead]} claims", lead
    sides = {c.claimant_side for c in claims} & {"russia", "ukraine"}
    if len(sides) == 2:
        return "Russia and Ukraine both report", None
    if any(c.claimant_side == "other" for c in claims):
        return "Third parties report", None
    return "Reports say", None


def _what(family: str, claims: Sequence[Claim], actor_side: str, claimant: str | None) -> str:
    base = family.split(":")[0]
    planned = "planned " if family.endswith(":planned") else ""
    types = " ".join(sorted({c.type.casefold() for c in claims}))
    if base == "control":
        noun = "withdrawal from" if "withdraw" in types else "capture of"
        if "encircl" in types:
            noun = "encirclement at"
    elif base == "casualties":
        quantities = sorted({_quantity(c) for c in claims if c.quantity} - {""})
        noun = f"losses ({quantities[0]}) at" if quantities else "losses at"
    elif base == "statement":
        speakers = sorted({c.speaker for c in claims if c.speaker})
        short = [s for s in speakers if len(s) <= 60]
        return f"a statement by {short[0]}" if short else "a statement"
    else:
        if "repel" in types:
            return f"{planned}repelled attacks at{{place}}"
        noun = {"attack": "attacks on", "civilian": "harm to civilians in",
                "denial": "a denial about"}.get(base, f"{base.replace('_', ' ')} at")
    by = ""
    if actor_side in _SIDE_ADJ and actor_side != claimant:
        by = f" by {_SIDE_ADJ[actor_side]} forces"
    return f"{planned}{noun}{{place}}{by}"


def _quantity(claim: Claim) -> str:
    q = claim.quantity
    if q is None:
        return ""
    number = "" if q.value is None else f"{q.value:g}"
    return " ".join(p for p in (q.qualifier or "", number, q.unit) if p)


def _articles_words(n: int) -> str:
    return f"{_COUNT_WORDS.get(n, str(n))} article{'s' if n > 1 else ''}"


def _disagreement(item: Contradiction, date: DateValue) -> str:
    if item.field == "date" and len(item.values) > 1:
        rest = [v for v in item.values if v.value != dates.compare_key(date, v.value[:2] == "--")]
        parts = [
            f"{dates.display_key(v.value)} in {_articles_words(len(v.article_ids))}" for v in rest
        ]
        return "date given as " + " and ".join(parts)
    shown = " vs ".join(v.value for v in item.values[:3])
    return {"number": "figures differ", "place": "places differ",
            "actor": "actors named differently"}.get(item.field, item.field) + f" ({shown})"


def summarise(
    family: str,
    actor_side: str,
    lead: str | None,
    claims: Sequence[Claim],
    event: Event,
    contested_by: Sequence[Claim],
    places: Mapping[str, Place],
    reported: tuple[str, str] | None = None,
) -> str:
    """The sentence for ``event`` (its place, date, counts, status, contradictions);
    ``lead`` is the side claiming it (see :func:`.status.event_side`).
    ``reported``: first and last publication day of its articles, shown when the
    claims give no date."""
    who, claimant = _who(claims, lead)
    where = place_phrase(event.place_id, places)
    what = _what(family, claims, actor_side, claimant)
    what = what.replace("{place}", f" {where}" if where else " a place not resolved")
    parts = [f"{who} {what}, {_when(event.date, reported)}", _counts(claims, event)]
    parts.extend(_disagreement(item, event.date) for item in event.contradictions)
    if contested_by:
        sides = sorted({c.claimant_side for c in contested_by})
        by = " and ".join(_SIDE_NAME.get(s, s) for s in sides)
        first = " ".join(contested_by[0].evidence.text.split())
        quote = first if len(first) <= 90 else first[:89].rstrip() + "…"
        count = _plural(len(contested_by), "counterclaim")
        parts.append(f'contested by {by} ({count}: "{quote}")' if len(contested_by) == 1
                     else f'contested by {by} ({count}, e.g. "{quote}")')
    return "; ".join(parts) + "."


def _when(date: DateValue, reported: tuple[str, str] | None) -> str:
    shown = dates.display(date)
    if shown != "date unknown":
        return shown
    if reported is None:
        return "date not given"
    first, last = (dates.display(DateValue(d, "day")) for d in reported)
    return f"date not given (reported {first})" if first == last else (
        f"date not given (reported {first} to {last})"
    )


def _counts(claims: Sequence[Claim], event: Event) -> str:
    articles = len(event.article_ids)
    sides = _STATUS_WORDS[event.status] if event.status != "contested" else _plain_sides(claims)
    return (
        f"{_plural(articles, 'article')}, {_plural(event.independent_origins, 'origin')}, {sides}"
    )


def _plain_sides(claims: Sequence[Claim]) -> str:
    sides = {c.claimant_side for c in claims} & {"russia", "ukraine"}
    return "one side" if len(sides) == 1 else "both sides" if len(sides) == 2 else "no side named"
