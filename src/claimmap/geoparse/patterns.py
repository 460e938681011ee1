"""Regular expressions for spans the gazetteer automaton cannot see on its own:
unknown (garbled or missing) names introduced by a place cue or shaped like a Slavic
toponym, Cyrillic names inside English text, hyphenated compounds, names with an
inner apostrophe, and the region forms "X Oblast", "X region", "X People's Republic".
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimmap.geoparse.lexicon import PLACE_INTRODUCERS, REGION_HEADS, TOPONYM_SUFFIXES
from claimmap.geoparse.text import backwards

_UP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_LOW = r"[a-zß-öø-ÿā-žʼ'’]"
# An upper-case letter that starts a word. Written as the letter, then a look-behind
# (rather than ``\b`` first), so that the regex engine can skip ahead to candidate
# letters: the same matches, found about twice as fast.
UP_START = rf"{_UP}(?<!\w{_UP})"
CAP_START = r"[A-Z](?<!\w[A-Z])"
WORD = rf"{_UP}{_LOW}+"
# A capitalised name of one to three words, hyphen-joined parts allowed.
NAME = rf"{WORD}(?:-{WORD}|-{_LOW}+)*(?:\s{WORD}(?:-{WORD})*){{0,2}}"

_NOUNS = frozenset({"city", "town", "village", "settlement"})


def _introducer(phrase: str) -> str:
    """A cue phrase as a pattern: in lower case, or capitalised at a sentence start;
    a bare noun only in lower case ("the city X", not "City Manager X")."""
    body = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
    first = phrase[0] if phrase in _NOUNS else f"[{phrase[0]}{phrase[0].upper()}]"
    return first + body


_FIRSTS = "".join(sorted({c for p in PLACE_INTRODUCERS for c in (p[0], p[0].upper())}))
# The leading character class lets the regex engine skip most positions quickly.
INTRODUCED = re.compile(
    rf"(?=[{_FIRSTS}])\b(?:"
    + "|".join(_introducer(p) for p in sorted(PLACE_INTRODUCERS, key=len, reverse=True))
    + rf")\s+(?:the\s+)?(?P<name>{WORD}(?:-{WORD})*)"
)
_SUFFIX_ALT = "|".join(sorted(TOPONYM_SUFFIXES, key=len, reverse=True))
SUFFIXED = re.compile(rf"(?P<name>{UP_START}{_LOW}{{2,}}(?:{_SUFFIX_ALT}))\b")
CYRILLIC = re.compile(r"\b[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+(?:\s[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+){0,2}")
HYPHENATED = re.compile(rf"{UP_START}{_LOW}+(?:-{WORD})+\b")
INNER_APOSTROPHE = re.compile(rf"{UP_START}{_LOW}+['’ʼ]{_LOW}+(?:['’ʼ]{_LOW}+)*\b")
REGION_TAIL = re.compile(
    r"\s+(?:(?P<head>" + "|".join(sorted(REGION_HEADS)) + r")\b"
    r"|(?P<republic>People['’]?s\s+Republic)\b|(?P<co>(?-i:Co)\.))",
    re.IGNORECASE,
)
# Lists of names that a plural region word ends: "Clarke, Madison and Oconee counties",
# "Donetsk and Luhansk regions". Each listed name is an area of that kind.
_LISTED = rf"{_UP}[\w'’-]+(?:\s{_UP}[\w'’-]+)?"
_PLURAL_HEADS = {
    "counties": "county", "parishes": "parish", "oblasts": "oblast", "regions": "region",
    "provinces": "province", "districts": "district", "raions": "raion",
}
# The list's first letter comes before the look-behind (nothing name-like before it),
# as in UP_START, so that the regex engine can skip ahead to candidate letters.
_FIRST_LISTED = rf"{_UP}(?<![\w'’-]{_UP})[\w'’-]+(?:\s{_UP}[\w'’-]+)?"
AREA_LIST = re.compile(
    rf"(?P<list>{_FIRST_LISTED}(?:\s*,\s*{_LISTED})*,?\s+(?:and|or|&)\s+{_LISTED})"
    rf"\s+(?P<tail>{'|'.join(_PLURAL_HEADS)})\b"
)
_LISTED_NAME = re.compile(_LISTED)
_PLURAL_HEAD = re.compile(rf"\s(?:{'|'.join(_PLURAL_HEADS)})\b")
_FEATURE_HEADS = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Parkway|Highway|"
    r"Circle|River|Lake|Creek|Bay|Island|Islands|Mountains?|Valley|Forest|Wilderness|Dam|"
    r"Bridge|Square|Canal|Strait|Sea|Gulf"
)
# Streets, roads and natural features: "Sumska Street", "Dnipro River", "Highway 10".
FEATURE = re.compile(
    rf"(?={_UP})\b(?P<name>(?:{WORD}\s){{1,3}}(?:{_FEATURE_HEADS})(?![\w-])"
    r"|(?:Highway|Interstate|Route|County\s+Road|State\s+Highway|U\.S\.\s+Highway)\s+\d+\b)"
)
SENTENCE_START = re.compile(r"(?:^|[.!?]['’\"”)]?\s+|\n\s*|[\"“‘']\s*)$")


def introduced_names(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words introduced by a place cue ("city of X")."""
    return [m.span("name") for m in INTRODUCED.finditer(text) if m.group("name")[0].isupper()]


# A word that every FEATURE match contains, quicker to look for than FEATURE itself.
_FEATURE_WORD = re.compile(rf"{_FEATURE_HEADS}|Interstate|Route")


def features(text: str) -> list[tuple[int, int]]:
    """Streets, roads and natural features named in the text."""
    if _FEATURE_WORD.search(text) is None:  # most texts name none
        return []
    return [m.span("name") for m in FEATURE.finditer(text)]


def suffixed_names(text: str) -> list[tuple[int, int]]:
    return [m.span("name") for m in SUFFIXED.finditer(text)]


_ANY_CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐ]")


def cyrillic_names(text: str) -> list[tuple[int, int]]:
    if _ANY_CYRILLIC.search(text) is None:  # most English texts have none
        return []
    return [m.span() for m in CYRILLIC.finditer(text)]


def hyphenated(text: str) -> list[tuple[int, int]]:
    if "-" not in text:
        return []
    return [m.span() for m in HYPHENATED.finditer(text)]


def inner_apostrophe_words(text: str) -> list[tuple[int, int]]:
    """Words like ``Mar'inka``; a possessive ``'s`` is not an inner apostrophe."""
    out = []
    for m in INNER_APOSTROPHE.finditer(text):
        tail = re.split(r"['’ʼ]", m.group())[-1]
        if tail.lower() != "s":
            out.append(m.span())
    return out


def listed_areas(text: str) -> dict[tuple[int, int], str]:
    """The names in lists that a plural region word ends, each with the singular
    region word: "Barrow, Jackson and Madison counties" gives three county names."""
    out: dict[tuple[int, int], str] = {}
    # most texts list no areas: the plain substring test is the quicker first check
    if not any(head in text for head in _PLURAL_HEADS) or _PLURAL_HEAD.search(text) is None:
        return out
    for m in AREA_LIST.finditer(text):
        tail = _PLURAL_HEADS[m.group("tail")]
        base = m.start("list")
        for name in _LISTED_NAME.finditer(m.group("list")):
            out[(base + name.start(), base + name.end())] = tail
    return out


def region_tail(text: str, end: int) -> tuple[int, str] | None:
    """When a region word follows ``end`` ("Oblast", "People's Republic"), the new end
    and the kind of tail; else None."""
    m = REGION_TAIL.match(text, end)
    if m is None:
        return None
    if m.group("republic"):
        return m.end(), "republic"
    if m.group("co"):
        return m.end(), "county"
    head = m.group("head")
    return m.end(), head.lower()


def at_sentence_start(text: str, start: int) -> bool:
    return start == 0 or SENTENCE_START.search(text, max(0, start - 4), start) is not None


# People. A middle initial ("Matthew D. Flores"), a title with or without its period
# and an optional given name and initial ("Capt. Roy A. Nelson", "Dr. Caleb Chu"), or
# an age in apposition ("Brian Keane, 38,") mark the last word as a person's surname.
_SURNAME = r"(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\b(?!['’-]\w)"
MIDDLE_INITIAL = re.compile(rf"{CAP_START}[a-z]+\s+[A-Z]\.\s+{_SURNAME}")
AGE_APPOSITION = re.compile(rf"{CAP_START}[a-z]+\s+{_SURNAME},\s+\d{{1,3}},")


# A title, maybe a given name and an initial, then the surname. A lookahead after the
# first letter, so that "Circuit Court Judge Casey Manning" is tried at every word; the
# title is the first letter plus ``rest``. ``{initials}``: the letters titles begin with.
_TITLED = (
    r"(?P<first>[{initials}](?<!\w[A-Z]))(?=(?P<rest>[a-z]+)\.?\s+(?:[A-Z][a-z]+\s+)?"
    rf"(?:[A-Z]\.\s+)?{_SURNAME})"
)


@lru_cache(maxsize=4)
def _titled(titles: frozenset[str]) -> re.Pattern[str]:
    """The titled-name pattern, tried only at capitals that begin one of ``titles``
    (lower-case words): fewer words to try than at every capital."""
    initials = sorted({t[0].upper() for t in titles if "a" <= t[:1] <= "z"})
    return re.compile(_TITLED.format(initials="".join(initials) or "A-Z"))


# Pieces that the two shapes above cannot match without, quick to look for (they
# start with a fixed character): most texts have neither, and skip those passes.
_INITIAL_PIECE = re.compile(r"\.\s(?<=\s[A-Z]\.\s)")
_AGE_PIECE = re.compile(r",\s+\d{1,3},")


def surnames(text: str, titles: frozenset[str]) -> set[str]:
    """Words the text uses as people's surnames by the shapes above."""
    out: set[str] = set()
    if _INITIAL_PIECE.search(text):
        out.update(m.group("surname") for m in MIDDLE_INITIAL.finditer(text))
    if _AGE_PIECE.search(text):
        out.update(m.group("surname") for m in AGE_APPOSITION.finditer(text))
    out.update(m.group("surname") for m in _titled(titles).finditer(text)
               if (m.group("first") + m.group("rest")).lower() in titles)
    return out


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE = re.compile(r"[^\n.!?]+")


def title_case_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences written in title case, as headlines are ("Grand Jury
    Indicts Man In December Slaying"): four words or more, at least 80% capitalised.
    There a capital letter does not mark a name."""
    return [m.span() for m in _CLAUSE.finditer(text) if _title_case(m.group())]


def in_title_case(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in one of the :func:`title_case_spans`; only the clause
    around ``pos`` is read (found backwards with text.backwards, then forwards)."""
    if not 0 <= pos < len(text):
        return False
    back = _CLAUSE.match(backwards(text), len(text) - 1 - pos)
    ahead = _CLAUSE.match(text, pos)
    if back is None or ahead is None:  # pos is a clause's end: "\n", ".", "!" or "?"
        return False
    return _title_case(text[len(text) - back.end() : ahead.end()])


def _title_case(clause: str) -> bool:
    words = _TITLE_WORD.findall(clause)
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)
