"""Reading and writing articles (and their search terms) in the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from svodka.model import Article, format_published, parse_published, sort_key
from svodka.nlp.morph import search_terms, words
from svodka.store.db import now_iso

_COLUMNS = "id, external_id, source, url, published, title, text, lang, content_hash, origin"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFilter:
    """Which articles to list; every field is optional and they combine with AND."""

    source: str | None = None
    lang: str | None = None
    since: str | None = None
    """ISO date or datetime (UTC), inclusive."""
    until: str | None = None
    """ISO date or datetime (UTC), inclusive (a bare date includes its whole day)."""


def index_terms(text: str | None) -> str:
    """The FTS row text: each word's search terms, space-separated."""
    if not text:
        return ""
    out: list[str] = []
    for match in words(text):
        out.extend(search_terms(match.group()))
    return " ".join(out)


def insert_articles(conn: sqlite3.Connection, articles: Sequence[Article]) -> list[bool]:
    """Insert inside the caller's transaction; True for each article stored, False for one already there."""
    stored = []
    stamp = now_iso()
    for article in articles:
        cursor = conn.execute(
            # ON CONFLICT (id), not OR IGNORE: only "stored already" is skipped; a NOT NULL violation
            # raises and rolls the batch back instead of passing for a duplicate.
            f"INSERT INTO articles ({_COLUMNS}, published_utc, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (
                article.id,
                article.external_id,
                article.source,
                article.url,
                format_published(article.published),
                article.title,
                article.text,
                article.lang,
                article.content_hash,
                article.origin,
                sort_key(article.published),
                stamp,
            ),
        )
        if cursor.rowcount == 1:
            conn.execute(
                "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
                (cursor.lastrowid, index_terms(article.title), index_terms(article.text)),
            )
            stored.append(True)
        else:
            stored.append(False)
    return stored


def existing_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of these ids are stored already."""
    wanted = list(ids)
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
    return found


def delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Delete inside the caller's transaction; False when there was no such article."""
    row = conn.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return False
    conn.execute("DELETE FROM article_search WHERE rowid = ?", (row[0],))
    conn.execute("DELETE FROM articles WHERE seq = ?", (row[0],))
    return True


def get_article(conn: sqlite3.Connection, key: str) -> Article | None:
    """By id, else by external id (the first stored with it)."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE external_id = ? ORDER BY seq LIMIT 1", (key,)
        ).fetchone()
    return _article(row) if row else None


def list_articles(
    conn: sqlite3.Connection, where: ArticleFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[Article]:
    """Newest first (by publication, then by arrival)."""
    clause, params = _where(where or ArticleFilter())
    sql = f"SELECT {_COLUMNS} FROM articles{clause} ORDER BY published_utc DESC, seq DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_article(r) for r in conn.execute(sql, params)]


def count_articles(conn: sqlite3.Connection, where: ArticleFilter | None = None) -> int:
    clause, params = _where(where or ArticleFilter())
    return int(conn.execute(f"SELECT count(*) FROM articles{clause}", params).fetchone()[0])


def _where(f: ArticleFilter) -> tuple[str, list[object]]:
    parts: list[str] = []
    params: list[object] = []
    if f.source is not None:
        parts.append("source = ?")
        params.append(f.source)
    if f.lang is not None:
        parts.append("lang = ?")
        params.append(f.lang)
    if f.since is not None:
        parts.append("published_utc >= ?")
        params.append(f.since)
    if f.until is not None:
        parts.append("published_utc <= ?")
        params.append(f.until + "T23:59:59Z" if len(f.until) == 10 else f.until)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        external_id=row["external_id"],
        source=row["source"],
        url=row["url"],
        published=parse_published(row["published"]),
        title=row["title"],
        text=row["text"],
        lang=row["lang"],
        content_hash=row["content_hash"],
        origin=row["origin"],
    )
