"""Article-level flags: anonymous sources, quotations with no speaker, private
individuals quoted with name, age and occupation, and places resolved only through
an alias or a fuzzy match.

Flag kinds and detail formats (documented in docs/claims.md):

* ``anonymous_source``: ``source: <description as written>``
* ``unattributed_quote``: ``quote with no identifiable speaker``
* ``private_individual``: ``persona: name=<name>; age=<n>; occupation=<words>; from=<place>``
  (``from=`` empty when not given): stable, so consolidation can compare personas;
* ``place_alias``: ``'<mention>' -> <place_id> (<name>) via alias: <geoparse reason>``
* ``place_fuzzy``: ``'<mention>' -> <place_id> (<name>) via fuzzy match: <reason>``
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from claimmap.model import Article, Flag, Mention, Place, Span

_PERSONA_ROLE = re.compile(
    r"^(?:an?|the)\s+(?P<age>\d{1,3})-year-old\s+(?P<occ>.+?)(?:\s+from\s+(?P<from>.+))?$"
)
_PERSONA_INLINE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),\s+(?P<age>\d{1,3}),\s+(?:an?\s+)?"
    r"(?P<occ>[a-z][^,.;]{2,60}?)(?:\s+from\s+(?P<from>[A-Z][^,.;]{1,40}))?(?=[,.;])"
)
#: Occupations that make a speaker an official, not a private individual.
_OFFICIAL = re.compile(
    r"\b(?:minister|general|officer|official|spokes\w+|commander|president|governor|mayor|"
    r"deputy|ambassador|head of|chief|lawmaker|senator|colonel|analyst|expert)\b",
    re.IGNORECASE,
)
FUZZY_REASONS = ("fuzzy",)
#: Geoparse reasons that mean the name as written is not one the gazetteer knows for
#: the place: rescued by an alias the text states, or by transliteration folding.
ALIAS_REASONS = ("alias stated", "variant")


def span(article: Article, start: int, end: int) -> Span:
    return Span(article.id, start, end, article.text[start:end])


def persona_detail(name: str, age: str, occupation: str, origin: str | None) -> str:
    return (
        f"persona: name={name}; age={int(age)}; occupation={occupation.strip()}; "
        f"from={(origin or '').strip()}"
    )


def persona_flags(article: Article, people: Iterable[tuple[str, str | None, Span]]) -> list[Flag]:
    """Private individuals among ``people`` (name, role, evidence) and those written
    ``Name, 52, a teacher`` in the text."""
    flags: dict[str, Flag] = {}
    for name, role, evidence in people:
        match = _PERSONA_ROLE.match(role or "")
        if match is None or _OFFICIAL.search(match.group("occ")):
            continue
        detail = persona_detail(name, match.group("age"), match.group("occ"), match.group("from"))
        flags.setdefault(detail, Flag("private_individual", (article.id,), detail, (evidence,)))
    for match in _PERSONA_INLINE.finditer(article.text):
        if _OFFICIAL.search(match.group("occ")):
            continue
        detail = persona_detail(
            match.group("name"), match.group("age"), match.group("occ"), match.group("from")
        )
        evidence = span(article, match.start(), match.end())
        flags.setdefault(detail, Flag("private_individual", (article.id,), detail, (evidence,)))
    return list(flags.values())


def fold(name: str) -> str:
    """Lower case, accents and punctuation dropped: "Kramators'k" ~ "Kramatorsk"."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def place_flags(
    article: Article, mentions: Sequence[Mention], places: Mapping[str, Place]
) -> list[Flag]:
    """Populated places named in the text by a name the gazetteer does not know for
    them, resolved by a fuzzy match, an alias the text states, or transliteration
    folding (possible garbling): one flag per spelling and place. Known alternate
    names ("Kiev", a Soviet-era name) are not flagged."""
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for mention in mentions:
        place = places.get(mention.place_id) if mention.place_id else None
        if place is None or place.kind != "populated_place":
            continue
        if fold(mention.text) == fold(place.name) or (mention.text, place.id) in seen:
            continue
        seen.add((mention.text, place.id))
        reason = mention.reason.lower()
        if any(word in reason for word in FUZZY_REASONS):
            kind, how = "place_fuzzy", "fuzzy match"
        elif any(word in reason for word in ALIAS_REASONS):
            kind, how = "place_alias", "alias"
        else:  # a gazetteer alternate name ("Kiev", "New York"): ordinary, not garbling
            continue
        detail = f"'{mention.text}' -> {place.id} ({place.name}) via {how}: {mention.reason}"
        evidence = span(article, mention.start, mention.end)
        flags.append(Flag(kind, (article.id,), detail, (evidence,)))
    return flags


def source_flag(article: Article, description: str, evidence: Span) -> Flag:
    return Flag("anonymous_source", (article.id,), f"source: {description}", (evidence,))


def quote_flag(article: Article, evidence: Span) -> Flag:
    return Flag(
        "unattributed_quote", (article.id,), "quote with no identifiable speaker", (evidence,)
    )
