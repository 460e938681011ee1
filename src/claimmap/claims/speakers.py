"""Speakers of quotations: ``‘...,’ said X, a role.``, ``‘...,’ X said.``,
``X said: ‘...’``, and a quotation that continues the previous speaker's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimmap.claims.attribution import VERBS, ArticleContext, Attribution, remember, subject
from claimmap.claims.segment import Quote

#: Quotations shorter than this (in words) are scare quotes or names, not statements.
MIN_QUOTE_WORDS = 4
_AFTER = re.compile(
    rf"[\s,]*(?:(?P<verb1>{VERBS})\s+(?P<who1>[^.;:!?‘“\"]{{1,160}})"
    rf"|(?P<who2>[^.;:!?‘“\"]{{1,60}}?)\s+(?:reportedly\s+|also\s+)?(?:{VERBS})\b)"
)
_VERB_AT_END = re.compile(rf"\s(?:{VERBS})\s*[:,]?\s*$")
#: Between two quotations, a quotation mark or a reporting verb means a new voice.
_NEW_VOICE = re.compile(rf"[‘“\"]|\b(?:{VERBS}|cautioned|asked)\b")
#: Two quotations this close, with no other speaker between, share their speaker.
CONTINUATION_GAP = 160


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    quote: Quote | None
    attribution: Attribution | None


def _who(text: str, match: re.Match[str], ctx: ArticleContext) -> Attribution | None:
    group = "who1" if match.group("who1") is not None else "who2"
    words = match.group(group)
    found = subject(words, match.start(group), ctx)
    if found is None and group == "who1":
        name = re.match(r"\s*([A-Z][\w-]+)\b", words)
        if name is not None:  # a call sign or first name only: "said Alex"
            return Attribution(name.group(1), "unknown", False, name.group(1), 0, 0)
        body = re.match(r"\s*the\s+([a-z][\w’' -]{2,40}?)\s*(?:[,.;]|$)", words)
        if body is not None:  # "..., reads the statement."
            return Attribution(body.group(1), "unknown", False, None, 0, 0)
    if found is None and group == "who2":
        name = re.fullmatch(r"\s*([A-Z][\w-]+)\s*", words)
        if name is not None:
            return Attribution(name.group(1), "unknown", False, name.group(1), 0, 0)
    return found


def _speaker(text: str, quote: Quote, ctx: ArticleContext) -> Attribution | None:
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    if inner.endswith((",", "?", "!", "—")) or not inner.endswith("."):
        after = _AFTER.match(text, quote.end, min(len(text), quote.end + 200))
        if after is not None:
            return _who(text, after, ctx)
    line_start = max(text.rfind("\n", 0, quote.start), text.rfind(". ", 0, quote.start)) + 1
    window_start = max(line_start, quote.start - 200)
    verb = _VERB_AT_END.search(text, window_start, quote.start)
    if verb is not None:
        cut = max(text.rfind(mark, window_start, verb.start()) for mark in '.;!?’”"')
        who_start = max(cut + 1, window_start)
        return subject(text[who_start : verb.start()], who_start, ctx)
    after = re.match(
        rf"\s*(?P<who>[^.;:!?‘“\"]{{1,40}}?)\s+(?:{VERBS})\b", text[quote.end : quote.end + 80]
    )
    if after is not None and inner.endswith("."):
        return subject(after.group("who"), quote.end + after.start("who"), ctx)
    return None


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in '.!?’”"\n'


class QuoteReader:
    """Attributes quotations in reading order (call :meth:`read` by position), so that
    pronouns and continuations see the speakers before them."""

    def __init__(self, text: str, ctx: ArticleContext) -> None:
        self.text = text
        self.ctx = ctx
        self.previous: SpokenQuote | None = None

    def read(self, quote: Quote, sentence: Attribution | None) -> SpokenQuote | None:
        """The quotation with its speaker (None when none is found), or None when it is
        not a statement (a scare quote or a name). A quotation inside a sentence that
        names its claimant (``X called it 'a strategic success'``) is X's."""
        words = quote.words(self.text)
        if words < 2:
            return None
        attribution = _speaker(self.text, quote, self.ctx)
        if attribution is None and words < MIN_QUOTE_WORDS:
            return None
        opens = _opens_sentence(self.text, quote.start)
        if attribution is None and not opens:
            attribution = sentence
            if attribution is None:
                return None  # a fragment inside a sentence that names no one: not a statement
        previous = self.previous
        if attribution is None and opens and previous and previous.attribution is not None:
            assert previous.quote is not None
            gap = self.text[previous.quote.end : quote.start]
            rest = re.split(r"[.!?]\s+|\n", gap, maxsplit=1)[-1]  # past the attribution
            if len(gap) <= CONTINUATION_GAP and not _NEW_VOICE.search(rest):
                attribution = previous.attribution
        spoken = SpokenQuote(quote, attribution)
        remember(self.ctx, attribution)
        self.previous = spoken
        return spoken
