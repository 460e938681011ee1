"""Story keys: what story detection needs of one article, computed when it is stored.

:func:`story_keys` turns an article into a :class:`~claimmap.stages.StoryKeys`: its
sorted shingle hashes, quotations and distinctive numbers (the exact checks of
:mod:`.stories`), and the keys that propose candidate pairs inside the store:

* **bands**: the article's MinHash LSH band keys (:func:`.stories.band_keys`: a
  64-bit hash of each band's number and values). Two articles are LSH candidates
  exactly when they share a band key, as in the in-memory index;
* **quote hashes**: 64-bit hashes of the quotation keys (the quotation index).

:func:`signature_of` rebuilds the :class:`~.stories.Signature` used by the exact
check from stored keys, without the text.
"""

from __future__ import annotations

import numpy as np

from claimmap.consolidate.minhash import hash64
from claimmap.consolidate.stories import Signature, StoryParams, band_keys, signature
from claimmap.model import Article
from claimmap.stages import StoryKeys

_VERSION = "k2"  # k2: claimmap's own MinHash (k1: datasketch's)


def params_key(params: StoryParams) -> str:
    """Identifies what stored keys were made with: other parameters, other keys."""
    return (f"{_VERSION}|{params.shingle}|{params.num_perm}|{params.seed}|"
            f"{params.bands}x{params.rows}")


def story_keys(article: Article, params: StoryParams) -> StoryKeys:
    """The article's story keys (see the module doc)."""
    sig = signature(article, params)
    quotes = tuple(sorted(sig.quotes))
    return StoryKeys(
        article_id=article.id,
        params=params_key(params),
        shingles=sig.shingles.astype("<u4").tobytes(),
        bands=band_keys(sig, params),
        quotes=quotes,
        numbers=tuple(sorted(sig.numbers)),
        quote_hashes=tuple(sorted({hash64(q.encode("utf-8")) for q in quotes})),
    )


def signature_of(keys: StoryKeys, content_hash: str, published: str | None) -> Signature:
    """The exact-check signature from stored keys."""
    shingles = np.frombuffer(keys.shingles, dtype="<u4").astype(np.uint32)
    return Signature(keys.article_id, content_hash, published, shingles,
                     frozenset(keys.quotes), frozenset(keys.numbers))
