"""The faster resolution code must give bit-identical results to the plain versions
it replaced: cohesion (area numbering, terms of one group left out) and the nearest
focus point (a latitude window)."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.geoparse import evidence
from claimmap.geoparse import features as F
from claimmap.geoparse.candidates import Option
from claimmap.geoparse.evidence import Distance
from claimmap.geoparse.recognise import SpanHit
from claimmap.model import Place


def _plain_cohesion(groups: Sequence[Sequence[Option]]) -> list[dict[str, float]]:
    """The dict-keyed cohesion the numbered one replaced."""
    table = [
        ([o.place.id for o in g], [F.base_score(o) for o in g], [F._areas(o.place) for o in g])
        for g in groups
    ]
    support: list[dict[str, float]] = [{} for _ in groups]
    for _ in range(F.COHESION_ROUNDS):
        masses: list[dict[object, float]] = []
        totals: dict[object, float] = {}
        for (ids, bases, keys), before in zip(table, support, strict=True):
            mass: dict[object, float] = {}
            if ids:
                pairs = zip(bases, ids, strict=True)
                scores = [b + F.COHESION * before.get(i, 0.0) for b, i in pairs]
                top = max(scores)
                weights = [math.exp(x - top) for x in scores]
                total = sum(weights)
                for area_keys, w in zip(keys, [w / total for w in weights], strict=True):
                    for _weight, key in area_keys:
                        mass[key] = mass.get(key, 0.0) + w
            masses.append(mass)
            for k, v in mass.items():
                totals[k] = totals.get(k, 0.0) + v
        others = sum(1 for ids, _b, _k in table if ids) - 1
        support = []
        for (ids, _bases, keys), mass in zip(table, masses, strict=True):
            out: dict[str, float] = {}
            for pid, area_keys in zip(ids, keys, strict=True) if others > 0 else ():
                s = 0.0
                for weight, key in area_keys:
                    s += weight * (totals[key] - mass[key])
                out[pid] = s / others
            support.append(out)
    return support


def _random_groups(rng: random.Random) -> list[list[Option]]:
    kinds = ("populated_place", "populated_place", "admin2", "admin1", "country")
    groups = []
    n = 0
    for _ in range(rng.randint(0, 8)):
        group = []
        for _ in range(rng.randint(0, 6)):
            n += 1
            kind = rng.choice(kinds)
            cc = rng.choice(("UA", "RU", "US", None))
            place = Place(f"geonames:{n}", f"Name {rng.randint(0, 3)}", kind,
                          rng.uniform(-60, 60), rng.uniform(-120, 120), cc,
                          rng.choice(("01", "02", None)), None, rng.choice((0, 500, 2_000_000)),
                          rng.choice(("County A", "County B", None)))  # fmt: skip
            group.append(Option(place, rng.choice(("exact", "alternate", "variant"))))
        groups.append(group)
    return groups


def test_cohesion_is_bit_identical_to_the_dict_keyed_version() -> None:
    rng = random.Random(7)
    for _ in range(400):
        groups = _random_groups(rng)
        assert F.cohesion(groups) == _plain_cohesion(groups)


def test_nearest_focus_point_is_the_plain_minimum() -> None:
    rng = random.Random(11)
    for _ in range(300):
        points = [Place(f"p{i}", "P", "populated_place", rng.uniform(44, 53), rng.uniform(22, 41))
                  for i in range(rng.randint(0, 25))]  # fmt: skip
        focus = F.Focus.of([(p, 1) for p in points])
        for _ in range(10):
            place = (
                rng.choice(points)
                if points and rng.random() < 0.3
                else Place("x", "X", "populated_place", rng.uniform(43, 54), rng.uniform(21, 42))
            )
            plain = F.PROXIMITY_KM
            lat, lon = math.radians(place.lat), math.radians(place.lon)
            for p in points:
                if p.id == place.id:
                    continue
                plat, plon = math.radians(p.lat), math.radians(p.lon)
                d = F.EARTH_KM * math.hypot((plon - lon) * math.cos((plat + lat) / 2), plat - lat)
                plain = min(plain, d)
            assert focus.nearest_km(place) == plain


_DISTANCE_PIECES = ["16 km from", "1.5-km of", "3,2 kilometres outside the", "40 miles from",
                    "16", "1.5", " ", "-", "km", "KM", "kilometers", "mi", "mile", "from", "of",
                    "the city of", "Kupiansk", "Izium", "Kupiansk,", ".", "; ", "a", "x5",
                    "some way"]  # fmt: skip


def _distances_plainly(text: str, hits: list[SpanHit]) -> list[Distance]:
    """evidence._distances as it was: _DISTANCE searched before every hit."""
    out = []
    for j, anchor in enumerate(hits):
        m = evidence._DISTANCE.search(text, max(0, anchor.start - 80), anchor.start)
        if m is None or j == 0:
            continue
        subject = evidence._subject_before(text, hits, j, m.start())
        if subject is None:
            continue
        km = float(m.group(1).replace(",", "."))
        if m.group(2).lower().startswith("mi"):
            km *= evidence._MILE_KM
        out.append(Distance(subject, j, km))
    return out


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_DISTANCE_PIECES), max_size=40), st.data())
def test_distances_searched_only_near_a_unit_are_all_distances(
    parts: list[str], data: st.DataObject
) -> None:
    text = " ".join(parts)
    names = [m.span() for m in re.finditer(r"Kupiansk|Izium", text)]
    extra = data.draw(st.lists(st.integers(0, len(text)), max_size=4))
    spans = sorted(set(names) | {(p, p) for p in extra})
    hits = [SpanHit(s, e, text[s:e], "gazetteer") for s, e in spans]
    assert evidence._distances(text, hits) == _distances_plainly(text, hits)
