"""The seed articles (../shared/seeds) resolved on the full default gazetteer, as a
careful analyst reading them would resolve them. Skipped when the seeds are absent
or the default gazetteer cannot be built here. No seed text is copied: only place
names are used, and files are identified by their stored names' prefixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimmap.geoparse import create_geoparser
from claimmap.geoparse.features import haversine_km
from claimmap.geoparse.pipeline import GazetteerGeoparser
from claimmap.model import Article, Mention, Place

POKROVSK_UA = "geonames:704422"
MYRNOHRAD = "geonames:710035"
VOVCHANSK = "geonames:689304"
KYIV = "geonames:703448"
KRAMATORSK = "geonames:704508"
HULYAYPOLE_ZAPORIZHZHIA = "geonames:707898"  # Huliaipole, the town (pop. 13,446)
HULYAYPOLE_VILLAGE = "geonames:707897"  # in Dnipropetrovsk Oblast (pop. 1,177)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parser() -> GazetteerGeoparser:
    from claimmap.errors import ClaimmapError
    from claimmap.gazetteer import load_default

    try:
        gazetteer = load_default()
    except (ClaimmapError, OSError) as exc:
        pytest.skip(f"default gazetteer cannot be built here: {exc}")
    parser = create_geoparser(gazetteer)
    parser.warm()
    return parser


def parse(
    parser: GazetteerGeoparser, seeds: Path, prefix: str
) -> tuple[list[Mention], dict[str, Place]]:
    (path,) = sorted(seeds.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    result = parser.parse(Article(id=prefix, text=text, content_hash=prefix))
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
    return list(result.mentions), {p.id: p for p in result.places}


def places_of(mentions: list[Mention], name: str) -> set[str | None]:
    found = {m.place_id for m in mentions if m.text == name}
    assert found, f"{name!r} not recognised"
    return found


def test_garbled_name_with_stated_alias(parser: GazetteerGeoparser, seeds: Path) -> None:
    mentions, places = parse(parser, seeds, "000")
    # every occurrence of the garbled name takes the stated Ukrainian name's place
    assert places_of(mentions, "Krasnokamensk") == {POKROVSK_UA}
    assert places[POKROVSK_UA].admin1_code == "05"  # Donetsk Oblast
    assert places_of(mentions, "Dimitrov") == {MYRNOHRAD}
    assert places_of(mentions, "Volchansk") == {VOVCHANSK}
    texts = {m.text for m in mentions}
    assert not texts & {"Putin", "Gerasimov", "Swedish", "Ukrainian", "Russian", "Viking"}


def test_russian_names_of_pokrovsk(parser: GazetteerGeoparser, seeds: Path) -> None:
    names = [("001", "Krasnoarmysk"), ("003", "Krasnarmeysk"), ("004", "Krasnoarmeysk")]
    for prefix, name in names:
        mentions, _places = parse(parser, seeds, prefix)
        assert places_of(mentions, name) == {POKROVSK_UA}, prefix


def test_other_names_in_the_week(parser: GazetteerGeoparser, seeds: Path) -> None:
    mentions, places = parse(parser, seeds, "004")
    assert places_of(mentions, "Kiev") == {KYIV}
    assert places_of(mentions, "Kramatorsk") == {KRAMATORSK}
    (kursk,) = places_of(mentions, "Kursk region")
    assert kursk is not None and places[kursk].kind == "admin1"
    assert places[kursk].country_code == "RU"


def test_distance_statement_is_respected(parser: GazetteerGeoparser, seeds: Path) -> None:
    mentions, places = parse(parser, seeds, "002")
    (malinovka,) = places_of(mentions, "Malinovka")
    if malinovka is not None:  # resolved only to a place near Kramatorsk
        assert haversine_km(places[malinovka], places[KRAMATORSK]) < 40
    assert "Alex" not in {m.text for m in mentions}


def test_a_variant_spelled_namesake_is_not_guessed(parser: GazetteerGeoparser, seeds: Path) -> None:
    """Seed 000's "operation to seize Gulyai-Pol" matches two Hulyaypoles only as a
    romanisation variant: the front-line town in Zaporizhzhia Oblast and a village in
    Dnipropetrovsk Oblast, which the text names for another locality. The scores
    nearly tie, so the mention stays open with both listed; it is never the village
    alone."""
    mentions, _places = parse(parser, seeds, "000")
    (mention,) = [m for m in mentions if m.text == "Gulyai-Pol"]
    assert mention.place_id in (None, HULYAYPOLE_ZAPORIZHZHIA)
    listed = {c.place_id for c in mention.candidates}
    assert {HULYAYPOLE_ZAPORIZHZHIA, HULYAYPOLE_VILLAGE} <= listed
