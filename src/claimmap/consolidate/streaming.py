"""Consolidation streamed from the store: the same results as
:meth:`~.core.ClaimConsolidator.consolidate`, in bounded memory.

1. **Stories** (:mod:`.streamstories`) from stored story keys; origins staged.
2. **One pass over the articles**, a page at a time with their claims and mentions:
   context dates, counterclaim candidates (kept: a small share of the claims),
   personas, garbled place names, unidentifiable speakers; each claim's **unit**
   (:func:`.events.unit`), carried date and quotation key go to a scratch table.
3. **Events**, one unit at a time, streamed from SQL in unit order: a unit holds
   every block the clustering and the admin1 fallback must see together, so each
   is clustered alone exactly as among all claims.
4. **Quotation attribution**, one quotation key at a time; personas checked against
   the texts (streamed); rewrites against their origins, a few stories at a time.
5. The staged events, flags and origins replace the old ones in one transaction.

What stays in memory for the whole run grows with the store, but by a few small
values per article (id, publication date, origin, union-find parent), plus the
counterclaim candidates; never article texts, mentions or all claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any, Protocol

from claimmap.consolidate import flags as xflags
from claimmap.consolidate import personas
from claimmap.consolidate.context import carry_dates
from claimmap.consolidate.events import EventParams, cluster, unit
from claimmap.consolidate.status import Counterclaims, index_counterclaims
from claimmap.consolidate.stories import Stories, StoryIndex
from claimmap.consolidate.streamstories import StorySource, stream_stories
from claimmap.model import Article, Claim, Event, Flag, Mention, Place

#: Articles read per page; rows written per transaction.
PAGE = 200
WRITE = 2000

Unit = tuple[str, str, Claim | None, str | None]
Item = tuple[Claim, Any]


class ConsolidationSource(StorySource, Protocol):
    def begin(self) -> None: ...
    def places(self) -> dict[str, Place]: ...
    def bundles(self, batch: int) -> Iterator[tuple[Article, tuple[Claim, ...],
                                                    tuple[Mention, ...]]]: ...
    def article_flags(self) -> Iterator[Flag]: ...
    def texts(self, ids: Sequence[str] | None = None) -> Iterator[Article]: ...
    def save_units(self, units: Sequence[Unit]) -> None: ...
    def units(self) -> Iterator[list[tuple[Claim, bool]]]: ...
    def quoted(self) -> Iterator[list[Claim]]: ...
    def stage_events(self, found: Sequence[Event]) -> None: ...
    def stage_flags(self, found: Sequence[Flag]) -> None: ...
    def stage_origins(self, origins: Mapping[str, str]) -> None: ...
    def finish(self, marker: str | None, state: str) -> None: ...


class _Batches:
    """Rows buffered and handed to ``write`` :data:`WRITE` at a time."""

    def __init__(self, write: Callable[[list[Any]], None]) -> None:
        self._write = write
        self._rows: list[Any] = []

    def add(self, rows: Sequence[Any]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= WRITE:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self._write(self._rows)
            self._rows = []


class _FirstPass:
    """Everything read from each article once (step 2 of the module doc)."""

    def __init__(self, source: ConsolidationSource, origins: Mapping[str, str],
                 places: Mapping[str, Place], known: xflags.KnownName | None) -> None:
        self._origins, self._places = origins, places
        self.counter: dict[str, list[Item]] = defaultdict(list)
        self.personas = personas.from_flags(source.article_flags())
        self.garbled = xflags.GarbledPlaces(places, known)
        self.units = _Batches(source.save_units)
        self.flags = _Batches(source.stage_flags)

    def add(self, article: Article, claims: Sequence[Claim], mentions: Sequence[Mention]) -> None:
        dated = carry_dates(claims, {article.id: article})
        found = index_counterclaims(claims, mentions, self._places,
                                    {article.id: article.published})
        for place_id, items in found.by_place.items():
            self.counter[place_id].extend(items)
        self.personas.extend(personas.from_text(article))
        self.garbled.add(mentions)
        self.flags.add(xflags.unidentifiable_speakers(claims))
        self.units.add([
            (c.id, unit(d, self._origins, self._places), None if d is c else d,
             xflags.attributed_quote(c))
            for c, d in zip(claims, dated, strict=True)
        ])

    def counterclaims(self) -> Counterclaims:
        return Counterclaims({
            k: tuple(sorted(v, key=lambda i: i[0].id)) for k, v in self.counter.items()
        })


def consolidate_stream(
    source: ConsolidationSource,
    index: StoryIndex,
    events: EventParams,
    known: xflags.KnownName | None,
    marker: str | None,
    state: str,
) -> None:
    """Every step of the module doc; ``marker`` is saved with the results when the
    store still holds the articles of ``state`` (``Store.articles_state``)."""
    source.begin()
    streamed = stream_stories(source, index.params)
    stories, published = streamed.stories, streamed.published
    origins = stories.origins
    pending = iter(origins.items())
    while part := dict(islice(pending, WRITE * 5)):
        source.stage_origins(part)
    places = source.places()
    first = _FirstPass(source, origins, places, known)
    for article, claims, mentions in source.bundles(PAGE):
        first.add(article, claims, mentions)
    first.units.flush()
    _events(source, first.counterclaims(), origins, published, places, events)
    _flags(source, first, stories)
    source.finish(marker, state)


def _events(
    source: ConsolidationSource,
    counter: Counterclaims,
    origins: Mapping[str, str],
    published: Mapping[str, str | None],
    places: Mapping[str, Place],
    params: EventParams,
) -> None:
    """Step 3: events, one unit at a time."""
    from claimmap.consolidate.core import EventContext, build_event

    ctx = EventContext(
        origins=origins, counter=counter, published=published, places=places,
        window=params.window, carried=frozenset(),
        claims={c.id: c for items in counter.by_place.values() for c, _ in items},
    )
    staged = _Batches(source.stage_events)
    for group in source.units():
        dated = [c for c, _ in group]
        unit_ctx = replace(ctx, carried=frozenset(c.id for c, carried in group if carried))
        staged.add([build_event(item, unit_ctx)
                    for item in cluster(dated, published, origins, places, params)])
    staged.flush()


def _flags(source: ConsolidationSource, first: _FirstPass, stories: Stories) -> None:
    """Step 4: the cross-article flags not raised in the first pass."""
    flags = first.flags
    for quoted in source.quoted():
        flags.add(xflags.quote_attribution(quoted))
    found = personas.merge(first.personas)
    flags.add(personas.inconsistent(found))
    flags.add(personas.uncorroborated(found, source.texts(), stories.origins))
    flags.add(first.garbled.flags())
    for part in _story_chunks(stories):
        texts = {a.id: a for a in source.texts([m for ms in part.values() for m in ms])}
        flags.add(xflags.rewrite_additions(texts, Stories({}, part)))
    flags.flush()



def _story_chunks(stories: Stories, size: int = 500) -> Iterator[dict[str, tuple[str, ...]]]:
    """Stories with rewrites, a few at a time (about ``size`` articles)."""
    part: dict[str, tuple[str, ...]] = {}
    n = 0
    for origin, members in stories.members.items():
        if len(members) < 2:
            continue
        part[origin] = members
        n += len(members)
        if n >= size:
            yield part
            part, n = {}, 0
    if part:
        yield part
