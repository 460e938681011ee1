"""Cross-article flags on illustrative scenarios (tests/fixtures/consolidate/scenarios.py):
not real reporting."""

from __future__ import annotations

import dataclasses

from claimmap.consolidate import ClaimConsolidator
from claimmap.consolidate.flags import garbled_places, quote_attribution, unidentifiable_speakers
from claimmap.consolidate.personas import collect, inconsistent, uncorroborated
from claimmap.model import Flag, Span
from claimmap.stages import ConsolidationResult
from fixtures.consolidate import scenarios as s


def consolidate(**kwargs: object) -> ConsolidationResult:
    return ClaimConsolidator().consolidate(
        s.articles(), kwargs.get("mentions", []), kwargs.get("claims", []), s.PLACES,  # type: ignore[arg-type]
        kwargs.get("article_flags", ()),  # type: ignore[arg-type]
    )


def kinds(result: ConsolidationResult) -> dict[str, list[Flag]]:
    out: dict[str, list[Flag]] = {}
    for flag in result.flags:
        out.setdefault(flag.kind, []).append(flag)
    return out


def test_persona_with_changed_occupation_is_flagged_with_evidence() -> None:
    flags = kinds(consolidate())["persona_inconsistent"]
    assert len(flags) == 1
    flag = flags[0]
    assert flag.article_ids == ("c_rewrite", "d_independent")
    assert "occupation" in flag.detail and "nurse" in flag.detail and "teacher" in flag.detail
    for span in flag.evidence:
        assert s.TEXTS[span.article_id][0][span.start : span.end] == span.text


def test_persona_from_article_flags_with_other_surname() -> None:
    from_extractor = Flag(
        "quoted_private_individual", ("e_other_side",),
        "persona: name=Anna Petrenko; age=41; occupation=nurse",
        (Span("e_other_side", 0, 3, s.TEXTS["e_other_side"][0][:3]),),
    )
    personas = collect(s.articles(), [from_extractor])
    flag = inconsistent(personas)[0]
    assert "surname" in flag.detail
    assert flag.article_ids == ("c_rewrite", "d_independent", "e_other_side")


def test_persona_without_nearby_quote_is_ignored() -> None:
    plain = dataclasses.replace(
        s.article("f_unrelated"),
        text="Olga Marchenko, a 41-year-old farmer, planted wheat near Hilltown this week.",
    )
    assert collect([plain], []) == []


def test_private_individual_found_nowhere_else() -> None:
    personas = collect(s.articles(), [])
    only_one = [p for p in personas if p.article_id == "c_rewrite"]
    origins = {a.id: a.id for a in s.articles()}
    # Anna Korol is named in two independent articles: not uncorroborated.
    assert uncorroborated(only_one, s.articles(), origins) == []
    # Within one story only, she is.
    one_story = dict.fromkeys(origins, "a_origin")
    flags = uncorroborated(only_one, s.articles(), one_story)
    assert [f.kind for f in flags] == ["private_individual_uncorroborated"]


def test_place_garbled_differently_in_two_articles() -> None:
    mentions = [
        s.mention("d_independent", "Nordgrad", s.NORTHGRAD, "fuzzy name match (0.88)"),
        s.mention("c_rewrite", "Northgrad", s.NORTHGRAD, "alias stated in text"),
        s.mention("a_origin", "Northgrad", s.NORTHGRAD, "exact name"),
    ]
    flags = garbled_places(mentions, s.PLACES)
    # The correct main name resolved through an alias is not garbled.
    assert [f.kind for f in flags] == ["garbled_place_name"]
    assert flags[0].evidence[0].text == "Nordgrad"
    weird = dataclasses.replace(mentions[1], text="Northgrd")
    flags = garbled_places([mentions[0], weird], s.PLACES)
    assert [f.kind for f in flags] == ["garbled_place_inconsistent"]
    assert flags[0].article_ids == ("c_rewrite", "d_independent")


def test_gazetteer_check_decides_what_is_garbled() -> None:
    mention = s.mention("d_independent", "Nordgrad", s.NORTHGRAD, "fuzzy name match (0.88)")
    assert garbled_places([mention], s.PLACES, known=lambda text, pid: "exact") == []
    assert garbled_places([mention], s.PLACES, known=lambda text, pid: "variant") == []
    assert len(garbled_places([mention], s.PLACES, known=lambda text, pid: "unknown")) == 1
    # No gazetteer answer: falls back to the geoparser's reason.
    assert len(garbled_places([mention], s.PLACES, known=lambda text, pid: None)) == 1


def test_variant_elsewhere_makes_the_garbling_inconsistent() -> None:
    garbled = s.mention("d_independent", "Nordgrad", s.NORTHGRAD, "exact name")
    variant = s.mention("c_rewrite", "Northgrad", s.NORTHGRAD, "exact name")
    verdicts = {"Nordgrad": "unknown", "Northgrad": "variant"}
    flags = garbled_places([garbled, variant], s.PLACES, known=lambda t, pid: verdicts[t])
    assert [f.kind for f in flags] == ["garbled_place_inconsistent"]
    assert {e.text for e in flags[0].evidence} == {"Nordgrad", "Northgrad"}
    # Variants alone are not flagged.
    assert garbled_places([variant], s.PLACES, known=lambda t, pid: verdicts[t]) == []


def test_rewrite_adds_number_and_quote_absent_from_origin() -> None:
    flags = kinds(consolidate())["rewrite_adds_detail"]
    assert [f.article_ids for f in flags] == [("c_rewrite", "a_origin")]
    texts = {span.text for span in flags[0].evidence}
    assert "350" in texts
    assert any("terrified" in t for t in texts)
    assert not any("completed the task" in t for t in texts)  # the origin has that quote


def test_unidentifiable_speaker() -> None:
    anonymous = s.claim("e_other_side:q", "e_other_side", "The claims of capture are false",
                        type_="statement", place=None, claimant_side="ukraine",
                        speaker="a military source", quote="The claims of capture are false")
    named = s.claim("a_origin:q", "a_origin", "the ministry spokesman Ivan Sidorenko",
                    type_="statement", place=None, speaker="Ivan Sidorenko",
                    quote="Our units have completed the task")
    flags = unidentifiable_speakers([anonymous, named])
    assert [f.article_ids for f in flags] == [("e_other_side",)]
    assert flags[0].evidence[0].text == "The claims of capture are false"


def test_one_quote_given_to_two_speakers() -> None:
    quote = "Our units have completed the task"
    a = s.claim("a:q", "a_origin", quote, type_="statement", speaker="Ivan Sidorenko", quote=quote)
    c = s.claim("c:q", "c_rewrite", quote, type_="statement", speaker="Petro Hrytsenko",
                quote=quote)
    flags = quote_attribution([a, c])
    assert len(flags) == 1 and flags[0].article_ids == ("a_origin", "c_rewrite")
    same = dataclasses.replace(c, speaker="Ivan Sidorenko")
    assert quote_attribution([a, same]) == []


def test_flags_are_sorted_and_repeatable() -> None:
    first, second = consolidate(), consolidate()
    assert first.flags == second.flags
    assert list(first.flags) == sorted(first.flags, key=lambda f: (f.kind, f.article_ids, f.detail))
