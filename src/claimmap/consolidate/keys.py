"""Story keys: what story detection needs of one article, computed when it is stored.

:func:`story_keys` turns an article into a :class:`~claimmap.stages.StoryKeys`: its
sorted shingle hashes, quotations and distinctive numbers (the exact checks of
:mod:`.stories`), and the keys that propose candidate pairs inside the store:

* **bands**: the MinHash LSH buckets datasketch's ``MinHashLSH`` would put the
  article in (same banding, ``b`` bands of ``r`` hash values, chosen by datasketch
  for the threshold), each as a 64-bit hash of the band number and its values. Two
  articles are LSH candidates exactly when they share a band value, as in
  ``MinHashLSH.query`` (up to a 64-bit hash collision);
* **quote hashes**: 64-bit hashes of the quotation keys (the quotation index).

:func:`signature_of` rebuilds the :class:`~.stories.Signature` used by the exact
check from stored keys, without the text.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from claimmap.consolidate.stories import Signature, StoryIndex, StoryParams, signature
from claimmap.model import Article
from claimmap.stages import StoryKeys

_VERSION = "k1"


@lru_cache(maxsize=8)
def banding(params: StoryParams) -> tuple[tuple[int, int], ...]:
    """The hash ranges datasketch's ``MinHashLSH`` uses for these parameters."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    return tuple((int(a), int(b)) for a, b in lsh.hashranges)


def params_key(params: StoryParams) -> str:
    """Identifies what stored keys were made with: other parameters, other keys."""
    ranges = banding(params)
    return (f"{_VERSION}|{params.shingle}|{params.num_perm}|{params.seed}|"
            f"{len(ranges)}x{ranges[0][1] - ranges[0][0]}")


def hash64(data: bytes) -> int:
    """A signed 64-bit hash (fits an SQL BIGINT)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def story_keys(article: Article, params: StoryParams, index: StoryIndex | None = None) -> StoryKeys:
    """The article's story keys (see the module doc). ``index`` lends its MinHash
    template, so the permutations are built once."""
    index = index or StoryIndex(params)
    sig = signature(article, params)
    bands: tuple[int, ...] = ()
    if len(sig.shingles):
        values = index.minhash(sig).hashvalues
        bands = tuple(sorted({
            hash64(n.to_bytes(2, "big") + values[a:b].tobytes())
            for n, (a, b) in enumerate(banding(params))
        }))
    quotes = tuple(sorted(sig.quotes))
    return StoryKeys(
        article_id=article.id,
        params=params_key(params),
        shingles=sig.shingles.astype("<u4").tobytes(),
        bands=bands,
        quotes=quotes,
        numbers=tuple(sorted(sig.numbers)),
        quote_hashes=tuple(sorted({hash64(q.encode("utf-8")) for q in quotes})),
    )


def signature_of(keys: StoryKeys, content_hash: str, published: str | None) -> Signature:
    """The exact-check signature from stored keys."""
    shingles = np.frombuffer(keys.shingles, dtype="<u4").astype(np.uint32)
    return Signature(keys.article_id, content_hash, published, shingles,
                     frozenset(keys.quotes), frozenset(keys.numbers))
