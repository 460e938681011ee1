"""A compact digest of a store, for the end of ``claimmap analyze``: events by status,
the most-mentioned places, names left unresolved, flags by kind. The store counts them
(:meth:`claimmap.store.Store.digest`); this module holds the shape and its lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Digest:
    events_by_status: tuple[tuple[str, int], ...]
    top_places: tuple[tuple[str, int], ...]  # (place name, resolved mentions)
    flags_by_kind: tuple[tuple[str, int], ...]
    unresolved_names: tuple[tuple[str, int], ...]  # (mention text, times left open)


def ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
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
