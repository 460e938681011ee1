"""Dates for comparison: full days as ordinals, month-days (no year) as day-of-year.

A date with no year (``--12-01``, precision ``day_no_year``) is never given a year:
it is compared with other dates on month and day only (circularly, so 31 Dec and
1 Jan are one day apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimmap.model import DateValue

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LEAP = 2000  # a leap year, so 29 Feb has a day-of-year


def ordinal(value: DateValue) -> int | None:
    """The proleptic ordinal of a full day, or None."""
    if value.precision != "day" or not value.value:
        return None
    try:
        return date.fromisoformat(value.value[:10]).toordinal()
    except ValueError:
        return None


def month_day(value: DateValue) -> tuple[int, int] | None:
    """(month, day) of a day or month-day date, or None."""
    if not value.value:
        return None
    if value.precision == "day":
        text = value.value[5:10]
    elif value.precision == "day_no_year" and value.value.startswith("--"):
        text = value.value[2:7]
    else:
        return None
    try:
        month, day = (int(part) for part in text.split("-"))
        date(_LEAP, month, day)
    except ValueError:
        return None
    return month, day


def day_of_year(md: tuple[int, int]) -> int:
    return date(_LEAP, md[0], md[1]).timetuple().tm_yday


def month_day_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two month-days, circularly (366-day year)."""
    gap = abs(day_of_year(a) - day_of_year(b))
    return min(gap, 366 - gap)


def month_day_of(day: int) -> tuple[int, int]:
    """(month, day) of an ordinal day."""
    value = date.fromordinal(day)
    return value.month, value.day


@dataclass(frozen=True, slots=True)
class When:
    """When a claim happened, for comparison: its full day and/or its month-day. A
    claim with no date (or only a month or year) is placed at its article's
    publication day, if known."""

    day: int | None
    md: tuple[int, int] | None


def when(value: DateValue, published: str | None) -> When:
    day, md = ordinal(value), month_day(value)
    if day is None and md is None:
        day = published_day(published)
        md = month_day_of(day) if day is not None else None
    return When(day, md)


def near(a: When, b: When, window: int) -> bool | None:
    """Within ``window`` days (on month-day when a year is missing); None when
    one of them has no date at all."""
    if a.day is not None and b.day is not None:
        return abs(a.day - b.day) <= window
    if a.md is not None and b.md is not None:
        return month_day_distance(a.md, b.md) <= window
    return None


def published_day(published: str | None) -> int | None:
    """The ordinal of an article's publication day, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def compare_key(value: DateValue, on_month_day: bool) -> str | None:
    """The value two claims must share to give "the same date": the ISO value, or
    only ``--MM-DD`` when some date in the comparison has no year."""
    if on_month_day:
        md = month_day(value)
        if md is not None:
            return f"--{md[0]:02d}-{md[1]:02d}"
    return value.value if value.precision != "unknown" else None


def display(value: DateValue) -> str:
    """"1 Dec", "1 Dec 2025", "Dec 2025", "2025" or "date unknown"."""
    if value.precision == "month" and value.value:
        year, month = value.value[:4], int(value.value[5:7])
        return f"{_MONTHS[month - 1]} {year}"
    if value.precision == "year" and value.value:
        return value.value[:4]
    md = month_day(value)
    if md is None:
        return "date unknown"
    short = f"{md[1]} {_MONTHS[md[0] - 1]}"
    return f"{short} {value.value[:4]}" if value.precision == "day" and value.value else short


def display_key(key: str) -> str:
    """:func:`display` for a :func:`compare_key` value."""
    if key.startswith("--"):
        return display(DateValue(key, "day_no_year"))
    precision = {10: "day", 7: "month", 4: "year"}.get(len(key), "unknown")
    return display(DateValue(key, precision))  # type: ignore[arg-type]
