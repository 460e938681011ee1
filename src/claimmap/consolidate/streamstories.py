"""Stories from the store, without article texts in memory (see :mod:`.stories`).

The pairs checked are those :class:`~.stories.StoryIndex` checks: articles sharing
a MinHash LSH band (their stored band hashes are equal) and, for each quotation,
the pairs among its first ``max_quote_fanout`` holders by id (as the quotation
index, filled in id order, proposes them). Each pair gets the same exact check
(:func:`~.stories.linked`) from stored shingle hashes, quotations and numbers. A
pair already in one story is not checked again: it could not change the stories.

Memory: the union-find over article ids, their publication dates, and a bounded
cache of signatures; candidate groups are streamed from SQL one at a time.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Protocol

from claimmap.consolidate.keys import params_key, signature_of, story_keys
from claimmap.consolidate.stories import Signature, Stories, StoryParams, stories_of
from claimmap.consolidate.stories import linked as linked_pair
from claimmap.model import Article
from claimmap.stages import StoryKeys

#: Articles whose keys are computed and written per transaction when filling in.
FILL_BATCH = 200
#: Signatures kept between candidate groups.
CACHE = 4096


class StorySource(Protocol):
    def articles_without_keys(self, params: str, batch: int) -> Iterator[list[Article]]: ...
    def save_story_keys(self, keys: Sequence[StoryKeys]) -> None: ...
    def article_dates(self) -> Iterator[tuple[str, str | None]]: ...
    def band_groups(self) -> Iterator[list[str]]: ...
    def quote_groups(self, limit: int) -> Iterator[list[str]]: ...
    def story_keys(self, ids: Iterable[str]) -> dict[str, tuple[StoryKeys, str | None]]: ...


@dataclass(frozen=True, slots=True)
class StreamedStories:
    stories: Stories
    published: dict[str, str | None]


def fill_keys(source: StorySource, params: StoryParams) -> int:
    """Compute and store story keys for articles stored without them (a store from
    before schema 4, or other story parameters); returns how many."""
    made = 0
    for page in source.articles_without_keys(params_key(params), FILL_BATCH):
        source.save_story_keys([story_keys(a, params) for a in page])
        made += len(page)
    return made


def stream_stories(source: StorySource, params: StoryParams) -> StreamedStories:
    fill_keys(source, params)
    published = dict(source.article_dates())
    links = _Links(published)
    cache = _Signatures(source)
    groups = chain(source.band_groups(), source.quote_groups(params.max_quote_fanout))
    for group in groups:
        links.check(group, cache, params)
    return StreamedStories(stories_of(links.groups(), published), published)


class _Signatures:
    """Signatures by article id, fetched from the store a group at a time."""

    def __init__(self, source: StorySource) -> None:
        self._source = source
        self._cache: OrderedDict[str, Signature] = OrderedDict()

    def fetch(self, ids: Sequence[str]) -> None:
        missing = [i for i in ids if i not in self._cache]
        for start in range(0, len(missing), 500):
            found = self._source.story_keys(missing[start:start + 500])
            for aid, (keys, published) in found.items():
                self._cache[aid] = signature_of(keys, "", published)
        while len(self._cache) > CACHE:
            self._cache.popitem(last=False)

    def __getitem__(self, article_id: str) -> Signature:
        sig = self._cache.get(article_id)
        if sig is None:
            self.fetch([article_id])
            sig = self._cache[article_id]
        self._cache.move_to_end(article_id)
        return sig


class _Links:
    """Union-find over article ids (the smaller root wins)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {aid: aid for aid in ids}

    def find(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def check(self, group: list[str], cache: _Signatures, params: StoryParams) -> None:
        """Check every pair of the group not yet in one story."""
        group = [aid for aid in group if aid in self._parent]
        if len({self.find(aid) for aid in group}) < 2:
            return
        if len(group) <= CACHE:
            cache.fetch(group)  # else one by one: slower, but memory stays bounded
        for i, later in enumerate(group):
            for earlier in group[:i]:
                ra, rb = self.find(earlier), self.find(later)
                if ra != rb and linked_pair(cache[earlier], cache[later], params):
                    self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for aid in self._parent:
            out[self.find(aid)].append(aid)
        return list(out.values())
