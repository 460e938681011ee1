"""Ingest: each bad input is rejected with where + an actionable reason, and the rest
of the input is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimmap.errors import InputRejected
from claimmap.ingest import read_inputs
from claimmap.model import Article

BAD = Path(__file__).resolve().parent / "fixtures" / "ingest"


def rejected(*paths: Path | str, **kw: int) -> list[InputRejected]:
    return [i for i in read_inputs([str(p) for p in paths], **kw) if isinstance(i, InputRejected)]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("whitespace_only.txt", "empty"),
        ("binary.txt", "binary"),
        ("undecodable.txt", "undecodable"),
        ("no_text.json", "no 'text'"),
    ],
)
def test_bad_file_is_rejected_with_reason(name: str, reason: str) -> None:
    [bad] = rejected(BAD / name)
    assert bad.where == str(BAD / name)
    assert reason in bad.reason


def test_malformed_jsonl_names_each_bad_line_and_keeps_the_good() -> None:
    path = BAD / "malformed.jsonl"
    items = list(read_inputs([str(path)]))
    good = [i.id for i in items if isinstance(i, Article)]
    bad = {i.where: i.reason for i in items if isinstance(i, InputRejected)}
    assert good == ["ok-1", "ok-2"]
    assert set(bad) == {f"{path}:2", f"{path}:4", f"{path}:6", f"{path}:7"}
    assert "malformed JSON" in bad[f"{path}:2"]
    assert "no 'text'" in bad[f"{path}:4"]
    assert "JSON object" in bad[f"{path}:6"]
    assert "not a date" in bad[f"{path}:7"]


def test_oversize_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 400, "utf-8")
    [bad] = rejected(path, max_bytes=1000)
    assert "too large" in bad.reason and "--max-bytes" in bad.reason
    assert len(rejected(path, max_bytes=5000)) == 0


def test_oversize_record_is_rejected_by_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "s", "text": "small"}) + "\n"
                    + json.dumps({"id": "b", "text": "x" * 2000}) + "\n", "utf-8")
    [bad] = rejected(path, max_bytes=1000)
    assert bad.where == f"{path}:2" and "too large" in bad.reason


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,title\n1,x\n", "utf-8")
    [bad] = rejected(path)
    assert bad.where == f"{path}:1" and "'text' column" in bad.reason


def test_csv_empty_text_cell_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,text\n1,Illustrative.\n2,\n", "utf-8")
    [bad] = rejected(path)
    assert bad.where == f"{path}:3" and "empty" in bad.reason


def test_named_file_with_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    [bad] = rejected(path)
    assert "unknown file type '.docx'" in bad.reason


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    bad = rejected(tmp_path / "nope.txt", str(tmp_path / "*.jsonl"))
    assert [b.reason for b in bad] == ["no such file or folder", "the pattern matches no file"]


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": "x",\n  oops}', "utf-8")
    [bad] = rejected(path)
    assert bad.where == f"{path}:2" and "malformed JSON" in bad.reason


def test_wrong_field_type(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x", "title": ["a", "list"]}) + "\n", "utf-8")
    [bad] = rejected(path)
    assert "'title' must be a string" in bad.reason


def test_bad_folder_contents_do_not_stop_the_good(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text("Illustrative good article.", "utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["InputRejected", "Article"]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("blank.jsonl", b"\xef\xbb\xbf\n\n", "no records"),
    ("header_only.csv", b"id,text\n", "no rows"),
    ("bom_space.txt", b"\xef\xbb\xbf  \n", "empty"),
])
def test_files_without_articles(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [bad] = rejected(path)
    assert bad.where == str(path) and reason in bad.reason
