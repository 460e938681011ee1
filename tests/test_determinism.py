"""The analysis must not depend on Python's string-hash seed, which differs from process
to process: ``claimmap analyze`` is run on the same inputs under two seeds and the two
analysis JSONs must be equal. Inputs: the example articles and the claims fixtures
(always here), and the seeds and the war corpus from ../shared when present (a set
order once decided which of two evidence spans came first in a contradiction there)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.slow


def analyse(seed: str, out: Path) -> dict[str, object]:
    inputs = [ROOT / "examples" / "articles",
              *sorted((ROOT / "tests" / "fixtures" / "claims").glob("*.txt")),
              SHARED / "seeds", SHARED / "data" / "uawar_news.jsonl"]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run(
        [sys.executable, "-m", "claimmap", "analyze", *(str(p) for p in inputs if p.exists()),
         "--db", str(out / f"{seed}.db"), "--json", str(out / f"{seed}.json")],
        env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    result: dict[str, object] = json.loads((out / f"{seed}.json").read_text(encoding="utf-8"))
    return result


def test_analysis_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    first, second = analyse("1", tmp_path), analyse("2", tmp_path)
    assert isinstance(first["events"], list) and first["events"]
    for key in first:
        assert first[key] == second[key], key
