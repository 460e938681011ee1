"""The analysis must not depend on Python's string-hash seed, which differs from process
to process: ``claimmap analyze`` is run on the same inputs (tests/fixtures/analyse.py)
under two seeds and the two analysis JSONs must be equal. (In the war corpus a set's order once
decided which of two evidence spans came first in a contradiction.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.analyse import analyse

pytestmark = pytest.mark.slow


def test_analysis_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    first = analyse(tmp_path / "1", PYTHONHASHSEED="1")
    second = analyse(tmp_path / "2", PYTHONHASHSEED="2")
    assert isinstance(first["events"], list) and first["events"]
    for key in first:
        assert first[key] == second[key], key
