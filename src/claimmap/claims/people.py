"""Named people in an article: full name, role, and the surname used later.

``Chief of the General Staff Valery Gerasimov`` and ``Alexander Stepanyan, a prominent
military expert,`` are registered once; ``Gerasimov`` or ``Stepanyan`` later in the
article resolves to the full name and its role.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

TITLES = (
    "President", "Prime Minister", "Defence Minister", "Defense Minister", "Foreign Minister",
    "Minister", "Chief of the General Staff", "Commander-in-Chief", "Commander", "General",
    "Lieutenant General", "Major General", "Colonel General", "Colonel", "Lieutenant Colonel",
    "Major", "Captain", "Sergeant", "Admiral", "Governor", "Mayor", "Spokesman",
    "Spokeswoman", "Spokesperson", "Chancellor", "Secretary General", "Secretary-General",
    "Senator", "Ambassador", "Deputy", "Head", "Chief", "Lt. Gen.", "Gen.", "Col.", "Maj.",
    "Mr.", "Mrs.", "Ms.", "Dr.",
)  # fmt: skip


#: Capitalised words that start or make up a name but are never part of a person's name.
def _words(text: str) -> list[str]:
    return text.split()


NOT_NAME = frozenset(
    _words(
        "The A An According During In On At For From By With After Before While As This That "
        "These Those It He She They We Our Their His Her Its Russian Ukrainian Russia "
        "Ukraine Ministry Defense Defence General Staff Republic People People’s People's "
        "Oblast Region Armed Forces Army Kremlin Telegram Western European American Donetsk "
        "Luhansk Kharkiv Donbas Donbass Kyiv Kiev Moscow Putin’s Putin's Meanwhile However "
        "Despite Yet Some Military Group Grouping Center Centre Unified Troops Q Institute "
        "Study War Swedish Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
        "February March April May June July August September October November December "
        "Mission Security Council United Nations States Kingdom Union Maidan Ministry’s "
        "Ministry's National Guard Navy Air Force Defense’s Office Parliament Rada State "
        "Duma Service Government Commander President Prime Minister Colonel Chief Spokesman "
        "Major Captain Head Mayor Governor Lieutenant Admiral Sergeant Deputy Senator "
        "Ambassador Chancellor Secretary Adviser Advisor Assistant Under Press Spokeswoman "
        "Spokesperson Taoiseach Director Foreign Affairs Many Most African Asian Eastern "
        "Northern Southern Training Troop Committee Agency Commission Court House Senate "
        "Congress Department University Center News Times Post Daily Party Federation Bank "
        "Fund Street Square Palace Plant Station Church Pope Prof Professor Sir Lord King "
        "Queen Prince First Second Third World Cold Premier Irish British French German "
        "Polish Italian Chinese Turkish Belarusian Israeli Estonian Latvian Lithuanian But "
        "And So Also Then Now When Where If Although Because Privacy Policy Terms Credit "
        "Photo Image Getty Reuters Visit"
    )
)
_TITLE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME_RUN = re.compile(rf"\b{_WORD}(?:\s+{_WORD})+\b")
_TITLE_BEFORE = re.compile(
    r"(?P<role>(?:(?:[A-Z][\w’'-]*|military|defen[cs]e|regional|deputy|foreign|senior|former|"
    rf"local|press|army|police)\s+){{0,3}}(?i:{_TITLE})),?\s+$"
)
_APPOSITIVE = re.compile(
    r",\s+(?P<role>(?:an?|the)\s+(?:[^,.;:“”\"]|\.(?=\w)){3,90}?)(?=[,;]|\.(?!\w)|\s+(?:said|told))"
)
_TITLE_WORDS = frozenset(
    _words(
        "President Minister General Colonel Commander Governor Mayor Chancellor Premier "
        "Senator Ambassador Admiral Spokesman Spokeswoman Secretary Director Chief"
    )
)
_TITLE_ENDS = frozenset(t.split()[-1].lower().rstrip(".") for t in TITLES)
_CALL_SIGN = re.compile(r"\bcall sign\s+[‘'\"“]?(?P<name>[A-Z][\w-]+)")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None
    start: int

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def describe(self) -> str:
        if not self.role:
            return self.name
        closing = "’" * max(0, self.role.count("‘") - self.role.count("’"))
        return f"{self.name}, {self.role}{closing}"


def _clean_name(words: list[str]) -> list[str]:
    while words and words[0] in NOT_NAME:
        words = words[1:]
    while words and words[-1] in NOT_NAME:
        words = words[:-1]
    if any(word in NOT_NAME for word in words):
        return []
    return words


def find_people(text: str, blocked: list[tuple[int, int]]) -> list[Person]:
    """People named in ``text``. ``blocked`` spans (place mentions) are never names."""
    people: list[Person] = []
    for match in _NAME_RUN.finditer(text):
        raw = match.group(0).split()
        words = _clean_name(raw)
        if len(words) > 3:
            words = words[-2:]  # "Irish Premier Leo Varadkar": the name ends the run
        titled = len(words) == 1 and len(raw) > 1 and raw[raw.index(words[0]) - 1] in _TITLE_WORDS
        if not (2 <= len(words) <= 3 or titled):
            continue  # one word is a name only after a title ("President Biden")
        name = " ".join(words)
        start = match.start() + match.group(0).find(name)
        if _overlaps(blocked, start, start + len(name)):
            continue
        if start > 0 and text[start - 1] in "‘“\"'«":
            continue  # a quoted name is a title or a channel, not a person
        role = _role(text, start, start + len(name))
        people.append(Person(name, role, start))
    for match in _CALL_SIGN.finditer(text):
        people.append(Person(match.group("name"), "call sign", match.start("name")))
    return people


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, non-overlapping ``spans`` overlaps [start, end)."""
    index = bisect_right(spans, (start, len(spans) and spans[-1][1] + 1)) - 1
    return any(s < end and start < e for s, e in spans[max(0, index) : index + 2])


def _role(text: str, start: int, end: int) -> str | None:
    """The appositive after the name (``, a military expert,``), else the title
    before it with up to three describing words (``Russian military spokesman``, also
    set off by a comma: ``the Australian prime minister, X``)."""
    appositive = _APPOSITIVE.match(text, end)
    if appositive is not None:
        return appositive.group("role")
    last = text[max(0, start - 30) : start].split()
    if not last or last[-1].lower().rstrip(".,") not in _TITLE_ENDS:
        return None
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    before = _TITLE_BEFORE.search(text, max(line_start, start - 60), start)
    return before.group("role") if before is not None else None


_POSSESSIVE = re.compile(r"[’']s?\b")
_NAME_WORD = re.compile(r"[A-Z][\w-]*")


class PeopleIndex:
    """Look people up by full name or surname; first registration (with a role) wins."""

    def __init__(self, people: list[Person]) -> None:
        self._by_key: dict[str, Person] = {}
        for person in people:
            for key in (person.name.lower(), person.surname.lower()):
                known = self._by_key.get(key)
                if known is None or (known.role is None and person.role is not None):
                    self._by_key[key] = person

    def by_role(self, word: str) -> Person | None:
        """The first registered person whose role contains ``word`` (``president``)."""
        for person in self._by_key.values():
            if person.role and re.search(rf"\b{re.escape(word)}\b", person.role, re.I):
                return person
        return None

    def find(self, words: str, possessive: bool = True) -> Person | None:
        """The person named last in ``words`` (by surname or single name); with
        ``possessive`` False, "Putin's visit" does not name Putin (as a subject)."""
        found = None
        for word in _NAME_WORD.finditer(words):
            person = self._by_key.get(word.group(0).lower())
            if person is None:
                continue
            if possessive or not _POSSESSIVE.match(words, word.end()):
                found = person
        return found
