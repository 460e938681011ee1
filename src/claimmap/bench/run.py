"""One benchmark run: the options, the steps in order, and the result as a dict (the
``--json`` output) or as lines for a terminal."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimmap import __version__
from claimmap.bench import corpus as corpora
from claimmap.bench.measure import (
    Throughput,
    describe_interpreter,
    interpreter,
    load_average,
    peak_rss_mb,
    pin_one_core,
)


@dataclass(frozen=True, slots=True)
class Options:
    corpus: Path
    stages: bool = False
    repeat: int = 1
    scale: int = 1
    pin: bool = True
    startup: bool = True
    spacy: bool = False


def machine() -> dict[str, object]:
    """nproc, CPU model, RAM, Python, claimmap version, date (UTC) and load average."""
    return {
        "nproc": os.cpu_count(), "cpu": _cpu_model(), "ram_gib": _ram_gib(),
        "python": platform.python_version(), "interpreter": interpreter(),
        "claimmap": __version__,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": load_average(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    return round(pages * size / 2**30, 1)


def run(options: Options) -> dict[str, Any]:
    """Every requested measurement, into a temporary folder removed afterwards."""
    from claimmap.bench.endtoend import run_end_to_end

    core = pin_one_core() if options.pin else None
    result: dict[str, Any] = {"machine": machine(), "pinned_core": core,
                              "command": " ".join(["claimmap", *sys.argv[1:]])}
    with tempfile.TemporaryDirectory(prefix="claimmap-bench-") as folder:
        work = Path(folder)
        data = corpora.write_scaled(options.corpus, options.scale, work / "scaled.jsonl")
        size = corpora.measure(data)
        result["corpus"] = {"file": str(options.corpus), "scale": options.scale,
                            "records": size.records, "distinct_texts": size.unique,
                            "words": size.words, "bytes": size.bytes}
        figure: Throughput | None = None
        for n in range(max(options.repeat, 1)):
            done = run_end_to_end(data, work / f"e2e{n}.db")
            figure = figure or Throughput(done.read, size.words)
            figure.add(done.clock)
            result["end_to_end_run"] = {"read": done.read, "skipped": done.skipped,
                                        "rejected": done.rejected,
                                        "consolidation_error": done.consolidation_error}
            if n == 0:  # a high-water mark: later runs would include this one's peak
                result["peak_rss_mb_ingest"] = done.peak_rss_mb_ingest
        assert figure is not None
        result["end_to_end"] = figure.as_dict()
        result["peak_rss_mb"] = peak_rss_mb()
        if options.stages:
            result["stages"] = _stages(data, work, options.repeat)
        if options.startup:
            from claimmap.bench.startup import startup_times

            result["startup"] = startup_times(work / "e2e0.db")
        if options.spacy:
            result["reference"] = _reference(data, options.repeat, result.get("stages"))
    result["peak_rss_mb_all"] = peak_rss_mb()
    result["machine"]["load_average_after"] = load_average()
    return result


def _stages(data: Path, work: Path, repeat: int) -> dict[str, object]:
    from claimmap.bench.stages import merge, run_stages, warm_stages

    stages = warm_stages(data)
    runs = [run_stages(data, work / f"stages{n}.db", stages) for n in range(max(repeat, 1))]
    return {name: figure.as_dict() for name, figure in merge(runs).items()}


def _reference(data: Path, repeat: int, stages: object) -> dict[str, object]:
    from claimmap.bench.reference import run_spacy

    out = run_spacy(data, repeat)
    if isinstance(stages, dict) and "geoparse" in stages:
        ours = stages["geoparse"].get("articles_per_cpu_s")
        theirs = out.get("articles_per_cpu_s")
        if isinstance(ours, float) and isinstance(theirs, float) and theirs > 0:
            out["geoparse_speedup"] = round(ours / theirs, 2)
    return out


def lines(result: dict[str, Any]) -> list[str]:
    """A short plain-text summary of :func:`run`'s result."""
    m, c = result["machine"], result["corpus"]
    out = [f"claimmap {m['claimmap']} bench, {m['date']}, {m['nproc']} cores ({m['cpu']}), "
           f"{m['ram_gib']} GiB, load {m['load_average']} -> {m['load_average_after']}, "
           f"pinned to core {result['pinned_core']}",
           f"python {describe_interpreter(m['interpreter'])}",
           f"corpus {c['file']} x{c['scale']}: {c['records']} records, "
           f"{c['distinct_texts']} distinct texts, {c['words']} words in them"]
    out.append(_figure("end to end", result["end_to_end"]))
    for name, figure in (result.get("stages") or {}).items():
        out.append(_figure(f"  {name}", figure))
    out.append(f"peak memory (RSS) through end to end: {result['peak_rss_mb']} MiB "
               f"({result['peak_rss_mb_ingest']} MiB when the last article was stored, "
               "before consolidation)")
    for item in result.get("startup") or []:
        out.append(f"start-up {item['command']!r}: warm {item['warm_s']} s (runs "
                   f"{item['runs_s']})")
    ref = result.get("reference")
    if ref:
        out.append(_figure(f"reference {ref['model']}", ref))
        if "geoparse_speedup" in ref:
            out.append(f"claimmap geoparse / spaCy NER (CPU time): {ref['geoparse_speedup']}x")
    return out


def _figure(name: str, f: dict[str, Any]) -> str:
    return (f"{name}: {f['articles_per_s']} articles/s, {f['words_per_s']} words/s wall; "
            f"{f['articles_per_cpu_s']} articles/s, {f['words_per_cpu_s']} words/s CPU "
            f"({f['articles']} articles, {f['ms_per_article']} ms each)")
