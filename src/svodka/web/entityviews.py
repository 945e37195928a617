"""Articles with their analysis, and entities with their mentions, quotes and relations, for API and pages.

The analysis and the store-level entities come from the NLP layer through ``Store.analysis``,
``Store.entities_of``, ``Store.entity`` and ``Store.quotes_by``; an article stored without NLP is shown
unannotated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from svodka.errors import NotFound
from svodka.model import Article, format_published, sort_key
from svodka.nlp.types import Entity, Quote
from svodka.store import Store
from svodka.store.analyses import EntityMention, StoredEntity
from svodka.store.stories import StoryFilter
from svodka.web.highlight import Mark, highlight


# Articles ------------------------------------------------------------------------------------------------
def article_detail(store: Store, key: str) -> dict[str, Any]:
    """The article (by id or external id) with its story, entities, mentions and quotes where analysed."""
    article = store.article(key)
    out: dict[str, Any] = article.to_dict()
    out["story"] = store.story_of(article.id)
    out["entities"], out["mentions"], out["quotes"] = [], [], []
    analysis = store.analysis(article.id)
    if analysis is None:
        return out
    stored = store.entities_of(article.id)
    ids = _store_ids(analysis.entities, stored)
    out["entities"] = [{"id": e.id, "type": e.type, "name": e.name, "mentions": e.mentions} for e in stored]
    out["mentions"] = [
        {
            "start": m.start,
            "stop": m.stop,
            "type": m.type,
            "text": m.text,
            "normal": m.normal,
            "entity": ids.get(m.entity),
            "role": m.role,
        }
        for m in analysis.mentions
    ]
    out["quotes"] = [_quote_dict(article.text, q, ids.get(q.speaker_entity or "")) for q in analysis.quotes]
    return out


def _quote_dict(text: str, quote: Quote, speaker_id: str | None) -> dict[str, Any]:
    return {
        "parts": [list(p) for p in quote.parts],
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_type": quote.speaker_type,
        "speaker_entity": speaker_id,
        "text": " … ".join(text[a:b] for a, b in quote.parts),
    }


def _store_ids(entities: Sequence[Entity], stored: Sequence[StoredEntity]) -> dict[str, str]:
    """Article-level entity key → store-level entity id, matched by type and name (or alias), case-folded.

    The store links each article entity to one store entity; a surname-only entity may have been absorbed
    by a full name, so aliases count as well as canonical names.
    """
    names: dict[tuple[str, str], str] = {}
    for s in stored:
        for name in (s.name, *s.aliases):
            names.setdefault((s.type, _fold(name)), s.id)
    out: dict[str, str] = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            found = names.get((e.type, _fold(name)))
            if found:
                out[e.key] = found
                break
    return out


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def article_html(detail: dict[str, Any]) -> Markup:
    """The article text with entity mentions (linked) and quotes marked, from their offsets."""
    marks: list[Mark] = []
    for quote in detail.get("quotes", []):
        who = quote.get("speaker") or ""
        for start, stop in quote["parts"]:
            marks.append(Mark(start, stop, f"hl hl-quote q-{quote['kind']}", title=who or None))
    for mention in detail.get("mentions", []):
        href = f"/entities/{mention['entity']}" if mention.get("entity") else None
        marks.append(
            Mark(
                mention["start"],
                mention["stop"],
                f"ent ent-{mention['type']}",
                href=href,
                title=mention["normal"],
            )
        )
    return highlight(str(detail.get("text", "")), marks)


# Entities -----------------------------------------------------------------------------------------------
RECENT_ARTICLES = 40
"""Articles (the newest) read for quotes about an entity and for related entities."""
MAX_DATED = 3000
"""Articles whose dates make the mentions chart (an entity in more is charted over its newest ones)."""
MAX_LISTED = 100


def entity_detail(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity with mentions over time, its stories, quotes by and about it, and related entities."""
    found = store.entity(entity_id)
    entity = found.entity
    out: dict[str, Any] = entity.to_dict()
    out["mentions_total"] = entity.mentions
    newest_first = list(reversed(found.articles))
    dates = _dates(store, newest_first[:MAX_DATED])
    per_article: dict[str, int] = {}
    for m in found.mentions:
        per_article[m.article_id] = per_article.get(m.article_id, 0) + 1
    days: dict[str, int] = {}
    for article_id, count in per_article.items():
        day = dates.get(article_id)
        if day:
            days[day] = days.get(day, 0) + count
    out["article_count"] = len(found.articles)
    out["timeline"] = [{"date": d, "count": c} for d, c in sorted(days.items())]
    out["mentions"] = [
        {"article_id": m.article_id, "start": m.start, "stop": m.stop, "text": m.text, "role": m.role}
        for m in found.mentions[-MAX_LISTED:]
    ]
    out["stories"] = _stories_of(store, entity, newest_first)
    texts: dict[str, Article] = {}
    quotes_by = store.quotes_by(entity.id)[-MAX_LISTED:]
    out["quotes_by"] = [
        _quote_entry(store, texts, q.article_id, q.quote, entity.id) for q in reversed(quotes_by)
    ]
    out["quotes_about"], out["related"] = _about_and_related(
        store, entity, found.mentions, newest_first, texts
    )
    return out


def _dates(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for article_id in article_ids:
        try:
            article = store.article(article_id)
        except NotFound:  # deleted meanwhile
            continue
        key = sort_key(article.published)
        if key:
            out[article_id] = key[:10]
    return out


def _stories_of(store: Store, entity: StoredEntity, newest_first: Sequence[str]) -> list[dict[str, Any]]:
    """The entity's stories: those it is a top entity of, then those of its newest articles."""
    seen: dict[str, dict[str, Any]] = {}
    for story in store.stories(StoryFilter(entity=entity.name), limit=20):
        seen[story.id] = story.to_dict()
    for article_id in newest_first[:RECENT_ARTICLES]:
        story_id = store.story_of(article_id)
        if story_id and story_id not in seen and len(seen) < 30:
            try:
                seen[story_id] = store.story(story_id).story.to_dict()
            except NotFound:
                continue
    return list(seen.values())


def _quote_entry(
    store: Store, texts: dict[str, Article], article_id: str, quote: Quote, speaker_id: str | None
) -> dict[str, Any]:
    if article_id not in texts:
        texts[article_id] = store.article(article_id)
    article = texts[article_id]
    entry = _quote_dict(article.text, quote, speaker_id)
    entry.update(article_id=article.id, source=article.source, date=format_published(article.published))
    return entry


def _about_and_related(
    store: Store,
    entity: StoredEntity,
    mentions: Sequence[EntityMention],
    newest_first: Sequence[str],
    texts: dict[str, Article],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Quotes (by others) that mention the entity, and the entities met in the same articles."""
    where: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        where.setdefault(m.article_id, []).append((m.start, m.stop))
    about: list[dict[str, Any]] = []
    related: dict[str, dict[str, Any]] = {}
    for article_id in newest_first[:RECENT_ARTICLES]:
        for other in store.entities_of(article_id):
            if other.id != entity.id:
                entry = related.setdefault(
                    other.id, {"id": other.id, "type": other.type, "name": other.name, "count": 0}
                )
                entry["count"] += 1
        analysis = store.analysis(article_id)
        if analysis is None:
            continue
        spans = where.get(article_id, [])
        ids = None
        for quote in analysis.quotes:
            inside = any(a <= s and e <= b for s, e in spans for a, b in quote.parts)
            if not inside:
                continue
            if ids is None:
                ids = _store_ids(analysis.entities, store.entities_of(article_id))
            speaker_id = ids.get(quote.speaker_entity or "")
            if speaker_id != entity.id:
                about.append(_quote_entry(store, texts, article_id, quote, speaker_id))
    ranked = sorted(related.values(), key=lambda r: (-r["count"], r["name"]))[:20]
    return about[:MAX_LISTED], ranked


def mentions_per_day(detail: dict[str, Any]) -> list[tuple[str, int]]:
    """(ISO day, mentions) for every day from the first to the last mention, zeros included."""
    counts: dict[str, int] = {}
    for item in detail.get("timeline") or []:
        day, count = (item["date"], int(item["count"])) if isinstance(item, dict) else (item[0], int(item[1]))
        if day:
            counts[str(day)[:10]] = counts.get(str(day)[:10], 0) + count
    if not counts:
        return []
    try:
        first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    except ValueError:
        return sorted(counts.items())
    days: list[tuple[str, int]] = []
    current = first
    while current <= last and len(days) < 400:
        key = current.isoformat()
        days.append((key, counts.get(key, 0)))
        current += timedelta(days=1)
    return days


def mentions_chart(detail: dict[str, Any], width: int = 1000, height: int = 170) -> dict[str, Any]:
    """Bar geometry for the server-side SVG chart (numbers only: the template draws it)."""
    days = mentions_per_day(detail)
    if not days:
        return {"bars": [], "width": width, "height": height}
    top = max(c for _, c in days) or 1
    step = width / len(days)
    plot = height - 24
    each = min(step * 0.8, 48.0)  # a few days must not make slabs
    bars = [
        {
            "x": round(i * step + (step - each) / 2, 2),
            "w": round(max(each, 1.0), 2),
            "h": round(plot * c / top, 2),
            "y": round(plot - plot * c / top + 4, 2),
            "day": d,
            "count": c,
        }
        for i, (d, c) in enumerate(days)
    ]
    return {
        "bars": bars,
        "width": width,
        "height": height,
        "top": top,
        "first": days[0][0],
        "last": days[-1][0],
    }
