"""The name index: which word sequences of a text are gazetteer names.

Every usable gazetteer name is folded to its key (:func:`~claimmap.geoparse.text.key_fold`:
lower case, no diacritics, single spaces) and stored as a 64-bit hash in a sorted array;
a second sorted array holds the hashes of every proper word prefix of the multi-word
keys ("bosnia", "bosnia and" for "bosnia and herzegovina"). Scanning a text walks the
words after each capitalised word, one at a time, while the words so far are a
prefix of some key, so a text costs a few look-ups per capitalised word.

The index is two flat arrays (about 8 MB for the default gazetteer), each with a table
of where the hashes of each value of their top bits start (so a look-up searches a
run of about 16 hashes, in one or two cache lines, not the whole array), written
once to the user cache under a digest of the gazetteer's version and read back in a
few milliseconds: warm start does not pay for building or unpickling a machine.
Writing a new index deletes the index files of other gazetteer versions.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from claimmap.gazetteer.base import Gazetteer
from claimmap.geoparse.lexicon import (
    ABBREVIATED_PARTS,
    COMMON_CAPITALISED,
    MONTHS,
    STOPWORDS,
    WEEKDAYS,
)
from claimmap.geoparse.text import fold_word, key_fold

log = logging.getLogger(__name__)

FORMAT: Final = 6  # bump when the key scheme or the file layout changes
# below this, building beats a cache round trip (not Final: tests lower it)
MIN_CACHE_NAMES = 20_000
MAX_WORDS: Final = 8  # longer names are not proposed (the longest real mentions are shorter)
_MAGIC: Final = b"CMNI"
_HEADER: Final = 28  # magic, format, byte order, max words, n keys, n prefixes, bucket bits
# Single words never proposed (the recogniser would reject them anyway).
_SKIP: Final = MONTHS | WEEKDAYS | COMMON_CAPITALISED | STOPWORDS
# Words whose first letter may be a capital (Latin, Greek, Cyrillic); scan checks case.
# A word is a run of letters and digits (``[^\W_]``: \w without the underscore). The
# first letter comes before the look-behinds (a word character, none before it) so
# that the regex engine can skip ahead to candidate letters, as in patterns.UP_START.
_INITIAL: Final = "[A-ZÀ-ÖØ-ÞĀ-ɏͰ-ϿЀ-ԯ]"
_CAPITALISED_WORD: Final = re.compile(rf"{_INITIAL}(?<!\w{_INITIAL})(?<=\w)[^\W_]*")
_WORD: Final = re.compile(r"[^\W_]+")
_MEMO_SIZE: Final = 200_000


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Sorted 64-bit hashes of the keys and of their proper word prefixes. Look-ups
    are remembered (names recur from article to article): by key, and by the raw
    first word of a scan (:meth:`look_first`)."""

    keys: array[int]
    prefixes: array[int]
    max_words: int
    bits: int  # the top bits that number the buckets (see buckets)
    key_starts: array[int]  # buckets(keys, bits)
    prefix_starts: array[int]  # buckets(prefixes, bits)
    _memo: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _first: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def look(self, key: str) -> int:
        """Bit 1: ``key`` is a name's key; bit 2: it is a proper prefix of one."""
        found = self._memo.get(key)
        if found is None:
            h = _hash(key)
            shift = 64 - self.bits
            found = _member(self.keys, self.key_starts, shift, h) | (
                _member(self.prefixes, self.prefix_starts, shift, h) << 1
            )
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = found
        return found

    def look_first(self, word: str) -> int:
        """:meth:`look` of a word as written, 0 unless it starts with a capital: what
        :func:`scan` asks of each capitalised-word candidate, remembered by the word
        itself so that a recurring word costs one dictionary look-up."""
        found = self._first.get(word)
        if found is None:
            found = self.look(fold_word(word)) if word[0].isupper() else 0
            if len(self._first) >= _MEMO_SIZE:
                self._first.clear()
            self._first[word] = found
        return found

    def has_key(self, key: str) -> bool:
        return bool(self.look(key) & 1)

    def has_prefix(self, key: str) -> bool:
        return bool(self.look(key) & 2)


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def _member(sorted_hashes: array[int], starts: array[int], shift: int, value: int) -> int:
    """Whether ``value`` is in ``sorted_hashes``, whose hashes with top bits ``b``
    (``value >> shift``) all lie in ``starts[b]`` .. ``starts[b + 1]``."""
    b = value >> shift
    lo, hi = starts[b], starts[b + 1]
    i = bisect.bisect_left(sorted_hashes, value, lo, hi)
    return int(i < hi and sorted_hashes[i] == value)


def bucket_bits(n: int) -> int:
    """Bits of the bucket number for ``n`` hashes: about 16 hashes a bucket, at most
    65,536 buckets (512 KiB of starts for the million names of the default)."""
    return max(0, min(16, n.bit_length() - 4))


def buckets(sorted_hashes: array[int], bits: int) -> array[int]:
    """Where the hashes with each value ``b`` of their top ``bits`` bits start, for
    every ``b``, then the length: hashes ``b`` lie in ``starts[b]`` .. ``starts[b + 1]``."""
    shift = 64 - bits
    starts = array("Q", bytes(8 * ((1 << bits) + 1)))
    b = 0
    for i, value in enumerate(sorted_hashes):
        top = value >> shift
        while b <= top:  # buckets up to this hash's own start here
            starts[b] = i
            b += 1
    while b <= 1 << bits:
        starts[b] = len(sorted_hashes)
        b += 1
    return starts


def _index(keys: array[int], prefixes: array[int], longest: int) -> NameIndex:
    bits = bucket_bits(max(len(keys), len(prefixes)))
    return NameIndex(keys, prefixes, longest, bits, buckets(keys, bits), buckets(prefixes, bits))


def _usable(key: str) -> bool:
    if len(key) < 2 or key in _SKIP or key.isdigit():
        return False
    if key.count(" ") >= MAX_WORDS:
        return False
    # Latin and Cyrillic names only: English text does not carry other scripts' names.
    return all(c == " " or (c.isalnum() and c < "\u0530") for c in key) and any(
        c.isalpha() for c in key
    )


def build(names: Iterable[str]) -> NameIndex:
    """The index over the usable keys of ``names``."""
    keys: set[int] = set()
    prefixes: set[int] = set()
    longest = 1
    for name in names:
        key = key_fold(name)
        if not _usable(key):
            continue
        keys.add(_hash(key))
        words = key.split(" ")
        longest = max(longest, len(words))
        for n in range(1, len(words)):
            prefixes.add(_hash(" ".join(words[:n])))
    return _index(array("Q", sorted(keys)), array("Q", sorted(prefixes)), longest)


def gazetteer_digest(gazetteer: Gazetteer) -> str:
    """A stable digest of what the gazetteer says about itself (its version)."""
    version = getattr(gazetteer, "version", None)
    info = version if isinstance(version, str) else gazetteer.info()
    blob = json.dumps(info, sort_keys=True, default=str) + f"|{type(gazetteer).__name__}|{FORMAT}"
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("CLAIMMAP_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimmap"))


def load_or_build(gazetteer: Gazetteer) -> NameIndex:
    """The index for ``gazetteer``, from the cache when it is there."""
    path = cache_dir() / f"names-{gazetteer_digest(gazetteer)}.index"
    if path.exists():
        try:
            return _read(path)
        except (OSError, ValueError) as exc:
            log.warning("rebuilding the name index: cache %s unreadable (%s)", path, exc)
    listed = list(gazetteer.names())
    index = build(listed)
    if len(listed) >= MIN_CACHE_NAMES:
        _save(index, path)
    return index


def _read(path: Path) -> NameIndex:
    blob = path.read_bytes()
    if len(blob) < _HEADER or blob[:4] != _MAGIC:
        raise ValueError("not a claimmap name index")
    fmt, order, longest, n_keys, n_prefixes, bits = (
        int.from_bytes(blob[i : i + 4], "little") for i in range(4, _HEADER, 4)
    )
    n_starts = (1 << bits) + 1 if bits <= 24 else 0
    if fmt != FORMAT or not n_starts or len(blob) != _HEADER + 8 * (
        n_keys + n_prefixes + 2 * n_starts
    ):
        raise ValueError("truncated or of another format")
    parts = []
    at = _HEADER
    for n in (n_keys, n_prefixes, n_starts, n_starts):
        part = array("Q")
        part.frombytes(blob[at : at + 8 * n])
        if order != (sys.byteorder == "little"):
            part.byteswap()
        parts.append(part)
        at += 8 * n
    keys, prefixes, key_starts, prefix_starts = parts
    return NameIndex(keys, prefixes, longest, bits, key_starts, prefix_starts)


def _save(index: NameIndex, path: Path) -> None:
    header = _MAGIC + b"".join(
        n.to_bytes(4, "little")
        for n in (FORMAT, int(sys.byteorder == "little"), index.max_words, len(index.keys),
                  len(index.prefixes), index.bits)
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            for part in (index.keys, index.prefixes, index.key_starts, index.prefix_starts):
                fh.write(part.tobytes())
        os.replace(tmp, path)
        for stale in path.parent.glob("names-*"):  # other versions, older formats
            if stale != path and stale.suffix in (".index", ".automaton"):
                stale.unlink(missing_ok=True)
    except OSError as exc:  # a read-only cache only costs speed
        log.warning("could not cache the name index at %s: %s", path, exc)


def scan(index: NameIndex, text: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) in ``text`` where a gazetteer name stands as whole words and
    starts with a capital letter (names are written capitalised; lower-case uses are
    common words).

    Words are runs of letters and digits: exactly the runs that
    :func:`~claimmap.geoparse.text.fold` keeps (it turns everything else into spaces),
    so each word is folded on its own and the text as a whole never is."""
    first = index._first.get
    for m in _CAPITALISED_WORD.finditer(text):
        word = m.group()
        found = first(word)
        if found is None:
            found = index.look_first(word)
        if not found:  # most capitalised words: neither a name nor a name's first word
            continue
        start, end = m.span()
        if not found & 2:  # a one-word name that starts no longer one
            yield start, end
            continue
        for name_end in _name_ends(index, text, fold_word(word), found, end):
            yield start, name_end


def _name_ends(index: NameIndex, text: str, key: str, found: int, end: int) -> list[int]:
    """Where the names end whose first words end at ``end``, with the folded ``key``
    and the look-up bits ``found``: the next words are added one at a time while
    the words so far are a prefix of some key."""
    ends = []
    while True:
        if found & 1:
            ends.append(end)
        if not found & 2:
            return ends
        step = _NEXT_WORD.match(text, end)  # the common case of _next_word, in one go
        if step is not None:
            nxt, end = step.span(1)
        else:
            nxt = _next_word(text, key, end)
            if nxt < 0:
                return ends
            end = _word_end(text, nxt)
        key = f"{key} {fold_word(text[nxt:end])}"
        found = index.look(key)


# One character, then a word: the next word when one space or punctuation mark
# separates it (see _next_word; ``[^\W_]`` is exactly ``str.isalnum``).
_NEXT_WORD: Final = re.compile(r"(?s:.)([^\W_]+)")


def _next_word(text: str, key: str, end: int) -> int:
    """Where the next word of a name starts: after one space or punctuation mark, or
    after ". " when the word so far ends in an abbreviation ("St. Louis"); else -1."""
    size = len(text)
    if end + 1 < size and text[end + 1].isalnum():
        return end + 1
    if (end + 2 < size and text[end] == "." and text[end + 1] == " "
            and text[end + 2].isalnum() and key.rsplit(" ", 1)[-1] in ABBREVIATED_PARTS):
        return end + 2
    return -1


def _word_end(text: str, start: int) -> int:
    """The end of the word (run of letters and digits) that starts at ``start``."""
    m = _WORD.match(text, start)
    return start if m is None else m.end()
