"""The embedded SQLite store."""

from svodka.store.articles import ArticleFilter
from svodka.store.search import SearchHit
from svodka.store.store import DEFAULT_PATH, Store, open_store

__all__ = ["DEFAULT_PATH", "ArticleFilter", "SearchHit", "Store", "open_store"]
