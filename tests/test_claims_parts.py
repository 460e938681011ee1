"""Claim extraction, part by part: sentences, quotations, dates, quantities, sides,
people, the ACLED table, and the fast trigger scan. Texts here are illustrative."""

from __future__ import annotations

import pytest

from claimmap.claims import acled
from claimmap.claims.actors import find_parties, side_of
from claimmap.claims.dates import find_dates
from claimmap.claims.lexicon import TRIGGERS, trigger_matches
from claimmap.claims.people import PeopleIndex, find_people
from claimmap.claims.quantities import find_quantities
from claimmap.claims.segment import quotes, sentences
from claimmap.model import DateValue, Quantity


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Gen. Ivan Petrov spoke at 9 a.m. on Monday. Troops left.\nA new line follows"
    found = sentences(text)
    assert [s.text for s in found] == [
        "Gen. Ivan Petrov spoke at 9 a.m. on Monday.",
        "Troops left.",
        "A new line follows",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_stop_with_its_space_lost_still_ends_a_sentence() -> None:
    text = "Troops left Kiev.In the north, shelling went on. See gazeta.ru for more."
    assert [s.text for s in sentences(text)] == [
        "Troops left Kiev.",
        "In the north, shelling went on.",
        "See gazeta.ru for more.",
    ]


def test_quotes_do_not_close_on_apostrophes() -> None:
    text = "‘We’re staying, it’s our town,’ she said. ‘Putin’s men came.’ Then 'quiet'."
    found = [text[q.inner_start : q.inner_end] for q in quotes(text)]
    assert found == ["We’re staying, it’s our town,", "Putin’s men came.", "quiet"]


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on December 1", None, DateValue("--12-01", "day_no_year")),
        ("on December 1st", "2025-12-03", DateValue("2025-12-01", "day")),
        ("on 30 December", "2026-01-02T10:00:00Z", DateValue("2025-12-30", "day")),
        ("on 1 December 2024", None, DateValue("2024-12-01", "day")),
        ("yesterday", "2025-03-10", DateValue("2025-03-09", "day")),
        ("on Monday", "2025-03-13", DateValue("2025-03-10", "day")),
        ("in March 2023", None, DateValue("2023-03", "month")),
    ],
)
def test_dates(phrase: str, published: str | None, expected: DateValue) -> None:
    text = f"Troops attacked the town {phrase}, officials said."
    found = find_dates(text, 0, len(text), published)
    assert [f.value for f in found] == [expected]


def test_relative_date_without_publication_is_left_out_and_history_is_no_date() -> None:
    text = "The town was shelled yesterday; the war has gone on since 2014."
    assert find_dates(text, 0, len(text), None) == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("up to 495 soldiers killed", Quantity(495, "up to", "killed")),
        ("more than 40 attacks", Quantity(40, "more than", "attacks")),
        ("thousands of soldiers are stranded", Quantity(None, "thousands", "stranded")),
        ("at least 1,200 troops wounded", Quantity(1200, "at least", "wounded")),
        ("two tanks", Quantity(2, None, "tanks")),
    ],
)
def test_quantities(phrase: str, expected: Quantity) -> None:
    text = f"Officials reported {phrase} near the river."
    assert [f.quantity for f in find_quantities(text, 0, len(text))] == [expected]


def test_distances_ages_and_years_are_not_quantities() -> None:
    text = "A village 16 kilometers away; a 52-year-old man; in 2014 soldiers came."
    assert find_quantities(text, 0, len(text)) == []


def test_parties_keep_the_body_as_named() -> None:
    text = "The Russian Ministry of Defense said units of the ‘Center’ group of forces advanced."
    found = find_parties(text, 0, len(text))
    assert [(f.party.side, f.party.name) for f in found] == [
        ("russia", "Russian Ministry of Defense"),
        ("russia", "‘Center’ group of forces"),
    ]


@pytest.mark.parametrize(
    ("description", "side"),
    [
        ("Chief of the General Staff Valery Gerasimov", "russia"),
        ("a spokesperson for the Ukrainian Defense Ministry", "ukraine"),
        ("Alexander Petrenko, an analyst, told TASS", "russia"),
        ("NATO officials", "other"),
        ("a local farmer", "unknown"),
    ],
)
def test_side_of(description: str, side: str) -> None:
    assert side_of(description) == side


def test_people_register_role_and_resolve_surname() -> None:
    text = (
        "Colonel Ivan Sidorenko, a retired artillery officer, spoke first. "
        "Defence Minister Anna Kovalenko replied. Later Sidorenko added more."
    )
    people = find_people(text, blocked=[])
    index = PeopleIndex(people)
    colonel = index.find("Later Sidorenko")
    assert colonel is not None and colonel.name == "Ivan Sidorenko"
    assert colonel.role == "a retired artillery officer"
    minister = index.find("Kovalenko")
    assert minister is not None and minister.role == "Defence Minister"


def test_acled_table_is_complete() -> None:
    subs = [s for group in acled.TAXONOMY.values() for s in group]
    assert len(acled.TAXONOMY) == 6
    assert len(subs) == 25 == len(set(subs))


@pytest.mark.parametrize(
    ("claim_type", "clause", "side", "expected"),
    [
        ("control_change", "Russian troops captured the village", "russia",
         ("Battles", "Non-state actor overtakes territory")),
        ("control_change", "Ukrainian forces retook the village", "ukraine",
         ("Battles", "Government regains territory")),
        ("control_change", "the town was handed over without a fight", "russia",
         ("Strategic developments", "Non-violent transfer of territory")),
        ("control_change", "Ukrainian troops withdrew from the town", "ukraine",
         ("Battles", "Non-state actor overtakes territory")),
        ("strike", "a drone hit a bus", None, ("Explosions/Remote violence", "Air/drone strike")),
        ("strike", "artillery shelling of the port", None,
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("strike", "a car hit a landmine", None,
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("interception", "air defences shot down drones", None,
         ("Strategic developments", "Disrupted weapons use")),
        ("civilian_harm", "villagers were abducted", None,
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("protest", "police dispersed the protest", None,
         ("Protests", "Protest with intervention")),
        ("riot", "a mob attacked the office", None, ("Riots", "Mob violence")),
        ("statement", "he said", None, (None, None)),
    ],
)  # fmt: skip
def test_acled_mapping(
    claim_type: str, clause: str, side: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert acled.acled_for(claim_type, clause, side) == expected  # type: ignore[arg-type]
    if expected[0] is not None:
        assert expected[1] in acled.TAXONOMY[expected[0]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian troops captured the village on Monday.", ["captured"]),
        ("Ukrainian troops withdrew from the town.", ["withdrew"]),
        ("Tanks captured from the enemy were shown in the square.", []),
        ("They captured 20 soldiers near the river.", []),
        ("Moscow decided to withdraw from the grain deal.", []),
        ("He entered the hall and the talks began.", []),
        ("Life in the temporarily occupied territories is hard.", []),
    ],
)
def test_control_change_triggers(sentence: str, expected: list[str]) -> None:
    pattern = dict(TRIGGERS)["control_change"]
    assert [m.group(0) for m in pattern.finditer(sentence)] == expected


def test_fast_trigger_scan_finds_what_a_full_scan_finds() -> None:
    text = (
        "Russian forces captured two villages and repelled 12 counter-attacks, while drones "
        "struck Kharkiv. Ukraine said air defences shot down 30 drones; 4 civilians were "
        "killed and residents were evacuated. Police detained protesters at a rally. "
        "The minister visited the front and met with commanders. Troops withdrew."
    )
    fast = {(kind, start, end) for _rank, kind, start, end in trigger_matches(text)}
    full = {(k, m.start(), m.end()) for k, pattern in TRIGGERS for m in pattern.finditer(text)}
    assert full <= fast
    for kind, start, end in fast - full:  # only words inside a longer match of the type
        assert any(k == kind and s <= start and end <= e for k, s, e in full)
    assert {kind for kind, _s, _e in fast} >= {
        "control_change", "attack_repelled", "strike", "interception", "casualties",
        "civilian_impact", "arrest", "protest", "visit", "meeting",
    }  # fmt: skip
