"""The consolidator: stories, then events, then cross-article flags.

Event ids are derived from content: ``ev-`` + the first 16 hex digits of the SHA-1
of ``"<family>|<place key>|<actor side>|<smallest supporting claim id>"``. An event
keeps its id across runs and when unrelated articles are added; it changes only
when a claim that sorts before its current first claim joins it (or when its
claims are split differently by new evidence). Everything returned is sorted, so
the same input gives the same output.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from claimmap.consolidate import dates, flags, personas
from claimmap.consolidate.context import carry_dates
from claimmap.consolidate.contradictions import contradictions
from claimmap.consolidate.events import Cluster, EventParams, cluster
from claimmap.consolidate.flags import KnownName
from claimmap.consolidate.status import (
    Counterclaims,
    event_side,
    independent_origins,
    index_counterclaims,
    status,
)
from claimmap.consolidate.stories import StoryIndex, StoryParams
from claimmap.consolidate.summary import summarise
from claimmap.errors import ClaimmapError
from claimmap.gazetteer.base import Gazetteer
from claimmap.model import Article, Claim, DateValue, Event, Flag, Mention, Place
from claimmap.stages import ConsolidationResult, StoryKeys

if TYPE_CHECKING:
    from claimmap.consolidate.streaming import ConsolidationSource

_NOT_PLACES = ("speaker:", "origin:")
_SUFFIX = re.compile(
    r"\s+(district|region|oblast|raion|rayon|province|area|city|county|municipality)$", re.I
)


@dataclass(frozen=True, slots=True)
class ConsolidationParams:
    stories: StoryParams = field(default_factory=StoryParams)
    events: EventParams = field(default_factory=EventParams)


def event_id(item: Cluster) -> str:
    seed = f"{item.key.text()}|{item.claims[0].id}"
    return "ev-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


def _most_common(values: Sequence[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def event_date(claims: Sequence[Claim], carried: frozenset[str] = frozenset()) -> DateValue:
    """The date given by the most articles in the claim's own sentence (not carried
    from context: see :mod:`.context`), then by the most articles at all, then the
    earliest; a full date preferred over the same month-day with no year."""
    on_md = any(c.date.precision == "day_no_year" for c in claims)
    articles: dict[str, set[str]] = {}
    own: dict[str, set[str]] = {}
    for c in claims:
        key = dates.compare_key(c.date, on_md)
        if key is not None:
            articles.setdefault(key, set()).add(c.article_id)
            if c.id not in carried:
                own.setdefault(key, set()).add(c.article_id)
    if not articles:
        return DateValue.unknown()
    best = min(
        articles,
        key=lambda k: (-len(own.get(k, ())), -len(articles[k]), k.lstrip("-")),
    )
    same = [c.date for c in claims if dates.compare_key(c.date, on_md) == best]
    return min(same, key=lambda d: (d.precision != "day", d.value or ""))


class ClaimConsolidator:
    """Satisfies :class:`claimmap.stages.Consolidator`. Keeps story signatures
    between calls (see :class:`StoryIndex`), so consolidating again after adding
    articles only shingles the new ones."""

    def __init__(
        self, params: ConsolidationParams | None = None, known_name: KnownName | None = None
    ) -> None:
        self.params = params or ConsolidationParams()
        self._stories = StoryIndex(self.params.stories)
        self._known_name = known_name

    def consolidate(
        self,
        articles: Sequence[Article],
        mentions: Sequence[Mention],
        claims: Sequence[Claim],
        places: Mapping[str, Place],
        article_flags: Sequence[Flag] = (),
    ) -> ConsolidationResult:
        """Events, cross-article flags and origins for everything given.
        ``article_flags`` (optional) are claim extraction's article-level flags:
        persona flags among them are compared across articles."""
        by_id = {a.id: a for a in articles}
        stories = self._stories.update(articles)
        published = {a.id: a.published for a in articles}
        dated = carry_dates(claims, by_id)
        ctx = EventContext(
            origins=stories.origins,
            counter=index_counterclaims(claims, mentions, places, published),
            published=published,
            places=places,
            window=self.params.events.window,
            carried=frozenset(c.id for c, d in zip(claims, dated, strict=True) if c is not d),
            claims={c.id: c for c in claims},
        )
        items = cluster(dated, published, stories.origins, places, self.params.events)
        events = tuple(sorted((build_event(item, ctx) for item in items), key=lambda e: e.id))
        found = personas.collect(articles, article_flags)
        all_flags = [
            *personas.inconsistent(found),
            *personas.uncorroborated(found, articles, stories.origins),
            *flags.garbled_places(mentions, places, self._known_name),
            *flags.rewrite_additions(by_id, stories),
            *flags.unidentifiable_speakers(claims),
            *flags.quote_attribution(claims),
        ]
        ordered = tuple(sorted(all_flags, key=lambda f: (f.kind, f.article_ids, f.detail)))
        return ConsolidationResult(events=events, flags=ordered, origins=dict(stories.origins))

    def story_keys(self, article: Article) -> StoryKeys:
        """What story detection needs of ``article``, to store with it (see
        :mod:`.keys`): consolidation then never reads article texts all at once."""
        from claimmap.consolidate.keys import story_keys

        return story_keys(article, self.params.stories)

    def consolidate_store(self, source: ConsolidationSource, marker: str | None,
                          state: str) -> None:
        """The same as :meth:`consolidate` over everything stored, read and written
        in bounded pieces (see :mod:`.streaming`); the results replace the stored
        ones in one transaction, with ``marker`` when the store still holds the
        articles of ``state``."""
        from claimmap.consolidate.streaming import consolidate_stream

        consolidate_stream(source, self._stories, self.params.events, self._known_name,
                           marker, state)


@dataclass(frozen=True, slots=True)
class EventContext:
    origins: Mapping[str, str]
    counter: Counterclaims
    published: Mapping[str, str | None]
    places: Mapping[str, Place]
    window: int
    carried: frozenset[str]
    claims: Mapping[str, Claim]


def build_event(item: Cluster, ctx: EventContext) -> Event:
    claims = item.claims
    place_id = None if item.key.place.startswith(_NOT_PLACES) else item.key.place
    origin_ids = tuple(sorted({ctx.origins.get(c.article_id, c.article_id) for c in claims}))
    whens = [dates.when(c.date, ctx.published.get(c.article_id)) for c in claims]
    lead = event_side(claims, ctx.origins)
    independent = independent_origins(claims, ctx.origins)
    contested_by = ctx.counter.against(
        lead, item.key.family, place_id,
        whens, frozenset(c.id for c in claims), ctx.window,
    )
    event = Event(
        id=event_id(item),
        type=_most_common([c.type for c in claims]) or item.key.family,
        acled_event_type=_most_common([c.acled_event_type or "" for c in claims]) or None,
        place_id=place_id,
        date=event_date(claims, ctx.carried),
        claim_ids=tuple(c.id for c in claims),
        article_ids=tuple(sorted({c.article_id for c in claims})),
        origin_ids=origin_ids,
        independent_origins=independent,
        claimant_sides=tuple(sorted({c.claimant_side for c in claims})),
        status=status(claims, independent, contested_by),
        contradictions=contradictions(claims, ctx.places),
        summary="",
        contested_by=contested_by,
    )
    reported = sorted(p[:10] for c in claims if (p := ctx.published.get(c.article_id)))
    text = summarise(
        item.key.family, item.key.side, lead, claims, event,
        [ctx.claims[i] for i in contested_by if i in ctx.claims], ctx.places,
        (reported[0], reported[-1]) if reported else None,
    )
    return replace(event, summary=text)


def gazetteer_known_name(gazetteer: Gazetteer) -> KnownName:
    """A :data:`KnownName` check against a gazetteer."""

    def known(text: str, place_id: str) -> str:
        base = _SUFFIX.sub("", text.strip())
        exact = [*gazetteer.lookup(text), *(gazetteer.lookup(base) if base != text else ())]
        if any(m.place.id == place_id for m in exact):
            return "exact"
        if any(m.place.id == place_id for m in gazetteer.lookup_variant(base)):
            return "variant"
        if any(m.place.kind in ("country", "admin1") for m in exact):
            return "other"
        return "unknown"

    return known


def _default_known_name(text: str, place_id: str) -> str | None:
    """The check against the default gazetteer, opened on first use (only when a
    mention resolved by alias or fuzzy match needs it); without a gazetteer, names
    are compared with the place's main name instead."""
    from claimmap.gazetteer import load_default

    try:
        gazetteer = load_default()
    except ClaimmapError:
        return None
    return gazetteer_known_name(gazetteer)(text, place_id)


def create_consolidator(
    params: ConsolidationParams | None = None, known_name: KnownName | None = None
) -> ClaimConsolidator:
    """The consolidator the pipeline uses. ``known_name`` defaults to a check
    against the default GeoNames gazetteer."""
    return ClaimConsolidator(params, known_name or _default_known_name)
