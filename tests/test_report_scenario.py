"""An illustrative analysis for the report and export tests.

Everything here is made up for testing: the articles, claims and events are NOT
real reporting. The places carry real coordinates so the map can be checked. One
article is hostile: its text, title, source and URL try script tags, event
handlers, ``javascript:`` links and spreadsheet formulas.
"""

from __future__ import annotations

from claimmap.model import (
    Analysis,
    Article,
    Candidate,
    Claim,
    Contradiction,
    ContradictionValue,
    DateValue,
    Event,
    Flag,
    Mention,
    Party,
    Place,
    Quantity,
    Span,
)

HOSTILE_SCRIPT = "<script>alert('pwned')</script>"
HOSTILE_IMG = '<img src="http://attacker.invalid/x.png" onerror="alert(1)">'
HOSTILE_LINK = '<a href="javascript:alert(2)">more</a>'
FORMULA = "=HYPERLINK(\"http://attacker.invalid\",\"x\")"

PLACES = (
    Place("geonames:704508", "Pokrovsk", "populated_place", 48.2823, 37.1758, "UA", "14",
          "Donetsk Oblast", 60000, "Pokrovsk Raion"),
    Place("geonames:706483", "Kharkiv", "populated_place", 49.9935, 36.2304, "UA", "07",
          "Kharkiv Oblast", 1400000, "Kharkiv Raion"),
    Place("geonames:709716", "Donetsk Oblast", "admin1", 48.0, 37.8, "UA", "14",
          "Donetsk Oblast"),
    Place("geonames:578072", "Belgorod", "populated_place", 50.5977, 36.5858, "RU", "09",
          "Belgorod Oblast", 390000),
)  # fmt: skip


def _article(aid: str, sentences: list[str], **kw: str) -> Article:
    return Article(id=aid, text=" ".join(sentences), content_hash="h" + aid, **kw)


def _span(article: Article, text: str) -> Span:
    start = article.text.index(text)
    return Span(article.id, start, start + len(text), text)


def _mention(article: Article, text: str, place_id: str | None) -> Mention:
    span = _span(article, text)
    cands = () if place_id else (Candidate("geonames:704508", 0.2),)
    return Mention(article.id, span.start, span.end, text, place_id, 0.9 if place_id else 0.1,
                   "test" if place_id else "no candidate scored high enough", cands)


def build() -> Analysis:
    a1 = _article("a1", ["Illustrative text only.",
                         "The defence ministry said its troops took Pokrovsk on 1 December.",
                         "Fighting near Novoselivka went on."],
                  title="Test wire one", source="Example Wire", published="2025-12-02")
    a2 = _article("a2", ["Made-up report for tests.",
                         "Ukraine's army denied that Pokrovsk fell, saying fighting went on "
                         "on 30 November.", "Strikes hit Kharkiv on 2 December, officials said."],
                  title="Test daily", source="Sample Daily", published="2025-12-03")
    a3 = _article("a3", ["Not real reporting.", f"Officials in Belgorod said {HOSTILE_SCRIPT} "
                         "12 people were killed in December.", HOSTILE_IMG, HOSTILE_LINK,
                         FORMULA, "-2+3 said the sum."],
                  title=HOSTILE_SCRIPT, source=FORMULA, url="javascript:alert(3)",
                  published="2025-12-04")
    arts = (a1, a2, a3)
    mentions = (
        _mention(a1, "Pokrovsk", "geonames:704508"), _mention(a1, "Novoselivka", None),
        _mention(a2, "Pokrovsk", "geonames:704508"), _mention(a2, "Kharkiv", "geonames:706483"),
        _mention(a3, "Belgorod", "geonames:578072"), _mention(a3, HOSTILE_IMG, None),
    )  # fmt: skip
    c1 = Claim("c1", "a1", "control_change", "Battles", "Non-state actor overtakes territory",
               _span(a1, "The defence ministry said its troops took Pokrovsk on 1 December."),
               actor=Party("russia", "Center group"), target=Party("ukraine"),
               place_id="geonames:704508", date=DateValue("2025-12-01", "day"),
               claimant="Russian Ministry of Defence", claimant_side="russia")
    c2 = Claim("c2", "a2", "denial", "Battles", "Armed clash",
               _span(a2, "Ukraine's army denied that Pokrovsk fell"),
               actor=Party("ukraine"), target=Party("russia"), place_id="geonames:704508",
               date=DateValue("2025-11-30", "day"), claimant="Ukrainian army",
               claimant_side="ukraine", modality="denied")
    c3 = Claim("c3", "a2", "attack", "Explosions/Remote violence", "Air/drone strike",
               _span(a2, "Strikes hit Kharkiv on 2 December, officials said."),
               actor=Party("russia"), place_id="geonames:706483",
               date=DateValue("--12-02", "day_no_year"), claimant="officials",
               claimant_side="ukraine")
    c4 = Claim("c4", "a3", "casualties", "Violence against civilians", "Attack",
               _span(a3, f"Officials in Belgorod said {HOSTILE_SCRIPT} 12 people were killed"),
               place_id="geonames:578072", date=DateValue("2025-12", "month"),
               quantity=Quantity(12, None, "killed"), claimant=HOSTILE_SCRIPT,
               claimant_side="russia")
    c5 = Claim("c5", "a3", "statement", None, None, _span(a3, FORMULA),
               claimant="-2+3", claimant_side="unknown", modality="reported")
    claims = (c1, c2, c3, c4, c5)
    date_clash = Contradiction("date", (
        ContradictionValue("2025-12-01", ("a1",), (c1.evidence,)),
        ContradictionValue("2025-11-30", ("a2",), (c2.evidence,)),
    ))  # fmt: skip
    events = (
        Event("e1", "control_change", "Battles", "geonames:704508", DateValue("2025-12-01", "day"),
              ("c1", "c2"), ("a1", "a2"), ("o1", "o2"), 2, ("russia", "ukraine"), "contested",
              (date_clash,), "Control of Pokrovsk claimed and denied", ("c2",)),
        Event("e2", "attack", "Explosions/Remote violence", "geonames:706483",
              DateValue("--12-02", "day_no_year"), ("c3",), ("a2",), ("o2",), 1, ("ukraine",),
              "one_sided", (), "Strikes on Kharkiv"),
        Event("e3", "casualties", "Violence against civilians", "geonames:578072",
              DateValue("2025-12", "month"), ("c4",), ("a3",), ("o3",), 1, ("russia",),
              "single_source", (), f"Deaths in Belgorod {HOSTILE_SCRIPT}"),
        Event("e4", "statement", None, None, DateValue.unknown(), ("c5",), ("a3",), ("o3",), 1,
              ("unknown",), "single_source", (), FORMULA),
    )  # fmt: skip
    flags = (
        Flag("unsourced_figure", ("a3",), f"figure with no source {HOSTILE_LINK}",
             (c4.evidence,)),
        Flag("copy", ("a1", "a2"), "shared wording"),
    )
    return Analysis(arts, PLACES, mentions, claims, events, flags,
                    {"a1": "o1", "a2": "o2", "a3": "o3"})


def test_scenario_spans_match_article_text() -> None:
    analysis = build()
    texts = {a.id: a.text for a in analysis.articles}
    spans = [c.evidence for c in analysis.claims] + [
        Span(m.article_id, m.start, m.end, m.text) for m in analysis.mentions
    ]
    for span in spans:
        assert texts[span.article_id][span.start : span.end] == span.text
