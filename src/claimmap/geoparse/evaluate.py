"""Geoparsing evaluation against gold toponyms (LGL-style JSONL records).

Definitions (also in docs/geoparse.md):

* recognition: a gold toponym is *found* when a predicted mention overlaps it;
  ``recall`` = found / gold, ``precision`` = predicted mentions overlapping some gold
  toponym / predicted mentions. ``f1_exact`` counts only identical boundaries.
* resolution, over gold toponyms that carry a GeoNames id and coordinates; each is
  judged by the predicted mention overlapping it most (none: counted as wrong):
  ``exact`` = predicted id is the gold id; ``acc161`` = predicted point within
  161 km of the gold point; ``abstained`` = a mention was found but left
  unresolved; ``mean_km``/``median_km`` over the resolved ones; ``in_gazetteer`` =
  share of gold ids the gazetteer holds, and the ``*_in_gazetteer`` figures are
  ``exact`` and ``acc161`` over that subset.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from claimmap.errors import InputRejected
from claimmap.geoparse.features import haversine
from claimmap.model import Article
from claimmap.stages import GeoparseResult

ACC_KM: Final = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted mention with the point of its place (None when unresolved)."""

    start: int
    end: int
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None


def read_gold(path: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    """Gold documents from a JSONL file; a malformed line is rejected by number."""
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputRejected(str(path), f"cannot read the file ({exc.strerror})") from exc
    with fh:
        n = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            yield _parse_line(line, f"{path}:{lineno}")
            n += 1


def _parse_line(line: str, where: str) -> GoldDoc:
    try:
        rec = json.loads(line)
        tops = tuple(
            GoldToponym(
                int(t["start"]), int(t["end"]), str(t.get("name", "")),
                t.get("geonameid"), t.get("lat"), t.get("lon"),
            )
            for t in rec.get("toponyms", [])
        )  # fmt: skip
        return GoldDoc(str(rec.get("doc_id", where)), str(rec["text"]), tops)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputRejected(
            where, f"not a gold record {{doc_id, text, toponyms:[{{start,end,...}}]}} ({exc})"
        ) from exc


def set_aside(
    docs: Sequence[GoldDoc], drop: Callable[[str], bool]
) -> tuple[list[GoldDoc], int]:
    """The documents without the gold toponyms ``drop`` names (``--skip-demonyms``:
    LGL marks demonyms such as "Russian" in "Russian troops" as toponyms, which
    claimmap by design does not), and how many were set aside."""
    out, n = [], 0
    for doc in docs:
        kept = tuple(t for t in doc.toponyms if not drop(doc.text[t.start : t.end]))
        n += len(doc.toponyms) - len(kept)
        out.append(GoldDoc(doc.doc_id, doc.text, kept))
    return out, n


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(
    docs: Sequence[GoldDoc],
    predictions: Sequence[Sequence[Predicted]],
    in_gazetteer: Callable[[str], bool],
    seconds: float,
) -> dict[str, object]:
    """The evaluation object (exactly the keys the CLI's ``--json`` prints)."""
    n_gold = n_pred = found = pred_hit = exact_gold = exact_pred = 0
    judged: list[tuple[GoldToponym, Predicted | None, bool]] = []
    for doc, preds in zip(docs, predictions, strict=True):
        n_gold += len(doc.toponyms)
        n_pred += len(preds)
        spans = {(p.start, p.end) for p in preds}
        golds = {(g.start, g.end) for g in doc.toponyms}
        exact_gold += sum((g.start, g.end) in spans for g in doc.toponyms)
        exact_pred += sum((p.start, p.end) in golds for p in preds)
        pred_hit += sum(any(_overlap(p.start, p.end, g.start, g.end) for g in doc.toponyms)
                        for p in preds)
        for g in doc.toponyms:
            best = max(preds, key=lambda p: _overlap(p.start, p.end, g.start, g.end),
                       default=None)
            if best is not None and not _overlap(best.start, best.end, g.start, g.end):
                best = None
            found += best is not None
            if g.geonameid is not None and g.lat is not None and g.lon is not None:
                judged.append((g, best, in_gazetteer(f"geonames:{g.geonameid}")))
    p, r, f = _prf(pred_hit, n_pred, found, n_gold)
    _pe, _re, fe = _prf(exact_pred, n_pred, exact_gold, n_gold)
    return {
        "n_gold": n_gold,
        "recognition": {"precision": _r(p), "recall": _r(r), "f1": _r(f), "f1_exact": _r(fe)},
        "resolution": _resolution(judged),
        "docs_per_sec": _r(len(docs) / seconds) if seconds > 0 else None,
    }


def _resolution(judged: list[tuple[GoldToponym, Predicted | None, bool]]) -> dict[str, object]:
    n = len(judged)
    exact = near = abstained = 0
    exact_in = near_in = n_in = 0
    errors: list[float] = []
    for g, pred, held in judged:
        ok_exact = pred is not None and pred.place_id == f"geonames:{g.geonameid}"
        km = _km(g, pred)
        ok_near = km is not None and km <= ACC_KM
        abstained += pred is not None and pred.place_id is None
        if km is not None:
            errors.append(km)
        exact += ok_exact
        near += ok_near
        if held:
            n_in += 1
            exact_in += ok_exact
            near_in += ok_near
    return {
        "exact": _share(exact, n),
        "acc161": _share(near, n),
        "abstained": _share(abstained, n),
        "mean_km": _r(statistics.fmean(errors)) if errors else None,
        "median_km": _r(statistics.median(errors)) if errors else None,
        "in_gazetteer": _share(n_in, n),
        "exact_in_gazetteer": _share(exact_in, n_in),
        "acc161_in_gazetteer": _share(near_in, n_in),
    }


def _km(g: GoldToponym, pred: Predicted | None) -> float | None:
    if pred is None or pred.place_id is None or pred.lat is None or pred.lon is None:
        return None
    assert g.lat is not None and g.lon is not None
    return haversine(g.lat, g.lon, pred.lat, pred.lon)


def _share(k: int, n: int) -> float | None:
    return _r(k / n) if n else None


def _r(x: float) -> float:
    return round(x, 4)


class SpanGeoparser(Protocol):
    """A geoparser that can also resolve given spans (``--gold-spans``)."""

    def parse(self, article: Article) -> GeoparseResult: ...

    def resolve_spans(
        self, article: Article, spans: Sequence[tuple[int, int]]
    ) -> GeoparseResult: ...


def run(
    geoparser: SpanGeoparser, docs: Sequence[GoldDoc], gold_spans: bool = False
) -> tuple[list[list[Predicted]], float]:
    """Predictions for each document and the seconds spent geoparsing them."""
    import time

    out: list[list[Predicted]] = []
    elapsed = 0.0
    for doc in docs:
        article = Article(id=doc.doc_id, text=doc.text, content_hash=doc.doc_id)
        t0 = time.perf_counter()
        if gold_spans:
            result = geoparser.resolve_spans(article, [(g.start, g.end) for g in doc.toponyms])
        else:
            result = geoparser.parse(article)
        elapsed += time.perf_counter() - t0
        out.append(_predicted(result))
    return out, elapsed


def _predicted(result: GeoparseResult) -> list[Predicted]:
    places = {p.id: p for p in result.places}
    preds = []
    for m in result.mentions:
        place = places.get(m.place_id) if m.place_id else None
        preds.append(
            Predicted(m.start, m.end, m.place_id, place.lat if place else None,
                      place.lon if place else None)
        )  # fmt: skip
    return preds
