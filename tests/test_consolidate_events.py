"""Events, status, contradictions and summaries on illustrative scenarios
(tests/fixtures/consolidate/scenarios.py): not real reporting."""

from __future__ import annotations

import dataclasses
import random

from claimmap.consolidate import ClaimConsolidator, create_consolidator
from claimmap.consolidate.dates import display, month_day_distance
from claimmap.consolidate.events import EventParams, cluster, family
from claimmap.model import DateValue, Event, Party, Quantity
from claimmap.stages import ConsolidationResult, Consolidator
from fixtures.consolidate import scenarios as s


def run(claims: list, ids: tuple[str, ...] = ()) -> ConsolidationResult:  # type: ignore[type-arg]
    return ClaimConsolidator().consolidate(s.articles(*ids), [], claims, s.PLACES)


def capture_event(result: ConsolidationResult) -> Event:
    found = [e for e in result.events if "a_origin:c1" in e.claim_ids]
    assert len(found) == 1
    return found[0]


def test_factory_satisfies_the_stage_interface() -> None:
    consolidator: Consolidator = create_consolidator()
    assert isinstance(consolidator.consolidate([], [], [], {}), ConsolidationResult)


def test_capture_is_one_event_with_two_independent_origins() -> None:
    event = capture_event(run(s.capture_claims()))
    assert event.claim_ids == tuple(sorted(c.id for c in s.capture_claims()))
    assert event.article_ids == ("a_origin", "b_copy", "c_rewrite", "d_independent")
    assert event.origin_ids == ("a_origin", "d_independent")
    assert event.independent_origins == 2
    assert event.place_id == s.NORTHGRAD.id
    assert event.status == "one_sided"
    assert event.claimant_sides == ("russia",)


def test_rewrites_alone_are_single_source() -> None:
    event = capture_event(run(s.capture_claims()[:3]))
    assert event.independent_origins == 1
    assert event.status == "single_source"


def test_counterclaim_contests_and_is_named() -> None:
    result = run([*s.capture_claims(), s.counterclaim()])
    event = capture_event(result)
    assert event.status == "contested"
    assert event.contested_by == ("e_other_side:c1",)
    assert "contested by Ukraine" in event.summary
    assert "e_other_side:c1" not in event.claim_ids


def test_counterclaim_outside_window_does_not_contest() -> None:
    late = dataclasses.replace(s.counterclaim(), date=DateValue("2024-04-20", "day"))
    event = capture_event(run([*s.capture_claims(), late]))
    assert event.status == "one_sided" and event.contested_by == ()


def test_counterclaim_without_place_uses_nearby_mention() -> None:
    placeless = dataclasses.replace(s.counterclaim(), place_id=None)
    near = s.mention("e_other_side", "Northgrad", s.NORTHGRAD)
    result = ClaimConsolidator().consolidate(
        s.articles(), [near], [*s.capture_claims(), placeless], s.PLACES
    )
    assert capture_event(result).contested_by == ("e_other_side:c1",)


def test_both_sides_corroborate() -> None:
    admitted = dataclasses.replace(s.counterclaim(), type="control_change", id="e_other_side:c2",
                                   evidence=s.evidence("e_other_side", "near Northgrad"))
    event = capture_event(run([*s.capture_claims(), admitted]))
    assert event.status == "corroborated"
    assert event.claimant_sides == ("russia", "ukraine")


def test_date_disagreement_is_a_contradiction_with_evidence() -> None:
    event = capture_event(run(s.capture_claims()))
    dates = [c for c in event.contradictions if c.field == "date"]
    assert len(dates) == 1
    first, second = dates[0].values
    assert (first.value, first.article_ids) == ("--03-01", ("a_origin", "b_copy", "d_independent"))
    assert (second.value, second.article_ids) == ("--02-29", ("c_rewrite",))
    assert second.evidence[0].text == "completing the operation on February 29"
    assert event.date == DateValue("2024-03-01", "day")
    assert "date given as 29 Feb in one article" in event.summary


def test_summary_uses_gazetteer_name_and_counts() -> None:
    event = capture_event(run(s.capture_claims()))
    assert event.summary.startswith("Russia claims capture of Northgrad, Lake Oblast, 1 Mar 2024")
    assert "4 articles, 2 origins, one side" in event.summary
    assert event.summary.endswith(".")


def test_summary_says_when_the_place_was_not_resolved() -> None:
    unplaced = [dataclasses.replace(c, place_id=None, mention_start=None)
                for c in s.capture_claims()]
    summaries = [e.summary for e in run(unplaced).events if e.type == "control_change"]
    assert summaries and all("capture of a place not resolved" in t for t in summaries)


def test_number_disagreement() -> None:
    q1 = dataclasses.replace(s.capture_claims()[0], id="x1", type="casualties",
                             quantity=Quantity(350, "up to", "killed"))
    q2 = dataclasses.replace(s.capture_claims()[3], id="x2", type="casualties",
                             quantity=Quantity(200, "about", "killed"))
    event = next(e for e in run([q1, q2]).events if "x1" in e.claim_ids)
    numbers = [c for c in event.contradictions if c.field == "number"]
    assert [v.value for v in numbers[0].values] == ["about 200 killed", "up to 350 killed"]


def test_dates_far_apart_are_separate_events() -> None:
    later = dataclasses.replace(s.capture_claims()[3], id="late", date=DateValue("--05-20",
                                                                              "day_no_year"))
    result = run([*s.capture_claims()[:3], later])
    assert len([e for e in result.events if e.type == "control_change"]) == 2


def test_other_actor_is_another_event() -> None:
    retaken = dataclasses.replace(s.capture_claims()[3], id="ua", actor=Party("ukraine"))
    result = run([*s.capture_claims()[:3], retaken])
    assert len(result.events) == 2


def test_oblast_level_claim_falls_back_to_the_one_event_in_its_oblast() -> None:
    vague = dataclasses.replace(s.capture_claims()[3], id="oblast", place_id=s.LAKE_OBLAST.id)
    result = run([*s.capture_claims()[:3], vague])
    assert len(result.events) == 1
    assert "oblast" in result.events[0].claim_ids
    assert any(c.field == "place" for c in result.events[0].contradictions)


def test_denied_modality_never_supports() -> None:
    denied = dataclasses.replace(s.capture_claims()[3], id="denied", modality="denied",
                                 claimant_side="ukraine")
    assert family(denied) == "denial"
    event = capture_event(run([*s.capture_claims()[:3], denied]))
    assert "denied" not in event.claim_ids
    assert event.contested_by == ("denied",)


def test_same_input_same_output_in_any_order() -> None:
    claims = [*s.capture_claims(), s.counterclaim(), s.unrelated_claim()]
    first = run(claims)
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    articles = s.articles()[::-1]
    second = ClaimConsolidator().consolidate(articles, [], shuffled, s.PLACES)
    assert first == second


def test_event_ids_stable_when_unrelated_articles_are_added() -> None:
    before = run(s.capture_claims(), ("a_origin", "b_copy", "c_rewrite", "d_independent"))
    after = run([*s.capture_claims(), s.unrelated_claim()])
    assert capture_event(before).id == capture_event(after).id
    assert len(after.events) == len(before.events) + 1


def test_clustering_is_blocked_by_place() -> None:
    claims = [
        dataclasses.replace(s.capture_claims()[0], id=f"r{i}", place_id=f"geonames:{i}")
        for i in range(50)
    ]
    clusters = cluster(claims, {}, {}, {}, EventParams())
    assert len(clusters) == 50


def test_month_day_compare_is_circular_and_displayed_without_year() -> None:
    assert month_day_distance((12, 31), (1, 1)) == 1
    assert display(DateValue("--12-01", "day_no_year")) == "1 Dec"
    assert display(DateValue("2025-11-30", "day")) == "30 Nov 2025"


def test_undated_claim_takes_the_date_of_the_adjacent_sentence_only() -> None:
    from claimmap.consolidate.context import carry_dates

    text = s.TEXTS["a_origin"][0]
    dated = s.claim("a:d", "a_origin",
                    "The ministry said the operation had been completed on March 1",
                    type_="briefing", place=None, date=s.day("--03-01"))
    next_one = s.claim("a:n", "a_origin", "and that engineers were clearing the central streets")
    far = s.claim("a:f", "a_origin", "the ministry spokesman Ivan Sidorenko told")
    carried = carry_dates([dated, next_one, far], {"a_origin": s.article("a_origin")})
    out = {c.id: c for c in carried}
    assert out["a:n"].date == DateValue("--03-01", "day_no_year")
    ev = out["a:n"].evidence
    assert text[ev.start : ev.end] == ev.text and ev.text.startswith("The ministry said")
    assert out["a:f"].date.precision == "unknown"
    assert out["a:d"] is dated


def test_own_sentence_date_outweighs_a_carried_one() -> None:
    from claimmap.consolidate.core import event_date

    a = dataclasses.replace(s.capture_claims()[0], date=s.day("--03-01"))
    b = dataclasses.replace(s.capture_claims()[3], date=s.day("--02-28"))
    assert event_date([a, b]) == s.day("--02-28")  # tie: the earliest
    assert event_date([a, b], carried=frozenset({b.id})) == s.day("--03-01")


def test_second_call_with_more_articles_equals_a_fresh_run() -> None:
    consolidator = ClaimConsolidator()
    first_ids = ("a_origin", "b_copy", "d_independent")
    consolidator.consolidate(
        s.articles(*first_ids), [], [c for c in s.capture_claims() if c.article_id in first_ids],
        s.PLACES,
    )
    claims = [*s.capture_claims(), s.counterclaim(), s.unrelated_claim()]
    incremental = consolidator.consolidate(s.articles(), [], claims, s.PLACES)
    assert incremental == ClaimConsolidator().consolidate(s.articles(), [], claims, s.PLACES)


def test_verbatim_sentence_in_two_stories_counts_once() -> None:
    copied = dataclasses.replace(
        s.capture_claims()[0], id="e_other_side:copy", article_id="e_other_side",
        evidence=dataclasses.replace(s.capture_claims()[0].evidence, article_id="e_other_side"),
    )
    claims = [*s.capture_claims()[:3], copied]
    # Two story origins, but both rest on one verbatim sentence of 5 words: too short.
    assert capture_event(run(claims)).independent_origins == 2
    long_text = "defence ministry said its northern group of forces had taken full control"
    longer = [dataclasses.replace(c, evidence=dataclasses.replace(c.evidence, text=long_text))
              for c in claims]
    event = capture_event(run(longer))
    assert event.origin_ids == ("a_origin", "e_other_side")
    assert event.independent_origins == 1 and event.status == "single_source"


def test_evidence_spans_that_start_together_have_one_order() -> None:
    """Two evidence spans of one article may start at the same sentence (one of them
    running on): the shorter comes first, whatever order a set gives them."""
    from claimmap.consolidate.contradictions import _span_order
    from claimmap.model import Span

    short, long = Span("a", 10, 40, "x" * 30), Span("a", 10, 90, "x" * 80)
    assert _span_order(short) < _span_order(long) < _span_order(Span("a", 11, 12, "x"))
    assert sorted({long, short}, key=_span_order) == [short, long]
