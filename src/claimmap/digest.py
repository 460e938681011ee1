"""A compact digest of an analysis, for the end of ``claimmap analyze``: events by
status, the most-mentioned places, flags by kind. Pure computation, no output."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from claimmap.model import Analysis


@dataclass(frozen=True, slots=True)
class Digest:
    events_by_status: tuple[tuple[str, int], ...]
    top_places: tuple[tuple[str, int], ...]  # (place name, resolved mentions)
    flags_by_kind: tuple[tuple[str, int], ...]
    unresolved_names: tuple[tuple[str, int], ...]  # (mention text, times left open)


def digest(analysis: Analysis, top: int = 8) -> Digest:
    names = {p.id: p.name for p in analysis.places}
    resolved = Counter(names.get(m.place_id, m.place_id)
                       for m in analysis.mentions if m.place_id is not None)
    unresolved = Counter(m.text for m in analysis.mentions if m.place_id is None)
    return Digest(
        events_by_status=_ranked(Counter(e.status for e in analysis.events)),
        top_places=_ranked(resolved)[:top],
        flags_by_kind=_ranked(Counter(f.kind for f in analysis.flags)),
        unresolved_names=_ranked(unresolved)[:top],
    )


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most frequent first; ties in name order, so the digest is deterministic."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def digest_lines(d: Digest) -> list[str]:
    """The digest as a few plain lines (no colour, safe to pipe)."""

    def join(pairs: tuple[tuple[str, int], ...]) -> str:
        return ", ".join(f"{name} {n}" for name, n in pairs) or "none"

    return [
        f"Events by status: {join(d.events_by_status)}.",
        f"Most-mentioned places: {join(d.top_places)}.",
        f"Left unresolved: {join(d.unresolved_names)}.",
        f"Flags: {join(d.flags_by_kind)}.",
    ]
