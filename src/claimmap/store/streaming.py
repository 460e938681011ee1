"""The store side of streamed consolidation (see docs/consolidation.md, "Streaming").

Consolidation reads the store in bounded pieces, never all of it: pages of
articles with their claims and mentions, story keys for the pairs it checks, claims
grouped by unit or by quotation, and writes what it finds to scratch tables in
bounded batches, each its own transaction. :meth:`ConsolidationIO.finish` then
replaces the events, cross-article flags and origins from the scratch tables in
one transaction, inside the database (nothing is loaded for it). A process killed
at any point before that transaction commits leaves the previous consolidation in
place, whole; the scratch tables are cleared by the next run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, literal, null, select
from sqlalchemy.exc import DBAPIError

from claimmap.codec import from_data, to_data
from claimmap.errors import StoreError
from claimmap.model import Article, Claim, Event, Flag, Mention, Place
from claimmap.stages import StoryKeys
from claimmap.store import rows
from claimmap.store.schema import (
    SCRATCH_TABLES,
    articles,
    claim_units,
    claims,
    events,
    events_next,
    flags,
    flags_next,
    mentions,
    origins_next,
    places,
    store_state,
    story_bands,
    story_keys,
    story_quotes,
)

if TYPE_CHECKING:
    from claimmap.store.store import Store

#: Rows fetched at a time from a streamed query.
YIELD = 1000

Bundle = tuple[Article, tuple[Claim, ...], tuple[Mention, ...]]


def insert_story_keys(conn: Connection, keys: Sequence[StoryKeys]) -> None:
    """Write story keys (replacing any for the same articles) in ``conn``'s
    transaction."""
    if not keys:
        return
    ids = [k.article_id for k in keys]
    for table in (story_keys, story_bands, story_quotes):
        conn.execute(table.delete().where(table.c.article_id.in_(ids)))
    conn.execute(story_keys.insert(), [
        {"article_id": k.article_id, "params": k.params, "shingles": k.shingles,
         "quotes": list(k.quotes), "numbers": list(k.numbers)} for k in keys
    ])
    bands = [{"band": b, "article_id": k.article_id} for k in keys for b in k.bands]
    if bands:
        conn.execute(story_bands.insert(), bands)
    quotes = [{"quote": q, "article_id": k.article_id} for k in keys for q in k.quote_hashes]
    if quotes:
        conn.execute(story_quotes.insert(), quotes)


def flag_sort_key(flag: Flag) -> str:
    """Sorts in SQL (binary) as ``flag.article_ids`` sorts as a tuple in Python."""
    return "".join(f"{a}\x01" for a in flag.article_ids)


class ConsolidationIO:
    """Bounded reads and batched writes for one streamed consolidation."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _stream(self, stmt: Any) -> Iterator[Any]:
        with self._store._read() as conn:
            yield from conn.execution_options(yield_per=YIELD).execute(stmt)

    def _writing(self, what: str) -> Any:
        return _Writing(self._store, what)

    # -- story keys --------------------------------------------------------------

    def articles_without_keys(self, params: str, batch: int) -> Iterator[list[Article]]:
        """Pages of stored articles with no story keys made with ``params``."""
        made = select(story_keys.c.article_id).where(story_keys.c.params == params)
        last = ""
        while True:
            stmt = (select(articles).where(articles.c.id > last, articles.c.id.not_in(made))
                    .order_by(articles.c.id).limit(batch))
            with self._store._read() as conn:
                page = [rows.row_article(r._mapping) for r in conn.execute(stmt)]
            if not page:
                return
            yield page
            last = page[-1].id

    def save_story_keys(self, keys: Sequence[StoryKeys]) -> None:
        with self._writing("story keys") as conn:
            insert_story_keys(conn, keys)

    def article_dates(self) -> Iterator[tuple[str, str | None]]:
        """(id, published) of every article, by id."""
        stmt = select(articles.c.id, articles.c.published).order_by(articles.c.id)
        for row in self._stream(stmt):
            yield str(row.id), row.published

    def band_groups(self) -> Iterator[list[str]]:
        """The articles (sorted by id) of each LSH band value shared by two or more."""
        shared = select(story_bands.c.band).group_by(story_bands.c.band).having(
            func.count() > 1)
        stmt = (select(story_bands.c.band, story_bands.c.article_id)
                .where(story_bands.c.band.in_(shared))
                .order_by(story_bands.c.band, story_bands.c.article_id))
        yield from _groups(self._stream(stmt))

    def quote_groups(self, limit: int) -> Iterator[list[str]]:
        """The first ``limit`` articles (by id) of each quotation held by two or more."""
        shared = select(story_quotes.c.quote).group_by(story_quotes.c.quote).having(
            func.count() > 1)
        stmt = (select(story_quotes.c.quote, story_quotes.c.article_id)
                .where(story_quotes.c.quote.in_(shared))
                .order_by(story_quotes.c.quote, story_quotes.c.article_id))
        for group in _groups(self._stream(stmt)):
            yield group[:limit]

    def story_keys(self, ids: Iterable[str]) -> dict[str, tuple[StoryKeys, str | None]]:
        """Stored story keys (without bands and quotation hashes) and publication
        dates of these articles."""
        stmt = (select(story_keys, articles.c.published)
                .join(articles, articles.c.id == story_keys.c.article_id)
                .where(story_keys.c.article_id.in_(sorted(set(ids)))))
        with self._store._read() as conn:
            return {
                r.article_id: (StoryKeys(r.article_id, r.params, bytes(r.shingles), (),
                                         tuple(r.quotes), tuple(r.numbers), ()), r.published)
                for r in conn.execute(stmt)
            }

    def places(self) -> dict[str, Place]:
        with self._store._read() as conn:
            return {r.id: rows.row_place(r._mapping) for r in conn.execute(select(places))}

    # -- reading articles ------------------------------------------------------------

    def bundles(self, batch: int) -> Iterator[Bundle]:
        """Every article with its claims and mentions (no candidates), by id, read a
        page of ``batch`` articles at a time."""
        columns = [c for c in mentions.c if c.name != "candidates"]
        last = ""
        while True:
            with self._store._read() as conn:
                page = [rows.row_article(r._mapping) for r in conn.execute(
                    select(articles).where(articles.c.id > last)
                    .order_by(articles.c.id).limit(batch))]
                if not page:
                    return
                ids = [a.id for a in page]
                found = conn.execute(select(claims).where(claims.c.article_id.in_(ids))
                                     .order_by(claims.c.article_id, claims.c.seq))
                by_claims = _by_article(rows.row_claim(r._mapping) for r in found)
                found = conn.execute(
                    select(*columns).where(mentions.c.article_id.in_(ids)).order_by(
                        mentions.c.article_id, mentions.c.start, mentions.c.end, mentions.c.pk))
                by_mentions = _by_article(rows.row_mention(r._mapping) for r in found)
            for article in page:
                yield (article, tuple(by_claims.get(article.id, ())),
                       tuple(by_mentions.get(article.id, ())))
            last = page[-1].id

    def article_flags(self) -> Iterator[Flag]:
        """Claim extraction's flags, in order, streamed."""
        stmt = select(flags.c.data).where(flags.c.scope == "article").order_by(flags.c.pk)
        for row in self._stream(stmt):
            yield from_data(Flag, row.data)

    def texts(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Articles by id: those named, or every one (streamed)."""
        stmt = select(articles).order_by(articles.c.id)
        if ids is not None:
            stmt = stmt.where(articles.c.id.in_(sorted(set(ids))))
        for row in self._stream(stmt):
            yield rows.row_article(row._mapping)

    # -- scratch ---------------------------------------------------------------------

    def begin(self) -> None:
        """Clear the scratch tables a killed run may have left."""
        with self._writing("scratch tables") as conn:
            for table in SCRATCH_TABLES:
                conn.execute(table.delete())

    def save_units(self, units: Sequence[tuple[str, str, Claim | None, str | None]]) -> None:
        """(claim id, unit, claim with a carried date or None, quotation key or None)."""
        if not units:
            return
        with self._writing("claim units") as conn:
            conn.execute(claim_units.insert(), [
                {"claim_id": cid, "unit": unit,
                 "data": None if carried is None else to_data(carried), "quote_key": quote}
                for cid, unit, carried, quote in units
            ])

    def units(self) -> Iterator[list[tuple[Claim, bool]]]:
        """The claims of each unit, one unit at a time: (claim, whether its date was
        carried), the carried form replacing the stored one."""
        stmt = (select(claim_units.c.unit, claim_units.c.data.label("carried"), claims.c.data)
                .join(claims, claims.c.id == claim_units.c.claim_id)
                .order_by(claim_units.c.unit, claim_units.c.claim_id))
        for _unit, group in groupby(self._stream(stmt), key=lambda r: r.unit):
            yield [(from_data(Claim, r.carried), True) if r.carried is not None
                   else (from_data(Claim, r.data), False) for r in group]

    def quoted(self) -> Iterator[list[Claim]]:
        """The stored claims sharing each quotation key, one key at a time."""
        stmt = (select(claim_units.c.quote_key, claims.c.data)
                .join(claims, claims.c.id == claim_units.c.claim_id)
                .where(claim_units.c.quote_key.is_not(None))
                .order_by(claim_units.c.quote_key, claim_units.c.claim_id))
        for _key, group in groupby(self._stream(stmt), key=lambda r: r.quote_key):
            yield [from_data(Claim, r.data) for r in group]

    def stage_events(self, found: Sequence[Event]) -> None:
        if found:
            with self._writing("events") as conn:
                conn.execute(events_next.insert(), [
                    {"id": e.id, "type": e.type, "place_id": e.place_id, "data": to_data(e)}
                    for e in found
                ])

    def stage_flags(self, found: Sequence[Flag]) -> None:
        if found:
            with self._writing("flags") as conn:
                conn.execute(flags_next.insert(), [
                    {"kind": f.kind, "article_key": flag_sort_key(f), "detail": f.detail,
                     "data": to_data(f)} for f in found
                ])

    def stage_origins(self, origins: Mapping[str, str]) -> None:
        if origins:
            with self._writing("origins") as conn:
                conn.execute(origins_next.insert(), [
                    {"article_id": a, "origin_id": o} for a, o in origins.items()
                ])

    def finish(self, marker: str | None, state: str) -> None:
        """Swap the staged results in, in one transaction; the marker is saved only
        when the store still holds the articles of ``state`` (see
        ``Store.articles_state``)."""
        with self._writing("the consolidation") as conn:
            n, top = conn.execute(select(func.count(), func.max(articles.c.pk))).one()
            conn.execute(store_state.delete().where(store_state.c.key == "consolidated"))
            if marker is not None and f"{n}:{top or 0}" == state:
                conn.execute(store_state.insert().values(key="consolidated", value=marker))
            conn.execute(events.delete())
            seq = func.row_number().over(order_by=events_next.c.id) - 1
            conn.execute(events.insert().from_select(
                ["id", "seq", "type", "place_id", "data"],
                select(events_next.c.id, seq, events_next.c.type, events_next.c.place_id,
                       events_next.c.data)))
            conn.execute(flags.delete().where(flags.c.scope == "consolidation"))
            conn.execute(flags.insert().from_select(
                ["scope", "article_id", "kind", "data"],
                select(literal("consolidation"), null(), flags_next.c.kind, flags_next.c.data)
                .order_by(flags_next.c.kind, flags_next.c.article_key, flags_next.c.detail,
                          flags_next.c.pk)))
            origin = (select(origins_next.c.origin_id)
                      .where(origins_next.c.article_id == articles.c.id).scalar_subquery())
            conn.execute(articles.update().values(origin_id=origin))
            for table in SCRATCH_TABLES:
                conn.execute(table.delete())


class _Writing:
    """One write transaction; a database error becomes a StoreError."""

    def __init__(self, store: Store, what: str) -> None:
        self._store, self._what = store, what
        self._cm: Any = None

    def __enter__(self) -> Connection:
        self._cm = self._store._write()
        conn: Connection = self._cm.__enter__()
        return conn

    def __exit__(self, *exc: Any) -> None:
        try:
            self._cm.__exit__(*exc)
        except DBAPIError as error:
            raise StoreError(f"cannot store {self._what}: {error.orig}") from None


def _groups(found: Iterable[Any]) -> Iterator[list[str]]:
    for _key, group in groupby(found, key=lambda r: r[0]):
        yield [str(r[1]) for r in group]


def _by_article(items: Iterable[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for item in items:
        out.setdefault(item.article_id, []).append(item)
    return out
