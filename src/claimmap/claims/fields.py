"""The fields of one claim from its clause: actor and target, quantity, modality,
background test. Each function reads ``text[start:end]`` only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from claimmap.claims.actors import FoundParty
from claimmap.claims.lexicon import MODALITY_CUES
from claimmap.claims.quantities import FoundQuantity
from claimmap.model import Modality, Party, Quantity

#: Units that can be the quantity of each claim type.
UNITS_FOR: dict[str, frozenset[str]] = {
    "casualties": frozenset(
        {"killed", "wounded", "captured", "casualties", "soldiers", "civilians"}
    ),
    "equipment_loss": frozenset({"vehicles", "tanks", "drones", "missiles"}),
    "attack_repelled": frozenset({"attacks"}),
    "offensive": frozenset({"attacks", "soldiers", "settlements"}),
    "strike": frozenset({"drones", "missiles", "killed", "wounded", "attacks"}),
    "interception": frozenset({"drones", "missiles"}),
    "encirclement": frozenset({"stranded", "soldiers"}),
    "control_change": frozenset({"settlements"}),
    "civilian_impact": frozenset({"civilians", "killed", "wounded"}),
    "civilian_harm": frozenset({"civilians", "killed", "wounded"}),
    "arrest": frozenset({"civilians", "soldiers"}),
}
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:while|but|whereas|although|though)\b|\s+but\s")
_NOT_DENIAL = re.compile(r"\bnot (?:only|just|merely)\b", re.IGNORECASE)
_HISTORY = re.compile(
    r"\b(?:aftermath of|in the wake of|ever since|legacy of|history of|anniversary|"
    r"(?:First|Second) World War|World War (?:I|II|One|Two)|WWI+|WW[12]|Great Patriotic War|"
    r"(?:years|decades) (?:ago|before|earlier))\b",
    re.I,
)
#: Link and navigation text: a headline list or "Read more", not a report.
_LINK_TEXT = re.compile(
    r"\b(?:Read (?:more|also|the (?:full )?(?:report|story|article))|Other Topics of Interest|"
    r"See also|Related (?:articles?|stories|news))\b",
    re.I,
)
_YEAR = re.compile(
    r"\b(?i:since|of|in|from)\s+(?P<year>(?:19|20)\d\d)(?P<range>\s*[-–]\s*\d{2,4})?\b"
)
_BARE_YEAR = re.compile(r"(?<![\d,.-])\b((?:19|20)\d\d)\b(?![\d%-]|[,.]\d)")
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_LOSER_FIRST = frozenset({"casualties", "equipment_loss", "encirclement"})
#: A party name right after a locative preposition is a place (``in eastern Ukraine``).
PLACE_NAMED_PARTIES = frozenset({"Russia", "Ukraine", "Kyiv", "Kiev", "Moscow"})
LOCATIVE = re.compile(
    r"\b(?:in|into|across|from|to|towards?|near|throughout|inside|within)\s+(?:the\s+)?"
    r"(?:(?:eastern|western|southern|northern|central|south|north|east|west)\s+)?$",
    re.I,
)


def is_place_use(text: str, found: FoundParty) -> bool:
    """True for a country or capital named as a place (``in eastern Ukraine``)."""
    if found.party.name not in PLACE_NAMED_PARTIES:
        return False
    return LOCATIVE.search(text, max(0, found.start - 40), found.start) is not None


def quantity(found_quantities: Sequence[FoundQuantity], claim_type: str) -> Quantity | None:
    """The first quantity whose unit suits the claim type."""
    units = UNITS_FOR.get(claim_type)
    if units is None:
        return None
    for found in found_quantities:
        if found.quantity.unit in units:
            return found.quantity
    return None


def clause(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> tuple[int, int]:
    """The clause around a trigger: bounded by ``;``, ``:``, dashes or a contrast."""
    start, end = sentence
    for match in _CLAUSE_BREAK.finditer(text, start, trigger[0]):
        start = match.end()
    following = _CLAUSE_BREAK.search(text, trigger[1], end)
    return start, following.start() if following else end


def modality(text: str, window: tuple[int, int], attributed: bool) -> Modality:
    """Denied, planned or hypothetical from cue words in the window; else reported
    when a claimant is named, else asserted."""
    words = _NOT_DENIAL.sub(" ", text[window[0] : window[1]])
    for value, pattern in MODALITY_CUES:
        if pattern.search(words):
            return value  # type: ignore[return-value]
    return "reported" if attributed else "asserted"


def parties(
    text: str,
    found_parties: Sequence[FoundParty],
    claim_type: str,
    trigger: tuple[int, int],
    skip: tuple[int, int] | None,
) -> tuple[Party | None, Party | None]:
    """(actor, target): the subject party before the trigger and the other side after it.
    For losses the party nearest the trigger is the one that lost (the target)."""
    found = [
        p for p in found_parties
        if (skip is None or not (skip[0] <= p.start < skip[1]))
        and not is_place_use(text, p)
    ]  # fmt: skip
    before = [p for p in found if p.end <= trigger[0]]
    after = [p for p in found if p.start >= trigger[1]]
    if claim_type in _LOSER_FIRST:
        near = sorted(found, key=lambda p: min(abs(p.start - trigger[1]), abs(trigger[0] - p.end)))
        if not near:
            return None, None
        loser = near[0].party
        return next((p.party for p in near if p.party.side != loser.side), None), loser
    by = [p for p in after if p.start - trigger[1] <= 30 and _BY.search(text, p.start - 8, p.start)]
    actor = by[0].party if by else (before[-1].party if before else None)
    target = next((p.party for p in after if actor is None or p.party.side != actor.side), None)
    return actor, target


def is_link_text(text: str, start: int, end: int) -> bool:
    """True for a sentence of link or navigation text (``Read more: ...``)."""
    return _LINK_TEXT.search(text, start, end) is not None


def is_background(text: str, start: int, end: int, published: date | None) -> bool:
    """True for history (``since 2014``, ``the protests of 2013-2014``, ``in the
    aftermath of``, ``80 years ago``, a year two or more before publication): context, not a claim
    about the reported events."""
    if _HISTORY.search(text, start, end):
        return True
    for match in _YEAR.finditer(text, start, end):
        year = int(match.group("year"))
        if match.group("range") or text[match.start() : match.start() + 5].lower() == "since":
            return True
        if published is None or year < published.year - 1:
            return True  # with no publication date, a year alone marks history
    if published is not None:
        for match in _BARE_YEAR.finditer(text, start, end):
            if int(match.group(1)) < published.year - 1:
                return True  # "(1939)", "the 1973 war"
    return False
