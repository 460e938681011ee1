"""Name folding: the keys the gazetteer indexes names under.

* :func:`name_key` is the exact-match key: case, diacritics (on Latin letters),
  apostrophes, quotes, hyphens and spacing are folded, nothing else.
  ``"Pokrovs'k"``, ``"Pokrovs’k"`` and ``"POKROVSK"`` share one key.
* :func:`variant_key` is a coarser key that merges the romanisation variants of one
  Russian or Ukrainian name (Cyrillic is transliterated first). It is for finding
  candidates, not for proving identity: resolution must weigh other evidence.

Decisions (documented in docs/gazetteer.md):

* g/h/kh fold together, ts/tz/c, w/v, x/ks; ``zh``, ``dzh`` and a ``j`` that starts
  a syllable fold together; a ``j`` closing a vowel (``Krasnoarmejsk``) is the
  vowel-like ``й`` and folds with ``y``/``i``.
* The vowels e, i, y and o fold to one class, a and u stay distinct. Merging ``o``
  with ``i`` covers the regular Russian/Ukrainian vowel shift (Kharkov/Kharkiv,
  Artemovsk/Artemivsk, Malinovka/Malynivka). Runs of one class collapse
  (``ii``, ``iy``, ``yi``, ``ey``, ``ie`` all become one).
* Soft signs, apostrophes, hyphens and spaces are dropped, doubled letters
  collapse, and a final vowel run is dropped (Gulyai-Pol ~ Huliaipole,
  Zaporozhye ~ Zaporizhzhia, Krasnopolye ~ Krasnopillia).
* Different names are not variants: Volchansk (Russian) and Vovchansk (Ukrainian)
  differ in a consonant and get different keys; the gazetteer's alternate names
  connect them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

_APOSTROPHES: Final = "'’‘ʼʹʻ`´′\"“”«»„"
_DROP: Final = str.maketrans("", "", _APOSTROPHES)
# Latin letters that NFKD does not decompose.
_LATIN_EXTRA: Final = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"}
)
_NON_WORD: Final = re.compile(r"[\W_]+")

# Scholarly (ISO 9 / Czech-style) carons, spelled out before diacritics go.
_CARONS: Final = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ě": "e", "ř": "r"})

# Cyrillic to Latin: Russian and Ukrainian letters (and Belarusian ў).
_CYRILLIC: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_CYRILLIC_TABLE: Final = str.maketrans(_CYRILLIC)

# Multi-letter rewrites, longest first; upper-case letters are private tokens.
_DIGRAPHS: Final = (
    ("shch", "Q"), ("tsch", "C"), ("sch", "S"), ("dzh", "J"), ("zh", "J"),
    ("sh", "S"), ("ch", "C"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
    ("ph", "f"), ("x", "ks"), ("w", "v"), ("g", "h"),
)  # fmt: skip
_J_CLOSING_VOWEL: Final = re.compile(r"(?<=[aeiouy])j(?![aeiouy])")
_VOWEL_CLASS: Final = str.maketrans({"e": "i", "y": "i", "o": "i"})
_FINAL_VOWELS: Final = re.compile(r"(?<=[^aiu])[aiu]+$")
_REPEATS: Final = re.compile(r"(.)\1+")


def _strip_latin_marks(text: str) -> str:
    """Drop combining marks that sit on Latin letters; keep Cyrillic й, ї, ё whole."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def name_key(s: str) -> str:
    """The exact-match key: casefolded, Latin diacritics stripped, apostrophes and
    quotes dropped, hyphens, dashes, dots and runs of spaces made one space."""
    text = unicodedata.normalize("NFKC", s).casefold().translate(_LATIN_EXTRA)
    text = _strip_latin_marks(text).translate(_DROP)
    return _NON_WORD.sub(" ", text).strip()


def transliterate(s: str) -> str:
    """Cyrillic letters to Latin (lower case); other characters unchanged."""
    return s.casefold().translate(_CYRILLIC_TABLE)


@lru_cache(maxsize=65536)
def variant_key(s: str) -> str:
    """A coarse key shared by Russian/Ukrainian romanisation variants of a name.

    Returns ``""`` for names with no Latin or Cyrillic letters.
    """
    text = unicodedata.normalize("NFKC", s).casefold().translate(_CARONS)
    text = name_key(transliterate(text))
    text = "".join(ch for ch in text if "a" <= ch <= "z")
    text = _J_CLOSING_VOWEL.sub("y", text).replace("j", "J")
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = text.translate(_VOWEL_CLASS)
    text = _REPEATS.sub(r"\1", text)
    if len(text) > 3:
        text = _FINAL_VOWELS.sub("", text)
    return text
