"""Stories for the API and the pages: the ranked list, one story with its comparison, the side-by-side view.

Stories come from ``Store.stories``/``Store.story`` (the stories layer) and the comparison from
``svodka.compare.compare_story`` (the comparison layer); this module only filters, pages and lays them out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from svodka.errors import NotFound, UsageError
from svodka.model import Article
from svodka.store import ArticleFilter, Store
from svodka.store.stories import StoryFilter
from svodka.stories.records import Story
from svodka.web.context import LruCache, WebContext
from svodka.web.highlight import Mark, highlight
from svodka.web.views import ListQuery, period_bounds

log = logging.getLogger(__name__)

SEARCH_DEPTH = 1000
"""Articles looked at when the story list is filtered by words or by source."""
MAX_MATCHED = 300
"""Stories read when the list is filtered by words or source (those of the best hits / newest articles)."""
MAX_COLUMNS = 6
"""Articles shown side by side on a story page; the rest are in the member list."""


def _story_filter(store: Store, query: ListQuery) -> StoryFilter:
    since, until = period_bounds(store, query)
    return StoryFilter(since=since, until=until, lang=query.lang, entity=query.entity)


def story_brief(store: Store, story: Story, names: LruCache | None = None) -> dict[str, Any]:
    """A story in the list: its record (``Story.to_dict``) and its top entities as people read them."""
    out: dict[str, Any] = story.to_dict()
    out["top_entities"] = top_entities(store, story.entities, names)
    return out


def top_entities(store: Store, keys: Sequence[str], names: LruCache | None = None) -> list[dict[str, Any]]:
    """A story's entity keys (case-folded names) → ``{"key", "id", "name", "type"}`` of the store's entities.

    The canonical spelling and the id come from ``Store.find_entities``; a key it does not know is shown
    as it is, with no id (the page then links to the list filtered by it).
    """
    out = []
    for key in keys:
        found = (
            names.get_or_compute(key, partial(_entity_for, store, key)) if names else _entity_for(store, key)
        )
        out.append({"key": key, **found})
    return out


def _entity_for(store: Store, key: str) -> dict[str, Any]:
    found = store.find_entities(key)
    if not found:
        return {"id": None, "name": key, "type": None}
    best = found[0]
    return {"id": best.id, "name": best.name, "type": best.type}


def story_list(
    store: Store,
    query: ListQuery,
    names: LruCache | None = None,
    cache: LruCache | None = None,
    version: int | None = None,
) -> dict[str, Any]:
    """Ranked stories after the filters; ``total`` counts what the filters let through.

    With a ``cache`` and the store's ``version`` (``WebContext.version``), a list is ranked once per
    change of the store: ranking reads every story, which takes about a second at 20k articles.
    """
    if cache is None or version is None:
        return _story_list(store, query, names)
    result: dict[str, Any] = cache.get_or_compute((query, version), partial(_story_list, store, query, names))
    return result


class ListWarmer:
    """Ranks the default story list again soon after the store changes, before anyone asks for it.

    A daemon thread polls ``WebContext.version`` and, at most every ``every`` seconds, fills the list
    cache for the front page, so that a reader rarely meets the ranking's ~1 s cost after an ingest.
    """

    def __init__(self, ctx: WebContext, every: float = 3.0) -> None:
        self.ctx = ctx
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="svodka-list-warmer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        seen: int | None = None
        while not self._stop.wait(0 if seen is None else self.every):
            try:
                version = self.ctx.version()
                if version != seen:
                    store = self.ctx.reader()
                    story_list(store, ListQuery(), self.ctx.entity_names, self.ctx.story_lists, version)
                    seen = version
            except Exception:  # logged; the page ranks the list itself when this fails
                log.exception("warming the story list failed")
                seen = None
                self._stop.wait(30)


def _story_list(store: Store, query: ListQuery, names: LruCache | None) -> dict[str, Any]:
    where = _story_filter(store, query)
    if query.q is None and query.source is None:
        ranked = store.stories(where, limit=query.offset + query.limit + 1)
        page = ranked[query.offset : query.offset + query.limit]
        total = None if len(ranked) > query.offset + query.limit else len(ranked)
    else:
        ranked = _stories_of_articles(store, query, where)
        page = ranked[query.offset : query.offset + query.limit]
        total = len(ranked)
    return {
        "items": [story_brief(store, s, names) for s in page],
        "total": total,
        "has_more": total is None or total > query.offset + query.limit,
        "limit": query.limit,
        "offset": query.offset,
    }


def _stories_of_articles(store: Store, query: ListQuery, where: StoryFilter) -> list[Story]:
    """Stories with an article matching the words and/or from the source, ranked like the full list.

    Candidates come from the articles (search hits, the source's newest articles), not from ranking every
    story; the other filters are then applied to the stories found.
    """
    ids: list[str] | None = None
    if query.q:
        ids = [h.article.id for h in store.search(query.q, limit=SEARCH_DEPTH)]
    if query.source:
        own = {a.id for a in store.articles(ArticleFilter(source=query.source), limit=SEARCH_DEPTH)}
        ids = [i for i in ids if i in own] if ids is not None else list(own)
    story_ids = dict.fromkeys(sid for sid in (store.story_of(i) for i in ids or []) if sid)
    found = []
    for story_id in list(story_ids)[:MAX_MATCHED]:
        try:
            found.append(store.story(story_id).story)
        except NotFound:  # deleted meanwhile
            continue
    wanted = _fold(where.entity) if where.entity else None
    kept = [
        s
        for s in found
        if (where.lang is None or s.lang == where.lang)
        and (where.since is None or (s.last_seen or "") >= where.since)
        and (where.until is None or (s.first_seen or "") <= _end_of(where.until))
        and (wanted is None or wanted in s.entities)
    ]
    return sorted(kept, key=lambda s: (-s.importance, -s.size, s.id))


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def _end_of(until: str) -> str:
    return until + "T23:59:59Z" if len(until) == 10 else until


def story_detail(
    store: Store, story_id: str, cache: LruCache, vectors: Any = None, names: LruCache | None = None
) -> dict[str, Any]:
    """The story record with its members and ``comparison`` (None, with ``comparison_error``, if unavailable).

    Comparisons are cached per story and membership: a story that gains an article is compared again.
    """
    detail = store.story(story_id)
    out: dict[str, Any] = detail.to_dict()
    out["top_entities"] = top_entities(store, detail.story.entities, names)
    key = (detail.story.id, tuple(m.article_id for m in detail.members), detail.story.last_seen)
    try:
        from svodka.compare import compare_story
    except ImportError:
        out["comparison"] = None
        out["comparison_error"] = "the comparison layer is not part of this build"
        return out
    try:
        out["comparison"] = cache.get_or_compute(
            key, lambda: compare_story(store, detail.story.id, vectors=vectors).to_dict()
        )
        out["comparison_error"] = None
    except UsageError as exc:  # a story the comparison cannot handle is still a story to show
        out["comparison"] = None
        out["comparison_error"] = str(exc)
    except NotFound:
        raise
    except Exception as exc:  # a bug in the comparison must not take the story page down: logged
        log.exception("comparing story %s failed", story_id)
        out["comparison"] = None
        out["comparison_error"] = f"the comparison failed ({type(exc).__name__}); see the server log"
    return out


# The side-by-side view ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Column:
    """One source's article in the side-by-side view, its text with the comparison's spans marked."""

    key: str
    article_id: str
    source: str | None
    headline: str
    published: str | None
    html: Markup
    tone: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Layout:
    columns: list[Column]
    anchors: dict[tuple[str, int, str], str]
    """(section, index, article id) → the id of the marked span, for links from the lists to the texts."""
    tone_max: float
    by_key: dict[str, str]
    more: int = 0
    """Articles compared but not shown as columns (see ``MAX_COLUMNS``)."""

    def anchor(self, section: str, index: int, claim: dict[str, Any]) -> str | None:
        """The id of this claim's marked span in its column, if it has one."""
        article_id = self.by_key.get(_claim_key(claim.get("article"), claim.get("source")))
        return self.anchors.get((section, index, article_id)) if article_id else None

    def article_of(self, claim: dict[str, Any]) -> str | None:
        """The store id of the article a claim is from."""
        return self.by_key.get(_claim_key(claim.get("article"), claim.get("source")))


def side_by_side(store: Store, detail: dict[str, Any]) -> Layout:
    """Columns for the articles the comparison speaks about, in the story's order."""
    comparison = detail.get("comparison")
    if not comparison:
        return Layout([], {}, 1.0, {})
    members: dict[str, dict[str, Any]] = {m["article_id"]: m for m in detail.get("members", [])}
    # A claim names its article by external id (else id) and its source label (source, else that id).
    by_key: dict[str, str] = {}
    for m in members.values():
        name = m.get("external_id") or m["article_id"]
        by_key.setdefault(_claim_key(name, m.get("source") or name), m["article_id"])
    marks: dict[str, list[Mark]] = {}
    anchors: dict[tuple[str, int, str], str] = {}

    def add(section: str, index: int, claim: dict[str, Any], cls: str, title: str | None = None) -> None:
        article_id = by_key.get(_claim_key(claim.get("article"), claim.get("source")))
        if article_id is None:
            return
        anchor = f"{section}{index}-{len(anchors)}"
        anchors.setdefault((section, index, article_id), anchor)
        marks.setdefault(article_id, []).append(
            Mark(int(claim["start"]), int(claim["stop"]), cls, title=title, anchor=anchor)
        )

    for i, group in enumerate(comparison.get("shared", [])):
        for claim in group.get("claims", []):
            add("s", i, claim, "hl hl-shared")
    for i, claim in enumerate(comparison.get("only_in", [])):
        add("o", i, claim, "hl hl-only")
    for i, diff in enumerate(comparison.get("differences", [])):
        for claim in diff.get("claims", []):
            add("d", i, claim, "hl hl-diff", title=f"{diff.get('kind', '')}: {diff.get('about', '')}")
    tones: dict[str, dict[str, Any]] = {}
    for tone in comparison.get("tone", []):
        article_id = by_key.get(_claim_key(tone.get("article"), tone.get("source")))
        if article_id is not None:
            tones[article_id] = tone
    # Side by side reads well up to a handful of texts: those with differences first, then the most marked.
    candidates = [a for a in members if a in marks or a in tones]
    ranked = sorted(
        candidates,
        key=lambda a: (-sum(m.cls.endswith("hl-diff") for m in marks.get(a, [])), -len(marks.get(a, []))),
    )
    chosen = set(ranked[:MAX_COLUMNS])
    columns: list[Column] = []
    for article_id, member in members.items():
        if article_id not in chosen:
            continue
        article = _article(store, article_id)
        if article is None:
            continue
        columns.append(
            Column(
                key=article_id,
                article_id=article.id,
                source=article.source,
                headline=member.get("headline") or "",
                published=member.get("published"),
                html=highlight(article.text, marks.get(article_id, [])),
                tone=tones.get(article_id),
            )
        )
    tone_max = max((abs(float(t.get("score") or 0)) for t in tones.values()), default=0.0) or 1.0
    return Layout(columns, anchors, tone_max, by_key, len(candidates) - len(columns))


def _claim_key(article: object, source: object) -> str:
    return f"{source or ''}\x1f{article or ''}"


def _article(store: Store, article_id: str) -> Article | None:
    try:
        return store.article(article_id)
    except NotFound:  # deleted between reading the story and reading its members: show the rest
        return None


def difference_value(difference: dict[str, Any], index: int) -> str | None:
    """The value a difference gives for its ``index``-th claim, without a leading "source: " label.

    Values name their source when there is one per source; else they are matched to claims by position.
    """
    claims = difference.get("claims") or []
    values = [str(v) for v in difference.get("values") or []]
    if index >= len(claims):
        return None
    label = f"{claims[index].get('source')}: "
    for value in values:
        if value.startswith(label):
            return value[len(label) :]
    return values[index] if index < len(values) else None


def claim_with_value(claim: dict[str, Any], value: str | None) -> Markup:
    """A claim's text with the differing value marked where it occurs in it (word by word if need be)."""
    text = str(claim.get("text", ""))
    if not value:
        return highlight(text, [])
    lowered = text.lower()
    at = lowered.find(value.lower())
    if at >= 0:
        return highlight(text, [Mark(at, at + len(value), "value")])
    marks = []
    for word in value.split():
        if len(word) > 1 and (found := lowered.find(word.lower())) >= 0:
            marks.append(Mark(found, found + len(word), "value"))
    return highlight(text, marks)
