"""Run geoparsing and claim extraction over the gold's articles and score them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimmap.claims import create_extractor
from claimmap.claims.gold import Predicted, load_gold, predicted, score
from claimmap.errors import ClaimmapError, InputRejected


def evaluate(gold_path: Path, folders: Sequence[Path], gazetteer: str) -> dict[str, Any]:
    """The scoring report (``Report.as_dict()``) for the gold file at ``gold_path``."""
    from claimmap.gazetteer import load_default, load_fixture
    from claimmap.geoparse import create_geoparser
    from claimmap.ingest import read_inputs

    gold = load_gold(gold_path)
    wanted = {g.article_id for g in gold}
    if not wanted:
        raise ClaimmapError(f"{gold_path}: no gold claims in the file")
    parser = create_geoparser(load_fixture() if gazetteer == "fixture" else load_default())
    extractor = create_extractor()
    predictions: dict[str, list[Predicted]] = {}
    for item in read_inputs(str(folder) for folder in folders):
        if isinstance(item, InputRejected) or item.id not in wanted:
            continue
        parsed = parser.parse(item)
        places = {p.id: p for p in parsed.places}
        result = extractor.extract(item, parsed.mentions, places)
        predictions[item.id] = predicted(result.claims, parsed.mentions, places)
    if not predictions:
        raise ClaimmapError(
            f"none of the {len(wanted)} articles named in {gold_path} was found in "
            + ", ".join(str(f) for f in folders)
            + "; point --articles at the folder that holds them"
        )
    return score(gold, predictions).as_dict()
