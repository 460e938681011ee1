"""ACLED event types and sub-event types, and how a claim is mapped onto them.

ACLED's taxonomy (ACLED Codebook, 2023/2024, acleddata.com): 6 event types, 25
sub-event types, listed in full in :data:`TAXONOMY` so exports can name any of them.
The rules (documented in docs/claims.md) are:

* control changes: a state's forces taking a location held by another state's forces
  are coded like ACLED's "Non-state actor overtakes territory", whose definition covers
  non-state *or foreign state* actors acquiring control through armed interaction; a
  government retaking its own territory is "Government regains territory"; a handover
  with no fighting is "Non-violent transfer of territory";
* remote violence is split by weapon (drone/air, shelling/artillery/missile, mine/IED,
  grenade, chemical, suicide bomb), also when civilians are hit;
* interceptions of drones and missiles are "Disrupted weapons use";
* statements, briefings, visits, meetings and denials are not ACLED events: None.
"""

from __future__ import annotations

import re

from claimmap.model import Side

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: (
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    ),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip

Acled = tuple[str | None, str | None]
NONE: Acled = (None, None)

#: Weapon words -> remote-violence sub-event type, most specific first.
_WEAPONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (sub, re.compile(pattern, re.IGNORECASE))
    for sub, pattern in (
        ("Chemical weapon", r"\b(?:chemical|chloropicrin|tear gas|toxic gas|poison gas)\b"),
        ("Suicide bomb", r"\bsuicide (?:bomb|attack|car)"),
        (
            "Remote explosive/landmine/IED",
            r"\b(?:landmines?|anti-(?:tank|personnel) mines?|IEDs?|explosive devices?|booby)",
        ),
        ("Grenade", r"\bgrenades?\b"),
        (
            "Shelling/artillery/missile attack",
            r"\b(?:shell\w*|artillery|missiles?|rockets?|MLRS|mortars?|Iskander|Kalibr|HIMARS|"
            r"ATACMS|Storm Shadow|howitzers?|Grad)\b",
        ),
        (
            "Air/drone strike",
            r"\b(?:drones?|UAVs?|Shahed|Geran|Lancet|airstrikes?|air strikes?|aerial|aircraft|"
            r"aviation|glide bombs?|bomb(?:ed|ing|s)?|warplanes?|jets?)\b",
        ),
    )
)
_NON_VIOLENT = re.compile(
    r"\bwithout (?:a )?(?:fight|fighting|resistance)\b|\bhanded over\b|\bhandover\b", re.I
)
_CIVILIANS = re.compile(r"\b(?:civilians?|residents|children|women|villagers)\b", re.I)
_SEXUAL = re.compile(r"\b(?:rap(?:e|ed)|sexual)\b", re.I)
_ABDUCT = re.compile(r"\b(?:abduct\w*|kidnapp\w*|deport\w*|disappear\w*|forcibly)\b", re.I)
_PROTEST_FORCE = re.compile(r"\b(?:fired on|beat(?:en)?|killed|shot)\b", re.I)
_PROTEST_STOP = re.compile(r"\b(?:dispersed|detained|arrested|broke up)\b", re.I)
_RETREAT = re.compile(r"\b(?:withdr[ae]w\w*|retreat\w*|fell to|fall of)\b", re.I)


def remote_sub_event(clause: str) -> str | None:
    for sub, pattern in _WEAPONS:
        if pattern.search(clause):
            return sub
    return None


def _control(clause: str, actor: Side | None) -> Acled:
    if _NON_VIOLENT.search(clause):
        return STRATEGIC, "Non-violent transfer of territory"
    gainer = actor
    if _RETREAT.search(clause) and actor in ("russia", "ukraine"):
        gainer = "ukraine" if actor == "russia" else "russia"
    if gainer == "ukraine":
        return BATTLES, "Government regains territory"
    if gainer == "russia":
        return BATTLES, "Non-state actor overtakes territory"
    return BATTLES, "Armed clash"


def _casualties(clause: str) -> Acled:
    weapon = remote_sub_event(clause)
    if weapon is not None:
        return REMOTE, weapon
    if _CIVILIANS.search(clause):
        return VAC, "Attack"
    return BATTLES, "Armed clash"


def _civilian_harm(clause: str) -> Acled:
    if _SEXUAL.search(clause):
        return VAC, "Sexual violence"
    if _ABDUCT.search(clause):
        return VAC, "Abduction/forced disappearance"
    return VAC, "Attack"


def _protest(clause: str) -> Acled:
    if _PROTEST_FORCE.search(clause):
        return PROTESTS, "Excessive force against protesters"
    if _PROTEST_STOP.search(clause):
        return PROTESTS, "Protest with intervention"
    return PROTESTS, "Peaceful protest"


_FIXED: dict[str, Acled] = {
    "encirclement": (BATTLES, "Armed clash"),
    "offensive": (BATTLES, "Armed clash"),
    "attack_repelled": (BATTLES, "Armed clash"),
    "interception": (STRATEGIC, "Disrupted weapons use"),
    "property_destruction": (STRATEGIC, "Looting/property destruction"),
    "arrest": (STRATEGIC, "Arrests"),
    "agreement": (STRATEGIC, "Agreement"),
    "group_change": (STRATEGIC, "Change to group/activity"),
    "base_established": (STRATEGIC, "Headquarters or base established"),
    "civilian_impact": (STRATEGIC, "Other"),
}


def acled_for(claim_type: str, clause: str, actor: Side | None) -> Acled:
    """ACLED (event type, sub-event type) for a claim, or (None, None) when the claim is
    not an ACLED event (statements, briefings, visits, meetings, denials)."""
    if claim_type == "control_change":
        return _control(clause, actor)
    if claim_type in ("casualties", "equipment_loss"):
        return _casualties(clause)
    if claim_type == "strike":
        return REMOTE, remote_sub_event(clause) or "Shelling/artillery/missile attack"
    if claim_type == "civilian_harm":
        return _civilian_harm(clause)
    if claim_type == "protest":
        return _protest(clause)
    if claim_type == "riot":
        return RIOTS, "Mob violence" if re.search(r"\b(?:mob|lynch)", clause, re.I) else (
            "Violent demonstration"
        )
    return _FIXED.get(claim_type, NONE)
