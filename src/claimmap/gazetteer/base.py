"""The gazetteer interface. The real one (GeoNames, built into an on-disk index)
and the small fixture-backed one used in tests both satisfy :class:`Gazetteer`."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import NamedTuple, Protocol

from claimmap.model import Place


class NameMatch(NamedTuple):
    """A gazetteer entry found under a name. ``primary`` is True when the name is
    the entry's main name, False for an alternate (historical, other-language,
    other-romanisation) name. ``historical`` marks a former name (a renamed place:
    Artemovsk for Bakhmut)."""

    place: Place
    matched: str
    primary: bool
    historical: bool = False


class Gazetteer(Protocol):
    def get(self, place_id: str) -> Place | None:
        """The entry with this id, or None."""
        ...

    def lookup(self, name: str) -> tuple[NameMatch, ...]:
        """Entries with exactly this name (after case, diacritic and punctuation
        folding: see ``claimmap.gazetteer.names.name_key``)."""
        ...

    def lookup_variant(self, name: str) -> tuple[NameMatch, ...]:
        """Entries whose name matches under transliteration-variant folding
        (Russian/Ukrainian romanisations, Cyrillic to Latin): the same answer for every
        name with the same ``claimmap.gazetteer.names.variant_key``."""
        ...

    def demonym(self, word: str) -> tuple[Place, ...]:
        """Areas whose people the word names ("French" -> France; plurals too)."""
        ...

    def area_keys(self) -> frozenset[str]:
        """The name keys under which :meth:`lookup` finds a country (by any of its
        names) or a first-level division (by its main name)."""
        ...

    def reading(self) -> AbstractContextManager[None]:
        """A block whose look-ups may share one read transaction (a speed-up only:
        answers are the same with or without it)."""
        ...

    def common_word(self, word: str) -> bool:
        """Whether the word is a frequent English word ("Give", "Still")."""
        ...

    def fuzzy(self, name: str, limit: int = 5) -> tuple[tuple[NameMatch, float], ...]:
        """Closest names by edit similarity (0..1), best first."""
        ...

    def names(self) -> Iterable[str]:
        """Every folded name key in the gazetteer (to build a recogniser)."""
        ...

    def info(self) -> dict[str, object]:
        """Counts by kind, source, build date, index path: for ``gazetteer info``."""
        ...
