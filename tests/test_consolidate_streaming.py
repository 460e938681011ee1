"""Streamed consolidation (claimmap.consolidate.streaming): the same events, flags
and origins as the in-memory consolidator, from story keys stored at ingest, in
bounded pieces. Corpora are the illustrative scenarios (not real reporting), the
bundled examples and, when present, the shared seeds."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from claimmap.consolidate import ClaimConsolidator, ConsolidationParams, create_consolidator
from claimmap.consolidate import streaming as streamed_mod
from claimmap.consolidate.events import unit
from claimmap.consolidate.keys import story_keys
from claimmap.consolidate.stories import StoryIndex, StoryParams
from claimmap.consolidate.streamstories import stream_stories
from claimmap.errors import ClaimmapError, StoreError
from claimmap.model import Article, Claim, Flag, Mention, Place, Span
from claimmap.pipeline import ClaimMap
from claimmap.stages import ClaimsResult, ConsolidationResult, GeoparseResult
from claimmap.store import Store
from claimmap.store.engine import make_engine, to_url
from claimmap.store.schema import current_version, migrate
from claimmap.store.streaming import ConsolidationIO
from fixtures.consolidate import scenarios as s

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def scenario_claims() -> list[Claim]:
    quoted = s.claim("a_origin:q1", "a_origin", "taken full control of Northgrad",
                     type_="statement", place=None, speaker="an unnamed officer",
                     quote="taken full control of Northgrad")
    carried = s.claim("b_copy:u1", "b_copy", "fierce fighting", place=s.NORTHGRAD)
    oblast = s.claim("c_rewrite:o1", "c_rewrite", "completing the operation on February 29",
                     place=s.LAKE_OBLAST, date=s.day("2024-02-29"))
    return [*s.capture_claims(), s.counterclaim(), s.unrelated_claim(), quoted, carried, oblast]


def scenario_mentions() -> list[Mention]:
    return [
        s.mention("d_independent", "Nordgrad", s.NORTHGRAD, "fuzzy name match (0.88)"),
        s.mention("c_rewrite", "Northgrad", s.NORTHGRAD, "alias stated in text"),
    ]


PERSONA = Flag("quoted_private_individual", ("e_other_side",),
               "persona: name=Anna Petrenko; age=41; occupation=nurse",
               (Span("e_other_side", 0, 3, s.TEXTS["e_other_side"][0][:3]),))


def fill(store: Store, articles: Sequence[Article], mentions: Sequence[Mention],
         claims: Sequence[Claim], places: dict[str, Place], flags: Sequence[Flag] = (),
         keys: bool = True) -> None:
    index = StoryIndex()
    for article in articles:
        own = tuple(m for m in mentions if m.article_id == article.id)
        geo = GeoparseResult(own, tuple(places.values()))
        found = ClaimsResult(tuple(c for c in claims if c.article_id == article.id),
                             tuple(f for f in flags if f.article_ids[0] == article.id))
        store.add_article(article, geo, found,
                          story_keys(article, index.params) if keys else None)


def in_memory(store: Store, consolidator: ClaimConsolidator | None = None
              ) -> ConsolidationResult:
    stored = store.load_analysis(consolidation=False)
    return (consolidator or ClaimConsolidator()).consolidate(
        stored.articles, stored.mentions, stored.claims, {p.id: p for p in stored.places},
        store.article_flags())


def streamed(store: Store, consolidator: ClaimConsolidator | None = None) -> ConsolidationResult:
    (consolidator or ClaimConsolidator()).consolidate_store(
        store.consolidation_io(), "test", store.articles_state())
    done = store.load_analysis()
    return ConsolidationResult(done.events, store.consolidation_flags(), done.origins)


def test_streamed_equals_in_memory_on_the_scenarios(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        fill(store, s.articles(), scenario_mentions(), scenario_claims(), s.PLACES, [PERSONA])
        expected = in_memory(store)
        got = streamed(store)
        assert store.consolidation_marker() == "test"
        assert store.integrity_check() == []
    assert got == expected
    # the scenarios exercise what the streamed path must reproduce
    assert {f.kind for f in got.flags} >= {"persona_inconsistent", "garbled_place_name",
                                           "rewrite_adds_detail", "unidentifiable_speaker"}
    capture = next(e for e in got.events if "a_origin:c1" in e.claim_ids)
    assert capture.status == "contested" and capture.independent_origins == 2
    assert got.origins["b_copy"] == "a_origin"


def test_units_hold_the_blocks_clustered_together() -> None:
    origins = {a.id: a.id for a in s.articles()}
    claims = {c.id: c for c in scenario_claims()}
    town = unit(claims["a_origin:c1"], origins, s.PLACES)
    # the oblast-level claim meets the town's claims in one unit (admin1 fallback)
    assert unit(claims["c_rewrite:o1"], origins, s.PLACES) == town
    # another oblast, another family: other units
    assert unit(claims["f_unrelated:c1"], origins, s.PLACES) != town
    assert unit(claims["e_other_side:c1"], origins, s.PLACES) != town


def test_small_pages_and_batches_give_the_same_result(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path / "s.db") as store:
        fill(store, s.articles(), scenario_mentions(), scenario_claims(), s.PLACES, [PERSONA])
        expected = in_memory(store)
        monkeypatch.setattr(streamed_mod, "PAGE", 1)
        monkeypatch.setattr(streamed_mod, "WRITE", 1)
        assert streamed(store) == expected


def test_store_without_story_keys_gets_them_at_consolidation(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        fill(store, s.articles(), scenario_mentions(), scenario_claims(), s.PLACES, keys=False)
        assert next(store.consolidation_io().articles_without_keys(
            "any", 100)) == list(store.load_analysis().articles)
        expected = in_memory(store)
        assert streamed(store) == expected
        with_keys = ClaimConsolidator()
        params = with_keys.params.stories
        from claimmap.consolidate.keys import params_key

        assert list(store.consolidation_io().articles_without_keys(params_key(params), 100)) == []


def test_band_groups_propose_the_pairs_that_share_a_band(tmp_path: Path) -> None:
    """Stored band keys group exactly the pairs whose MinHash signatures agree on a
    whole band (computed here from the signatures themselves), and texts that overlap
    more share bands more often."""
    from claimmap.consolidate import minhash
    from claimmap.consolidate.stories import signature

    params = StoryParams()
    words = [f"w{i}" for i in range(400)]
    texts = {f"t{n}": " ".join(words[n * 7 : n * 7 + 60]) for n in range(40)}
    arts = [Article(k, v, f"{zlib.crc32(v.encode()):064x}") for k, v in texts.items()]
    sigs = {a.id: minhash.signature(signature(a, params).shingles, params.num_perm,
                                    params.seed) for a in arts}  # fmt: skip
    r = params.rows

    def share_band(a: str, b: str) -> bool:
        return any((sigs[a][n * r : (n + 1) * r] == sigs[b][n * r : (n + 1) * r]).all()
                   for n in range(params.bands))  # fmt: skip

    expected = {(a, b) for a in texts for b in texts if a < b and share_band(a, b)}
    with Store.open(tmp_path / "b.db") as store:
        fill(store, arts, [], [], {})
        got = {(a, b) for group in store.consolidation_io().band_groups()
               for i, a in enumerate(group) for b in group[i + 1:]}
    assert expected and got == expected
    near = {(a, b) for a, b in expected if abs(int(a[1:]) - int(b[1:])) == 1}  # 88% shared
    assert len(near) >= 30  # of 39 neighbouring pairs: candidates at that similarity


def test_minhash_agreement_tracks_jaccard() -> None:
    from claimmap.consolidate import minhash

    rng = np.random.default_rng(5)
    base = np.unique(rng.integers(0, 2**32, 600, dtype=np.uint64).astype(np.uint32))
    half = np.unique(np.concatenate([base[:300], rng.integers(0, 2**32, 300,
                                                              dtype=np.uint64).astype(np.uint32)]))
    a = minhash.signature(base, 512, 3)
    b = minhash.signature(half, 512, 3)
    true = len(np.intersect1d(base, half)) / len(np.union1d(base, half))
    assert abs(float((a == b).mean()) - true) < 0.08
    assert (minhash.signature(base, 512, 3) == a).all()  # fixed seed, same signature
    empty = minhash.signature(np.array([], dtype=np.uint32), 4, 3)
    assert (empty == minhash.MAX32).all()


def test_quotation_fanout_is_bounded_as_in_the_index(tmp_path: Path) -> None:
    """Pairs come only from a quotation's first holders by id, as StoryIndex adds
    articles in id order: with a fan-out of 2 the third holder is not linked."""
    quote = "“we will hold this line whatever it costs us”"
    filler = [" ".join(f"w{n}x{i}" for i in range(200)) for n in range(3)]
    arts = [Article(f"q{n}", f"{filler[n]}. Officer said {quote} today.", f"{n:064x}",
                    published="2024-03-02") for n in range(3)]
    params = StoryParams(max_quote_fanout=2, shared_quotes=1)
    index = StoryIndex(params)
    expected = index.update(arts)
    with Store.open(tmp_path / "q.db") as store:
        for article in arts:
            store.add_article(article, story=story_keys(article, params))
        got = stream_stories(store.consolidation_io(), params).stories
    assert got == expected
    assert got.origins["q1"] == "q0" and got.origins["q2"] == "q2"


@pytest.mark.parametrize("corpus", ["examples", "seeds"])
def test_real_stages_through_the_pipeline_match_in_memory(tmp_path: Path, corpus: str) -> None:
    from conftest import seeds_dir

    folder = EXAMPLES if corpus == "examples" else seeds_dir()
    if folder is None:
        pytest.skip("seed articles not found")
    try:
        cm = ClaimMap(tmp_path / "e.db")
        report = cm.analyze([str(folder)])
    except ClaimmapError as exc:
        pytest.skip(f"the real stages cannot start here: {exc}")
    assert report.consolidated and report.consolidation_error is None
    expected = in_memory(cm.store, create_consolidator())
    got = cm.analysis()
    assert got.events == expected.events and got.events
    assert got.origins == expected.origins
    assert cm.store.consolidation_flags() == expected.flags
    cm.close()


def test_v3_store_is_migrated_and_consolidated(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        migrate(conn, target=3)
    engine.dispose()
    with Store.open(path) as store:  # v3 -> v4: story keys and scratch tables
        with store._read() as conn:
            assert current_version(conn) == 4
        fill(store, s.articles(), scenario_mentions(), scenario_claims(), s.PLACES, keys=False)
        assert streamed(store) == in_memory(store)


def test_failure_before_the_swap_keeps_the_previous_consolidation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "f.db") as store:
        fill(store, s.articles()[:4], [], scenario_claims(), s.PLACES)
        first = streamed(store)
        state = store.articles_state()

        def broken(self: ConsolidationIO, marker: str | None, state: str) -> None:
            raise StoreError("disk full")

        monkeypatch.setattr(ConsolidationIO, "finish", broken)
        fill(store, s.articles()[4:], [], scenario_claims(), s.PLACES)
        with pytest.raises(StoreError):
            streamed(store)
        assert store.load_analysis().events == first.events
        assert store.consolidation_marker() == "test" and state != store.articles_state()
        monkeypatch.undo()
        assert streamed(store) == in_memory(store)


KILL_RUNNER = """
import os, sys, time
from claimmap.consolidate import ClaimConsolidator
from claimmap.store import Store
from claimmap.store.streaming import ConsolidationIO
real = ConsolidationIO.stage_events
def slow(self, found):
    real(self, found)
    print("staged", flush=True)
    time.sleep(60)
ConsolidationIO.stage_events = slow
store = Store.open(sys.argv[1])
ClaimConsolidator().consolidate_store(store.consolidation_io(), "second", "x")
"""


def test_killed_mid_consolidation_leaves_the_previous_one(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with Store.open(path) as store:
        fill(store, s.articles(), scenario_mentions(), scenario_claims(), s.PLACES)
        first = streamed(store)
    proc = subprocess.Popen([sys.executable, "-c", KILL_RUNNER, str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    proc.kill()
    _out, err = proc.communicate()
    assert line == b"staged", err
    with Store.open(path) as store:
        assert store.integrity_check() == []
        assert store.consolidation_marker() == "test"
        assert store.load_analysis().events == first.events
        assert store.consolidation_flags() == first.flags
        assert streamed(store) == first  # the scratch left behind is cleared


def test_pipeline_streams_with_a_custom_consolidator_falling_back(tmp_path: Path) -> None:
    """A consolidator without ``consolidate_store`` still gets the whole store."""
    class Plain:
        def __init__(self) -> None:
            self.seen = 0

        def consolidate(self, articles: Sequence[Article], *_: object) -> ConsolidationResult:
            self.seen = len(articles)
            return ConsolidationResult()

    plain = Plain()
    cm = ClaimMap(tmp_path / "p.db", consolidator=plain)  # type: ignore[arg-type]
    with cm.store as store:
        fill(store, s.articles(), [], [], s.PLACES)
        cm.consolidate()
    assert plain.seen == len(s.articles())


def test_params_change_means_new_keys(tmp_path: Path) -> None:
    wide = ClaimConsolidator(ConsolidationParams(stories=StoryParams(shingle=3)))
    with Store.open(tmp_path / "w.db") as store:
        fill(store, s.articles(), [], scenario_claims(), s.PLACES)
        got = streamed(store, wide)
        stored = store.load_analysis(consolidation=False)
        expected = wide.consolidate(stored.articles, [], stored.claims, s.PLACES)
    assert got.origins == expected.origins and got.events == expected.events
    assert dataclasses.replace(got, flags=()) == dataclasses.replace(expected, flags=())
