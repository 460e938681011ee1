"""The recogniser's quick forms give what their plain forms give: patterns written
backwards (text.match_back) against forward searches ending in ``$``, the clause
around a position against every title-case span, the scan's per-word folding against
folding the whole text; merged and regrouped patterns (cue names read back from their
capital, the three word shapes in one pass, pairs and speakers in one pass, titles
as words, lower-case words) against the patterns they replace; settling overlaps run
by run, the bucketed hash search, the remembered scan and word kinds against their
plain forms."""

from __future__ import annotations

import re
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.geoparse import automaton, context, patterns, recognise
from claimmap.geoparse.lexicon import TOPONYM_SUFFIXES
from claimmap.geoparse.text import fold, match_back

_ALPHABET = "aAbBtTeEhHiInNoO .,'’-\n\t!?&É"
texts = st.text(alphabet=_ALPHABET, max_size=60)
# the forward forms these modules used before the backwards ones
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ž]+)(\.?) \Z")
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
    assert (forward and forward.groups()) == (back and (back.group(2)[::-1], back.group(1)))

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


# Texts made of the pieces the quick forms below care about: cue phrases, capitalised
# and hyphenated words, apostrophes, titles, verbs of speech, state abbreviations.
_PIECES = (
    "near", "Near", "city", "City", "of", "the", "town", "village", "outskirts", "fall",
    "toward", "towards", "Outside", "settlement", "Kyiv", "Mar'inka", "Mar’insk", "O'Connor",
    "Gulyai-Pol", "Abc-Def-Ghi", "Pokrovsk", "Pokrovska", "Sk", "Avdiivka", "Ovo", "Ino'sk",
    "Ăsk", "Ābc", "X", "President", "Gen", "Gen.",
    "Judge", "Casey", "D.", "Jr", "said", "told", "Putin", "La.", "D-S.C.", "W. Va.", "&",
    "St.", "Saint", "Post", "Ga.", "S.C.", "Miss.", "Sulpher", "protests", "Maria",
    "Petrova", "county", "Independent",
    "don't", "well-known", "abc-", "x'y", "_", "3rd", "Ёлки", "é",
)
_SEPARATORS = (" ", " ", " ", "", "\n", ", ", ". ", "-", "'", "  ")
piece_texts = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=25
).map(lambda parts: "".join(p + s for p, s in parts))


def test_cue_phrases_read_back_one_way() -> None:
    assert patterns.introducers_are_unambiguous()
    assert not patterns.introducers_are_unambiguous(("town", "small town"))
    assert not patterns.introducers_are_unambiguous(("near the",))


@settings(max_examples=400)
@given(piece_texts)
def test_introduced_names_are_introduced_finditer(text: str) -> None:
    plain = [m.span("name") for m in patterns.INTRODUCED.finditer(text)
             if m.group("name")[0].isupper()]
    assert patterns.introduced_names(text) == plain


# SUFFIXED with the suffixes as a plain alternation, longest first
_SUFFIXED = re.compile(
    rf"(?P<name>{patterns.UP_START}{patterns._LOW}{{2,}}(?:"
    + "|".join(sorted(TOPONYM_SUFFIXES, key=len, reverse=True)) + r"))\b"
)


@settings(max_examples=400)
@given(piece_texts)
def test_word_shapes_are_the_three_patterns(text: str) -> None:
    shapes = patterns.word_shapes(text)
    assert list(shapes.suffixed) == [m.span("name") for m in _SUFFIXED.finditer(text)]
    assert list(shapes.hyphenated) == [m.span() for m in patterns.HYPHENATED.finditer(text)]
    assert list(shapes.apostrophe) == [m.span() for m in patterns.INNER_APOSTROPHE.finditer(text)]


_PAIR = re.compile(
    rf"({patterns.CAP_START}[a-z]+)(\.?) (?=([A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?)\b)"
)
_SPEAKER = re.compile(rf"({patterns.CAP_START}[a-z]+)\s+(?:added|argued|noted|said|says|stated"
                      r"|told|warned|wrote)\b")
_TITLED = re.compile(
    r"(?P<first>[A-Z](?<!\w[A-Z]))(?=(?P<rest>[a-z]+)\.?\s+(?:[A-Z][a-z]+\s+)?"
    rf"(?:[A-Z]\.\s+)?{patterns._SURNAME})"
)


@settings(max_examples=400)
@given(piece_texts)
def test_one_pass_person_patterns_match_the_separate_ones(text: str) -> None:
    both = recognise._PAIR_OR_SPEAKER.findall(text)
    assert [t for t in both if t[2]] == _PAIR.findall(text)
    assert [t[0] for t in both if not t[2]] == _SPEAKER.findall(text)
    titles = recognise.PERSON_TITLES
    plain = [m.group("surname") for m in _TITLED.finditer(text)
             if (m.group("first") + m.group("rest")).lower() in titles]
    titled = patterns._titled(titles)
    assert titled is not None
    assert [m.group("surname") for m in titled.finditer(text)] == plain
    # after a title in full, a period ends the sentence: no surname follows
    with_period = {m.group("surname") for m in _TITLED.finditer(text)
                   if (m.group("first") + m.group("rest")).lower() in titles
                   and (patterns.abbreviated_title((m.group("first") + m.group("rest")).lower())
                        or text[m.end("rest"):m.end("rest") + 1] != ".")}
    assert patterns.surnames(text, titles) >= with_period
    assert patterns._titled(frozenset({"Mr", "x"})) is None
    assert recognise._LOWER_WORD.findall(text) == re.findall(r"\b[a-z][a-z'’-]*\b", text)


spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 6),
              st.sampled_from(("gazetteer", "region", "compound", "cue", "feature"))),
    max_size=20,
)


@settings(max_examples=500)
@given(spans, st.booleans())
def test_settle_by_runs_is_settle_at_once(raw: list[tuple[int, int, str]], empty: bool) -> None:
    hits = [recognise.SpanHit(s, s + n if n or empty else s + 1, "x", src) for s, n, src in raw]
    assert recognise._settle(hits) == recognise._settle_all(hits)


@settings(max_examples=300)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=300), st.integers(0, 2**64 - 1),
       st.booleans())
def test_bucketed_member_is_plain_membership(values: list[int], probe: int, low: bool) -> None:
    # skewed values (all small: one bucket) as well as uniform ones; any number of bits
    hashes = array("Q", sorted({v >> 40 if low else v for v in values}))
    for bits in {0, 1, 3, automaton.bucket_bits(len(hashes)), 16}:
        starts = automaton.buckets(hashes, bits)
        assert len(starts) == (1 << bits) + 1 and starts[-1] == len(hashes)
        for value in (probe, 0, 2**64 - 1, *hashes[:5],
                      *(h + 1 for h in hashes[-5:] if h < 2**64 - 1)):  # fmt: skip
            assert automaton._member(hashes, starts, 64 - bits, value) == int(value in set(hashes))


def _scan_plainly(index: automaton.NameIndex, text: str) -> list[tuple[int, int]]:
    """The scan before the first-word memo and the one-step next word."""
    out = []
    for m in automaton._CAPITALISED_WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        key = fold(word)
        found = index.look(key)
        start, end = m.span()
        while found:
            if found & 1:
                out.append((start, end))
            if not found & 2:
                break
            nxt = automaton._next_word(text, key, end)
            if nxt < 0:
                break
            end = automaton._word_end(text, nxt)
            key = f"{key} {fold(text[nxt:end])}"
            found = index.look(key)
    return out


_INDEX = automaton.build(["Kyiv", "St. Louis", "Bosnia and Herzegovina", "The Hague",
                          "Mar'inka", "Abc-Def", "Ёлки", "Saint Louis Park", "X Y Z"])


_SCAN_WORDS = ("Kyiv", "St", "Louis", "Park", "Saint", "Bosnia", "and", "Herzegovina", "The",
               "Hague", "Mar", "inka", "Abc", "Def", "Ёлки", "X", "Y", "Z", "3rd", "é")


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_SCAN_WORDS) | st.text("., -'\n", max_size=2), max_size=30))
def test_scan_is_the_plain_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    assert list(automaton.scan(_INDEX, text)) == _scan_plainly(_INDEX, text)


@settings(max_examples=300)
@given(piece_texts)
def test_state_abbreviations_looked_up_by_position(text: str) -> None:
    hits = [recognise.SpanHit(m.start(), m.end(), m.group(), "gazetteer")
            for m in re.finditer(r"[A-Z][a-z]+", text)]
    ends = {h.end for h in hits}
    after_hits = [(m.start(1), m.end(1)) for h in hits
                  if (m := recognise._ABBREV_AFTER.match(text, h.end)) is not None]
    after_names = [m.span(1) for m in recognise._ABBREV_AFTER.finditer(text)
                   if m.start() not in ends
                   and re.search(r"(?<![\w.])[A-Z][a-z]+$", text[max(0, m.start() - 30):m.start()])]
    alone = [m.span() for m in _STANDALONE_PLAINLY.finditer(text)
             if not text[max(0, m.start() - 2) : m.start()].startswith(",")]
    party = [m.span(1) for m in recognise._PARTY_STATE.finditer(text)]
    found = recognise._state_abbreviations(text, hits)
    assert [(h.start, h.end) for h in found] == after_hits + after_names + alone + party


# The standalone abbreviations as one plain alternation (the quick form looks for the
# final period and checks the word behind it).
_STANDALONE_PLAINLY = re.compile(
    r"(?<![\w.])(?:" + "|".join(
        re.escape(a) for a in sorted(recognise.US_STATE_ABBREVIATIONS, key=len, reverse=True)
        if a not in recognise._NOT_STANDALONE and " " not in a
    ) + r")(?!\w)"
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(
    ["Ga.", "S.C.", "N.Y.", "Miss.", "La.", "W.Va.", "Okla.", "Nebr.", "Neb.", "x", "Ka.",
     ".", " ", "-", ",", "a", "NGa.", "Tenn.s", "Va.", "W.", "_", "1", "é"]
), max_size=12).map("".join))
def test_standalone_state_abbreviations_match_the_plain_alternation(text: str) -> None:
    quick = recognise._standalone_states(text)
    assert quick == [m.span() for m in _STANDALONE_PLAINLY.finditer(text)]


def _org_or_person_plainly(text: str, hit: recognise.SpanHit, first: str, single: bool) -> bool:
    """_org_or_person_context before its word kinds were remembered."""
    before = match_back(recognise._WORD_BEFORE, text, hit.start, 30)
    lead = before.group(2)[::-1] if before else ""
    period = bool(before and before.group(1))
    if (lead[:1].isupper() and lead.lower() in recognise.PERSON_TITLES
            and (not period or patterns.abbreviated_title(lead.lower()))):
        return True
    if lead[:1].isupper() and lead.lower() in recognise.FIRST_NAMES and not before.group(1):
        return hit.source != "region"
    after = recognise._WORD_AFTER.match(text, hit.end, hit.end + 30)
    nxt = after.group(1) if after else ""
    comma = text.startswith(",", hit.end)
    given_names = all(w.lower() in recognise.FIRST_NAMES for w in hit.text.split())
    if nxt[:1].isupper() and not comma and given_names:
        return (nxt.lower() not in recognise.REGION_HEADS
                and nxt.lower() not in recognise.INSTITUTION_HEADS)
    if nxt[:1].isupper() and nxt.lower() in recognise.MEDIA_HEADS and not comma:
        return True
    return nxt.lower() in recognise.EVENT_HEADS


@settings(max_examples=400)
@given(piece_texts, st.sampled_from(("gazetteer", "region")))
def test_person_context_by_word_kinds(text: str, source: str) -> None:
    for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text):
        hit = recognise.SpanHit(m.start(), m.end(), m.group(), source)
        first, single = m.group().split(" ")[0].lower(), " " not in m.group()
        assert recognise._org_or_person_context(text, hit, first, single) == (
            _org_or_person_plainly(text, hit, first, single))
        assert recognise._in_organisation(text, hit, "&" in text) == (
            recognise._in_organisation(text, hit, True))


_LOWER_PIECES = ["rock", "and", "roll", "Rock", "-", "'", "’", " ", "x", "é", "_", "1", ".",
                 "ma", "man", "many", "Man", "us", "thus", "US", "ü", "٣"]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_LOWER_PIECES), max_size=20),
       st.sampled_from(["rock", "and", "roll", "man", "ma", "many", "x", "rock-and", "and-roll",
                        "Man", "", "é", "roll'", "man's", "us", "thus"]))  # fmt: skip
def test_has_lower_word_is_membership_in_lower_words(parts: list[str], word: str) -> None:
    text = "".join(parts)
    plain = frozenset(recognise._LOWER_WORD.findall(text))  # every lower-case word
    assert recognise.has_lower_word(text, word) == (word in plain)
