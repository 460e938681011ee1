"""Expand the user's PATH arguments: files, folders (recursive) and globs, lazily."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from claimmap.errors import InputRejected

_GLOB_CHARS = frozenset("*?[")


def expand(args: list[str] | tuple[str, ...], extensions: frozenset[str]) -> Iterator[
    Path | InputRejected
]:
    """Yield each input file once, in a stable order. Files found in folders or by a
    glob are kept only with a known extension (others are skipped quietly: folders
    hold READMEs); a file named outright with an unknown extension is rejected."""
    seen: set[Path] = set()
    for arg in args:
        for item in _expand_one(arg, extensions):
            if isinstance(item, Path):
                key = item.resolve()
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _expand_one(arg: str, extensions: frozenset[str]) -> Iterator[Path | InputRejected]:
    path = Path(arg)
    if path.is_file():
        if path.suffix.lower() in extensions:
            yield path
        else:
            known = ", ".join(sorted(extensions))
            yield InputRejected(arg, f"unknown file type '{path.suffix}'; expected {known}")
    elif path.is_dir():
        yield from _walk(path, extensions)
    elif _GLOB_CHARS & set(arg):
        matches = sorted(glob.iglob(arg, recursive=True))
        if not matches:
            yield InputRejected(arg, "the pattern matches no file")
        for match in matches:
            found = Path(match)
            if found.is_dir():
                yield from _walk(found, extensions)
            elif found.suffix.lower() in extensions:
                yield found
    else:
        yield InputRejected(arg, "no such file or folder")


def _walk(folder: Path, extensions: frozenset[str]) -> Iterator[Path]:
    """Files under ``folder`` in sorted order, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in extensions:
                yield Path(root) / name
