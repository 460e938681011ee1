"""Scores for one candidate: each piece of evidence adds or subtracts a fixed amount.

The weights are hand-set and documented in docs/geoparse.md; a candidate's score is
the sum, and the resolver turns scores into a confidence with a softmax. Population
is only a prior: it separates candidates nothing else separates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from claimmap.geoparse.candidates import Option
from claimmap.model import Place

MATCH_SCORE = {"exact": 2.0, "alternate": 1.0, "variant": 0.6, "fuzzy": 0.0}
# Areas get a fixed prior in place of the population prior (their populations are
# often unknown in the gazetteer); a town of 100,000 scores 1.75.
KIND_PRIOR = {"country": 4.0, "admin1": 2.4, "region": 2.4, "admin2": 1.5}
CITY_OVER_PROVINCE = 1.5  # "Tehran", "Donetsk": the city, not its same-named province
CITY_OVER_PROVINCE_POPULATION = 100_000
POPULATION_WEIGHT = 0.35
CONTAINER_MATCH = 4.0
CONTAINER_CLASH = -4.0
ALIAS_BOTH_NAMES = 3.0
FOCUS_COUNTRY = 1.5
FOCUS_ADMIN1 = 2.5
FOCUS_CORPUS = 0.8
PROXIMITY = 1.5
PROXIMITY_KM = 400.0
EARTH_KM = 6371.0


def haversine_km(a: Place, b: Place) -> float:
    return haversine(a.lat, a.lon, b.lat, b.lon)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def name_score(option: Option) -> float:
    if option.match == "fuzzy":
        return 6.0 * (option.similarity - 0.8)
    return MATCH_SCORE[option.match]


def prior_score(place: Place) -> float:
    if place.kind in KIND_PRIOR:
        return KIND_PRIOR[place.kind]
    return POPULATION_WEIGHT * math.log10(place.population + 1)


def within(place: Place, container: Place) -> bool:
    """Whether ``place`` lies in ``container`` (a country or a first-level division)."""
    if place.id == container.id or container.country_code is None:
        return False
    if place.country_code != container.country_code:
        return False
    if container.kind == "country":
        return True
    if container.kind in ("admin1", "region") and container.admin1_code:
        return place.admin1_code == container.admin1_code
    return False


@dataclass(frozen=True, slots=True)
class Focus:
    """Where the rest of the text is: weights of countries and first-level divisions
    (each a share in 0..1) and the places resolved with confidence."""

    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    points: tuple[Place, ...]
    corpus: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def of(weighted: list[tuple[Place, int]], corpus: dict[str, float] | None = None) -> Focus:
        """The focus of places, each weighted by its number of mentions."""
        countries: dict[str, float] = {}
        admin1s: dict[tuple[str, str], float] = {}
        n = max(1, sum(w for _p, w in weighted))
        for p, w in weighted:
            if p.country_code:
                countries[p.country_code] = countries.get(p.country_code, 0.0) + w / n
                if p.admin1_code and p.kind != "country":
                    key = (p.country_code, p.admin1_code)
                    admin1s[key] = admin1s.get(key, 0.0) + w / n
        points = tuple(p for p, _w in weighted)
        return Focus(countries, admin1s, points, corpus or {})

    def score(self, place: Place) -> float:
        s = 0.0
        if place.country_code:
            s += FOCUS_COUNTRY * self.countries.get(place.country_code, 0.0)
            s += FOCUS_CORPUS * self.corpus.get(place.country_code, 0.0)
            if place.admin1_code and place.kind != "country":
                s += FOCUS_ADMIN1 * self.admin1s.get((place.country_code, place.admin1_code), 0.0)
        in_focus = not self.countries or place.country_code in self.countries
        if self.points and in_focus and place.kind in ("populated_place", "admin2"):
            s += PROXIMITY * max(0.0, 1.0 - self.nearest_km(place) / PROXIMITY_KM)
        return s

    def nearest_km(self, place: Place) -> float:
        """Distance to the nearest other focus point (an equirectangular estimate:
        good to a few per cent at the few hundred kilometres proximity cares about)."""
        best = PROXIMITY_KM
        lat, lon = math.radians(place.lat), math.radians(place.lon)
        for p in self.points:
            if p.id == place.id:
                continue
            plat = math.radians(p.lat)
            x = (math.radians(p.lon) - lon) * math.cos((plat + lat) / 2)
            d = EARTH_KM * math.hypot(x, plat - lat)
            if d < best:
                best = d
        return best


def distance_ok(place: Place, anchor: Place, km: float) -> bool:
    """A stated distance allows a straight-line distance of up to 1.5 times it plus
    15 km (roads wind, numbers are rounded), and not far less than a third of it."""
    d = haversine_km(place, anchor)
    return km / 3 - 15 <= d <= km * 1.5 + 15
