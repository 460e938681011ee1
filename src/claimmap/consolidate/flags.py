"""Cross-article signs of fabrication and rewriting (besides personas).

* ``garbled_place_inconsistent`` / ``garbled_place_name``: a place written in forms
  that resolve only through an alias stated in the text or a fuzzy match; worse when
  different articles garble one place differently.
* ``rewrite_adds_detail``: numbers or quotations found in a rewrite but not in its
  story's origin.
* ``unidentifiable_speaker``: quotations given to no one, to an anonymous source,
  or to a speaker with no name or named body.
* ``quote_attribution_varies``: one quotation given to different speakers.

Each flag names its articles and evidence and says in one sentence why it matters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from claimmap.consolidate.stories import Stories
from claimmap.consolidate.text import find_numbers, find_quotes, fold, quote_key, span, words
from claimmap.model import Article, Claim, Flag, Mention, Place, Span

GARBLED_REASONS = ("alias", "fuzzy")
MAX_EVIDENCE = 12
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_ANON = re.compile(r"\b(unnamed|anonymous|anonymity|call sign|callsign|sources?|insiders?)\b", re.I)
_DEMONYMS = frozenset((
    "A", "An", "The", "Russian", "Ukrainian", "American", "British", "Western", "European",
    "Belarusian", "Polish", "German", "French", "Chinese", "Israeli", "Iranian",
))


#: ``known_name(text, place_id)``: "exact" when ``text`` is a recorded name of the
#: place (main or alternate), "variant" when it matches one only under
#: transliteration folding, "other" when it is the name of a country or oblast (a
#: geoparsing error, not a garbled name), "unknown" when it is none of these, None
#: with no gazetteer.
KnownName = Callable[[str, str], "str | None"]
Verdict = Literal["garbled", "variant", "fine"]


def _suspect(mention: Mention) -> bool:
    """The geoparser placed it by an alias stated in the text or a fuzzy match."""
    reason = mention.reason.casefold()
    return any(r in reason for r in GARBLED_REASONS)


def _verdict(mention: Mention, places: Mapping[str, Place], known: KnownName | None) -> Verdict:
    """Garbled: a GeoNames place reached under a name the gazetteer does not record
    for it (only a stated alias or a fuzzy match can have placed it). Without a
    gazetteer: the reason says alias or fuzzy and the text is not the main name."""
    if mention.place_id is None or not mention.place_id.startswith("geonames:"):
        return "fine"
    answer = known(mention.text, mention.place_id) if known is not None else None
    if answer is not None:
        if answer == "unknown":
            return "garbled"
        return "variant" if answer == "variant" else "fine"
    place = places.get(mention.place_id)
    main = place is not None and fold(place.name) == fold(mention.text)
    return "garbled" if _suspect(mention) and not main else "fine"


def garbled_places(
    mentions: Sequence[Mention], places: Mapping[str, Place], known: KnownName | None = None
) -> list[Flag]:
    """One flag per place written in a garbled form; spelling variants in other
    articles are listed with it (they make it a place garbled differently)."""
    found = GarbledPlaces(places, known)
    found.add(sorted(mentions, key=lambda m: (m.article_id, m.start)))
    return found.flags()


class GarbledPlaces:
    """:func:`garbled_places` fed one article's mentions at a time (in article id
    order, each article's by position): only suspect forms are kept."""

    def __init__(self, places: Mapping[str, Place], known: KnownName | None = None) -> None:
        self._places, self._known = places, known
        self._forms: dict[str, dict[tuple[str, str], Mention]] = defaultdict(dict)
        self._garbled: set[str] = set()
        self._cache: dict[tuple[str, str, bool], Verdict] = {}

    def add(self, mentions: Iterable[Mention]) -> None:
        cache = self._cache
        for m in mentions:
            key = (fold(m.text), m.place_id or "", _suspect(m))
            if key not in cache:
                cache[key] = _verdict(m, self._places, self._known)
            if cache[key] != "fine" and m.place_id is not None:
                self._forms[m.place_id].setdefault((key[0], m.article_id), m)
                if cache[key] == "garbled":
                    self._garbled.add(m.place_id)

    def flags(self) -> list[Flag]:
        return [_garbled_flag(pid, self._forms[pid], self._places)
                for pid in sorted(self._garbled)]


def _garbled_flag(place_id: str, found: dict[tuple[str, str], Mention],
                  places: Mapping[str, Place]) -> Flag:
    place = places.get(place_id)
    name = place.name if place else place_id
    chosen = [found[k] for k in sorted(found)]
    article_ids = tuple(sorted({m.article_id for m in chosen}))
    listed = "; ".join(f"'{m.text}' in {m.article_id}" for m in chosen[:MAX_EVIDENCE])
    evidence = tuple(Span(m.article_id, m.start, m.end, m.text) for m in chosen[:MAX_EVIDENCE])
    if len({form for form, _ in found}) > 1 and len(article_ids) > 1:
        return Flag("garbled_place_inconsistent", article_ids, (
            f"{name} is written in forms the gazetteer does not record or knows only as "
            f"spelling variants, differently across articles ({listed}): one place garbled "
            "in several ways points to careless or machine rewriting, so these articles' "
            "other details need checking too."
        ), evidence)
    return Flag("garbled_place_name", article_ids, (
        f"{name} is written in a form placed only through an alias stated in the text or "
        f"a fuzzy match ({listed}): a garbled place name suggests the text was rewritten "
        "without knowledge of the place, and the placement may be wrong."
    ), evidence)


def rewrite_additions(articles: Mapping[str, Article], stories: Stories) -> list[Flag]:
    flags = []
    for origin_id, members in stories.members.items():
        origin = articles.get(origin_id)
        if origin is None or len(members) < 2:
            continue
        origin_numbers = {n.key for n in find_numbers(origin.text)}
        origin_words = f" {' '.join(words(origin.text))} "
        for rewrite_id in members[1:]:
            rewrite = articles.get(rewrite_id)
            if rewrite is not None:
                flag = _added(rewrite, origin_id, origin_numbers, origin_words)
                if flag:
                    flags.append(flag)
    return flags


def _added(
    rewrite: Article, origin_id: str, origin_numbers: set[str], origin_words: str
) -> Flag | None:
    text = rewrite.text
    numbers = [n for n in find_numbers(text) if n.key not in origin_numbers]
    quotes = [q for q in find_quotes(text) if f" {q.key} " not in origin_words]
    if not numbers and not quotes:
        return None
    evidence = [span(rewrite.id, text, f.start, f.end) for f in (*numbers, *quotes)]
    shown = ", ".join(sorted({n.key for n in numbers})[:6])
    parts = [f"numbers {shown}" if numbers else "", f"{len(quotes)} quotation(s)" if quotes else ""]
    detail = (
        f"{rewrite.id} is a rewrite of {origin_id} and gives "
        + " and ".join(p for p in parts if p)
        + " that its origin does not: details added in rewriting have no source behind them."
    )
    return Flag(
        "rewrite_adds_detail",
        (rewrite.id, origin_id),
        detail,
        tuple(sorted(evidence, key=lambda s: s.start)[:MAX_EVIDENCE]),
    )


def _unidentifiable(claim: Claim) -> bool:
    """Anonymous, or attributed to a speaker with no name or named body ("a retired
    general", "the expert", a call sign). A quote with no speaker found at all is not
    flagged: that is as likely the extractor's gap as the article's."""
    if claim.anonymous:
        return True
    speaker = claim.speaker
    if not speaker:
        return False
    claimant = claim.claimant or ""
    if _ANON.search(speaker) or (speaker in claimant and _ANON.search(claimant)):
        return True
    return not [w for w in _CAPITALISED.findall(speaker) if w not in _DEMONYMS]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unidentifiable_speakers(claims: Sequence[Claim]) -> list[Flag]:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quote is not None and _unidentifiable(claim):
            by_article[claim.article_id].append(claim)
    flags = []
    for article_id, group in sorted(by_article.items()):
        group.sort(key=lambda c: c.quote.start if c.quote else 0)
        who = "; ".join(sorted({_short(c.speaker or "no speaker") for c in group}))
        detail = (
            f"{article_id} gives {len(group)} quotation(s) to speakers who cannot be "
            f"identified ({who}): what they say cannot be checked with them and may be invented."
        )
        evidence = tuple(c.quote for c in group if c.quote)[:MAX_EVIDENCE]
        flags.append(Flag("unidentifiable_speaker", (article_id,), detail, evidence))
    return flags


def attributed_quote(claim: Claim) -> str | None:
    """The key :func:`quote_attribution` compares a claim's quotation by, or None
    when the claim has no quotation of 4 words or more given to a speaker."""
    if claim.quote is not None and claim.speaker and len(words(claim.quote.text)) >= 4:
        return quote_key(claim.quote.text)
    return None


def quote_attribution(claims: Sequence[Claim]) -> list[Flag]:
    by_quote: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = attributed_quote(claim)
        if key is not None:
            by_quote[key].append(claim)
    flags = []
    for _key, group in sorted(by_quote.items()):
        speakers = {fold(c.speaker or "").split()[-1] for c in group if c.speaker}
        if len(speakers) < 2:
            continue
        group.sort(key=lambda c: (c.article_id, c.id))
        listed = "; ".join(f"{c.speaker} in {c.article_id}" for c in group)
        detail = (
            f"One quotation is given to different speakers ({listed}): at most one attribution "
            "can be right, so the quote cannot be relied on as evidence."
        )
        flags.append(Flag(
            "quote_attribution_varies",
            tuple(sorted({c.article_id for c in group})),
            detail,
            tuple(c.quote for c in group if c.quote)[:MAX_EVIDENCE],
        ))
    return flags
