"""``claimmap bench``: a fast smoke test on a tiny generated corpus (no-op stages), and
the parts it is made of. Speed itself is measured by the benchmark, never asserted."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimmap.bench import corpus as corpora
from claimmap.bench.measure import Clock, Throughput
from claimmap.cli import main
from claimmap.errors import ClaimmapError

N = 6


def feed(folder: Path, n: int = N) -> Path:
    path = folder / "tiny.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"Illustrative record {i}: not real reporting, only words to count."
            out.write(json.dumps({"doc_id": f"d{i}", "text": text}) + "\n")
        out.write("\n")  # a blank line is not a record
    return path


def test_replicas_have_new_ids_and_distinct_texts(tmp_path: Path) -> None:
    path = feed(tmp_path)
    lines = [json.loads(line) for line in corpora.replicas(path, 3)]
    assert len(lines) == 3 * N
    assert len({r["doc_id"] for r in lines}) == 3 * N
    assert len({r["text"] for r in lines}) == 3 * N
    assert lines[0] == json.loads(path.read_text("utf-8").splitlines()[0])  # replica 0
    assert lines[N]["doc_id"] == "d0~r1"
    assert lines[N]["text"].endswith("\n\n[bench replica 1]")


def test_write_scaled_streams_to_a_file(tmp_path: Path) -> None:
    path = feed(tmp_path)
    assert corpora.write_scaled(path, 1, tmp_path / "x.jsonl") == path
    out = corpora.write_scaled(path, 4, tmp_path / "x4.jsonl")
    size = corpora.measure(out)
    assert size.records == 4 * N
    assert size.words == 4 * corpora.measure(path).words + 3 * N * 3  # "[bench replica N]"
    assert not (tmp_path / "x4.jsonl.part").exists()


def test_measure_counts_each_distinct_text_once(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    same = "Illustrative text, five words."
    path.write_text("\n".join(json.dumps(r) for r in (
        {"id": "a", "text": same}, {"id": "b", "text": same + "  "}, {"id": "c", "text": ""},
        {"id": "d", "text": "Two words."}, [1, 2])) + "\nnot json\n", "utf-8")
    size = corpora.measure(path)
    assert (size.records, size.unique, size.words) == (4, 2, 6)


def test_default_corpus_is_found_or_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpora, "repo_root", lambda: tmp_path / "nowhere" / "repo")
    with pytest.raises(ClaimmapError, match=r"no benchmark corpus found.*claimmap bench FILE"):
        corpora.default_corpus(tmp_path / "cwd")
    target = tmp_path / "shared" / "data" / "uawar_news.jsonl"
    target.parent.mkdir(parents=True)
    target.write_text("{}\n", "utf-8")
    (tmp_path / "cwd").mkdir()
    assert corpora.default_corpus(tmp_path / "cwd") == target


def test_throughput_figures() -> None:
    figure = Throughput(articles=10, words=1000)
    figure.add(Clock(wall=2.0, cpu=1.0))
    figure.add(Clock(wall=4.0, cpu=1.0))
    figure.add(Clock(wall=3.0, cpu=1.0))
    out = figure.as_dict()
    assert out["articles_per_s"] == round(10 / 3.0, 1)  # the median run
    assert out["words_per_cpu_s"] == 1000.0
    assert out["ms_per_article"] == 300.0
    assert Throughput(0, 0).as_dict()["articles_per_s"] is None


@pytest.mark.usefixtures("noop_stages")
def test_bench_command_json(tmp_path: Path) -> None:
    path = feed(tmp_path)
    args = ["bench", str(path), "--stages", "--scale", "2", "--repeat", "2", "--no-pin",
            "--no-startup", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["corpus"]["records"] == 2 * N and data["corpus"]["scale"] == 2
    assert data["corpus"]["distinct_texts"] == 2 * N
    assert data["end_to_end"]["articles"] == 2 * N
    assert len(data["end_to_end"]["wall_s"]) == 2
    assert data["end_to_end_run"]["rejected"] == 0
    assert set(data["stages"]) >= {"ingest", "geoparse", "claims", "store_writes",
                                   "consolidate"}
    assert all(s["articles"] == 2 * N for s in data["stages"].values())
    assert 0 < data["peak_rss_mb_ingest"] <= data["peak_rss_mb"] and data["pinned_core"] is None
    assert data["machine"]["nproc"] >= 1 and "startup" not in data
    interpreter = data["machine"]["interpreter"]
    assert interpreter["executable"] == sys.executable
    assert interpreter["version"] == data["machine"]["python"]
    assert interpreter["libpython"] in ("shared", "static", None)
    import claimmap.geoparse.recognise as recognise  # compiled: an extension module's file
    assert interpreter["geoparser_compiled"] is (not recognise.__file__.endswith(".py"))


@pytest.mark.usefixtures("noop_stages")
def test_bench_command_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", str(feed(tmp_path)), "--no-pin",
                                       "--no-startup"])
    assert result.exit_code == 0, result.output
    assert "end to end: " in result.output and f"({N} articles," in result.output
    assert "peak memory (RSS)" in result.output
    python = f"python {platform.python_implementation()} {platform.python_version()} "
    assert f"{python}({sys.executable}; libpython " in result.output
    assert "; geoparser compiled with mypyc" in result.output or (
        "; geoparser pure Python (`pip install .` compiles it)" in result.output)


def test_bench_missing_file_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", str(tmp_path / "none.jsonl"), "--no-pin"])
    assert result.exit_code == 1
    assert "no such corpus file" in result.output


def test_startup_is_timed_in_a_new_process() -> None:
    from claimmap.bench.startup import time_command

    out = time_command(["--version"], runs=2)
    assert out["command"] == "claimmap --version"
    assert len(out["runs_s"]) == 2 and out["warm_s"] == out["runs_s"][1]  # type: ignore[index]


def test_failing_command_is_reported() -> None:
    from claimmap.bench.startup import time_command

    with pytest.raises(RuntimeError, match="failed"):
        time_command(["no-such-command"], runs=2)


def test_spacy_missing_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimmap.bench import reference

    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ClaimmapError, match=r"pip install 'claimmap\[bench\]'"):
        reference.load_ner()
