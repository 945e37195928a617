"""``Store``: the one object the rest of Svodka (CLI, web, pipeline) uses to reach the database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from svodka.errors import NotFound
from svodka.model import Article
from svodka.nlp.types import Analysis
from svodka.store import analyses as _analyses
from svodka.store import articles as _articles
from svodka.store import db as _db
from svodka.store.search import SearchHit
from svodka.store.search import search as _search

DEFAULT_PATH = "svodka.db"


class Store:
    """An open Svodka database. Reads may come from any thread; writes are serialized (one writer).

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = str(path)
        self.conn = _db.connect(self.path)
        self._write_lock = threading.RLock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); everything in it is committed together or not at all."""
        with self._write_lock, _db.transaction(self.conn) as conn:
            yield conn

    # Articles ---------------------------------------------------------------------------------------
    def add_articles(self, items: Sequence[Article], analyses: Sequence[Analysis] | None = None) -> list[bool]:
        """Store articles (and their analyses, in the same order) in one transaction.

        True for each new article, False for one already stored (its analysis is not written again).
        """
        with self.write() as conn:
            stored = _articles.insert_articles(conn, items)
            if analyses is not None:
                fresh = [(a.id, an) for a, an, new in zip(items, analyses, stored, strict=True) if new]
                _analyses.insert_analyses(conn, fresh)
            return stored

    def delete_article(self, article_id: str) -> None:
        with self.write() as conn:
            if not _articles.delete_article(conn, article_id):
                raise NotFound(f"no article with id {article_id!r}")

    def article(self, key: str) -> Article:
        """By id or external id; raises ``NotFound``."""
        found = _articles.get_article(self.conn, key)
        if found is None:
            raise NotFound(f"no article with id or external id {key!r} (see `svodka articles`)")
        return found

    def articles(
        self, where: _articles.ArticleFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Article]:
        """Newest first."""
        return _articles.list_articles(self.conn, where, limit=limit, offset=offset)

    def count(self, where: _articles.ArticleFilter | None = None) -> int:
        return _articles.count_articles(self.conn, where)

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        return _articles.existing_ids(self.conn, ids)

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles with every word of the query in any inflected form, best first."""
        return _search(self.conn, query, limit=limit, offset=offset)


def open_store(path: str | Path = DEFAULT_PATH) -> Store:
    """Open (or create) a Svodka database file."""
    return Store(path)
