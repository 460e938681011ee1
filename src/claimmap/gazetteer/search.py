"""Ranked name search for ``claimmap gazetteer search``: exact-name matches first,
then transliteration-variant matches, then fuzzy ones; within each, by population."""

from __future__ import annotations

from claimmap.gazetteer.base import Gazetteer, NameMatch


def ranked(
    name: str, limit: int = 10, gazetteer: Gazetteer | None = None
) -> list[tuple[NameMatch, str, float]]:
    """``(match, how, score)`` triples, best first, one per place."""
    if gazetteer is None:
        from claimmap.gazetteer import load_default

        gazetteer = load_default()
    out: list[tuple[NameMatch, str, float]] = []
    seen: set[str] = set()

    def add(match: NameMatch, how: str, score: float) -> None:
        if match.place.id not in seen and len(out) < limit:
            seen.add(match.place.id)
            out.append((match, how, score))

    for m in gazetteer.lookup(name):
        add(m, "exact name", 1.0)
    for m in gazetteer.lookup_variant(name):
        add(m, "spelling variant", 0.9)
    if len(out) < limit:
        for m, score in gazetteer.fuzzy(name, limit):
            add(m, "fuzzy", score)
    return out
