"""Gold claims: reading the file, scoring arithmetic, and ``claimmap eval claims``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimmap.claims.gold import GoldClaim, Predicted, load_gold, score
from claimmap.errors import ClaimmapError
from claimmap.model import Claim, DateValue, Party, Quantity, Span

FIXTURES = Path(__file__).parent / "fixtures" / "claims"


def claim(start: int, end: int, kind: str, **fields: object) -> Claim:
    evidence = Span("a", start, end, "x" * (end - start))
    return Claim(f"{kind}{start}", "a", kind, None, None, evidence, **fields)  # type: ignore[arg-type]


def gold(start: int, end: int, kind: str, **fields: object) -> GoldClaim:
    return GoldClaim("a", start, end, kind, fields, 1)


def test_load_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"article_id": "a", "start": 0, "end": 5, "type": "x"}\n{"start": 1}\n')
    with pytest.raises(ClaimmapError, match=r"gold.jsonl:2: a gold claim needs"):
        load_gold(path)
    path.write_text("not json\n")
    with pytest.raises(ClaimmapError, match=r"gold.jsonl:1: not JSON"):
        load_gold(path)


def test_score_matches_by_type_and_overlap_and_counts_fields() -> None:
    predictions = {
        "a": [
            Predicted(claim(0, 50, "control_change", date=DateValue("--12-01", "day_no_year"),
                            claimant="Russian Ministry of Defense", claimant_side="russia",
                            actor=Party("russia")), ("Pokrovsk",)),
            Predicted(claim(60, 90, "casualties", quantity=Quantity(495, "up to", "killed")), ()),
            Predicted(claim(100, 120, "statement", speaker="Ivan Petrov"), ()),
        ]
    }  # fmt: skip
    report = score(
        [
            gold(5, 40, "control_change", place="Pokrovsk", date="--12-01",
                 claimant="Ministry of Defense", claimant_side="russia", actor_side="russia"),
            gold(60, 90, "casualties", quantity={"value": 495, "qualifier": "more than"}),
            gold(200, 220, "attack_repelled", claimant="Ukraine"),
        ],
        predictions,
    ).as_dict()  # fmt: skip
    assert (report["matched"], report["gold_claims"], report["predicted_claims"]) == (2, 3, 3)
    assert report["claim_precision"] == round(2 / 3, 3)
    fields = report["fields"]
    assert fields["place"]["precision"] == 1.0 and fields["date"]["recall"] == 1.0
    assert fields["quantity"]["precision"] == 0.0  # wrong qualifier
    assert fields["claimant"]["correct"] == 1 and fields["claimant"]["gold"] == 2
    assert fields["claimant"]["recall"] == 0.5  # the unmatched counterclaim is a miss
    assert fields["actor_side"]["precision"] == 1.0


def test_cli_scores_the_fixture_gold() -> None:
    pytest.importorskip("claimmap.geoparse", reason="geoparsing not built yet")
    from claimmap.cli.eval_claims import eval_claims

    result = CliRunner().invoke(
        eval_claims, [str(FIXTURES / "gold_fixtures.jsonl"), "--gazetteer", "fixture", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 3 and report["skipped_articles"] == []
    assert report["claim_recall"] >= 0.85 and report["claim_precision"] >= 0.85
    assert report["fields"]["quantity"]["precision"] >= 0.8


def test_cli_says_where_to_find_missing_articles(tmp_path: Path) -> None:
    pytest.importorskip("claimmap.geoparse", reason="geoparsing not built yet")
    from claimmap.cli.eval_claims import eval_claims

    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"article_id": "nowhere", "start": 0, "end": 5, "type": "x"}\n')
    (tmp_path / "other.txt").write_text("An unrelated illustrative text about nothing.")
    result = CliRunner().invoke(eval_claims, [str(gold_file), "--gazetteer", "fixture"])
    assert result.exit_code != 0
    assert "--articles" in str(result.exception) or "--articles" in result.output
