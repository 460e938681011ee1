"""Offset-preserving text folding for name matching.

``fold(text)`` returns a string of exactly the same length as ``text``: letters are
lower-cased and stripped of diacritics, apostrophes vanish into the previous letter's
slot only in the key form (see :func:`key_fold`), and every other non-letter,
non-digit character becomes a space. Because lengths are equal, an offset in the
folded text is an offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

APOSTROPHES: Final = "'’`ʼʻ′‘"
_WS: Final = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character's fold: always exactly one character."""
    if not ch.isalnum():
        return " "
    low = ch.casefold()
    if len(low) != 1:
        low = ch.lower()[:1] or ch
    base = unicodedata.normalize("NFKD", low)[:1]
    # Strip marks from Latin letters only: Cyrillic й, ї, ё stay whole, as in name_key.
    return base if base.isascii() and base.isalnum() else low


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that computes and remembers each character's fold."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE: Final = _FoldTable()


def fold(text: str) -> str:
    """Same-length folding: lower case, no diacritics, punctuation as spaces."""
    return text.translate(_TABLE)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """:func:`fold` of one word, remembered (words recur from text to text)."""
    return fold(word)


@lru_cache(maxsize=65536)
def key_fold(name: str) -> str:
    """The folded key of a name: :func:`fold`, apostrophes dropped, spaces collapsed.

    Used to put names into the recogniser; the text side drops apostrophes by
    matching both ``people s`` and ``peoples`` forms (see the recogniser)."""
    for ch in APOSTROPHES:
        name = name.replace(ch, "")
    return _WS.sub(" ", fold(name)).strip()


@lru_cache(maxsize=4)
def backwards(text: str) -> str:
    """``text`` back to front (remembered for the last few texts); see :func:`match_back`."""
    return text[::-1]


def match_back(pattern: re.Pattern[str], text: str, end: int, reach: int) -> re.Match[str] | None:
    """``pattern``, written back to front, matched on the at most ``reach`` characters of
    ``text`` that end at ``end``, read backwards: the match of a forward pattern
    ending in ``$`` searched in that window, found in one step where a forward search
    tries every start in the window. Groups read backwards too."""
    size = len(text)
    return pattern.match(backwards(text), size - end, size - max(0, end - reach))


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def is_upper_initial(word: str) -> bool:
    """True when the word starts with a capital (Latin or Cyrillic) letter."""
    return bool(word) and word[0].isupper()
