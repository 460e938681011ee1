"""Ingest: turn files (.txt, .html/.htm, .jsonl/.json, .csv) into Articles.

:func:`read_inputs` is a generator: it yields one :class:`~claimmap.model.Article` or
one :class:`~claimmap.errors.InputRejected` at a time and never holds a corpus in
memory. Rejections are yielded, not raised, so one bad input never stops a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from claimmap.errors import InputRejected
from claimmap.ingest.paths import expand
from claimmap.ingest.readers import READERS, Item
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Article

#: Default limit on one input file read whole, or one record's text: 5 MB.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = frozenset(READERS)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "Article",
    "InputRejected",
    "Item",
    "content_hash",
    "normalise",
    "read_file",
    "read_inputs",
]


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The articles (and rejections) in one file, by its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputRejected(str(path), f"unknown file type '{path.suffix}'")
        return
    try:
        yield from reader(path, max_bytes)
    except OSError as exc:
        yield InputRejected(str(path), f"cannot read: {exc.strerror or exc}")


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in files, folders (recursive) and globs, in a stable order."""
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    for item in expand(tuple(paths), EXTENSIONS):
        if isinstance(item, InputRejected):
            yield item
        else:
            yield from read_file(item, max_bytes)
