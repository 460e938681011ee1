"""Gold claims (JSONL, one claim per line; see docs/claims.md) and scoring against them.

A gold claim names its article, the offsets of its evidence sentence or clause, its
type, and any of the scored fields. A field left out is not scored for that claim; a
field given as null says the claim has no such value (no claimant: the article's own
voice). Predicted and gold claims match when they are in the same article, have the
same type and their evidence spans overlap (one to one, preferring the same place).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimmap.claims.flags import fold
from claimmap.errors import ClaimmapError
from claimmap.model import Claim, Mention, Place

FIELDS = (
    "place", "date", "date_precision", "quantity", "claimant", "claimant_side", "actor_side",
    "modality", "speaker", "anonymous", "acled_sub_event_type",
)  # fmt: skip
REQUIRED = ("article_id", "start", "end", "type")
_STOP = frozenset({"the", "and", "for", "citing", "told", "said", "via", "from", "a", "an", "of"})


@dataclass(frozen=True, slots=True)
class GoldClaim:
    article_id: str
    start: int
    end: int
    type: str
    fields: Mapping[str, Any]
    line: int


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted claim with what scoring needs: its place's name and mention text."""

    claim: Claim
    place_names: tuple[str, ...]


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    predicted: int = 0  # matched pairs, field annotated, predicted non-null
    gold: int = 0  # gold claims with the field annotated and non-null
    agree: int = 0  # matched pairs, field annotated, values agree (nulls included)
    judged: int = 0  # matched pairs with the field annotated

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.correct / self.predicted, 3) if self.predicted else 0.0,
            "recall": round(self.correct / self.gold, 3) if self.gold else 0.0,
            "accuracy_on_matched": round(self.agree / self.judged, 3) if self.judged else 0.0,
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(slots=True)
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_claims": self.gold,
            "predicted_claims": self.predicted,
            "matched": self.matched,
            "claim_precision": round(self.matched / self.predicted, 3) if self.predicted else 0.0,
            "claim_recall": round(self.matched / self.gold, 3) if self.gold else 0.0,
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "skipped_articles": sorted(set(self.skipped)),
        }


def load_gold(path: Path) -> list[GoldClaim]:
    """Read a gold file; raises ClaimmapError naming the line of a bad record."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ClaimmapError(f"{path}: cannot read the gold file: {exc.strerror or exc}") from exc
    out: list[GoldClaim] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ClaimmapError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        missing = [key for key in REQUIRED if key not in record]
        if not isinstance(record, dict) or missing:
            raise ClaimmapError(f"{path}:{number}: a gold claim needs {', '.join(REQUIRED)}")
        values = {key: record[key] for key in FIELDS if key in record}
        out.append(
            GoldClaim(
                str(record["article_id"]),
                int(record["start"]),
                int(record["end"]),
                str(record["type"]),
                values,
                number,
            )
        )
    return out


def predicted(
    claims: Iterable[Claim], mentions: Sequence[Mention], places: Mapping[str, Place]
) -> list[Predicted]:
    by_start = {m.start: m.text for m in mentions}
    out = []
    for claim in claims:
        names = []
        place = places.get(claim.place_id) if claim.place_id else None
        if place is not None:
            names.append(place.name)
        if claim.mention_start in by_start:
            names.append(by_start[claim.mention_start])
        out.append(Predicted(claim, tuple(names)))
    return out


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", fold_words(text)) if t not in _STOP}


def fold_words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def value_of(p: Predicted, name: str) -> Any:
    claim = p.claim
    if name == "place":
        return p.place_names[0] if p.place_names else None
    if name == "date":
        return claim.date.value
    if name == "date_precision":
        return None if claim.date.precision == "unknown" else claim.date.precision
    if name == "quantity":
        q = claim.quantity
        return None if q is None else {"value": q.value, "qualifier": q.qualifier, "unit": q.unit}
    if name == "actor_side":
        return claim.actor.side if claim.actor else None
    if name == "claimant_side":
        return None if claim.claimant_side == "unknown" else claim.claimant_side
    return getattr(claim, name)


def agrees(p: Predicted, name: str, gold: Any) -> bool:
    """Whether the predicted value of field ``name`` agrees with the gold value."""
    value = value_of(p, name)
    if gold is None or value is None:
        return gold is None and value is None
    if name == "place":
        return fold(str(gold)) in {fold(n) for n in p.place_names}
    if name in ("claimant", "speaker"):
        return _tokens(str(gold)) <= _tokens(str(value))
    if name == "quantity":
        return all(
            (value[k] == gold[k]) if k != "value" or gold[k] is None or value[k] is None
            else abs(float(value[k]) - float(gold[k])) < 1e-9
            for k in gold
        )  # fmt: skip
    return bool(value == gold)


def _match(gold: GoldClaim, candidates: list[Predicted], used: set[int]) -> Predicted | None:
    best: tuple[int, int, int] | None = None
    for index, p in enumerate(candidates):
        c = p.claim
        if index in used or c.type != gold.type:
            continue
        overlap = min(c.evidence.end, gold.end) - max(c.evidence.start, gold.start)
        if overlap <= 0:
            continue
        same_place = "place" in gold.fields and agrees(p, "place", gold.fields["place"])
        key = (int(same_place), overlap, -index)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    used.add(-best[2])
    return candidates[-best[2]]


def score(gold: Sequence[GoldClaim], predictions: Mapping[str, list[Predicted]]) -> Report:
    """Score predictions (by article id) against gold claims of those articles."""
    report = Report(articles=len(predictions))
    used: dict[str, set[int]] = {aid: set() for aid in predictions}
    report.predicted = sum(len(p) for p in predictions.values())
    for item in gold:
        if item.article_id not in predictions:
            report.skipped.append(item.article_id)
            continue
        report.gold += 1
        match = _match(item, predictions[item.article_id], used[item.article_id])
        report.matched += match is not None
        for name, value in item.fields.items():
            _count(report.fields[name], match, name, value)
    return report


def _count(s: FieldScore, match: Predicted | None, name: str, gold: Any) -> None:
    if gold is not None:
        s.gold += 1
    if match is None:
        return
    s.judged += 1
    ok = agrees(match, name, gold)
    s.agree += ok
    if value_of(match, name) is not None:
        s.predicted += 1
        s.correct += ok and gold is not None
