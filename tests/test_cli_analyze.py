"""``claimmap analyze``, ``articles``, ``show``: in-process with click's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from claimmap import __version__, pipeline
from claimmap.analysis import json_schema
from claimmap.cli import analyze as analyze_module
from claimmap.cli import main
from claimmap.model import Article, Mention, Place
from claimmap.stages import GeoparseResult

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
BAD = Path(__file__).resolve().parent / "fixtures" / "ingest"


@pytest.fixture
def run(noop_stages: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("CLAIMMAP_DB", str(tmp_path / "env.db"))
    return CliRunner()


def test_analyze_examples_writes_json_and_summary(run: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "analysis.json"
    db = tmp_path / "x.db"
    result = run.invoke(main, ["analyze", str(EXAMPLES), "--db", str(db), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "Read 8 articles, skipped 0 duplicates, rejected 0 inputs" in result.stdout
    assert "8 articles; mentions 0" in result.stdout
    data = json.loads(out.read_text("utf-8"))
    Draft202012Validator(json_schema()).validate(data)
    again = run.invoke(main, ["analyze", str(EXAMPLES), "--db", str(db)])
    assert again.exit_code == 0
    assert "Read 0 articles, skipped 8 duplicates" in again.stdout


def test_json_to_stdout_keeps_stdout_pure(run: CliRunner, tmp_path: Path) -> None:
    result = run.invoke(main, ["analyze", str(EXAMPLES / "03_wire.jsonl"), "--json", "-"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["articles"]) == 3
    assert "Read 3 articles" in result.stderr
    assert (tmp_path / "env.db").exists()  # $CLAIMMAP_DB was used


def test_rejected_inputs_are_named_and_exit_1(run: CliRunner) -> None:
    result = run.invoke(main, ["analyze", str(BAD), str(EXAMPLES / "01_toretsk_capture_claim.txt")])
    assert result.exit_code == 1
    assert f"rejected: {BAD / 'malformed.jsonl'}:2: malformed JSON" in result.stderr
    assert f"rejected: {BAD / 'empty.txt'}: empty file" in result.stderr
    assert "Read 3 articles" in result.stdout  # ok-1, ok-2 and the example


def test_usage_errors_exit_2(run: CliRunner) -> None:
    assert run.invoke(main, ["analyze"]).exit_code == 2
    assert run.invoke(main, ["analyze", str(EXAMPLES), "--max-bytes", "0"]).exit_code == 2


def test_html_unavailable_is_explained(run: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    monkeypatch.setattr(analyze_module, "html_writer", lambda: None)
    result = run.invoke(main, ["analyze", str(EXAMPLES), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "HTML report is not available in this version" in result.stderr


def test_html_writer_is_called(run: CliRunner, monkeypatch: pytest.MonkeyPatch,
                               tmp_path: Path) -> None:
    calls: list[tuple[object, Path]] = []
    monkeypatch.setattr(analyze_module, "html_writer",
                        lambda: lambda analysis, path: calls.append((analysis, path)))
    result = run.invoke(main, ["analyze", str(EXAMPLES), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    [(analysis, path)] = calls
    assert path == tmp_path / "r.html" and len(analysis.articles) == 8  # type: ignore[attr-defined]


def test_articles_lists_ids(run: CliRunner, tmp_path: Path) -> None:
    missing = run.invoke(main, ["articles"])
    assert missing.exit_code == 1 and "no store at" in missing.stderr
    assert not (tmp_path / "env.db").exists()
    run.invoke(main, ["analyze", str(tmp_path / "nothing-here.txt")])
    empty = run.invoke(main, ["articles"])
    assert empty.exit_code == 0 and "No articles" in empty.stdout
    run.invoke(main, ["analyze", str(EXAMPLES)])
    result = run.invoke(main, ["articles"])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[0] == "id"
    assert {line.split("\t")[0] for line in lines[1:]} >= {"wire-0311-a", "roundup-0315"}


def test_articles_search(run: CliRunner) -> None:
    run.invoke(main, ["analyze", str(EXAMPLES)])
    found = run.invoke(main, ["articles", "--search", "Dzerzhinsk"])
    assert found.exit_code == 0
    ids = {line.split("\t")[0] for line in found.stdout.splitlines()}
    assert ids == {"01_toretsk_capture_claim", "wire-0313-b", "roundup-0314"}
    assert "[Dzerzhinsk]" in found.stdout
    bad = run.invoke(main, ["articles", "--search", '"unclosed'])
    assert bad.exit_code == 1 and "cannot search" in bad.stderr


def test_max_bytes_rejects_large_inputs(run: CliRunner) -> None:
    result = run.invoke(main, ["analyze", str(EXAMPLES), "--max-bytes", "600"])
    assert result.exit_code == 1
    assert "02_general_staff_denial.html: too large" in result.stderr


class Toretsk:
    def parse(self, article: Article) -> GeoparseResult:
        place = Place("geonames:1", "Toretsk", "populated_place", 48.4, 37.8)
        out = []
        for word, pid in (("Toretsk", place.id), ("Kostiantynivka", None)):
            at = article.text.find(word)
            if at >= 0:
                out.append(Mention(article.id, at, at + len(word), word, pid, 0.8, "fake"))
        return GeoparseResult(tuple(out), (place,))


def test_show_prints_text_and_mentions(run: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.create_stage
    monkeypatch.setattr(pipeline, "create_stage",
                        lambda name: Toretsk() if name == "geoparse" else real(name))
    run.invoke(main, ["analyze", str(EXAMPLES / "01_toretsk_capture_claim.txt")])
    result = run.invoke(main, ["show", "01_toretsk_capture_claim"])
    assert result.exit_code == 0, result.output
    assert "Dzerzhinsk" in result.stdout
    assert "Toretsk -> Toretsk (geonames:1)" in result.stdout
    assert "Kostiantynivka -> unresolved" in result.stdout


def test_show_unknown_id(run: CliRunner) -> None:
    run.invoke(main, ["analyze", str(EXAMPLES / "03_wire.jsonl")])
    result = run.invoke(main, ["show", "no-such-article"])
    assert result.exit_code == 1
    assert "no article 'no-such-article'" in result.stderr and "claimmap articles" in result.stderr


@pytest.mark.parametrize("command", ["analyze", "articles", "show"])
def test_help_has_examples(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Examples:" in result.stdout


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "claimmap", "--version"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0 and __version__ in done.stdout


def test_seeds_store_five_articles_with_stem_ids(run: CliRunner, seeds: Path,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run.invoke(main, ["analyze", str(seeds), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    Draft202012Validator(json_schema()).validate(data)
    assert [a["id"] for a in data["articles"]] == sorted(p.stem for p in seeds.glob("*.txt"))
    assert all(a["published"] is None for a in data["articles"])
    assert "skipped 5 duplicates" in run.invoke(main, ["analyze", str(seeds)]).stdout
