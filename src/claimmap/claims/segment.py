"""Sentences and quotations, with character offsets into the article text.

Rule-based and linear in the text length: a sentence ends at ``.``, ``!`` or ``?``
(plus any closing quotes or brackets) followed by white space and a capital, digit or
opening quote, unless the word before the stop is a known abbreviation; a line break
always ends a sentence. Quotations are found over the whole text (they may span
sentences) with typographic and straight quote marks; an apostrophe inside a word
(``we’re``, ``Putin’s``) is never taken for a closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()


ABBREVIATIONS = frozenset(
    _words(
        "mr mrs ms dr gen col lt maj sgt capt st no vs etc jan feb mar apr jun jul aug sep "
        "sept oct nov dec jr sr prof gov sen rep adm cmdr u.s u.k e.g i.e a.m p.m approx "
    )
)

_END = re.compile(
    r"[.!?]+(?:[\"'’”»)\]]*(?=\s+[\"'‘“«(\[]?[A-Z0-9А-Я])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))"  # a stop with its space lost: "Kiev.In his"
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_MARK = re.compile("[‘“«\"']")
_CLOSER_FOR = {"‘": "’", "“": "”", "«": "»", '"': '"', "'": "'"}
#: Longest quotation accepted (characters); an opener with no closer within it is noise.
MAX_QUOTE = 1200


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def words(self, text: str) -> int:
        return len(text[self.inner_start : self.inner_end].split())


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, text[start:end])


def _is_abbreviation(text: str, stop: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; every sentence's text equals its slice."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for match in _END.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, match.start()):
                continue
            sentence = _trimmed(text, start, match.end())
            if sentence is not None:
                out.append(sentence)
            start = match.end()
        sentence = _trimmed(text, start, line.end())
        if sentence is not None:
            out.append(sentence)
    return out


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def _closes(text: str, index: int, mark: str) -> bool:
    """True when ``text[index]`` (equal to ``mark``) can close a quotation."""
    if mark in "’'":
        return not _is_letter(text, index + 1) and not text[index - 1].isspace()
    return True


def _opens(text: str, index: int) -> bool:
    char = text[index]
    if char == "'":
        return not _is_letter(text, index - 1) and _is_letter(text, index + 1)
    if char == '"':
        return index == 0 or not _is_letter(text, index - 1)
    return True


def quotes(text: str) -> list[Quote]:
    """Quotations in ``text``, in order, not nested."""
    out: list[Quote] = []
    resume = 0
    for mark in _MARK.finditer(text):
        index = mark.start()
        if index < resume or not _opens(text, index):
            continue
        end = _find_closer(text, index + 1, _CLOSER_FOR[mark.group(0)])
        if end is not None:
            out.append(Quote(index, end + 1, index + 1, end))
            resume = end + 1
    return out


def _find_closer(text: str, start: int, closer: str) -> int | None:
    limit = min(len(text), start + MAX_QUOTE)
    paragraph_end = text.find("\n\n", start, limit)
    if paragraph_end != -1:
        limit = paragraph_end  # an unclosed mark never pairs with one paragraphs away
    position = text.find(closer, start, limit)
    while position != -1:
        if position > start and _closes(text, position, closer):
            return position
        position = text.find(closer, position + 1, limit)
    return None
