"""Where the claims behind one event disagree: date, number, place, actor.

Each contradiction lists every value given, with the articles that give it and the
evidence spans, most supported value first (ties by value). Dates compare on
month-day when any of them has no year. Numbers compare per unit (value and
qualifier). Actor names disagree when, once generic words ("Russian", "forces",
"troops"...) are dropped, two names share no word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from claimmap.consolidate import dates
from claimmap.consolidate.text import words
from claimmap.model import Claim, Contradiction, ContradictionValue, Place, Span

_GENERIC = frozenset((
    "the", "of", "a", "an", "and", "russian", "russia", "ukrainian", "ukraine", "forces",
    "force", "troops", "army", "military", "armed", "units", "unit", "soldiers",
    "servicemen", "side", "s",
))


def _values(groups: Mapping[str, Sequence[Claim]]) -> tuple[ContradictionValue, ...]:
    values = [
        ContradictionValue(
            value=value,
            article_ids=tuple(sorted({c.article_id for c in claims})),
            evidence=tuple(sorted({c.evidence for c in claims}, key=_span_order)),
        )
        for value, claims in groups.items()
    ]
    return tuple(sorted(values, key=lambda v: (-len(v.article_ids), v.value)))


def _span_order(span: Span) -> tuple[str, int, int]:
    """Spans in text order; of two that start together, the shorter first. (Ordering by
    start alone left such a pair in set order, which differs between processes.)"""
    return (span.article_id, span.start, span.end)


def _group(claims: Sequence[Claim], key: Callable[[Claim], str | None]) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        value = key(claim)
        if value is not None:
            groups[value].append(claim)
    return groups


def date_contradiction(claims: Sequence[Claim]) -> Contradiction | None:
    on_md = any(c.date.precision == "day_no_year" for c in claims)
    groups = _group(claims, lambda c: dates.compare_key(c.date, on_md))
    return Contradiction("date", _values(groups)) if len(groups) > 1 else None


def _quantity_key(claim: Claim) -> str | None:
    q = claim.quantity
    if q is None or (q.value is None and not q.qualifier):
        return None
    number = "" if q.value is None else f"{q.value:g}"
    return " ".join(p for p in (q.qualifier or "", number, q.unit) if p)


def number_contradictions(claims: Sequence[Claim]) -> list[Contradiction]:
    by_unit: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity is not None:
            by_unit[claim.quantity.unit.casefold()].append(claim)
    found = []
    for _unit, group in sorted(by_unit.items()):
        groups = _group(group, _quantity_key)
        if len(groups) > 1:
            found.append(Contradiction("number", _values(groups)))
    return found


def place_contradiction(
    claims: Sequence[Claim], places: Mapping[str, Place]
) -> Contradiction | None:
    def name(claim: Claim) -> str | None:
        if claim.place_id is None:
            return None
        place = places.get(claim.place_id)
        return f"{place.name} ({claim.place_id})" if place else claim.place_id

    groups = _group(claims, name)
    return Contradiction("place", _values(groups)) if len(groups) > 1 else None


def _actor_words(claim: Claim) -> frozenset[str]:
    if claim.actor is None or not claim.actor.name:
        return frozenset()
    return frozenset(w for w in words(claim.actor.name) if w not in _GENERIC)


def actor_contradiction(claims: Sequence[Claim]) -> Contradiction | None:
    sides = {c.actor.side for c in claims if c.actor and c.actor.side != "unknown"}
    if len(sides) > 1:
        groups = _group(claims, lambda c: c.actor.side if c.actor else None)
        return Contradiction("actor", _values(groups))
    named = [c for c in claims if _actor_words(c)]
    sets = sorted({_actor_words(c) for c in named}, key=sorted)
    disjoint = any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])
    if not disjoint:
        return None
    groups = _group(named, lambda c: c.actor.name if c.actor else None)
    return Contradiction("actor", _values(groups)) if len(groups) > 1 else None


def contradictions(
    claims: Sequence[Claim], places: Mapping[str, Place]
) -> tuple[Contradiction, ...]:
    """Every field on which ``claims`` disagree, in the order date, number, place,
    actor."""
    found: list[Contradiction] = []
    date = date_contradiction(claims)
    if date:
        found.append(date)
    found.extend(number_contradictions(claims))
    for item in (place_contradiction(claims, places), actor_contradiction(claims)):
        if item:
            found.append(item)
    return tuple(found)
