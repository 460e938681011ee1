"""Resolution on the fixture gazetteer, with short illustrative texts written for
these tests (they are not real reporting)."""

from __future__ import annotations

import pytest

from claimmap.gazetteer import load_fixture
from claimmap.gazetteer.base import Gazetteer
from claimmap.geoparse import create_geoparser
from claimmap.geoparse.pipeline import GazetteerGeoparser
from claimmap.model import Article, Mention
from claimmap.stages import Geoparser

POKROVSK_UA = "geonames:704422"
MYRNOHRAD = "geonames:710035"
DIMITROV_AM = "geonames:866135"
VOVCHANSK = "geonames:689304"
VOLCHANSK_RU = "geonames:1486984"
KRAMATORSK = "geonames:704508"
SLOVYANSK = "geonames:693468"
KHARKIV = "geonames:706483"
DONETSK_OBLAST = "geonames:709716"
HULYAYPOLE_ZP = "geonames:707898"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_fixture()


@pytest.fixture()
def parser(gazetteer: Gazetteer) -> GazetteerGeoparser:
    return create_geoparser(gazetteer)


def parse(parser: GazetteerGeoparser, text: str) -> list[Mention]:
    result = parser.parse(Article(id="t", text=text, content_hash="h"))
    place_ids = {p.id for p in result.places}
    for m in result.mentions:  # the stage contract, checked on every test text
        assert text[m.start : m.end] == m.text
        assert m.place_id is None or m.place_id in place_ids
        assert all(c.place_id in place_ids for c in m.candidates)
    return list(result.mentions)


def by_text(mentions: list[Mention], text: str) -> list[Mention]:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found


def test_satisfies_the_stage_protocol(parser: GazetteerGeoparser) -> None:
    stage: Geoparser = parser
    assert stage.parse(Article(id="e", text="", content_hash="h")).mentions == ()


def test_stated_alias_rescues_a_garbled_name(parser: GazetteerGeoparser) -> None:
    text = (
        "Illustrative text. Troops entered Krasnokamensk, known in Ukrainian as Pokrovsk, "
        "in the Donetsk People's Republic. Later reports from Krasnokamensk were scarce."
    )
    mentions = parse(parser, text)
    for m in by_text(mentions, "Krasnokamensk"):
        assert m.place_id == POKROVSK_UA
        assert "alias" in m.reason
    assert by_text(mentions, "Pokrovsk")[0].place_id == POKROVSK_UA


def test_without_the_alias_the_garbled_name_stays_in_russia(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. Krasnokamensk is a mining town in Russia.")
    place = by_text(mentions, "Krasnokamensk")[0].place_id
    assert place != POKROVSK_UA


def test_parenthesised_alias(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. Fighting near Pokrovsk (Krasnoarmeysk) went on.")
    assert {m.place_id for m in mentions} == {POKROVSK_UA}
    assert all("alias" in m.reason for m in mentions)


def test_admin_context_picks_vovchansk(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. Officials reported Volchansk in Kharkiv Oblast.")
    m = by_text(mentions, "Volchansk")[0]
    assert m.place_id == VOVCHANSK
    assert "admin" in m.reason
    assert VOLCHANSK_RU in {c.place_id for c in m.candidates}


def test_dpr_context_pulls_dimitrov_to_myrnohrad(parser: GazetteerGeoparser) -> None:
    text = (
        "Illustrative text. Units advanced in the Donetsk People's Republic. The southern "
        "part of Dimitrov was reported taken, and Donetsk saw shelling."
    )
    mentions = parse(parser, text)
    assert by_text(mentions, "Donetsk People's Republic")[0].place_id == DONETSK_OBLAST
    assert by_text(mentions, "Dimitrov")[0].place_id == MYRNOHRAD


def test_armenian_context_keeps_dimitrov_in_armenia(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text. Farmers near Dimitrov in Armenia sell fruit in Yerevan."
    assert by_text(parse(parser, text), "Dimitrov")[0].place_id == DIMITROV_AM


def test_distance_statement_rejects_far_candidates(parser: GazetteerGeoparser) -> None:
    # Malynivka in Zaporizhzhia Oblast lies about 104 km from Zaporizhzhya; the more
    # populous Malynivka in Kharkiv Oblast lies about 248 km away.
    text = "Illustrative text. Malynivka, a village 100 kilometres from Zaporizhzhya, was hit."
    m = by_text(parse(parser, text), "Malynivka")[0]
    assert m.place_id == "geonames:702103"
    assert "distance" in m.reason


def test_no_candidate_fits_the_distance_abstains(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text. Malynivka, some 16 kilometers from Kramatorsk, came under fire."
    m = by_text(parse(parser, text), "Malynivka")[0]
    assert m.place_id is None
    assert "distance" in m.reason
    assert len(m.candidates) >= 2


def test_weak_evidence_abstains_with_candidates(parser: GazetteerGeoparser) -> None:
    m = by_text(parse(parser, "Illustrative text. Springfield voted on Tuesday."), "Springfield")[0]
    assert m.place_id is None
    assert m.confidence < 0.5
    assert len(m.candidates) == 3


def test_state_abbreviation_decides(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. A fire broke out in Alexandria, La., on Friday.")
    assert by_text(mentions, "Alexandria")[0].place_id == "geonames:4314550"
    mentions = parse(parser, "Illustrative text. A school opened in Alexandria, Va., on Friday.")
    assert by_text(mentions, "Alexandria")[0].place_id == "geonames:4744091"


def test_document_focus_for_us_towns(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text. Police in Springfield, Missouri, said the road was closed."
    assert by_text(parse(parser, text), "Springfield")[0].place_id == "geonames:4409896"


def test_hyphenated_compound_gives_two_mentions(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. The Sloviansk-Kramatorsk agglomeration held.")
    assert [m.text for m in mentions] == ["Sloviansk", "Kramatorsk"]
    assert [m.place_id for m in mentions] == [SLOVYANSK, KRAMATORSK]


def test_unknown_hyphenated_name_resolves_by_variant(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text. An operation to seize Gulyai-Pol began in Zaporizhzhya Oblast."
    m = by_text(parse(parser, text), "Gulyai-Pol")[0]
    assert m.place_id == HULYAYPOLE_ZP
    assert "variant" in m.reason


def test_cyrillic_name_in_english_text(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. Residents of Харків reported explosions.")
    assert by_text(mentions, "Харків")[0].place_id == KHARKIV


def test_renamed_place(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text. The front near Artemovsk in the Donetsk People's Republic held."
    assert by_text(parse(parser, text), "Artemovsk")[0].place_id == "geonames:713174"


def test_region_forms(parser: GazetteerGeoparser) -> None:
    mentions = parse(parser, "Illustrative text. Strikes hit Kharkiv Oblast and the Kursk region.")
    assert by_text(mentions, "Kharkiv Oblast")[0].place_id == "geonames:706482"
    assert by_text(mentions, "Kursk region")[0].place_id == "geonames:538555"


def test_resolve_given_spans(parser: GazetteerGeoparser) -> None:
    text = "Illustrative text: Kiev and Kharkov."
    spans = [(text.index("Kiev"), text.index("Kiev") + 4), (text.index("Kharkov"), len(text) - 1)]
    result = parser.resolve_spans(Article(id="g", text=text, content_hash="h"), spans)
    assert [m.text for m in result.mentions] == ["Kiev", "Kharkov"]
    assert result.mentions[1].place_id == KHARKIV


def test_population_baseline_ignores_context(gazetteer: Gazetteer) -> None:
    baseline = create_geoparser(gazetteer, baseline="population")
    text = "Illustrative text. Farmers near Dimitrov in Armenia sell fruit."
    assert by_text(parse(baseline, text), "Dimitrov")[0].place_id == MYRNOHRAD
