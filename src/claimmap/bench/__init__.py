"""``claimmap bench``: throughput, memory and start-up figures anyone can reproduce.

Modules: :mod:`~claimmap.bench.corpus` (finding and streaming the corpus, replicas for
``--scale``), :mod:`~claimmap.bench.measure` (clocks, peak memory, one-core pinning),
:mod:`~claimmap.bench.stages` (per-stage timing), :mod:`~claimmap.bench.endtoend`
(the real :class:`~claimmap.pipeline.ClaimMap` into a temporary store),
:mod:`~claimmap.bench.startup` (``claimmap`` start-up in a subprocess),
:mod:`~claimmap.bench.reference` (spaCy's small English NER, optional) and
:mod:`~claimmap.bench.run` (one run, as a dict for ``--json``). Importing this package
loads nothing heavy.
"""

from __future__ import annotations
