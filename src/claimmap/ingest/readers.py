"""One reader per input format. Each yields Articles and InputRejected values (a bad
record never stops the rest of its file) and holds at most one record in memory,
except ``.json``, which is one document and is read whole."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, BinaryIO

from claimmap.errors import InputRejected
from claimmap.ingest.records import article_from_record, headline, too_large
from claimmap.ingest.text import SAMPLE_BYTES, content_hash, decode, detect_encoding
from claimmap.model import Article

Item = Article | InputRejected
_HTML_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)
Reader = Callable[[Path, int], Iterator[Item]]


def _read_whole(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputRejected(str(path), too_large(size, max_bytes))
    return path.read_bytes()


def read_txt(path: Path, max_bytes: int) -> Iterator[Item]:
    """The whole file is one article, id = file stem; a headline-like first line is
    also the title (it stays in the text, so offsets cover it)."""
    try:
        text = decode(_read_whole(path, max_bytes), str(path))
    except InputRejected as exc:
        yield exc
        return
    yield Article(
        id=path.stem, text=text, content_hash=content_hash(text), title=headline(text),
        path=str(path),
    )


def read_html(path: Path, max_bytes: int) -> Iterator[Item]:
    """Main text and metadata (title, date, author, site) via trafilatura."""
    try:
        yield _html_article(path, decode(_read_whole(path, max_bytes), str(path)))
    except InputRejected as exc:
        yield exc


def _html_article(path: Path, html: str) -> Article:
    import trafilatura  # imported lazily: slow import

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta: dict[str, object] = {}
    if isinstance(doc, dict):
        meta = doc
    elif doc is not None:
        meta = doc.as_dict()
    body = meta.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputRejected(str(path), "no main text found in this HTML page")
    record = {key: meta.get(key) for key in ("title", "url", "author", "language")}
    record["text"] = body
    record["source"] = meta.get("sitename") or meta.get("hostname")
    record["published"] = meta.get("date")
    if not record.get("language"):
        found = _HTML_LANG.search(html)
        record["language"] = found.group(1) if found else None
    return article_from_record(
        record, str(path), path=str(path), max_bytes=sys.maxsize, default_id=path.stem
    )


NESTED_TOO_DEEPLY = "malformed JSON: nested too deeply to read (thousands of levels)"


def read_json(path: Path, max_bytes: int) -> Iterator[Item]:
    """One object (one article, id = record id or file stem) or a list of objects."""
    where = str(path)
    try:
        data = json.loads(decode(_read_whole(path, max_bytes), where))
    except InputRejected as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputRejected(f"{where}:{exc.lineno}", f"malformed JSON: {exc.msg}")
        return
    except RecursionError:
        yield InputRejected(where, NESTED_TOO_DEEPLY)
        return
    if isinstance(data, list):
        for index, record in enumerate(data):
            yield _record(record, f"{where}[{index}]", path, max_bytes)
    else:
        yield _record(data, where, path, max_bytes, default_id=path.stem)


def _record(
    record: object, where: str, path: Path, max_bytes: int, default_id: str | None = None
) -> Item:
    try:
        return article_from_record(
            record, where, path=str(path), max_bytes=max_bytes, default_id=default_id
        )
    except InputRejected as exc:
        return exc


def _open_text(path: Path) -> IO[str]:
    """Open a streamed file as text in its detected encoding."""
    raw, encoding = _open_binary(path)
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


def _open_binary(path: Path) -> tuple[BinaryIO, str]:
    """Open a streamed file and detect its encoding from a sample."""
    raw = path.open("rb")
    try:
        sample = raw.read(SAMPLE_BYTES)
        if not sample.strip():
            raise InputRejected(str(path), "empty file")
        encoding = detect_encoding(sample, str(path))
        raw.seek(0)
    except BaseException:
        raw.close()
        raise
    return raw, encoding


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """One JSON object per line; blank lines are skipped; a bad line (malformed,
    undecodable, too large) is named ``path:line`` and the rest of the file is still
    read. Lines are read and decoded one at a time, with a bounded read, so a bad byte
    loses only its own line and a huge line is never held whole."""
    try:
        raw, encoding = _open_binary(path)
    except InputRejected as exc:
        yield exc
        return
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        yield from _jsonl_text(io.TextIOWrapper(raw, encoding=encoding, newline=""), path,
                               max_bytes)
        return
    records = 0
    with raw:
        for lineno, line, size in _byte_lines(raw, _line_limit(max_bytes)):
            where = f"{path}:{lineno}"
            if line is None:
                records += 1
                yield InputRejected(where, too_large(size, _line_limit(max_bytes))
                                    .replace("bytes of text", "bytes in one line"))
                continue
            try:
                text = line.decode(encoding)
            except UnicodeDecodeError as exc:
                records += 1
                yield InputRejected(where, f"undecodable as {encoding} ({exc.reason}); "
                                    "save the file as UTF-8")
                continue
            if text.strip() and text.strip() != "\ufeff":
                records += 1
                yield _jsonl_line(text, where, path, max_bytes)
    if not records:
        yield InputRejected(str(path), "empty file (no records)")


def _line_limit(max_bytes: int) -> int:
    """The longest JSON line read: a record's text may grow in JSON (escapes, other
    fields), so allow twice the text limit plus room for metadata."""
    return 2 * max_bytes + 65_536


def _byte_lines(raw: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size); the line is None when it is longer than ``limit``,
    in which case the rest of it is skipped in bounded chunks."""
    lineno = 0
    while line := raw.readline(limit):
        lineno += 1
        if len(line) < limit or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while more := raw.readline(1 << 20):
            size += len(more)
            if more.endswith(b"\n"):
                break
        yield lineno, None, size


def _jsonl_text(stream: IO[str], path: Path, max_bytes: int) -> Iterator[Item]:
    """JSON Lines in a wide encoding (UTF-16/32), read as a text stream."""
    lineno, records = 0, 0
    with stream:
        try:
            for lineno, line in enumerate(stream, 1):
                if line.strip() and line.strip() != "\ufeff":
                    records += 1
                    yield _jsonl_line(line, f"{path}:{lineno}", path, max_bytes)
        except UnicodeDecodeError as exc:
            yield InputRejected(f"{path}:{lineno + 1}", f"undecodable ({exc.reason}); "
                                "the rest of the file was skipped; save it as UTF-8")
            return
    if not records:
        yield InputRejected(str(path), "empty file (no records)")


def _jsonl_line(line: str, where: str, path: Path, max_bytes: int) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputRejected(where, f"malformed JSON line: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return InputRejected(where, NESTED_TOO_DEEPLY)
    return _record(record, where, path, max_bytes)


def read_csv(path: Path, max_bytes: int) -> Iterator[Item]:
    """A header row, then one article per row; a ``text`` column is required. Lines
    reach the CSV parser through a bounded reader, so a record too large to be an
    article (one huge line, or many lines in one quoted field) is refused without being
    held whole; reading goes on after it."""
    try:
        stream = _open_text(path)
    except InputRejected as exc:
        yield exc
        return
    limit = _line_limit(max_bytes)
    csv.field_size_limit(limit)
    feed = _CsvFeed(stream, limit)
    with stream:
        fieldnames: Sequence[str] | None = None
        rows = 0
        while True:
            reader = csv.DictReader(feed.lines(), fieldnames=fieldnames)
            try:
                if fieldnames is None:
                    if reader.fieldnames is None or "text" not in reader.fieldnames:
                        yield InputRejected(f"{path}:1",
                                            "CSV header has no 'text' column (required)")
                        return
                    fieldnames = reader.fieldnames
                    feed.next_record()
                for row in reader:
                    rows += 1
                    yield _record(dict(row), f"{path}:{feed.record_line}", path, max_bytes)
                    feed.next_record()
                break
            except _Oversize as big:
                rows += 1
                yield InputRejected(f"{path}:{feed.record_line}", too_large(big.size, limit)
                                    .replace("bytes of text", "characters in one record"))
                feed.next_record()
            except (csv.Error, UnicodeDecodeError) as exc:
                yield InputRejected(f"{path}:{feed.line}", f"unreadable CSV: {exc}; "
                                    "the rest of the file was skipped")
                return
        if not rows:
            yield InputRejected(str(path), "no rows after the CSV header")


class _Oversize(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _CsvFeed:
    """Lines for the CSV parser, read with a bounded read. The characters of the record
    being read are counted; past ``limit`` the rest of the record is skipped in bounded
    chunks (up to a line end outside quotes: a quoted field may span lines) and
    :class:`_Oversize` is raised; the parser is then restarted on the lines after it."""

    def __init__(self, stream: IO[str], limit: int) -> None:
        self.stream, self.limit = stream, limit
        self.line = 0  # lines read so far
        self.record_line = 1  # the line the current record started on
        self.chars = 0  # characters of the current record so far
        self.quoted = False  # inside a quoted field at the end of what was read

    def next_record(self) -> None:
        self.record_line, self.chars, self.quoted = self.line + 1, 0, False

    def _take(self, chunk: str) -> bool:
        """Count a chunk; whether it ends the record (a line end outside quotes)."""
        self.chars += len(chunk)
        self.quoted ^= chunk.count('"') % 2 == 1
        ended = chunk.endswith("\n")
        self.line += ended
        return ended and not self.quoted

    def lines(self) -> Iterator[str]:
        while line := self.stream.readline(self.limit + 1):
            ends_record = self._take(line)
            if self.chars > self.limit:
                while not ends_record and (more := self.stream.readline(1 << 20)):
                    ends_record = self._take(more)
                raise _Oversize(self.chars)
            yield line


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}
