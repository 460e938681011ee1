"""Coordinate search over the resolver's evidence weights (docs/geoparse.md, "Weights").

Tunes on the even-numbered documents of an LGL-format file and reports the odd-numbered
ones, which the search never sees. It patches the constants of
``claimmap.geoparse.features`` in this process only; it writes nothing. Adopting a
result means editing ``features.py`` by hand and recording the held-out figures.

    python benchmarks/tune_geoparse_weights.py ../shared/data/LGL.jsonl [--rounds 2]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from claimmap.gazetteer import load_default
from claimmap.geoparse import features as F
from claimmap.geoparse.evaluate import GoldDoc, read_gold, run, score
from claimmap.geoparse.pipeline import GazetteerGeoparser

FACTORS = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)
SCALARS = (
    "POPULATION_WEIGHT", "CONTAINER_MATCH", "CONTAINER_CLASH", "FOCUS_COUNTRY", "FOCUS_ADMIN1",
    "FOCUS_CORPUS", "PROXIMITY", "PROXIMITY_KM", "COHESION", "COHESION_COUNTRY",
    "COHESION_COUNTY", "CAPITAL", "CITY_OVER_PROVINCE", "ALIAS_BOTH_NAMES",
)  # fmt: skip
Knob = tuple[Callable[[float], None], Callable[[], float]]


def knobs() -> dict[str, Knob]:
    def item(table: dict[str, float], *keys: str) -> Knob:
        def put(v: float) -> None:
            for k in keys:
                table[k] = v

        return put, lambda: table[keys[0]]

    def scalar(name: str) -> Knob:
        return (lambda v: setattr(F, name, v)), (lambda: float(getattr(F, name)))

    out = {
        "MATCH_SCORE[alternate]": item(F.MATCH_SCORE, "alternate"),
        "KIND_PRIOR[country]": item(F.KIND_PRIOR, "country"),
        "KIND_PRIOR[admin1,region]": item(F.KIND_PRIOR, "admin1", "region"),
        "KIND_PRIOR[admin2]": item(F.KIND_PRIOR, "admin2"),
    }
    out.update({name: scalar(name) for name in SCALARS})
    return out


def measure(docs: Sequence[GoldDoc]) -> tuple[float, float]:
    gazetteer = load_default()
    preds, seconds = run(GazetteerGeoparser(gazetteer), docs, gold_spans=True)
    res = score(docs, preds, lambda pid: gazetteer.get(pid) is not None, seconds)["resolution"]
    assert isinstance(res, dict)
    return float(res["exact_in_gazetteer"]), float(res["acc161_in_gazetteer"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    docs = list(read_gold(args.gold))
    train, held_out = docs[0::2], docs[1::2]
    best = sum(measure(train))
    print(f"start: train {best:.4f}, held out {measure(held_out)}")
    for rnd in range(args.rounds):
        for name, (put, get) in knobs().items():
            current = get()
            for value in sorted({round(current * f, 3) for f in FACTORS} - {current}):
                if value <= 0 and name == "PROXIMITY_KM":
                    continue
                put(value)
                objective = sum(measure(train))
                if objective > best + 0.001:
                    best, current = objective, value
                    print(f"  {name} -> {value}: train {best:.4f}")
            put(current)
        settings = {name: get() for name, (_put, get) in knobs().items()}
        print(f"round {rnd}: {settings}\n  train {best:.4f}, held out {measure(held_out)}")


if __name__ == "__main__":
    main()
