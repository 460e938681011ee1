"""MinHash signatures and LSH bands of shingle sets, in numpy.

The textbook scheme (Broder 1997; banding as in Leskovec, Rajaraman and Ullman,
*Mining of Massive Datasets*, ch. 3): each of ``num_perm`` hash functions
``h -> (a * h + b) mod p`` (p = 2^61 - 1, a and b drawn once from a seeded generator)
maps every 32-bit shingle hash, and the signature keeps each function's minimum, in
32 bits. Two sets agree on one signature position with probability equal to their
Jaccard similarity. The signature is cut into ``bands`` bands of ``rows`` values; two
sets are LSH candidates when some band is equal in both.

claimmap used datasketch's ``MinHash``/``MinHashLSH`` for this. They are replaced by
these few lines because importing datasketch imports scipy (about 0.5 s on every
``claimmap analyze``), and because story keys are stored with each article: their
values must not change when a library's defaults do (datasketch 2.0 changed its
hashing scheme). The band layout (28 bands of 2 rows of 128 permutations) is the one
datasketch's optimiser chooses for a Jaccard threshold of 0.2.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

PRIME = (1 << 61) - 1
MAX32 = (1 << 32) - 1
#: Rows of the hash-product matrix computed at once (bounds memory on long texts).
CHUNK = 2048


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[npt.NDArray[np.uint64], ...]:
    """The (a, b) of each hash function: a in [1, 2^31) and b in [0, 2^61), so that
    ``a * h + b`` stays below 2^64 for any 32-bit ``h`` (no wrap-around)."""
    gen = np.random.default_rng(seed)
    a = gen.integers(1, 1 << 31, size=num_perm, dtype=np.uint64)
    b = gen.integers(0, PRIME, size=num_perm, dtype=np.uint64)
    return a, b


def crc32_hashes(shingles: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    """The 32-bit hash of each shingle hash (CRC-32 of its 4 little-endian bytes), so
    that nearby shingle hashes spread over the whole range."""
    return np.fromiter(
        (zlib.crc32(int(h).to_bytes(4, "little")) for h in shingles),
        dtype=np.uint64, count=len(shingles),
    )  # fmt: skip


def signature(shingles: npt.NDArray[np.uint32], num_perm: int, seed: int) -> npt.NDArray[np.uint64]:
    """The MinHash signature of a set of shingle hashes; all ``MAX32`` when empty."""
    out = np.full(num_perm, MAX32, dtype=np.uint64)
    if not len(shingles):
        return out
    a, b = permutations(num_perm, seed)
    hashed = crc32_hashes(shingles)
    for start in range(0, len(hashed), CHUNK):
        h = hashed[start : start + CHUNK, None]
        values = ((h * a + b) % np.uint64(PRIME)) & np.uint64(MAX32)
        np.minimum(out, values.min(axis=0), out=out)
    return out


def hash64(data: bytes) -> int:
    """A signed 64-bit hash (fits an SQL BIGINT)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def band_keys(values: npt.NDArray[np.uint64], bands: int, rows: int) -> tuple[int, ...]:
    """One 64-bit key per band (the band number and its values), sorted and distinct:
    two signatures share a key exactly when they agree on that whole band (up to a
    64-bit hash collision)."""
    keys = {hash64(n.to_bytes(2, "big") + values[n * rows : (n + 1) * rows].tobytes())
            for n in range(bands)}  # fmt: skip
    return tuple(sorted(keys))


class BandIndex:
    """In-memory LSH: band key -> ids, for the in-memory story index."""

    def __init__(self) -> None:
        self._by_key: dict[int, list[str]] = defaultdict(list)

    def query(self, keys: Iterable[int]) -> set[str]:
        return {other for key in keys for other in self._by_key.get(key, ())}

    def insert(self, item: str, keys: Iterable[int]) -> None:
        for key in keys:
            self._by_key[key].append(item)
