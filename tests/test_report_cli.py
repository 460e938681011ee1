"""``claimmap export`` and ``claimmap report`` over a store. The store is replaced by
a stand-in holding the illustrative analysis of test_report_scenario.py (not real
reporting)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import TracebackType
from typing import ClassVar

import pytest
from click.testing import CliRunner

import claimmap.store
from claimmap.cli import main
from claimmap.model import Analysis
from test_report_scenario import build


class FakeStore:
    opened: ClassVar[list[str]] = []

    def __init__(self, target: str) -> None:
        FakeStore.opened.append(target)

    @classmethod
    def open(cls, target: str) -> FakeStore:
        return cls(str(target))

    def __enter__(self) -> FakeStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def load_analysis(self) -> Analysis:
        return build()


@pytest.fixture(autouse=True)
def fake_store(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeStore.opened = []
    monkeypatch.setattr(claimmap.store, "Store", FakeStore)


@pytest.mark.parametrize("fmt", ["geojson", "acled-csv", "claims-csv"])
def test_export_writes_each_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out),
                                       "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert FakeStore.opened == [str(tmp_path / "x.db")]
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert json.loads(text)["type"] == "FeatureCollection"
    else:
        assert len(list(csv.reader(text.splitlines()))) > 1


def test_export_to_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "acled-csv", "--db", "x.db"])
    assert result.exit_code == 0
    assert result.output.startswith("event_id_cnty,event_date,year,")


def test_export_rejects_an_unknown_format() -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xlsx"])
    assert result.exit_code == 2 and "xlsx" in result.output


def test_report_writes_the_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--html", str(out), "--db", "x.db"])
    assert result.exit_code == 0, result.output
    assert "4 events" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
