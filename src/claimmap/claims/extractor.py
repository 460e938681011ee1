"""The rule-based claim extractor: sentences -> triggers -> claims with attribution.

Reading order matters (pronouns and quotation continuations look back), so one pass
goes through the sentences in order; see docs/claims.md for the rules.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimmap.claims import fields, places
from claimmap.claims.acled import acled_for
from claimmap.claims.actors import find_parties
from claimmap.claims.attribution import (
    ArticleContext,
    Attribution,
    remember,
    sentence_attribution,
)
from claimmap.claims.dates import FoundDate, find_dates, publication_date
from claimmap.claims.flags import persona_flags, place_flags, quote_flag, source_flag, span
from claimmap.claims.lexicon import find_framing, framing_terms, lowered, trigger_matches
from claimmap.claims.people import PeopleIndex, find_people
from claimmap.claims.quantities import FoundQuantity, find_quantities
from claimmap.claims.ranges import RangeIndex
from claimmap.claims.segment import Quote, Sentence, quotes, sentences
from claimmap.claims.speakers import QuoteReader, SpokenQuote
from claimmap.claims.statements import statement_claim
from claimmap.model import Article, Claim, DateValue, Flag, Mention, Party, Place
from claimmap.stages import ClaimsResult

#: Types where each listed place is its own claim (``liberation of X and Y``).
PER_PLACE = frozenset({"control_change"})
#: An ``According to X`` claimant carries to this many following sentences.
CARRY_SENTENCES = 2
_BACK_REFERENCE = re.compile(
    r"(?:During|At|In|After)\s+(?:the|that|this)\s+(?:meeting|briefing|visit|session|call|"
    r"talks|address|broadcast|conversation|trip)\b"
)
_LINKED = re.compile(r"\s+(?:to|in order to|aimed at|for)\s+(?:the\s+)?")
#: Modality cues count this close to the trigger (characters before, after).
MODALITY_REACH = (50, 0)
#: A trigger starting this close before the end of the claimant's span is its verb.
VERB_REACH = 12


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int
    end: int


def claim_id(article_id: str, start: int, end: int, claim_type: str, anchor: int | None) -> str:
    key = f"{article_id}\x1f{start}\x1f{end}\x1f{claim_type}\x1f{anchor}"
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def triggers(matches: Sequence[tuple[int, str, int, int]], sentence: Sentence) -> list[Trigger]:
    """Trigger words in a sentence (from :func:`trigger_matches` over the article);
    overlaps go to the type listed first; one trigger per type per sentence except for
    per-place types."""
    found: list[Trigger] = []
    inside = [m for m in matches if sentence.start <= m[2] and m[3] <= sentence.end]
    for _rank, kind, start, end in sorted(inside):
        if any(start < t.end and t.start < end for t in found):
            continue
        if kind not in PER_PLACE and any(t.type == kind for t in found):
            continue
        found.append(Trigger(kind, start, end))
    repelled = [t.end for t in found if t.type == "attack_repelled"]
    found = [
        t for t in found
        if t.type != "offensive" or not any(0 <= t.start - end <= 40 for end in repelled)
    ]  # fmt: skip  # "repelled 40 attacks": the attacks are the object, not a claim
    return sorted(found, key=lambda t: t.start)


class RuleExtractor:
    """Satisfies :class:`claimmap.stages.ClaimExtractor`."""

    def extract(
        self, article: Article, mentions: Sequence[Mention], places_by_id: Mapping[str, Place]
    ) -> ClaimsResult:
        return _Reader(article, mentions, places_by_id).run()


class _Reader:
    def __init__(
        self, article: Article, mentions: Sequence[Mention], places_by_id: Mapping[str, Place]
    ) -> None:
        self.article = article
        self.text = article.text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        #: Place candidates of claims: a capital standing for its government is not one.
        self.candidates = [m for m in self.mentions if not places.is_government(self.text, m)]
        self._candidate_starts = [m.start for m in self.candidates]
        self.places = places_by_id
        self.published = publication_date(article.published)
        blocked = [(m.start, m.end) for m in self.mentions]
        self.people = find_people(self.text, blocked)
        parties = RangeIndex(find_parties(self.text, 0, len(self.text)))
        self.ctx = ArticleContext(PeopleIndex(self.people), parties, self.text)
        self.quotes = QuoteReader(self.text, self.ctx)
        self.claims: list[Claim] = []
        self.flags: list[Flag] = []
        self.spoken: list[tuple[Quote, Attribution | None]] = []
        self._all = sentences(self.text)
        self.lower = lowered(self.text)
        self._matches = sorted(trigger_matches(self.text, self.lower), key=lambda m: m[2])
        self._starts = [m[2] for m in self._matches]
        self._framing: dict[tuple[int, int], tuple[str, ...]] = {}
        self._found: dict[int, tuple[RangeIndex[FoundQuantity], list[FoundDate]]] = {}

    def run(self) -> ClaimsResult:
        found_quotes = quotes(self.text)
        carried: tuple[Attribution, int] | None = None
        for sentence in self._sentences():
            own = sentence_attribution(self.text, sentence.start, sentence.end, self.ctx)
            remember(self.ctx, own)
            for quote in found_quotes:
                if sentence.start <= quote.start < sentence.end:
                    self._read_quote(quote, own)
            attribution, carried = self._carry(sentence, own, carried)
            before = len(self.claims)
            self._sentence_claims(sentence, attribution)
            speaks = own is not None and (own.speaker is not None or own.anonymous)
            if own is not None and (speaks or len(self.claims) == before):
                self._own_statement(sentence, own)  # a person's words are a statement too
        self._anonymous_flags()
        self.flags.extend(place_flags(self.article, self.mentions, self.places))
        people = [(p.name, p.role, span(self.article, p.start, p.start + len(p.name)))
                  for p in self.people]  # fmt: skip
        self.flags.extend(persona_flags(self.article, people))
        return ClaimsResult(tuple(_unique(self.claims)), tuple(self.flags))

    def _sentences(self) -> list[Sentence]:
        found = self._all
        title = (self.article.title or "").strip()
        if found and title and found[0].text == title:
            return found[1:]  # the headline repeats the story
        return found

    def _carry(
        self, sentence: Sentence, own: Attribution | None, carried: tuple[Attribution, int] | None
    ) -> tuple[Attribution | None, tuple[Attribution, int] | None]:
        """The sentence's claimant: its own, else an ``According to`` claimant from up
        to CARRY_SENTENCES sentences before (reports keep their source's scope)."""
        if own is not None and not (own.anonymous and own.claimant == "unnamed reports"):
            named = self.text[own.start : own.start + 12].lower().startswith("according")
            return own, ((own, CARRY_SENTENCES) if named and not own.anonymous else None)
        if carried is not None and carried[1] > 0:
            return carried[0], (carried[0], carried[1] - 1)
        return own, None

    def _read_quote(self, quote: Quote, sentence: Attribution | None) -> None:
        spoken = self.quotes.read(quote, sentence)
        if spoken is None:
            return
        self.spoken.append((quote, spoken.attribution))
        if spoken.attribution is None:
            self.flags.append(quote_flag(self.article, span(self.article, quote.start, quote.end)))
            return
        bounds = self._covering(quote.start, quote.end)
        framing = self._framing_in(*bounds)
        self.claims.append(statement_claim(self.article, self.text, spoken, bounds, framing))

    def _covering(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentences overlapping [start, end)."""
        found = [s for s in self._all if s.start < end and start < s.end]
        return (min(s.start for s in found), max(s.end for s in found)) if found else (start, end)

    def _own_statement(self, sentence: Sentence, own: Attribution) -> None:
        if any(q.start < sentence.end and sentence.start < q.end for q, _ in self.spoken):
            return  # the quotation's statement covers it
        if (
            own.claimant == "unnamed reports"
            or self.text[own.start : own.start + 9].lower() == "according"
        ):
            return
        bounds = (sentence.start, sentence.end)
        framing = self._framing_in(*bounds)
        self.claims.append(
            statement_claim(self.article, self.text, SpokenQuote(None, own), bounds, framing)
        )

    def _quote_attribution(self, position: int) -> tuple[bool, Attribution | None]:
        """(inside a quotation, its speaker) for a position in the text."""
        for quote, attribution in self.spoken:
            if quote.inner_start <= position < quote.inner_end:
                return True, attribution
        return False, None

    def _sentence_claims(self, sentence: Sentence, attribution: Attribution | None) -> None:
        low = bisect_left(self._starts, sentence.start)
        high = bisect_left(self._starts, sentence.end)
        found = triggers(self._matches[low:high], sentence)
        for index, trigger in enumerate(found):
            segment_end = self._segment_end(found, index, sentence.end)
            quoted, speaker = self._quote_attribution(trigger.start)
            claimant = speaker if quoted else attribution
            self._trigger_claims(sentence, trigger, segment_end, claimant, quoted)

    def _segment_end(self, found: list[Trigger], index: int, sentence_end: int) -> int:
        """A trigger's part of the sentence ends at the next trigger, unless that one is
        its purpose (``an operation to seize X``: X is the operation's place too)."""
        for following in found[index + 1 :]:
            if not _LINKED.fullmatch(self.text, found[index].end, following.start):
                return following.start
            index += 1
        return sentence_end

    def _trigger_claims(
        self, sentence: Sentence, trigger: Trigger, segment_end: int,
        attribution: Attribution | None, quoted: bool,
    ) -> None:  # fmt: skip
        bounds = (sentence.start, sentence.end)
        clause = fields.clause(self.text, bounds, (trigger.start, trigger.end))
        if fields.is_background(self.text, clause[0], clause[1], self.published):
            return
        if fields.is_link_text(self.text, *bounds):
            return
        segment = (trigger.start, max(segment_end, trigger.end))
        if trigger.type in PER_PLACE:
            targets: list[Mention | None] = list(
                places.all_objects(self.text, self._within(bounds), self.places, trigger.end,
                                   segment[1])
            ) or [self._about(trigger, segment, bounds)]
        else:
            targets = [self._about(trigger, segment, bounds)]
        for mention in targets:
            self.claims.append(
                self._claim(sentence, trigger, clause, segment, mention, attribution, quoted)
            )

    def _about(
        self, trigger: Trigger, segment: tuple[int, int], bounds: tuple[int, int]
    ) -> Mention | None:
        clause = fields.clause(self.text, bounds, (trigger.start, trigger.end))
        span_ = (trigger.start, trigger.end)
        return places.about(
            self.text, self._within(bounds), self.places, span_, segment, bounds, clause[1]
        )

    def _within(self, bounds: tuple[int, int]) -> list[Mention]:
        """The place candidates starting inside ``bounds`` (a sentence): claims look
        for their place there, so a long article costs no more per claim than a short
        one (scanning every mention for every trigger was quadratic)."""
        lo = bisect_left(self._candidate_starts, bounds[0])
        hi = bisect_left(self._candidate_starts, bounds[1])
        return self.candidates[lo:hi]

    def _claim(
        self, sentence: Sentence, trigger: Trigger, clause: tuple[int, int],
        segment: tuple[int, int], mention: Mention | None,
        attribution: Attribution | None, quoted: bool,
    ) -> Claim:  # fmt: skip
        text = self.text
        skip = None
        if attribution is not None and not (
            attribution.end - VERB_REACH <= trigger.start < attribution.end
        ):  # the claimant is not the actor, unless its verb is the trigger ("X declared control")
            skip = (attribution.start, attribution.end)
        if attribution is not None and not quoted and not _credits(text, attribution, trigger):
            attribution = None
        found = self.ctx.parties.within(*clause)
        actor, target = fields.parties(
            text, found, trigger.type, (trigger.start, trigger.end), skip
        )
        framing = self._framing_in(sentence.start, sentence.end)
        if actor is None and attribution is not None and _speaks_for_actor(trigger.type, framing):
            actor = _claimant_party(attribution)
        event, sub = acled_for(
            trigger.type, text[clause[0] : clause[1]], actor.side if actor else None
        )
        window = (
            max(clause[0], trigger.start - MODALITY_REACH[0]),
            min(clause[1], trigger.end + MODALITY_REACH[1]),
        )
        quantities, sentence_dates = self._in_sentence(sentence)
        dates = (
            [d for d in sentence_dates if segment[0] <= d.start and d.end <= segment[1]]
            or sentence_dates
            or self._anaphoric_date(sentence)
        )
        if mention is None:
            mention = places.antecedent(
                text, self.candidates, self.places, segment
            ) or places.antecedent(text, self.candidates, self.places, (segment[0], sentence.end))
        anchor = mention.start if mention is not None else None
        return Claim(
            id=claim_id(self.article.id, sentence.start, sentence.end, trigger.type, anchor),
            article_id=self.article.id,
            type=trigger.type,
            acled_event_type=event,
            acled_sub_event_type=sub,
            evidence=span(self.article, sentence.start, sentence.end),
            actor=actor,
            target=target,
            place_id=mention.place_id if mention is not None else None,
            mention_start=anchor,
            date=dates[0].value if dates else DateValue.unknown(),
            quantity=fields.quantity(quantities.within(*segment), trigger.type)
            or fields.quantity(quantities.within(*clause), trigger.type),
            claimant=attribution.claimant if attribution else None,
            claimant_side=attribution.side if attribution else "unknown",
            anonymous=attribution.anonymous if attribution else False,
            modality=fields.modality(text, window, attribution is not None and not quoted),
            framing=framing,
            speaker=attribution.speaker if attribution else None,
        )

    def _framing_in(self, start: int, end: int) -> tuple[str, ...]:
        found = self._framing.get((start, end))
        if found is None:
            is_lower = self.lower is not self.text
            found = framing_terms(find_framing(self.lower, start, end, lower=is_lower))
            self._framing[(start, end)] = found
        return found

    def _in_sentence(self, sentence: Sentence) -> tuple[RangeIndex[FoundQuantity], list[FoundDate]]:
        """Quantities and dates of a sentence, found once for all its claims."""
        found = self._found.get(sentence.start)
        if found is None:
            quantities = RangeIndex(find_quantities(self.text, sentence.start, sentence.end))
            dates = find_dates(self.text, sentence.start, sentence.end, self.article.published)
            found = self._found[sentence.start] = (quantities, dates)
        return found

    def _anaphoric_date(self, sentence: Sentence) -> list[FoundDate]:
        """``During the meeting, ...``: the date of the sentence before, if it has one."""
        if not _BACK_REFERENCE.match(self.text, sentence.start):
            return []
        previous = [s for s in self._all if s.end <= sentence.start]
        if not previous:
            return []
        last = previous[-1]
        return find_dates(self.text, last.start, last.end, self.article.published)[:1]

    def _anonymous_flags(self) -> None:
        seen: set[str] = set()
        for claim in self.claims:
            if claim.anonymous and claim.claimant and claim.claimant not in seen:
                seen.add(claim.claimant)
                self.flags.append(source_flag(self.article, claim.claimant, claim.evidence))


def _speaks_for_actor(claim_type: str, framing: tuple[str, ...]) -> bool:
    """True when the claimant's own side is the actor: a side that says it repelled
    attacks, or calls a control change a liberation."""
    if claim_type == "attack_repelled":
        return True
    return claim_type == "control_change" and any(t.startswith("liberat") for t in framing)


def _credits(text: str, attribution: Attribution, trigger: Trigger) -> bool:
    """False when the claimant's verb speaks only for words after the trigger: a
    relative clause after it ("the capture of X drew attention from officials, who
    warned ..."), or a clause after a semicolon ("... kill 11; rescuers say ...")."""
    if trigger.end <= attribution.scope:
        return False
    return not (trigger.end <= attribution.start and ";" in text[trigger.end : attribution.start])


def _claimant_party(attribution: Attribution) -> Party | None:
    """The claimant's side as the actor, named only when the claimant is a body."""
    if attribution.side == "unknown":
        return None
    named = attribution.speaker is None and not attribution.anonymous
    return Party(attribution.side, attribution.claimant if named else None)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return sorted(seen.values(), key=lambda c: (c.evidence.start, c.id))
