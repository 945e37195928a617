"""A story's summary row: headline, first/last seen, sources, independent sources, velocity, top entities."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime, timedelta

from svodka.store import stories as sql
from svodka.stories.index import StoryState
from svodka.stories.records import VELOCITY_HOURS, compress_lead
from svodka.stories.similarity import text_similarity, weighted
from svodka.stories.vocab import Vocabulary

TOP_ENTITIES = 10


def summarize(conn: sqlite3.Connection, story: StoryState, vocab: Vocabulary) -> sql.Summary:
    """Summarize a story from its stored members (read inside the transaction that changed them)."""
    rows = sql.member_articles(conn, story.id)
    times = sorted(r["published_utc"] for r in rows if r["published_utc"])
    first, last = (times[0], times[-1]) if times else (None, None)
    early = len(rows)
    if first:
        horizon = (_parse(first) + timedelta(hours=VELOCITY_HOURS)).strftime("%Y-%m-%dT%H:%M:%SZ")
        early = sum(1 for t in times if t <= horizon)
    # An article without a source is its own source: it cannot be shown to repeat another one.
    sources = {r["source"] or "article:" + r["id"] for r in rows}
    independent = {r["source"] or "article:" + r["id"] for r in rows if r["role"] == "original"}
    places: set[str] = set()
    for member in story.members.values():
        places.update(member.features.places)
    entities = tuple(
        (name, "LOC" if name in places else None, count)
        for name, count in sorted(story.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ENTITIES]
    )
    langs = Counter(m.features.lang for m in story.members.values())
    lang = min(langs, key=lambda lg: (-langs[lg], lg != story.lang, lg))
    return sql.Summary(
        id=story.id,
        seq=story.seq,
        lang=lang,
        title=headline(rows, story, vocab, lang),
        first_seen=first,
        last_seen=last,
        size=len(rows),
        sources=len(sources),
        independent=len(independent) or 1,
        early=early,
        entities=entities,
    )


def headline(rows: list[sqlite3.Row], story: StoryState, vocab: Vocabulary, lang: str) -> str:
    """The title of the original closest to the story's centroid; untitled: its compressed lead sentence.

    Originals in the story's main language come first, then titled ones: a real headline beats a
    compressed sentence.
    """
    best: tuple[tuple[int, int, float], sqlite3.Row] | None = None
    for row in rows:
        member = story.members.get(row["id"])
        if member is None or row["role"] != "original":
            continue
        mine = member.features.lang
        closeness = text_similarity(weighted(member.features.terms, vocab), story, vocab, lang=mine)
        key = (1 if mine == lang else 0, 1 if row["title"] else 0, round(closeness, 6))
        if best is None or key > best[0]:
            best = (key, row)
    if best is None:
        return compress_lead(rows[0]["text"]) if rows else ""
    row = best[1]
    return row["title"] or compress_lead(row["text"]) or row["text"][:120]


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
