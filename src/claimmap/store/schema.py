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
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
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

# -- v4: what consolidation reads instead of article texts, and its scratch tables ----
# Story keys are computed when an article is stored (or, for older stores, filled in
# by the next consolidation): shingle hashes, quotations and numbers for the exact
# story checks, and the MinHash LSH bands and quotation hashes that propose pairs.
story_keys = Table(
    "story_keys",
    metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("params", String(80), nullable=False),  # the StoryParams they were made with
    Column("shingles", LargeBinary, nullable=False),  # sorted uint32 CRC-32 hashes
    Column("quotes", JSON, nullable=False),
    Column("numbers", JSON, nullable=False),
)
story_bands = Table(
    "story_bands",
    metadata,
    Column("band", BigInteger, nullable=False),  # 64-bit hash of (band number, values)
    Column("article_id", String, _article_fk(), nullable=False),
    Index("ix_story_bands_band", "band", "article_id"),
    Index("ix_story_bands_article", "article_id"),
)
story_quotes = Table(
    "story_quotes",
    metadata,
    Column("quote", BigInteger, nullable=False),  # 64-bit hash of the quotation's key
    Column("article_id", String, _article_fk(), nullable=False),
    Index("ix_story_quotes_quote", "quote", "article_id"),
    Index("ix_story_quotes_article", "article_id"),
)
# Scratch, rewritten by every consolidation: each claim's unit (the blocks that must
# be clustered together), its date-carried form when it has one, its quotation key.
claim_units = Table(
    "claim_units",
    metadata,
    Column("claim_id", String, primary_key=True),
    Column("unit", Text, nullable=False, index=True),
    Column("data", JSON),  # the claim with a carried date (context.py), else NULL
    Column("quote_key", Text, index=True),
)
# Results staged batch by batch; one final transaction swaps them in.
events_next = Table(
    "events_next",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(40), nullable=False),
    Column("place_id", String),
    Column("data", JSON, nullable=False),
)
flags_next = Table(
    "flags_next",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(40), nullable=False),
    Column("article_key", Text, nullable=False),  # article ids, each ending in \x00
    Column("detail", Text, nullable=False),
    Column("data", JSON, nullable=False),
)
origins_next = Table(
    "origins_next",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("origin_id", String, nullable=False),
)
STORY_TABLES = (story_keys, story_bands, story_quotes)
SCRATCH_TABLES = (claim_units, events_next, flags_next, origins_next)


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


def _v4_streaming(conn: Connection) -> None:
    """Story keys (filled in for stored articles by the next consolidation) and the
    scratch tables of streamed consolidation. The stored events stay valid."""
    metadata.create_all(conn, tables=[*STORY_TABLES, *SCRATCH_TABLES])


Migration = Callable[[Connection], None]

#: (version, what it does, step). Applied in order; the store's version is the last.
MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "core tables: articles, places, mentions, claims, flags, events", _v1_core_tables),
    (2, "full-text index over article title and text", _v2_full_text),
    (3, "store state: what the stored consolidation was computed from", _v3_state),
    (4, "story keys and scratch tables: consolidation streams from the store", _v4_streaming),
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
