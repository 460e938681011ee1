"""Events: claims from different articles about one happening, found by blocking.

Claims are grouped into blocks by a key, never compared all-pairs:

* type family (``control``, ``attack``, ``casualties``, ``civilian``, ``statement``,
  ``denial``...; planned or hypothetical claims get their own ``:planned`` family,
  denied ones go to ``denial``),
* place: the claim's ``place_id`` (already alias-resolved by geoparsing); with no
  place, a statement is keyed by its speaker and anything else by its story origin
  (claims with no place only meet claims of the same story),
* actor side; a claim with no actor side takes the block's one known side, if any.

Inside a block, claims are sorted by date and swept into clusters anchored at their
earliest date: a claim joins while it is within ``window`` days of the anchor. A claim
with no date (or only a month or year) is placed at its article's publication day,
for clustering only. Dates with no year join on month-day (circularly). Claims with
neither a date nor a publication day join, in order: a cluster holding a claim of the
same article; one holding a claim of the same story; the block's only cluster (not
for statements); otherwise a cluster of their own.

Claims placed only at oblast level (``admin1``) then fall back to their oblast: one
joins the single event of the same family and side placed in that oblast within the
window, if there is exactly one; otherwise it stays an event of its own.

Cost: one pass to block, a sort per block: O(n log n) overall.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from claimmap.consolidate import dates
from claimmap.consolidate.text import fold
from claimmap.model import Claim, Place

_FAMILY_WORDS: tuple[tuple[str, str], ...] = (
    ("denial", "denial"),
    ("counterclaim", "denial"),
    ("control", "control"),
    ("captur", "control"),
    ("liberat", "control"),
    ("occup", "control"),
    ("withdraw", "control"),
    ("encircl", "control"),
    ("retreat", "control"),
    ("casualt", "casualties"),
    ("loss", "casualties"),
    ("killed", "casualties"),
    ("civilian", "civilian"),
    ("evacuat", "civilian"),
    ("displace", "civilian"),
    ("damage", "civilian"),
    ("attack", "attack"),
    ("offensive", "attack"),
    ("operation", "attack"),
    ("shell", "attack"),
    ("strike", "attack"),
    ("repel", "attack"),
    ("assault", "attack"),
    ("battle", "attack"),
    ("statement", "statement"),
    ("quote", "statement"),
    ("briefing", "statement"),
    ("visit", "statement"),
    ("meeting", "statement"),
)
_COARSE = frozenset({"admin1", "country", "region"})


def family(claim: Claim) -> str:
    """The claim's type family (see module doc)."""
    if claim.modality == "denied":
        return "denial"
    kind = claim.type.casefold()
    base = next((fam for word, fam in _FAMILY_WORDS if word in kind), kind)
    if claim.modality in ("planned", "hypothetical") and base != "denial":
        return f"{base}:planned"
    return base


@dataclass(frozen=True, slots=True)
class BlockKey:
    family: str
    place: str  # "geonames:...", "speaker:<name>" or "origin:<article id>"
    side: str

    def text(self) -> str:
        return f"{self.family}|{self.place}|{self.side}"


@dataclass(frozen=True, slots=True)
class Cluster:
    key: BlockKey
    claims: tuple[Claim, ...]  # sorted by id


@dataclass
class _Open:
    anchor_ord: int | None
    anchor_md: tuple[int, int] | None
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventParams:
    window: int = 3  # days


def _place_key(claim: Claim, origin: str) -> str:
    if claim.place_id:
        return claim.place_id
    if family(claim).startswith("statement") and claim.speaker:
        name = fold(claim.speaker).split()
        if 0 < len(name) <= 5:
            return f"speaker:{name[-1]}"
    return f"origin:{origin}"


def unit(claim: Claim, origins: Mapping[str, str], places: Mapping[str, Place]) -> str:
    """The claim's unit: the blocks that :func:`cluster` must see together. One
    family in one oblast (the admin1 fallback joins blocks within it), or, for a
    block with no oblast, the family and the block's place key."""
    fam = family(claim)
    key = _place_key(claim, origins.get(claim.article_id, claim.article_id))
    place = places.get(key)
    if place is not None and place.admin1_code:
        return f"{fam}|admin1:{place.country_code or ''}:{place.admin1_code}"
    return f"{fam}|{key}"


def block(claims: Sequence[Claim], origins: Mapping[str, str]) -> dict[BlockKey, list[Claim]]:
    """Claims grouped by block key, actor sides filled in per (family, place)."""
    by_place: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        origin = origins.get(claim.article_id, claim.article_id)
        by_place[(family(claim), _place_key(claim, origin))].append(claim)
    blocks: dict[BlockKey, list[Claim]] = defaultdict(list)
    for (fam, place), group in by_place.items():
        known = {c.actor.side for c in group if c.actor and c.actor.side != "unknown"}
        only = next(iter(known)) if len(known) == 1 else "unknown"
        for claim in group:
            side = claim.actor.side if claim.actor and claim.actor.side != "unknown" else only
            blocks[BlockKey(fam, place, side)].append(claim)
    return blocks


def cluster(
    claims: Sequence[Claim],
    published: Mapping[str, str | None],
    origins: Mapping[str, str],
    places: Mapping[str, Place],
    params: EventParams,
) -> list[Cluster]:
    """All clusters, in a deterministic order (by key, then first claim id).
    ``published`` maps article ids to their publication dates. The claims of one
    :func:`unit` are clustered alone exactly as among all claims."""
    fine: list[Cluster] = []
    coarse: list[Cluster] = []
    for key, group in sorted(block(claims, origins).items(), key=lambda kv: kv[0].text()):
        place = places.get(key.place)
        target = coarse if place is not None and place.kind in _COARSE else fine
        for claims_ in _sweep(key, group, published, origins, params.window):
            target.append(Cluster(key, claims_))
    merged = _fallback(fine, coarse, places, published, params.window)
    return sorted(merged, key=lambda c: (c.key.text(), c.claims[0].id))


def _sweep(
    key: BlockKey,
    group: list[Claim],
    published: Mapping[str, str | None],
    origins: Mapping[str, str],
    window: int,
) -> list[tuple[Claim, ...]]:
    days = {c.id: _day(c, published) for c in group}
    full = sorted((c for c in group if days[c.id] is not None), key=lambda c: (days[c.id], c.id))
    opened: list[_Open] = []
    for claim in full:
        day = days[claim.id]
        assert day is not None
        last = opened[-1] if opened else None
        if last is None or last.anchor_ord is None or day - last.anchor_ord > window:
            opened.append(_Open(day, dates.month_day_of(day)))
        opened[-1].claims.append(claim)
    partial = [c for c in group if days[c.id] is None]
    with_md = sorted(
        (c for c in partial if dates.month_day(c.date) is not None), key=_md_order
    )
    for claim in with_md:
        md = dates.month_day(claim.date)
        assert md is not None
        near = [
            o for o in opened
            if o.anchor_md and dates.month_day_distance(o.anchor_md, md) <= window
        ]
        if near:
            max(near, key=lambda o: len(o.claims)).claims.append(claim)
        else:
            opened.append(_Open(None, md, [claim]))
    undated = sorted((c for c in partial if dates.month_day(c.date) is None), key=lambda c: c.id)
    for claim in undated:
        _place_undated(claim, opened, key, origins)
    return [tuple(sorted(o.claims, key=lambda c: c.id)) for o in opened]


def _day(claim: Claim, published: Mapping[str, str | None]) -> int | None:
    """The day a claim is placed at for clustering: its full date; else, unless it
    has a month-day, its article's publication day (news reports recent events)."""
    day = dates.ordinal(claim.date)
    if day is not None or claim.date.precision == "day_no_year":
        return day
    return dates.published_day(published.get(claim.article_id))


def _md_order(claim: Claim) -> tuple[int, str]:
    md = dates.month_day(claim.date)
    return (dates.day_of_year(md) if md else 0, claim.id)


def _place_undated(
    claim: Claim,
    opened: list[_Open],
    key: BlockKey,
    origins: Mapping[str, str],
) -> None:
    origin = origins.get(claim.article_id, claim.article_id)
    tests: tuple[Callable[[_Open], bool], ...] = (
        lambda o: any(c.article_id == claim.article_id for c in o.claims),
        lambda o: any(origins.get(c.article_id, c.article_id) == origin for c in o.claims),
        lambda o: len(opened) == 1 and not key.family.startswith("statement"),
    )
    for test in tests:
        for open_ in opened:
            if test(open_):
                open_.claims.append(claim)
                return
    opened.append(_Open(None, None, [claim]))


def _fallback(
    fine: list[Cluster],
    coarse: list[Cluster],
    places: Mapping[str, Place],
    published: Mapping[str, str | None],
    window: int,
) -> list[Cluster]:
    """Attach oblast-level clusters to the one matching finer event, if unique."""
    by_admin1: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for i, fine_cluster in enumerate(fine):
        place = places.get(fine_cluster.key.place)
        if place and place.admin1_code:
            k = fine_cluster.key
            by_admin1[(k.family, k.side, place.country_code or "", place.admin1_code)].append(i)
    result = list(fine)
    for coarse_cluster in coarse:
        place = places[coarse_cluster.key.place]
        k = coarse_cluster.key
        admin1 = (k.family, k.side, place.country_code or "", place.admin1_code or "")
        options = by_admin1.get(admin1)
        matches = [
            i for i in options or () if _dates_meet(result[i], coarse_cluster, published, window)
        ]
        if place.kind == "admin1" and len(matches) == 1:
            host = result[matches[0]]
            joined = tuple(sorted((*host.claims, *coarse_cluster.claims), key=lambda c: c.id))
            result[matches[0]] = Cluster(host.key, joined)
        else:
            result.append(coarse_cluster)
    return result


def _dates_meet(
    a: Cluster, b: Cluster, published: Mapping[str, str | None], window: int
) -> bool:
    """True when a claim of ``a`` is within the window of one of ``b`` (publication
    day standing in for a missing date), or when none of them can be compared."""
    def whens(c: Cluster) -> list[dates.When]:
        return [dates.when(x.date, published.get(x.article_id)) for x in c.claims]

    verdicts = [dates.near(x, y, window) for x in whens(a) for y in whens(b)]
    return any(verdicts) or all(v is None for v in verdicts)

