"""Fuzzy matches of hyphenated and toponym-shaped hits are looked up only for the hits
that stand (``CandidateFinder.options_to_keep``): the parse is the same as when every
hit's fuzzy matches are looked up first. The texts are illustrative, not real
reporting; the places are the fixture gazetteer's."""

from __future__ import annotations

import pytest

from claimmap.gazetteer import load_fixture
from claimmap.gazetteer.store import IndexGazetteer
from claimmap.geoparse import candidates, create_geoparser
from claimmap.geoparse.candidates import CandidateFinder
from claimmap.geoparse.recognise import SpanHit
from claimmap.model import Article

TEXTS = [
    # a toponym-shaped variant ("Kramatorske") that stands on its own, without a cue
    "Shelling hit Kramatorske overnight, officials in Kramatorsk said.",
    # adjectives and surnames in hyphens, which never stand, beside a cued compound
    "Troops moved along the Belarusian-Polish border, Cranny-Evans said, and near "
    "Slovyansk-Kramatorske.",
    "Krasnoarmiisk-Pokrovske and Kramatorske lie in Donetsk Oblast; Sloviansk-Kramatorsk "
    "is an agglomeration.",
]


@pytest.fixture(scope="module")
def gaz() -> IndexGazetteer:
    return load_fixture()


def test_a_suffix_hit_is_kept_or_dropped_without_its_fuzzy_matches(gaz: IndexGazetteer) -> None:
    finder = CandidateFinder(gaz)
    garbled = SpanHit(13, 23, "Kramatorks", "suffix")  # a near-spelling only
    assert [o.match for o in finder.options(garbled)] == ["fuzzy"]
    assert finder.options_to_keep(garbled) == ()
    # a variant whose one fuzzy match is its own place: the lists are the same
    variant = SpanHit(13, 24, "Kramatorske", "suffix")
    assert finder.options_to_keep(variant) == finder.options(variant) != ()
    # other sources get the whole look-up, the very tuple options() gives
    for source in ("gazetteer", "cue", "feature"):
        other = SpanHit(13, 23, "Kramatorks", source)
        assert finder.options_to_keep(other) is finder.options(other)


def test_with_little_room_on_the_list_the_whole_look_up_is_made(
    gaz: IndexGazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where fuzzy matches could push other places off the list (fewer than
    FUZZY_LIMIT places of room), the fuzzy look-up is made at once."""
    monkeypatch.setattr(candidates, "MAX_CANDIDATES", candidates.FUZZY_LIMIT - 1)
    finder = CandidateFinder(gaz)
    garbled = SpanHit(13, 23, "Kramatorks", "suffix")
    assert [o.match for o in finder.options_to_keep(garbled)] == ["fuzzy"]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_is_the_same_as_with_fuzzy_matches_first(
    gaz: IndexGazetteer, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = Article(id="a", text=text, content_hash="a")
    quick = create_geoparser(gaz).parse(article)
    monkeypatch.setattr(CandidateFinder, "options_to_keep", CandidateFinder.options)
    plain = create_geoparser(gaz).parse(article)
    assert quick == plain
    assert quick.mentions  # the texts name places ...
    hits = create_geoparser(gaz).recogniser.find(text)
    assert any(h.source in candidates.FUZZY_LATER for h in hits)  # ... and hyphens or shapes
