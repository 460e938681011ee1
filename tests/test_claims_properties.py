"""Properties that hold for any text: no crash, evidence and quotations are slices of
the text, ids are unique and stable. Texts are random mixes of illustrative words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.claims import create_extractor
from claimmap.ingest.text import content_hash
from claimmap.model import Article, Mention, Place

WORDS = [
    "Russian", "Ukrainian", "forces", "troops", "captured", "liberated", "repelled",
    "attacks", "up", "to", "495", "more", "than", "40", "killed", "said", "told", "TASS",
    "according", "According", "to", "the", "Ministry", "of", "Defense", "Toretsk", "on",
    "December", "1", "yesterday", "he", "she", "‘", "’", "“", "”", '"', "'", ",", ".",
    "!", "?", "\n", "Colonel", "Ivan", "Petrov", "a", "52-year-old", "teacher", "drones",
    "shot", "down", "withdrew", "from", "denied", "would", "could", "thousands", "of",
    "soldiers", "stranded", "—", "Kyiv's", "officials", "unnamed", "source",
]  # fmt: skip
PLACE = Place("test:toretsk", "Toretsk", "populated_place", 48.4, 37.8)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=80), st.booleans())
def test_any_text(words: list[str], published: bool) -> None:
    text = " ".join(words).strip() or "x"
    article = Article("p", text, content_hash(text), published="2025-12-03" if published else None)
    mentions = []
    start = text.find("Toretsk")
    while start != -1:
        mentions.append(Mention("p", start, start + 7, "Toretsk", PLACE.id, 0.9, "alias"))
        start = text.find("Toretsk", start + 1)
    result = create_extractor().extract(article, mentions, {PLACE.id: PLACE})
    again = create_extractor().extract(article, mentions, {PLACE.id: PLACE})
    assert [c.id for c in result.claims] == [c.id for c in again.claims]
    assert len({c.id for c in result.claims}) == len(result.claims)
    for claim in result.claims:
        assert claim.evidence.text == text[claim.evidence.start : claim.evidence.end]
        assert claim.evidence.text.strip() == claim.evidence.text
        if claim.quote is not None:
            assert claim.quote.text == text[claim.quote.start : claim.quote.end]
        if claim.mention_start is not None:
            assert any(m.start == claim.mention_start for m in mentions)
        if claim.date.precision == "day_no_year":
            assert not published and claim.date.value is not None
            assert claim.date.value.startswith("--")
    for flag in result.flags:
        for span in flag.evidence:
            assert span.text == text[span.start : span.end]
