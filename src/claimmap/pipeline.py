"""The core object: :class:`ClaimMap` wires ingest, the stages and the store.

Stages not given are created lazily, once per run, from their package's factory
(``claimmap.geoparse.create_geoparser``, ``claimmap.claims.create_extractor``,
``claimmap.consolidate.create_consolidator``). A package without a factory yet gets a
no-op stage, so the pipeline runs end to end whatever is built.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from claimmap import __version__
from claimmap.errors import ClaimmapError, InputRejected
from claimmap.ingest import DEFAULT_MAX_BYTES, read_inputs
from claimmap.model import Analysis, Article, Claim, Flag, Mention, Place
from claimmap.stages import (
    ClaimExtractor,
    ClaimsResult,
    ConsolidationResult,
    Consolidator,
    Geoparser,
    GeoparseResult,
    StoryKeys,
)
from claimmap.store import Store

T = TypeVar("T")


class StageUnavailable(ClaimmapError):
    """A stage's factory failed: nothing can be analysed until that is fixed."""


#: stage name -> (module, factory attribute)
FACTORIES = {
    "geoparse": ("claimmap.geoparse", "create_geoparser"),
    "claims": ("claimmap.claims", "create_extractor"),
    "consolidate": ("claimmap.consolidate", "create_consolidator"),
}


class NoGeoparser:
    def parse(self, article: Article) -> GeoparseResult:
        return GeoparseResult()


class NoClaimExtractor:
    def extract(
        self, article: Article, mentions: Sequence[Mention], places: Mapping[str, Place]
    ) -> ClaimsResult:
        return ClaimsResult()


class NoConsolidator:
    def consolidate(
        self,
        articles: Sequence[Article],
        mentions: Sequence[Mention],
        claims: Sequence[Claim],
        places: Mapping[str, Place],
        article_flags: Sequence[Flag] = (),
    ) -> ConsolidationResult:
        return ConsolidationResult()


def create_stage(name: str) -> Any:
    """The stage from its package's factory, or a no-op stage when there is none."""
    module_name, attr = FACTORIES[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        module = None
    factory = getattr(module, attr, None)
    if factory is not None:
        return factory()
    return {"geoparse": NoGeoparser, "claims": NoClaimExtractor,
            "consolidate": NoConsolidator}[name]()


@dataclass(frozen=True, slots=True)
class Progress:
    """Reported after each input: the counts so far and what was just handled."""

    read: int
    skipped: int
    rejected: int
    current: str


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one ``analyze`` run did. ``read`` counts articles newly stored."""

    read: int = 0
    skipped: int = 0
    rejected: tuple[InputRejected, ...] = ()
    elapsed: float = 0.0
    consolidated: bool = False
    skipped_ids: tuple[str, ...] = field(default=(), repr=False)
    #: Why consolidation failed (the articles are stored all the same), or None.
    consolidation_error: str | None = None


ProgressCallback = Callable[[Progress], None]


class ClaimMap:
    """Open a store, analyse inputs into it, read the analysis back.

    >>> cm = ClaimMap("claimmap.db")            # doctest: +SKIP
    >>> report = cm.analyze(["articles/"])      # doctest: +SKIP
    >>> analysis = cm.analysis()                # doctest: +SKIP
    """

    def __init__(
        self,
        db: str | Path | Store,
        *,
        geoparser: Geoparser | None = None,
        extractor: ClaimExtractor | None = None,
        consolidator: Consolidator | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.store = db if isinstance(db, Store) else Store.open(db)
        self.max_bytes = max_bytes
        self._given: dict[str, Any] = {
            "geoparse": geoparser, "claims": extractor, "consolidate": consolidator,
        }
        self._stages: dict[str, Any] = {}
        self._no_keys = False

    def close(self) -> None:
        self.store.close()

    def stage(self, name: str) -> Any:
        """The stage in use for this run (given, else created once from its factory).
        A factory that fails stops the run with a :class:`StageUnavailable`."""
        if name not in self._stages:
            given = self._given[name]
            if given is None:
                try:
                    given = create_stage(name)
                except ClaimmapError:
                    raise
                except Exception as exc:
                    module, attr = FACTORIES[name]
                    raise StageUnavailable(
                        f"cannot set up the {name} stage ({module}.{attr}): "
                        f"{type(exc).__name__}: {exc}; reinstall claimmap or report a bug"
                    ) from exc
            self._stages[name] = given
        return self._stages[name]

    def analyze(
        self, paths: Iterable[str], progress: ProgressCallback | None = None
    ) -> RunReport:
        """Ingest, geoparse, extract and store each new article (one transaction each),
        then consolidate everything stored. Bad inputs are rejected, never fatal."""
        started = time.monotonic()
        self._stages = {}
        self._no_keys = False
        read = 0
        skipped: list[str] = []
        rejected: list[InputRejected] = []
        for item in read_inputs(paths, self.max_bytes):
            if isinstance(item, InputRejected):
                rejected.append(item)
                current = item.where
            else:
                outcome = self._one(item)
                current = item.path or item.id
                if isinstance(outcome, InputRejected):
                    rejected.append(outcome)
                elif outcome == "stored":
                    read += 1
                else:
                    skipped.append(item.id)
            if progress is not None:
                progress(Progress(read, len(skipped), len(rejected), current))
        # Not only when something new was stored: a run killed before this point left
        # the stored events stale. Skipped when the store's marker says the events
        # were computed from exactly the articles stored now.
        consolidated, error = False, None
        try:
            consolidated = self._consolidate(skip_if_current=True)
        except ClaimmapError as exc:
            error = str(exc)
        return RunReport(read, len(skipped), tuple(rejected), time.monotonic() - started,
                         consolidated, tuple(skipped), error)

    def _one(self, article: Article) -> str | InputRejected:
        where = article.path or article.id
        stored_hash, same_text = self.store.stored_as(article.id, article.content_hash)
        if stored_hash == article.content_hash:
            return "skipped"
        if stored_hash is not None:
            return InputRejected(where, f"id '{article.id}' is already used by a different "
                                 "article; give this one another id or file name")
        if same_text:
            return "skipped"  # the same text under another id
        geoparser, extractor = self.stage("geoparse"), self.stage("claims")
        try:
            geo = _run("geoparse", geoparser.parse, article)
            places = {p.id: p for p in geo.places}
            found = _run("claims", extractor.extract, article, geo.mentions, places)
            self.store.add_article(article, geo, found, self._story_keys(article))
        except ClaimmapError as exc:
            return InputRejected(where, str(exc))
        return "stored"

    def _story_keys(self, article: Article) -> StoryKeys | None:
        """What the consolidator wants stored with the article (its story keys), or
        None: then consolidation computes them itself, from the stored text."""
        if self._no_keys:
            return None
        try:
            make = getattr(self.stage("consolidate"), "story_keys", None)
            return make(article) if make is not None else None
        except Exception:  # consolidation reports its own failure later
            self._no_keys = True
            return None

    def consolidate(self) -> None:
        """Re-run consolidation over everything stored."""
        self._consolidate()

    def _consolidate(self, skip_if_current: bool = False) -> bool:
        state = self.store.articles_state()
        if state.startswith("0:"):
            return False  # nothing stored: no stage to set up
        consolidator = self.stage("consolidate")
        marker = _marker(state, consolidator)
        if skip_if_current and self.store.consolidation_marker() == marker:
            return True  # the stored events are those of exactly these articles
        streamed = getattr(consolidator, "consolidate_store", None)
        if streamed is not None:  # bounded memory: see claimmap.consolidate.streaming
            _run("consolidate", streamed, self.store.consolidation_io(), marker, state)
            return True
        stored = self.store.load_analysis(consolidation=False)
        if not stored.articles:
            return False
        places = {p.id: p for p in stored.places}
        result = _run("consolidate", consolidator.consolidate, stored.articles,
                      stored.mentions, stored.claims, places, self.store.article_flags())
        self.store.replace_consolidation(result, marker)
        return True

    def analysis(self) -> Analysis:
        """Everything stored, as one Analysis."""
        return self.store.load_analysis()


def _marker(articles_state: str, consolidator: object) -> str:
    """What a consolidation is computed from: the stored articles (see
    ``Store.articles_state``), the consolidator's class and claimmap's version."""
    kind = type(consolidator)
    return f"{articles_state}|{kind.__module__}.{kind.__qualname__}|{__version__}"


def _run(stage: str, call: Callable[..., T], *args: object) -> T:
    """Call one stage; any error it raises becomes a ClaimmapError naming the stage
    (a stage bug on one article must not stop the run)."""
    try:
        return call(*args)
    except ClaimmapError:
        raise
    except Exception as exc:
        raise ClaimmapError(f"{stage} failed: {type(exc).__name__}: {exc}") from exc
