"""Consolidation over the shared seed articles (../shared/seeds), through the real
geoparsing and claim-extraction stages. Skipped when the seeds or a stage are
absent. Nothing here depends on the seeds' exact sentences: only on the place name
and on what any correct consolidation of them must find."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from claimmap.consolidate import create_consolidator
from claimmap.errors import ClaimmapError
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Analysis, Article, Event, Span


def _factory(module: str, name: str) -> object:
    try:
        return getattr(importlib.import_module(module), name)()
    except (ImportError, AttributeError) as exc:
        pytest.skip(f"{module}.{name} is not available yet: {exc}")
    except ClaimmapError as exc:
        pytest.skip(f"{module}.{name} cannot start here: {exc}")


@pytest.fixture(scope="module")
def analysis(request: pytest.FixtureRequest) -> Analysis:
    seeds: Path = request.getfixturevalue("seeds_module")
    geoparser = _factory("claimmap.geoparse", "create_geoparser")
    extractor = _factory("claimmap.claims", "create_extractor")
    articles, mentions, claims, places = [], [], [], {}
    for path in sorted(seeds.glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8"))
        article = Article(path.stem, text, content_hash(text))
        geo = geoparser.parse(article)  # type: ignore[attr-defined]
        found = {p.id: p for p in geo.places}
        places.update(found)
        extracted = extractor.extract(article, geo.mentions, found)  # type: ignore[attr-defined]
        articles.append(article)
        mentions.extend(geo.mentions)
        claims.extend(extracted.claims)
    result = create_consolidator().consolidate(articles, mentions, claims, places)
    return Analysis(tuple(articles), tuple(places.values()), tuple(mentions), tuple(claims),
                    result.events, result.flags, result.origins)


@pytest.fixture(scope="module")
def seeds_module() -> Path:
    from conftest import seeds_dir

    path = seeds_dir()
    if path is None:
        pytest.skip("seed articles not found: set CLAIMMAP_SEEDS or place them in ../shared/seeds")
    return path


def _capture(analysis: Analysis) -> Event:
    names = {p.id: p.name for p in analysis.places}
    found = [
        e for e in analysis.events
        if e.type == "control_change" and names.get(e.place_id or "") == "Pokrovsk"
    ]
    assert found, "no capture event placed at Pokrovsk"
    return max(found, key=lambda e: len(e.article_ids))


def _check_span(analysis: Analysis, span: Span) -> None:
    text = {a.id: a.text for a in analysis.articles}[span.article_id]
    assert text[span.start : span.end] == span.text


def test_capture_is_one_event_across_articles(analysis: Analysis) -> None:
    event = _capture(analysis)
    assert len(event.article_ids) >= 4
    assert event.status in ("one_sided", "contested")
    claims = {c.id: c for c in analysis.claims}
    for claim_id in event.contested_by:
        assert claims[claim_id].claimant_side == "ukraine"
    assert "Pokrovsk" in event.summary


def test_briefing_date_disagreement_is_listed_with_evidence(analysis: Analysis) -> None:
    event = _capture(analysis)
    dates = [c for c in event.contradictions if c.field == "date"]
    assert dates, event.summary
    values = {v.value for v in dates[0].values}
    assert {"--11-30", "--12-01"} <= values
    for value in dates[0].values:
        for span in value.evidence:
            _check_span(analysis, span)


def test_persona_reused_across_articles_is_flagged(analysis: Analysis) -> None:
    flags = [f for f in analysis.flags if f.kind == "persona_inconsistent"]
    assert len(flags) == 1 and len(flags[0].article_ids) == 2
    for flag in analysis.flags:
        for span in flag.evidence:
            _check_span(analysis, span)


def test_same_seeds_same_output(analysis: Analysis) -> None:
    places = {p.id: p for p in analysis.places}
    again = create_consolidator().consolidate(
        analysis.articles, analysis.mentions, analysis.claims, places
    )
    assert again.events == analysis.events and again.flags == analysis.flags
