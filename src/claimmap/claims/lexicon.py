"""Word lists and patterns: claim triggers, modality cues, framing terms.

Each trigger pattern marks the word that makes a sentence a claim of that type. The
order matters where patterns overlap: the first type listed wins a span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

_NOT_PEOPLE = (
    r"(?!\s+(?:of\s+)?(?:\d[\d,]*\s+|\w+\s+){0,2}"
    r"(?:soldiers|servicem[ae]n|prisoners|troops|fighters|equipment|weapons?|tanks?|vehicles?"
    r"|military equipment))(?<!equipment captured)(?<!weapons captured)(?<!tanks captured)"
    r"(?<!vehicles captured)(?<!arms captured)"
    r"(?<!equipment captures)(?<!weapons captures)(?<!equipment capture)"
)
_EQUIPMENT = (
    r"(?:tanks?|vehicles?|armou?red personnel carriers?|APCs?|howitzers?|artillery (?:systems?|"
    r"pieces?)|aircraft|helicopters?|jets?|launchers?|radars?|ships?|boats?|infantry fighting "
    r"vehicles?|IFVs?)"
)

TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("attack_repelled", r"\b(?:repel(?:led|s|ling)?|repulsed|fought off|thwarted|beat back)\b"),
        ("interception", r"\b(?:shot down|intercepted|downed)\b"),
        (
            "equipment_loss",
            rf"\b(?:destroyed|lost|damaged|losing)\b(?=[^.;]{{0,70}}\b{_EQUIPMENT}\b)|"
            rf"\b{_EQUIPMENT}(?=\s+(?:were|was|had been|have been)\s+(?:destroyed|lost|damaged|"
            r"hit|disabled)\b)",
        ),
        (
            "casualties",
            r"\b(?:killed|killing|dead(?!\s+of\s+(?:\w+\s+){0,3}(?:night|winter|summer|day|morning|"
            r"evening|cold)\b|[\s-]+ends?\b)|died|wounded|injured|casualties|heavy losses|"
            r"losses of|"
            r"taken prisoner|prisoners of war|eliminated|captured \d[\d,]*|death toll)\b",
        ),
        (
            "control_change",
            rf"\b(?:captur(?:e|ed|es|ing){_NOT_PEOPLE}|liberat(?:ion|ed|e|es|ing)|"
            r"occupation of|(?<!the )(?<!temporarily )(?<!-)(?<!in )(?<!to )(?<!of )(?<!from )"
            r"(?<!into )(?<!across )(?<!on )occupied"  # after a preposition: attributive
            r"(?!\s+(?:territor|region|area|part|land|zone|Crimea))|seiz(?:e|ed|es|ure|ing)"
            r"(?!\s+(?:of\s+)?(?:[\w’'-]+\s+){0,3}(?:assets|propert(?:y|ies)|funds|accounts|money|"
            r"cash|shipments?|cargo|documents|passports|equipment|weapons|vessels?|ships?|yachts?|"
            r"tankers?|goods|grain|oligarchs|reserves)\b)|"
            r"(?:took|taken|take|taking|gained|established|declared|secured|securing|secure|full|"
            r"complete) control|control (?:of|over)\b(?= (?:the )?[A-Z])|recaptur\w+|retook|"
            r"retaken|clearance of|cleared (?:the )?(?:city|town|village|settlement|area)|"
            r"fall of|fell to|withdr[ae]w\w*(?! from (?:the )?(?:deal|agreement|treaty|talks|"
            r"negotiations|initiative|accord|pact|grain))|withdrawal from|retreat(?:ed)? from|"
            r"entered (?:the )?(?:city|town|village|settlement|outskirts))\b",
        ),
        ("encirclement", r"\b(?:encircl\w+|surrounded|stranded|trapped|cauldron)\b"),
        (
            "strike",
            r"\b(?:shell(?:ing|ed|s)?|artillery (?:fire|strikes?)|(?:drone|missile|rocket|"
            r"air|aerial|artillery) (?:strikes?|attacks?)|airstrikes?|struck|bombard\w*|"
            r"bomb(?:ed|ing)|glide bombs?|hit by|chemical (?:weapons?|munitions?|agents?)|"
            r"tear gas|chloropicrin|landmines?|IEDs?|explosive devices?|booby-trap\w*|"
            r"grenades?|suicide (?:bomb\w*|attacks?))\b",
        ),
        (
            "offensive",
            r"\b(?:offensive|assaults?|assaulted|attack(?:s|ed|ing)?|"
            r"(?<!axes of )(?<!axis of )(?<!lines of )(?<!line of )(?<!in )advance[sd]?"
            r"(?!\s+(?:notice|warning|payment|team|party|copy|copies|booking|economies|economy|"
            r"countries|nations|weapons|weaponry|systems|technolog\w+|fighter\w*|missiles|arms|"
            r"equipment|air defen[cs]es?)\b)|advancing|"
            r"pushing (?:closer|forward|toward)|escalated operations|counter-?offensive|"
            r"approach(?:ing|ed)? (?:around|towards?)|closing in on|"
            r"counter-?attacks?|storm(?:ed|ing)|clashes|heavy fighting|battle for|"
            r"(?:launch|initiation|start)(?:ed|ing)? (?:of )?(?:an? |the )?(?:new )?"
            r"(?:operation|offensive))\b",
        ),
        (
            "civilian_harm",
            r"\b(?:execut(?:ed|ions?)(?!\s+(?:(?:of|in)\s+)?(?:the\s+|an?\s+|its\s+|their\s+|his\s+|"
            r"\d+\s+)?(?:[\w-]+\s+)?(?:orders?|warrants?|plans?|contracts?|decisions?|tasks?|"
            r"projects?|programm?es?|agreements?|budgets?|countries|strikes?|operations?|"
            r"missions?|manoeuvres?|maneuvers?)\b)|tortur\w+|abduct\w+|kidnapp\w+|"
            r"forcibly (?:deported|"
            r"disappeared|transferred)|deportation|rap(?:e|ed)|sexual violence)\b",
        ),
        ("property_destruction", r"\b(?:loot(?:ed|ing)|pillag\w+|arson|set (?:on )?fire to)\b"),
        (
            "civilian_impact",
            r"\b(?:evacuat(?:ed|ing|ion|e)|displace(?:d|ment)|fled|refugees|(?:destroyed|"
            r"damaged) (?:homes|houses|buildings|infrastructure)|without (?:power|electricity|"
            r"water|heating)|blackouts?|power outages?)\b",
        ),
        (
            "arrest",  # a warrant is not an arrest
            r"\b(?:arrest(?:ed|s)?(?!\s+warrants?\b)(?<!for his arrest)(?<!for her arrest)"
            r"(?<!for their arrest)|detained)\b",
        ),
        (
            "agreement",
            r"\b(?:signed (?:an? |the )?(?:agreement|deal|memorandum)|agreed (?:to|on) (?:a )?"
            r"(?:ceasefire|truce|exchange)|prisoner (?:exchange|swap)s?|ceasefire (?:agreement|"
            r"deal))\b",
        ),
        (
            "protest",
            r"\b(?:protest(?:s|ed|ers)?|rall(?:y|ies)(?!\s+(?:\w+\s+)?(?:the|troops|support|behind|around|"
            r"to|allies))|demonstrators)\b",
        ),
        ("riot", r"\b(?:riots?(?!\s+(?:control|police|gear))|rioters|mob violence|lynch\w*)\b"),
        ("group_change", r"\b(?:disbanded|merged into|changed sides|defected to)\b"),
        (
            "base_established",
            r"\b(?:(?:established|set up|opened) (?:a |an |its )?(?:new )?(?:military )?"
            r"(?:base|headquarters|outpost))\b",
        ),
        (
            "briefing",
            r"\b(?:briefed|(?<!press )(?<!news )briefing (?:to|for|on)\b|"
            r"reported to (?:the )?(?:President|Commander|Supreme)\b|"
            r"(?:was|were) reported to (?:the )?President)",
        ),
        (
            "visit",  # not "please visit our website", nor "Visit" in a name or an imperative
            r"\b(?:(?<!please )(?!(?-i:Visit\b))visit(?:ed|s|ing)?(?!\s+(?:our|the)\s+"
            r"(?:web)?(?:site|page)|\s+(?:www|http))|toured)\b",
        ),
        (
            "meeting",
            r"\b(?:(?<!was )(?<!were )(?<!be )(?<!been )met with|meeting with|held talks|"
            r"talks with)\b(?=\s+(?:[A-Z]|(?:the|his|her|their|top|senior|officials|leaders|"
            r"commanders|representatives|counterparts?)\b))",
        ),
        (
            "denial",
            r"\b(?:denied|denies|refuted|rejected (?:the )?(?:claims?|reports?)|dismissed "
            r"(?:the )?(?:claims?|reports?)|false claims?)\b",
        ),
    )
)

#: The lower-case beginnings of each trigger's first word: a fast filter, so that a
#: trigger pattern is only tried where a word could start it (tests check that this
#: finds what a full scan finds).
STEMS: dict[str, tuple[str, ...]] = {
    "attack_repelled": ("repel", "repuls", "fought", "thwart", "beat"),
    "interception": ("shot", "intercept", "downed"),
    "equipment_loss": (
        "destroyed", "lost", "damaged", "losing", "tank", "vehicle", "armou", "armor", "apc",
        "howitzer", "artillery", "aircraft", "helicopter", "jet", "launcher", "radar", "ship",
        "boat", "infantry", "ifv",
    ),
    "casualties": (
        "kill", "dead", "died", "wound", "injur", "casualt", "heavy", "losses", "taken",
        "prisoners", "eliminat", "captured", "death",
    ),
    "control_change": (
        "captur", "liberat", "occupation", "occupied", "seiz", "took", "taken", "take",
        "taking", "gained", "established", "declared", "secur", "full", "complete", "control",
        "recaptur", "retook", "retaken", "clearance", "cleared", "fall", "fell", "withdr",
        "retreat", "entered",
    ),
    "encirclement": ("encircl", "surrounded", "stranded", "trapped", "cauldron"),
    "strike": (
        "shell", "artillery", "drone", "missile", "rocket", "air", "aerial", "struck",
        "bombard", "bomb", "glide", "hit", "chemical", "tear", "chloropicrin", "landmine",
        "ied", "explosive", "booby", "grenade", "suicide",
    ),
    "offensive": (
        "offensive", "assault", "attack", "advanc", "pushing", "escalated", "counter", "storm",
        "approach", "closing",
        "clashes", "heavy", "battle", "launch", "initiation", "start",
    ),
    "civilian_harm": (
        "execut", "tortur", "abduct", "kidnapp", "forcibly", "deportation", "rap", "sexual",
    ),
    "property_destruction": ("loot", "pillag", "arson", "set"),
    "civilian_impact": (
        "evacuat", "displace", "fled", "refugees", "destroyed", "damaged", "without",
        "blackout", "power",
    ),
    "arrest": ("arrest", "detained"),
    "agreement": ("signed", "agreed", "prisoner", "ceasefire"),
    "protest": ("protest", "rall", "demonstrators"),
    "riot": ("riot", "mob", "lynch"),
    "group_change": ("disbanded", "merged", "changed", "defected"),
    "base_established": ("established", "set", "opened"),
    "briefing": ("briefed", "briefing", "reported", "was", "were"),
    "visit": ("visit", "toured"),
    "meeting": ("met", "meeting", "held", "talks"),
    "denial": ("denied", "denies", "refuted", "rejected", "dismissed", "false"),
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{3,}")
_Candidate = tuple[int, str, tuple[str, ...], re.Pattern[str]]


def _by_prefix() -> dict[str, list[_Candidate]]:
    table: dict[str, list[_Candidate]] = {}
    for rank, (kind, pattern) in enumerate(TRIGGERS):
        stems = STEMS[kind]
        for prefix in sorted({stem[:3] for stem in stems}):
            table.setdefault(prefix, []).append((rank, kind, stems, pattern))
    return table


_BY_PREFIX = _by_prefix()


_ALL_STEMS = sorted({stem for stems in STEMS.values() for stem in stems}, key=len, reverse=True)
_LOWER_WORD = re.compile(r"[a-z]+")


@cache
def _stem_automaton() -> Any:
    """An Aho-Corasick automaton over the stems (built on first use, not at import)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for stem in _ALL_STEMS:
        automaton.add_word(stem, len(stem))
    automaton.make_automaton()
    return automaton


def _stem_starts(lower: str) -> list[int]:
    """Offsets where a stem starts a word, in order (one scan of the text)."""
    starts = set()
    for end, length in _stem_automaton().iter(lower):
        start = end - length + 1
        if start == 0 or not lower[start - 1].isalnum():
            starts.add(start)
    return sorted(starts)


def lowered(text: str) -> str:
    """``text`` lower-cased, or with its case kept when lower-casing would move offsets
    (a few characters lower-case to two)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def trigger_matches(text: str, lower: str | None = None) -> list[tuple[int, str, int, int]]:
    """Every trigger match in ``text`` as (type rank, type, start, end), found by trying
    each pattern only at words that begin with one of its stems (``lower`` is
    :func:`lowered` text, passed in when the caller has it)."""
    lower = lowered(text) if lower is None else lower
    found: list[tuple[int, str, int, int]] = []
    for start in _stem_starts(lower):
        candidates = _BY_PREFIX.get(lower[start : start + 3])
        word = _LOWER_WORD.match(lower, start)
        if candidates is None or word is None:
            continue
        lowered_word = word.group(0)
        for rank, kind, stems, pattern in candidates:
            if lowered_word.startswith(stems):
                match = pattern.match(text, word.start())
                if match is not None:
                    found.append((rank, kind, match.start(), match.end()))
    return found


#: Modality cues looked for in a claim's clause, strongest first.
MODALITY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (modality, re.compile(pattern, re.IGNORECASE))
    for modality, pattern in (
        (
            "denied",
            r"\b(?:denied|denies|deny|refuted|rejected|dismissed|did not|didn[’']t|has not|"
            r"have not|never|no (?:longer )?(?:sign|evidence)|false|fake|fail(?:s|ed)? (?:to|in)|"
            r"unable to|failure to|not yet)\b",
        ),
        (
            "planned",
            r"\b(?:prepar(?:ing|es|ed)|plan(?:s|ned|ning)? to|intend\w*|aim(?:s|ing)? "
            r"to|will|going to|initiation of|operation to|eventual|priority|next phase|"
            r"threaten\w*|poised to|ready to|seeks? to|in order to|aimed at|impending|imminent|"
            r"upcoming|forthcoming)\b",
        ),
        (
            "hypothetical",
            r"\b(?:could|would|might|may|if|potential(?:ly)?|possible|possibly|likely|"
            r"unless|risk of|in case|help(?:s|ed|ing)?|assist\w*|must|should|needs? to|"
            r"so that|in support of|prevent\w*|avert\w*)\b",
        ),
    )
)

#: Loaded terms: kept as the claimant's words (framing), never as the claim's type.
_FRAMING_SOURCE = (
    r"\b(?:liberat(?:ion|ed|e|ing)|special military operation|aggression|aggressor|"
    r"Kiev regime|Kyiv regime|neo-?Nazis?|Nazis?|denazi\w+|terroris(?:t|ts|m)|occupiers|"
    r"invaders|orcs|rashists?|militants|nationalists|junta|genocide|provocations?|"
    r"reunification|puppet|so-called|heroic(?:ally)?|clearance|cleansing|"
    r"security of (?:Russia|the Donbass?)|protect(?:ing)? (?:Russian citizens|civilians|"
    r"the people of Donbass?))\b"
)
FRAMING = re.compile(_FRAMING_SOURCE, re.IGNORECASE)
#: The same terms for lower-cased text: faster than a case-insensitive scan.
FRAMING_LOWER = re.compile(_FRAMING_SOURCE.lower())


@dataclass(frozen=True, slots=True)
class Term:
    start: int
    end: int
    term: str


def find_framing(text: str, start: int, end: int, lower: bool = False) -> list[Term]:
    """Loaded terms in ``text[start:end]``, lower-cased; ``lower`` says that ``text``
    is already lower-cased (from :func:`lowered`)."""
    pattern = FRAMING_LOWER if lower else FRAMING
    return [
        Term(m.start(), m.end(), m.group(0).lower()) for m in pattern.finditer(text, start, end)
    ]


def framing_terms(terms: Sequence[Term]) -> tuple[str, ...]:
    """Distinct terms, first seen first."""
    return tuple(dict.fromkeys(t.term for t in terms))
