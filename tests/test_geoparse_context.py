"""Context filters: which gazetteer support counts as strong for a bare word."""

from __future__ import annotations

from claimmap.geoparse.candidates import Option
from claimmap.geoparse.context import _strong, keep_hits
from claimmap.geoparse.recognise import SpanHit
from claimmap.model import Place

# invented towns: only their names' shapes matter here
BIG = Place("geonames:1", "Velikograd", "populated_place", 50.0, 30.0, "UA",
            population=900_000)
CITY = Place("geonames:2", "Norbury City", "populated_place", -27.6, 153.1, "AU",
             population=300_000)


def hit(text: str) -> SpanHit:
    return SpanHit(0, len(text), text, "gazetteer")


def test_exact_main_name_of_a_big_town_is_strong() -> None:
    assert _strong(Option(BIG, "exact"), hit("Velikograd"))


def test_alternate_spelling_of_the_main_name_is_strong() -> None:
    assert _strong(Option(BIG, "alternate"), hit("Velikogrod"))  # edit similarity
    assert _strong(Option(CITY, "alternate"), hit("Norbury"))  # some of its words
    assert _strong(Option(CITY, "alternate"), hit("N.C."))  # its initials


def test_unrelated_alternate_of_a_big_town_is_not_strong() -> None:
    assert not _strong(Option(BIG, "alternate"), hit("Ordinaria"))


def test_weak_alternate_needs_a_cue_when_a_name_follows() -> None:
    text = "Ordinaria Systems said on Monday it would hire staff."
    options = [(Option(BIG, "alternate"),)]
    assert keep_hits(text, [hit("Ordinaria")], options) == []
    cued = "Fighting went on in Ordinaria overnight."
    start = cued.index("Ordinaria")
    h = SpanHit(start, start + 9, "Ordinaria", "gazetteer")
    assert keep_hits(cued, [h], options) == [0]


def test_of_before_a_common_word_is_no_place_cue_unless_a_direction_comes_first() -> None:
    """"Minister of Economy" names a ministry's field; "southeast of Economy" is the town
    (Economy, Pennsylvania: an invented-text stand-in). Illustrative texts."""
    town = Place("geonames:3", "Economy", "populated_place", 40.6, -80.2, "US",
                 population=9_000)
    options = [(Option(town, "exact"),)]

    def kept(text: str) -> list[int]:
        start = text.index("Economy")
        h = SpanHit(start, start + 7, "Economy", "gazetteer")
        return keep_hits(text, [h], options, lambda word: word == "Economy")

    assert kept("The Minister of Economy said prices rose.") == []
    assert kept("Fire crews drove 20 miles southeast of Economy overnight.") == [0]
    assert kept("Fire crews stayed in Economy overnight.") == [0]
