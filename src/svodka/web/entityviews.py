"""Articles with their analysis, and entities with their mentions, quotes and relations, for API and pages.

The analysis and the store-level entities come from the NLP layer through ``Store.analysis``,
``Store.entities_of`` and ``Store.entity``; a build without them still shows articles, unannotated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from svodka.errors import NotFound
from svodka.store import Store
from svodka.web.highlight import Mark, highlight


def _record(value: Any) -> dict[str, Any]:
    """A record of another layer as a dict: its own ``to_dict`` if it has one, else its dataclass fields."""
    if hasattr(value, "to_dict"):
        out: dict[str, Any] = value.to_dict()
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dict):
        return dict(value)
    raise TypeError(f"cannot show a {type(value).__name__} record")


def _has(store: Store, name: str) -> bool:
    return callable(getattr(store, name, None))


# Articles ------------------------------------------------------------------------------------------------
def article_detail(store: Store, key: str) -> dict[str, Any]:
    """The article (by id or external id) with its story, entities and quotes where the store has them."""
    article = store.article(key)
    out: dict[str, Any] = article.to_dict()
    out["story"] = _story_of(store, article.id)
    out["mentions"], out["quotes"], out["entities"] = [], [], []
    if not _has(store, "analysis"):
        return out
    try:
        analysis = store.analysis(article.id)  # type: ignore[attr-defined]
    except NotFound:
        return out
    if analysis is None:
        return out
    ids = _entity_ids(store, article.id)
    out["entities"] = [
        {"key": e.key, "id": ids.get(e.key), "type": e.type, "name": e.name, "aliases": list(e.aliases)}
        for e in analysis.entities
    ]
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
    out["quotes"] = [
        {
            "parts": [list(p) for p in q.parts],
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_type": q.speaker_type,
            "speaker_entity": ids.get(q.speaker_entity) if q.speaker_entity else None,
            "text": " … ".join(article.text[a:b] for a, b in q.parts),
        }
        for q in analysis.quotes
    ]
    return out


def _story_of(store: Store, article_id: str) -> str | None:
    for name in ("story_of", "story_of_article"):
        if _has(store, name):
            found: str | None = getattr(store, name)(article_id)
            return found
    return None


def _entity_ids(store: Store, article_id: str) -> dict[str, str]:
    """Article-level entity key → store-level entity id."""
    if not _has(store, "entities_of"):
        return {}
    found = store.entities_of(article_id)  # type: ignore[attr-defined]
    if isinstance(found, dict):
        return {str(k): str(v if isinstance(v, str) else getattr(v, "id", v)) for k, v in found.items()}
    out: dict[str, str] = {}
    for item in found:
        record = _record(item)
        key = record.get("key") or record.get("entity_key")
        if key is not None and record.get("id") is not None:
            out[str(key)] = str(record["id"])
    return out


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
            Mark(mention["start"], mention["stop"], f"ent ent-{mention['type']}", href=href, title=mention["normal"])
        )
    return highlight(str(detail.get("text", "")), marks)


# Entities -----------------------------------------------------------------------------------------------
def entity_detail(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity with its mentions over time, quotes by and about it, related entities and stories."""
    if not _has(store, "entity"):
        raise NotFound("entities are not available in this build (the NLP layer is missing)")
    out = _record(store.entity(entity_id))  # type: ignore[attr-defined]
    for name in ("mentions", "quotes_by", "quotes_about", "related", "stories", "timeline"):
        out.setdefault(name, [])
    return out


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
    days = []
    current = first
    while current <= last and len(days) < 400:
        key = current.isoformat()
        days.append((key, counts.get(key, 0)))
        current += timedelta(days=1)
    return days


def mentions_chart(detail: dict[str, Any], width: int = 640, height: int = 140) -> dict[str, Any]:
    """Bar geometry for the server-side SVG chart (numbers only: the template draws it)."""
    days = mentions_per_day(detail)
    if not days:
        return {"bars": [], "width": width, "height": height}
    top = max(c for _, c in days) or 1
    step = width / len(days)
    plot = height - 24
    bars = [
        {
            "x": round(i * step + step * 0.1, 2),
            "w": round(max(step * 0.8, 1.0), 2),
            "h": round(plot * c / top, 2),
            "y": round(plot - plot * c / top + 4, 2),
            "day": d,
            "count": c,
        }
        for i, (d, c) in enumerate(days)
    ]
    return {"bars": bars, "width": width, "height": height, "top": top, "first": days[0][0], "last": days[-1][0]}


def first_of(items: Sequence[Any]) -> Any:
    return items[0] if items else None
