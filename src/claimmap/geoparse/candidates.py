"""Candidate generation: the gazetteer entries a mention's words could name.

Tried in order of trust, stopping at the first that yields anything: the exact
folded name, the romanisation-variant key, then a guarded fuzzy match. Region spans
("Kharkiv Oblast", "Kursk region", "Donetsk People's Republic") look for first-level
divisions under the head name before falling back to the head's towns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final, NamedTuple, ParamSpec, TypeVar

from claimmap.gazetteer.base import Gazetteer, NameMatch
from claimmap.gazetteer.names import name_key, variant_key
from claimmap.geoparse.lexicon import US_STATE_ABBREVIATIONS
from claimmap.geoparse.recognise import SpanHit
from claimmap.model import Place

MAX_CANDIDATES = 40  # not Final: a test lowers it (compiled code reads a Final from C)
FUZZY_FLOOR: Final = 0.82  # below this similarity a fuzzy match is no candidate at all
FUZZY_LIMIT: Final = 8  # fuzzy matches asked for per name
#: Hit sources whose fuzzy matches can wait until the hit is known to stand (see
#: :meth:`CandidateFinder.options_to_keep`).
FUZZY_LATER: Final = frozenset({"compound", "suffix"})
#: Names shorter than this match only exactly: transliteration folding of two or three
#: letters proposes places at random.
MIN_VARIANT_CHARS: Final = 4
_NAMED: Final = ("exact", "alternate")
_AREA_KINDS: Final = frozenset({"admin1", "region", "admin2"})
_DEMONYM_SUFFIXES: Final = ("ians", "ian", "ans", "an", "ese", "iots", "iot", "is", "i", "ish", "s")
_COUNTRY_ENDINGS: Final = (
    "a", "ia", "y", "e", "any", "as", "o", "on", "us", "ain", "and", "en", "ey", "",
)
_LOCAL_TAILS: Final = frozenset({"county", "parish", "district", "raion"})
_BIG: Final = frozenset({"country", "admin1", "region"})
_ADMIN_TAILS: Final = ("oblast", "region", "province", "krai", "kray", "republic", "governorate")
_P = ParamSpec("_P")
_R = TypeVar("_R")


class Option(NamedTuple):
    """One candidate place with how its name matched: ``exact`` (main name),
    ``alternate`` (another exact name), ``variant`` (romanisation variant) or
    ``fuzzy`` (edit similarity ``similarity``)."""

    place: Place
    match: str
    similarity: float = 1.0


class CandidateFinder:
    """Looks names up once each (results are cached per surface form, acronym and
    region span); the gazetteer queries for one uncached form share one read
    transaction."""

    def __init__(self, gazetteer: Gazetteer, cache_size: int = 50_000) -> None:
        self._gazetteer = gazetteer
        self._for_name = lru_cache(maxsize=cache_size)(self._reading(self._lookup_name))
        self._for_name_unfuzzed = lru_cache(maxsize=cache_size)(
            self._reading(self._lookup_name_unfuzzed)
        )
        self._for_acronym = lru_cache(maxsize=cache_size)(self._reading(self._acronym))
        self._for_region = lru_cache(maxsize=cache_size)(self._reading(self._region))
        # the gazetteer's exact-name lookup, cached too: acronyms, region spans and
        # demonyms ask for the same names article after article
        self._lookup = lru_cache(maxsize=cache_size)(gazetteer.lookup)
        self._area_keys: frozenset[str] | None = None
        # variant look-ups by variant key: "Kyiv", "Kiev" and "KYIV" ask the same one
        self._variants: dict[str, tuple[NameMatch, ...]] = {}
        self._cache_size = cache_size

    def _reading(self, look_up: Callable[_P, _R]) -> Callable[_P, _R]:
        """``look_up`` with its gazetteer queries in one read transaction
        (:meth:`Gazetteer.reading`)."""

        def in_one_transaction(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            with self._gazetteer.reading():
                return look_up(*args, **kwargs)

        return in_one_transaction

    def _areas(self) -> frozenset[str]:
        """The keys a demonym's country or division must have (asked for once)."""
        if self._area_keys is None:
            self._area_keys = self._gazetteer.area_keys()
        return self._area_keys

    def options(self, hit: SpanHit) -> tuple[Option, ...]:
        if hit.source == "region" and hit.head is not None:
            return self._for_region(hit.text, hit.head, hit.tail)
        if 1 < len(hit.text) <= 4 and hit.text.isupper():
            return self._for_acronym(hit.text)
        return self._for_name(hit.text)

    def options_to_keep(self, hit: SpanHit) -> tuple[Option, ...]:
        """What deciding whether ``hit`` stands needs (:func:`context.keep_hits`, the
        pipeline's checks): :meth:`options`, except that for a hyphenated or
        toponym-shaped hit (:data:`FUZZY_LATER`) fuzzy matches are left out. They never
        make such a hit stand (only exact, alternate and variant matches count for it,
        or a place cue, which needs no option), so they are looked for only for the
        hits that stand: take :meth:`options` for those. Most such hits are
        adjectives and surnames ("Belarusian-Polish", "Cranny-Evans"), whose fuzzy
        look-up is the dearest of all and finds nothing that is used."""
        if hit.source in FUZZY_LATER:
            return self._for_name_unfuzzed(hit.text)
        return self.options(hit)

    def _acronym(self, text: str) -> tuple[Option, ...]:
        """An acronym ("TASS", "NATO") names a place only when the gazetteer has the
        acronym itself ("USA", "UK"), not a same-letters town ("Tass")."""
        found = self._for_name(text)
        letters = "".join(c for c in text if c.isalnum())
        keep = {m.place.id for m in self._lookup(text)
                if "".join(c for c in m.matched if c.isalnum()) == letters}
        # ... and a country or a region ("USA", "UK", "DPR"): towns' capitalised codes
        # in GeoNames are mostly airport codes ("CNN", "BBC", "GDP" are no places)
        kept = tuple(o for o in found if o.place.id in keep and o.place.kind != "populated_place")
        if kept or not letters.isalpha():
            return kept
        # "US" is written "U.S." in the gazetteer's names
        return self._for_name(".".join(letters) + ".")

    def for_name(self, name: str) -> tuple[Option, ...]:
        return self._for_name(name)

    def _lookup_name_unfuzzed(self, name: str) -> tuple[Option, ...]:
        """:meth:`_lookup_name` without its fuzzy matches, when leaving them out
        changes nothing else: with at most ``MAX_CANDIDATES - FUZZY_LIMIT`` other
        places, no fuzzy match can push one of them off the list. (With more, the
        whole look-up is made.)"""
        found = self._lookup_name(name, fuzzy=False)
        if len(found) > MAX_CANDIDATES - FUZZY_LIMIT:
            return self._for_name(name)
        return found

    def _lookup_name(self, name: str, fuzzy: bool = True) -> tuple[Option, ...]:
        """Exact and variant matches together (a variant may be the right place when
        the exact name belongs to somewhere else); fuzzy ones only when no exact
        name matched, and never below :data:`FUZZY_FLOOR` (none when not ``fuzzy``)."""
        state = US_STATE_ABBREVIATIONS.get(name.replace(" ", ""))
        if state is not None:
            return tuple(o for o in self._for_name(state) if o.place.kind == "admin1")
        found = [_exact(m) for m in self._lookup(name) if not _code(m)]
        for other in _abbreviation_forms(name):  # "Mt. Pleasant" is also "Mount Pleasant"
            found += [_exact(m) for m in self._lookup(other) if not _code(m)]
        if len(name) >= MIN_VARIANT_CHARS:  # "За" is not a spelling of "Azazga"
            words = name.count(" ")  # "Black Sea" is no spelling of "Blacks"
            found += [Option(m.place, "variant") for m in self._lookup_variant(name)
                      if m.matched.count(" ") == words]
        if fuzzy and not any(o.match != "variant" for o in found) and len(name) >= 5:
            matches = self._gazetteer.fuzzy(name, limit=FUZZY_LIMIT)
            found += [Option(m.place, "fuzzy", s) for m, s in matches if s >= FUZZY_FLOOR]
        if name[:1].isupper() and name.count(" ") <= 1:
            people = self._gazetteer.demonym(name)
            if people:  # "Canadian" means Canada's people, not the Texas town
                found = [o for o in found if o.place.kind != "populated_place"]
                found += [Option(p, "alternate") for p in people]
            else:
                found += self._demonym(name)
        if any(o.place.kind == "country" and o.match in _NAMED for o in found):
            # a country's name means the country: a town that merely lists it among its
            # alternate names ("Germany" for an Italian village) is no candidate
            found = [o for o in found if o.place.kind != "populated_place" or o.match == "exact"]
        return _dedupe(found)

    def _lookup_variant(self, name: str) -> tuple[NameMatch, ...]:
        """The gazetteer's variant look-up, remembered by variant key (its answer is
        the same for every name with that key)."""
        key = variant_key(name)
        found = self._variants.get(key)
        if found is None:
            if len(self._variants) >= self._cache_size:
                self._variants.clear()
            found = self._variants[key] = self._gazetteer.lookup_variant(name)
        return found

    def _demonym(self, word: str) -> tuple[Option, ...]:
        """The country a demonym names ("Egyptian" -> Egypt, "Kenyan" -> Kenya), by
        trying the usual English endings (countries before first-level divisions);
        used only for spans given to the resolver (the recogniser does not propose
        demonyms). A country's short names count ("American" -> America), a
        first-level division's only its main name."""
        low = word.lower()
        areas = self._areas()
        found: list[Place] = []
        for suffix in _DEMONYM_SUFFIXES:
            if not low.endswith(suffix) or len(low) - len(suffix) < 3:
                continue
            stem = word[: len(word) - len(suffix)]
            stem_key = name_key(stem)
            for ending in _COUNTRY_ENDINGS:
                if _key_with_ending(stem, stem_key, ending) not in areas:
                    continue  # the look-up would find no country or division
                found += [m.place for m in self._lookup(stem + ending)
                          if m.place.kind == "country" or (m.place.kind == "admin1" and m.primary)]
        countries = [p for p in found if p.kind == "country"]
        return tuple(Option(p, "alternate") for p in (countries or found))

    def _region(self, text: str, head: str, tail: str | None = None) -> tuple[Option, ...]:
        """Options for "<head> <tail>": the tail is the end of ``text`` ("Kharkiv
        Oblast") or given ("Clay" listed before "counties")."""
        if tail is None and text.endswith(" Co."):
            tail = "county"  # "Loudon Co."
        if tail is not None:
            text = f"{head} {tail.capitalize()}"
        head_options = self._for_name(head)
        head_ids = {o.place.id for o in head_options}
        whole = [_exact(m) for m in self._lookup(text) if _named_for(m, head, head_ids)]
        if whole:
            return _dedupe(whole)
        tail = text[len(head) :].strip().lower()
        areas = tuple(o for o in head_options if o.place.kind in _AREA_KINDS)
        if tail in _LOCAL_TAILS:  # "Laurel County" is not the town of Laurel
            return tuple(o for o in areas if o.place.kind == "admin2")
        if tail.startswith(_ADMIN_TAILS) or tail.endswith("republic"):
            areas = areas or self._areas_named(head, head_ids)
            if areas:
                return areas
        elif areas:
            return areas + tuple(o for o in head_options if o.place.kind not in _AREA_KINDS)
        return head_options

    def _areas_named(self, head: str, head_ids: set[str]) -> tuple[Option, ...]:
        """First-level divisions whose name is the head plus a region word."""
        for suffix in (" Oblast", " Region", " Province", " Krai"):
            found = self._lookup(head + suffix)
            areas = [
                _exact(m)
                for m in found
                if m.place.kind in _AREA_KINDS and _named_for(m, head, head_ids)
            ]
            if areas:
                return _dedupe(areas)
        return ()


def _key_with_ending(stem: str, stem_key: str, ending: str) -> str:
    """``name_key(stem + ending)`` for an ending of plain lower-case letters: the
    stem's key plus the ending when the stem ends in a plain letter or digit (no
    folding reaches across that boundary), else folded afresh."""
    last = stem[-1:]
    if last.isascii() and last.isalnum():
        return stem_key + ending
    return name_key(stem + ending)


def _named_for(m: NameMatch, head: str, head_ids: set[str]) -> bool:
    """Whether a division found for "<head> region" is named for the head (Kharkiv ->
    Kharkivska oblast), not merely the division some town called <head> lies in
    ("Krasnoarmeysk region" is the area around that town, not the whole oblast)."""
    if m.place.kind not in _AREA_KINDS or m.place.id in head_ids:
        return True
    if name_key(m.matched) != name_key(head):
        return True
    a, b = name_key(m.place.name), name_key(head)
    return a[:4] == b[:4] or variant_key(m.place.name)[:4] == variant_key(head)[:4]


_ABBREVIATIONS: Final = {"mt": "Mount", "ft": "Fort", "st": "Saint", "pt": "Point"}
_EXPANSIONS: Final = {"mount": "Mt.", "fort": "Ft.", "saint": "St."}
_FIRST_WORD: Final = re.compile(r"^([A-Za-z]+)\.?(?=\s)")


def _abbreviation_forms(name: str) -> tuple[str, ...]:
    """The other spelling of a name that opens with Mt./Mount, Ft./Fort, St./Saint,
    Pt./Point: GeoNames lists some towns under one form only."""
    m = _FIRST_WORD.match(name)
    if m is None:
        return ()
    word, rest = m.group(1).lower(), name[m.end() :]
    other = _ABBREVIATIONS.get(word) or _EXPANSIONS.get(word)
    return (other + rest,) if other else ()


def _code(m: NameMatch) -> bool:
    """A town's alternate name in capitals of up to four letters: an airport or other
    code ("SEA" for Seattle), never what a text means by the word. Initials written
    with periods ("L.A." for Los Angeles) are no code: they are how texts write it."""
    return (m.place.kind == "populated_place" and not m.primary and len(m.matched) <= 4
            and m.matched.isupper() and m.matched.isalpha())


def _exact(m: NameMatch) -> Option:
    """An exact match of the main name, or of an alternate name that is only another
    romanisation of it ("Zaporizhzhia" for Zaporizhzhya: the city's own name, as
    strong as the main name, not a village's same-spelt main name)."""
    same = m.primary or (not m.historical and _respelling(m.matched, m.place.name))
    return Option(m.place, "exact" if same else "alternate")


_Y_SPELLINGS: Final = (("yi", "i"), ("ya", "ia"), ("ye", "ie"), ("yu", "iu"), ("y", "i"), ("'", ""))


@lru_cache(maxsize=65_536)
def _respelling(alternate: str, main: str) -> bool:
    """The same name but for y/i spellings and apostrophes (Zaporizhzhia/Zaporizhzhya,
    Mykolaiv/Mykolayiv): narrower than the variant key, which also drops final vowels
    (Moldova/Moldove are two places)."""
    a, b = name_key(alternate), name_key(main)
    if a == b:
        return False
    for old, new in _Y_SPELLINGS:
        a, b = a.replace(old, new), b.replace(old, new)
    return a == b


def _dedupe(options: list[Option]) -> tuple[Option, ...]:
    best: dict[str, Option] = {}
    order = {"exact": 0, "alternate": 1, "variant": 2, "fuzzy": 3}
    for o in options:
        old = best.get(o.place.id)
        if old is None or (order[o.match], -o.similarity) < (order[old.match], -old.similarity):
            best[o.place.id] = o
    ranked = sorted(best.values(), key=lambda o: (o.place.kind not in _BIG, -o.place.population))
    return tuple(ranked[:MAX_CANDIDATES])
