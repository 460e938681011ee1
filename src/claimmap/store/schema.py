"""Tables and migrations. The Table objects describe the current schema; the store's
version lives in ``schema_version`` and :data:`MIGRATIONS` are applied in order, in
one transaction, when a store is opened.

Rule for changes: never edit a released step. Add a step that alters what exists
(``ALTER TABLE ... ADD COLUMN``, a new table, a backfill) and bump nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)

from claimmap.errors import StoreError

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

articles = Table(
    "articles",
    metadata,
    # An explicit integer key: SQLite keeps it stable across VACUUM (the FTS index
    # points at it).
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", String(40)),
    Column("language", String(20)),
    Column("author", Text),
    Column("path", Text),
    Column("chars", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("origin_id", String),
    Column("added_at", String(40), nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("country_code", String(3)),
    Column("admin1_code", String(20)),
    Column("admin1_name", Text),
    Column("admin2_name", Text),
    Column("population", Integer, nullable=False, default=0),
)



def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, _article_fk(), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("place_id", String, index=True),
    Column("confidence", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("candidates", JSON, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, _article_fk(), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("place_id", String, index=True),
    Column("data", JSON, nullable=False),  # the whole Claim, as in the analysis JSON
)

flags = Table(
    "flags",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    # "article": from claim extraction, owned by article_id; "consolidation": replaced
    # as a whole by each consolidation.
    Column("scope", String(20), nullable=False, index=True),
    Column("article_id", String, _article_fk(), index=True),
    Column("kind", String(40), nullable=False),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("place_id", String, index=True),
    Column("data", JSON, nullable=False),
)

CORE_TABLES = (articles, places, mentions, claims, flags, events)

# Small facts about the store as a whole; "consolidated" records what the stored
# events were computed from (see Store.consolidation_marker).
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String, nullable=False),
)


def _v1_core_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(CORE_TABLES))


def _v2_full_text(conn: Connection) -> None:
    """FTS5 over title and text (external content: the text is stored once)."""
    if conn.dialect.name != "sqlite":
        return  # other databases search with a portable fallback (see search.py)
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, content='articles', content_rowid='pk', tokenize='unicode61')"
    )
    conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def _v3_state(conn: Connection) -> None:
    metadata.create_all(conn, tables=[store_state])


Migration = Callable[[Connection], None]

#: (version, what it does, step). Applied in order; the store's version is the last.
MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "core tables: articles, places, mentions, claims, flags, events", _v1_core_tables),
    (2, "full-text index over article title and text", _v2_full_text),
    (3, "store state: what the stored consolidation was computed from", _v3_state),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The store's schema version; 0 for a new, empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(schema_version.select()).scalar()
    return int(value) if value is not None else 0


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the schema to ``target`` inside the caller's transaction; returns the
    version found before."""
    found = current_version(conn)
    if found > LATEST:
        raise StoreError(
            f"this store has schema version {found}, newer than this claimmap knows "
            f"({LATEST}); upgrade claimmap or use another --db"
        )
    if found == 0:
        metadata.create_all(conn, tables=[schema_version])
        conn.execute(schema_version.insert().values(version=0))
    for version, _what, step in MIGRATIONS:
        if found < version <= target:
            step(conn)
            conn.execute(schema_version.update().values(version=version))
    return found


def fts_available(conn: Connection) -> bool:
    """True when the full-text index exists (SQLite with FTS5)."""
    if conn.dialect.name != "sqlite":
        return False
    row = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'")
    ).first()
    return row is not None
