"""Parties (sides with the unit or body as named) and the side of a claimant.

A party phrase is found by pattern (``Russian Ministry of Defense``, ``'Center' group of
forces``, ``Ukrainian forces``, ``Kyiv``) and keeps the words of the text as its name;
its side comes from the pattern. Known public figures are listed with their side so
that ``Gerasimov said`` is a Russian claimant. The lists are general knowledge about
the war, not about any one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimmap.model import Party, Side

_RU = r"(?:Russian|Russia's|Russia’s|Moscow's|Moscow’s)"
_UA = r"(?:Ukrainian|Ukraine's|Ukraine’s|Kyiv's|Kyiv’s|Kiev's|Kiev’s)"
_FORCE = (
    r"(?:forces|troops|units|army|military(?!\s+operation)|soldiers|servicemen|army units|"
    r"armed forces|"
    r"side|defenders|command|fighters|brigades?|battalions?|marines|paratroopers|"
    r"air defen[cs]e|artillery|navy|aviation|drones|assault groups|positions|officers?|"
    r"officials?|authorities|government|president|general|commander|serviceman)"
)
_ADJ = r"(?:(?:military|armed|regular|airborne|special|border|naval|elite|frontline|assault)\s+)?"
_BODY = (
    r"(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|Foreign Ministry|Ministry of Foreign "
    r"Affairs|General Staff|Armed Forces|National Guard|Security Service|Air Force|"
    r"Emergency Service|government|President|Navy)"
)
#: (side, pattern), most specific first; a match's text is the party's name.
_PARTY_SOURCES: tuple[tuple[Side, str], ...] = (
    ("russia", rf"\b{_RU}\s+{_BODY}\b"),
    ("ukraine", rf"\b{_UA}\s+{_BODY}\b"),
    ("ukraine", r"\bGeneral Staff of (?:the )?(?:Armed Forces of )?Ukraine\b"),
    ("ukraine", r"\b(?:Armed Forces of Ukraine|AFU|ZSU|SBU|Azov(?: [A-Z]\w+)?)\b"),
    ("russia", r"\b(?:FSB|Rosgvardia|Wagner(?: Group)?|Akhmat|Kremlin|TASS|RIA Novosti)\b"),
    (
        "russia",
        r"[‘'\"“]?\b(?:Center|Centre|West|South|East|North|Dnepr|Dnipro|Vostok|Zapad|"
        r"Sever|Yug|Tsentr)\b[’'\"”]?\s+(?:group of (?:forces|troops)|grouping|"
        r"formation|battlegroup|military group)\b",
    ),
    ("russia", r"\bUnified Grouping of Troops\b"),
    ("russia", r"\b(?:Donetsk|Luhansk|Lugansk) People[’']s Militia\b"),
    ("russia", rf"\b{_RU}\s+{_ADJ}{_FORCE}\b"),
    ("ukraine", rf"\b{_UA}\s+{_ADJ}{_FORCE}\b"),
    (
        "other",
        r"\b(?:NATO|the EU|European Union|United Nations|UN|IAEA|OSCE|ISW|"
        r"Institute for the Study of War|Pentagon|White House|US officials?|"
        r"Western (?:officials?|experts?|intelligence|(?:military )?analysts?|diplomats?))\b",
    ),
    ("russia", r"\b(?:Russia|Moscow)\b"),
    ("ukraine", r"\b(?:Ukraine|Kyiv|Kiev)\b"),
)
#: One pattern, alternatives in the order above (the first to match at a position wins).
PARTY_PATTERN = re.compile(
    "(?=[A-Z‘'\"“])(?:"
    + "|".join(f"(?P<p{index}>{pattern})" for index, (_side, pattern) in enumerate(_PARTY_SOURCES))
    + ")"
)
#: Public figures by surname (side, usual role): general knowledge.
KNOWN_PEOPLE: dict[str, tuple[Side, str]] = {
    "putin": ("russia", "Russian President"),
    "gerasimov": ("russia", "Chief of the Russian General Staff"),
    "shoigu": ("russia", "Russian Security Council Secretary"),
    "belousov": ("russia", "Russian Defence Minister"),
    "peskov": ("russia", "Kremlin spokesman"),
    "lavrov": ("russia", "Russian Foreign Minister"),
    "zakharova": ("russia", "Russian Foreign Ministry spokeswoman"),
    "medvedev": ("russia", "Russian Security Council deputy chairman"),
    "pushilin": ("russia", "head of the Russian-installed Donetsk administration"),
    "konashenkov": ("russia", "Russian Defence Ministry spokesman"),
    "zelensky": ("ukraine", "Ukrainian President"),
    "zelenskyy": ("ukraine", "Ukrainian President"),
    "zelenskiy": ("ukraine", "Ukrainian President"),
    "syrskyi": ("ukraine", "Ukrainian commander-in-chief"),
    "zaluzhnyi": ("ukraine", "Ukrainian commander"),
    "budanov": ("ukraine", "Ukrainian military intelligence chief"),
    "kuleba": ("ukraine", "Ukrainian Foreign Minister"),
    "sybiha": ("ukraine", "Ukrainian Foreign Minister"),
    "yermak": ("ukraine", "head of the Ukrainian presidential office"),
    "podolyak": ("ukraine", "Ukrainian presidential adviser"),
    "klitschko": ("ukraine", "Mayor of Kyiv"),
    "biden": ("other", "US President"),
    "trump": ("other", "US President"),
    "macron": ("other", "French President"),
    "scholz": ("other", "German Chancellor"),
    "stoltenberg": ("other", "NATO Secretary General"),
    "rutte": ("other", "NATO Secretary General"),
    "guterres": ("other", "UN Secretary-General"),
    "blinken": ("other", "US Secretary of State"),
    "kirby": ("other", "US National Security Council spokesman"),
    "sullivan": ("other", "US National Security Adviser"),
    "truss": ("other", "UK Prime Minister"),
    "sunak": ("other", "UK Prime Minister"),
    "lukashenko": ("other", "Belarusian President"),
    "makei": ("other", "Belarusian Foreign Minister"),
    "erdogan": ("other", "Turkish President"),
}
#: News outlets and channels by the country they report from: general knowledge.
KNOWN_MEDIA: dict[str, Side] = {
    "tass": "russia", "ria novosti": "russia", "ria": "russia", "izvestia": "russia",
    "rt": "russia", "sputnik": "russia", "zvezda": "russia", "rossiyskaya gazeta": "russia",
    "kommersant": "russia", "gazeta.ru": "russia", "gazeta": "russia", "interfax": "russia",
    "rybar": "russia", "voenkory russkoy vesny": "russia", "two majors": "russia",
    "ukrinform": "ukraine", "ukrainska pravda": "ukraine", "kyiv independent": "ukraine",
    "suspilne": "ukraine", "unian": "ukraine", "deepstate": "ukraine",
}  # fmt: skip
_MEDIA = re.compile(
    r"\b(?:" + "|".join(re.escape(m) for m in sorted(KNOWN_MEDIA, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_SIDE_WORDS: tuple[tuple[Side, re.Pattern[str]], ...] = (
    ("russia", re.compile(r"\b(?:Russia\w*|Moscow|Kremlin|TASS|RIA|Pro-Russian|pro-Russian)\b")),
    ("ukraine", re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev)\b")),
    (
        "other",
        re.compile(
            r"\b(?:American|U\.S\.|US|USA|United States|British|UK|U\.K\.|French|German|Polish|"
            r"Chinese|Turkish|Belarusian|Japanese|Italian|Canadian|Estonian|Latvian|Lithuanian|"
            r"Hungarian|Austrian|Dutch|Swedish|Finnish|Norwegian|Danish|Czech|Slovak|Romanian|"
            r"Moldovan|Georgian|Israeli|Iranian|Indian|Korean|Spanish|Australian|Irish|Serbian|"
            r"Bulgarian|Greek|Swiss|Belgian|Portuguese|European|Western|NATO|EU|UN|U\.N\.|"
            r"Pentagon|White House|State Department|Washington|London|Paris|Berlin|Beijing|"
            r"Warsaw|Brussels|North Atlantic Alliance|America|Britain|Poland|Germany|France|"
            r"China|Japan|Turkey|Belarus|Estonia|Latvia|Lithuania|Hungary|Australia|Canada|"
            r"Italy|Moldova|Israel|Iran|India|Finland|Sweden|Norway|Denmark|Romania|Slovakia|"
            r"Czechia|Czech Republic|Austria|Netherlands|Spain|Ireland|Serbia)(?!\w)"
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class FoundParty:
    start: int
    end: int
    party: Party


def find_parties(text: str, start: int, end: int) -> list[FoundParty]:
    """Party phrases in ``text[start:end]``, in text order."""
    found: list[FoundParty] = []
    for match in PARTY_PATTERN.finditer(text, start, end):
        assert match.lastgroup is not None
        side = _PARTY_SOURCES[int(match.lastgroup[1:])][0]
        name = match.group(0).strip()
        name = name[4:] if name.lower().startswith("the ") else name
        found.append(FoundParty(match.start(), match.end(), Party(side, name)))
    return found


@lru_cache(maxsize=4096)
def side_of(description: str) -> Side:
    """The side a claimant belongs to, from its words: the first party phrase, a known
    public figure, or the first nationality word (a third country's is "other"; one
    before the first party phrase wins: "Russian embassy at the UN").
    "unknown" when nothing says."""
    parties = find_parties(description, 0, len(description))
    media = _MEDIA.search(description)
    if media is not None and (not parties or media.start() < parties[0].start):
        return KNOWN_MEDIA[media.group(0).lower()]
    for word in re.findall(r"[A-Za-z]+", description):
        person = KNOWN_PEOPLE.get(word.lower())
        if person is not None and (not parties or parties[0].party.side == "other"):
            return person[0]
    hits = [
        (m.start(), side) for side, pattern in _SIDE_WORDS if (m := pattern.search(description))
    ]
    if parties and not (hits and min(hits)[0] < parties[0].start):
        return parties[0].party.side
    return min(hits)[1] if hits else "unknown"  # the first nationality word named
