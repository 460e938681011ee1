"""Exports: GeoJSON structure and coordinate order, ACLED-style CSV header and rows,
claims CSV round trip, CSV injection. The analysis is illustrative (see
test_report_scenario.py), not real reporting."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimmap.errors import ClaimmapError
from claimmap.model import Analysis
from claimmap.report import export
from claimmap.report.acled import ACLED_COLUMNS, acled_region
from claimmap.report.common import safe_cell
from claimmap.report.exports import CLAIM_COLUMNS, render
from test_report_scenario import FORMULA, build

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
    "source,source_scale,notes,fatalities,tags,timestamp"
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return build()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# GeoJSON -------------------------------------------------------------------


def _check_feature(feature: dict[str, object]) -> None:
    assert feature["type"] == "Feature"
    assert isinstance(feature["properties"], dict)
    geometry = feature["geometry"]
    if geometry is None:
        return
    assert isinstance(geometry, dict) and geometry["type"] == "Point"
    lon, lat = geometry["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_a_valid_feature_collection(analysis: Analysis) -> None:
    data = json.loads(render(analysis, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946 dropped crs: WGS 84 lon/lat is implied
    for feature in data["features"]:
        _check_feature(feature)


def test_geojson_puts_longitude_first(analysis: Analysis) -> None:
    data = json.loads(render(analysis, "geojson"))
    pokrovsk = next(f for f in data["features"] if f["id"] == "e1")
    assert pokrovsk["geometry"]["coordinates"] == [37.1758, 48.2823]  # lon, lat


def test_geojson_event_properties(analysis: Analysis) -> None:
    features = json.loads(render(analysis, "geojson"))["features"]
    events = {f["id"]: f for f in features if f["properties"]["feature"] == "event"}
    assert set(events) == {"e1", "e2", "e3", "e4"}
    e1 = events["e1"]["properties"]
    assert e1["status"] == "contested" and e1["date"] == "2025-12-01"
    assert e1["article_count"] == 2 and e1["independent_origins"] == 2
    assert e1["contradictions"] == 1 and e1["contradiction_fields"] == ["date"]
    assert events["e4"]["geometry"] is None  # no place: null geometry, still listed


def test_geojson_places_carry_mention_counts(analysis: Analysis) -> None:
    features = json.loads(render(analysis, "geojson"))["features"]
    places = {f["id"]: f["properties"] for f in features if f["properties"]["feature"] == "place"}
    assert places["geonames:704508"]["mention_count"] == 2
    assert "geonames:709716" not in places  # never mentioned: not a feature


# ACLED-style CSV ------------------------------------------------------------


def test_acled_header_is_acleds_in_order(analysis: Analysis) -> None:
    text = render(analysis, "acled-csv", timestamp=1_764_000_000)
    assert text.splitlines()[0] == ACLED_HEADER
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER


def test_acled_one_row_per_event_with_types(analysis: Analysis) -> None:
    rows = _rows(render(analysis, "acled-csv", timestamp=1_764_000_000))
    ids = [r["event_id_cnty"] for r in rows]
    assert ids == ["CM-UKR-e1", "CM-UKR-e2", "CM-RUS-e3", "CM-XXX-e4"]
    e1 = rows[0]
    assert e1["event_date"] == "2025-12-01" and int(e1["year"]) == 2025
    assert e1["time_precision"] == "1" and e1["geo_precision"] == "1"
    assert (float(e1["latitude"]), float(e1["longitude"])) == (48.2823, 37.1758)
    assert int(e1["iso"]) == 804 and e1["country"] == "Ukraine" and e1["region"] == "Europe"
    assert e1["admin1"] == "Donetsk Oblast" and e1["location"] == "Pokrovsk"
    assert e1["interaction"] == "11" and e1["actor1"].startswith("Military Forces of")
    assert "claimmap_contradiction=date" in e1["tags"]
    assert all(int(r["timestamp"]) == 1_764_000_000 for r in rows)
    assert all(int(r["fatalities"]) >= 0 for r in rows)


def test_acled_date_with_no_year_is_not_invented(analysis: Analysis) -> None:
    e2 = _rows(render(analysis, "acled-csv", timestamp=0))[1]
    assert e2["event_date"] == "" and e2["year"] == "" and e2["time_precision"] == ""
    assert "--12-02" in e2["notes"] and "claimmap_date_no_year=--12-02" in e2["tags"]


def test_acled_month_date_and_fatalities(analysis: Analysis) -> None:
    e3 = _rows(render(analysis, "acled-csv", timestamp=0))[2]
    assert e3["event_date"] == "2025-12-15" and e3["time_precision"] == "3"
    assert e3["fatalities"] == "12" and e3["iso"] == "643"
    assert e3["civilian_targeting"] == "Civilian targeting"


def test_acled_regions() -> None:
    assert acled_region("UA") == "Europe"
    assert acled_region("GE") == "Caucasus and Central Asia"
    assert acled_region("SY") == "Middle East"
    assert acled_region(None) == ""


# claims CSV -------------------------------------------------------------------


def test_claims_csv_round_trip(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    export(analysis, "claims-csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == CLAIM_COLUMNS
        rows = list(reader)
    assert len(rows) == len(analysis.claims)
    texts = {a.id: a.text for a in analysis.articles}
    for row, claim in zip(rows[:4], analysis.claims[:4], strict=True):
        assert row["claim_id"] == claim.id and row["article_id"] == claim.article_id
        assert row["evidence_text"] == claim.evidence.text
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert texts[row["article_id"]][start:end] == row["evidence_text"]
    assert rows[0]["event_id"] == "e1"
    # "--12-02" would be a formula to a spreadsheet (it computes 10): kept as text
    assert rows[2]["date"] == "'--12-02" and rows[2]["date_precision"] == "day_no_year"


# CSV injection -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["acled-csv", "claims-csv"])
def test_no_cell_starts_a_formula(analysis: Analysis, fmt: str) -> None:
    for row in csv.reader(io.StringIO(render(analysis, fmt, timestamp=0), newline="")):
        for cell in row:
            if cell[:1] == "-":
                float(cell)  # only numbers (a negative coordinate) may start with "-"
            else:
                assert cell[:1] not in ("=", "+", "@", "\t", "\r")


def test_formula_cells_are_neutralised(analysis: Analysis) -> None:
    rows = _rows(render(analysis, "claims-csv"))
    c5 = next(r for r in rows if r["claim_id"] == "c5")
    assert c5["evidence_text"] == "'" + FORMULA and c5["claimant"] == "'-2+3"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell(-73.5) == "-73.5"
    assert safe_cell("plain") == "plain" and safe_cell(None) == ""


# dispatch ---------------------------------------------------------------------------


def test_unknown_format_is_a_clear_error(analysis: Analysis) -> None:
    with pytest.raises(ClaimmapError, match="unknown export format"):
        render(analysis, "xlsx")


def test_export_writes_to_a_stream(analysis: Analysis) -> None:
    buf = io.StringIO()
    export(analysis, "geojson", buf)
    assert json.loads(buf.getvalue())["type"] == "FeatureCollection"


def test_json_export_is_the_analysis_json(analysis: Analysis) -> None:
    pytest.importorskip("claimmap.analysis")
    data = json.loads(render(analysis, "json"))
    assert data["schema"] == "claimmap.analysis/1"
    assert {e["id"] for e in data["events"]} == {"e1", "e2", "e3", "e4"}


def test_acled_csv_loads_with_pandas_beside_acled_rows(analysis: Analysis) -> None:
    pd = pytest.importorskip("pandas")
    ours = pd.read_csv(io.StringIO(render(analysis, "acled-csv", timestamp=0)))
    assert list(ours.columns) == list(ACLED_COLUMNS)
    assert ours["latitude"].dtype.kind == "f" and ours["fatalities"].dtype.kind == "i"
    dates = pd.to_datetime(ours["event_date"], format="%Y-%m-%d")
    assert dates.notna().sum() == 2  # the day and the month event; no date is invented
    # An ACLED-shaped row (illustrative values, not real ACLED data).
    acled_like = pd.DataFrame([dict.fromkeys(ACLED_COLUMNS, "") | {
        "event_id_cnty": "UKR0001", "event_date": "2025-12-01", "year": 2025,
        "time_precision": 1, "iso": 804, "latitude": 48.3, "longitude": 37.2,
        "geo_precision": 1, "fatalities": 0, "timestamp": 1,
    }])
    both = pd.concat([acled_like, ours], ignore_index=True)
    assert list(both.columns) == list(ACLED_COLUMNS) and len(both) == 5
    assert both["latitude"].dtype.kind == "f"
