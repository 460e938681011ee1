"""Start-up time of ``claimmap`` commands, each in a new process.

Each command runs ``runs`` times; the first run warms the OS file cache and Python's
bytecode cache and is dropped, and the median of the others is reported ("warm start").
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def claimmap_command() -> list[str]:
    """The installed ``claimmap`` script, else ``python -m claimmap``."""
    found = shutil.which("claimmap")
    return [found] if found else [sys.executable, "-m", "claimmap"]


def time_command(args: list[str], runs: int = 4) -> dict[str, object]:
    """Wall seconds of each run of ``claimmap ARGS``; ``warm_s`` is the median of all
    runs but the first."""
    command = [*claimmap_command(), *args]
    times = []
    for _ in range(max(runs, 2)):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            err = done.stderr.decode(errors="replace").strip()
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {err}")
    return {"command": "claimmap " + " ".join(args), "runs_s": [round(t, 3) for t in times],
            "warm_s": round(statistics.median(times[1:]), 3)}


def startup_times(db: Path, runs: int = 4) -> list[dict[str, object]]:
    """``claimmap --version`` and ``claimmap articles`` on ``db`` (an existing store)."""
    return [time_command(["--version"], runs), time_command(["articles", "--db", str(db)], runs)]
