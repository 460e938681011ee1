"""Ingest: every format and encoding, ids, titles, dates, path expansion."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.errors import InputRejected
from claimmap.ingest import read_inputs, readers
from claimmap.ingest.records import headline, parse_published
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


CYRILLIC = "Бої за Покровськ тривають. Ілюстративний текст, не справжній репортаж.\nДругий рядок."
RUSSIAN = "Бои за Покровск продолжаются. Иллюстративный текст, не репортаж.\nВторая строка."


def articles(*paths: Path | str, **kw: int) -> list[Article]:
    items = list(read_inputs([str(p) for p in paths], **kw))
    bad = [i for i in items if isinstance(i, InputRejected)]
    assert not bad, bad
    return [i for i in items if isinstance(i, Article)]


def test_txt_id_is_stem_and_headline_becomes_title(tmp_path: Path) -> None:
    path = tmp_path / "042_story.txt"
    path.write_text("Town Falls After Long Siege\nThe town fell, officials said.\n", "utf-8")
    [art] = articles(path)
    assert art.id == "042_story"
    assert art.title == "Town Falls After Long Siege"
    assert art.text.startswith("Town Falls")  # the title stays in the text: offsets hold
    assert art.published is None
    assert art.content_hash == content_hash(art.text)


def test_txt_sentence_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The town fell on Monday, officials said.\nMore text.\n", "utf-8")
    assert articles(path)[0].title is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Will the Town Hold?\nbody", "Will the Town Hold?"),
        ("Officials say 'strategic success'\nbody", "Officials say 'strategic success'"),
        ("A full sentence ends with a stop.\nbody", None),
        ("One line only", None),
        ("Two words\nbody", None),
    ],
)
def test_headline_rules(line: str, expected: str | None) -> None:
    assert headline(line) == expected


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8", CYRILLIC), ("utf-8-sig", CYRILLIC), ("cp1251", CYRILLIC), ("koi8-r", RUSSIAN),
     ("utf-16", CYRILLIC)],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding))
    [art] = articles(path)
    assert art.text == text
    assert "\ufeff" not in art.text


def test_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"first line here.\r\nsecond\rthird\r\n")
    [art] = articles(path)
    assert art.text == "first line here.\nsecond\nthird"


def test_jsonl_records_ids_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "r1", "text": "Illustrative one.", "title": "T", "source": "S", "url": "u",
         "published": "2025-03-01", "language": "en"},
        {"doc_id": 7, "text": "Illustrative two.", "published": "2025-03-02T10:00:00Z"},
        {"text": "Illustrative three, no id."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    one, two, three = articles(path)
    assert (one.id, one.title, one.source, one.url, one.published, one.language) == (
        "r1", "T", "S", "u", "2025-03-01", "en")
    assert (two.id, two.published) == ("7", "2025-03-02T10:00:00Z")
    assert three.id == "sha256-" + content_hash("Illustrative three, no id.")[:16]


def test_jsonl_in_cp1251_streams(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    line = json.dumps({"id": "c", "text": CYRILLIC}, ensure_ascii=False)
    path.write_bytes((line + "\r\n").encode("cp1251"))
    assert articles(path)[0].text == CYRILLIC


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"text": "Illustrative single."}), "utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": "x a"}, {"id": "b", "text": "x b"}]), "utf-8")
    assert [a.id for a in articles(single, many)] == ["single", "a", "b"]


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('id,title,text,published\nc1,Hi,"Line one.\nLine two.",2025-03-04\n'
                    "c2,,Second row.,\n", "utf-8")
    one, two = articles(path)
    assert (one.id, one.title, one.text, one.published) == ("c1", "Hi", "Line one.\nLine two.",
                                                            "2025-03-04")
    assert (two.id, two.title, two.published) == ("c2", None, None)


def test_html_text_and_metadata() -> None:
    [art] = articles(EXAMPLES / "02_general_staff_denial.html")
    assert art.id == "02_general_staff_denial"
    assert art.title and "Toretsk" in art.title
    assert art.published == "2025-03-12"
    assert art.author == "Olena Example"
    assert art.source == "Example Frontline Daily"
    assert art.language == "en"
    assert "Home" not in art.text  # navigation is not main text
    assert "repelled 14" in art.text


def test_html_without_date_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "nodate.html"
    body = "<p>" + "Illustrative paragraph about the front line, not real reporting. " * 5
    path.write_text(f"<html><head><title>No date</title></head><body><article>{body}</p>"
                    "</article></body></html>", "utf-8")
    [art] = articles(path)
    assert art.published is None


def test_published_rules() -> None:
    assert parse_published("2025-03-01", "w") == "2025-03-01"
    assert parse_published("Tue, 11 Mar 2025 10:00:00 +0000", "w").startswith("2025-03-11T10")
    with pytest.raises(InputRejected, match="not a date"):
        parse_published("last Tuesday", "w")


def test_folder_recursive_skips_unknown_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("Illustrative b.", "utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Illustrative a.", "utf-8")
    (tmp_path / "sub" / "notes.md").write_text("skip me", "utf-8")
    (tmp_path / "sub" / ".hidden" / "c.txt").write_text("hidden", "utf-8")
    assert [a.id for a in articles(tmp_path)] == ["b", "a"]


def test_globs_and_each_file_once(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Illustrative {name}.", "utf-8")
    found = articles(str(tmp_path / "x*.txt"), tmp_path / "x1.txt")
    assert [a.id for a in found] == ["x1", "x2"]


def test_examples_cover_every_format() -> None:
    found = articles(EXAMPLES)
    suffixes = {Path(a.path or "").suffix for a in found}
    assert suffixes == {".txt", ".html", ".jsonl", ".csv"}
    assert any(a.id.endswith("cp1251") and "Торецьк" in a.text for a in found)
    assert all("llustrati" in a.text or "Ілюстративний" in a.text for a in found)


def test_streaming_reads_one_record_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": f"t {i}"}) + "\n"
                            for i in range(1000)), "utf-8")
    parsed: list[str] = []
    real_loads = json.loads

    def counting(line: str) -> object:
        parsed.append(line)
        return real_loads(line)

    monkeypatch.setattr(readers.json, "loads", counting)
    stream = read_inputs([str(path)])
    first = next(stream)
    assert isinstance(first, Article) and first.id == "0"
    assert len(parsed) == 1
    stream.close()


_TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ.,'’\n\r\tПокровськ-é\u0301\ufeff")),
                min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_normalise_is_idempotent(raw: str) -> None:
    text = normalise(raw)
    assert normalise(text) == text
    assert "\r" not in text and "\ufeff" not in text


@settings(max_examples=40, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_file_reads_back_normalised(raw: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.txt"
        path.write_bytes(raw.encode(encoding))
        items = list(read_inputs([str(path)]))
    if not raw.replace("\ufeff", "").strip():
        assert isinstance(items[0], InputRejected) and "empty" in items[0].reason
    else:
        [art] = items
        assert isinstance(art, Article) and art.text == normalise(raw)
