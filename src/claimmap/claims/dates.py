"""Date expressions in a sentence, resolved against the publication date.

* ``1 December 2025``, ``December 1, 2025``, ``2025-12-01`` -> day precision;
* ``December 1`` / ``December 1st`` with no year: the year comes from the publication
  date (the latest such day not more than 7 days after publication); with no
  publication date it stays ``--12-01`` with precision ``day_no_year``: a year is
  never invented;
* ``today``, ``yesterday``, ``last night``, ``on Monday`` resolve against the
  publication date, and are left out when there is none;
* ``in December 2025`` -> month; ``in 2024`` -> year (``since 2014`` is background and
  is not a date of the claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from claimmap.model import DateValue

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:km|kilomet|mile))")),
    ("my", re.compile(rf"\b(?i:in|since|by|during|early|late|mid-?)\s+{_MONTH}\s+{_YEAR}\b")),
    ("y", re.compile(rf"\b(?P<prep>(?i:in|since|from|until|by))\s+{_YEAR}\b(?!\s*[-–]\s*\d)")),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>today|yesterday|last night|this morning|overnight|"
            r"(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
            re.IGNORECASE,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    value: DateValue


def publication_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: str | None, pub: date | None) -> DateValue | None:
    if year is not None:
        found = _safe_date(int(year), month, day)
        return DateValue(found.isoformat(), "day") if found else None
    if _safe_date(2024, month, day) is None:  # 2024 is a leap year: Feb 29 is valid
        return None
    if pub is None:
        return DateValue(f"--{month:02d}-{day:02d}", "day_no_year")
    for candidate_year in (pub.year + 1, pub.year, pub.year - 1):
        found = _safe_date(candidate_year, month, day)
        if found is not None and found <= pub + timedelta(days=7):
            return DateValue(found.isoformat(), "day")
    return None


def _relative(phrase: str, pub: date | None) -> DateValue | None:
    if pub is None:
        return None
    phrase = phrase.lower()
    if phrase in ("today", "this morning"):
        return DateValue(pub.isoformat(), "day")
    if phrase in ("yesterday", "last night", "overnight"):
        return DateValue((pub - timedelta(days=1)).isoformat(), "day")
    weekday = WEEKDAYS.index(phrase.split()[-1])
    back = (pub.weekday() - weekday) % 7 or 7
    return DateValue((pub - timedelta(days=back)).isoformat(), "day")


#: Before "on Friday": the day is ahead of publication ("will visit ... on Friday").
_FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planned to|(?:is|are) (?:to|due|expected|scheduled|set) to|"
    r"to be held|intends? to|going to)\b[^.;,]*$",  # in the same clause
    re.IGNORECASE,
)


def _ahead(match: re.Match[str], pub: date | None) -> DateValue | None:
    """``will visit Poland on Tuesday``: the next such weekday after publication."""
    phrase = match.group("rel").lower()
    if pub is None or not phrase.startswith("on "):
        return None
    if not _FUTURE.search(match.string, max(0, match.start() - 80), match.start()):
        return None
    weekday = WEEKDAYS.index(phrase.split()[-1])
    ahead = (weekday - pub.weekday()) % 7 or 7
    return DateValue((pub + timedelta(days=ahead)).isoformat(), "day")


def _value(kind: str, match: re.Match[str], pub: date | None) -> DateValue | None:
    groups = match.groupdict()
    if kind == "iso":
        found = _safe_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        return DateValue(found.isoformat(), "day") if found else None
    if kind in ("dmy", "mdy"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        return _month_day(month, int(groups["day"]), groups.get("year"), pub)
    if kind == "my":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        return DateValue(f"{groups['year']}-{month:02d}", "month")
    if kind == "y":
        if groups["prep"].lower() != "in":
            return None  # "since 2014": background, not when the claim happened
        return DateValue(groups["year"], "year")
    return _ahead(match, pub) or _relative(groups["rel"], pub)


def find_dates(text: str, start: int, end: int, published: str | None) -> list[FoundDate]:
    """Dates in ``text[start:end]``, by position; overlapping finds keep the first
    (patterns are tried from most to least specific)."""
    pub = publication_date(published)
    found: list[FoundDate] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            value = _value(kind, match, pub)
            if value is not None:
                found.append(FoundDate(match.start(), match.end(), value))
    return sorted(found, key=lambda f: f.start)
