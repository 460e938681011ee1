"""End to end: the real :class:`~claimmap.pipeline.ClaimMap` (``claimmap analyze``
without the terminal) from the corpus file into a new temporary store. Stages are
created inside the run, as a user's first run creates them, so set-up is counted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimmap.bench.measure import Clock, peak_rss_mb
from claimmap.pipeline import ClaimMap, Progress


@dataclass(frozen=True, slots=True)
class EndToEnd:
    clock: Clock
    read: int
    skipped: int
    rejected: int
    consolidated: bool
    consolidation_error: str | None
    #: Peak RSS (MiB) when the last article was stored, before consolidation.
    peak_rss_mb_ingest: float


def run_end_to_end(corpus: Path, db: Path) -> EndToEnd:
    clock = Clock()
    cm = ClaimMap(db)
    ingest_peak = [0.0]

    def progress(_: Progress) -> None:
        ingest_peak[0] = peak_rss_mb()  # a high-water mark: the last call is the peak

    try:
        with clock.running():
            report = cm.analyze([str(corpus)], progress)
    finally:
        cm.close()
    return EndToEnd(clock, report.read, report.skipped, len(report.rejected),
                    report.consolidated, report.consolidation_error, ingest_peak[0])
