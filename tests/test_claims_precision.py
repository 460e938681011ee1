"""Error classes found by reading a seeded sample of claims on real news (see
docs/benchmarks.md, "Claims"): one test per class. Every text here is illustrative,
written for the test; mentions are built by hand (no geoparser)."""

from __future__ import annotations

from claimmap.claims import create_extractor
from claimmap.ingest.text import content_hash, normalise
from claimmap.model import Article, Claim, Mention, Place

PLACES = {
    "Moscow": Place("test:moscow", "Moscow", "populated_place", 55.8, 37.6),
    "Kyiv": Place("test:kyiv", "Kyiv", "populated_place", 50.5, 30.5),
    "Toretsk": Place("test:toretsk", "Toretsk", "populated_place", 48.4, 37.8),
    "Kharkiv": Place("test:kharkiv", "Kharkiv", "populated_place", 50.0, 36.2),
}


def claims_of(text: str, published: str | None = "2024-03-06T10:00:00Z") -> tuple[Claim, ...]:
    text = normalise(text)
    art = Article("p1", text, content_hash(text), published=published)
    found = []
    for name, place in PLACES.items():
        start = text.find(name)
        while start != -1:
            found.append(Mention(art.id, start, start + len(name), name, place.id, 0.9, "test"))
            start = text.find(name, start + 1)
    places = {p.id: p for p in PLACES.values()}
    return create_extractor().extract(art, sorted(found, key=lambda m: m.start), places).claims


def of_type(claims: tuple[Claim, ...], kind: str) -> list[Claim]:
    return [c for c in claims if c.type == kind]


def test_a_capital_standing_for_its_government_is_not_the_place() -> None:
    claims = claims_of(
        "Moscow has repeatedly denied it is planning an assault. "
        "Kyiv warned of new attacks near Toretsk. "
        "Talks with Moscow on the capture of prisoners stalled. "
        "Officials said Moscow had regularly used tear gas. "
        "Missiles struck Kyiv's suburbs overnight."
    )
    denial = of_type(claims, "denial")[0]
    assert denial.place_id is None
    offensive = [c for c in of_type(claims, "offensive") if "new attacks" in c.evidence.text]
    assert offensive[0].place_id == "test:toretsk"
    assert all(c.place_id != "test:moscow" for c in claims)
    strike = [c for c in of_type(claims, "strike") if "suburbs" in c.evidence.text]
    assert strike[0].place_id == "test:kyiv"


def test_a_relative_or_later_clause_claimant_does_not_own_an_earlier_claim() -> None:
    claims = claims_of(
        "The capture of Toretsk has drawn attention from Ukrainian officials, who warned of "
        "an escalation. "
        "Missiles struck Kharkiv overnight; rescuers say the search goes on. "
        "Drones were shot down over Toretsk hours after Tom Reed had announced new aid. "
        "Russian forces captured Kharkiv, Ukrainian officials said."
    )
    capture, later = of_type(claims, "control_change")
    assert (capture.claimant, capture.claimant_side, capture.modality) == (
        None, "unknown", "asserted",
    )  # fmt: skip
    assert of_type(claims, "strike")[0].claimant is None
    assert of_type(claims, "interception")[0].claimant is None
    assert later.claimant == "Ukrainian officials"  # a clause-final claimant still counts
    warned = [c for c in of_type(claims, "statement") if "warned" in c.evidence.text]
    assert warned and warned[0].claimant == "Ukrainian officials"


def test_idioms_and_non_violent_senses_are_not_claims() -> None:
    claims = claims_of(
        "The convoy left in the dead of night. "
        "The warrant is subject to execution in 120 countries. "
        "Staff executed the plan on time. "
        "The army split its brigades across two axes of advance. "
        "Forecasts for advanced economies were revised. "
        "The exhibition shows equipment captures from the front. "
        "Soldiers were killed near Toretsk, and prisoners were executed."
    )
    assert [c.type for c in claims if c.type != "statement"] == ["casualties", "civilian_harm"]


def test_distant_history_and_link_text_are_not_claims() -> None:
    claims = claims_of(
        "It would be the first nuclear attack since bombs fell on cities 80 years ago. "
        "Read the report of the agency: Russia's attack on Kharkiv. "
        "In 2014, the war began with the seizure of Toretsk. "
        "Russian forces attacked Kharkiv on Monday."
    )
    attacks = of_type(claims, "offensive")
    assert [c.evidence.text for c in attacks] == ["Russian forces attacked Kharkiv on Monday."]


def test_an_adjective_is_not_a_reporting_verb_and_more_verbs_are() -> None:
    claims = claims_of(
        "Overall, the army has an estimated 900,000 soldiers. "
        "Shelling hit Kharkiv overnight - explains Dr. Ivan Petrenko, a surgeon. "
        "Zelensky's continued leadership of Ukraine. "
        "The alliance condemned the attack on Kharkiv."
    )
    said = " ".join(c.evidence.text for c in of_type(claims, "statement"))
    assert "estimated" not in said and "leadership" not in said
    assert of_type(claims, "strike")[0].claimant == "Ivan Petrenko, a surgeon"
    assert of_type(claims, "offensive")[0].claimant == "The alliance"


def test_third_country_claimants_are_on_the_other_side() -> None:
    claims = claims_of(
        "The head of British diplomacy said Russian forces shelled Kharkiv. "
        "Polish Deputy Interior Minister Marek Nowak said Ukrainian forces struck Toretsk. "
        "The Australian prime minister, Tom Fields, said missiles struck Kharkiv. "
        "Estonia's foreign minister said drones struck Kyiv."
    )
    sides = [c.claimant_side for c in of_type(claims, "strike")]
    assert sides == ["other"] * 4
    embassy = claims_of("The Russian embassy at the UN said drones struck Kharkiv.")
    assert of_type(embassy, "strike")[0].claimant_side == "russia"


def test_a_weekday_after_will_is_ahead_of_publication() -> None:
    # 2024-04-22 is a Monday: "will visit ... on Tuesday" is the 23rd, "on Friday" the 19th.
    claims = claims_of(
        "The prime minister will visit Kharkiv on Tuesday. Putin visited Toretsk on Friday. "
        "Russia plans to attack, but its troops shelled Kharkiv on Sunday. "
        "In May 2023, a delegation visited Kyiv.",
        published="2024-04-22T08:00:00Z",
    )
    assert [c.date.value for c in of_type(claims, "visit")] == [
        "2024-04-23", "2024-04-19", "2023-05",
    ]  # fmt: skip
    assert of_type(claims, "strike")[0].date.value == "2024-04-21"  # the cue is another clause


def test_warrants_seized_assets_and_link_visits_are_not_events() -> None:
    claims = claims_of(
        "The court issued an arrest warrant for the general. "
        "Officials are seizing the assets of oligarchs. "
        "For more information, please visit our website. "
        "Leaders met to rally international support. "
        "Police arrested two men in Kharkiv, and troops seized Toretsk."
    )
    kinds = sorted(c.type for c in claims if c.type != "statement")
    assert kinds == ["arrest", "control_change"]


def test_a_role_after_the_verb_is_the_claimant() -> None:
    claims = claims_of(
        "Their goal is Kyiv - said the President of the United States Tom Reed. "
        "Russia shelled Kharkiv again - explained the representative of the US Treasury."
    )
    assert of_type(claims, "strike")[0].claimant == (
        "the representative of the US Treasury"
    )  # fmt: skip
    goal = [c for c in claims if "goal" in c.evidence.text]
    assert goal and goal[0].claimant == "Tom Reed"
    assert goal[0].place_id is None  # "their goal is Kyiv": no event at Kyiv


def test_prevented_and_impending_events_are_not_asserted() -> None:
    claims = claims_of(
        "Ukrainian troops fought to prevent the capture of Toretsk. "
        "Sirens warned of an impending assault on Kharkiv."
    )
    assert of_type(claims, "control_change")[0].modality == "hypothetical"
    assert of_type(claims, "offensive")[0].modality == "planned"
