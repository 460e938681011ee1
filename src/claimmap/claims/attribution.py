"""Who says it: the claimant chain of a sentence and the speaker of a quotation.

Cues, in order of strength:

* ``According to X(, which cited Y),`` -> "X, citing Y";
* ``X (reportedly) said/told/stated/claimed ... `` -> the subject before the verb;
* ``... was reported to Z by X`` -> X;
* after a quotation: ``, said X, a role.`` / ``, X said.``;
* vague cues (``reportedly``, ``reports suggest``) -> "unnamed reports", anonymous.

A subject is a registered person (surname resolves to the full name and role), a party
phrase (``Ukraine``, ``Russian Ministry of Defense``), an unnamed source description
(``a retired Russian general``: anonymous) or a pronoun (the last speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimmap.claims.actors import FoundParty, side_of
from claimmap.claims.fields import is_place_use
from claimmap.claims.people import NOT_NAME, PeopleIndex, Person
from claimmap.claims.ranges import RangeIndex
from claimmap.model import Side

VERBS = (
    r"said|says|say|stated|states|told|tells|added|noted|warned|argued|argues|emphasi[sz]ed|"
    r"highlighted|claimed|claims|announced|announces|reported|declared|"
    r"declares|insisted|confirmed|confirms|denied|denies|deny|described|wrote|posted|"
    r"explained|stressed|asserted|suggested|believes|believe|hailed|praised|"
    r"called|accused|acknowledged|admitted|expressed|highlights|emphasizes|continued|"
    r"stating|saying|adding|noting|warning|claiming|announcing|reporting|briefed|"
    r"emphasi[sz]ing|highlighting|reiterated|reiterating|reads|writes|urged|urges|tweeted|"
    r"posted|recalled|concluded|estimated|predicted|cautioned|vowed|assessed|remarked|joked|"
    r"quipped|observed|replied|responded|answered|explains|reminded|reminds|condemned|"
    r"condemns"
)
_VERB = re.compile(rf"\b(?:reportedly\s+)?(?P<verb>{VERBS})\b")
#: Before a verb, an article or a possessive makes it an adjective: "an estimated
#: 900,000", "Zelensky's continued leadership".
_ADJECTIVAL = re.compile(r"(?:\b(?:an?|the|An?|The)|[’']s)\s$")
_ACCORDING = re.compile(
    r"\b[Aa]ccording to (?P<src>[^,.;–—]+?)"
    r"(?:,[’'”\"]?\s*(?:which|who)\s+(?:cited|citing|quoted)\s+(?P<cited>[^,.;]+?))?(?=,|\.|;|\s[–—-]\s|$)"
)
_CITING = re.compile(r",?\s*(?:citing|quoting)\s+(?P<cited>[^,.;]+)")
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:reported|announced|confirmed|presented|stated)\b[^.;]*?\bby\s+"
    r"(?P<agent>[^,.;]+)"
)
_VAGUE = re.compile(
    r"\b(?:reportedly|reports?\s+(?:suggest|indicate|say|said|claim)\w*|according to reports|"
    r"it (?:is|was) reported|allegedly|sources said|unconfirmed reports)\b",
    re.IGNORECASE,
)
#: A party after a preposition is not the subject ("a visit to a post of the X Group").
_PREPOSITION = re.compile(r"\b(?:of|to|for|in|at|from|with|on|by|about|against)\s+(?:the\s+)?$")
#: A party that owns the subject is not it ("Russian President Vladimir Putin's visit").
_OWNER = re.compile(r"(?:\s+[A-Z][\w-]+){0,3}[’']s\b")
_VAGUE_CUES = ("report", "alleged", "sources said")
_UNNAMED = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Mm]any)\s+(?:(?:unnamed|anonymous|senior|retired|"
    r"high-ranking|local|military|Russian|Ukrainian|Western|US|American|European|government|"
    r"defen[cs]e|security|intelligence|former|pro-Russian|prominent|frontline|other)\s+){0,4}"
    r"(?:officials?|sources?|officers?|generals?|spokesperson|spokes(?:wo)?man|servicem[ae]n|"
    r"soldiers?|commanders?|analysts?|experts?|diplomats?|residents?|bloggers?|"
    r"correspondents?|observers?)\b"
    r"(?:\s+(?:for|of|from|at|with)\s+(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*){0,3})?"
    r"|\b(?:(?:senior|military|Russian|Ukrainian|Western|US|local|government|defen[cs]e|"
    r"security|intelligence)\s+){0,3}(?:analysts|experts|observers|officials|sources)\b"
)
_ANONYMITY = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|not authori[sz]ed|declined to be named|"
    r"not to be (?:named|identified))\b"
)
_THE_ROLE = re.compile(
    r"\b[Tt]he (?P<role>president|general|minister|ministry|commander|spokesman|governor|army|"
    r"channel|agency|military|official)\b"
)
_PRONOUN = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b")
_TOLD = re.compile(r"\btold[ ]+(?P<outlet>[A-Z][\w’']*(?:[ ]+[A-Z][\w’']*){0,3})")


#: A pronoun refers to the last person named this many characters before it.
PRONOUN_REACH = 250


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: str
    side: Side
    anonymous: bool
    speaker: str | None
    start: int
    end: int
    #: A relative clause's verb (", who warned ...") speaks only for what follows this
    #: offset, not for the claims earlier in the sentence; -1: no such limit.
    scope: int = -1


@dataclass(slots=True)
class ArticleContext:
    """What attribution remembers while reading an article in order."""

    people: PeopleIndex
    parties: RangeIndex[FoundParty]
    text: str
    last_person: Person | None = None
    last_named: Attribution | None = None
    recent: list[Attribution] = field(default_factory=list)


def _from_person(person: Person, start: int, end: int, extra: str = "") -> Attribution:
    claimant = person.describe() + extra
    return Attribution(claimant, side_of(claimant), False, person.name, start, end)


def subject(words: str, start: int, ctx: ArticleContext, lead: str = "") -> Attribution | None:
    """The claimant named in ``words`` (the text before a reporting verb), if any.
    ``start`` is the offset of ``words`` in the article; a pronoun refers to a person
    named in ``lead`` (the sentence before the clause), else to the last speaker."""
    end = start + len(words)
    person = ctx.people.find(words, possessive=False)
    parties = [
        FoundParty(p.start - start, p.end - start, p.party)
        for p in ctx.parties.within(start, end)
        if not is_place_use(ctx.text, p)
        and not _PREPOSITION.search(ctx.text, max(0, p.start - 16), p.start)
        and not _OWNER.match(ctx.text, p.end)
    ]
    unnamed = _UNNAMED.search(words)
    if person is not None:
        return _from_person(person, start, end)
    if unnamed is not None and (not parties or unnamed.start() <= parties[0].start):
        description = _clip(unnamed.group(0))
        return Attribution(description, side_of(description), True, None, start, end)
    if parties:
        party = parties[-1].party
        return Attribution(party.name or party.side, party.side, False, None, start, end)
    by_role = _THE_ROLE.search(words)
    if by_role is not None:
        role = by_role.group("role")
        for earlier in reversed(ctx.recent):
            if re.search(rf"\b{role}\b", earlier.claimant, re.I):
                return Attribution(
                    earlier.claimant, earlier.side, earlier.anonymous, earlier.speaker, start, end
                )
        person = ctx.people.by_role(role)
        if person is not None:
            return _from_person(person, start, end)
    pronoun = _PRONOUN.search(words)
    if pronoun is not None and pronoun.group("pronoun").lower() in ("it", "they"):
        body = next(
            (a for a in reversed(ctx.recent) if a.speaker is None and not a.anonymous), None
        )
        if body is not None:
            return Attribution(body.claimant, body.side, False, None, start, end)
    if pronoun is not None and pronoun.group("pronoun").lower() in ("he", "she"):
        person = ctx.people.find(lead) if lead else None
        if person is None:
            person = ctx.people.find(ctx.text[max(0, start - PRONOUN_REACH) : start])
        person = person or ctx.last_person
        if person is not None:
            return _from_person(person, start, end)
    return None


def _clip(description: str) -> str:
    description = re.split(r",|\s+who\b|\s+which\b", description, maxsplit=1)[0]
    return description.strip(" ,")


def _according(text: str, start: int, end: int, ctx: ArticleContext) -> Attribution | None:
    match = _ACCORDING.search(text, start, end)
    if match is None:
        return None
    source = match.group("src").strip()
    cited = match.group("cited")
    if cited is None:
        citing = _CITING.match(text, match.end())
        cited = citing.group("cited") if citing else None
    if source.lower() in ("reports", "media reports", "some reports"):
        return Attribution("unnamed reports", "unknown", True, None, match.start(), match.end())
    found = subject(source, match.start("src"), ctx)
    claimant = found.claimant if found is not None else _tidy(source)
    side = found.side if found is not None else side_of(source)
    chain = f"{claimant}, citing {cited.strip()}" if cited else claimant
    anonymous = bool(found and found.anonymous) or bool(cited and _ANONYMITY.search(cited))
    speaker = found.speaker if found else None
    return Attribution(chain, side, anonymous, speaker, match.start(), match.end())


def _tidy(source: str) -> str:
    """``the Telegram channel ‘X`` -> ``Telegram channel ‘X’`` (balanced marks)."""
    source = re.sub(r"^(?:the|a|an)\s+", "", source.strip())
    if source.count("‘") > source.count("’"):
        source += "’"
    return source


def _verb_subject(text: str, start: int, end: int, ctx: ArticleContext) -> Attribution | None:
    for verb in _VERB.finditer(text, start, end):
        if _ADJECTIVAL.search(text, max(start, verb.start() - 5), verb.start()):
            continue
        if _PASSIVE.search(text, max(start, verb.start() - 25), verb.start()):
            continue  # "has been hailed by X": see _PASSIVE_BY
        clause_start = _clause_start(text, start, verb.start())
        lead = text[start:clause_start]
        found = _after_comma(text, clause_start, verb.start(), ctx, lead)
        if found is None:
            found = subject(text[clause_start : verb.start()], clause_start, ctx, lead)
        if found is None:
            found = _as_written(text, clause_start, verb.start())
        if found is None or found.speaker is None:
            found = _inverted(text, verb, end, ctx) or found
        if found is None:
            continue
        extra = ""
        told = _TOLD.match(text, verb.start("verb"))
        if told is not None and told.group("outlet").split()[0] not in NOT_NAME:
            extra = f", told {told.group('outlet')}"
        if found.speaker is not None and extra:
            person = ctx.people.find(found.speaker)
            if person is not None:
                return _from_person(person, found.start, verb.end(), extra)
        relative = _RELATIVE.search(text, max(clause_start, verb.start() - 40), verb.start())
        return Attribution(
            found.claimant + extra, found.side, found.anonymous, found.speaker,
            found.start, verb.end(), relative.start() if relative else -1,
        )  # fmt: skip
    return None


_NOT_SUBJECT = re.compile(
    r"(?:an?|and|but|which|who|while|as|is|are|was|were|has|have|had|been|be|will|would|"
    r"can|could|also|then|now|it|its|this|that|him|her|them|us|me|you|we|i|they|he|she)\b",
    re.IGNORECASE,
)
#: Words after a comma that can name a claimant as written: a capital or "the ...",
#: no digits or dashes ("the city's police", "Kyiv's mayor").
_NAMED_SUBJECT = re.compile(
    r"(?:[A-Z]|(?:the|his|their)\s+[a-z])(?![^\d\-–—]*\b(?:have|has|had|is|are|was|were|will|"
    r"would|agreed|who|which|that)\b)[^\d\-–—]*$"
)
#: The verb is in a relative or subordinate clause: ", who have warned", ", which X
#: said", "hours after X had announced" (not "as X said": that reports what precedes).
_RELATIVE = re.compile(
    r"(?:,\s*(?:who|which)|\b(?:after|before|since|because|although|when|while|until))\b"
    r"[^,.;:]{0,30}$"
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$")


_ADVERBS = re.compile(r"(?:\s+(?:also|then|later|once|\w+ly))+\s*$")


_ROLE_NOUN = (
    r"(?i:minister|spokes(?:man|woman|person)|president|governor|mayor|official|chief|adviser|"
    r"head|representative|ambassador|commander|secretary|chancellor|director)"
)
_OF_BODY = r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*){1,5}"
#: After the verb: [role [of Body],] Name ("said the President of the United States Joe
#: Biden"), or a role of a body with no name ("explained the representative of the US
#: Treasury"), named as written.
_INVERTED_AFTER = re.compile(
    rf"\s+(?:(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}{_ROLE_NOUN}(?:{_OF_BODY})?\s*,?\s+)?"
    r"(?:[A-Z][\w’'-]+\.?\s+){0,4}[A-Z][\w’'-]+"  # "Dr. Ivan Petrenko"
    rf"|\s+the\s+(?:[\w’'-]+\s+){{0,3}}{_ROLE_NOUN}{_OF_BODY}"
)
_INVERTED_BEFORE = re.compile(r"(?:[,’”\"]|\s[-–—])\s*$")


def _inverted(text: str, verb: re.Match[str], end: int, ctx: ArticleContext) -> Attribution | None:
    """``..., said Lukashenko.`` / ``- said X``: the named person after the verb."""
    if not _INVERTED_BEFORE.search(text, max(0, verb.start() - 3), verb.start()):
        return None
    after = _INVERTED_AFTER.match(text, verb.end(), end)
    if after is None:
        return None
    person = ctx.people.find(after.group(0))
    if person is not None:
        return _from_person(person, verb.start(), after.end())
    name = after.group(0).strip()
    return Attribution(name, side_of(name), False, name, verb.start(), after.end())


def _as_written(text: str, start: int, end: int) -> Attribution | None:
    """A short subject with no known person or party, named as written (``the
    operator says``, ``Ukraine’s Foreign Minister recently said``)."""
    words = _ADVERBS.sub("", text[start:end]).strip(" ,")
    if not words or len(words.split()) > 6 or _NOT_SUBJECT.match(words):
        return None
    if not _NAMED_SUBJECT.match(words):
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", words)
    return Attribution(name, side_of(name), False, None, start, end)


def _after_comma(
    text: str, start: int, verb_start: int, ctx: ArticleContext, lead: str
) -> Attribution | None:
    """``..., the city's police said``: the words after the last comma are the subject
    (unless they are an appositive, ``, a military expert,``); named as written when
    they hold no known person or party."""
    comma = text.rfind(",", start, verb_start)
    if comma < 0:
        return None
    words = text[comma + 1 : verb_start]
    stripped = words.strip()
    if not stripped or _NOT_SUBJECT.match(stripped):
        return None
    found = subject(words, comma + 1, ctx, lead + text[start : comma + 1])
    if found is not None:
        return found
    if len(stripped.split()) > 5 or not _NAMED_SUBJECT.match(stripped):
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", stripped)
    return Attribution(name, side_of(name), False, None, comma + 1, verb_start)


def _clause_start(text: str, sentence_start: int, verb_start: int) -> int:
    """Where the subject of a verb can begin: after the last quotation, ``that`` or
    ``;`` before it, within the sentence."""
    window = text[sentence_start:verb_start]
    cut = 0
    for match in _CLAUSE_CUT.finditer(window):
        cut = match.end()
    return sentence_start + cut


#: A closing quotation mark (after punctuation or before a comma; not the apostrophe
#: of "the spies’ spokesman"), "that", ";" or ":".
_CLAUSE_CUT = re.compile(r"[.,!?…][’”\"]\s*,?|[’”\"]\s*,|”|\"|\bthat\b|;|:")


def sentence_attribution(
    text: str, start: int, end: int, ctx: ArticleContext
) -> Attribution | None:
    """The claimant of the sentence ``text[start:end]``, or None (the article's voice)."""
    words = text[start:end]  # cheap substring tests skip patterns that cannot match
    found = _according(text, start, end, ctx) if "ccording to" in words else None
    found = found or _verb_subject(text, start, end, ctx)
    if found is None and " by " in words:
        passive = _PASSIVE_BY.search(text, start, end)
        if passive is not None:
            found = subject(passive.group("agent"), passive.start("agent"), ctx)
    if found is None and any(cue in words.lower() for cue in _VAGUE_CUES):
        vague = _VAGUE.search(text, start, end)
        if vague is not None:
            found = Attribution(
                "unnamed reports", "unknown", True, None, vague.start(), vague.end()
            )
    return found


def remember(ctx: ArticleContext, found: Attribution | None) -> None:
    if found is None:
        return
    ctx.recent.append(found)
    if found.speaker is not None:
        person = ctx.people.find(found.speaker)
        if person is not None:
            ctx.last_person = person
    if not found.anonymous:
        ctx.last_named = found
