"""Numbers with their qualifier and the thing counted.

``up to 495 soldiers killed`` -> Quantity(495, "up to", "killed");
``more than 40 attacks`` -> Quantity(40, "more than", "attacks");
``thousands of Ukrainian soldiers`` -> Quantity(None, "thousands", "soldiers"): a vague
amount keeps its word as the qualifier and no invented value.
Distances, ages, percentages and years are not quantities of a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimmap.model import Quantity

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
VAGUE = ("thousands", "hundreds", "dozens", "scores", "tens of thousands", "several", "many")
QUALIFIERS = (
    "up to", "more than", "over", "at least", "about", "around", "approximately", "nearly",
    "almost", "some", "as many as", "fewer than", "less than", "roughly", "an estimated",
    "at most", "no fewer than", "no less than", "just over", "well over",
)  # fmt: skip
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_WORDS = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion))?"
    rf"|(?P<word>{_WORDS})|(?P<vague>{_VAGUE})(?:\s+of)?)"
    r"(?P<tail>(?:\s+[\w’'‘-]+){1,5})",
    re.IGNORECASE,
)
#: Counted things that are never a claim's quantity.
NOT_COUNTS = re.compile(
    r"^\s*(?:km|kilomet|kms?\b|mile|metre|meter|m\b|percent|per cent|%|year|month|week|day|"
    r"hour|minute|times|people before|inhabitants|residents before|-year-old|years? old)",
    re.IGNORECASE,
)
#: Unit words, first match in the few words after the number wins.
UNITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern, re.IGNORECASE))
    for unit, pattern in (
        ("killed", r"\b(?:killed|dead|died|deaths|killing|eliminated|fatalities)\b"),
        ("wounded", r"\b(?:wounded|injured|injuries)\b"),
        ("captured", r"\b(?:captured|taken prisoner|prisoners?|POWs?|surrendered)\b"),
        ("stranded", r"\b(?:stranded|encircled|surrounded|trapped)\b"),
        ("casualties", r"\b(?:casualties|losses)\b"),
        ("attacks", r"\b(?:attacks?|assaults?)\b"),
        ("drones", r"\b(?:drones?|UAVs?)\b"),
        ("missiles", r"\b(?:missiles?|rockets?)\b"),
        ("tanks", r"\btanks?\b"),
        ("vehicles", r"\b(?:vehicles?|armou?red personnel carriers?|APCs?|trucks?)\b"),
        ("settlements", r"\b(?:settlements?|villages?|localities|towns?)\b"),
        ("soldiers", r"\b(?:soldiers?|servicem[ae]n|troops|fighters|militants)\b"),
        ("civilians", r"\b(?:civilians?|people|residents|children)\b"),
    )
)


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    start: int
    end: int
    quantity: Quantity


def _number(match: re.Match[str]) -> float | None:
    digits, word = match.group("digits"), match.group("word")
    if digits is not None:
        value = float(digits.replace(",", ""))
        scale = match.group("scale")
        return value * _SCALE[scale.lower()] if scale else value
    if word is not None:
        return float(WORD_NUMBERS[word.lower()])
    return None


def _unit(tail: str, after: str) -> str | None:
    for unit, pattern in UNITS:
        if pattern.search(tail):
            if unit == "soldiers" or unit == "civilians":
                for casualty, casualty_pattern in UNITS[:5]:
                    if casualty_pattern.search(after):
                        return casualty
            return unit
    return None


def find_quantities(text: str, start: int, end: int) -> list[FoundQuantity]:
    """Counted amounts in ``text[start:end]`` whose unit is one of :data:`UNITS`."""
    found: list[FoundQuantity] = []
    for match in _NUMBER.finditer(text, start, end):
        tail = match.group("tail")
        if NOT_COUNTS.match(tail) or _is_date_or_year(match):
            continue
        after = text[match.end("tail") : min(end, match.end("tail") + 30)]
        unit = _unit(tail, tail + after)
        if unit is None:
            continue
        vague = match.group("vague")
        qualifier = match.group("qual") or (vague.lower() if vague else None)
        quantity = Quantity(_number(match), qualifier.lower() if qualifier else None, unit)
        found.append(FoundQuantity(match.start(), match.end(), quantity))
    return found


def _is_date_or_year(match: re.Match[str]) -> bool:
    digits = match.group("digits")
    if digits is None or "," in digits or "." in digits:
        return False
    number = int(digits)
    return 1900 <= number <= 2100 and match.group("qual") is None
