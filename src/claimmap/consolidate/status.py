"""Event status and the counterclaims that contest an event.

Status, first rule that applies:

* ``contested``: a counterclaim from the other side concerns the same place within
  the date window (the counterclaims' ids go to ``Event.contested_by``);
* ``single_source``: the supporting claims rest on one origin (one story);
* ``corroborated``: independent origins on both sides, or a neutral (``other``)
  claimant among them, or no claimant of either side at all (outlets in their own
  voice);
* ``one_sided``: every identifiable claimant is one side's officials or media.

A counterclaim is a claim whose claimant is on the other side of the event's side
(the partisan claimant side with more independent origins) and that either denies
(type denial, modality ``denied``, or words such as "denied", "false", "fake" in
the evidence of a claim of the event's kind or of a statement), or, against a
change of control, says attacks there were repelled or the place is still held.
Its places are the place its evidence names, or, when the evidence names none
(invented example: "...fought off a dozen assaults in the area"), every town or oblast resolved
in the same article within ``NEAR`` characters before it. Its date (or its
article's publication day) must be within the window of a supporting claim's.
Planned events and statements are never contested.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimmap.consolidate import dates
from claimmap.consolidate.events import family
from claimmap.consolidate.text import fold, words
from claimmap.model import Claim, EventStatus, Mention, Place, Side

NEAR = 400
_DENY = re.compile(r"\b(den(?:y|ies|ied|ial)|false|fake|untrue|not true|refut\w*|lie|lies)\b")
_HOLD = re.compile(
    r"\b(repel\w*|repuls\w*|fought off|beat back|beaten back|still (?:hold|control)\w*|"
    r"remains? (?:under|in) (?:ukrainian|russian) control|remains? in control)\b"
)
_OTHER: dict[str, Side] = {"russia": "ukraine", "ukraine": "russia"}


@dataclass(frozen=True, slots=True)
class Counterclaims:
    """Counterclaim candidates (with when they happened) indexed by place id."""

    by_place: dict[str, tuple[tuple[Claim, dates.When], ...]]

    def against(
        self,
        event_side: Side | None,
        event_family: str,
        place_id: str | None,
        event_whens: Sequence[dates.When],
        supporting: frozenset[str],
        window: int,
    ) -> tuple[str, ...]:
        if event_side not in _OTHER or place_id is None or event_family.endswith(
            ("statement", ":planned")
        ):
            return ()
        found = [
            c.id
            for c, when in self.by_place.get(place_id, ())
            if c.claimant_side == _OTHER[event_side]
            and c.id not in supporting
            and _applies(c, event_family)
            and _date_fits(when, event_whens, window)
        ]
        return tuple(sorted(set(found)))


def _applies(claim: Claim, event_family: str) -> bool:
    """A denial applies to the event's own kind of claim (or as a statement or a
    plain denial); "repelled"/"still held" applies to a change of control."""
    if _denies(claim) and family(claim) in (event_family, "denial", "statement"):
        return True
    return event_family == "control" and bool(_HOLD.search(fold(claim.evidence.text)))


def _denies(claim: Claim) -> bool:
    return (
        claim.modality == "denied"
        or family(claim) == "denial"
        or bool(_DENY.search(fold(claim.evidence.text)))
    )


def _is_candidate(claim: Claim) -> bool:
    return claim.claimant_side in _OTHER and (
        _denies(claim) or bool(_HOLD.search(fold(claim.evidence.text)))
    )


def _date_fits(when: dates.When, supporting: Sequence[dates.When], window: int) -> bool:
    """Some supporting claim is within the window; dates that cannot be compared
    (no date and no publication day) fit."""
    verdicts = [dates.near(when, other, window) for other in supporting]
    return any(verdicts) or all(v is None for v in verdicts)


def _named_in_evidence(claim: Claim, mentions: Sequence[Mention]) -> bool:
    """True when the claim's own evidence names its place."""
    ev = claim.evidence
    if claim.mention_start is not None:
        return ev.start <= claim.mention_start < ev.end
    return any(m.place_id == claim.place_id and ev.start <= m.start < ev.end for m in mentions)


def index_counterclaims(
    claims: Sequence[Claim],
    mentions: Sequence[Mention],
    places: Mapping[str, Place],
    published: Mapping[str, str | None],
) -> Counterclaims:
    """Counterclaims by place: the place their evidence names, or, when the evidence
    names none ("in the area"), every town or oblast named within ``NEAR``
    characters before it (countries excluded)."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.place_id is not None:
            by_article[mention.article_id].append(mention)
    by_place: dict[str, list[tuple[Claim, dates.When]]] = defaultdict(list)
    for claim in claims:
        if not _is_candidate(claim):
            continue
        item = (claim, dates.when(claim.date, published.get(claim.article_id)))
        own = by_article.get(claim.article_id, [])
        if claim.place_id and _named_in_evidence(claim, own):
            by_place[claim.place_id].append(item)
            continue
        start = claim.evidence.start
        near = {
            m.place_id
            for m in own
            if m.place_id and start - NEAR <= m.start <= claim.evidence.end
            and getattr(places.get(m.place_id), "kind", "") != "country"
        } | ({claim.place_id} if claim.place_id else set())
        for place_id in sorted(near):
            by_place[place_id].append(item)
    return Counterclaims({k: tuple(sorted(v, key=lambda i: i[0].id)) for k, v in by_place.items()})


def event_side(claims: Sequence[Claim], origins: Mapping[str, str]) -> Side | None:
    """The side an event is claimed by: the partisan claimant side with more
    independent origins behind it; None when neither side claims it or both equally
    (then no side is "the other")."""
    by_side: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.claimant_side in _OTHER:
            by_side[c.claimant_side].add(origins.get(c.article_id, c.article_id))
    counts = sorted(((len(v), side) for side, v in by_side.items()), reverse=True)
    if not counts or (len(counts) == 2 and counts[0][0] == counts[1][0]):
        return None
    return "russia" if counts[0][1] == "russia" else "ukraine"


MIN_SHARED_WORDS = 8


def independent_origins(claims: Sequence[Claim], origins: Mapping[str, str]) -> int:
    """Story origins behind the claims, counting once origins whose claims rest on
    one verbatim sentence (of ``MIN_SHARED_WORDS`` words or more): a paragraph
    copied into an otherwise different article is not an independent report."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    by_text: dict[str, str] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        origin = find(origins.get(claim.article_id, claim.article_id))
        key = " ".join(words(claim.evidence.text))
        if key.count(" ") + 1 < MIN_SHARED_WORDS:
            continue
        other = find(by_text.setdefault(key, origin))
        if other != origin:
            parent[max(other, origin)] = min(other, origin)
    return len({find(origins.get(c.article_id, c.article_id)) for c in claims})


def status(claims: Sequence[Claim], independent: int, contested_by: Sequence[str]) -> EventStatus:
    """See the module doc; ``independent`` is :func:`independent_origins`."""
    if contested_by:
        return "contested"
    if independent <= 1:
        return "single_source"
    sides = {c.claimant_side for c in claims}
    partisan = sides & set(_OTHER)
    if len(partisan) == 2 or "other" in sides or not partisan:
        return "corroborated"
    return "one_sided"
