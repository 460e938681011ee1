"""The store: SQLite by default (one file, WAL), any SQLAlchemy URL otherwise. All SQL
lives in this package."""

from claimmap.store.schema import LATEST as SCHEMA_VERSION
from claimmap.store.search import SearchHit
from claimmap.store.store import ArticleInfo, Store

__all__ = ["SCHEMA_VERSION", "ArticleInfo", "SearchHit", "Store"]
