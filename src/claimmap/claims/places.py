"""Which mention a claim is about.

The place a claim is about is the object of its trigger: the first mention after the
trigger word within the trigger's part of the sentence (``capture of X``, ``attacks on
X``), a populated place before a region or an area; else the nearest mention before the
trigger in the sentence. Mentions that only locate another (``X in Y Oblast``, ``16 km
from Y``) are not objects when an object was found before them. Control changes take
every populated place listed as objects (``liberation of X and Y``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from claimmap.model import Mention, Place

_REFERENCE = re.compile(r"\b(?:from|near|in|within|outside)\s+(?:the\s+)?$", re.I)
_DISTANCE = re.compile(r"(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?$", re.I)
#: Seats of government whose names also stand for the government ("Moscow said", "talks
#: with Beijing"): general knowledge, like ``actors.KNOWN_PEOPLE``.
CAPITALS = frozenset(
    {
        "moscow", "kyiv", "kiev", "washington", "beijing", "london", "paris", "berlin", "brussels",
        "minsk", "warsaw", "tehran", "ankara", "tokyo", "budapest", "pyongyang", "rome", "vienna",
        "ottawa", "tbilisi", "chisinau", "vilnius", "riga", "tallinn", "helsinki", "stockholm",
        "oslo", "copenhagen", "prague", "bratislava", "bucharest", "sofia", "belgrade", "delhi",
        "jerusalem", "damascus", "baghdad", "kabul", "islamabad", "seoul", "taipei", "madrid",
        "lisbon", "athens", "dublin", "bern", "canberra", "cairo", "riyadh", "doha", "yerevan",
        "baku", "astana", "tashkent",
    }
)  # fmt: skip
_AGENTIVE = (
    r"said|says|denied|denies|claimed|claims|warned|warns|announced|announces|accused|"
    r"accuses|insisted|insists|demanded|demands|launched|launches|agreed|agrees|refused|"
    r"refuses|rejected|rejects|wants|hopes|responded|blamed|blames|urged|urges|called|calls|"
    r"concluded|decided|decides|sent|sends|signed|threatened|threatens|confirmed|confirms|"
    r"considers|sees|plans|planned|intends|recogni[sz]e[sd]|supports|supported|imposed|"
    r"retaliated|vowed|pledged|promised|ordered|believes|argued|argues|stated|states|"
    r"condemned|condemns|expelled|summoned|blocked|implemented|made|continues|seeks|sought|"
    r"tried|tries|needs|restores|demand|want|insist|deny|claim"
)
#: After a capital's name: it acts, speaks or owns ("Moscow's forces", "Kyiv warned",
#: "Beijing has denied", "Moscow could", "the Kyiv regime", "Moscow-installed"; but
#: "Kyiv's suburbs" is the place).
_GOVERNMENT_AFTER = re.compile(
    r"[’']s\b(?!\s+(?:[\w-]+\s+)?(?:streets?|suburbs?|outskirts|cent(?:re|er)|residents|"
    r"airports?|metro|districts?|skies|sky|buildings?|region|oblast|infrastructure|grid|"
    r"stations?|hospitals?|bridges?|port|squares?|neighbou?rhoods?|apartments?|homes)\b)"
    rf"|\s+(?:(?:has|have|had|did|does)\s+)?(?:not\s+|\w+ly\s+){{0,2}}(?:{_AGENTIVE})\b"
    r"|\s+(?:has|have|had)\s+(?:not\s+|\w+ly\s+){0,2}(?!(?:been|suffered|endured|seen|"
    r"witnessed|experienced|faced|remained|become)\b)\w+(?:ed|en)\b"
    r"|\s+(?:will|would|could|can|may|might|must|should)\s+(?:not\s+|\w+ly\s+){0,2}"
    r"(?!be\s+\w+(?:ed|en)\b)\w"
    r"|\s+(?:is|was|are|were)\s+(?:not\s+|\w+ly\s+){0,2}(?:\w+ing|able|unable|ready|"
    r"willing|prepared|determined|reluctant)\b"
    r"|-(?:installed|backed|controlled|led|appointed|aligned|friendly)\b"
    r"|\s+(?:regime|government|authorities|leadership)\b"
)
#: Before it: an agent, a partner or a recipient ("announced by London", "talks with
#: Moscow", "support for Kyiv", "sanctions against Moscow").
_GOVERNMENT_BEFORE = re.compile(
    r"(?:\b(?:by|with)|\b(?:support|aid|assistance|backing|weapons|arms|supplies|sanctions|"
    r"pressure|criticism|concessions|loyalty|ties|relations)(?:\s+[\w-]+){0,3}\s+(?:to|for|on|"
    r"against|from|with))\s+(?:the\s+)?$",
    re.I,
)


def _rank(mention: Mention, places: Mapping[str, Place]) -> int:
    """0 populated place, 1 unresolved (most often a small or garbled place name),
    2 region or admin area, 3 country."""
    if mention.place_id is None:
        return 1
    place = places.get(mention.place_id)
    if place is None:
        return 1
    return {"populated_place": 0, "country": 3}.get(place.kind, 2)


def is_government(text: str, mention: Mention) -> bool:
    """True when a capital's name stands for its government, not the place (metonymy):
    such a mention is never the place of a claim (the party patterns read it as a side)."""
    if mention.text.lower() not in CAPITALS:
        return False
    before = text[max(0, mention.start - 60) : mention.start]
    if _GOVERNMENT_BEFORE.search(before):
        return True
    return _GOVERNMENT_AFTER.match(text, mention.end) is not None


def _is_locator(text: str, mention: Mention, previous_end: int) -> bool:
    """True when the words before ``mention`` make it a locator of an earlier object."""
    before = text[previous_end : mention.start]
    if _DISTANCE.search(before):
        return True
    return bool(_REFERENCE.search(before))


def objects(
    text: str,
    mentions: Sequence[Mention],
    places: Mapping[str, Place],
    trigger_end: int,
    segment_end: int,
) -> list[Mention]:
    """Mentions after the trigger that are its objects, best first."""
    after = [m for m in mentions if trigger_end <= m.start < segment_end]
    chosen: list[Mention] = []
    previous_end = trigger_end
    for mention in after:
        if chosen and _is_locator(text, mention, previous_end):
            previous_end = mention.end
            continue
        chosen.append(mention)
        previous_end = mention.end
    return sorted(chosen, key=lambda m: (_rank(m, places), m.start))


def about(
    text: str,
    mentions: Sequence[Mention],
    places: Mapping[str, Place],
    trigger: tuple[int, int],
    segment: tuple[int, int],
    sentence: tuple[int, int],
    clause_end: int | None = None,
) -> Mention | None:
    """The one mention a claim rests on: an object in the trigger's part, else the
    nearest mention before the trigger, else an object later in its clause."""
    found = [
        m for m in objects(text, mentions, places, trigger[1], segment[1]) if _rank(m, places) < 3
    ]
    if found:
        return found[0]
    clause_end = sentence[1] if clause_end is None else clause_end
    before = [
        m for m in mentions
        if sentence[0] <= m.start and m.end <= trigger[0] and _rank(m, places) < 3
    ]  # fmt: skip
    if before:
        return sorted(before, key=lambda m: (_rank(m, places), -m.start))[0]
    rest = objects(text, mentions, places, segment[1], clause_end)
    rest = [m for m in rest if _rank(m, places) < 3]
    return rest[0] if rest else None


def all_objects(
    text: str,
    mentions: Sequence[Mention],
    places: Mapping[str, Place],
    trigger_end: int,
    segment_end: int,
) -> list[Mention]:
    """Every populated (or unresolved) place object of a trigger, one per place, in
    text order."""
    found = objects(text, mentions, places, trigger_end, segment_end)
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        key = mention.place_id or mention.text.lower()
        if _rank(mention, places) > 1 or key in seen:
            continue
        seen.add(key)
        out.append(mention)
    return out


_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?P<town>city|town|village|settlement)|region|area)\b", re.I
)
#: How far back (characters) an anaphor (``the city``) looks for its place.
ANAPHOR_REACH = 600


def antecedent(
    text: str, mentions: Sequence[Mention], places: Mapping[str, Place], segment: tuple[int, int]
) -> Mention | None:
    """For ``this city`` / ``in the region`` with no place named: of the populated
    places (for a town word; else places below country level) named before, the one
    named most often so far (the story's focus), the latest on a tie; None when none
    was named within ANAPHOR_REACH characters."""
    anaphor = _ANAPHOR.search(text, segment[0], segment[1])
    if anaphor is None:
        return None
    wanted = 0 if anaphor.group("town") else 2
    before = [
        m for m in mentions if m.end <= segment[0] and m.place_id and _rank(m, places) <= wanted
    ]
    if not before or before[-1].start < anaphor.start() - ANAPHOR_REACH:
        return None
    counts = Counter(m.place_id for m in before)
    best = max(counts.values())
    return next(m for m in reversed(before) if counts[m.place_id] == best)
