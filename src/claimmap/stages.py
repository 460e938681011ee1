"""The interfaces between stages. Each stage is an object with one method; the
pipeline (``claimmap.pipeline``) wires concrete implementations together, and
tests can substitute small fakes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from claimmap.model import Article, Claim, Event, Flag, Mention, Place


@dataclass(frozen=True, slots=True)
class GeoparseResult:
    """What geoparsing adds to one article: its mentions (resolved or not) and the
    gazetteer entries that resolved mentions and candidates point at."""

    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()


class Geoparser(Protocol):
    def parse(self, article: Article) -> GeoparseResult: ...


@dataclass(frozen=True, slots=True)
class ClaimsResult:
    """What claim extraction adds to one article: claims and article-level flags."""

    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()


class ClaimExtractor(Protocol):
    def extract(
        self,
        article: Article,
        mentions: Sequence[Mention],
        places: Mapping[str, Place],
    ) -> ClaimsResult: ...


@dataclass(frozen=True, slots=True)
class ConsolidationResult:
    """What consolidation adds across articles: events, cross-article flags, and
    each article's origin (the story it is a copy or rewrite of)."""

    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()
    origins: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoryKeys:
    """What story detection needs of one article, computed once when it is stored so
    that consolidation never holds article texts: ``shingles`` (sorted little-endian
    uint32 shingle hashes), the MinHash LSH ``bands`` and ``quote_hashes`` (64-bit, to
    propose candidate pairs in the store), the ``quotes`` and ``numbers`` of the exact
    check, and ``params``, the story parameters they were made with."""

    article_id: str
    params: str
    shingles: bytes
    bands: tuple[int, ...]
    quotes: tuple[str, ...]
    numbers: tuple[str, ...]
    quote_hashes: tuple[int, ...]


class Consolidator(Protocol):
    def consolidate(
        self,
        articles: Sequence[Article],
        mentions: Sequence[Mention],
        claims: Sequence[Claim],
        places: Mapping[str, Place],
        article_flags: Sequence[Flag] = (),
    ) -> ConsolidationResult: ...
