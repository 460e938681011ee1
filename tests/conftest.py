"""Shared test fixtures, kept small and generic."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"


def seeds_dir() -> Path | None:
    """The shared seed articles: $CLAIMMAP_SEEDS, else ../shared/seeds from the repo."""
    env = os.environ.get("CLAIMMAP_SEEDS")
    path = Path(env) if env else REPO.parent / "shared" / "seeds"
    return path if path.is_dir() and any(path.glob("*.txt")) else None


@pytest.fixture
def seeds() -> Path:
    """The seed articles folder; the test is skipped when it is absent."""
    path = seeds_dir()
    if path is None:
        pytest.skip("seed articles not found: set CLAIMMAP_SEEDS or place them in ../shared/seeds")
    return path


@pytest.fixture
def noop_stages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the pipeline use no-op stages instead of the installed stage factories, so
    foundation tests do not depend on geoparsing, claims or consolidation."""
    from claimmap import pipeline

    noop = {
        "geoparse": pipeline.NoGeoparser,
        "claims": pipeline.NoClaimExtractor,
        "consolidate": pipeline.NoConsolidator,
    }
    monkeypatch.setattr(pipeline, "create_stage", lambda name: noop[name]())
    yield


@pytest.fixture
def full_analysis() -> object:
    """A small hand-built Analysis (illustrative, not real reporting) in which every
    list and every optional nested object is filled."""
    from claimmap import model as m

    text_a = "Illustrative: Russia said it took Toretsk; up to 120 killed."
    text_b = "Illustrative: Ukraine said attacks near Toretsk were repelled."
    art_a = m.Article("a1", text_a, "h" * 64, title="A", source="S", url="u",
                      published="2025-03-11", language="en", author="W", path="a1.txt")
    art_b = m.Article("b2", text_b, "g" * 64)
    place = m.Place("geonames:1", "Toretsk", "populated_place", 48.4, 37.8, "UA", "05",
                    "Donetsk", 30000, "Bakhmut Raion")
    span_a = m.Span("a1", 14, 36, text_a[14:36])
    start = text_a.index("Toretsk")
    mention = m.Mention("a1", start, start + 7, "Toretsk", place.id, 0.9, "exact name",
                        (m.Candidate(place.id, 0.9), m.Candidate("geonames:2", 0.1)))
    claim = m.Claim("a1#0", "a1", "control_change", "Strategic developments",
                    "Non-violent transfer of territory", span_a, m.Party("russia", "army"),
                    m.Party("ukraine"), place.id, start, m.DateValue("2025-03-11", "day"),
                    m.Quantity(120.0, "up to", "killed"), "ministry", "russia", False, "reported",
                    ("liberation",), "spokesman", span_a)
    flag = m.Flag("one_sided", ("a1",), "only one side", (span_a,))
    value = m.ContradictionValue("2025-03-11", ("a1",), (span_a,))
    event = m.Event("e1", "control_change", "Strategic developments", place.id,
                    m.DateValue("--03-11", "day_no_year"), ("a1#0",), ("a1", "b2"), ("a1", "b2"),
                    2, ("russia", "ukraine"), "contested",
                    (m.Contradiction("date", (value,)),), "Toretsk: capture claimed, denied",
                    ("b2#0",))
    return m.Analysis((art_a, art_b), (place,), (mention,), (claim,), (event,), (flag,),
                      {"a1": "a1", "b2": "b2"})
