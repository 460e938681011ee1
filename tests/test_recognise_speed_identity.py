"""The recogniser's quick forms give what their plain forms give: patterns written
backwards (text.match_back) against forward searches ending in ``$``, the clause
around a position against every title-case span, the scan's per-word folding against
folding the whole text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.geoparse import context, patterns, recognise
from claimmap.geoparse.text import fold, match_back

_ALPHABET = "aAbBtTeEhHiInNoO .,'’-\n\t!?&É"
texts = st.text(alphabet=_ALPHABET, max_size=60)
# the forward forms these modules used before the backwards ones
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ž]+)\.?\s+$")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")
_CUE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside|into|toward|towards|across|of|through|around)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@settings(max_examples=300)
@given(texts, st.data())
def test_backwards_patterns_match_forward_searches(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = max(0, end - 30)
    forward = _WORD_BEFORE.search(text, lo, end)
    back = match_back(recognise._WORD_BEFORE, text, end, 30)
    assert (forward and forward.group(1)) == (back and back.group(1)[::-1])

    lo = max(0, end - 40)
    forward = _PREV_WORD.search(text, lo, end)
    back = match_back(context._PREV_WORD, text, end, 40)
    assert (forward and (forward.group(1), forward.start(1))) == (
        back and (back.group(1)[::-1], len(text) - back.end(1))
    )

    forward_cue = _CUE_BEFORE.search(text[max(0, end - 25) : end]) is not None
    assert forward_cue == (match_back(context._CUE_BEFORE, text, end, 25) is not None)


@settings(max_examples=300)
@given(st.text(alphabet="Ab Cd ef.\n!", max_size=80), st.data())
def test_in_title_case_reads_the_clause_of_its_span(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    spans = patterns.title_case_spans(text)
    assert patterns.in_title_case(text, pos) == any(s <= pos < e for s, e in spans)


def test_scan_words_are_the_runs_fold_keeps() -> None:
    text = "Al-Qaim, St. Louis_Park Ёлки 3rd Kyiv’s Île-de-France x;Y"
    folded = fold(text)
    runs = [m.span() for m in re.finditer(r"[^ ]+", folded)]
    assert runs == [m.span() for m in re.finditer(r"[^\W_]+", text)]


_NAMED_TEXTS = (
    "Kevin Holroyd met Holroyd officials in Kyiv. Superior Court said Court was in Lviv.",
    "President Zelensky visited Bakhmut; Zelensky later left. Maria Petrova, 38, stayed.",
    "Tom Jones sang. Jones said Jones and Smith went to Jones County near Smith.",
)


def test_named_asked_per_word_gives_the_whole_set() -> None:
    # keep_hits asks context._named about single words instead of building the set of
    # every hit with a capitalised word before it, plus person_names, up front
    for text in _NAMED_TEXTS:
        hits = [
            recognise.SpanHit(m.start(), m.end(), m.group(), "gazetteer")
            for m in re.finditer(r"[A-Z][a-z]+", text)
        ]
        ends = {h.end for h in hits}
        named = {h.text for h in hits if context._capitalised_before(text, h, ends)}
        named |= recognise.person_names(text)
        for word in {h.text for h in hits} | {"Nowhere"}:
            assert context._named(text, word, hits, ends) == (word in named)
