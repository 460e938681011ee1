"""Creating the SQLAlchemy engine: a path means an SQLite file (WAL, busy timeout,
foreign keys, real transactions); anything with ``://`` is a database URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

#: How long a writer waits for another writer's lock before giving up (ms).
BUSY_TIMEOUT_MS = 30_000


def to_url(target: str | Path) -> str:
    """``path/to/file.db`` -> ``sqlite:///path/to/file.db``; URLs pass through."""
    text = str(target)
    if "://" in text:
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module: SQLAlchemy's "begin"
        # below emits BEGIN itself, so DDL and reads are transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # durable against process kills
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so two writers wait (busy timeout)
        # instead of failing on a lock upgrade.
        mode = conn.get_execution_options().get("claimmap_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())
