"""The geoparser: recognise, gather candidates and evidence, rank, decide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from claimmap.gazetteer.base import Gazetteer
from claimmap.geoparse import resolve as R
from claimmap.geoparse.candidates import FUZZY_LATER, CandidateFinder, Option
from claimmap.geoparse.context import keep_hits
from claimmap.geoparse.evidence import read_evidence
from claimmap.geoparse.features import Focus
from claimmap.geoparse.patterns import listed_areas
from claimmap.geoparse.recognise import Recogniser, SpanHit, given_span
from claimmap.model import Article, Candidate, Mention, Place
from claimmap.stages import GeoparseResult

Baseline = Literal["population"]
_AREAS: Final = ("country", "admin1", "region")
CORPUS_DECAY: Final = 0.98


class GazetteerGeoparser:
    """Satisfies :class:`claimmap.stages.Geoparser`. ``baseline="population"`` swaps
    the resolver for the most-populous-candidate rule (for evaluation only).
    ``min_confidence``: below it a mention is left unresolved (default
    :data:`resolve.ABSTAIN_BELOW`; 0 answers whenever a candidate is left, as
    geoparsers that never abstain are scored)."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        baseline: Baseline | None = None,
        min_confidence: float = R.ABSTAIN_BELOW,
    ):
        self._gazetteer = gazetteer
        self._baseline = baseline
        self._min_confidence = min_confidence
        self._recogniser: Recogniser | None = None
        self._finder: CandidateFinder | None = None
        self._corpus: dict[str, float] = {}  # country -> decayed count of anchors

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from claimmap.gazetteer import load_default

            self._gazetteer = load_default()
        return self._gazetteer

    @property
    def recogniser(self) -> Recogniser:
        if self._recogniser is None:
            self._recogniser = Recogniser(self.gazetteer)
        return self._recogniser

    @property
    def finder(self) -> CandidateFinder:
        if self._finder is None:
            self._finder = CandidateFinder(self.gazetteer)
        return self._finder

    def warm(self) -> None:
        """Load the gazetteer and the name automaton now rather than on first use."""
        _ = self.recogniser.machine

    def parse(self, article: Article) -> GeoparseResult:
        hits = self.recogniser.find(article.text)
        finder = self.finder
        options = [finder.options_to_keep(h) for h in hits]
        keep = keep_hits(article.text, hits, options, self.gazetteer.common_word,
                         self.recogniser.given_names)
        keep = [i for i in keep if _named(article.text, hits[i], options[i])]
        keep = _with_country_acronyms(hits, options, keep)
        kept = [hits[i] for i in keep]
        return self._resolve(article, kept, [
            finder.options(h) if h.source in FUZZY_LATER else options[i]
            for h, i in zip(kept, keep, strict=True)
        ])

    def resolve_spans(self, article: Article, spans: Sequence[tuple[int, int]]) -> GeoparseResult:
        """Resolve given spans (e.g. gold toponyms) without recognition."""
        listed = listed_areas(article.text)
        hits = [given_span(article.text, s, e, listed) for s, e in sorted(set(spans))]
        return self._resolve(article, hits, [self.finder.options(h) for h in hits])

    def _resolve(
        self, article: Article, hits: list[SpanHit], options: list[tuple[Option, ...]]
    ) -> GeoparseResult:
        if self._baseline == "population":
            decisions = [_by_population(o) for o in options]
        else:
            decisions = self._decide_all(article.text, hits, options)
        return _result(article, hits, decisions)

    def _decide_all(
        self, text: str, hits: list[SpanHit], options: list[tuple[Option, ...]]
    ) -> list[R.Decision]:
        ev = read_evidence(text, hits)
        # a listed area ("Zaporizhzhia" in "Zaporizhzhia and Luhansk oblasts") is not
        # the same sense as the bare name elsewhere in the text (the city)
        names = [h.text if h.tail is None else f"{h.text} {h.tail}" for h in hits]
        groups, of = R.build_groups(names, options, ev)
        first = [R.decide(g, R.rank(g, R.Context((), None, ())), self._min_confidence)
                 for g in groups]
        anchors = [
            (gi, d.place)
            for gi, d in enumerate(first)
            if d.place is not None
            and d.confidence >= R.ANCHOR_CONFIDENCE
            and d.match in ("exact", "alternate")
        ]
        corpus = self._corpus_shares()
        shared = _shared_countries(first)

        def focus_of(gi: int) -> Focus:
            weighted = [(p, len(groups[gj].members)) for gj, p in anchors if gj != gi]
            weighted += [(p, 1) for gj, p in shared if gj != gi]
            return Focus.of(weighted, corpus)

        # a group that gave no anchor and no shared country sees every one: one focus
        # serves them all (built from the same list, it is the same focus)
        givers = {gj for gj, _p in anchors} | {gj for gj, _p in shared}
        common: list[Focus] = []

        def second(gi: int, known: list[R.Decision]) -> R.Decision:
            g = groups[gi]
            if len(g.options) <= 1 and not g.distances:
                return first[gi]  # nothing for context to choose between
            if gi in givers:
                focus = focus_of(gi)
            else:
                if not common:
                    common.append(focus_of(-1))
                focus = common[0]
            ctx = R.Context(
                self._containers(g, known, of),
                focus,
                tuple(
                    (place, km)
                    for a, km in g.distances
                    if (place := first[of[a]].place) is not None and of[a] != gi
                ),
            )
            ranked = R.rank(g, ctx)
            return R.decide(g, ranked, self._threshold(ranked, focus))

        final = [second(gi, first) for gi in range(len(groups))]
        # A chain of containers ("Toronto, Ontario, Canada"): a container that its own
        # container changed is read again by the places it contains.
        for gi, g in enumerate(groups):
            if any(final[of[c]].place != first[of[c]].place for c in g.containers):
                final[gi] = second(gi, final)
        self._remember([p for _gi, p in anchors])
        return [final[of[i]] for i in range(len(hits))]

    def _threshold(self, ranked: list[R.Ranked], focus: Focus) -> float:
        """The confidence below which to abstain: lower when the top candidate lies in
        the country most of the text's confident places are in (a tie between
        namesakes there is broken by population, right about two times in three)."""
        if not ranked or not ranked[0][0].place.country_code:
            return self._min_confidence
        cc = ranked[0][0].place.country_code
        share = max(focus.countries.get(cc, 0.0), focus.corpus.get(cc, 0.0))
        if share >= R.FOCUS_MAJORITY:
            return min(self._min_confidence, R.IN_FOCUS_ABSTAIN_BELOW)
        return self._min_confidence

    def _corpus_shares(self) -> dict[str, float]:
        total = sum(self._corpus.values())
        return {cc: n / total for cc, n in self._corpus.items()} if total else {}

    def _remember(self, anchors: list[Place]) -> None:
        """The corpus focus: countries of earlier articles' confident places, with
        older articles fading (each new one multiplies the old counts by 0.98)."""
        if not anchors:
            return
        for cc in list(self._corpus):
            self._corpus[cc] *= CORPUS_DECAY
            if self._corpus[cc] < 0.01:
                del self._corpus[cc]
        for p in anchors:
            if p.country_code:
                self._corpus[p.country_code] = self._corpus.get(p.country_code, 0.0) + 1.0

    def _containers(self, g: R.Group, first: list[R.Decision], of: list[int]) -> tuple[Place, ...]:
        out: list[Place] = []
        for c in g.containers:
            place = first[of[c]].place
            if place is not None and place.kind in _AREAS and of[c] != of[g.members[0]]:
                out.append(place)
        for state in g.state_names:
            out.extend(o.place for o in self.finder.for_name(state)
                       if o.place.kind == "admin1" and o.place.country_code == "US")
        return tuple(out)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t[(«\"'„“")
    return not before or before[-1] in ".!?\n:;"


def _named(text: str, hit: SpanHit, options: tuple[Option, ...]) -> bool:
    """A single word the automaton found must be some place's name as written: when it
    matches only as a romanisation variant of one, it is more often an ordinary word
    or a surname than a place. A Cyrillic word must match some name at all."""
    if hit.source == "cyrillic" and not options:
        # Any capitalised Cyrillic word is proposed; one that opens a sentence and that no
        # gazetteer name fits is an ordinary word, not an unresolved place.
        return not _opens_sentence(text, hit.start)
    if hit.source != "gazetteer" or " " in hit.text or not options:
        return True
    return any(o.match in ("exact", "alternate") for o in options)


def _with_country_acronyms(
    hits: list[SpanHit], options: list[tuple[Option, ...]], keep: list[int]
) -> list[int]:
    """Country abbreviations in capitals ("US", "UK", "EU") are places wherever they
    stand, although two letters are too short for the context rules to trust.
    ``keep``: sorted, distinct hit indices (as :func:`keep_hits` gives them); the
    result is too."""
    extra = [
        i for i, h in enumerate(hits)
        if _acronym(h.text) and h.source == "gazetteer"
        and any(x.place.kind == "country" for x in options[i])
    ]
    if not extra:
        return keep
    return sorted(set(keep) | set(extra))


def _acronym(text: str) -> bool:
    if len(text) > 3 and "." not in text:
        return False  # the usual case, quickly: four letters or more
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _shared_countries(first: list[R.Decision]) -> list[tuple[int, Place]]:
    """Unresolved groups whose top candidates all lie in one country still say where
    the text is ("Gainesville": Florida, Georgia or Texas, but the United States):
    each gives that country (as its top candidate's country entry point)."""
    out = []
    for gi, d in enumerate(first):
        if d.place is not None and d.confidence >= R.ANCHOR_CONFIDENCE:
            continue
        tops = [p for p, _s in d.ranked[:3]]
        codes = {p.country_code for p in tops}
        if len(tops) >= 2 and len(codes) == 1 and None not in codes:
            top = tops[0]
            out.append((gi, Place(f"country-of:{top.id}", top.name, "country", top.lat,
                                  top.lon, top.country_code)))
    return out


def _by_population(options: tuple[Option, ...]) -> R.Decision:
    if not options:
        return R.Decision(None, 0.0, "no gazetteer entry fits", ())
    ranked = sorted(options, key=lambda o: -o.place.population)
    listed = tuple((o.place, 1.0 if i == 0 else 0.0) for i, o in enumerate(ranked[:5]))
    return R.Decision(ranked[0].place, 1.0, "population baseline", listed)


def _result(article: Article, hits: list[SpanHit], decisions: list[R.Decision]) -> GeoparseResult:
    mentions = []
    places: dict[str, Place] = {}
    # the mentions of one group share one decision: its places and candidates are taken
    # once (by id(): ``decisions`` keeps every decision alive while this runs)
    candidates: dict[int, tuple[Candidate, ...]] = {}
    for hit, d in zip(hits, decisions, strict=True):
        listed = candidates.get(id(d))
        if listed is None:
            for p, _s in d.ranked:
                places[p.id] = p
            if d.place is not None:
                places[d.place.id] = d.place
            listed = candidates[id(d)] = tuple(Candidate(p.id, s) for p, s in d.ranked)
        # positionally (quicker than by keyword, once per mention): article_id, start,
        # end, text, place_id, confidence, reason, candidates
        mentions.append(
            Mention(article.id, hit.start, hit.end, hit.text, d.place.id if d.place else None,
                    d.confidence, d.reason, listed)
        )
    return GeoparseResult(tuple(mentions), tuple(places.values()))
