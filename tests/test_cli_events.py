"""``claimmap events`` / ``claimmap event`` and the end-of-run digest, over a store
filled with the hand-built illustrative analysis from conftest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimmap.cli import main
from claimmap.digest import digest_lines
from claimmap.model import Analysis, Mention
from claimmap.store import Store
from test_store import fill


def filled(tmp_path: Path, analysis: Analysis) -> str:
    db = tmp_path / "e.db"
    with Store.open(db) as store:
        fill(store, analysis)
    return str(db)


def test_events_filters_select_and_reject(tmp_path: Path, full_analysis: Analysis) -> None:
    db = filled(tmp_path, full_analysis)
    runner = CliRunner()
    hit = runner.invoke(main, ["events", "--db", db, "--status", "contested", "--json"])
    assert hit.exit_code == 0, hit.output
    assert [e["id"] for e in json.loads(hit.output)["events"]] == ["e1"]
    for args in (["--status", "corroborated"], ["--place", "Kramatorsk"],
                 ["--type", "attack"], ["--side", "other"]):
        miss = runner.invoke(main, ["events", "--db", db, "--json", *args])
        assert miss.exit_code == 0 and json.loads(miss.output)["events"] == [], args
    table = runner.invoke(main, ["events", "--db", db, "--place", "toretsk"])
    assert "e1" in table.output and "contested" in table.output


def test_event_shows_claims_contradictions_and_errors(
    tmp_path: Path, full_analysis: Analysis
) -> None:
    db = filled(tmp_path, full_analysis)
    runner = CliRunner()
    shown = runner.invoke(main, ["event", "e1", "--db", db], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    claim = full_analysis.claims[0]
    assert claim.evidence.text in shown.output
    assert "contradictions" in shown.output and "2025-03-11" in shown.output
    as_json = json.loads(runner.invoke(main, ["event", "e1", "--db", db, "--json"]).output)
    assert as_json["claims"][0]["id"] == claim.id
    missing = runner.invoke(main, ["event", "nope", "--db", db])
    assert missing.exit_code == 1 and "claimmap events" in missing.output


def test_events_on_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no store at" in result.output


def test_digest_counts_and_orders(tmp_path: Path, full_analysis: Analysis) -> None:
    extra = Mention("b2", 0, 4, "Zorg", None, 0.1, "no candidate")
    again = Mention("b2", 5, 9, "Zorg", None, 0.1, "no candidate")
    analysis = Analysis(full_analysis.articles, full_analysis.places,
                        (*full_analysis.mentions, extra, again), full_analysis.claims,
                        full_analysis.events, full_analysis.flags, full_analysis.origins)
    with Store.open(filled(tmp_path, analysis)) as store:
        d = store.digest()
    assert d.events_by_status == (("contested", 1),)
    assert d.top_places == (("Toretsk", 1),)
    assert d.unresolved_names == (("Zorg", 2),)
    assert d.flags_by_kind == (("one_sided", 1),)
    lines = digest_lines(d)
    assert lines[0] == "Events by status: contested 1."
    assert "Zorg 2" in lines[2]
