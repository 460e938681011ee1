"""Recognition: find place-name spans in English text.

Proposals come from the gazetteer automaton (every whole-word name) and from the
patterns in :mod:`claimmap.geoparse.patterns` (unknown names after a place cue or with
a toponym ending, Cyrillic names, hyphenated compounds). Filters then drop what is
not a place in context: lower-case use, people, organisations, demonyms, months,
common words. Overlaps are settled longest-first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import Any, Final, NamedTuple

from claimmap.gazetteer.base import Gazetteer
from claimmap.geoparse import automaton, patterns
from claimmap.geoparse.given_names import given_names
from claimmap.geoparse.lexicon import (
    ABBREVIATED_PARTS,
    ABBREVIATION,
    COMBINING_FORMS,
    COMMON_CAPITALISED,
    CONNECTORS,
    DEMONYMS,
    DIRECTIONS,
    EVENT_HEADS,
    FIRST_NAMES,
    HOLIDAYS,
    HYPHEN_PREFIXES,
    INSTITUTION_HEADS,
    MEDIA_HEADS,
    MONTHS,
    NAME_ENDINGS,
    NAMED_BODY_HEADS,
    NON_PLACE_PHRASES,
    ORGANISATIONS,
    PERSON_TITLES,
    REGION_HEADS,
    SURNAME_CUES,
    UNIT_HEADS,
    US_STATE_ABBREVIATIONS,
    VEHICLE_MAKES,
    WEAPONS,
    WEEKDAYS,
)
from claimmap.geoparse.text import match_back

# The word before a position, written backwards for text.match_back: one space, an
# optional period (group 1), letters (group 2): "Gen. X", "Maria X" read from X. One
# space only: a letter's signature puts the writer's name a line above the town.
_WORD_BEFORE: Final = re.compile(r" (\.?)([A-Za-zÀ-ž]+)")
_WORD_AFTER: Final = re.compile(r"[\s,]*([A-Za-zÀ-ž']+)")
_TOKEN: Final = re.compile(r"[A-Za-zÀ-ž]+")


class SpanHit(NamedTuple):
    """A proposed mention. ``source`` says where it came from: ``gazetteer`` (a known
    name), ``region`` (a name plus "Oblast"/"region"/"People's Republic"), ``cue``
    (after "city of", "near"...), ``suffix`` (toponym-shaped), ``cyrillic``,
    ``compound`` (a hyphenated name as a whole). ``head`` is the name part of a
    region span ("Kharkiv" in "Kharkiv Oblast"); ``tail`` the region word when it is
    not in the span ("county" for "Clay" in "Clay and Wilkin counties")."""

    start: int
    end: int
    text: str
    source: str
    head: str | None = None
    tail: str | None = None


class Recogniser:
    """Finds place-name spans. Build once per gazetteer; ``find`` is cheap."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._machine: Any = None
        self._shapes: dict[str, tuple[str, bool] | None] = {}
        self._given: frozenset[str] | None = None

    @property
    def given_names(self) -> frozenset[str]:
        """Given names that make the next word a surname (see :mod:`.given_names`)."""
        if self._given is None:
            gaz = self._gazetteer
            self._given = given_names(gaz.common_word, gaz.area_keys())
        return self._given

    @property
    def machine(self) -> Any:
        if self._machine is None:
            self._machine = automaton.load_or_build(self._gazetteer)
        return self._machine

    def find(self, text: str) -> list[SpanHit]:
        """Place-name spans in ``text``, non-overlapping, in text order."""
        proposals = self._propose(text)
        given = self.given_names
        people = person_names(text, given)
        ampersand = "&" in text
        kept = [
            h for h in proposals
            if self._plausible(text, h, given) and not _a_person(text, h, people)
            and not _in_organisation(text, h, ampersand)
            and not (h.text[0] == "S" and self._a_church(text, h))
        ]
        kept = _outside_compounds(proposals, kept)
        kept = _outside_non_places(proposals, kept)
        kept = [_with_region_tail(text, h) for h in kept]
        return _settle(kept + listed_hits(text))

    def _propose(self, text: str) -> list[SpanHit]:
        hits = []
        size = len(text)
        for s, e in automaton.scan(self.machine, text):
            # "U.S." and "D.C." keep their final period (the scan stops at letters)
            if e < size and text[e] == "." and _ABBREVIATED.fullmatch(text, s, e):
                e += 1
            hits.append(SpanHit(s, e, text[s:e], "gazetteer"))
        for s, e in patterns.inner_apostrophe_words(text):
            hits.append(SpanHit(s, e, text[s:e], "gazetteer"))
        hits.extend(_compounds(text, hits))
        hits.extend(_state_abbreviations(text, hits))
        for source, spans in (
            ("cue", patterns.introduced_names(text)),
            ("suffix", patterns.suffixed_names(text)),
            ("cyrillic", patterns.cyrillic_names(text)),
            ("feature", patterns.features(text)),
        ):
            hits.extend(SpanHit(s, e, text[s:e], source) for s, e in spans)
        return [h for h in hits if not _fragment(text, h.start, h.end)]

    def _plausible(self, text: str, hit: SpanHit, given: frozenset[str]) -> bool:
        if hit.source in ("cyrillic", "abbrev"):
            return True
        if hit.source == "feature":
            return _plausible_feature(hit)
        shape = self._name_shape(hit.text)
        if shape is None:
            return False
        first, single = shape
        if single and first in DIRECTIONS and _NAME_AFTER.match(text, hit.end):
            return False  # "Northeast Georgia": the compass word qualifies the name
        if single and first in NAME_ENDINGS and _name_before(text, hit.start):
            return False  # "Center Street", "Landmark Bank"
        if _quoted_single(text, hit):
            return False
        if _org_or_person_context(text, hit, first, single, given):
            return False
        if hit.source == "gazetteer" and _lowercase_elsewhere(text, hit):
            return False
        return not (hit.source == "suffix" and patterns.at_sentence_start(text, hit.start)
                    and _lowercase_elsewhere(text, hit))

    def _a_church(self, text: str, hit: SpanHit) -> bool:
        """"St. John's Lutheran School", "St. Paul's Church", "St. Michael's pupils":
        after a saint's given name the possessive names a church, a school or a feast,
        unless a big town bears the name ("St. Paul's mayor") or a state follows
        ("St. John's, N.L."). Asked only of hits that start with "S"."""
        if _POSSESSIVE_NOT_LISTED.match(text, hit.end) is None:
            return False
        saint = _SAINT_NAME.fullmatch(hit.text)
        if saint is None or saint.group(1).lower() not in FIRST_NAMES:
            return False
        return not any(m.place.population >= _BIG_TOWN for m in self._gazetteer.lookup(hit.text))

    def _name_shape(self, span: str) -> tuple[str, bool] | None:
        """:func:`name_shape` of ``span``, remembered (names recur across texts)."""
        if span not in self._shapes:
            if len(self._shapes) >= _MEMO_SIZE:
                self._shapes.clear()
            self._shapes[span] = name_shape(self._gazetteer, span)
        return self._shapes[span]


_MEMO_SIZE: Final = 100_000


def name_shape(gazetteer: Gazetteer, span: str) -> tuple[str, bool] | None:
    """The first word of ``span`` in lower case and whether it is the only word; None
    when the span is no place name wherever it stands: not capitalised, a month, a
    people ("Ukrainian forces", "Irish"), a common capitalised word or title."""
    simple = span.isascii() and span.isalpha()
    if not (span[:1].isupper() if simple else _capitalised(span)):
        return None
    words = [span] if simple else _TOKEN.findall(span)
    if not words:
        return None
    first = words[0].lower()
    single = len(words) == 1
    if single and (first in MONTHS or first in WEEKDAYS):
        return None
    if single and is_demonym(gazetteer, span):
        return None  # a people, not the town of that name
    if single and (first in COMMON_CAPITALISED or first in ORGANISATIONS
                   or first in PERSON_TITLES or first in HOLIDAYS or first in WEAPONS):
        return None
    if not single and all(w.lower() in COMMON_CAPITALISED for w in words):
        return None  # "The City", "North Central"
    if not single and "-" in span and all(_adjective_part(gazetteer, w) for w in words):
        return None  # "Russian-Ukrainian", "Russo-Ukrainian", "March-April"
    if " ".join(w.lower() for w in words) in NON_PLACE_PHRASES or (
        "-" in span and span.lower() in NON_PLACE_PHRASES
    ):
        return None  # "White House": a building, though a town's alternate name
    return first, single


def _adjective_part(gazetteer: Gazetteer, word: str) -> bool:
    """A part of a hyphenated adjective: a people's name ("Russian"), a combining form
    ("Russo", "Sino") or a month ("March-April")."""
    low = word.lower()
    return low in COMBINING_FORMS or low in MONTHS or is_demonym(gazetteer, word)


_NAME_AFTER: Final = re.compile(r" [A-Z]")
_NAME_BEFORE: Final = re.compile(r"[A-Z][\w'’.-]*[\"”]? $")


def _name_before(text: str, start: int) -> bool:
    """A capitalised word right before, not at a sentence start."""
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and not patterns.at_sentence_start(text, m.start())


def _outside_compounds(proposals: list[SpanHit], kept: list[SpanHit]) -> list[SpanHit]:
    """A known name inside a hyphenated word whose other parts are unknown ("Mart" in
    "Wal-Mart") stands or falls with the whole word, never alone."""
    wholes = [(h.start, h.end) for h in proposals if h.source == "compound"]
    if not wholes:
        return kept
    return [
        h for h in kept
        if h.source == "compound"
        or not any(s <= h.start and h.end <= e and (s, e) != (h.start, h.end) for s, e in wholes)
    ]


def _outside_non_places(proposals: list[SpanHit], kept: list[SpanHit]) -> list[SpanHit]:
    """The words of a known non-place phrase ("White House", "the Kremlin") do not
    stand alone either: "White" in "the White House" is no town."""
    phrases = [(h.start, h.end) for h in proposals
               if " " in h.text and h.text.lower() in NON_PLACE_PHRASES]  # fmt: skip
    if not phrases:
        return kept
    return [h for h in kept if not any(s <= h.start and h.end <= e for s, e in phrases)]


def _plausible_feature(hit: SpanHit) -> bool:
    """A feature's name starts with a name word, not a common one ("The River", "Peace
    Bridge" stand, "Police Road" not); a street's may also start with a compass or
    ordinal word ("West Tyler Street", "North Street", "First Avenue")."""
    words = _TOKEN.findall(hit.text)
    first = words[0].lower()
    if first in PERSON_TITLES:
        return False
    if first not in COMMON_CAPITALISED:
        return True
    return first in _STREET_LEADS and words[-1].lower() in _STREET_HEADS


_STREET_LEADS: Final = DIRECTIONS | frozenset(
    {"first", "second", "third", "center", "centre", "old"})
_STREET_HEADS: Final = frozenset(
    {"street", "avenue", "road", "drive", "boulevard", "lane", "parkway"})


def _capitalised(span: str) -> bool:
    """First letter upper case; later words upper case unless short connectors, or a
    plural area noun that ends a region's name ("Baltic states", "Gulf countries")."""
    if not span or not span[0].isupper():
        return False
    words = _TOKEN.findall(span)
    for i, word in enumerate(words[1:], start=1):
        if not word[0].isupper() and word.lower() not in CONNECTORS and not (
            i == len(words) - 1 and word in _AREA_PLURALS
        ):
            return False
    return True


_AREA_PLURALS: Final = frozenset({"states", "nations", "countries", "republics"})


def _org_or_person_context(
    text: str, hit: SpanHit, first: str, single: bool, given: frozenset[str] = FIRST_NAMES
) -> bool:
    """A title or a given name (of ``given``) right before ("President X", "Vladimir X"),
    a surname right after a given name ("Maria Petrova": the hit is the given name), or
    an event noun after ("Maidan protests"). Weaker cues (organisations, bare given
    names) are weighed in :mod:`claimmap.geoparse.context`, which knows how strong the
    place is."""
    before = match_back(_WORD_BEFORE, text, hit.start, 30)
    lead, word = _lead_kind(before.group(2), before.group(1)) if before else _NO_LEAD
    if lead == _TITLE:
        return True
    if lead == _NAME_LIKE and word in given:
        return hit.source != "region"
    after = _WORD_AFTER.match(text, hit.end, hit.end + 30)
    nxt = _next_kind(after.group(1) if after else "")
    if nxt.capitalised and not text.startswith(",", hit.end):
        if first in FIRST_NAMES and (single or _given_names_only(hit.text)):
            return nxt.surname  # "Maria Petrova", "Anna Maria Dyner"
        if nxt.media:
            return True  # "Washington Post", "Kyiv Independent"
    return nxt.event


def _given_names_only(span: str) -> bool:
    """Every word of ``span`` is a given name ("Anna Maria", "Mary Ann")."""
    return all(word.lower() in FIRST_NAMES for word in _TOKEN.findall(span))


# What the word before a hit says of it (see _org_or_person_context): a title, a
# capitalised word with no period after it (a given name if the recogniser's given
# names hold it), or nothing.
_TITLE, _NAME_LIKE, _NONE = "title", "name-like", "none"
_NO_LEAD: Final = (_NONE, "")


@lru_cache(maxsize=65536)
def _lead_kind(backward: str, period: str) -> tuple[str, str]:
    """The kind of the word written backwards in ``backward`` and the word in lower
    case: :data:`_TITLE` when a capitalised person's title ("President", "Gen."),
    :data:`_NAME_LIKE` when another capitalised word with no ``period`` after it, else
    :data:`_NONE` (remembered: the same words recur before hits). With a period after
    it only an abbreviated title counts: after "Judge." or "Israel." a sentence ends.
    The given names are not part of the key: each recogniser has its own."""
    word = backward[::-1]
    if not word[:1].isupper():
        return _NO_LEAD
    low = word.lower()
    if period:
        short = patterns.abbreviated_title(low)
        return (_TITLE, low) if short and low in PERSON_TITLES else _NO_LEAD
    return (_TITLE if low in PERSON_TITLES else _NAME_LIKE), low


class _NextWord(NamedTuple):
    """What the word after a hit says of it (see _org_or_person_context)."""

    capitalised: bool
    surname: bool  # capitalised, and no region or institution word
    media: bool  # capitalised, and a newspaper's or broadcaster's word
    event: bool  # an event noun or a military unit's ("regiment"), in any case, or a
    # capitalised body's ("Alliance")


@lru_cache(maxsize=65536)
def _next_kind(word: str) -> _NextWord:
    """:class:`_NextWord` of ``word`` (remembered: the same words recur after hits)."""
    low = word.lower()
    capitalised = word[:1].isupper()
    return _NextWord(
        capitalised,
        capitalised and low not in REGION_HEADS and low not in INSTITUTION_HEADS,
        capitalised and low in MEDIA_HEADS,
        low in EVENT_HEADS or low in UNIT_HEADS or (capitalised and low in NAMED_BODY_HEADS),
    )


def _quoted_single(text: str, hit: SpanHit) -> bool:
    """A single quoted word (‘Viking’, 'Center') names a thing or a unit."""
    if " " in hit.text or hit.start == 0 or hit.end >= len(text):
        return False
    return text[hit.start - 1] in "'‘\"“" and text[hit.end] in "'’\"”"


def _lowercase_elsewhere(text: str, hit: SpanHit) -> bool:
    """A single-word name at a sentence start or in a title-case headline that the
    text also uses in lower case ("Mobile", "Reading", "Man") is a common word there."""
    if " " in hit.text or not has_lower_word(text, hit.text.lower()):
        return False
    return patterns.at_sentence_start(text, hit.start) or in_headline(text, hit.start)


def in_headline(text: str, start: int) -> bool:
    """Whether ``start`` lies in a title-case headline (see patterns.title_case_spans)."""
    return patterns.in_title_case(text, start)


_ABBREVIATED: Final = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_APOSTROPHE: Final = "'’ʼ"


def _fragment(text: str, start: int, end: int) -> bool:
    """A piece of a word joined by an apostrophe ("O'Connor", "Baha'i"): not a name
    by itself (a possessive "'s" is no join)."""
    if start >= 2 and text[start - 1] in _APOSTROPHE and text[start - 2].isalpha():
        return True
    if end + 1 < len(text) and text[end] in _APOSTROPHE and text[end + 1].isalpha():
        tail = _TAIL.match(text, end + 1)
        return tail is not None and tail.group().lower() != "s"
    return False


_TAIL: Final = re.compile(r"[^\W\d_]+")
_PLACE_CUE: Final = re.compile(r"\b(?:in|near|at|from|outside|to|of)\s+(?:the\s+)?$")
_STATE_AFTER: Final = re.compile(r",\s+[A-Z]")


_AMPERSAND: Final = re.compile(r"\s*&\s*")
_SAINT_NAME: Final = re.compile(r"(?:St\.?|Saint)\s+([A-Z][a-z]+)")
_POSSESSIVE_NOT_LISTED: Final = re.compile(r"['’]s(?!,)")
_BIG_TOWN: Final = 100_000  # as context.STRONG_POPULATION
_SAINT_BEFORE: Final = re.compile(r"\b(?:St|Saint)\.?\s+$")


def _in_organisation(text: str, hit: SpanHit, ampersand: bool) -> bool:
    """Part of a firm's or an institution's name: joined by "&" ("Stevens &
    Wilkinson"), a saint's name ("St. Patrick's Day"), a lone "St." or "Mt." (LGL-style
    annotation keeps places inside institutions' names: "X High School").
    ``ampersand``: whether the text has an "&" at all (most have none)."""
    if hit.source not in ("gazetteer", "suffix"):
        return False
    if ampersand and (
        _AMPERSAND.match(text, hit.end) or text[max(0, hit.start - 3) : hit.start].strip() == "&"
    ):
        return True
    if hit.text.lower() in ABBREVIATED_PARTS and text[hit.end : hit.end + 1] == ".":
        return True
    if " " in hit.text:
        return False
    before = text[max(0, hit.start - 7) : hit.start]
    # "St" or "Saint" holds an "S": without one in reach the search cannot match
    return "S" in before and bool(_SAINT_BEFORE.search(text, max(0, hit.start - 7), hit.start))


_GIVEN_NAME_SHAPE: Final = re.compile(r"\s+(?:[A-Z]\.\s+[A-Z][a-z]|(?:Jr|Sr)\b)")


def _a_person(text: str, hit: SpanHit, people: frozenset[str]) -> bool:
    """A single word the text uses as a person's surname ("Matthew D. Flores", later
    "Flores") is that person, unless a place cue stands right before or a state or
    country right after ("in Lincoln", "Lincoln, Neb.")."""
    if hit.source not in ("gazetteer", "suffix"):
        return False
    if _GIVEN_NAME_SHAPE.match(text, hit.end):
        return True  # "Milton J. Little", "Bush Jr."
    if hit.text not in people:
        return False
    if _PLACE_CUE.search(text, max(0, hit.start - 12), hit.start):
        return False
    return _STATE_AFTER.match(text, hit.end) is None


# A lower-case word: ``\b[a-z][a-z'’-]*\b``, with the first letter before the
# look-behind so that the regex engine can skip ahead to candidate letters.
_LOWER_WORD: Final = re.compile(r"[a-z](?<!\w[a-z])[a-z'’-]*\b")


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (remembered for the last few texts)."""
    return frozenset(_LOWER_WORD.findall(text))


_LOWER_SHAPE: Final = re.compile(r"[a-z][a-z'’-]*")


def has_lower_word(text: str, word: str) -> bool:
    """Whether the text writes ``word`` as a lower-case word (one that
    :data:`_LOWER_WORD` finds), mostly without finding every lower-case word:
    only where ``word`` occurs is :data:`_LOWER_WORD` matched (most place names never
    occur in lower case, and a text's lower-case words are many).

    At an occurrence after a word character no lower-case word starts (the pattern's
    look-behind). After any other character that is none of ``'’-``, the match there is
    the one ``findall`` makes: no match of letters, apostrophes and hyphens runs into
    it from before. After one of ``'’-`` ("rock-and-roll") a match may have begun
    earlier, so the whole set is read. Remembered per word for the last few texts."""
    memo = _lower_memo(text)
    found = memo.get(word)
    if found is None:
        found = memo[word] = _has_lower_word(text, word)
    return found


@lru_cache(maxsize=4)
def _lower_memo(text: str) -> dict[str, bool]:
    return {}


def _has_lower_word(text: str, word: str) -> bool:
    if not _LOWER_SHAPE.fullmatch(word):
        return False  # every lower-case word has that shape
    size = len(word)
    at = text.find(word)
    while at >= 0:
        if at > 0:
            before = text[at - 1]
            if before in "'’-":
                return word in _lower_words(text)
            if before.isalnum() or before == "_":  # ``\w``: inside a word ("us" in "thus")
                at = text.find(word, at + 1)
                continue
        m = _LOWER_WORD.match(text, at)
        if m is not None and m.end() == at + size:
            return True
        at = text.find(word, at + 1)
    return False


@lru_cache(maxsize=4)
def person_names(text: str, given: frozenset[str] = FIRST_NAMES) -> frozenset[str]:
    """Surnames the text gives to people ("Vladimir Putin", "President Zelensky",
    "Matthew D. Flores", "Brian Keane, 38,", "Khodarenok said"; ``given``: the given
    names that mark one), and models it gives to vehicles ("Dodge Durango"): later bare
    uses of these words are people (or vehicles) too."""
    out: set[str] = patterns.surnames(text, PERSON_TITLES)
    seconds: set[str] = set()  # words right after another capitalised word
    speakers: list[str] = []
    for lead, dot, word in _PAIR_OR_SPEAKER.findall(text):
        if not word:  # "Khodarenok said" (a pair's second word is never empty)
            speakers.append(lead)
            continue
        low = lead.lower()
        # a title may end in a period if abbreviated ("Gen. Smith"); a given name or a
        # title in full may not ("Columbus. Ohio gave", "the judge. Columbus": a
        # sentence ends there)
        if (low in PERSON_TITLES and (not dot or patterns.abbreviated_title(low))) or (
            not dot and (low in given or low in VEHICLE_MAKES)
        ):
            out.add(word)
        if not dot:
            seconds.add(word.partition("-")[0])
    out.update(word for word in speakers if word in seconds)
    return frozenset(out)


# A capitalised word, then either another one a space apart (group 3: a pair,
# "Vladimir Putin", "Gen. Smith") or a verb of speech ("Khodarenok said"). One pass
# finds what two separate passes would: both shapes start at a capital that begins a
# word, and neither's match holds another such capital, so no match hides another;
# and at one start at most one shape matches (the word after the spaces is
# capitalised or not).
_PAIR_OR_SPEAKER: Final = re.compile(
    rf"({patterns.CAP_START}[a-z]+)(?:(\.?) (?=([A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?)\b)"
    r"|\s+(?:" + "|".join(sorted(SURNAME_CUES)) + r")\b)"
)


_ABBREV_AFTER: Final = re.compile(r",\s*(" + ABBREVIATION + r")")
# "Sen. Jane Roe, D-S.C.": a party letter and the state a politician represents.
# (The letter before the look-behind, rather than ``\b`` first, lets the regex engine
# skip ahead to candidate letters, as in patterns.UP_START.)
_PARTY_STATE: Final = re.compile(r"[DRI](?<!\w[DRI])-(" + ABBREVIATION + r")(?![A-Za-z])")


_NAME_END: Final = re.compile(r"(?<![\w.])[A-Z][a-z]+$")
# A state abbreviation on its own ("Scandal-plagued Ga. pastor", "in S.C. today"), but
# not one that is also a word or a title ("Miss.", "Mass.", "Pa.", "Del.", "Ill.").
_NOT_STANDALONE: Final = frozenset(
    {"Ark.", "Del.", "Ill.", "Ind.", "La.", "Mass.", "Miss.", "Mo.", "Ore.", "Pa.", "Tex.",
     "Wash.", "Kan."}
)
_STANDALONE: Final = frozenset(
    a for a in US_STATE_ABBREVIATIONS if a not in _NOT_STANDALONE and " " not in a
)


def _ending_at_period(words: frozenset[str]) -> re.Pattern[str]:
    """A regex that finds the final period of each of ``words`` (all end in ".")
    standing alone: no letter, digit or period before, no letter or digit after. It
    starts with the period, which the regex engine looks for quickly, and checks the
    word behind it, grouped by the letter before the period (a text has a few dozen
    periods, and far more capitals)."""
    by_last: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_last.setdefault(word[-2], []).append(word)
    groups = (
        rf"(?<={re.escape(last)}\.)(?:"
        + "|".join(rf"(?<=(?<![\w.]){re.escape(w)})" for w in group) + ")"
        for last, group in sorted(by_last.items())
    )
    return re.compile(r"\.(?:" + "|".join(groups) + r")(?!\w)")


_STANDALONE_STATE: Final = _ending_at_period(_STANDALONE)
_LONGEST_STANDALONE: Final = max(map(len, _STANDALONE))


def _standalone_states(text: str) -> list[tuple[int, int]]:
    """Spans of the state abbreviations of :data:`_STANDALONE` standing alone."""
    out = []
    for m in _STANDALONE_STATE.finditer(text):
        end = m.end()
        # the regex saw one standing alone end here: find it, the longest first
        # ("W.Va.", not "Va.", though that one could not stand alone after a period)
        for start in range(max(0, end - _LONGEST_STANDALONE), end - 1):
            before = text[start - 1] if start else " "
            if text[start:end] in _STANDALONE and not (before.isalnum() or before in "._"):
                out.append((start, end))
                break
    return out


def _state_abbreviations(text: str, hits: list[SpanHit]) -> list[SpanHit]:
    """"Alexandria, La.": the state abbreviation after a place name is a mention, as
    is one after a capitalised name the gazetteer does not know ("Sulpher, La."), one
    standing alone when it is no word or title ("a Ga. pastor"; not "Miss.") and the
    state after a party letter ("D-S.C.")."""
    out = []
    # Every match starts at a comma and holds no other, so finditer finds the match
    # at every position where one starts: looked up by position, per hit.
    after = {m.start(): m for m in _ABBREV_AFTER.finditer(text)}
    if after:
        for h in hits:
            m = after.pop(h.end, None)
            if m is not None:
                out.append(SpanHit(m.start(1), m.end(1), m.group(1), "abbrev"))
        # "Sulpher, La.": after a capitalised name the gazetteer does not know
        out.extend(SpanHit(m.start(1), m.end(1), m.group(1), "abbrev")
                   for m in after.values()
                   if _NAME_END.search(text, max(0, m.start() - 30), m.start()))
    out.extend(SpanHit(s, e, text[s:e], "abbrev") for s, e in _standalone_states(text)
               if not text[max(0, s - 2) : s].startswith(","))
    if "D-" in text or "R-" in text or "I-" in text:  # what every party letter match holds
        out.extend(SpanHit(m.start(1), m.end(1), m.group(1), "abbrev")
                   for m in _PARTY_STATE.finditer(text))
    return out


def _compounds(text: str, hits: list[SpanHit]) -> list[SpanHit]:
    """A hyphenated capitalised token whose parts are not all known names is one
    mention as a whole ("Gulyai-Pol"); when every part is known, the parts stand
    ("Sloviansk-Kramatorsk"), unless the whole is a firm's name ("Wal-Mart")."""
    out = []
    known = {(h.start, h.end) for h in hits}
    for s, e in patterns.hyphenated(text):
        if text[s : text.index("-", s)].lower() in HYPHEN_PREFIXES:
            continue
        parts = [(m.start() + s, m.end() + s) for m in _TOKEN.finditer(text[s:e])]
        if (not all(p in known for p in parts) and (s, e) not in known) or (
            text[s:e].lower() in NON_PLACE_PHRASES  # a firm's name: its parts fall with it
        ):
            out.append(SpanHit(s, e, text[s:e], "compound"))
    return out


def _with_region_tail(text: str, hit: SpanHit) -> SpanHit:
    tail = patterns.region_tail(text, hit.end)
    if tail is None or hit.source == "cyrillic":
        return hit
    end, _kind = tail
    return SpanHit(hit.start, end, text[hit.start : end], "region", head=hit.text)


def _settle(hits: list[SpanHit]) -> list[SpanHit]:
    """Longest first, then earliest; a compound beats its own parts.

    Only overlapping hits compete, so the hits are taken in runs of overlapping
    spans, in text order: a hit that overlaps no other stands, and each run of two or
    more is settled on its own (:func:`_settle_all`, which gives the same answer for
    the run as for all hits at once). Taken spans never share a start, so putting the
    runs one after another is the text order."""
    out: list[SpanHit] = []
    run: list[SpanHit] = []
    reach = -1  # the end of the current run
    for hit in sorted(hits, key=_START):
        if hit.start >= hit.end:  # an empty span overlaps nothing, yet may share a start
            return _settle_all(hits)
        if hit.start < reach:
            run.append(hit)
            reach = max(reach, hit.end)
            continue
        out.extend(_settle_run(run))
        run = [hit]
        reach = hit.end
    out.extend(_settle_run(run))
    return out


def _settle_run(run: list[SpanHit]) -> list[SpanHit]:
    return run if len(run) < 2 else _settle_all(run)


_START: Final = attrgetter("start")


def _settle_all(hits: list[SpanHit]) -> list[SpanHit]:
    """:func:`_settle` the plain way: in that order, each hit that overlaps none of
    those taken before is taken."""
    rank = {"region": 0, "compound": 1, "gazetteer": 2, "cyrillic": 2, "feature": 2, "cue": 3,
            "suffix": 3}
    order = sorted(hits, key=lambda h: (-(h.end - h.start), rank.get(h.source, 4), h.start))
    taken: list[SpanHit] = []
    used = bytearray(max((h.end for h in hits), default=0))
    for hit in order:
        if used.find(1, hit.start, hit.end) < 0:
            taken.append(hit)
            used[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(taken, key=_START)


def is_demonym(gazetteer: Gazetteer, word: str) -> bool:
    """A people's name ("Ukrainian", "Canadians", "Sri Lankan"): the hand list of
    demonyms and adjectives, or the gazetteer's demonym table."""
    low = word.lower()
    return low in DEMONYMS or low.removesuffix("s") in DEMONYMS or bool(gazetteer.demonym(word))


def listed_hits(text: str) -> list[SpanHit]:
    """Names in a list that a plural region word ends ("Clarke, Madison and Oconee
    counties"): region spans of the name alone, the region word as their tail."""
    return [
        SpanHit(s, e, text[s:e], "region", head=text[s:e], tail=tail)
        for (s, e), tail in patterns.listed_areas(text).items()
    ]


def given_span(
    text: str, start: int, end: int, listed: dict[tuple[int, int], str] | None = None
) -> SpanHit:
    """A span given from outside (gold toponyms); a trailing region word, or a list
    that a plural region word ends (``listed``: see :func:`patterns.listed_areas`),
    makes it a region span, as the recogniser would have."""
    span = text[start:end]
    listed_tail = (listed or {}).get((start, end))
    if listed_tail is not None:
        return SpanHit(start, end, span, "region", head=span, tail=listed_tail)
    words = span.split()
    if len(words) > 1:
        for cut in (1, 2):
            head = " ".join(words[:-cut])
            tail = patterns.region_tail(text, start + len(head)) if head else None
            if tail is not None and tail[0] == end:
                return SpanHit(start, end, span, "region", head=head)
    return SpanHit(start, end, span, "given")
