"""The app's view of the core: a cached analysis, search, and uploads.

Uploads are written to a private temporary folder under safe names and go through
the same ingest code as the CLI (same readers, size limits and reasons), then through
the pipeline. One lock serialises pipeline runs and cache rebuilds.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from claimmap.errors import ClaimmapError, InputRejected
from claimmap.ingest import DEFAULT_MAX_BYTES, EXTENSIONS, read_inputs
from claimmap.model import Analysis, Article
from claimmap.web.views import Index, snippet

#: Marks put around matches in search snippets (private-use characters, never in
#: normalised article text in practice); the templates turn them into <mark>.
MARK = ("\ue000", "\ue001")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Engine(Protocol):
    """What the app needs from :class:`claimmap.pipeline.ClaimMap`."""

    def analysis(self) -> Analysis: ...

    def analyze(self, paths: Sequence[str]) -> object: ...


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the browser sent and its bytes."""

    filename: str
    data: bytes


@dataclass(slots=True)
class UploadResult:
    accepted: list[Article] = field(default_factory=list)
    rejected: list[InputRejected] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "accepted": [{"id": a.id, "title": a.title, "chars": a.chars}
                         for a in self.accepted],
            "rejected": [{"where": r.where, "reason": r.reason} for r in self.rejected],
        }


def safe_name(filename: str, index: int) -> str:
    """A file name safe to create: the base name only, odd characters replaced,
    the extension kept (ingest picks the reader by it)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("_", stem).strip("._")[:80] or f"upload-{index}"
    ext = _UNSAFE.sub("", ext).lower()[:10]
    return f"{stem}.{ext}" if ext else stem


class Backend:
    def __init__(self, engine: Engine, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.engine = engine
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._index: Index | None = None

    def index(self) -> Index:
        with self._lock:
            if self._index is None:
                self._index = Index(self.engine.analysis())
            return self._index

    def search(self, query: str, limit: int = 50) -> list[dict[str, str | None]]:
        """Articles matching ``query``: the store's full-text search when the engine
        has a store, else a plain substring match over the analysis."""
        store = getattr(self.engine, "store", None)
        if store is not None and hasattr(store, "search"):
            hits = store.search(query, limit=limit, mark=MARK)
            return [{"id": h.article_id, "title": h.title, "snippet": h.snippet}
                    for h in hits]
        needle = query.strip().strip('"').lower()
        if not needle:
            raise ClaimmapError("empty search query: give one or more words")
        out: list[dict[str, str | None]] = []
        for article in self.index().analysis.articles:
            if needle in article.text.lower() or needle in (article.title or "").lower():
                out.append({"id": article.id, "title": article.title,
                            "snippet": _marked(snippet(article.text, needle), needle)})
        return out[:limit]

    def upload(self, files: Sequence[Upload], text: str | None, title: str | None
               ) -> UploadResult:
        """Validate with ingest, run the pipeline on what passed, refresh the views."""
        with tempfile.TemporaryDirectory(prefix="claimmap-upload-") as tmp:
            folder = Path(tmp)
            result = UploadResult()
            names = self._write(folder, files, text, title, result)
            paths = [str(folder / n) for n in names]
            for item in read_inputs(paths, self.max_bytes):
                if isinstance(item, InputRejected):
                    result.rejected.append(_relative(item, folder))
                else:
                    result.accepted.append(item)
            if result.accepted:
                with self._lock:
                    report = self.engine.analyze(paths)
                    self._index = None
                _merge(result, getattr(report, "rejected", ()), folder)
        return result

    def _write(self, folder: Path, files: Sequence[Upload], text: str | None,
               title: str | None, result: UploadResult) -> list[str]:
        names: list[str] = []
        for i, upload in enumerate(files):
            name = safe_name(upload.filename, i)
            if Path(name).suffix not in EXTENSIONS:
                kinds = ", ".join(sorted(EXTENSIONS))
                result.rejected.append(InputRejected(
                    upload.filename[:200], f"unknown file type; use one of {kinds}"))
                continue
            while name in names:
                name = f"_{name}"
            (folder / name).write_bytes(upload.data)
            names.append(name)
        if text is not None and text.strip():
            name = "pasted-text.jsonl"
            while name in names:
                name = f"_{name}"
            record = {"text": text, "title": (title or "").strip() or None}
            (folder / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
            names.append(name)
        return names


def _merge(result: UploadResult, later: object, folder: Path) -> None:
    """Add the pipeline's own rejections (a clashing id, a stage failure) and drop
    the articles they name from the accepted list."""
    seen = {(r.where, r.reason) for r in result.rejected}
    for item in later if isinstance(later, tuple | list) else ():
        if not isinstance(item, InputRejected):
            continue
        rejected = _relative(item, folder)
        if (rejected.where, rejected.reason) not in seen:
            result.rejected.append(rejected)
            seen.add((rejected.where, rejected.reason))
            result.accepted = [a for a in result.accepted
                               if str(a.path) != item.where and a.id != item.where]


def _relative(rejected: InputRejected, folder: Path) -> InputRejected:
    where = rejected.where.replace(str(folder) + "/", "")
    return InputRejected(where, rejected.reason)


def _marked(text: str, needle: str) -> str:
    at = text.lower().find(needle)
    if at < 0:
        return text
    return text[:at] + MARK[0] + text[at:at + len(needle)] + MARK[1] + text[at + len(needle):]
