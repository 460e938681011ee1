"""The ClaimMap pipeline: stages wired per article, one transaction each, duplicates
skipped, stage failures rejected per article, consolidation over what is stored."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from claimmap import pipeline
from claimmap.model import Article, Claim, DateValue, Event, Flag, Mention, Place, Span
from claimmap.pipeline import ClaimMap, Progress, StageUnavailable
from claimmap.stages import ClaimsResult, ConsolidationResult, GeoparseResult

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
PLACE = Place("geonames:1", "Toretsk", "populated_place", 48.4, 37.8)


class WordGeoparser:
    """Finds one word (a stand-in for real geoparsing)."""

    def __init__(self, word: str = "Toretsk", fail_on: str | None = None) -> None:
        self.word, self.fail_on, self.calls = word, fail_on, 0

    def parse(self, article: Article) -> GeoparseResult:
        self.calls += 1
        if self.fail_on and self.fail_on in article.text:
            raise ValueError("cannot parse this one")
        at = article.text.find(self.word)
        if at < 0:
            return GeoparseResult()
        mention = Mention(article.id, at, at + len(self.word), self.word, PLACE.id, 1.0, "test")
        return GeoparseResult((mention,), (PLACE,))


class OneClaim:
    def extract(
        self, article: Article, mentions: Sequence[Mention], places: Mapping[str, Place]
    ) -> ClaimsResult:
        if not mentions:
            return ClaimsResult()
        m = mentions[0]
        span = Span(article.id, m.start, m.end, m.text)
        claim = Claim(f"{article.id}#0", article.id, "statement", None, None, span,
                      place_id=m.place_id)
        return ClaimsResult((claim,))


class CountingConsolidator:
    def __init__(self) -> None:
        self.seen: list[int] = []

    def consolidate(
        self, articles: Sequence[Article], mentions: Sequence[Mention],
        claims: Sequence[Claim], places: Mapping[str, Place],
        article_flags: Sequence[Flag] = (),
    ) -> ConsolidationResult:
        self.seen.append(len(articles))
        event = Event("ev-1", "statement", None, PLACE.id, DateValue.unknown(),
                      tuple(c.id for c in claims), tuple(a.id for a in articles), (), 0, (),
                      "single_source", (), "test event")
        return ConsolidationResult((event,), (), {a.id: articles[0].id for a in articles})


def make(tmp_path: Path, **stages: object) -> ClaimMap:
    defaults: dict[str, object] = {"geoparser": WordGeoparser(), "extractor": OneClaim(),
                                   "consolidator": CountingConsolidator()}
    defaults.update(stages)
    return ClaimMap(tmp_path / "p.db", **defaults)  # type: ignore[arg-type]


def test_examples_end_to_end_and_rerun_adds_nothing(tmp_path: Path) -> None:
    cons = CountingConsolidator()
    cm = make(tmp_path, consolidator=cons)
    seen: list[Progress] = []
    report = cm.analyze([str(EXAMPLES)], seen.append)
    assert (report.read, report.skipped, report.rejected) == (8, 0, ())
    assert len(seen) == 8 and seen[-1].read == 8
    analysis = cm.analysis()
    assert len(analysis.articles) == 8
    assert all(a.text[m.start:m.end] == m.text for m in analysis.mentions
               for a in analysis.articles if a.id == m.article_id)
    assert len(analysis.claims) == len(analysis.mentions) > 0
    assert [e.id for e in analysis.events] == ["ev-1"] and cons.seen == [8]
    before = cm.store.counts()
    again = cm.analyze([str(EXAMPLES)])
    assert (again.read, again.skipped) == (0, 8)
    assert cm.store.counts() == before
    cm.close()


def test_stage_failure_rejects_only_that_article(tmp_path: Path) -> None:
    cm = make(tmp_path, geoparser=WordGeoparser(fail_on="Chasiv Yar"))
    report = cm.analyze([str(EXAMPLES)])
    assert report.rejected and report.read + len(report.rejected) == 8
    assert all("geoparse failed: ValueError" in r.reason for r in report.rejected)
    stored = {a.id for a in cm.analysis().articles}
    assert not any("Chasiv Yar" in a.text for a in cm.analysis().articles)
    assert len(stored) == report.read
    assert cm.store.integrity_check() == []


def test_same_text_other_id_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Illustrative text about Toretsk.", "utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "z", "text": "Illustrative text about Toretsk."}) + "\n")
    report = make(tmp_path).analyze([str(tmp_path / "a.txt"), str(feed)])
    assert (report.read, report.skipped) == (1, 1)


def test_same_id_other_text_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("Illustrative first.", "utf-8")
    (tmp_path / "two" / "a.txt").write_text("Illustrative second.", "utf-8")
    report = make(tmp_path).analyze([str(tmp_path / "one"), str(tmp_path / "two")])
    assert report.read == 1
    [bad] = report.rejected
    assert "already used by a different article" in bad.reason


def test_missing_factory_gives_noop_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.FACTORIES, "geoparse", ("claimmap.errors", "no_such_factory"))
    assert isinstance(pipeline.create_stage("geoparse"), pipeline.NoGeoparser)
    monkeypatch.setitem(pipeline.FACTORIES, "claims", ("claimmap.not_a_module", "x"))
    assert isinstance(pipeline.create_stage("claims"), pipeline.NoClaimExtractor)


def test_factory_is_called_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[WordGeoparser] = []

    def factory() -> WordGeoparser:
        made.append(WordGeoparser())
        return made[-1]

    monkeypatch.setattr(pipeline, "create_stage",
                        lambda name: factory() if name == "geoparse" else
                        {"claims": OneClaim, "consolidate": CountingConsolidator}[name]())
    cm = ClaimMap(tmp_path / "f.db")
    cm.analyze([str(EXAMPLES)])
    assert len(made) == 1 and made[0].calls == 8


def test_broken_factory_stops_the_run_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(name: str) -> object:
        raise OSError("index file missing")

    monkeypatch.setattr(pipeline, "create_stage", broken)
    with pytest.raises(StageUnavailable, match="cannot set up the geoparse stage"):
        ClaimMap(tmp_path / "b.db").analyze([str(EXAMPLES)])


def test_seeds_are_stored_under_their_file_stems(seeds: Path, tmp_path: Path,
                                                 noop_stages: None) -> None:
    cm = ClaimMap(tmp_path / "seeds.db")
    report = cm.analyze([str(seeds)])
    stems = sorted(p.stem for p in seeds.glob("*.txt"))
    assert report.read == len(stems) == 5
    assert [a.id for a in cm.analysis().articles] == stems
    assert all(a.published is None for a in cm.analysis().articles)
    assert cm.analyze([str(seeds)]).read == 0


class BrokenConsolidator:
    def consolidate(self, *args: object) -> ConsolidationResult:
        raise RuntimeError("bad cluster")


def test_consolidation_failure_keeps_articles(tmp_path: Path) -> None:
    cm = make(tmp_path, consolidator=BrokenConsolidator())
    report = cm.analyze([str(EXAMPLES)])
    assert report.read == 8 and not report.consolidated
    assert report.consolidation_error == "consolidate failed: RuntimeError: bad cluster"
    assert len(cm.analysis().articles) == 8


def test_rerun_with_nothing_new_keeps_the_current_consolidation(tmp_path: Path) -> None:
    cons = CountingConsolidator()
    cm = make(tmp_path, consolidator=cons)
    cm.analyze([str(EXAMPLES)])
    events = cm.analysis().events
    again = cm.analyze([str(EXAMPLES)])
    assert again.consolidated and again.read == 0
    assert cons.seen == [8] and cm.analysis().events == events
    cm.consolidate()  # asked for explicitly: always runs
    assert cons.seen == [8, 8]


def test_new_article_or_missing_marker_consolidates_again(tmp_path: Path) -> None:
    cons = CountingConsolidator()
    cm = make(tmp_path, consolidator=cons)
    assert cm.analyze([str(EXAMPLES / "01_toretsk_capture_claim.txt")]).read == 1
    assert cm.analyze([str(EXAMPLES)]).read == 7
    assert cons.seen == [1, 8]
    # events replaced without a marker (an older claimmap, another tool): not trusted
    cm.store.replace_consolidation(ConsolidationResult())
    cm.analyze([str(EXAMPLES)])
    assert cons.seen == [1, 8, 8]


def test_consolidation_killed_before_it_finished_runs_on_the_next_run(tmp_path: Path) -> None:
    cm = make(tmp_path, consolidator=BrokenConsolidator())
    assert not cm.analyze([str(EXAMPLES)]).consolidated
    cons = CountingConsolidator()
    cm2 = make(tmp_path, consolidator=cons)
    assert cm2.analyze([str(EXAMPLES)]).read == 0
    assert cons.seen == [8]


def test_empty_store_sets_up_no_consolidation(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def stage(name: str) -> object:
        if name == "consolidate":
            raise OSError("must not be needed")
        return {"geoparse": WordGeoparser, "claims": OneClaim}[name]()

    monkeypatch.setattr(pipeline, "create_stage", stage)
    empty = tmp_path / "empty"
    empty.mkdir()
    report = ClaimMap(tmp_path / "e.db").analyze([str(empty)])
    assert report.read == 0 and not report.consolidated
    assert report.consolidation_error is None
