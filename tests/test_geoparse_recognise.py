"""Recognition rules, on a tiny in-test gazetteer whose names collide with people,
demonyms and common words on purpose. Texts are illustrative, not real reporting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pytest

from claimmap.gazetteer.base import NameMatch
from claimmap.gazetteer.names import name_key, variant_key
from claimmap.geoparse import automaton, create_geoparser
from claimmap.geoparse.recognise import Recogniser
from claimmap.geoparse.text import fold
from claimmap.model import Article, Place


def _place(n: int, name: str, pop: int, kind: str = "populated_place") -> Place:
    return Place(f"geonames:{n}", name, kind, 48.0 + n / 100, 37.0, "UA", "05", None, pop)  # type: ignore[arg-type]


class TinyGazetteer:
    """Implements the Gazetteer protocol over a handful of made-up entries."""

    def __init__(self) -> None:
        entries = [
            (_place(1, "Alex", 5_000), ["Alex"]),
            (_place(2, "Putin", 2_000), ["Putin"]),
            (_place(3, "Swedish", 3_000), ["Swedish"]),
            (_place(4, "Kramatorsk", 150_000), ["Kramatorsk"]),
            (_place(5, "Slovyansk", 105_000), ["Slovyansk", "Sloviansk"]),
            (_place(6, "Court", 1_500), ["Court"]),
            (_place(7, "Kharkiv", 1_400_000), ["Kharkiv", "Харків"]),
            (_place(8, "Kharkivska oblast", 2_600_000, "admin1"), ["Kharkivska oblast"]),
            (_place(9, "May", 2_000), ["May"]),
            (_place(10, "Gerasimov", 1_000), ["Gerasimov"]),
            (_place(11, "United States", 300_000_000, "country"), ["United States", "U.S."]),
            (_place(12, "St. Louis", 300_000), ["St. Louis"]),
            (_place(13, "Nato", 5_000), ["Nato"]),  # towns named like an alliance,
            (_place(14, "Passover", 500), ["Passover"]),  # a feast,
            (_place(15, "Azov", 80_000), ["Azov"]),  # and a regiment
        ]
        self._places = {p.id: p for p, _n in entries}
        self._by: dict[str, list[NameMatch]] = {}
        self._byv: dict[str, list[NameMatch]] = {}
        for place, names in entries:
            for i, name in enumerate(names):
                self._by.setdefault(name_key(name), []).append(NameMatch(place, name, i == 0))
                self._byv.setdefault(variant_key(name), []).append(NameMatch(place, name, i == 0))
        oblast = self._places["geonames:8"]
        self._by["kharkiv oblast"] = [NameMatch(oblast, "Kharkiv Oblast", False)]

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def lookup(self, name: str) -> tuple[NameMatch, ...]:
        return tuple(self._by.get(name_key(name), ()))

    def lookup_variant(self, name: str) -> tuple[NameMatch, ...]:
        return tuple(self._byv.get(variant_key(name), ()))

    def demonym(self, word: str) -> tuple[Place, ...]:
        return ()

    def area_keys(self) -> frozenset[str]:
        return frozenset(k for k, found in self._by.items() for m in found
                         if m.place.kind == "country" or (m.place.kind == "admin1" and m.primary))

    def reading(self) -> AbstractContextManager[None]:
        return nullcontext()

    def common_word(self, word: str) -> bool:
        return False

    def fuzzy(self, name: str, limit: int = 5) -> tuple[tuple[NameMatch, float], ...]:
        return ()

    def names(self) -> Iterator[str]:
        return iter(self._by)

    def info(self) -> dict[str, object]:
        return {"version": "tiny-2"}


def with_places(*places: Place) -> TinyGazetteer:
    """A tiny gazetteer with ``places`` added, each found by its main name."""
    gaz = TinyGazetteer()
    for place in places:
        gaz._places[place.id] = place
        gaz._by.setdefault(name_key(place.name), []).append(NameMatch(place, place.name, True))
    return gaz


@pytest.fixture(scope="module")
def gaz() -> TinyGazetteer:
    return TinyGazetteer()


def mention_texts(gaz: TinyGazetteer, text: str) -> list[str]:
    result = create_geoparser(gaz).parse(Article(id="r", text=text, content_hash="h"))
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
    return [m.text for m in result.mentions]


def test_fold_keeps_length_and_offsets() -> None:
    text = "Pokrovs’k, Zaporižžja and Київ — İstanbul"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("pokrovs k  zaporizzja")
    assert "київ" in folded


def test_a_place_name_is_found(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: shelling hit Kramatorsk overnight.") == ["Kramatorsk"]


def test_lower_case_use_is_not_a_mention(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: the court met in may.") == []


def test_demonym_as_adjective_is_not_a_mention(gaz: TinyGazetteer) -> None:
    text = "Illustrative: Ukrainian forces lost a Swedish-made carrier near Kramatorsk."
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_people_are_not_places(gaz: TinyGazetteer) -> None:
    text = (
        "Illustrative: President Putin met General Gerasimov. A soldier with the call sign "
        "Alex, speaking from Kramatorsk, said Putin was briefed."
    )
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_common_word_needs_a_place_cue(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: the Supreme Court ruled on Monday.") == []
    assert mention_texts(gaz, "Illustrative: he grew up in Court, a small town.") == ["Court"]


def test_months_are_not_places(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: In May the front near Kramatorsk held.") == [
        "Kramatorsk"
    ]


def test_hyphenated_compound_gives_both_names(gaz: TinyGazetteer) -> None:
    text = "Illustrative: the Sloviansk-Kramatorsk agglomeration."
    assert mention_texts(gaz, text) == ["Sloviansk", "Kramatorsk"]


def test_unknown_hyphenated_name_is_one_mention(gaz: TinyGazetteer) -> None:
    hits = Recogniser(gaz).find("Illustrative: an operation to seize Gulyai-Pol began.")
    assert [(h.text, h.source) for h in hits] == [("Gulyai-Pol", "compound")]


def test_region_form_spans_the_region_word(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: strikes across Kharkiv Oblast.") == [
        "Kharkiv Oblast"
    ]
    hits = Recogniser(gaz).find("Illustrative: strikes in the Kharkiv region.")
    assert [(h.text, h.head) for h in hits] == [("Kharkiv region", "Kharkiv")]


def test_cyrillic_inside_english(gaz: TinyGazetteer) -> None:
    assert mention_texts(gaz, "Illustrative: residents of Харків sheltered.") == ["Харків"]


def test_unknown_name_after_a_cue_is_proposed(gaz: TinyGazetteer) -> None:
    hits = Recogniser(gaz).find("Illustrative: the liberation of Krasnorogorsk was announced.")
    assert [h.text for h in hits] == ["Krasnorogorsk"]
    hits = Recogniser(gaz).find("Illustrative: the capture of Novomykolaivka.")
    assert [h.text for h in hits] == ["Novomykolaivka"]


def test_toponym_shaped_word_is_proposed(gaz: TinyGazetteer) -> None:
    hits = Recogniser(gaz).find("Illustrative: fighting continued around Zarichnovsk.")
    assert [h.source for h in hits] in (["suffix"], ["cue"])


def test_unresolvable_mention_abstains_without_candidates(gaz: TinyGazetteer) -> None:
    text = "Illustrative: the liberation of Krasnorogorsk was announced."
    result = create_geoparser(gaz).parse(Article(id="u", text=text, content_hash="h"))
    (m,) = result.mentions
    assert m.place_id is None and m.candidates == ()


def test_automaton_is_cached_and_reloaded(
    gaz: TinyGazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(automaton, "MIN_CACHE_NAMES", 0)
    first = automaton.load_or_build(gaz)
    cached = list(tmp_path.glob("names-*.index"))
    assert len(cached) == 1
    monkeypatch.setattr(automaton, "build", lambda names: pytest.fail("rebuilt despite cache"))
    second = automaton.load_or_build(gaz)
    text = "Illustrative: Kramatorsk and Kharkiv."
    assert list(automaton.scan(first, text)) == list(automaton.scan(second, text))
    assert (text[14:24], text[29:36]) == ("Kramatorsk", "Kharkiv")
    assert sorted(automaton.scan(second, text)) == [(14, 24), (29, 36)]


def test_index_replaces_stale_cache_files(
    gaz: TinyGazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(automaton, "MIN_CACHE_NAMES", 0)
    (tmp_path / "names-0000.automaton").write_bytes(b"old pickle")
    (tmp_path / "names-1111.index").write_bytes(b"CMNI other version")
    (tmp_path / "gazetteer.sqlite").write_bytes(b"not ours")
    automaton.load_or_build(gaz)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".index", ".sqlite"]


def test_corrupt_index_is_rebuilt(
    gaz: TinyGazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(automaton, "MIN_CACHE_NAMES", 0)
    automaton.load_or_build(gaz)
    (path,) = tmp_path.glob("names-*.index")
    path.write_bytes(path.read_bytes()[:-3])  # truncated
    index = automaton.load_or_build(gaz)
    assert list(automaton.scan(index, "Illustrative: Kharkiv.")) == [(14, 21)]


def test_abbreviations_keep_their_dots(gaz: TinyGazetteer) -> None:
    text = "Illustrative: aid from the U.S. reached St. Louis and Kharkiv."
    assert mention_texts(gaz, text) == ["U.S.", "St. Louis", "Kharkiv"]


def test_surnames_by_shape_are_people(gaz: TinyGazetteer) -> None:
    text = (
        "Illustrative: officers said Daniel R. Kharkiv, 41, was arrested. Kharkiv denied "
        "it. Brian O'Kramatorsk and the firm Kramatorsk & Partners declined to comment."
    )
    assert mention_texts(gaz, text) == []
    assert mention_texts(gaz, text + " The two later moved to Kharkiv.") == ["Kharkiv"]


def test_capitalised_nouns_are_no_place_cue(gaz: TinyGazetteer) -> None:
    assert Recogniser(gaz).find("Illustrative: City Manager Jim Hartmann spoke.") == []
    hits = Recogniser(gaz).find("Illustrative: troops entered the town Zarichne.")
    assert [h.text for h in hits] == ["Zarichne"]


def test_title_case_headlines_are_found() -> None:
    from claimmap.geoparse.patterns import title_case_spans

    text = "Grand Jury Hears Court Appeal In Spring. The court met in May."
    assert title_case_spans(text) == [(0, 39)]
    assert title_case_spans("The court met in Kharkiv on Monday.") == []


def test_country_abbreviation_in_capitals_is_a_place(gaz: TinyGazetteer) -> None:
    gaz._by["us"] = [NameMatch(gaz._places["geonames:11"], "US", False)]
    try:
        assert mention_texts(gaz, "Illustrative: talks between Kharkiv and US envoys.") == [
            "Kharkiv", "US",
        ]
    finally:
        del gaz._by["us"]


def test_party_letter_and_state(gaz: TinyGazetteer) -> None:
    hits = Recogniser(gaz).find("Illustrative: Rep. Jane Roe, D-S.C., objected.")
    assert [(h.text, h.source) for h in hits] == [("S.C.", "abbrev")]


def test_organisations_feasts_and_units_named_like_towns_are_not_places(
    gaz: TinyGazetteer,
) -> None:
    text = ("Illustrative text. Nato leaders met after Passover. The Azov regiment and the "
            "Azov brigade held out; shelling later hit Azov and Kramatorsk.")
    assert mention_texts(gaz, text) == ["Azov", "Kramatorsk"]


def test_the_words_of_a_non_place_phrase_do_not_stand_alone() -> None:
    """"White House" is a building though GeoNames lists it as a town's name; "White"
    inside it is no town either (illustrative text)."""
    # "White" a strong name: context rules keep it
    gaz = with_places(_place(16, "White", 150_000), _place(17, "White House", 10_000))
    text = "Illustrative text. The White House said Kramatorsk was shelled."
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_weapon_systems_named_like_towns_are_not_places() -> None:
    """"Iskander" missiles and "Grad" rockets are weapons, though towns bear those names
    (illustrative text)."""
    # strong names: context rules alone keep them
    gaz = with_places(_place(18, "Iskander", 120_000), _place(19, "Grad", 120_000))
    text = "Illustrative text. Iskander missiles and Grad rockets hit Kramatorsk."
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_given_names_before_a_surname_are_a_person() -> None:
    """"Anna Maria Dyner" is a person, though a town is called Anna Maria; the town
    stands where no surname follows (illustrative text)."""
    gaz = with_places(_place(20, "Anna Maria", 150_000))
    text = "Illustrative text. Anna Maria Dyner said Kramatorsk was shelled."
    assert mention_texts(gaz, text) == ["Kramatorsk"]
    assert mention_texts(gaz, "Illustrative text. Storms hit Anna Maria overnight.") == [
        "Anna Maria"
    ]


def test_hyphenated_adjectives_of_peoples_and_months_are_not_places(gaz: TinyGazetteer) -> None:
    """"Russian-Ukrainian", "Russo-Ukrainian" and "March-April" are adjectives, even after
    a place cue; a hyphenated name with an unknown part still stands (illustrative text)."""
    text = ("Illustrative text. Talks in the Russian-Ukrainian format, in the Russo-Ukrainian "
            "war, in March-April, and in Gulyai-Pol near Kramatorsk.")
    assert mention_texts(gaz, text) == ["Gulyai-Pol", "Kramatorsk"]


def test_a_possessive_before_a_features_name_is_not_part_of_it() -> None:
    from claimmap.geoparse.patterns import features

    def named(text: str) -> list[str]:
        return [text[s:e] for s, e in features(text)]

    assert named("Ships left Russia’s Black Sea ports.") == ["Black Sea"]
    assert named("She worked on Augusta's Highland Avenue.") == ["Highland Avenue"]
    # a possessive name stays whole
    assert named("Crowds filled St Michael’s Square.") == ["St Michael’s Square"]
    assert named("They swam in Burger's Lake.") == ["Burger's Lake"]


def test_a_local_public_body_after_a_name_marks_the_town(gaz: TinyGazetteer) -> None:
    """"Gerasimov Fire Department": a town's public body makes the small town's name a
    place; another capitalised word after it does not (illustrative text)."""
    assert mention_texts(gaz, "Illustrative text. The Gerasimov Fire Department came.") == [
        "Gerasimov"
    ]
    assert mention_texts(gaz, "Illustrative text. The Gerasimov Trophy was awarded.") == []


def test_a_compass_word_before_a_name_is_no_given_name(gaz: TinyGazetteer) -> None:
    """"North West Gerasimov" is part of the town, not a person called West Gerasimov, so
    every use of the name stands (illustrative text)."""
    text = ("Illustrative text. Plans for North West Gerasimov were backed, and investment "
            "in Gerasimov grew. Councillors said Gerasimov needed roads.")
    assert mention_texts(gaz, text).count("Gerasimov") == 3


def test_a_street_may_start_with_a_compass_or_ordinal_word(gaz: TinyGazetteer) -> None:
    text = ("Illustrative: a crash on West Tyler Street, a fire on First Avenue, and "
            "North Street closed. The Police Road sign fell.")
    assert [(h.text, h.source) for h in Recogniser(gaz).find(text)] == [
        ("West Tyler Street", "feature"), ("First Avenue", "feature"), ("North Street", "feature"),
    ]


def test_a_state_abbreviation_stands_alone_or_after_an_unknown_town(gaz: TinyGazetteer) -> None:
    """"Ga." and "S.C." stand alone; "La." after a town the gazetteer does not know;
    "Miss." and "Mass." alone are a title and a word (illustrative text)."""
    text = ("Illustrative: a Ga. pastor met S.C. lawmakers. Miss. Roe attended Mass. "
            "A man of Sulpher, La., was stopped.")
    assert [(h.text, h.source) for h in Recogniser(gaz).find(text)] == [
        ("Ga.", "abbrev"), ("S.C.", "abbrev"), ("La.", "abbrev"),
    ]


def test_surnames_with_a_capital_inside_are_people() -> None:
    """"Rebecca McAlester" and "Judge Ann McAlester" make the later bare "McAlester" a
    person, though a town bears the name (illustrative text)."""
    gaz = with_places(_place(21, "McAlester", 18_000))
    for person in ("Rebecca McAlester", "Judge Ann McAlester"):
        text = f"Illustrative text. {person} ruled on Monday. McAlester gave them a week."
        assert mention_texts(gaz, text) == []
    assert mention_texts(gaz, "Illustrative text. Storms hit McAlester overnight.") == [
        "McAlester"
    ]


def test_census_given_names_make_the_next_word_a_person(gaz: TinyGazetteer) -> None:
    """"Wade Gerasimov" is a person (Wade: a US Census given name, not in claimmap's own
    short list), so the later bare "Gerasimov" is too; a given name that ends a
    sentence ("Sam Wade. Gerasimov ...") or stands on the line above, as a letter's
    signature does ("Margaret  Gerasimov"), marks nothing (illustrative texts)."""
    assert mention_texts(gaz, "Illustrative text. Wade Gerasimov said talks failed. "
                              "Gerasimov later left.") == []
    assert mention_texts(gaz, "Illustrative text. They met Sam Wade. Gerasimov was "
                              "shelled later.") == ["Gerasimov"]
    assert mention_texts(gaz, "Illustrative letter. Peace now.  Margaret  Gerasimov") == [
        "Gerasimov"
    ]


def test_census_given_names_leave_out_words_areas_and_short_names() -> None:
    from claimmap.geoparse.given_names import census_given_names, given_names
    from claimmap.geoparse.lexicon import FIRST_NAMES

    census = census_given_names()
    assert {"wade", "horace", "will", "israel", "sunday", "jo"} <= census  # the lists
    names = given_names(lambda word: word == "Will", frozenset({"israel"}))
    assert names >= FIRST_NAMES and {"wade", "horace"} <= names
    assert not {"will", "israel", "sunday", "north", "jo"} & names


def test_a_title_in_full_before_a_period_ends_the_sentence(gaz: TinyGazetteer) -> None:
    """"... the Judge. Kramatorsk ..." starts a new sentence with the town; "Gen.
    Kramatorsk" is an abbreviated title before a surname (illustrative texts)."""
    text = "Illustrative text. The case went to the Judge. Kramatorsk was shelled later."
    assert mention_texts(gaz, text) == ["Kramatorsk"]
    assert mention_texts(gaz, "Illustrative text. Gen. Kramatorsk said little.") == []


def test_initials_with_periods_are_no_airport_code() -> None:
    """"L.A." is how texts write Los Angeles's initials; "LAX" in capitals is a code."""
    from claimmap.gazetteer.base import NameMatch as Match
    from claimmap.geoparse.candidates import _code

    town = _place(22, "Los Angeles", 3_800_000)
    assert not _code(Match(town, "L.A.", False))
    assert _code(Match(town, "LAX", False))


def test_a_town_police_in_lower_case_marks_the_town(gaz: TinyGazetteer) -> None:
    """"Gerasimov police" (lower case) is the town's police too, though the text also
    writes the name after a capitalised word (illustrative text)."""
    text = "Illustrative text. Gerasimov police arrived. Then Lenin Gerasimov arrived."
    assert mention_texts(gaz, text) == ["Gerasimov"]


def test_a_saints_possessive_names_a_church_unless_a_big_town_bears_it() -> None:
    """"St. John's Lutheran School" is a school, "St. John's, N.L." the town; "St.
    Louis's mayor" is the big town's (illustrative text)."""
    gaz = with_places(_place(23, "St. John", 15_000))
    text = ("Illustrative text. Pupils of St. John's Lutheran School met St. Louis's mayor. "
            "Ships left St. John's, N.L., for Kharkiv.")
    assert [t for t in mention_texts(gaz, text) if t.startswith("St")] == [
        "St. Louis", "St. John"
    ]


def test_a_firms_hyphenated_name_is_no_pair_of_places() -> None:
    """"Mercedes-Benz" joins two names that towns bear, yet names a firm; a pair of
    towns ("Sloviansk-Kramatorsk") still stands (illustrative text)."""
    gaz = with_places(_place(24, "Mercedes", 30_000), _place(25, "Benz", 30_000))
    text = "Illustrative text. Mercedes-Benz trucks left the Sloviansk-Kramatorsk area."
    assert mention_texts(gaz, text) == ["Sloviansk", "Kramatorsk"]


def test_parties_and_vehicle_models_named_like_towns_are_not_places() -> None:
    """"a Democrat", "the Liberal government" name parties; "Dodge Gerasimov" makes
    "the Gerasimov" later a vehicle (illustrative text)."""
    gaz = with_places(_place(26, "Liberal", 20_000), _place(27, "Democrat", 20_000))
    text = ("Illustrative text. A Democrat and the Liberal government met. A red Dodge "
            "Gerasimov sped off; the Gerasimov was found in Kharkiv.")
    assert mention_texts(gaz, text) == ["Kharkiv"]


def test_a_capitalised_alliance_is_a_body_a_lower_case_one_is_of_places(
    gaz: TinyGazetteer,
) -> None:
    text = ("Illustrative text. The Kharkiv Alliance met, and a Sloviansk-Kramatorsk "
            "alliance emerged.")
    assert mention_texts(gaz, text) == ["Sloviansk", "Kramatorsk"]


def test_police_titles_and_long_abbreviations_mark_people(gaz: TinyGazetteer) -> None:
    """"Const. Kwesi Gerasimov" and "Trooper Gerasimov" are officers: the later bare
    "Gerasimov" is the officer too (illustrative texts)."""
    for lead in ("Const. Kwesi", "Trooper"):
        text = f"Illustrative text. {lead} Gerasimov fired. Gerasimov later denied it."
        assert mention_texts(gaz, text) == [], lead


def test_capitalised_forces_after_a_cued_word_are_an_army(gaz: TinyGazetteer) -> None:
    """"under the control of the Defence Forces": the cue introduces an army, not a
    place (illustrative text)."""
    text = "Illustrative text. Kramatorsk remains under the control of the Defence Forces."
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_ukrainian_given_names_before_a_surname_are_people() -> None:
    """"Hanna Maliar" is a person, though a town is called Hanna (illustrative text)."""
    # a strong name: context rules alone keep it
    gaz = with_places(_place(28, "Hanna", 150_000))
    text = "Illustrative text. Deputy minister Hanna Maliar spoke of Kramatorsk."
    assert mention_texts(gaz, text) == ["Kramatorsk"]


def test_a_region_named_with_a_lower_case_plural_is_found() -> None:
    """"the Baltic states" is the region's name though "states" is in lower case
    (illustrative text)."""
    gaz = with_places(_place(29, "Baltic states", 6_000_000, "region"))
    text = "Illustrative text. Troops moved to the Baltic states and to Kramatorsk."
    assert mention_texts(gaz, text) == ["Baltic states", "Kramatorsk"]


def test_republic_alone_is_no_town() -> None:
    """"the Republic of Kharkiv" names a state, not a town called Republic
    (illustrative text)."""
    gaz = with_places(_place(30, "Republic", 16_000))
    text = "Illustrative text. Strikes from the territory of the Republic of Kharkiv."
    assert "Republic" not in mention_texts(gaz, text)


def test_missing_census_lists_leave_the_short_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the ``names`` package's lists the recogniser still runs, on claimmap's own
    short list of given names."""
    from claimmap.geoparse import given_names as G
    from claimmap.geoparse.lexicon import FIRST_NAMES

    def missing(_package: str) -> object:
        raise ModuleNotFoundError("names")

    G.census_given_names.cache_clear()
    monkeypatch.setattr(G.resources, "files", missing)
    try:
        assert G.census_given_names() == frozenset()
        assert G.given_names(lambda _w: False) == FIRST_NAMES
    finally:
        G.census_given_names.cache_clear()
