"""Geoparsing metrics on tiny hand-made gold, and the ``claimmap eval`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimmap.cli import main
from claimmap.errors import InputRejected
from claimmap.geoparse.evaluate import GoldDoc, GoldToponym, Predicted, read_gold, score

KYIV = GoldToponym(0, 4, "Kyiv", 703448, 50.45, 30.52)
LVIV = GoldToponym(9, 13, "Lviv", 702550, 49.84, 24.02)
STREET = GoldToponym(20, 31, "Main Street")  # no id: counts for recognition only
DOC = GoldDoc("d1", "Kyiv and Lviv, then Main Street.", (KYIV, LVIV, STREET))


def test_scores_by_hand() -> None:
    preds = [
        Predicted(0, 4, "geonames:703448", 50.45, 30.52),  # exact
        Predicted(9, 14, "geonames:1", 49.9, 24.1),  # overlaps Lviv, wrong id, near
        Predicted(15, 19, None),  # false positive, unresolved
    ]
    out = score([DOC], [preds], lambda pid: pid == "geonames:703448", seconds=0.5)
    assert out["n_gold"] == 3
    rec = out["recognition"]
    assert isinstance(rec, dict)
    assert rec["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert rec["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert rec["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert rec["f1_exact"] == pytest.approx(1 / 3, abs=1e-4)  # one exact span of 3 and 3
    res = out["resolution"]
    assert isinstance(res, dict)
    assert res["exact"] == 0.5 and res["acc161"] == 1.0 and res["abstained"] == 0.0
    assert res["in_gazetteer"] == 0.5
    assert res["exact_in_gazetteer"] == 1.0 and res["acc161_in_gazetteer"] == 1.0
    assert 0 < res["median_km"] < 20  # type: ignore[operator]
    assert out["docs_per_sec"] == 2.0


def test_abstention_and_misses_count_against_resolution() -> None:
    preds = [Predicted(0, 4, None)]  # Kyiv found but unresolved, Lviv missed
    out = score([DOC], [preds], lambda pid: True, seconds=1.0)
    res = out["resolution"]
    assert isinstance(res, dict)
    assert res["exact"] == 0.0 and res["abstained"] == 0.5
    assert res["mean_km"] is None


def test_far_prediction_misses_acc161() -> None:
    preds = [Predicted(0, 4, "geonames:2", 40.0, 30.5)]  # ~1160 km south
    res = score([DOC], [preds], lambda pid: True, seconds=1.0)["resolution"]
    assert isinstance(res, dict)
    assert res["acc161"] == 0.0 and res["mean_km"] > 1000  # type: ignore[operator]


def test_read_gold_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc_id": "a", "text": "x", "toponyms": []}\n{"oops": 1}\n')
    with pytest.raises(InputRejected, match=r"g\.jsonl:2"):
        list(read_gold(path))
    assert [d.doc_id for d in read_gold(path, limit=1)] == ["a"]


def _gold_file(tmp_path: Path) -> Path:
    text = "Illustrative text. Officials in Volchansk in Kharkiv Oblast and in Kyiv spoke."
    tops = []
    for name, gid, lat, lon in [
        ("Volchansk", 689304, 50.29, 36.94),
        ("Kharkiv Oblast", 706482, 49.5, 36.5),
        ("Kyiv", 703448, 50.45, 30.52),
    ]:
        start = text.index(name)
        tops.append({"start": start, "end": start + len(name), "name": name,
                     "lat": lat, "lon": lon, "geonameid": gid})  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "t1", "text": text, "toponyms": tops}) + "\n")
    return path


@pytest.mark.parametrize("extra", [[], ["--gold-spans"], ["--baseline", "population"]])
def test_cli_json_has_exactly_the_keys(tmp_path: Path, extra: list[str]) -> None:
    path = _gold_file(tmp_path)
    args = ["eval", "geoparse", str(path), "--fixture", "--json", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"n_gold", "recognition", "resolution", "docs_per_sec"}
    assert set(out["recognition"]) == {"precision", "recall", "f1", "f1_exact"}
    assert set(out["resolution"]) == {
        "exact", "acc161", "abstained", "mean_km", "median_km",
        "in_gazetteer", "exact_in_gazetteer", "acc161_in_gazetteer",
    }  # fmt: skip
    assert out["n_gold"] == 3
    if "--baseline" not in extra:
        assert out["resolution"]["exact"] == 1.0
    if "--gold-spans" in extra:
        assert out["recognition"]["f1_exact"] == 1.0


def test_cli_text_output_and_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "geoparse", str(_gold_file(tmp_path)), "--fixture"])
    assert result.exit_code == 0 and "exact_in_gazetteer" in result.output
    missing = CliRunner().invoke(main, ["eval", "geoparse", str(tmp_path / "no.jsonl")])
    assert missing.exit_code == 1
    assert "cannot read the file" in missing.output


def test_eval_group_lists_geoparse() -> None:
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0 and "geoparse" in result.output


def test_skip_demonyms_sets_aside_gold_demonyms_only(tmp_path: Path) -> None:
    text = "Illustrative text. Ukrainian officials in Kyiv spoke."
    start = text.index("Ukrainian")
    gold = {"doc_id": "t2", "text": text, "toponyms": [
        {"start": start, "end": start + 9, "name": "Ukrainian", "lat": 49.0, "lon": 32.0,
         "geonameid": 690791},
        {"start": text.index("Kyiv"), "end": text.index("Kyiv") + 4, "name": "Kyiv",
         "lat": 50.45, "lon": 30.52, "geonameid": 703448},
    ]}  # fmt: skip
    path = tmp_path / "dem.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    plain = CliRunner().invoke(main, ["eval", "geoparse", str(path), "--fixture", "--json"])
    skipped = CliRunner().invoke(
        main, ["eval", "geoparse", str(path), "--fixture", "--json", "--skip-demonyms"]
    )
    assert plain.exit_code == 0 and skipped.exit_code == 0, skipped.output
    before, after = json.loads(plain.stdout), json.loads(skipped.stdout)
    assert (before["n_gold"], after["n_gold"]) == (2, 1)
    assert before["recognition"]["recall"] == 0.5  # "Ukrainian" is not marked, by design
    assert after["recognition"]["recall"] == 1.0
    assert "set aside 1 gold toponyms that are demonyms" in skipped.stderr
