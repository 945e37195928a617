"""Full-text search over lemmas: «Токаева» finds «Токаев», «встретились» finds «встреча» only by lemma."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from svodka.errors import UsageError
from svodka.model import Article
from svodka.nlp.morph import search_terms, words
from svodka.store.articles import get_article


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: Article
    score: float
    snippet: str
    """A short piece of the text around the first matching word, with the match in [brackets]."""


def fts_query(query: str) -> str:
    """Every word of the query must match one of its search terms: (a OR b) AND (c OR d)."""
    groups = []
    for match in words(query):
        terms = search_terms(match.group())
        groups.append("(" + " OR ".join(f'"{t}"' for t in terms) + ")")
    if not groups:
        raise UsageError(f"the search query {query!r} has no words to look for")
    return " AND ".join(groups)


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching every word of ``query`` (any inflected form), best first."""
    expression = fts_query(query)
    rows = conn.execute(
        "SELECT a.id, bm25(article_search, 2.0, 1.0) AS score FROM article_search "
        "JOIN articles a ON a.seq = article_search.rowid "
        "WHERE article_search MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (expression, limit, offset),
    ).fetchall()
    wanted = [set(search_terms(m.group())) for m in words(query)]
    hits = []
    for row in rows:
        article = get_article(conn, row["id"])
        if article is not None:
            hits.append(SearchHit(article, -float(row["score"]), snippet(article, wanted)))
    return hits


def snippet(article: Article, wanted: list[set[str]], width: int = 80) -> str:
    text = article.text
    for match in words(text):
        terms = set(search_terms(match.group()))
        if any(terms & group for group in wanted):
            start = max(0, match.start() - width)
            stop = min(len(text), match.end() + width)
            head = "…" if start else ""
            tail = "…" if stop < len(text) else ""
            body = f"{text[start : match.start()]}[{match.group()}]{text[match.end() : stop]}"
            return (head + body + tail).replace("\n", " ")
    return text[: 2 * width].replace("\n", " ")
