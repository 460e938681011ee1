"""Integrity checks: the database file, foreign keys (no orphan rows), the FTS index."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text

from claimmap.store.schema import articles, claims, flags, fts_available, mentions


def problems(conn: Connection) -> list[str]:
    found: list[str] = []
    if conn.dialect.name == "sqlite":
        result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        if result != ["ok"]:
            found.extend(f"integrity_check: {line}" for line in result)
    for table in (mentions, claims, flags):
        orphans = conn.execute(
            select(func.count()).select_from(table).where(
                table.c.article_id.is_not(None),
                table.c.article_id.not_in(select(articles.c.id)),
            )
        ).scalar_one()
        if orphans:
            found.append(f"{table.name}: {orphans} rows point at no stored article")
    if fts_available(conn):
        try:
            conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"))
        except Exception as exc:  # any failure here is a finding
            found.append(f"full-text index: {exc}")
        n_fts = conn.execute(text("SELECT count(*) FROM articles_fts_docsize")).scalar_one()
        n_art = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        if n_fts != n_art:
            found.append(f"full-text index holds {n_fts} articles, the store {n_art}")
    return found
