"""Stories: copies and rewrites share an origin; independent reports do not.
Fixtures are illustrative (tests/fixtures/consolidate/scenarios.py)."""

from __future__ import annotations

import dataclasses

from claimmap.consolidate.stories import StoryIndex, StoryParams, jaccard, signature
from claimmap.consolidate.text import find_numbers, find_quotes
from claimmap.model import Article
from fixtures.consolidate import scenarios as s


def test_copy_and_rewrite_share_the_origin() -> None:
    stories = StoryIndex().update(s.articles())
    assert stories.origins["b_copy"] == "a_origin"
    assert stories.origins["c_rewrite"] == "a_origin"
    assert stories.members["a_origin"] == ("a_origin", "b_copy", "c_rewrite")
    assert stories.is_rewrite("c_rewrite") and not stories.is_rewrite("a_origin")


def test_independent_reports_are_their_own_origin() -> None:
    stories = StoryIndex().update(s.articles())
    for aid in ("d_independent", "e_other_side", "f_unrelated"):
        assert stories.origins[aid] == aid


def test_rewrite_needs_shared_quote_when_overlap_is_moderate() -> None:
    params = StoryParams()
    a, c = signature(s.article("a_origin"), params), signature(s.article("c_rewrite"), params)
    assert params.rewrite <= jaccard(a.shingles, c.shingles) < params.near_duplicate
    assert a.quotes & c.quotes
    # Without the shared quotation the rewrite is no longer linked.
    text = s.article("c_rewrite").text.replace("completed the task", "finished the job")
    changed = dataclasses.replace(s.article("c_rewrite"), text=text, content_hash="x")
    stories = StoryIndex().update([s.article("a_origin"), changed])
    assert stories.origins["c_rewrite"] == "c_rewrite"


def test_origin_is_earliest_published_then_id() -> None:
    later = dataclasses.replace(s.article("a_origin"), id="z_first", published="2024-03-01")
    stories = StoryIndex().update([*s.articles("a_origin", "b_copy"), later])
    assert stories.origins["a_origin"] == "z_first"
    assert stories.origins["b_copy"] == "z_first"


def test_incremental_update_matches_full_rebuild() -> None:
    index = StoryIndex()
    index.update(s.articles("a_origin", "d_independent"))
    incremental = index.update(s.articles())
    assert incremental == StoryIndex().update(s.articles())


def test_changed_text_rebuilds_index() -> None:
    index = StoryIndex()
    index.update(s.articles())
    other = Article("b_copy", "Completely different words about a harvest festival in a village.",
                    "other-hash", published="2024-03-02")
    stories = index.update([s.article("a_origin"), other])
    assert stories.origins["b_copy"] == "b_copy"


def test_quotes_and_numbers_found() -> None:
    text = 'He said "we will hold the line here" and 1,200 people left on March 3 in 2023.'
    assert [q.key for q in find_quotes(text)] == ["we will hold the line here"]
    assert [n.key for n in find_numbers(text)] == ["1200"]
    quote = find_quotes(text)[0]
    assert text[quote.start : quote.end] == "we will hold the line here"


def test_apostrophes_do_not_close_quotes() -> None:
    text = "‘We’re not leaving our homes again,’ she said."
    quotes = find_quotes(text)
    assert [q.key for q in quotes] == ["we re not leaving our homes again"]
