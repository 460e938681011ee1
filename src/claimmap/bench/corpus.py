"""The benchmark corpus: found by default, streamed, and replicated for ``--scale``.

A replica keeps every field of a record and changes two things: its id gets the suffix
``~rN`` and its text gets one line appended, ``[bench replica N]``. The line is needed
because the store keeps one article per text (a content-hash duplicate is skipped), so an
exact copy would measure the skip, not the analysis; the appended line names no place,
no actor and no claim. Replica 0 is the original record, unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimmap.errors import ClaimmapError
from claimmap.ingest.text import normalise

CORPUS_NAME = Path("shared") / "data" / "uawar_news.jsonl"


def repo_root() -> Path:
    """The source checkout this claimmap runs from (src layout: three levels up)."""
    return Path(__file__).resolve().parents[3]


def default_corpus(cwd: Path | None = None) -> Path:
    """``../shared/data/uawar_news.jsonl`` next to the repository, else next to the
    current folder (or under it). A clear error when none exists."""
    here = cwd or Path.cwd()
    tried = [repo_root().parent / CORPUS_NAME, here.parent / CORPUS_NAME, here / CORPUS_NAME]
    for path in tried:
        if path.is_file():
            return path
    names = ", ".join(str(p) for p in dict.fromkeys(tried))
    raise ClaimmapError(f"no benchmark corpus found (looked for {names}); give one: "
                        "claimmap bench FILE.jsonl")


def check_corpus(path: Path) -> Path:
    if not path.is_file():
        raise ClaimmapError(f"no such corpus file: {path}; give a JSONL file, one article "
                            "per line, with a 'text' field")
    return path


@dataclass(frozen=True, slots=True)
class CorpusSize:
    records: int
    #: Records with a distinct text (the store keeps one article per text).
    unique: int
    #: Words (whitespace-separated) in the distinct texts.
    words: int
    bytes: int


def measure(path: Path) -> CorpusSize:
    """Records, distinct texts, their words and the file's bytes, read one line at a
    time (only a 32-byte digest per distinct text is kept)."""
    records = words = 0
    seen: set[bytes] = set()
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            record = _loads(line)
            if record is None:
                continue
            records += 1
            text = normalise(str(record.get("text") or ""))
            digest = hashlib.sha256(text.encode("utf-8", errors="replace")).digest()
            if text and digest not in seen:
                seen.add(digest)
                words += len(text.split())
    return CorpusSize(records, len(seen), words, path.stat().st_size)


def replicas(path: Path, scale: int) -> Iterator[str]:
    """The corpus ``scale`` times over, as JSONL lines, streaming (one line in memory)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    for n in range(scale):
        with path.open(encoding="utf-8", errors="replace") as stream:
            for line in stream:
                record = _loads(line)
                if record is None:
                    continue
                yield json.dumps(replica(record, n), ensure_ascii=False) + "\n"


def replica(record: dict[str, object], n: int) -> dict[str, object]:
    """Replica ``n`` of one record (see the module docstring); 0 is the record itself."""
    if n == 0:
        return record
    out = dict(record)
    for key in ("id", "doc_id"):
        if isinstance(out.get(key), str | int):
            out[key] = f"{out[key]}~r{n}"
    out["text"] = f"{out.get('text', '')}\n\n[bench replica {n}]"
    return out


def write_scaled(path: Path, scale: int, out: Path) -> Path:
    """Write the replicated corpus to ``out`` (streamed) and return it; scale 1 returns
    ``path`` itself."""
    if scale == 1:
        return path
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as sink:
        sink.writelines(replicas(path, scale))
    os.replace(tmp, out)
    return out


def _loads(line: str) -> dict[str, object] | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None
