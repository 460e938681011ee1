"""Full-text search over article title and text: FTS5 on SQLite, a portable (slower)
substring match elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import OperationalError

from claimmap.errors import StoreError
from claimmap.store.schema import articles, fts_available


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article: its id, title and a snippet with matches marked."""

    article_id: str
    title: str | None
    snippet: str


_FTS_QUERY = text(
    "SELECT a.id, a.title, snippet(articles_fts, 1, :open, :close, '…', 16) "
    "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
    "WHERE articles_fts MATCH :query ORDER BY rank, a.id LIMIT :limit"
)


def search(
    conn: Connection, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """Articles matching ``query`` (FTS5 syntax on SQLite: words, "phrases", AND, OR,
    NOT, prefix*), best first."""
    if not query.strip():
        raise StoreError("empty search query: give one or more words")
    if not fts_available(conn):
        return _fallback(conn, query, limit, mark)
    params = {"query": fts_query(query), "limit": limit, "open": mark[0], "close": mark[1]}
    try:
        rows = conn.execute(_FTS_QUERY, params).all()
    except OperationalError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(
            f"cannot search for {query!r}: {detail}. Use plain words, put phrases in "
            'double quotes ("Pokrovsk direction"), and AND/OR/NOT between terms'
        ) from None
    return [SearchHit(row[0], row[1], row[2]) for row in rows]


_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_SYNTAX_CHARS = frozenset('"()*:^+')


def fts_query(query: str) -> str:
    """Plain words are quoted one by one, so hyphens, dots and apostrophes in names
    (Gulyai-Pole, St. Petersburg) just work; a query using FTS5 syntax (quotes,
    brackets, AND/OR/NOT, prefix*) is passed as written."""
    words = query.split()
    if _SYNTAX_CHARS & set(query) or _OPERATORS & set(words):
        return query
    return " ".join(f'"{word}"' for word in words)


def _fallback(
    conn: Connection, query: str, limit: int, mark: tuple[str, str]
) -> list[SearchHit]:
    needle = query.strip().strip('"')
    pattern = f"%{needle.lower()}%"
    stmt = (
        select(articles.c.id, articles.c.title, articles.c.text)
        .where(func.lower(articles.c.text).like(pattern))
        .order_by(articles.c.id)
        .limit(limit)
    )
    hits = []
    for row in conn.execute(stmt):
        at = row.text.lower().find(needle.lower())
        window = row.text[max(0, at - 60) : at + len(needle) + 60]
        marked = window.replace(
            row.text[at : at + len(needle)], f"{mark[0]}{row.text[at : at + len(needle)]}{mark[1]}"
        )
        hits.append(SearchHit(row.id, row.title, marked))
    return hits
