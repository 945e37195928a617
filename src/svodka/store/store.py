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
from svodka.store import stories as _stories
from svodka.store.search import SearchHit
from svodka.store.search import search as _search
from svodka.stories.records import Story, StoryDetail

DEFAULT_PATH = "svodka.db"


class Store:
    """An open Svodka database. Reads may come from any thread; writes are serialized (one writer).

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = str(path)
        self.conn = _db.connect(self.path)
        self._write_lock = threading.RLock()
        self._write_depth = 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); everything in it is committed together or not at all.

        Re-entrant: a ``write()`` inside another joins the outer transaction (the pipeline stores articles
        and assigns them to stories in one).
        """
        with self._write_lock:
            if self._write_depth:
                self._write_depth += 1
                try:
                    yield self.conn
                finally:
                    self._write_depth -= 1
                return
            with _db.transaction(self.conn) as conn:
                self._write_depth = 1
                try:
                    yield conn
                finally:
                    self._write_depth = 0

    # Articles ---------------------------------------------------------------------------------------
    def add_articles(
        self, items: Sequence[Article], analyses: Sequence[Analysis] | None = None
    ) -> list[bool]:
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

    # NLP analyses and entities (svodka.store.analyses) ------------------------------------------------
    def analysis(self, article_id: str) -> Analysis | None:
        """What the NLP layer found in an article (offsets into its text); None if it was not analysed."""
        return _analyses.get_analysis(self.conn, article_id)

    def set_analyses(self, items: Sequence[tuple[str, Analysis]]) -> None:
        """Store (or replace) analyses of stored articles, in one transaction (`svodka analyze`)."""
        with self.write() as conn:
            _analyses.insert_analyses(conn, items)

    def unanalysed_ids(self) -> list[str]:
        """Ids of stored articles without an analysis, in the order they were stored."""
        sql = "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analyses) ORDER BY seq"
        return [r[0] for r in self.conn.execute(sql)]

    def prune_entities(self) -> int:
        """Drop store-level entities that no article mentions any more (after re-analysis)."""
        with self.write() as conn:
            return _analyses.prune_entities(conn)

    def entity(self, entity_id: str) -> _analyses.EntityDetail:
        """A store-level entity with its articles and mentions; raises ``NotFound``."""
        found = _analyses.get_entity(self.conn, entity_id)
        if found is None:
            raise NotFound(
                f"no entity with id {entity_id!r} (see `svodka article ID` for the entities of an article)"
            )
        return found

    def entities_of(self, article_id: str) -> list[_analyses.StoredEntity]:
        """The store-level entities an article mentions, most mentioned first ([] if not analysed)."""
        return _analyses.entities_of(self.conn, article_id)

    def find_entities(self, name: str, kind: str | None = None) -> list[_analyses.StoredEntity]:
        """Entities called ``name`` (canonical name or alias, any case), most mentioned first."""
        return _analyses.find_entities(self.conn, name, kind)

    def quotes_by(self, entity_id: str) -> list[_analyses.StoredQuote]:
        """Quotes whose resolved speaker is this entity, oldest stored first."""
        return _analyses.quotes_by(self.conn, entity_id)

    # Stories ----------------------------------------------------------------------------------------
    def stories(self, where: _stories.StoryFilter | None = None, *, limit: int | None = 50) -> list[Story]:
        """Stories ranked by importance (independent sources, velocity, recency)."""
        return _stories.list_stories(self.conn, where, limit=limit)

    def story(self, story_id: str) -> StoryDetail:
        """One story with its members; raises ``NotFound``."""
        found = _stories.get_story(self.conn, story_id)
        if found is None:
            raise NotFound(f"no story with id {story_id!r} (see `svodka stories`)")
        return found

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to (None if it was stored without story assignment)."""
        return _stories.story_of_article(self.conn, article_id)


def open_store(path: str | Path = DEFAULT_PATH) -> Store:
    """Open (or create) a Svodka database file."""
    return Store(path)
