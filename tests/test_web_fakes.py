"""Small, deterministic stages and articles for the web app and browser tests.

Everything here is ILLUSTRATIVE, NOT REAL REPORTING: the places (Alderton, Brindle)
are invented, and the texts were written for these tests. The fake stages let the
tests drive the real pipeline and store without depending on the real geoparser,
claim extractor or consolidator.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

from claimmap.model import (
    Article,
    Claim,
    Contradiction,
    ContradictionValue,
    DateValue,
    Event,
    Flag,
    Mention,
    Party,
    Place,
    Span,
)
from claimmap.pipeline import ClaimMap
from claimmap.stages import ClaimsResult, ConsolidationResult, GeoparseResult

PLACES = {
    "Alderton": Place("geonames:990001", "Alderton", "populated_place", 48.28, 37.18, "UA",
                      "05", "Donetsk Oblast", 60000),
    "Brindle": Place("geonames:990002", "Brindle", "populated_place", 47.1, 37.5, "UA",
                     "05", "Donetsk Oblast", 9000),
}
UNRESOLVED = "Quillmoor"
HOSTILE = '<script>alert("pwned")</script>'

ARTICLES = {
    "alpha.txt": (
        "Alderton changes hands, officials say\n"
        "Illustrative text written for tests, not real reporting. Russian officials "
        "said their units captured Alderton on 2025-11-01. Ukrainian officials denied "
        "any loss near Quillmoor."
    ),
    "bravo.txt": (
        "Officials dispute events at Alderton\n"
        "Illustrative text written for tests, not real reporting. Ukrainian officials "
        "said Russian units captured Alderton on 2025-11-02 after heavy fighting."
    ),
    "charlie.txt": (
        "Drones reported over Brindle\n"
        "Illustrative text written for tests, not real reporting. Local officials said "
        "drones struck Brindle on 2025-11-03."
    ),
}
HOSTILE_ARTICLE = (
    f"Hostile {HOSTILE} headline\n"
    f"Illustrative hostile text, not real reporting. {HOSTILE} "
    '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">link</a> '
    "Officials said units captured Brindle on 2025-11-04."
)

_SENTENCE = re.compile(r"[^.\n]+[.\n]?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FakeGeoparser:
    def parse(self, article: Article) -> GeoparseResult:
        mentions = []
        for name in (*PLACES, UNRESOLVED):
            for m in re.finditer(re.escape(name), article.text):
                place = PLACES.get(name)
                mentions.append(Mention(article.id, m.start(), m.end(), name,
                                        place.id if place else None, 0.9 if place else 0.0,
                                        "fake gazetteer"))
        mentions.sort(key=lambda m: m.start)
        return GeoparseResult(tuple(mentions), tuple(PLACES.values()))


def _side(sentence: str) -> str:
    if sentence.strip().startswith("Russian"):
        return "russia"
    return "ukraine" if sentence.strip().startswith("Ukrainian") else "other"


class FakeExtractor:
    def extract(self, article: Article, mentions: Sequence[Mention],
                places: Mapping[str, Place]) -> ClaimsResult:
        claims = []
        for m in _SENTENCE.finditer(article.text):
            sentence = m.group().strip()
            kind = ("control_change" if "captured" in sentence
                    else "attack" if "struck" in sentence else None)
            if kind is None:
                continue
            start = article.text.index(sentence, m.start())
            span = Span(article.id, start, start + len(sentence), sentence)
            inside = [x for x in mentions if start <= x.start < span.end and x.place_id]
            date = _DATE.search(sentence)
            claims.append(Claim(
                id=f"{article.id}:c{len(claims)}", article_id=article.id, type=kind,
                acled_event_type=None, acled_sub_event_type=None, evidence=span,
                actor=Party("russia"), place_id=inside[0].place_id if inside else None,
                date=DateValue(date.group(), "day") if date else DateValue.unknown(),
                claimant_side=_side(sentence),  # type: ignore[arg-type]
            ))
        return ClaimsResult(tuple(claims))


class FakeConsolidator:
    def consolidate(self, articles: Sequence[Article], mentions: Sequence[Mention],
                    claims: Sequence[Claim], places: Mapping[str, Place],
                    article_flags: Sequence[Flag] = ()) -> ConsolidationResult:
        groups: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
        for claim in claims:
            groups[(claim.type, claim.place_id)].append(claim)
        titles = {a.id: a.title or a.id for a in articles}
        events = [_event(i, group, places, titles) for i, group in enumerate(groups.values())]
        return ConsolidationResult(tuple(events))


def _event(i: int, group: list[Claim], places: Mapping[str, Place],
           titles: Mapping[str, str]) -> Event:
    arts = tuple(dict.fromkeys(c.article_id for c in group))
    sides = tuple(sorted({c.claimant_side for c in group}))
    dates: dict[str, list[Claim]] = defaultdict(list)
    for c in group:
        dates[c.date.value or "?"].append(c)
    contradictions = ()
    if len(dates) > 1:
        contradictions = (Contradiction("date", tuple(
            ContradictionValue(v, tuple(c.article_id for c in cs),
                               tuple(c.evidence for c in cs))
            for v, cs in sorted(dates.items()))),)
    place = places.get(group[0].place_id or "")
    status = ("contested" if contradictions else
              "corroborated" if len(arts) > 1 else "single_source")
    return Event(
        id=f"ev{i}", type=group[0].type, acled_event_type=None, place_id=group[0].place_id,
        date=group[0].date, claim_ids=tuple(c.id for c in group), article_ids=arts,
        origin_ids=arts, independent_origins=len(arts), claimant_sides=sides,  # type: ignore[arg-type]
        status=status, contradictions=contradictions,  # type: ignore[arg-type]
        summary=(f"{group[0].type} at {place.name if place else 'unknown place'}"
                 f" ({titles[group[0].article_id]})"),  # article text: hostile in one
    )


def fake_claimmap(db: Path, articles: Path | None = None) -> ClaimMap:
    """A ClaimMap over ``db`` with the fake stages; ``articles`` (a folder) is filled
    with the illustrative articles and analysed when given."""
    cm = ClaimMap(db, geoparser=FakeGeoparser(), extractor=FakeExtractor(),
                  consolidator=FakeConsolidator())
    if articles is not None:
        articles.mkdir(parents=True, exist_ok=True)
        for name, text in ARTICLES.items():
            (articles / name).write_text(text, encoding="utf-8")
        (articles / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
        report = cm.analyze([str(articles)])
        assert report.read == len(ARTICLES) + 1, report
    return cm


class Client:
    """A synchronous face on ``httpx.AsyncClient(transport=httpx.ASGITransport(app))``,
    running the app in process on its own event loop (Starlette's TestClient warns
    about httpx, and warnings are errors here)."""

    def __init__(self, app: object, base_url: str = "http://127.0.0.1") -> None:
        import asyncio

        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
            base_url=base_url,
        )

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        call = self._client.request(method, url, **kwargs)  # type: ignore[arg-type]
        return self._loop.run_until_complete(call)

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()
