"""The analysis JSON contract: shape, order, and validation against the shipped JSON
Schema (draft 2020-12), for hand-built and real output."""

from __future__ import annotations

import dataclasses
import json
import random
import typing
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from claimmap import model
from claimmap.analysis import ARTICLE_FIELDS, analysis_to_json, dumps, from_data, json_schema
from claimmap.model import Analysis
from claimmap.pipeline import ClaimMap

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
TOP = ["schema", "articles", "places", "mentions", "claims", "events", "flags"]
DEFS = {"place": model.Place, "mention": model.Mention, "candidate": model.Candidate,
        "span": model.Span, "date": model.DateValue, "quantity": model.Quantity,
        "party": model.Party, "claim": model.Claim, "flag": model.Flag,
        "contradictionValue": model.ContradictionValue,
        "contradiction": model.Contradiction, "event": model.Event}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_empty_analysis_has_every_list(validator: Draft202012Validator) -> None:
    data = analysis_to_json(Analysis())
    assert list(data) == TOP
    assert data["schema"] == "claimmap.analysis/1"
    assert all(data[key] == [] for key in TOP[1:])
    validator.validate(data)


def test_full_analysis_validates(validator: Draft202012Validator,
                                 full_analysis: Analysis) -> None:
    data = json.loads(dumps(full_analysis))
    validator.validate(data)
    assert all(len(data[key]) >= 1 for key in TOP[1:])
    assert list(data["articles"][0]) == list(ARTICLE_FIELDS)
    assert data["articles"][0]["chars"] == len(full_analysis.articles[0].text)
    assert data["articles"][0]["origin_id"] == "a1"
    assert data["claims"][0]["quantity"] == {"value": 120.0, "qualifier": "up to",
                                             "unit": "killed"}
    assert data["mentions"][0]["candidates"][1] == {"place_id": "geonames:2", "score": 0.1}


def test_nested_objects_round_trip(full_analysis: Analysis) -> None:
    data = analysis_to_json(full_analysis)
    assert from_data(model.Claim, data["claims"][0]) == full_analysis.claims[0]
    assert from_data(model.Event, data["events"][0]) == full_analysis.events[0]
    assert from_data(model.Mention, data["mentions"][0]) == full_analysis.mentions[0]


@pytest.mark.parametrize(("path", "value"), [
    (("claims", 0, "modality"), "rumoured"),
    (("events", 0, "status"), "maybe"),
    (("mentions", 0, "confidence"), 1.5),
    (("places", 0, "kind"), "planet"),
    (("claims", 0, "date", "value"), "11 March"),
])
def test_schema_rejects_bad_values(validator: Draft202012Validator, full_analysis: Analysis,
                                   path: tuple[str | int, ...], value: object) -> None:
    data = analysis_to_json(full_analysis)
    node: typing.Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert not validator.is_valid(data)


def test_missing_list_is_invalid(validator: Draft202012Validator) -> None:
    data = analysis_to_json(Analysis())
    del data["events"]
    assert not validator.is_valid(data)


def test_schema_lists_every_model_field() -> None:
    defs = json_schema()["$defs"]
    for name, cls in DEFS.items():
        fields = [f.name for f in dataclasses.fields(cls)]
        assert sorted(defs[name]["properties"]) == sorted(fields), name
        assert sorted(defs[name]["required"]) == sorted(fields), name
    assert sorted(defs["article"]["properties"]) == sorted(ARTICLE_FIELDS)


@pytest.mark.parametrize(("def_path", "literal"), [
    (("side", "enum"), model.Side),
    (("place", "properties", "kind", "enum"), model.PlaceKind),
    (("date", "properties", "precision", "enum"), model.DatePrecision),
    (("claim", "properties", "modality", "enum"), model.Modality),
    (("event", "properties", "status", "enum"), model.EventStatus),
])
def test_schema_enums_match_the_model(def_path: tuple[str, ...], literal: object) -> None:
    node: typing.Any = json_schema()["$defs"]
    for key in def_path:
        node = node[key]
    assert sorted(node) == sorted(typing.get_args(literal))


def test_order_is_deterministic(full_analysis: Analysis) -> None:
    rng = random.Random(7)
    shuffled = Analysis(*(tuple(rng.sample(list(v), len(v))) if isinstance(v, tuple) else v
                          for v in (getattr(full_analysis, f.name)
                                    for f in dataclasses.fields(Analysis))))
    assert dumps(shuffled) == dumps(full_analysis)


def test_real_output_validates(validator: Draft202012Validator, tmp_path: Path,
                               noop_stages: None) -> None:
    cm = ClaimMap(tmp_path / "real.db")
    cm.analyze([str(EXAMPLES)])
    data = json.loads(dumps(cm.analysis()))
    cm.close()
    validator.validate(data)
    assert len(data["articles"]) == 8
    assert [a["id"] for a in data["articles"]] == sorted(a["id"] for a in data["articles"])
