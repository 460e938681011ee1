"""Personas: private individuals quoted with a name, an age and an occupation.

They come from two places: article-level flags from claim extraction whose detail
carries ``persona: name=...; age=...; occupation=...``, and, so that consolidation
also works on its own, the common news pattern "Name Surname, a 52-year-old
teacher" / "Name Surname, 52, a teacher" found in the text.

Two flags come out of them:

* ``persona_inconsistent``: one first name with one age in several articles, but
  a different surname or occupation: the same invented person, re-dressed;
* ``private_individual_uncorroborated``: a named private individual whose full name
  appears in no article outside one story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from claimmap.consolidate.text import find_quotes, fold, span
from claimmap.model import Article, Flag, Span

_NAME = r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"
_OCC = r"(?P<occ>[a-z][^,.;:!?\n‘’“”\"]{1,60})"
_PATTERNS = (
    re.compile(_NAME + r",\s+(?:an?\s+)?(?P<age>\d{1,3})-year-old\s+" + _OCC),
    re.compile(_NAME + r",\s+(?P<age>\d{1,3}),\s+(?:an?\s+)?" + _OCC),
)
_OCC_END = re.compile(r"\s+(?:from|of the|in|at|who|living|based|near|and)\s.*$")
QUOTE_NEAR = 300
_FIELD = re.compile(r"(name|age|occupation)\s*=\s*([^;]*)")


@dataclass(frozen=True, slots=True)
class Persona:
    article_id: str
    name: str
    age: str
    occupation: str
    evidence: Span

    @property
    def first(self) -> str:
        return fold(self.name).split()[0]

    @property
    def surname(self) -> str:
        return fold(self.name).split()[-1]


def _occupation(text: str) -> str:
    return _OCC_END.sub("", text.strip()).strip()


def from_text(article: Article) -> list[Persona]:
    """Personas described with an age next to a quotation (within ``QUOTE_NEAR``)."""
    found: dict[tuple[str, str], Persona] = {}
    quotes = find_quotes(article.text)
    for pattern in _PATTERNS:
        for m in pattern.finditer(article.text):
            name = m.group("name")
            if fold(name).split()[0] in {"the", "a", "an", "mr", "mrs", "ms"}:
                continue
            lo, hi = m.start() - QUOTE_NEAR, m.end() + QUOTE_NEAR
            if not any(q.end >= lo and q.start <= hi for q in quotes):
                continue
            ev = span(article.id, article.text, m.start(), m.end("occ"))
            persona = Persona(article.id, name, m.group("age"), _occupation(m.group("occ")), ev)
            found.setdefault((fold(name), persona.age), persona)
    return list(found.values())


def from_flags(flags: Iterable[Flag]) -> list[Persona]:
    personas = []
    for flag in flags:
        if "persona" not in flag.kind.casefold() and "persona:" not in flag.detail:
            continue
        fields = {k: v.strip() for k, v in _FIELD.findall(flag.detail)}
        name, age = fields.get("name", ""), fields.get("age", "")
        if len(name.split()) < 1 or not age or not flag.article_ids:
            continue
        evidence = flag.evidence[0] if flag.evidence else Span(flag.article_ids[0], 0, 0, "")
        occ = fields.get("occupation", "")
        personas.append(Persona(flag.article_ids[0], name, age, occ, evidence))
    return personas


def collect(articles: Iterable[Article], flags: Iterable[Flag]) -> list[Persona]:
    """Every persona, one per (article, folded name, age), sorted."""
    return merge([*from_flags(flags), *(p for a in articles for p in from_text(a))])


def merge(personas: Iterable[Persona]) -> list[Persona]:
    """One persona per (article, folded name, age), the first given kept, sorted."""
    merged: dict[tuple[str, str, str], Persona] = {}
    for persona in personas:
        merged.setdefault((persona.article_id, fold(persona.name), persona.age), persona)
    return [merged[k] for k in sorted(merged)]


def _describe(p: Persona) -> str:
    occ = f", {p.occupation}" if p.occupation else ""
    return f"{p.name} ({p.age}{occ}) in {p.article_id}"


def inconsistent(personas: Sequence[Persona]) -> list[Flag]:
    groups: dict[tuple[str, str], list[Persona]] = defaultdict(list)
    for p in personas:
        groups[(p.first, p.age)].append(p)
    flags = []
    for (_first, age), group in sorted(groups.items()):
        if len({p.article_id for p in group}) < 2:
            continue
        surnames = {p.surname for p in group}
        occupations = {fold(p.occupation) for p in group if p.occupation}
        if len(surnames) < 2 and len(occupations) < 2:
            continue
        differs = (("surname", len(surnames) > 1), ("occupation", len(occupations) > 1))
        what = " and ".join(w for w, differ in differs if differ)
        detail = (
            f"One persona, first name {group[0].name.split()[0]} and age {age}, appears as "
            + "; ".join(_describe(p) for p in group)
            + f" with a different {what}: a private individual whose details change between "
            "articles is probably invented, and so may be the quotes given to them."
        )
        flags.append(Flag(
            "persona_inconsistent",
            tuple(sorted({p.article_id for p in group})),
            detail,
            tuple(p.evidence for p in group),
        ))
    return flags


def uncorroborated(
    personas: Sequence[Persona], articles: Iterable[Article], origins: Mapping[str, str]
) -> list[Flag]:
    """Personas whose full name is found in no article outside one story."""
    if not personas:
        return []
    automaton = ahocorasick.Automaton()
    for p in personas:
        automaton.add_word(fold(p.name), fold(p.name))
    automaton.make_automaton()
    seen: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        text = fold(article.text)
        for end, name in automaton.iter(text):
            before = text[end - len(name)] if end - len(name) >= 0 else " "
            after = text[end + 1] if end + 1 < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                seen[name].add(origins.get(article.id, article.id))
    flags = []
    for p in personas:
        stories = seen.get(fold(p.name), set())
        if len(stories) > 1:
            continue
        detail = (
            f"{_describe(p)} is a named private individual quoted in this story only and "
            "found in no other article: nothing else confirms that this person exists."
        )
        kind = "private_individual_uncorroborated"
        flags.append(Flag(kind, (p.article_id,), detail, (p.evidence,)))
    return flags
