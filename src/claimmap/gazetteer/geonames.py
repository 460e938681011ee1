"""Streaming readers for GeoNames dump formats (https://download.geonames.org/export/dump/,
CC BY 4.0). Each reader yields parsed rows or :class:`BadLine` records naming
``file:line`` and a reason; nothing is held in memory beyond one line.

Formats: ``allCountries.txt`` and country files (``UA.txt``: 19 tab-separated
columns), ``admin1CodesASCII.txt`` / ``admin2Codes.txt`` (code, name, ascii name,
geonameid) and ``alternateNamesV2.txt`` (10 columns).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from claimmap.model import PlaceKind

FileKind = Literal["places", "admin1", "admin2", "alternates"]

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
_LATIN_OR_CYRILLIC = re.compile(r"^[\s\d\W\u0041-\u024F\u1E00-\u1EFF\u0400-\u052F]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class PlaceRow:
    geonameid: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: PlaceKind
    country_code: str | None
    admin1_code: str | None
    admin2_code: str | None
    population: int


@dataclass(frozen=True, slots=True)
class AdminRow:
    """A line of admin1CodesASCII or admin2Codes: ``code`` is ``UA.05`` or ``UA.05.123``."""

    code: str
    name: str
    ascii_name: str
    geonameid: int


@dataclass(frozen=True, slots=True)
class AlternateRow:
    geonameid: int
    name: str
    language: str
    historic: bool


@dataclass(frozen=True, slots=True)
class BadLine:
    where: str  # path:line
    reason: str


Row = PlaceRow | AdminRow | AlternateRow | BadLine


def keep_name(name: str) -> bool:
    """True for names written in Latin or Cyrillic script (others are dropped to
    keep the index compact) that contain at least one letter."""
    return bool(_HAS_LETTER.search(name)) and bool(_LATIN_OR_CYRILLIC.match(name))


def place_kind(feature_class: str, feature_code: str) -> PlaceKind | None:
    """The model kind for a GeoNames feature, or None for features not indexed
    (rivers, mountains, buildings...)."""
    if feature_class == "P":
        return "populated_place"
    if feature_class == "A":
        if feature_code in COUNTRY_CODES:
            return "country"
        if feature_code == "ADM1":
            return "admin1"
        if feature_code == "ADM2":
            return "admin2"
    return None


def detect_kind(path: Path) -> FileKind:
    """Which GeoNames format a file is, from its name."""
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith(("alternatenames", "alternatename")):
        return "alternates"
    return "places"


def _int(text: str, default: int = 0) -> int:
    return int(text) if text.strip() else default


def parse_place(cols: list[str]) -> PlaceRow | str | None:
    """One allCountries line split on tabs: a row, a reason string, or None (skipped)."""
    if len(cols) < 15:
        return f"expected 19 tab-separated columns, found {len(cols)}"
    kind = place_kind(cols[6], cols[7])
    if kind is None:
        return None
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        population = _int(cols[14])
    except ValueError as exc:
        return f"bad number ({exc})"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"coordinates out of range ({lat}, {lon})"
    alternates = tuple(a for a in cols[3].split(",") if a and keep_name(a))
    return PlaceRow(
        geonameid=gid,
        name=cols[1],
        alternates=alternates,
        lat=lat,
        lon=lon,
        kind=kind,
        country_code=cols[8] or None,
        admin1_code=cols[10] or None,
        admin2_code=cols[11] or None,
        population=population,
    )


def _parse_admin(cols: list[str]) -> AdminRow | str:
    if len(cols) < 4:
        return f"expected 4 tab-separated columns (code, name, ascii name, id), found {len(cols)}"
    if "." not in cols[0]:
        return f"admin code {cols[0]!r} is not COUNTRY.CODE"
    try:
        return AdminRow(cols[0], cols[1], cols[2], int(cols[3]))
    except ValueError:
        return f"geonameid {cols[3]!r} is not a number"


def _parse_alternate(cols: list[str]) -> AlternateRow | str | None:
    if len(cols) < 4:
        return f"expected 10 tab-separated columns, found {len(cols)}"
    lang = cols[2]
    if lang in {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc"}:
        return None  # codes and links, not names
    if not keep_name(cols[3]):
        return None
    try:
        gid = int(cols[1])
    except ValueError:
        return f"geonameid {cols[1]!r} is not a number"
    historic = len(cols) > 7 and cols[7] == "1"
    return AlternateRow(gid, cols[3], lang, historic)


def read(path: Path) -> Iterator[Row]:
    """Stream the rows of one GeoNames file (format detected from its name)."""
    kind = detect_kind(path)
    with path.open(encoding="utf-8", errors="replace", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            parsed: Row | str | None
            if kind == "places":
                parsed = parse_place(cols)
            elif kind == "alternates":
                parsed = _parse_alternate(cols)
            else:
                parsed = _parse_admin(cols)
            if isinstance(parsed, str):
                yield BadLine(f"{path}:{number}", parsed)
            elif parsed is not None:
                yield parsed
