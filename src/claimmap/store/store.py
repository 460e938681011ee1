"""The Store: every read and write of claimmap's database goes through this class.

One article is written in one transaction (the article, its full-text entry, its
mentions, places, claims and flags), so a killed process never leaves half an
article. Consolidation results are replaced as a whole, in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from claimmap.digest import Digest, ranked
from claimmap.errors import StoreError
from claimmap.model import Analysis, Article, Claim, Flag, Mention, Place
from claimmap.stages import ClaimsResult, ConsolidationResult, GeoparseResult, StoryKeys
from claimmap.store import rows
from claimmap.store.engine import make_engine, to_url
from claimmap.store.schema import (
    LATEST,
    articles,
    claims,
    current_version,
    events,
    flags,
    fts_available,
    mentions,
    migrate,
    places,
    store_state,
)
from claimmap.store.search import SearchHit, search
from claimmap.store.streaming import ConsolidationIO, insert_story_keys


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One stored article without its text, with counts (for listings)."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    path: str | None
    chars: int
    origin_id: str | None
    mentions: int
    claims: int


class Store:
    """Open with :meth:`open`; use as a context manager or call :meth:`close`."""

    def __init__(self, url: str) -> None:
        self.url = url
        # Places this process has seen committed with exactly these values: most
        # articles repeat the same places, and rewriting them dominated ingest time.
        self._places_written: dict[str, Place] = {}
        self._fts: bool | None = None  # whether the full-text index exists (asked once)
        try:
            self._engine = make_engine(url)
            with self._read() as conn:  # a reader must not wait for a writer's lock
                current = current_version(conn) == LATEST
            if not current:
                with self._write() as conn:
                    migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store {url}: {_reason(exc)}") from None

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """A file path (SQLite, created if absent) or a database URL."""
        return cls(to_url(target))

    @property
    def location(self) -> str:
        """For people: the file of an SQLite store, else the URL without password."""
        url = self._engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return url.database
        return url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn = conn.execution_options(claimmap_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    # -- articles -------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.content_hash_of(article_id) is not None

    def content_hash_of(self, article_id: str) -> str | None:
        """The stored content hash of this article id, or None if it is not stored."""
        with self._read() as conn:
            stmt = select(articles.c.content_hash).where(articles.c.id == article_id)
            value = conn.execute(stmt).scalar()
        return str(value) if value is not None else None

    def stored_as(self, article_id: str, content_hash: str) -> tuple[str | None, bool]:
        """In one read: the stored content hash of ``article_id`` (None if absent) and
        whether any stored article has ``content_hash``."""
        stmt = select(articles.c.id, articles.c.content_hash).where(
            (articles.c.id == article_id) | (articles.c.content_hash == content_hash)
        )
        with self._read() as conn:
            found = conn.execute(stmt).all()
        own = next((str(r.content_hash) for r in found if r.id == article_id), None)
        return own, any(r.content_hash == content_hash for r in found)

    def has_content(self, content_hash: str) -> bool:
        return self.article_with_content(content_hash) is not None

    def article_with_content(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, or None."""
        with self._read() as conn:
            stmt = select(articles.c.id).where(articles.c.content_hash == content_hash)
            value = conn.execute(stmt).scalar()
        return str(value) if value is not None else None

    def add_article(
        self,
        article: Article,
        geoparse: GeoparseResult | None = None,
        claims_result: ClaimsResult | None = None,
        story: StoryKeys | None = None,
    ) -> None:
        """Store one article with everything found in it, in one transaction (with
        its story keys when given: see ``claimmap.consolidate.keys``)."""
        geoparse = geoparse or GeoparseResult()
        claims_result = claims_result or ClaimsResult()
        try:
            changed = {
                p.id: p for p in geoparse.places if self._places_written.get(p.id) != p
            }
            with self._write() as conn:
                self._insert_article(conn, article)
                self._upsert_places(conn, changed)
                if geoparse.mentions:
                    conn.execute(
                        mentions.insert(), [rows.mention_row(m) for m in geoparse.mentions]
                    )
                if claims_result.claims:
                    conn.execute(
                        claims.insert(),
                        [rows.claim_row(c, i) for i, c in enumerate(claims_result.claims)],
                    )
                if claims_result.flags:
                    conn.execute(
                        flags.insert(),
                        [rows.flag_row(f, "article", article.id) for f in claims_result.flags],
                    )
                if story is not None:
                    insert_story_keys(conn, [story])
        except DBAPIError as exc:
            raise StoreError(f"cannot store article {article.id}: {_reason(exc)}") from None
        self._places_written.update(changed)  # only once the transaction committed

    def _insert_article(self, conn: Connection, article: Article) -> None:
        result = conn.execute(articles.insert().values(rows.article_row(article)))
        if self._fts is None:
            self._fts = fts_available(conn)
        if self._fts:
            conn.execute(
                text("INSERT INTO articles_fts(rowid, title, text) VALUES (:pk, :title, :text)"),
                {"pk": _first(result.inserted_primary_key), "title": article.title or "",
                 "text": article.text},
            )

    def _upsert_places(self, conn: Connection, by_id: dict[str, Place]) -> None:
        if not by_id:
            return
        found = set(conn.execute(select(places.c.id).where(places.c.id.in_(by_id))).scalars())
        if found:
            updates = [
                {"b_id": pid, **rows.place_row(by_id[pid])} for pid in sorted(found)
            ]
            columns: dict[str, Any] = {key: bindparam(key) for key in updates[0] if key != "b_id"}
            stmt = places.update().where(places.c.id == bindparam("b_id")).values(columns)
            conn.execute(stmt, updates)
        fresh = [rows.place_row(p) for pid, p in sorted(by_id.items()) if pid not in found]
        if fresh:
            conn.execute(places.insert(), fresh)

    def list_articles(self) -> list[ArticleInfo]:
        """Every stored article (no text), ordered by id."""
        n_mentions = (
            select(func.count()).where(mentions.c.article_id == articles.c.id).scalar_subquery()
        )
        n_claims = (
            select(func.count()).where(claims.c.article_id == articles.c.id).scalar_subquery()
        )
        stmt = select(
            articles.c.id, articles.c.title, articles.c.source, articles.c.published,
            articles.c.path, articles.c.chars, articles.c.origin_id, n_mentions, n_claims,
        ).order_by(articles.c.id)
        with self._read() as conn:
            return [ArticleInfo(*row) for row in conn.execute(stmt)]

    def get_article(self, article_id: str) -> Article | None:
        with self._read() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        return rows.row_article(row._mapping) if row is not None else None

    def mentions_for(self, article_id: str) -> tuple[Mention, ...]:
        stmt = select(mentions).where(mentions.c.article_id == article_id).order_by(
            mentions.c.start, mentions.c.end, mentions.c.pk
        )
        with self._read() as conn:
            return tuple(rows.row_mention(r._mapping) for r in conn.execute(stmt))

    def claims_for(self, article_id: str) -> tuple[Claim, ...]:
        stmt = select(claims).where(claims.c.article_id == article_id).order_by(claims.c.seq)
        with self._read() as conn:
            return tuple(rows.row_claim(r._mapping) for r in conn.execute(stmt))

    def flags_for(self, article_id: str) -> tuple[Flag, ...]:
        """Flags raised on this article (by claim extraction)."""
        stmt = select(flags).where(flags.c.article_id == article_id).order_by(flags.c.pk)
        with self._read() as conn:
            return tuple(rows.row_flag(r._mapping) for r in conn.execute(stmt))

    def article_flags(self) -> tuple[Flag, ...]:
        """Every flag raised by claim extraction (not by consolidation), in order."""
        stmt = select(flags).where(flags.c.scope == "article").order_by(flags.c.pk)
        with self._read() as conn:
            return tuple(rows.row_flag(r._mapping) for r in conn.execute(stmt))

    def consolidation_flags(self) -> tuple[Flag, ...]:
        """Every flag raised by consolidation, in order."""
        stmt = select(flags).where(flags.c.scope == "consolidation").order_by(flags.c.pk)
        with self._read() as conn:
            return tuple(rows.row_flag(r._mapping) for r in conn.execute(stmt))

    def places_for(self, place_ids: set[str]) -> dict[str, Place]:
        stmt = select(places).where(places.c.id.in_(sorted(place_ids)))
        with self._read() as conn:
            return {r.id: rows.row_place(r._mapping) for r in conn.execute(stmt)}

    # -- consolidation --------------------------------------------------------

    def articles_state(self) -> str:
        """Changes whenever an article is stored: the article count and the highest
        row key (articles are only ever added, each with its mentions and claims)."""
        with self._read() as conn:
            n, top = conn.execute(select(func.count(), func.max(articles.c.pk))).one()
        return f"{n}:{top or 0}"

    def consolidation_marker(self) -> str | None:
        """The marker saved with the last completed consolidation, or None."""
        stmt = select(store_state.c.value).where(store_state.c.key == "consolidated")
        with self._read() as conn:
            value = conn.execute(stmt).scalar()
        return None if value is None else str(value)

    def consolidation_io(self) -> ConsolidationIO:
        """Bounded reads and batched writes for a streamed consolidation."""
        return ConsolidationIO(self)

    def replace_consolidation(self, result: ConsolidationResult, marker: str | None = None) -> None:
        """Replace all events, cross-article flags and origins, in one transaction,
        and save ``marker`` (what they were computed from) in the same transaction;
        without one, any old marker is dropped."""
        try:
            with self._write() as conn:
                conn.execute(store_state.delete().where(store_state.c.key == "consolidated"))
                if marker is not None:
                    conn.execute(store_state.insert().values(key="consolidated", value=marker))
                conn.execute(events.delete())
                conn.execute(flags.delete().where(flags.c.scope == "consolidation"))
                conn.execute(articles.update().values(origin_id=None))
                if result.events:
                    conn.execute(
                        events.insert(), [rows.event_row(e, i) for i, e in enumerate(result.events)]
                    )
                if result.flags:
                    conn.execute(
                        flags.insert(),
                        [rows.flag_row(f, "consolidation", None) for f in result.flags],
                    )
                for article_id, origin in sorted(result.origins.items()):
                    stmt = articles.update().where(articles.c.id == article_id)
                    conn.execute(stmt.values(origin_id=origin))
        except DBAPIError as exc:
            raise StoreError(f"cannot store the consolidation: {_reason(exc)}") from None

    # -- whole analysis, search, health ---------------------------------------

    def load_analysis(self, consolidation: bool = True) -> Analysis:
        """Everything stored, as one Analysis (ordered by id / position). With
        ``consolidation=False``, only what consolidation reads: no events, flags,
        origins or mention candidates."""
        # consolidation never reads a mention's candidates: leaving them out saves a
        # fifth of the memory a large store takes to load
        mention_columns = (
            list(mentions.c) if consolidation
            else [c for c in mentions.c if c.name != "candidates"]
        )
        with self._read() as conn:
            arts = conn.execute(select(articles).order_by(articles.c.id)).all()
            stored = Analysis(
                articles=tuple(rows.row_article(r._mapping) for r in arts),
                places=tuple(
                    rows.row_place(r._mapping)
                    for r in conn.execute(select(places).order_by(places.c.id))
                ),
                mentions=tuple(
                    rows.row_mention(r._mapping)
                    for r in conn.execute(
                        select(*mention_columns).order_by(
                            mentions.c.article_id, mentions.c.start, mentions.c.end,
                            mentions.c.pk,
                        )
                    )
                ),
                claims=tuple(
                    rows.row_claim(r._mapping)
                    for r in conn.execute(select(claims).order_by(claims.c.article_id,
                                                                  claims.c.seq))
                ),
            )
            if not consolidation:
                return stored
            return replace(
                stored,
                events=tuple(
                    rows.row_event(r._mapping)
                    for r in conn.execute(select(events).order_by(events.c.seq))
                ),
                flags=tuple(
                    rows.row_flag(r._mapping)
                    for r in conn.execute(select(flags).order_by(flags.c.pk))
                ),
                origins={r.id: r.origin_id for r in arts if r.origin_id is not None},
            )

    def search(
        self, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Articles matching a full-text query, best first (see ``store.search``)."""
        with self._read() as conn:
            return search(conn, query, limit, mark)

    def counts(self) -> dict[str, int]:
        """Rows per table, plus resolved and unresolved mentions."""
        with self._read() as conn:
            out = {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (articles, places, mentions, claims, events, flags)
            }
            resolved = select(func.count()).where(mentions.c.place_id.is_not(None))
            out["resolved"] = int(conn.execute(resolved).scalar_one())
        out["unresolved"] = out["mentions"] - out["resolved"]
        return out

    def digest(self, top: int = 8) -> Digest:
        """Events by status, the most-mentioned places, the names most often left
        unresolved and flags by kind, counted in the database (nothing is loaded)."""
        status = events.c.data["status"].as_string()
        named = (
            select(places.c.name, func.count())
            .select_from(mentions.join(places, mentions.c.place_id == places.c.id))
            .group_by(places.c.name)
        )
        unresolved = (
            select(mentions.c.text, func.count())
            .where(mentions.c.place_id.is_(None))
            .group_by(mentions.c.text)
        )
        with self._read() as conn:
            def counted(stmt: Any) -> Counter[str]:
                return Counter({str(k): int(n) for k, n in conn.execute(stmt)})

            return Digest(
                events_by_status=ranked(counted(select(status, func.count()).group_by(status))),
                top_places=ranked(counted(named))[:top],
                flags_by_kind=ranked(
                    counted(select(flags.c.kind, func.count()).group_by(flags.c.kind))
                ),
                unresolved_names=ranked(counted(unresolved))[:top],
            )

    def integrity_check(self) -> list[str]:
        """Problems found (empty when all is well): SQLite's own checks, foreign keys,
        and the full-text index against the articles."""
        from claimmap.store.health import problems

        with self._read() as conn:
            return problems(conn)


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]


def _first(key: Any) -> Any:
    if key is None:
        raise StoreError("the database returned no key for a new article")
    return key[0]
