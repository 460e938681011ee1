"""Statement claims: a quotation with its speaker, or a sentence of reported speech
(``X told TASS that ...``). The evidence is the sentence or sentences that hold the
quotation and its attribution; ``quote`` is the quotation's inner text."""

from __future__ import annotations

import hashlib

from claimmap.claims.speakers import SpokenQuote
from claimmap.model import Article, Claim, Span


def _direct(text: str, quote_start: int) -> bool:
    """A quotation that opens its sentence is the speaker's own words; one inside a
    sentence ("calling it 'a strategic success'") is reported."""
    before = text[max(0, quote_start - 4) : quote_start - 1].rstrip()
    return not before or before[-1] in '.!?’”"\n:'


def statement_claim(
    article: Article,
    text: str,
    spoken: SpokenQuote,
    bounds: tuple[int, int],
    framing: tuple[str, ...] = (),
) -> Claim:
    """A ``statement`` claim; ``spoken.attribution`` must be set."""
    attribution = spoken.attribution
    assert attribution is not None
    start, end = bounds
    quote = None
    if spoken.quote is not None:
        q = spoken.quote
        quote = Span(article.id, q.inner_start, q.inner_end, text[q.inner_start : q.inner_end])
    anchor = spoken.quote.start if spoken.quote is not None else start
    key = f"{article.id}\x1f{start}\x1f{end}\x1fstatement\x1f{anchor}"
    return Claim(
        id="c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        article_id=article.id,
        type="statement",
        acled_event_type=None,
        acled_sub_event_type=None,
        evidence=Span(article.id, start, end, text[start:end]),
        claimant=attribution.claimant,
        claimant_side=attribution.side,
        anonymous=attribution.anonymous,
        modality="asserted" if quote is not None and _direct(text, quote.start) else "reported",
        framing=framing,
        speaker=attribution.speaker or (attribution.claimant if attribution.anonymous else None),
        quote=quote,
    )
