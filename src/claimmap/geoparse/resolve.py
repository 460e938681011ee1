"""Resolution: one gazetteer entry per mention, or an honest abstention.

Mentions with the same folded text in one article, and mentions the text says are
aliases of each other, form one *group* ("one sense per discourse"): a group is
resolved once, over the union of its members' candidates, with every member's
evidence. Ranking (:func:`rank`) is kept apart from the decision (:func:`decide`).

Two passes: first without document focus, to find anchors (groups resolved with
confidence); then again with the focus of the anchors other than the group itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Final, NamedTuple

from claimmap.geoparse import features as F
from claimmap.geoparse.candidates import Option
from claimmap.geoparse.evidence import TextEvidence
from claimmap.geoparse.text import key_fold
from claimmap.model import Place

ABSTAIN_BELOW: Final = 0.40  # measured: below it the top candidate is right less than half the time
IN_FOCUS_ABSTAIN_BELOW: Final = 0.30  # ... when the top candidate is in the text's main country
FOCUS_MAJORITY: Final = 0.5  # the main country: at least this share of the confident places
# a name that matched only as a near-spelling (fuzzy) or a romanisation variant needs
# this confidence: a near tie reached through an inexact name is a coin flip
FUZZY_ABSTAIN_BELOW: Final = 0.50
ANCHOR_CONFIDENCE: Final = 0.75
VARIANT_DISCOUNT: Final = 0.85
SAME_PLACE_KM: Final = 25.0
RIVALS: Final = 3
TOP_CANDIDATES: Final = 5

@dataclass(slots=True)
class Group:
    members: list[int]
    options: dict[str, Option]  # place id -> best option
    first_name: dict[str, str]  # place id -> the first surface that matched it
    containers: list[int] = field(default_factory=list)  # hit indices
    state_names: list[str] = field(default_factory=list)
    distances: list[tuple[int, float]] = field(default_factory=list)  # (anchor hit, km)
    aliased: bool = False
    cohesion: dict[str, float] = field(default_factory=dict)  # place id -> support
    namesakes: _Namesakes | None = None  # see _namesakes, once per group
    base: dict[str, float] = field(default_factory=dict)  # place id -> name + prior score
    fixed: list[_Fixed] | None = None  # see _fixed, once per group
    both_names: set[str] = field(default_factory=set)  # place ids two surfaces matched


class Decision(NamedTuple):
    place: Place | None
    confidence: float
    reason: str
    ranked: tuple[tuple[Place, float], ...]
    match: str = ""  # how the chosen place's name matched (see candidates.Option)


def build_groups(
    texts: list[str], options: list[tuple[Option, ...]], ev: TextEvidence
) -> tuple[list[Group], list[int]]:
    """Groups and, for each mention, the index of its group."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    surfaces = [key_fold(t) for t in texts]  # remembered by key_fold itself
    first_of: dict[str, int] = {}
    for i, k in enumerate(surfaces):
        if k in first_of:
            parent[find(i)] = find(first_of[k])
        else:
            first_of[k] = i
    for a, b in ev.aliases:
        parent[find(a)] = find(b)
    distances: dict[int, list[tuple[int, float]]] = {}
    for d in ev.distances:
        distances.setdefault(d.subject, []).append((d.anchor, d.km))
    roots: dict[int, int] = {}
    groups: list[Group] = []
    of: list[int] = []
    # (group, surface, option tuple) already added: a repeat adds no option and no name,
    # so its options are skipped (id() is safe: ``options`` keeps every tuple alive)
    added: set[tuple[int, str, int]] = set()
    for i in range(len(texts)):
        r = find(i)
        if r not in roots:
            roots[r] = len(groups)
            # the mutable fields given (no default factories to run): thousands per corpus
            groups.append(Group([], {}, {}, containers=[], state_names=[], distances=[],
                                cohesion={}, base={}, both_names=set()))
        gi = roots[r]
        of.append(gi)
        seen = (gi, surfaces[i], id(options[i]))
        fresh = seen not in added
        added.add(seen)
        _add_member(groups[gi], i, surfaces[i], options[i] if fresh else (), ev)
        groups[gi].distances.extend(distances.get(i, ()))
    for a, _b in ev.aliases:
        groups[of[a]].aliased = True
    for g in groups:
        g.base = {pid: F.base_score(o) for pid, o in g.options.items()}
    support = F.cohesion(
        [list(g.options.values()) for g in groups], [list(g.base.values()) for g in groups]
    )
    for g, s in zip(groups, support, strict=True):
        g.cohesion = s
    return groups, of


_AREA_KINDS: Final = ("country", "admin1", "region")  # areas a town's name may merely echo
_POINTS: Final = ("populated_place", "admin2")  # distance statements measure between towns
# the text's other places support a name, not a near-spelling
_NAMED: Final = ("exact", "alternate")
_MATCH_ORDER: Final = {"exact": 0, "alternate": 1, "variant": 2, "fuzzy": 3}


def _rank(o: Option) -> int:
    """How well a name matched: a city named by an alternate name ("New York" for
    New York City) does not beat its province named by its main name."""
    return _MATCH_ORDER[o.match]


def _add_member(g: Group, i: int, surface: str, opts: tuple[Option, ...], ev: TextEvidence) -> None:
    """Add mention ``i`` (folded text ``surface``) with its options and its containers;
    its distance statements are added by :func:`build_groups`."""
    g.members.append(i)
    order = _MATCH_ORDER
    for o in opts:
        pid = o.place.id
        if g.first_name.setdefault(pid, surface) != surface:
            g.both_names.add(pid)
        old = g.options.get(pid)
        if old is None or order[o.match] < order[old.match]:
            g.options[pid] = o
    if i in ev.containers:
        g.containers.append(ev.containers[i])
    if i in ev.state_names:
        g.state_names.append(ev.state_names[i])


class Context(NamedTuple):
    """What the rest of the text says, for one group: its containers' places, the
    focus of the other anchors, and the places of its distance anchors."""

    containers: tuple[Place, ...]
    focus: F.Focus | None
    distance_anchors: tuple[tuple[Place, float], ...]


# What :func:`rank` adds up for one option before the context, in its order (see _fixed):
# option, score after the cohesion term, score as it stands without containers (with the
# namesake penalty and the capital bonus), the reasons so far, the namesake penalty
# (None when it does not apply), whether it is a capital.
_Fixed = tuple[Option, float, float, tuple[str, ...], float | None, bool]
# What _namesakes finds of a group: its areas matched by main name, the names they bear,
# the largest population of a town matched by main name.
_Namesakes = tuple[tuple[Place, ...], frozenset[str], int]
# One ranked option: the option, its score, the evidence behind it.
Ranked = tuple[Option, float, tuple[str, ...]]


_SCORE: Final = itemgetter(1)


def rank(g: Group, ctx: Context) -> list[Ranked]:
    """Every surviving option with its score and the evidence behind it, best first."""
    out: list[Ranked] = []
    rejected: list[Ranked] = []
    if g.fixed is None:
        g.fixed = _fixed(g)
    containers, focus = ctx.containers, ctx.focus
    anchors = [(a, km) for a, km in ctx.distance_anchors if a.kind in _POINTS]
    for o, before, alone, why0, penalty, capital in g.fixed:
        p = o.place
        if anchors and p.kind in _POINTS and any(not F.distance_ok(p, a, km) for a, km in anchors):
            rejected.append((o, -math.inf, ("contradicts a stated distance",)))
            continue
        why = why0  # a tuple: grown (rarely) by copying, never changed in place
        if containers:
            s = before
            for c in containers:
                if F.within(p, c):
                    s += F.CONTAINER_MATCH
                    why = (*why, f"admin context ({c.name})")
                elif c.id != p.id:
                    s += F.CONTAINER_CLASH
            if penalty is not None:
                s += 0.0 if any(F.within(p, c) for c in containers) else penalty
            if capital:
                s += F.CAPITAL
        else:
            s = alone  # the same additions, made once
        if ctx.distance_anchors:
            why = (*why, "distance statement")
        if focus is not None:
            f = focus.score(p)
            s += f
            if f >= 1.0:
                why = (*why, "document focus")
        out.append((o, s, why))
    # best first; ties keep their order (a reversed sort is stable too)
    out.sort(key=_SCORE, reverse=True)
    return out + rejected


def _fixed(g: Group) -> list[_Fixed]:
    """What :func:`rank` scores regardless of the context, per option in the group's
    order, summed in the order rank would sum it: name and prior, a city over its
    province, both names of an alias, cohesion; then, when no container is stated, the
    namesake penalty (the one context-dependent part: a stated container around the
    town lifts it) and the capital bonus."""
    provinces = [o for o in g.options.values() if o.place.kind == "admin1"]
    if g.namesakes is None:
        g.namesakes = _namesakes(g)
    area_options, area_names, exact_population = g.namesakes
    bases, support, both = g.base, g.cohesion, g.both_names  # (looked up once: hot loop)
    alias: tuple[str, ...] = ("alias stated in text",) if g.aliased else ()
    out: list[_Fixed] = []
    for pid, o in g.options.items():
        p = o.place
        base = bases.get(pid)  # computed once per group by build_groups
        s = base if base is not None else F.base_score(o)
        if (provinces and p.population >= F.CITY_OVER_PROVINCE_POPULATION
                and any(F.within(p, a.place) and _rank(o) <= _rank(a) for a in provinces)):
            s += F.CITY_OVER_PROVINCE
        if pid in both:
            s += F.ALIAS_BOTH_NAMES
        named = o.match in _NAMED
        near = F.COHESION * support.get(pid, 0.0) if named else 0.0
        s += near
        why = (*alias, "same area as the text's other places") if near >= 1.0 else alias
        alone = s
        penalty = None
        if p.kind == "populated_place" and (area_options or o.match == "alternate"):
            penalty = _namesake_penalty(o, area_options, area_names, exact_population)
            alone += penalty
        capital = named and F.facts(p).capital
        if capital:
            alone += F.CAPITAL
        out.append((o, s, alone, why, penalty, capital))
    return out


def _namesakes(g: Group) -> _Namesakes:
    """The countries, first-level divisions and regions the group's name matched by their
    main name; the names they bear (their own, and the group's name that matched each:
    "Chechnya", a name reporting gives the Chechen Republic); and the largest population
    of a town it matched by main name."""
    areas = tuple(o.place for o in g.options.values()
                  if o.match == "exact" and o.place.kind in _AREA_KINDS)  # fmt: skip
    names = frozenset(key_fold(a.name) for a in areas) | frozenset(
        g.first_name[a.id] for a in areas if a.id in g.first_name
    )
    exact = [o.place.population for o in g.options.values()
             if o.match == "exact" and o.place.kind == "populated_place"]  # fmt: skip
    return areas, names, max(exact, default=-1)


def _namesake_penalty(
    o: Option, areas: tuple[Place, ...], area_names: frozenset[str], exact_population: int
) -> float:
    """A town that only shares its name with an area the name means ("Italy" is the
    country, not Italy, Texas; "Middle East" the region, not the Maryland village), or
    that the name matches only as an alternate while a bigger town bears it
    ("Kaliningrad" is not Korolev's old name). A stated container around the town
    ("Italy, Texas") lifts both: :func:`rank` leaves the penalty out then."""
    p = o.place
    penalty = 0.0
    if (areas and p.population < F.CITY_OVER_PROVINCE_POPULATION
            and key_fold(p.name) in area_names
            and not any(F.within(p, a) for a in areas)):  # fmt: skip
        penalty += F.AREA_NAMESAKE
    if o.match == "alternate" and exact_population >= p.population:
        penalty += F.ALTERNATE_OUTRANKED
    return penalty


def decide(
    g: Group, ranked: list[Ranked], abstain_below: float = ABSTAIN_BELOW
) -> Decision:
    """Turn scores into a confidence and pick the top, or abstain when the confidence
    is below ``abstain_below`` (0 answers whenever any candidate is left)."""
    if not ranked:
        return Decision(None, 0.0, "no gazetteer entry fits", ())
    if ranked[0][1] == -math.inf:
        listed0 = tuple((o.place, 0.0) for o, _s, _w in ranked[:TOP_CANDIDATES])
        return Decision(None, 0.0, "every candidate contradicts a stated distance", listed0)
    ranked_all = ranked
    if ranked[-1][1] == -math.inf:  # rank lists the rejected options last
        ranked = [t for t in ranked if t[1] != -math.inf]
    best, best_score, why = ranked[0]
    conf = _margin_confidence(best, best_score, ranked)
    listed = _listed(ranked, ranked_all[len(ranked) :])
    if best.match == "variant":
        conf *= VARIANT_DISCOUNT  # a romanisation variant suggests identity, not proves it
        if abstain_below > 0 and conf < FUZZY_ABSTAIN_BELOW:
            return Decision(None, round(conf, 3), "ambiguous: evidence too weak", listed)
    if best.match == "fuzzy":
        conf *= best.similarity
        if conf < FUZZY_ABSTAIN_BELOW or not why:
            return Decision(None, round(conf, 3), "weak fuzzy match only", listed)
    if conf < abstain_below:
        return Decision(None, round(conf, 3), "ambiguous: evidence too weak", listed)
    reason = _reason(best, why, len(ranked))
    return Decision(best.place, round(conf, 3), reason, listed, best.match)


def _listed(
    ranked: list[Ranked], rejected: list[Ranked]
) -> tuple[tuple[Place, float], ...]:
    """The top candidates with their softmax share of the total score mass (rejected
    ones, listed last, score 0)."""
    top = ranked[0][1]
    if len(ranked) == 1 and not rejected and math.isfinite(top):
        return ((ranked[0][0].place, 1.0),)  # exp(0) / exp(0), rounded: what follows gives
    weights = [math.exp(s - top) for _o, s, _w in ranked]
    total = sum(weights)
    pairs = zip(ranked[:TOP_CANDIDATES], weights[:TOP_CANDIDATES], strict=False)
    shown = [(o.place, round(w / total, 3)) for (o, _s, _w), w in pairs]
    shown += [(o.place, 0.0) for o, _s, _w in rejected]
    return tuple(shown[:TOP_CANDIDATES])


def _margin_confidence(
    best: Option, best_score: float, ranked: list[Ranked]
) -> float:
    """The top's share of a softmax over it and its :data:`RIVALS` best rivals
    *elsewhere*: entries within :data:`SAME_PLACE_KM` of the top one (a city and its
    centre) are not rivals, and a long tail of weak rivals does not dilute it."""
    if len(ranked) == 1:
        return 1.0  # what the softmax gives with no rival: 1 / (1 + 0)
    rivals: list[float] = []
    top = best.place
    for i in range(1, len(ranked)):
        o, s, _w = ranked[i]
        if len(rivals) == RIVALS or s < best_score - 8.0:  # exp(-8): negligible
            break
        # a degree of latitude apart is over 110 km: far more than SAME_PLACE_KM, with
        # room for any rounding, so the distance need not be computed
        p = o.place
        if abs(p.lat - top.lat) > 1.0 or F.haversine_km(p, top) > SAME_PLACE_KM:
            rivals.append(s)
    weights = [math.exp(s - best_score) for s in rivals]
    return 1.0 / (1.0 + sum(weights))


def _reason(o: Option, why: tuple[str, ...], n: int) -> str:
    match = o.match
    similarity = o.similarity if match == "fuzzy" else 1.0  # only a fuzzy reason shows it
    return _reason_text(match, similarity, why, n == 1, o.place.kind == "populated_place")


@lru_cache(maxsize=4096)
def _reason_text(match: str, similarity: float, why: tuple[str, ...], only: bool,
                 town: bool) -> str:
    """:func:`_reason` from what it depends on (remembered: a few hundred reasons recur)."""
    parts = list(dict.fromkeys(why))
    if match == "fuzzy":
        parts.append(f"fuzzy name match ({similarity:.2f})")
    elif match == "variant":
        parts.append("transliteration variant")
    elif match == "alternate":
        parts.append("alternate name")
    if only and not parts:
        parts.append("only candidate")
    if not parts:
        parts.append("population prior" if town else "kind prior")
    return "; ".join(parts)
