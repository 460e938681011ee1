"""The report's map as inline SVG: country outlines under the events and places.

Country outlines come from the ``countryinfo`` package (MIT), which ships each
country's boundary as GeoJSON derived from Natural Earth's 1:110m countries (public
domain). Nothing is fetched: the geometry is read from the installed package, and
nothing of it is kept in this repository.

The projection is equirectangular with the x axis scaled by cos(middle latitude),
which keeps shapes right at the scale of one region, clipped to the data's bounding
box with a margin.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

BASEMAP_CREDIT = (
    "Country outlines: Natural Earth (public domain), 1:110m, as shipped by the "
    "countryinfo package (MIT)."
)

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring, then holes


def _rings(geometry: dict[str, object]) -> Iterator[tuple[Ring, ...]]:
    coords = geometry.get("coordinates")
    polygons = [coords] if geometry.get("type") == "Polygon" else coords
    for polygon in polygons if isinstance(polygons, list) else []:
        yield tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in polygon)


@cache
def countries() -> tuple[Country, ...]:
    """Every country outline the installed package ships (empty if it is absent)."""
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return ()
    found: list[Country] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        features = (data.get("geoJSON") or {}).get("features") or []
        polygons = tuple(p for f in features for p in _rings(f.get("geometry") or {}))
        if polygons:
            code = str((data.get("ISO") or {}).get("alpha2", ""))
            found.append(Country(code, str(data.get("name", code)), polygons))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class View:
    """A lon/lat box drawn into a ``width`` x ``height`` pixel SVG."""

    west: float
    south: float
    east: float
    north: float
    width: int

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        return self.width / ((self.east - self.west) * self.kx)

    @property
    def height(self) -> int:
        return max(1, round((self.north - self.south) * self.scale))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def intersects(self, ring: Ring) -> bool:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        return not (
            max(lons) < self.west or min(lons) > self.east
            or max(lats) < self.south or min(lats) > self.north
        )  # fmt: skip


DEFAULT_BOX = (22.0, 44.0, 40.5, 52.5)  # Ukraine, when nothing is placed


def _trimmed(values: list[float]) -> list[float]:
    """Drop the outer 5% either side once there are 20 values or more, so one far
    outlier does not shrink every other marker to a dot."""
    values = sorted(values)
    cut = len(values) // 20 if len(values) >= 20 else 0
    return values[cut : len(values) - cut]


def fit_view(points: Sequence[tuple[float, float]], width: int = 760, aspect: float = 1.6) -> View:
    """The view around ``points`` ((lon, lat) pairs) with a 15% margin, at least 4
    degrees of latitude tall (so one place still shows its neighbourhood), widened
    or heightened to ``aspect`` (width / height)."""
    if not points:
        return View(*DEFAULT_BOX, width=width)
    lons = _trimmed([p[0] for p in points])
    lats = _trimmed([p[1] for p in points])
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    kx = math.cos(math.radians(mid_lat))
    lat_span = max(max(lats) - min(lats), 4.0) * 1.3
    lon_span = (max(lons) - min(lons)) * 1.3
    if lon_span * kx < aspect * lat_span:
        lon_span = aspect * lat_span / kx
    else:
        lat_span = lon_span * kx / aspect
    south = max(mid_lat - lat_span / 2, -85.0)
    north = min(mid_lat + lat_span / 2, 85.0)
    return View(mid_lon - lon_span / 2, south, mid_lon + lon_span / 2, north, width)


def _path(ring: Ring, view: View) -> str:
    out: list[str] = []
    last = ""
    for lon, lat in ring:
        x, y = view.xy(lon, lat)
        point = f"{x:.1f} {y:.1f}"
        if point != last:
            out.append(point)
            last = point
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""


def country_paths(view: View, pool: Iterable[Country] | None = None) -> list[tuple[Country, str]]:
    """(country, SVG path data) for every country that shows in ``view``."""
    drawn: list[tuple[Country, str]] = []
    for country in countries() if pool is None else pool:
        parts = [
            _path(ring, view)
            for polygon in country.polygons
            if view.intersects(polygon[0])
            for ring in polygon
        ]
        data = "".join(p for p in parts if p)
        if data:
            drawn.append((country, data))
    return drawn
