"""Small text helpers shared by the consolidation modules: words, quotes, numbers.

Everything here is pure and linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimmap.model import Span

_WORD = re.compile(r"\w+", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A quotation: an opening mark at the start or after a space/bracket/dash, then the
# shortest run of text (up to 600 chars) ending in a closing mark that is followed
# by a space, punctuation or the end. Apostrophes inside words ("we're") do not close.
_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘“'\"«](?P<body>[^\s‘“\"«](?:.{0,600}?[^\s])?)[’”'\"»]"
    r"(?=[\s,.;:!?)\]—–-]|$)",
    re.DOTALL,
)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
MIN_QUOTE_WORDS = 4
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(_MONTH + r"\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    """A piece of text found at ``start:end`` with a comparison ``key``."""

    key: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case, no diacritics, curly quotes and dashes made plain."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


def quote_key(text: str) -> str:
    """A quotation's comparison key: its folded words joined by single spaces."""
    return " ".join(words(text))


def find_quotes(text: str) -> list[Found]:
    """Quotations of at least :data:`MIN_QUOTE_WORDS` words, with the span of the
    quoted words (without the marks)."""
    found: list[Found] = []
    for match in _QUOTE.finditer(text):
        key = quote_key(match.group("body"))
        if len(key.split()) >= MIN_QUOTE_WORDS:
            found.append(Found(key, match.start("body"), match.end("body")))
    return found


def find_numbers(text: str) -> list[Found]:
    """Numbers written in digits, except years (1900-2099) and days of a month
    ("March 1", "1st December"), which are dates, not reported figures. The key drops
    thousands separators."""
    found: list[Found] = []
    for match in _NUMBER.finditer(text):
        key = match.group().replace(",", "")
        if len(key) == 4 and key.isdigit() and 1900 <= int(key) <= 2099:
            continue
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 16]
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.search(after):
            continue
        found.append(Found(key, match.start(), match.end()))
    return found


def span(article_id: str, text: str, start: int, end: int) -> Span:
    """The :class:`Span` of ``text[start:end]`` in article ``article_id``."""
    return Span(article_id, start, end, text[start:end])


def sentence_span(article_id: str, text: str, start: int, end: int) -> Span:
    """The span of the sentence (or line) around ``start:end``, at most 400 chars."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 200, 0)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min([*ends, end + 200, len(text)])
    if right < len(text) and text[right] == ".":
        right += 1
    return span(article_id, text, left, right)
