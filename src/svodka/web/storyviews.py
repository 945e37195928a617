"""Stories for the API and the pages: the ranked list, one story with its comparison, the side-by-side view.

Stories come from ``Store.stories``/``Store.story`` (the stories layer) and the comparison from
``svodka.compare.compare_story`` (the comparison layer); this module only filters, pages and lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from svodka.errors import NotFound, StoreError
from svodka.model import Article
from svodka.store import Store
from svodka.web.context import LruCache
from svodka.web.highlight import Mark, highlight
from svodka.web.views import ListQuery, period_bounds

SEARCH_DEPTH = 1000
"""Search hits looked at when the story list is filtered by words."""
SCAN_DEPTH = 2000
"""Ranked stories looked through when the list is filtered by source (the most important ones)."""


def _story_filter(store: Store, query: ListQuery) -> Any:
    from svodka.store.stories import StoryFilter  # noqa: PLC0415 - the stories layer is optional in a build

    since, until = period_bounds(store, query)
    return StoryFilter(since=since, until=until, lang=query.lang, entity=query.entity)


def story_brief(story: Any) -> dict[str, Any]:
    """A story in the list: its record as the stories layer gives it (``Story.to_dict``)."""
    out: dict[str, Any] = story.to_dict()
    return out


def story_list(store: Store, query: ListQuery) -> dict[str, Any]:
    """Ranked stories after the filters; ``total`` counts what the filters let through."""
    where = _story_filter(store, query)
    if query.q is None and query.source is None:
        ranked = store.stories(where, limit=query.offset + query.limit + 1)
        page = ranked[query.offset : query.offset + query.limit]
        total = None if len(ranked) > query.offset + query.limit else len(ranked)
    else:
        ranked = store.stories(where, limit=None if query.q else SCAN_DEPTH)
        if query.q:
            keys = {h.article.external_id or h.article.id for h in store.search(query.q, limit=SEARCH_DEPTH)}
            keys |= {h.article.id for h in store.search(query.q, limit=SEARCH_DEPTH)}
            ranked = [s for s in ranked if keys.intersection(s.articles)]
        if query.source:
            ranked = [s for s in ranked if query.source in s.sources]
        page = ranked[query.offset : query.offset + query.limit]
        total = len(ranked)
    return {
        "items": [story_brief(s) for s in page],
        "total": total,
        "has_more": total is None or total > query.offset + query.limit,
        "limit": query.limit,
        "offset": query.offset,
    }


def story_detail(store: Store, story_id: str, cache: LruCache) -> dict[str, Any]:
    """The story record with its members and ``comparison`` (None, with ``comparison_error``, if unavailable)."""
    detail = store.story(story_id)
    out: dict[str, Any] = detail.to_dict()
    key = (detail.story.id, tuple(m.article_id for m in detail.members), detail.story.last_seen)
    compare = _comparer()
    if compare is None:
        out["comparison"] = None
        out["comparison_error"] = "the comparison layer is not part of this build"
        return out
    try:
        out["comparison"] = cache.get_or_compute(key, lambda: compare(store, detail.story.id).to_dict())
        out["comparison_error"] = None
    except NotFound:
        raise
    except StoreError:
        raise
    except ValueError as exc:  # a story too small or too odd to compare is still a story to show
        out["comparison"] = None
        out["comparison_error"] = str(exc)
    return out


def _comparer() -> Callable[[Store, str], Any] | None:
    try:
        from svodka.compare import compare_story  # noqa: PLC0415 - the comparison layer is optional in a build
    except ImportError:
        return None
    return compare_story  # type: ignore[no-any-return]


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
    # A claim names its article by external id (and source); map both ids of each member to it.
    by_key: dict[str, str] = {}
    for m in members.values():
        by_key.setdefault(_claim_key(m.get("external_id") or m["article_id"], m.get("source")), m["article_id"])
        by_key.setdefault(_claim_key(m["article_id"], m.get("source")), m["article_id"])
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
    columns: list[Column] = []
    for article_id, member in members.items():
        if article_id not in marks and article_id not in tones:
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
    return Layout(columns, anchors, tone_max, by_key)


def _claim_key(article: object, source: object) -> str:
    return f"{source or ''}\x1f{article or ''}"


def _article(store: Store, article_id: str) -> Article | None:
    try:
        return store.article(article_id)
    except NotFound:  # deleted between reading the story and reading its members: show the rest
        return None


def claim_with_values(claim: dict[str, Any], value: object) -> Markup:
    """A claim's text with the differing value marked where it occurs in it."""
    text = str(claim.get("text", ""))
    needle = str(value or "")
    at = text.lower().find(needle.lower()) if needle else -1
    if at < 0:
        return highlight(text, [])
    return highlight(text, [Mark(at, at + len(needle), "value")])
