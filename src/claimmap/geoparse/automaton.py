"""The name automaton: an Aho-Corasick machine over the gazetteer's folded names.

Keys are stored padded with one space on each side, and the text is scanned padded
the same way, so every hit is bounded by non-letters on both sides. Building the
machine over the full gazetteer takes seconds, so it is pickled to the user cache,
keyed by a digest of the gazetteer's ``info()``; a warm start loads it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ahocorasick

from claimmap.gazetteer.base import Gazetteer
from claimmap.geoparse.lexicon import COMMON_CAPITALISED, MONTHS, STOPWORDS, WEEKDAYS
from claimmap.geoparse.text import fold, key_fold

log = logging.getLogger(__name__)

FORMAT = 4  # bump when the key scheme changes, so stale caches are not reused
MIN_CACHE_NAMES = 20_000  # below this, building is faster than a cache round trip
# Single words never proposed (the recogniser would reject them anyway): leaving them
# out of the machine saves scanning time on every "the", "and" and "in".
_SKIP = MONTHS | WEEKDAYS | COMMON_CAPITALISED | STOPWORDS


def _usable(key: str) -> bool:
    if len(key) < 2 or key in _SKIP or key.isdigit():
        return False
    # Latin and Cyrillic names only: English text does not carry other scripts' names.
    return all(c == " " or (c.isalnum() and c < "\u0530") for c in key) and any(
        c.isalpha() for c in key
    )


def build(names: Iterable[str]) -> Any:
    """An automaton (``STORE_LENGTH``) over the padded keys of ``names``."""
    machine = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    seen: set[str] = set()
    for name in names:
        key = key_fold(name)
        if key in seen or not _usable(key):
            continue
        seen.add(key)
        machine.add_word(f" {key} ")
    if not seen:
        machine.add_word(" \x00 ")  # an empty automaton cannot be finalised
    machine.make_automaton()
    return machine


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


def load_or_build(gazetteer: Gazetteer) -> Any:
    """The automaton for ``gazetteer``, from the cache when it is there."""
    names = list(gazetteer.names())
    if len(names) < MIN_CACHE_NAMES:
        return build(names)
    path = cache_dir() / f"names-{gazetteer_digest(gazetteer)}.automaton"
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            log.warning("rebuilding the name automaton: cache %s unreadable (%s)", path, exc)
    machine = build(names)
    _save(machine, path)
    return machine


def _save(machine: Any, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(machine, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("names-*.automaton"):  # older gazetteer versions
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:  # a read-only cache only costs speed
        log.warning("could not cache the name automaton at %s: %s", path, exc)


def scan(machine: Any, text: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) in ``text`` where a gazetteer name stands as whole words."""
    padded = f" {fold(text)} "
    for end_idx, length in machine.iter(padded):
        start = end_idx - length + 1
        yield start, end_idx - 1
