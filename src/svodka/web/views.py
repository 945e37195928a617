"""What the API returns and the pages show, gathered from the store as plain JSON-ready dicts.

The API serializes these dicts as they are; the pages render the same dicts. Nothing here knows HTTP.
Stories, entities and comparisons come from their layers through the ``Store`` (and
``svodka.compare.compare_story``); the web layer only reshapes their records for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from svodka.errors import UsageError
from svodka.model import Article, format_published, sort_key
from svodka.store import ArticleFilter, Store

PERIODS = {"1d": 1, "7d": 7, "30d": 30}
"""``period`` values: the last N days of the news in the store (an archive's 'today' is its newest day)."""
LANG_VALUES = ("ru", "en", "other")
_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?)?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class ListQuery:
    """The story (or article) list filters, as the API and the list page take them."""

    period: str | None = None
    since: str | None = None
    until: str | None = None
    lang: str | None = None
    source: str | None = None
    entity: str | None = None
    q: str | None = None
    limit: int = 20
    offset: int = 0

    def __post_init__(self) -> None:
        if self.period is not None and self.period not in PERIODS and self.period != "all":
            raise UsageError(f"unknown period {self.period!r}: use one of all, {', '.join(PERIODS)}")
        if self.lang is not None and self.lang not in LANG_VALUES:
            raise UsageError(f"unknown language {self.lang!r}: use one of {', '.join(LANG_VALUES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _ISO_DAY.match(value):
                raise UsageError(f"{name} must be an ISO date such as 2024-12-02, not {value!r}")


def headline(article: Article, width: int = 140) -> str:
    """The title, or the start of the first line of the text for untitled posts and reports."""
    if article.title:
        return article.title
    first = article.text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= width else first[: width - 1].rsplit(" ", 1)[0] + "…"


def article_brief(article: Article) -> dict[str, Any]:
    """An article in a list: no text, a headline and a short lead."""
    lead = article.text.strip().replace("\n", " ")
    return {
        "id": article.id,
        "external_id": article.external_id,
        "source": article.source,
        "url": article.url,
        "date": format_published(article.published),
        "title": article.title,
        "headline": headline(article),
        "lead": lead if len(lead) <= 280 else lead[:279].rsplit(" ", 1)[0] + "…",
        "lang": article.lang,
    }


# Articles ---------------------------------------------------------------------------------------------
def period_bounds(store: Store, query: ListQuery) -> tuple[str | None, str | None]:
    """(since, until) as UTC ISO strings, with ``period`` counted back from the newest article."""
    since, until = query.since, query.until
    if query.period in PERIODS:
        newest = store.articles(limit=1)
        anchor = _utc(newest[0].published) if newest and newest[0].published else datetime.now(UTC)
        start = anchor - timedelta(days=PERIODS[query.period])
        since = max(since or "", start.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return since, until


def article_filter(store: Store, query: ListQuery) -> ArticleFilter:
    since, until = period_bounds(store, query)
    return ArticleFilter(source=query.source, lang=query.lang, since=since, until=until)


def article_list(store: Store, query: ListQuery) -> dict[str, Any]:
    where = article_filter(store, query)
    items = store.articles(where, limit=query.limit, offset=query.offset)
    return {
        "items": [article_brief(a) for a in items],
        "total": store.count(where),
        "limit": query.limit,
        "offset": query.offset,
    }


def search(store: Store, q: str, *, limit: int, offset: int) -> dict[str, Any]:
    hits = store.search(q, limit=limit, offset=offset)
    return {
        "query": q,
        "items": [
            {**article_brief(h.article), "score": round(h.score, 4), "snippet": _whole_words(h.snippet)}
            for h in hits
        ],
        "limit": limit,
        "offset": offset,
    }


def _whole_words(snippet: str) -> str:
    """A snippet cut mid-word at either end ("…ь строительство") starts and ends on whole words."""
    first, last = snippet.find(" "), snippet.rfind(" ")
    if snippet.startswith("…") and 0 < first < min(40, snippet.find("[")):
        snippet = "…" + snippet[first + 1 :]
        last = snippet.rfind(" ")
    if snippet.endswith("…") and last > max(len(snippet) - 40, snippet.find("]")):
        snippet = snippet[:last] + " …"
    return snippet


def status(store: Store) -> dict[str, Any]:
    """What changes when something is ingested: pages poll it to know when to refresh."""
    newest = store.articles(limit=1)
    return {
        "articles": store.count(),
        "newest": format_published(newest[0].published) if newest else None,
    }


def _utc(value: date | datetime) -> datetime:
    key = sort_key(value)
    assert key is not None
    return datetime.strptime(key, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
