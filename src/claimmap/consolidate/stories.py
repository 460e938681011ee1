"""Stories: which articles are copies or rewrites of one another.

Each article is reduced to a set of word shingles, a MinHash signature of that set
(:mod:`.minhash`, fixed seed: the same text always gives the same signature), its long
quotations and its distinctive numbers. A MinHash LSH index proposes candidate
pairs (never all pairs); a candidate pair is one story when

* the exact shingle Jaccard is at least ``near_duplicate`` (a copy or light edit), or
* the Jaccard is at least ``rewrite`` and the two share a quotation or two
  distinctive numbers (a rewrite that kept the quotes and figures), or
* they share ``shared_quotes`` quotations, found through a quotation index, and were
  published within ``quote_days`` of each other (or either date is unknown).

Stories are the connected components of those links. A story's origin is its
earliest published article (unknown dates last, ties by id), so an article's
``origin_id`` only changes when an earlier copy of its story is added.

:class:`StoryIndex` keeps signatures and links between calls, so adding articles
costs only the new articles' shingling and LSH queries.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from claimmap.consolidate import minhash
from claimmap.consolidate.dates import published_day
from claimmap.consolidate.text import find_numbers, find_quotes, words
from claimmap.model import Article


@dataclass(frozen=True, slots=True)
class StoryParams:
    shingle: int = 5
    num_perm: int = 128
    seed: int = 1729
    # LSH: 28 bands of 2 signature values (candidate pairs from a Jaccard similarity of
    # about 0.2: the layout datasketch's optimiser picks for that threshold)
    bands: int = 28
    rows: int = 2
    near_duplicate: float = 0.5
    rewrite: float = 0.15
    shared_quotes: int = 2
    quote_days: int = 3
    max_quote_fanout: int = 50  # quotations found in more articles are too common to link


@dataclass(frozen=True, slots=True)
class Signature:
    article_id: str
    content_hash: str
    published: str | None
    shingles: npt.NDArray[np.uint32]  # sorted unique CRC-32 hashes of the shingles
    quotes: frozenset[str]
    numbers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Stories:
    """``origins`` maps every article id to its origin's article id; ``members``
    maps each origin to its articles, sorted (origin first)."""

    origins: dict[str, str]
    members: dict[str, tuple[str, ...]]

    def is_rewrite(self, article_id: str) -> bool:
        return self.origins.get(article_id, article_id) != article_id


def signature(article: Article, params: StoryParams) -> Signature:
    tokens = words(article.text)
    k = params.shingle
    if len(tokens) < k:
        texts = [" ".join(tokens)] if tokens else []
    else:
        texts = [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]
    # 4 bytes a shingle instead of a Python string: a corpus of 100,000 articles keeps
    # its shingle sets in a few hundred MB, not several GB
    shingles = np.unique(np.array([zlib.crc32(t.encode("utf-8")) for t in texts],
                                  dtype=np.uint32))
    quotes = frozenset(q.key for q in find_quotes(article.text))
    numbers = frozenset(n.key for n in find_numbers(article.text) if _distinctive(n.key))
    return Signature(article.id, article.content_hash, article.published, shingles, quotes, numbers)


def _distinctive(number: str) -> bool:
    """Numbers under 10 say little about whether two texts share a source."""
    try:
        return float(number) >= 10
    except ValueError:
        return False


def jaccard(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Jaccard similarity of two sorted sets of shingle hashes."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


@dataclass
class StoryIndex:
    """Signatures, the LSH index and the links found so far (see module doc)."""

    params: StoryParams = field(default_factory=StoryParams)
    _sigs: dict[str, Signature] = field(default_factory=dict)
    _links: set[tuple[str, str]] = field(default_factory=set)
    _by_quote: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _lsh: minhash.BandIndex = field(default_factory=minhash.BandIndex)
    _by_hash: dict[str, tuple[Signature, tuple[int, ...]]] = field(default_factory=dict)

    def update(self, articles: Sequence[Article]) -> Stories:
        """Index the articles not seen yet and return the stories of ``articles``.
        An article seen before with other text, or a smaller set, rebuilds the index."""
        wanted = {a.id: a for a in articles}
        stale = any(
            aid not in wanted or wanted[aid].content_hash != sig.content_hash
            for aid, sig in self._sigs.items()
        )
        if stale:
            self._reset()
        for article in sorted(articles, key=lambda a: a.id):
            if article.id not in self._sigs:
                self._add(article)
        return _components(self._sigs, self._links)

    def _reset(self) -> None:
        self._sigs.clear()
        self._links.clear()
        self._by_quote.clear()
        self._by_hash.clear()
        self._lsh = minhash.BandIndex()

    def _signature(self, article: Article) -> tuple[Signature, tuple[int, ...]]:
        """Signature and LSH band keys, reused for an identical text under another id."""
        cached = self._by_hash.get(article.content_hash)
        if cached is None:
            sig = signature(article, self.params)
            cached = (sig, band_keys(sig, self.params))
            self._by_hash[article.content_hash] = cached
        sig, bands = cached
        return replace(sig, article_id=article.id, published=article.published), bands

    def _add(self, article: Article) -> None:
        sig, bands = self._signature(article)
        candidates: set[str] = self._lsh.query(bands)
        quote_hits: dict[str, int] = defaultdict(int)
        for quote in sig.quotes:
            seen = self._by_quote[quote]
            if len(seen) < self.params.max_quote_fanout:
                for other in seen:
                    quote_hits[other] += 1
            seen.append(article.id)
        candidates.update(quote_hits)
        for other in sorted(candidates):
            if self._linked(sig, self._sigs[other]):
                self._links.add((min(other, article.id), max(other, article.id)))
        self._sigs[article.id] = sig
        self._lsh.insert(article.id, bands)

    def _linked(self, a: Signature, b: Signature) -> bool:
        return linked(a, b, self.params)


def band_keys(sig: Signature, params: StoryParams) -> tuple[int, ...]:
    """The LSH band keys of a signature's shingle set (none for an empty set)."""
    if not len(sig.shingles):
        return ()
    values = minhash.signature(sig.shingles, params.num_perm, params.seed)
    return minhash.band_keys(values, params.bands, params.rows)


def linked(a: Signature, b: Signature, p: StoryParams) -> bool:
    """Whether a candidate pair is one story (see the module doc)."""
    sim = jaccard(a.shingles, b.shingles)
    if sim >= p.near_duplicate:
        return True
    shared_quotes = len(a.quotes & b.quotes)
    if sim >= p.rewrite and (shared_quotes >= 1 or len(a.numbers & b.numbers) >= 2):
        return True
    if shared_quotes < p.shared_quotes:
        return False
    da, db = published_day(a.published), published_day(b.published)
    return da is None or db is None or abs(da - db) <= p.quote_days


def _components(sigs: dict[str, Signature], links: Iterable[tuple[str, str]]) -> Stories:
    parent = {aid: aid for aid in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(links):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for aid in sigs:
        groups[find(aid)].append(aid)
    return stories_of(groups.values(), {aid: sig.published for aid, sig in sigs.items()})


def stories_of(groups: Iterable[list[str]], published: Mapping[str, str | None]) -> Stories:
    """Stories from groups of article ids: the origin of each is its earliest
    published article (unknown dates last, ties by id)."""
    origins: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    for group in groups:
        ordered = sorted(group, key=lambda aid: _age_key(aid, published.get(aid)))
        origin = ordered[0]
        members[origin] = (origin, *sorted(ordered[1:]))
        for aid in group:
            origins[aid] = origin
    return Stories(dict(sorted(origins.items())), dict(sorted(members.items())))


def _age_key(article_id: str, published: str | None) -> tuple[bool, str, str]:
    return (published is None, published or "", article_id)
