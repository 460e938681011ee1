"""Importing GeoNames dump files, building the default index, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimmap.cli import main
from claimmap.errors import InputRejected
from claimmap.gazetteer import default
from claimmap.gazetteer.importer import import_files
from claimmap.gazetteer.index import IndexWriter, connect
from claimmap.gazetteer.store import IndexGazetteer


def geonames_line(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str,
                  fcode: str, cc: str, a1: str, a2: str = "", pop: int = 0) -> str:  # fmt: skip
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, a2,
            "", "", str(pop), "", "", "Europe/Kyiv", "2024-01-01"]  # fmt: skip
    return "\t".join(cols)


@pytest.fixture
def dump(tmp_path: Path) -> list[Path]:
    ua = tmp_path / "UA.txt"
    ua.write_text(
        "\n".join([
            geonames_line(700001, "Testivka", "Testovka,Тестівка,テスト", 48.5, 37.5, "P", "PPL",
                          "UA", "05", "1234", 1500),
            geonames_line(700002, "Ridge", "", 48.6, 37.6, "T", "MT", "UA", "05"),  # skipped
            "700003\tBroken\tonly three columns",
            geonames_line(700004, "Badlat", "", 123.0, 37.0, "P", "PPL", "UA", "05"),
            geonames_line(700005, "Secondka", "", 48.7, 37.7, "P", "PPL", "UA", "05", "1234", 20),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("UA.05\tDonetsk\tDonetsk\t709716\nUA05\tNo dot\tNo dot\t1\n")
    admin2 = tmp_path / "admin2Codes.txt"
    admin2.write_text("UA.05.1234\tTestivskyi Raion\tTestivskyi Raion\t800001\n")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t700001\t\tStarotestivka\t\t\t\t1\t\t\n"
        "2\t700001\tlink\thttps://example.org/x\t\t\t\t\t\t\n"
        "3\t999999\t\tNowhere\t\t\t\t\t\t\n"
        "4\tnotanumber\t\tBad\t\t\t\t\t\t\n"
    )
    return [alternates, admin2, ua, admin1]  # deliberately out of order


def build(paths: list[Path]) -> tuple[IndexGazetteer, list[InputRejected]]:
    conn = connect(":memory:")
    writer = IndexWriter(conn)
    report = import_files(writer, paths)
    writer.finish()
    return IndexGazetteer(conn), report.bad


def test_import_places_admin_and_alternates(dump: list[Path]) -> None:
    gaz, _ = build(dump)
    place = gaz.get("geonames:700001")
    assert place is not None
    assert place.admin1_name == "Donetsk" and place.admin2_name == "Testivskyi Raion"
    assert [m.place.id for m in gaz.lookup("Тестівка")] == ["geonames:700001"]
    assert gaz.lookup("テスト") == ()  # other scripts dropped
    old = gaz.lookup("Starotestivka")
    assert old and old[0].historical
    assert gaz.lookup("Nowhere") == ()  # alternate of a feature not imported
    assert gaz.get("geonames:700002") is None  # a mountain: not a place kind we index
    raion = gaz.get("geonames:800001")
    assert raion is not None and raion.kind == "admin2"
    assert 48.5 <= raion.lat <= 48.7  # mean point of its places


def test_bad_lines_are_named_not_fatal(dump: list[Path]) -> None:
    _, bad = build(dump)
    wheres = {b.where.rsplit("/", 1)[-1]: b.reason for b in bad}
    expected = {"UA.txt:3", "UA.txt:4", "admin1CodesASCII.txt:2", "alternateNamesV2.txt:4"}
    assert set(wheres) == expected
    assert "19 tab-separated columns" in wheres["UA.txt:3"]
    assert "out of range" in wheres["UA.txt:4"]


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    conn = connect(":memory:")
    with pytest.raises(InputRejected, match="no such file"):
        import_files(IndexWriter(conn), [tmp_path / "UA.txt"])


def tiny_cities(path: Path) -> Path:
    cities = {
        "704422": {"geonameid": 704422, "name": "Pokrovsk", "latitude": 48.28, "longitude": 37.18,
                   "countrycode": "UA", "population": 60127, "timezone": "Europe/Kyiv",
                   "admin1code": "05",
                   "alternatenames": ["Krasnoarmeysk", "Покровськ", "ポクロウシク"]},
        "709717": {"geonameid": 709717, "name": "Donetsk", "latitude": 48.02, "longitude": 37.80,
                   "countrycode": "UA", "population": 901645, "timezone": "Europe/Kyiv",
                   "admin1code": "05", "alternatenames": []},
    }  # fmt: skip
    path.write_text(json.dumps(cities), encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMMAP_CACHE", str(tmp_path / "cache"))
    default.load_default.cache_clear()
    cities = tiny_cities(tmp_path / "cities.json")
    real_build = default.build_default
    monkeypatch.setattr(default, "build_default", lambda p, c=None: real_build(p, cities))
    yield tmp_path / "cache"
    default.load_default.cache_clear()


def test_default_build_and_rebuild_on_signature_change(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gaz = default.load_default()
    assert gaz.path == cache / "gazetteer.sqlite"
    pokrovsk = gaz.lookup("Krasnoarmeysk")[0].place
    assert pokrovsk.admin1_name is not None and "Donetsk" in pokrovsk.admin1_name
    assert [m.place.kind for m in gaz.lookup("Donetsk People's Republic")] == ["admin1"]
    assert gaz.lookup("Ukraine")[0].place.kind == "country"
    africa = gaz.lookup("Africa")[0].place  # continents are regions, from GeoNames
    assert (africa.id, africa.kind) == ("geonames:6255146", "region")
    assert [m.place.name for m in gaz.lookup("Африка")][:1] == ["Africa"]
    assert gaz.meta()["signature"] == default.signature()
    built = gaz.meta()["built_at"]
    default.load_default.cache_clear()
    assert default.load_default().meta()["built_at"] == built  # warm: not rebuilt
    monkeypatch.setattr(default, "signature", lambda: "something else")
    default.load_default.cache_clear()
    assert default.load_default().meta()["signature"] == "something else"


def test_cli_import_search_info(cache: Path, dump: list[Path]) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["gazetteer", "import", *map(str, dump)])
    assert result.exit_code == 1  # bad lines were skipped and reported
    assert "UA.txt:3" in result.output and "Imported 4 file(s)" in result.output
    result = runner.invoke(main, ["gazetteer", "search", "Testivka", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["id"] == "geonames:700001" and rows[0]["how"] == "exact name"
    result = runner.invoke(main, ["gazetteer", "search", "Krasnoarmijsk"])
    assert "geonames:704422" in result.output and "spelling variant" in result.output
    result = runner.invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 0
    assert "CC BY 4.0" in result.output and "UA.txt" in result.output


def test_bad_lines_beyond_the_cap_are_counted(tmp_path: Path) -> None:
    from claimmap.gazetteer.importer import MAX_BAD

    junk = tmp_path / "XX.txt"
    junk.write_text("".join(f"{i}\tnot a geonames line\n" for i in range(MAX_BAD + 5)))
    report = import_files(IndexWriter(connect(":memory:")), [junk])
    assert report.bad_count == MAX_BAD + 5 and len(report.bad) == MAX_BAD
    assert f"{MAX_BAD + 5} bad line(s)" in report.summary()


@pytest.mark.parametrize(
    ("name", "kept"),
    [("Pokrovsk", True), ("Покровськ", True), ("Kal'mius'ke", True), ("Łódź", True),
     ("ポクロウシク", False), ("波克罗夫斯克", False), ("بوكروفسك", False), ("123", False)],
)  # fmt: skip
def test_only_latin_and_cyrillic_names_are_kept(name: str, kept: bool) -> None:
    from claimmap.gazetteer.geonames import keep_name

    assert keep_name(name) is kept
