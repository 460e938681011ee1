"""Regular expressions for spans the gazetteer automaton cannot see on its own:
unknown (garbled or missing) names introduced by a place cue or shaped like a Slavic
toponym, Cyrillic names inside English text, hyphenated compounds, names with an
inner apostrophe, and the region forms "X Oblast", "X region", "X People's Republic".

Speed, with the matches unchanged: alternations of words are grouped by first letter,
the letter first so that the regex engine skips ahead to candidates; the cue names
are found from their capital, read backwards; the toponym-shaped, hyphenated and
inner-apostrophe words are found in one pass (:func:`word_shapes`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from claimmap.geoparse.lexicon import PLACE_INTRODUCERS, REGION_HEADS, TOPONYM_SUFFIXES
from claimmap.geoparse.text import backwards

_UP: Final = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_LOW: Final = r"[a-zß-öø-ÿā-žʼ'’]"
# An upper-case letter that starts a word. Written as the letter, then a look-behind
# (rather than ``\b`` first), so that the regex engine can skip ahead to candidate
# letters: the same matches, found about twice as fast.
UP_START: Final = rf"{_UP}(?<!\w{_UP})"
CAP_START: Final = r"[A-Z](?<!\w[A-Z])"
WORD: Final = rf"{_UP}{_LOW}+"
# A capitalised name of one to three words, hyphen-joined parts allowed.
NAME: Final = rf"{WORD}(?:-{WORD}|-{_LOW}+)*(?:\s{WORD}(?:-{WORD})*){{0,2}}"


def _by_first_letter(alternatives: list[tuple[str, str]], word_start: bool = False) -> str:
    """The alternation of ``alternatives`` (each a first letter and the pattern of the
    rest), grouped by first letter in their order: ``ska|sk|ovo`` as
    ``s(?:ka|k)|o(?:vo)``. Only the group of the letter at hand can match, so the
    matches are those of the plain alternation, and the regex engine tries one group
    rather than every alternative. ``word_start``: the letter begins a word (no word
    character before it), written as a look-behind after the letter, as in
    :data:`UP_START`, so that the engine can skip ahead to candidate letters."""
    groups: dict[str, list[str]] = {}
    for letter, rest in alternatives:
        groups.setdefault(letter, []).append(rest)
    return "|".join(
        letter + (rf"(?<!\w{letter})" if word_start else "") + f"(?:{'|'.join(rests)})"
        for letter, rests in groups.items()
    )


_NOUNS: Final = frozenset({"city", "town", "village", "settlement"})


def _introducers(phrases: list[str]) -> str:
    """The cue phrases as one pattern: each in lower case, or capitalised at a sentence
    start; a bare noun only in lower case ("the city X", not "City Manager X")."""
    alternatives: list[tuple[str, str]] = []
    for phrase in phrases:
        rest = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
        initials = phrase[0] if phrase in _NOUNS else phrase[0] + phrase[0].upper()
        alternatives.extend((letter, rest) for letter in initials)
    return _by_first_letter(alternatives, word_start=True)


INTRODUCED: Final = re.compile(
    "(?:" + _introducers(sorted(PLACE_INTRODUCERS, key=len, reverse=True))
    + rf")\s+(?:the\s+)?(?P<name>{WORD}(?:-{WORD})*)"
)

_SUFFIX_ALT: Final = _by_first_letter(
    [(suffix[0], suffix[1:]) for suffix in sorted(TOPONYM_SUFFIXES, key=len, reverse=True)]
)
SUFFIXED: Final = re.compile(rf"(?P<name>{UP_START}{_LOW}{{2,}}(?:{_SUFFIX_ALT}))\b")
CYRILLIC: Final = re.compile(r"\b[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+(?:\s[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+){0,2}")
HYPHENATED: Final = re.compile(rf"{UP_START}{_LOW}+(?:-{WORD})+\b")
INNER_APOSTROPHE: Final = re.compile(rf"{UP_START}{_LOW}+['’ʼ]{_LOW}+(?:['’ʼ]{_LOW}+)*\b")
REGION_TAIL: Final = re.compile(
    r"\s+(?:(?P<head>" + "|".join(sorted(REGION_HEADS)) + r")\b"
    r"|(?P<republic>People['’]?s\s+Republic)\b|(?P<co>(?-i:Co)\.))",
    re.IGNORECASE,
)
# Lists of names that a plural region word ends: "Clarke, Madison and Oconee counties",
# "Donetsk and Luhansk regions". Each listed name is an area of that kind.
_LISTED: Final = rf"{_UP}[\w'’-]+(?:\s{_UP}[\w'’-]+)?"
_PLURAL_HEADS: Final = {
    "counties": "county", "parishes": "parish", "oblasts": "oblast", "regions": "region",
    "provinces": "province", "districts": "district", "raions": "raion",
}
# The list's first letter comes before the look-behind (nothing name-like before it),
# as in UP_START, so that the regex engine can skip ahead to candidate letters.
_FIRST_LISTED: Final = rf"{_UP}(?<![\w'’-]{_UP})[\w'’-]+(?:\s{_UP}[\w'’-]+)?"
AREA_LIST: Final = re.compile(
    rf"(?P<list>{_FIRST_LISTED}(?:\s*,\s*{_LISTED})*,?\s+(?:and|or|&)\s+{_LISTED})"
    rf"\s+(?P<tail>{'|'.join(_PLURAL_HEADS)})\b"
)
_LISTED_NAME: Final = re.compile(_LISTED)
_PLURAL_HEAD: Final = re.compile(rf"\s(?:{'|'.join(_PLURAL_HEADS)})\b")
_FEATURE_HEADS: Final = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Parkway|Highway|"
    r"Circle|River|Lake|Creek|Bay|Island|Islands|Mountains?|Valley|Forest|Wilderness|Dam|"
    r"Bridge|Square|Canal|Strait|Sea|Gulf"
)
# Streets, roads and natural features: "Sumska Street", "Dnipro River", "Highway 10".
FEATURE: Final = re.compile(
    rf"(?={_UP})\b(?P<name>(?:{WORD}\s){{1,3}}(?:{_FEATURE_HEADS})(?![\w-])"
    r"|(?:Highway|Interstate|Route|County\s+Road|State\s+Highway|U\.S\.\s+Highway)\s+\d+\b)"
)
SENTENCE_START: Final = re.compile(r"(?:^|[.!?]['’\"”)]?\s+|\n\s*|[\"“‘']\s*)$")


def _introducer_backwards(phrase: str) -> str:
    """A cue phrase as :func:`_introducers` writes it, back to front."""
    words = [re.escape(word[::-1]) for word in reversed(phrase.split(" "))]
    body = r"\s+".join(words)
    if phrase in _NOUNS:
        return body
    return f"{body[:-1]}[{phrase[0]}{phrase[0].upper()}]"


# Read in the text written backwards (text.backwards): an upper-case letter that
# follows a cue phrase (and maybe "the"), as INTRODUCED's name does; group 1 ends
# (backwards: starts) where the cue phrase starts. Capital letters are far rarer than
# the cue phrases' first letters, so this finds INTRODUCED's starts quicker than
# INTRODUCED itself. Only one way through holds at a capital (see
# introducers_are_unambiguous), so the start found is the only one.
_INTRODUCED_BACKWARDS: Final = re.compile(
    rf"{_UP}(?=\s+(?:eht\s+)?(?:"
    + "|".join(_introducer_backwards(p) for p in PLACE_INTRODUCERS)
    + r")(?!\w)())"
)


def introducers_are_unambiguous(phrases: tuple[str, ...] = PLACE_INTRODUCERS) -> bool:
    """Whether no cue phrase is the last words of another or ends in "the": then
    whitespace, maybe "the", and one cue phrase before a capital letter can be read
    back from it in one way only."""
    words = [tuple(p.lower().split(" ")) for p in phrases]
    return all(w[-1] != "the" for w in words) and not any(
        a != b and len(a) <= len(b) and b[-len(a) :] == a for a in words for b in words
    )


def introduced_names(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words introduced by a place cue ("city of X").

    What ``INTRODUCED.finditer`` gives: the backward pattern finds every start where
    INTRODUCED can match (and some where it cannot: a one-letter name), INTRODUCED
    is matched there in text order, and a start inside the previous match is skipped
    as finditer skips it."""
    size = len(text)
    starts = sorted({size - m.end(1) for m in _INTRODUCED_BACKWARDS.finditer(backwards(text))})
    out = []
    done = 0
    for start in starts:
        m = INTRODUCED.match(text, start) if start >= done else None
        if m is not None:
            done = m.end()
            if m.group("name")[0].isupper():
                out.append(m.span("name"))
    return out


# A word that every FEATURE match contains, quicker to look for than FEATURE itself.
_FEATURE_WORD: Final = re.compile(rf"{_FEATURE_HEADS}|Interstate|Route")


def features(text: str) -> list[tuple[int, int]]:
    """Streets, roads and natural features named in the text. A possessive among the
    words before the head starts the name after it when a name word is left before the
    head ("Russia’s Black Sea": "Black Sea"; "Augusta's Highland Avenue"); a possessive
    name stays whole ("St Michael’s Square", "Burger's Lake")."""
    if _FEATURE_WORD.search(text) is None:  # most texts name none
        return []
    out = []
    for m in FEATURE.finditer(text):
        start, end = m.span("name")
        for cut in _POSSESSIVE.finditer(text, start, end):
            if _WHITESPACE.search(text, cut.end(), end):  # a name word, then the head
                start = cut.end()
        out.append((start, end))
    return out


_POSSESSIVE: Final = re.compile(r"['’ʼ]s\s+")  # "Russia’s ", "Augusta's "
_WHITESPACE: Final = re.compile(r"\s")


def suffixed_names(text: str) -> list[tuple[int, int]]:
    return list(word_shapes(text).suffixed)


_ANY_CYRILLIC: Final = re.compile(r"[А-ЯЁІЇЄҐ]")


def cyrillic_names(text: str) -> list[tuple[int, int]]:
    if _ANY_CYRILLIC.search(text) is None:  # most English texts have none
        return []
    return [m.span() for m in CYRILLIC.finditer(text)]


def hyphenated(text: str) -> list[tuple[int, int]]:
    return list(word_shapes(text).hyphenated)


def inner_apostrophe_words(text: str) -> list[tuple[int, int]]:
    """Words like ``Mar'inka``; a possessive ``'s`` is not an inner apostrophe."""
    return [
        (s, e) for s, e in word_shapes(text).apostrophe
        if _APOSTROPHE.split(text[s:e])[-1].lower() != "s"
    ]


_APOSTROPHE: Final = re.compile(r"['’ʼ]")


class WordShapes(NamedTuple):
    """The spans of :data:`SUFFIXED` (its ``name``), :data:`HYPHENATED` and
    :data:`INNER_APOSTROPHE` in a text, each as that pattern's ``finditer`` gives
    them."""

    suffixed: tuple[tuple[int, int], ...]
    hyphenated: tuple[tuple[int, int], ...]
    apostrophe: tuple[tuple[int, int], ...]


# The three shapes in one pass. Each starts with UP_START; here only that letter is
# consumed and each shape's rest is an optional look-ahead (a look-ahead takes the
# match its pattern would take there), so every start is tried; a start where no
# shape matches fails at the end.
_SHAPES: Final = re.compile(
    rf"{UP_START}(?:(?=(?P<suffixed>{_LOW}{{2,}}(?:{_SUFFIX_ALT})\b))|)"
    rf"(?:(?=(?P<hyphenated>{_LOW}+(?:-{WORD})+\b))|)"
    rf"(?:(?=(?P<apostrophe>{_LOW}+['’ʼ]{_LOW}+(?:['’ʼ]{_LOW}+)*\b))|)"
    r"(?(suffixed)|(?(hyphenated)|(?(apostrophe)|(?!))))"
)
_SHAPE_NAMES: Final = WordShapes._fields


@lru_cache(maxsize=4)
def word_shapes(text: str) -> WordShapes:
    """:class:`WordShapes` of ``text``, found in one pass (remembered for the last
    few texts). A pattern's ``finditer`` skips the starts inside its previous match
    ("Def" in "Abc-Def-Ghi"); so does this, shape by shape."""
    found: tuple[list[tuple[int, int]], ...] = ([], [], [])
    ends = [0, 0, 0]
    for m in _SHAPES.finditer(text):
        start = m.start()
        for i, name in enumerate(_SHAPE_NAMES):
            end = m.end(name)
            if end >= 0 and start >= ends[i]:
                found[i].append((start, end))
                ends[i] = end
    return WordShapes(*(tuple(spans) for spans in found))


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
# an age in apposition ("Brian Keane, 38,") mark the last word as a person's surname,
# which may have a capital inside ("McClure", "DeWine").
_SURNAME: Final = r"(?P<surname>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Z][a-z]+)?)\b(?!['’-]\w)"
MIDDLE_INITIAL: Final = re.compile(rf"{CAP_START}[a-z]+\s+[A-Z]\.\s+{_SURNAME}")
AGE_APPOSITION: Final = re.compile(rf"{CAP_START}[a-z]+\s+{_SURNAME},\s+\d{{1,3}},")


# A title, maybe a given name and an initial, then the surname ("Circuit Court Judge
# Casey Manning" is tried at every word). ``{titles}``: the titles as an alternation.
_TITLED: Final = (
    r"(?:{titles})(?![a-z])(?=\.?\s+(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s+)?" + _SURNAME + ")"
)


@lru_cache(maxsize=4)
def _titled(titles: frozenset[str]) -> re.Pattern[str] | None:
    """The titled-name pattern for ``titles`` (lower-case words), each written
    capitalised and whole: "President", not "PRESIDENT" or "Presidential". None when
    no title can be written so (titles of letters a-z only). The title ends where its
    lower-case letters do, as the old form's greedy ``[a-z]+`` did, and only the title
    is consumed: no title starts inside another, so every title is tried."""
    capitalised = [
        (title[0].upper(), title[1:]) for title in sorted(titles)
        if re.fullmatch(r"[a-z]{2,}", title)
    ]
    if not capitalised:
        return None
    alternation = _by_first_letter(capitalised, word_start=True)
    return re.compile(_TITLED.format(titles=alternation))


# Pieces that the two shapes above cannot match without, quick to look for (they
# start with a fixed character): most texts have neither, and skip those passes.
_INITIAL_PIECE: Final = re.compile(r"\.\s(?<=\s[A-Z]\.\s)")
_AGE_PIECE: Final = re.compile(r",\s+\d{1,3},")


def surnames(text: str, titles: frozenset[str]) -> set[str]:
    """Words the text uses as people's surnames by the shapes above."""
    out: set[str] = set()
    if _INITIAL_PIECE.search(text):
        out.update(m.group("surname") for m in MIDDLE_INITIAL.finditer(text))
    if _AGE_PIECE.search(text):
        out.update(m.group("surname") for m in AGE_APPOSITION.finditer(text))
    titled = _titled(titles)
    if titled is not None:
        # a title in full before a period ends a sentence ("... Court Judge. Columbus
        # attorney ..."); only an abbreviated one ("Gen.", "Capt.") goes on to a name
        out.update(m.group("surname") for m in titled.finditer(text)
                   if text[m.end() : m.end() + 1] != "."
                   or abbreviated_title(text[m.start() : m.end()].lower()))
    return out


def abbreviated_title(title: str) -> bool:
    """Whether a title (in lower case) before a period is an abbreviation: titles of
    up to four letters are ("Gen.", "Sgt.", "Capt."), and a few longer ones ("Const.");
    after another the period ends a sentence ("... the Judge. Columbus ...")."""
    return len(title) <= 4 or title in _LONG_ABBREVIATIONS


_LONG_ABBREVIATIONS: Final = frozenset({"const", "lieut", "comdr", "sergt", "assoc"})


_TITLE_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE: Final = re.compile(r"[^\n.!?]+")


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
