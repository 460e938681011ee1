"""Hostile input, files: a corpus of bad files generated here (no binary is committed)
and the exact error each one gets; a 100 MB file is refused without being read."""

from __future__ import annotations

import gzip
import io
import json
import random
import tracemalloc
from pathlib import Path

import pytest

from claimmap.errors import InputRejected
from claimmap.ingest import read_inputs
from claimmap.model import Article

HUNDRED_MB = 100 * 1024 * 1024
KNOWN = ".csv, .htm, .html, .json, .jsonl, .txt"


def one(path: Path) -> Article | InputRejected:
    [item] = list(read_inputs([str(path)]))
    return item


def gzipped(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as out:
        out.write(data)
    return buf.getvalue()


BOMB = gzipped(b'{"text": "' + b"a" * 5_000_000 + b'"}\n')  # 5 MB in a few KB
CONTROLS = bytes(random.Random(7).choice(b"\x01\x02\x03\x04\x1b\x7f") for _ in range(500))

BAD = [
    # (file name, content, where suffix, exact reason)
    ("nul.txt", b"Illustrative\x00text", "",
     "binary file (contains NUL bytes); expected text"),
    ("controls.txt", CONTROLS + b"Illustrative", "",
     "binary content (control characters); expected text"),
    ("utf16_without_bom.txt", "Illustrative text".encode("utf-16-le"), "",
     "binary file (contains NUL bytes); expected text"),
    ("zip_renamed.txt", b"PK\x03\x04" + bytes(40), "",
     "binary file (contains NUL bytes); expected text"),
    ("gzip_bomb_renamed.jsonl", BOMB, "", "binary file (contains NUL bytes); expected text"),
    ("archive.zip", b"PK\x05\x06" + bytes(18), "", f"unknown file type '.zip'; expected {KNOWN}"),
    ("bomb.jsonl.gz", BOMB, "", f"unknown file type '.gz'; expected {KNOWN}"),
    ("tag_cut.html", b"<html><head><title>x</title></head><body><div cla", "",
     "no main text found in this HTML page"),
    ("cut.json", b'{"id": "t", "text": "Illustrative', ":1",
     "malformed JSON: Unterminated string starting at"),
    ("cut.jsonl", b'{"id": "t", "text": "Illustrative', ":1",
     "malformed JSON line: Unterminated string starting at (column 21)"),
    ("escaped_controls.jsonl", b'{"text": "Illustrative \\u0000\\u0001"}\n', ":1",
     "binary content (control characters); expected text"),
    ("only_blank.txt", b" \n\t\r\n ", "", "empty file"),
]


@pytest.mark.parametrize(("name", "content", "where", "reason"), BAD,
                         ids=[b[0] for b in BAD])
def test_bad_file_gets_its_exact_error(
    tmp_path: Path, name: str, content: bytes, where: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    item = one(path)
    assert isinstance(item, InputRejected)
    assert item.where == f"{path}{where}"
    assert item.reason == reason


def test_truncated_html_keeps_what_was_there(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Illustrative headline</title></head>'
        "<body><article><p>Illustrative paragraph about a fictional town, long enough for "
        "the extractor to keep it as the main text of the page.</p><p>A second paragraph "
        "cut off in the mid", "utf-8")
    item = one(path)
    assert isinstance(item, Article)
    assert item.text.startswith("Illustrative paragraph") and item.title == "Illustrative headline"


def test_cp1251_without_declaration_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    text = "Ілюстративний текст про вигадане місто, не справжній репортаж. Ще одне речення."
    path.write_bytes(text.encode("cp1251"))
    item = one(path)
    assert isinstance(item, Article) and item.text == text


def test_undecodable_bytes_late_in_a_stream_name_the_line(tmp_path: Path) -> None:
    """Past the 256 KB sample the encoding is fixed: a bad byte rejects its own line,
    named by its number, and every record before and after it is kept."""
    path = tmp_path / "late.jsonl"
    good = "".join(json.dumps({"id": f"g{i}", "text": f"Illustrative record {i} " + "x" * 100})
                   + "\n" for i in range(3000))
    path.write_bytes(good.encode() + b'{"id": "bad", "text": "caf\xe9"}\n'
                     + b'{"id": "after", "text": "Illustrative."}\n')
    items = list(read_inputs([str(path)]))
    kept = [i.id for i in items if isinstance(i, Article)]
    assert kept == [f"g{i}" for i in range(3000)] + ["after"]
    bad = [i for i in items if isinstance(i, InputRejected)]
    assert [b.where for b in bad] == [f"{path}:3001"]
    assert bad[0].reason == ("undecodable as utf-8 (invalid continuation byte); "
                             "save the file as UTF-8")


@pytest.mark.parametrize("suffix", [".txt", ".json", ".html"])
def test_100_mb_file_is_refused_from_its_size(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as out:  # sparse: instant, takes no disk
        out.truncate(HUNDRED_MB)

    def no_reading(self: Path, *args: object, **kw: object) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    item = one(path)
    assert isinstance(item, InputRejected) and item.where == str(path)
    assert item.reason == ("too large: 104,857,600 bytes of text, the limit is 5,242,880 "
                           "(raise it with --max-bytes)")


def test_100_mb_sparse_stream_is_refused_from_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:
        out.truncate(HUNDRED_MB)
    tracemalloc.start()
    try:
        item = one(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(item, InputRejected)
    assert item.reason == "binary file (contains NUL bytes); expected text"
    assert peak < 8 * 1024 * 1024, f"{peak:,} bytes held to refuse it"


def one_line_of(path: Path, size: int) -> None:
    head, tail = (b'{"id": "big", "text": "', b'"}\n') if path.suffix == ".jsonl" else (
        b'id,text\n1,"', b'"\n')
    chunk = b"a" * (1024 * 1024)
    with path.open("wb") as out:
        out.write(head)
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write(tail)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_100_mb_single_record_is_refused_without_holding_it(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"one_line{suffix}"
    one_line_of(path, HUNDRED_MB)
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputRejected)
    assert "too large" in items[0].reason or "field larger" in items[0].reason
    assert peak < 32 * 1024 * 1024, f"{peak:,} bytes held to refuse one record"


@pytest.mark.parametrize("shape", ["one line", "many lines"])
def test_oversize_csv_record_is_refused_by_its_first_line_and_reading_goes_on(
    tmp_path: Path, shape: str
) -> None:
    from claimmap.ingest.readers import read_csv

    body = "x" * 200_000 if shape == "one line" else "\n".join(["y" * 100] * 2_000)
    path = tmp_path / "mixed.csv"
    path.write_text(
        f'id,text\nfirst,"A short first article."\nbig,"{body}"\n'
        'last,"A short last article."\n', encoding="utf-8",
    )  # fmt: skip
    items = list(read_csv(path, max_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["Article", "InputRejected", "Article"]
    first, big, last = items
    assert isinstance(first, Article) and first.text == "A short first article."
    assert isinstance(big, InputRejected) and big.where == f"{path}:3"
    assert big.reason.startswith("too large: ") and "characters in one record" in big.reason
    assert isinstance(last, Article) and last.text == "A short last article."
