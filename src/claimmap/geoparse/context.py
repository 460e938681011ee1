"""Context filters applied after candidate lookup: is a single capitalised word,
which the gazetteer knows only weakly, used as a place *here*?

A word whose gazetteer support is strong (a country, a first-level division, a
town of 100,000 or more) stays. A weaker one ("Court", "Smith", "Jones": alternate
names or small towns somewhere) stays only when the text cues a place ("in X",
"near X", "X, Ohio") or, failing a cue, when nothing marks it as part of a person's
or organisation's name or as a common word:

* no gazetteer support beyond hamlets and alternate names;
* a capitalised word right before it in mid-sentence ("Superior Court", "Tom Jones");
* a capitalised word right after it ("Superior Court", "Connor Wilkinson") or a verb
  of speech ("Bell told");
* the same word in lower case elsewhere in the text ("court", "council").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from rapidfuzz import fuzz

from claimmap.gazetteer.names import name_key, variant_key
from claimmap.geoparse import patterns
from claimmap.geoparse.candidates import Option
from claimmap.geoparse.lexicon import (
    CIVIC_HEADS,
    CONNECTORS,
    DIRECTIONS,
    FIRST_NAMES,
    PERSON_VERBS,
    REGION_HEADS,
)
from claimmap.geoparse.recognise import SpanHit, has_lower_word, in_headline, person_names
from claimmap.geoparse.text import match_back

STRONG_POPULATION: Final = 100_000
NOTABLE_POPULATION: Final = 1_000
CLOSE_NAME: Final = 80.0  # edit similarity (0-100) of an alternate name to the main name
_CUE_WORDS: Final = ("in", "at", "near", "from", "outside", "into", "toward", "towards",
                     "across", "of", "through", "around")
# Patterns that look back from a mention are written backwards, for text.match_back:
# "in the X" read from X is spaces, an optional "the" and spaces, then a cue word.
_CUE_BEFORE: Final = re.compile(
    r"\s+(?:eht\s+)?(?:" + "|".join(w[::-1] for w in _CUE_WORDS) + r")\b", re.IGNORECASE
)
# The same without a bare "of": before a common English word "of" names an institution's
# field more often than it cues a place ("Minister of Economy", "Department of Labor", "the
# Battle of ..."), unless a direction or a word for part of a place comes before it
# ("southeast of Alliance", "the outskirts of").
_OF_PLACE: Final = ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                    "southwest", "outskirts", "suburbs", "centre", "center", "city", "town",
                    "village")
_PLACE_CUE_BEFORE: Final = re.compile(
    r"\s+(?:eht\s+)?(?:" + "|".join(w[::-1] for w in _CUE_WORDS if w != "of")
    + r"|fo\s+(?:eht\s+)?(?:" + "|".join(w[::-1] for w in _OF_PLACE) + r"))\b",
    re.IGNORECASE,
)
_CUE_AFTER: Final = re.compile(r",\s*(?=[A-Z])|\s+(?:in|near)\s+(?=[A-Z])")
# Backwards: "Tom" in "Tom Jones". The optional newline first is the forward form's
# ``$``, which also matches before a newline that ends the searched window.
_PREV_WORD: Final = re.compile(r"\n?[ \t]+([\w'’.-]*[A-Za-z])")
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
# A public body after a name (CIVIC_HEADS, capitalised); "City" alone follows many
# names that are no town ("Emerald City Players"), "City Council" and "City Hall" follow
# towns; a town's "police", "mayor" or "firefighters" may be written in lower case.
_CIVIC_AFTER: Final = re.compile(
    r"[ \t]+(?:City[ \t]+(?:Council|Hall|Manager|Commission|Clerk|Attorney)|(?:"
    + "|".join(sorted(w.capitalize() for w in CIVIC_HEADS))
    + r")|police|mayor|firefighters)\b"
)
_EXEMPT: Final = frozenset({"region", "abbrev", "cue", "cyrillic", "given", "feature"})


def keep_hits(
    text: str,
    hits: list[SpanHit],
    options: list[tuple[Option, ...]],
    common_word: Callable[[str], bool] = lambda _word: False,
    given: frozenset[str] = FIRST_NAMES,
) -> list[int]:
    """Indices of the hits that stand as place mentions in this text. ``common_word``
    tells frequent English words ("Give", "Still": see ``Gazetteer.common_word``);
    ``given`` the given names that make the word after them a surname."""
    reading = _Reading(text, hits, given)
    return [
        i
        for i, (h, o) in enumerate(zip(hits, options, strict=True))
        if not reading.weak(h, o)
        and not (" " not in h.text and common_word(h.text)
                 and _uncued_weak(text, h, o, reading.starts))
    ]  # fmt: skip


def _uncued_weak(text: str, hit: SpanHit, options: tuple[Option, ...], starts: set[int]) -> bool:
    """A common English word with no place cue ("Give me", "Still,", "Agency", "Man")
    is that word, not a town, unless a country or first-level division bears it as its
    main name. A town, however big ("Man", Côte d'Ivoire; "Mobile"), needs the cue."""
    if hit.source in _EXEMPT:
        return False
    area = any(o.match == "exact" and o.place.kind != "populated_place" for o in options)
    if area:
        return False
    # a headline capitalises every word, so "of" there cues nothing ("Week of Street
    # Fighting": Street, Somerset); elsewhere "of" before a common word is no cue either
    return not _cued(text, hit, starts, _PLACE_CUE_BEFORE) or in_headline(text, hit.start)


class _Reading:
    """What :func:`keep_hits` works out once per text and remembers over its hits."""

    def __init__(self, text: str, hits: list[SpanHit], given: frozenset[str]) -> None:
        self.text = text
        self.hits = hits
        self.given = given
        self.starts = {h.start for h in hits}
        self.ends = {h.end for h in hits}
        # whether some option is :func:`_strong`, by the hit's text and its options
        # tuple (alive while ``keep_hits`` runs, so its id names it): a name recurs
        # with the same options
        self._strong: dict[tuple[str, int], bool] = {}

    def weak(self, hit: SpanHit, options: tuple[Option, ...]) -> bool:
        """Whether a single-word hit is too weak to stand: no strong option, no place
        cue or public body after it, and either no notable option or a sign that the
        word names a person or is a common word here."""
        if hit.source in _EXEMPT or " " in hit.text:
            return False
        key = (hit.text, id(options))
        found = self._strong.get(key)
        if found is None:
            found = self._strong[key] = any(_strong(o, hit) for o in options)
        if found:
            return False
        text = self.text
        if _cued(text, hit, self.starts) or _civic_after(text, hit):
            return False
        if not any(_notable(o, hit) for o in options) or _bare_given_name(text, hit):
            return True
        return (
            _named(text, hit.text, self.hits, self.ends, self.given)
            or _capitalised_after(text, hit, self.starts)
            or _lowercase_in_text(text, hit)
        )


def _named(
    text: str, word: str, hits: list[SpanHit], ends: set[int], given: frozenset[str] = FIRST_NAMES
) -> bool:
    """Whether the text uses ``word`` as the second part of a name anywhere: a hit of
    that word with a capitalised word right before ("Kevin Holroyd"), or a person's
    surname (:func:`~claimmap.geoparse.recognise.person_names`). Asked only of the
    few weak hits that get this far, not worked out for every hit."""
    return any(h.text == word and _capitalised_before(text, h, ends) for h in hits) or (
        word in person_names(text, given)
    )


def _bare_given_name(text: str, hit: SpanHit) -> bool:
    """"Alex", "Virginia" alone: a person unless after a comma ("McLean, Virginia")."""
    if hit.text.lower() not in FIRST_NAMES:
        return False
    return not text[max(0, hit.start - 2) : hit.start].startswith(",")


def _strong(o: Option, hit: SpanHit) -> bool:
    """Exact names, and alternate names of four letters or more ("Kiev", not the
    "ACT" of a territory), of areas and of towns of :data:`STRONG_POPULATION`."""
    if o.match not in ("exact", "alternate"):
        return False
    if o.match == "alternate" and len(hit.text) < 4:
        return False
    if o.place.kind != "populated_place":
        return True
    return o.place.population >= STRONG_POPULATION and (
        o.match == "exact" or _close_to_main_name(hit.text, o.place.name)
    )


def _close_to_main_name(alternate: str, main: str) -> bool:
    """An alternate name that is a spelling of the town's main name ("Kiev", "Odessa",
    "Kharkov"), not another word that happens to be listed for it ("Hamas" for Hamm):
    the same romanisation-variant key, an edit similarity of :data:`CLOSE_NAME`, the
    main name's initials ("L.A.") or some of its words ("Logan" for Logan City)."""
    if variant_key(alternate) == variant_key(main):
        return True
    short, full = name_key(alternate), name_key(main)
    if fuzz.ratio(short, full) >= CLOSE_NAME:
        return True
    words = full.split()
    initials = "".join(w[0] for w in words if w)
    letters = "".join(c for c in short if c.isalnum())
    return letters == initials or set(short.split()) <= set(words)


def _notable(o: Option, hit: SpanHit) -> bool:
    """Exact names, alternate names of four letters or more ("Kiev", not "Act"), and
    for hyphenated or toponym-shaped words also romanisation variants, of places
    with at least :data:`NOTABLE_POPULATION` people."""
    if o.match == "exact" or (o.match == "alternate" and len(hit.text) >= 4):
        return o.place.population >= NOTABLE_POPULATION
    if o.match == "variant" and hit.source in ("compound", "suffix"):
        return o.place.population >= NOTABLE_POPULATION
    return False


def _cued(
    text: str, hit: SpanHit, starts: set[int], before: re.Pattern[str] = _CUE_BEFORE
) -> bool:
    """ "in X", "near X" (the cue words of ``before``, written backwards); or
    "X, <place>" and "X in <place>" where a mention follows."""
    if match_back(before, text, hit.start, 25):
        return True
    after = _CUE_AFTER.match(text, hit.end)
    return after is not None and after.end() in starts


def _civic_after(text: str, hit: SpanHit) -> bool:
    """A local public body or office after the name ("Carthage Police", "Woodstock
    Mayor", "Bloomfield Town Council"): the name is the town it serves."""
    return _CIVIC_AFTER.match(text, hit.end) is not None


def _capitalised_before(text: str, hit: SpanHit, ends: set[int]) -> bool:
    m = match_back(_PREV_WORD, text, hit.start, 40)
    if m is None:
        return False
    word = m.group(1)[::-1]
    if not word[0].isupper() or word.endswith("."):
        return False
    if patterns.at_sentence_start(text, len(text) - m.end(1)):
        return False
    low = word.lower()
    return low not in CONNECTORS and low not in DIRECTIONS


def _capitalised_after(text: str, hit: SpanHit, starts: set[int]) -> bool:
    m = _NEXT_WORD.match(text, hit.end)
    if m is None:
        return False
    word = m.group(1)
    if not word[0].isupper():
        return word.lower() in PERSON_VERBS  # "Bell told", "Obama believed": a person
    return word.lower() not in REGION_HEADS


def _lowercase_in_text(text: str, hit: SpanHit) -> bool:
    return has_lower_word(text, hit.text.lower())
