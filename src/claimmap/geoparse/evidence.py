"""Evidence the text itself gives about its place names, read between mentions:

* stated aliases: "X, known in Ukrainian as Y", "Y (X)", "X, formerly Y";
* administrative context: "X in Kharkiv Oblast", "X, Donetsk Oblast", "X, La.";
* distance statements: "X, approximately 16 kilometers from Y".

Nothing here decides a place; it only records which mentions are linked and how.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Final

from claimmap.geoparse.lexicon import ABBREVIATION, US_STATE_ABBREVIATIONS
from claimmap.geoparse.recognise import SpanHit

_ALIAS_BETWEEN: Final = re.compile(
    r"^\s*,?\s*(?:(?:which\s+is\s+|is\s+|was\s+|now\s+|also\s+|once\s+|previously\s+|formerly\s+)?"
    r"(?:known|called|named|renamed|referred\s+to)(?:\s+in\s+[A-Z][a-z]+)?(?:\s+as)?"
    r"|formerly|previously|now|once|aka|a\.k\.a\.|or\s+in\s+[A-Z][a-z]+)\s+$"
)
_OPEN_PAREN: Final = re.compile(r"^\s*\(\s*(?:or\s+|formerly\s+|also\s+|aka\s+|now\s+)?$")
_CLOSE_PAREN: Final = re.compile(r"\s*\)")  # used with match(text, pos): no ^
_CONTAINED_BETWEEN: Final = re.compile(r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*,\s*in\s+(?:the\s+)?)$")
_DISTANCE: Final = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(km|kilomet(?:er|re)s?|mi\b|miles?)\b[^.;]{0,30}?"
    r"\b(?:from|of|outside)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
_MILE_KM: Final = 1.609344

_ABBREV: Final = re.compile(r"\s*,\s*(" + ABBREVIATION + r")")  # used with match(text, pos): no ^


@dataclass(frozen=True, slots=True)
class Distance:
    """``hits[subject]`` is said to be ``km`` from ``hits[anchor]``."""

    subject: int
    anchor: int
    km: float


@dataclass(slots=True)
class TextEvidence:
    """Links between the mentions of one text, by index into its hit list."""

    aliases: list[tuple[int, int]] = field(default_factory=list)
    containers: dict[int, int] = field(default_factory=dict)  # mention -> its container
    state_names: dict[int, str] = field(default_factory=dict)  # mention -> "Louisiana"
    distances: list[Distance] = field(default_factory=list)


def read_evidence(text: str, hits: list[SpanHit]) -> TextEvidence:
    ev = TextEvidence()
    for i, hit in enumerate(hits):
        after = text[hit.end : hit.end + 1]  # _ABBREV needs a comma, maybe after spaces
        abbrev = _ABBREV.match(text, hit.end) if after == "," or after.isspace() else None
        if abbrev:
            ev.state_names[i] = US_STATE_ABBREVIATIONS[abbrev.group(1)]
        if i + 1 >= len(hits):
            continue
        nxt = hits[i + 1]
        between = text[hit.end : nxt.start]
        parenthesised = _OPEN_PAREN.match(between) and _CLOSE_PAREN.match(text, nxt.end)
        if _ALIAS_BETWEEN.match(between) or parenthesised:
            ev.aliases.append((i, i + 1))
        elif _CONTAINED_BETWEEN.match(between):
            ev.containers[i] = i + 1
    ev.distances = _distances(text, hits)
    return ev


# A number and the start of a unit: what every _DISTANCE match holds, from its number's
# last digit on (the match of this pattern that finditer finds there: no earlier one can
# run into it, since a unit's letters never follow the digits or marks of a number).
_NUMBER_UNIT: Final = re.compile(r"\d\s*-?\s*(?:km|kilomet|mi)", re.IGNORECASE)


def _distances(text: str, hits: list[SpanHit]) -> list[Distance]:
    """Each hit that a distance statement ends before, with the nearest mention before
    the number. _DISTANCE is searched only in the windows that hold a number and a
    unit (:data:`_NUMBER_UNIT`); most hold none, and most texts state no distance."""
    units = [m.span() for m in _NUMBER_UNIT.finditer(text)]
    if not units:
        return []
    unit_starts = [s for s, _e in units]
    out = []
    for j, anchor in enumerate(hits):
        window_start = max(0, anchor.start - 80)
        k = bisect_left(unit_starts, window_start)
        if k == len(units) or units[k][1] > anchor.start:
            continue  # no number and unit inside the window: no statement ends here
        m = _DISTANCE.search(text, window_start, anchor.start)
        if m is None or j == 0:
            continue
        subject = _subject_before(text, hits, j, m.start())
        if subject is None:
            continue
        km = float(m.group(1).replace(",", "."))
        if m.group(2).lower().startswith("mi"):
            km *= _MILE_KM
        out.append(Distance(subject, j, km))
    return out


def _subject_before(text: str, hits: list[SpanHit], anchor: int, number_at: int) -> int | None:
    """The nearest mention before the number, in the same sentence."""
    for i in range(anchor - 1, -1, -1):
        if hits[i].end <= number_at:
            gap = text[hits[i].end : number_at]
            return None if re.search(r"[.!?]\s", gap) else i
    return None
