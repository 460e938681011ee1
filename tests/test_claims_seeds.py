"""The five seed articles (../shared/seeds): the claims the issue asks for, read off the
articles by hand. Skipped when the seeds or the geoparser are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimmap.claims import create_extractor
from claimmap.ingest import read_inputs
from claimmap.model import Article, Claim, Place
from claimmap.stages import ClaimsResult

Extracted = dict[str, tuple[Article, ClaimsResult, dict[str, Place]]]


@pytest.fixture(scope="module")
def extracted() -> Extracted:
    from tests.conftest import seeds_dir

    folder = seeds_dir()
    if folder is None:
        pytest.skip("seed articles not found: set CLAIMMAP_SEEDS or place them in ../shared/seeds")
    geoparse = pytest.importorskip("claimmap.geoparse", reason="geoparsing not built yet")
    gazetteer = pytest.importorskip("claimmap.gazetteer", reason="gazetteer not built yet")
    parser = geoparse.create_geoparser(gazetteer.load_fixture())
    extractor = create_extractor()
    out: Extracted = {}
    for item in read_inputs([str(folder)]):
        assert isinstance(item, Article)
        parsed = parser.parse(item)
        places = {p.id: p for p in parsed.places}
        out[item.id[:3]] = (item, extractor.extract(item, parsed.mentions, places), places)
    return out


def claims(extracted: Extracted, key: str, kind: str) -> list[Claim]:
    return [c for c in extracted[key][1].claims if c.type == kind]


def place_name(extracted: Extracted, key: str, claim: Claim) -> str | None:
    places = extracted[key][2]
    return places[claim.place_id].name if claim.place_id in places else None


def test_every_evidence_span_is_the_article_text(extracted: Extracted) -> None:
    assert len(extracted) == 5
    for article, result, _places in extracted.values():
        assert result.claims
        for claim in result.claims:
            assert claim.evidence.text == article.text[claim.evidence.start : claim.evidence.end]


def test_russian_claim_of_the_capture_of_pokrovsk(extracted: Extracted) -> None:
    declared = [
        c
        for c in claims(extracted, "004", "control_change")
        if place_name(extracted, "004", c) == "Pokrovsk" and c.claimant == "Russia"
    ]
    assert declared, "the declaration of control"
    capture = declared[0]
    assert (capture.date.value, capture.date.precision) == ("--12-01", "day_no_year")
    assert capture.claimant_side == "russia"
    assert capture.actor is not None and capture.actor.side == "russia"
    assert capture.acled_sub_event_type == "Non-state actor overtakes territory"
    reported = [c for c in claims(extracted, "003", "control_change")
                if c.date.value == "--12-01" and "Gerasimov" in (c.claimant or "")]  # fmt: skip
    assert reported
    article = extracted["003"][0]
    start = reported[0].mention_start
    assert start is not None and article.text[start:].startswith("Krasnarmeysk")
    assert place_name(extracted, "003", reported[0]) in ("Pokrovsk", None)  # if resolved
    assert "Chief of the General Staff" in (reported[0].claimant or "")


def test_casualty_figure_with_qualifier_and_claimant(extracted: Extracted) -> None:
    (killed,) = claims(extracted, "000", "casualties")
    assert killed.quantity is not None
    assert (killed.quantity.value, killed.quantity.qualifier, killed.quantity.unit) == (
        495, "up to", "killed",
    )  # fmt: skip
    assert killed.claimant == "Russian Ministry of Defense"
    assert killed.claimant_side == "russia"
    assert killed.target is not None and killed.target.side == "ukraine"


def test_ukrainian_counterclaim_of_repelled_attacks(extracted: Extracted) -> None:
    (repelled,) = claims(extracted, "004", "attack_repelled")
    assert repelled.claimant == "Ukraine" and repelled.claimant_side == "ukraine"
    assert repelled.quantity is not None
    assert (repelled.quantity.value, repelled.quantity.qualifier) == (40, "more than")
    (stranded,) = claims(extracted, "004", "encirclement")
    assert stranded.quantity is not None and stranded.quantity.qualifier == "thousands"
    assert "Solodchuk" in (stranded.claimant or "")


def test_statements_with_their_speakers(extracted: Extracted) -> None:
    speakers = {c.speaker for c in claims(extracted, "002", "statement")}
    assert {"Igor Kornoukhov", "Mikhail Khodarenok", "Denis Pushilin", "Maria Petrova",
            "Alex", "Vladimir Putin"} <= speakers  # fmt: skip
    statements = claims(extracted, "003", "statement")
    assert {"Vladimir Putin", "Maria Ivanova"} <= {c.speaker for c in statements}
    unnamed = [c for c in statements if c.anonymous]
    assert {c.claimant_side for c in unnamed} == {"russia", "ukraine"}
    expert = [
        c for c in claims(extracted, "001", "statement") if c.speaker == "Alexander Stepanyan"
    ]
    assert expert and "told TASS" in (expert[0].claimant or "")


def test_claimant_chain_through_a_channel_citing_an_unnamed_source(extracted: Extracted) -> None:
    chains = [c for c in extracted["002"][1].claims if "citing" in (c.claimant or "")]
    assert chains
    assert "Voenkory Russkoy Vesny" in (chains[0].claimant or "")
    assert chains[0].anonymous and chains[0].claimant_side == "russia"


def test_article_flags(extracted: Extracted) -> None:
    personas = [f.detail for key in ("002", "003") for f in extracted[key][1].flags
                if f.kind == "private_individual"]  # fmt: skip
    assert any("name=Maria Petrova; age=52" in d for d in personas)
    assert any("name=Maria Ivanova; age=52; occupation=teacher" in d for d in personas)
    garbled = [f.detail for f in extracted["000"][1].flags if f.kind.startswith("place_")]
    assert any(d.startswith("'Krasnokamensk' -> ") for d in garbled)
    assert any(f.kind == "anonymous_source" for f in extracted["003"][1].flags)


def test_framing_is_kept_apart_from_the_type(extracted: Extracted) -> None:
    liberations = [c for c in claims(extracted, "000", "control_change") if c.framing]
    assert liberations and all(c.type == "control_change" for c in liberations)
    assert any("liberation" in c.framing for c in liberations)


def test_seed_gold_offsets_fit_the_articles(extracted: Extracted) -> None:
    import json

    gold = Path(__file__).parent / "fixtures" / "claims" / "gold_seeds.jsonl"
    texts = {article.id: article.text for article, _r, _p in extracted.values()}
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = texts[record["article_id"]]
        assert 0 <= record["start"] < record["end"] <= len(text)
        assert not text[record["start"]].isspace() and not text[record["end"] - 1].isspace()
