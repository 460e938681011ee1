"""Listed areas, demonyms, chains of containers and distance statements about areas.

Every text here is illustrative, written for these tests: not real reporting.
"""

from __future__ import annotations

import pytest

from claimmap.gazetteer import load_default
from claimmap.gazetteer.store import IndexGazetteer
from claimmap.geoparse import create_geoparser
from claimmap.geoparse.patterns import listed_areas
from claimmap.model import Article, Place
from claimmap.stages import GeoparseResult


@pytest.fixture(scope="module")
def gazetteer() -> IndexGazetteer:
    return load_default()


def _parse(gazetteer: IndexGazetteer, text: str) -> dict[str, Place | None]:
    return _resolved(create_geoparser(gazetteer).parse(Article("t", text, "h")))


def _resolved(result: GeoparseResult) -> dict[str, Place | None]:
    places = {p.id: p for p in result.places}
    return {m.text: places.get(m.place_id) if m.place_id else None for m in result.mentions}


def test_names_listed_before_a_plural_region_word_are_areas_of_that_kind() -> None:
    text = "Schools in Clarke, Madison and Oconee counties closed; Donetsk and Luhansk regions too."
    found = {text[s:e]: kind for (s, e), kind in listed_areas(text).items()}
    assert found == {
        "Clarke": "county", "Madison": "county", "Oconee": "county",
        "Donetsk": "region", "Luhansk": "region",
    }  # fmt: skip


def test_a_list_needs_its_plural_region_word() -> None:
    assert listed_areas("Clarke, Madison and Oconee were named.") == {}
    assert listed_areas("Officials from Clarke county spoke.") == {}  # one name: no list


def test_listed_county_names_resolve_to_the_counties_of_one_state(
    gazetteer: IndexGazetteer,
) -> None:
    text = "Flood warnings covered Becker, Clay and Wilkin counties on Tuesday."
    got = _parse(gazetteer, text)
    for name in ("Becker", "Clay", "Wilkin"):
        place = got[name]
        assert place is not None and place.kind == "admin2", name
        assert place.name == f"{name} County" and place.admin1_code == "MN", place


def test_listed_oblasts_are_regions_not_their_capitals(gazetteer: IndexGazetteer) -> None:
    got = _parse(gazetteer, "Shelling was reported across the Donetsk and Kharkiv regions.")
    for name in ("Donetsk", "Kharkiv"):
        place = got[name]
        assert place is not None and place.kind == "admin1" and place.country_code == "UA"


def test_county_abbreviation_is_a_county(gazetteer: IndexGazetteer) -> None:
    got = _parse(gazetteer, "A Loudon Co. man was hurt in a crash near Lenoir City, Tenn.")
    place = got["Loudon Co."]
    assert place is not None and place.kind == "admin2" and place.admin1_code == "TN"


def test_demonyms_name_the_country_with_the_most_people(gazetteer: IndexGazetteer) -> None:
    (canada,) = gazetteer.demonym("Canadians")
    assert canada.kind == "country" and canada.country_code == "CA"
    (china,) = gazetteer.demonym("Chinese")  # also Hong Kong's and Macao's demonym
    assert china.country_code == "CN"
    assert gazetteer.demonym("Springfield") == ()


def test_a_given_demonym_resolves_to_its_country_not_a_same_named_town(
    gazetteer: IndexGazetteer,
) -> None:
    text = "Canadian officials and Texas ranchers met in Amarillo."
    start = text.index("Canadian")
    result = create_geoparser(gazetteer).resolve_spans(
        Article("t", text, "h"), [(start, start + len("Canadian"))]
    )
    place = _resolved(result)["Canadian"]
    assert place is not None and place.kind == "country" and place.country_code == "CA"


def test_the_recogniser_does_not_propose_demonyms(gazetteer: IndexGazetteer) -> None:
    got = _parse(gazetteer, "Canadian officials met Irish diplomats in Ottawa.")
    assert "Canadian" not in got and "Irish" not in got
    assert got["Ottawa"] is not None


def test_a_chain_of_containers_is_read_to_its_end(gazetteer: IndexGazetteer) -> None:
    # Ohio all around: without reading "Ontario" as placed by "Canada" first, the
    # text's Ohio towns pull "Toronto" to Toronto, Ohio.
    text = (
        "The Dublin memorial committee met in Dublin on Monday. The design firm of "
        "Toronto, Ontario, Canada will present a new plan. Crews from Cuyahoga Falls and "
        "Akron joined, and Dublin officials thanked Columbus and Mansfield volunteers."
    )
    place = _parse(gazetteer, text)["Toronto"]
    assert place is not None and place.country_code == "CA"


def test_a_distance_between_areas_rejects_no_area(gazetteer: IndexGazetteer) -> None:
    text = "Cyprus, whose nearest coast lies less than 100 kilometers west of Syria, said no."
    got = _parse(gazetteer, text)
    place = got["Cyprus"]
    assert place is not None and place.kind == "country" and place.country_code == "CY"


def test_min_confidence_zero_answers_where_the_default_abstains() -> None:
    from claimmap.gazetteer import load_fixture

    text = "Officials in Springfield said the road would reopen."  # three Springfields
    article = Article("t", text, "h")
    default = create_geoparser(load_fixture()).parse(article)
    (mention,) = [m for m in default.mentions if m.text == "Springfield"]
    assert mention.place_id is None and mention.reason.startswith("ambiguous")
    answering = create_geoparser(load_fixture(), min_confidence=0.0).parse(article)
    (forced,) = [m for m in answering.mentions if m.text == "Springfield"]
    assert forced.place_id == mention.candidates[0].place_id  # the top candidate
    assert forced.confidence == mention.confidence < 0.40


def test_a_listed_area_and_the_bare_name_elsewhere_are_two_senses(
    gazetteer: IndexGazetteer,
) -> None:
    text = (
        "Shelling hit Zaporizhzhia overnight, the mayor said. Russia keeps building "
        "fortifications in Zaporizhzhia and Luhansk oblasts."
    )
    result = create_geoparser(gazetteer).parse(Article("t", text, "h"))
    places = {p.id: p for p in result.places}
    kinds = [places[m.place_id].kind for m in result.mentions
             if m.text == "Zaporizhzhia" and m.place_id]  # fmt: skip
    assert kinds == ["populated_place", "admin1"]
    (city,) = [places[m.place_id] for m in result.mentions
               if m.text == "Zaporizhzhia" and m.place_id and places[m.place_id].kind
               == "populated_place"]  # fmt: skip
    assert city.population > 500_000  # the city, not a village spelt the same


def test_y_and_i_spellings_of_a_main_name_count_as_the_main_name() -> None:
    from claimmap.geoparse.candidates import _respelling

    assert _respelling("Zaporizhzhia", "Zaporizhzhya")
    assert _respelling("Mykolaiv", "Mykolayiv")
    assert not _respelling("Moldova", "Moldove")  # two places
    assert not _respelling("Ivanov", "Ivanovo")
    assert not _respelling("Kyiv", "Kyiv")  # the same spelling is the main name itself


def test_inverted_division_names_are_found_by_their_head(gazetteer: IndexGazetteer) -> None:
    # GeoNames writes Russia's republics "Dagestan, Respublika"
    got = _parse(gazetteer, "Men were called up in Dagestan and Tatarstan last week.")
    for name in ("Dagestan", "Tatarstan"):
        place = got[name]
        assert place is not None and place.kind == "admin1" and place.country_code == "RU"
        assert place.name == name  # shown by its head, not "Dagestan, Respublika"


def test_abbreviated_and_spelt_out_openings_are_both_looked_up(
    gazetteer: IndexGazetteer,
) -> None:
    from claimmap.geoparse.candidates import CandidateFinder, _abbreviation_forms
    from claimmap.geoparse.recognise import SpanHit

    assert _abbreviation_forms("Mt. Pleasant") == ("Mount Pleasant",)
    assert _abbreviation_forms("Saint Louis") == ("St. Louis",)
    assert _abbreviation_forms("Stanton Heights") == ()
    finder = CandidateFinder(gazetteer)
    short = finder.options(SpanHit(0, 12, "Mt. Pleasant", "given"))
    long = finder.options(SpanHit(0, 14, "Mount Pleasant", "given"))
    assert {o.place.id for o in short} == {o.place.id for o in long}


def test_a_country_name_is_the_country_even_among_a_states_towns(
    gazetteer: IndexGazetteer,
) -> None:
    text = (
        "Students from Amherst and Northampton left for Italy on Friday. The Springfield "
        "group flies out of Boston next week, a Mass. official said."
    )
    place = _parse(gazetteer, text)["Italy"]
    assert place is not None and place.kind == "country" and place.country_code == "IT"


def test_a_stated_state_still_makes_the_namesake_town(gazetteer: IndexGazetteer) -> None:
    place = _parse(gazetteer, "The fire started near Italy, Texas, on Sunday.")["Italy"]
    assert place is not None and place.kind == "populated_place" and place.admin1_code == "TX"


def test_common_english_words_are_not_small_towns(gazetteer: IndexGazetteer) -> None:
    assert gazetteer.common_word("Still") and not gazetteer.common_word("Mansfield")
    text = (
        "Give that person your car keys, police in Mansfield said. Still, nobody knew. "
        "The family later lived in Reading."
    )
    got = _parse(gazetteer, text)
    assert "Give" not in got and "Still" not in got  # Give, Denmark; Still, France
    assert "Mansfield" in got  # a name, not a word
    assert "Reading" in got  # a place cue keeps a town named like a common word


def test_a_headline_cue_does_not_make_a_common_word_a_town(gazetteer: IndexGazetteer) -> None:
    text = (
        "Moscow Says Its Forces Took Toretsk After Week of Street Fighting\n\n"
        "Russia's defence ministry said on Monday that its troops were in Toretsk."
    )
    got = _parse(gazetteer, text)
    assert "Street" not in got  # Street, Somerset: "of" in a headline cues nothing
    assert got["Toretsk"] is not None
