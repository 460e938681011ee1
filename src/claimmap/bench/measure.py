"""Clocks, peak memory and one-core pinning."""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Clock:
    """Accumulated wall time (``perf_counter``) and process CPU time (``process_time``).

    CPU time is what the process itself used: on a shared machine, other load slows the
    wall clock but not this."""

    wall: float = 0.0
    cpu: float = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu


@dataclass
class Throughput:
    """One measured step: how much went through it, and its clock over each repeat."""

    articles: int
    words: int
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, clock: Clock) -> None:
        self.wall.append(clock.wall)
        self.cpu.append(clock.cpu)

    def as_dict(self) -> dict[str, object]:
        wall = statistics.median(self.wall) if self.wall else 0.0
        cpu = statistics.median(self.cpu) if self.cpu else 0.0
        return {
            "articles": self.articles, "words": self.words,
            "wall_s": [round(v, 4) for v in self.wall], "cpu_s": [round(v, 4) for v in self.cpu],
            "articles_per_s": _rate(self.articles, wall), "words_per_s": _rate(self.words, wall),
            "articles_per_cpu_s": _rate(self.articles, cpu),
            "words_per_cpu_s": _rate(self.words, cpu),
            "ms_per_article": round(1000 * wall / self.articles, 3) if self.articles else None,
        }


def _rate(amount: int, seconds: float) -> float | None:
    return round(amount / seconds, 1) if seconds > 0 else None


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MiB (``ru_maxrss``: KiB on Linux,
    bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def pin_one_core() -> int | None:
    """Pin this process to one CPU (the lowest it may use) and return it; None where
    ``os.sched_setaffinity`` does not exist (macOS, Windows)."""
    setter = getattr(os, "sched_setaffinity", None)
    getter = getattr(os, "sched_getaffinity", None)
    if setter is None or getter is None:
        return None
    core = min(getter(0))
    setter(0, {core})
    return int(core)


def load_average() -> list[float] | None:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None
