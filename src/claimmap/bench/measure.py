"""Clocks, peak memory and one-core pinning."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import platform
import resource
import statistics
import sys
import sysconfig
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


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


def interpreter() -> dict[str, object]:
    """Which Python runs the benchmark, and how it was built: the same code runs
    14-17% faster on a CPython built with profile-guided and link-time optimisation
    into a static executable (Debian's ``python3``) than on one built without them
    against a shared ``libpython`` (a default pyenv build); see
    docs/benchmarks.md. ``libpython``: "shared" when the running executable has
    libpython mapped as a shared library, "static" when not, None where that cannot
    be read (no /proc). ``enable_optimizations``: whether ``./configure`` was given
    ``--enable-optimizations`` (distributions may apply PGO their own way, so False
    does not prove a build unoptimised). ``geoparser_compiled``: see
    :func:`geoparser_compiled`."""
    config = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    return {
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "executable": sys.executable,
        "libpython": _libpython(),
        "enable_optimizations": "--enable-optimizations" in config,
        "geoparser_compiled": geoparser_compiled(),
    }


def geoparser_compiled() -> bool:
    """Whether the installed geoparser was compiled with mypyc: ``pip install .`` compiles
    it (hatch_build.py); an editable install, or a machine with no C compiler, leaves it
    pure Python, which gives the same results more slowly."""
    spec = importlib.util.find_spec("claimmap.geoparse.recognise")
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def _libpython() -> str | None:
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    return "shared" if "libpython" in maps else "static"


def describe_interpreter(info: dict[str, object]) -> str:
    """:func:`interpreter` on one line, for a terminal."""
    libpython = info["libpython"] or "unknown"
    built = "; configured --enable-optimizations" if info["enable_optimizations"] else ""
    geoparser = ("compiled with mypyc" if info["geoparser_compiled"]
                 else "pure Python (`pip install .` compiles it)")
    return (f"{info['implementation']} {info['version']} ({info['executable']}; "
            f"libpython {libpython}{built}); geoparser {geoparser}")
