"""Given names that mark the capitalised word after them as a person's surname
("Keya Phillips", "Gwynne Dyer": the hit after the given name is no town).

Two sources: claimmap's short list of common English and Slavic given names
(:data:`claimmap.geoparse.lexicon.FIRST_NAMES`), and the US Census Bureau's 1990 lists
of given names (1,219 male and 4,275 female names, public-domain data) as the ``names``
package ships them (MIT). A census name that is also a frequent English word ("Will",
"Sunday", "Young"), a country or first-level division ("Israel", "Georgia"), a month,
a weekday, a compass word or a common capitalised word ("In", "So") is left out:
before a place name it says nothing about a person.

Read once, on first use (a few milliseconds), never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Final

from claimmap.geoparse.lexicon import (
    COMMON_CAPITALISED,
    DIRECTIONS,
    FIRST_NAMES,
    HOLIDAYS,
    MONTHS,
    WEEKDAYS,
)

CENSUS_FILES: Final = ("dist.male.first", "dist.female.first")
_NEVER: Final = COMMON_CAPITALISED | DIRECTIONS | MONTHS | WEEKDAYS | HOLIDAYS


@lru_cache(maxsize=1)
def census_given_names() -> frozenset[str]:
    """The census given names in lower case; empty when the ``names`` package or its
    lists are missing or unreadable (then only :data:`FIRST_NAMES` serve)."""
    out: set[str] = set()
    try:
        folder = resources.files("names")
        for name in CENSUS_FILES:
            for line in folder.joinpath(name).read_text("ascii").splitlines():
                word = line.split(" ", 1)[0].lower()
                if word.isalpha():
                    out.add(word)
    except (ModuleNotFoundError, OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(out)


def given_names(
    common_word: Callable[[str], bool], areas: frozenset[str] = frozenset()
) -> frozenset[str]:
    """:data:`FIRST_NAMES` and the census names of three letters or more that are no
    common word (``common_word``: see ``Gazetteer.common_word``), no country's or
    first-level division's name (``areas``: their name keys, see
    ``Gazetteer.area_keys``: "Israel", "Georgia") nor one of the words left out above,
    in lower case."""
    census = {
        name for name in census_given_names()
        if len(name) >= 3 and name not in _NEVER and name not in areas
        and not common_word(name.title())
    }  # fmt: skip
    return FIRST_NAMES | census
