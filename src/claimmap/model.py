"""The data model that flows between claimmap's stages.

Every stage takes frozen dataclasses and returns new ones; nothing is changed in
place. Character offsets (``start``, ``end``) always refer to ``Article.text``,
the stored, normalised text, so ``article.text[m.start:m.end] == m.text``.

"Unresolved" is explicit: a :class:`Mention` whose ``place_id`` is ``None`` was
found but not placed, and it lists the ``candidates`` that were weighed.

Stage contract (what each stage adds):

* ingest      -> :class:`Article`
* geoparse    -> :class:`Mention` (and the :class:`Place` entries they point at)
* claims      -> :class:`Claim` and article-level :class:`Flag`
* consolidate -> :class:`Event` and cross-article :class:`Flag`
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_ID = "claimmap.analysis/1"

PlaceKind = Literal["country", "admin1", "admin2", "populated_place", "region"]
Side = Literal["russia", "ukraine", "other", "unknown"]
DatePrecision = Literal["day", "month", "year", "day_no_year", "unknown"]
Modality = Literal["asserted", "reported", "denied", "planned", "hypothetical"]
EventStatus = Literal["corroborated", "one_sided", "single_source", "contested"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as stored. ``published`` is an ISO 8601 date or datetime, or None
    when the input carried none (it is never invented)."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None
    path: str | None = None

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``id`` is ``geonames:<geonameid>`` or a documented
    ``region:<slug>`` id for areas that are not one GeoNames point (Donbas...)."""

    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country_code: str | None = None
    admin1_code: str | None = None
    admin1_name: str | None = None
    population: int = 0
    admin2_name: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    place_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Mention:
    """A place-name span. ``place_id`` None means found but unresolved."""

    article_id: str
    start: int
    end: int
    text: str
    place_id: str | None
    confidence: float
    reason: str
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """Exact evidence: ``article.text[start:end] == text``."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateValue:
    """``value`` is ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY`` (year),
    ``--MM-DD`` (day_no_year, ISO 8601's form for a day with no year), or None."""

    value: str | None
    precision: DatePrecision

    @staticmethod
    def unknown() -> DateValue:
        return DateValue(None, "unknown")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None
    qualifier: str | None  # "up to", "more than", "about", "thousands", ...
    unit: str  # "killed", "wounded", "captured", "attacks", "vehicles", ...


@dataclass(frozen=True, slots=True)
class Party:
    side: Side
    name: str | None = None  # the unit or body as named


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article_id: str
    type: str  # control_change, attack, casualties, statement, denial, ...
    acled_event_type: str | None
    acled_sub_event_type: str | None
    evidence: Span
    actor: Party | None = None
    target: Party | None = None
    place_id: str | None = None
    mention_start: int | None = None  # the mention the place rests on
    date: DateValue = field(default_factory=DateValue.unknown)
    quantity: Quantity | None = None
    claimant: str | None = None
    claimant_side: Side = "unknown"
    anonymous: bool = False
    modality: Modality = "asserted"
    framing: tuple[str, ...] = ()
    speaker: str | None = None  # for statements and quotes
    quote: Span | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str
    article_ids: tuple[str, ...]
    detail: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ContradictionValue:
    value: str
    article_ids: tuple[str, ...]
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str  # date, number, place, actor
    values: tuple[ContradictionValue, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    acled_event_type: str | None
    place_id: str | None
    date: DateValue
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    origin_ids: tuple[str, ...]
    independent_origins: int
    claimant_sides: tuple[Side, ...]
    status: EventStatus
    contradictions: tuple[Contradiction, ...]
    summary: str
    contested_by: tuple[str, ...] = ()  # claim ids of the counterclaims


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything claimmap knows about a set of articles."""

    articles: tuple[Article, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()
    origins: dict[str, str] = field(default_factory=dict)  # article id -> origin id
