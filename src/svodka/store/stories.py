"""Reading and writing stories, their members and the clustering features (migration 003)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from svodka.store.db import now_iso
from svodka.stories.records import (
    RECENCY_HOURS,
    Story,
    StoryDetail,
    StoryMember,
    compress_lead,
    importance,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """Which stories to list; fields combine with AND."""

    since: str | None = None
    """ISO date or datetime (UTC): stories seen on or after it."""
    until: str | None = None
    """ISO date or datetime (UTC), inclusive (a bare date includes its whole day)."""
    lang: str | None = None
    entity: str | None = None
    """A canonical entity name (case-insensitive), e.g. «Токаев»."""


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One member as the clusterer reloads it."""

    article_id: str
    story_id: str
    story_seq: int
    story_lang: str
    role: str
    copy_of: str | None
    day: int | None
    features: str
    minhash: bytes | None


@dataclass(frozen=True, slots=True)
class Summary:
    """What the clusterer writes about a story after its members change."""

    id: str
    seq: int
    lang: str
    title: str
    first_seen: str | None
    last_seen: str | None
    size: int
    sources: int
    independent: int
    early: int
    entities: tuple[tuple[str, str | None, int], ...]
    """(name, type or None, count), most frequent first."""


# Writing (inside the caller's transaction) ------------------------------------------------------------
def save_features(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, int | None, str, bytes | None]]
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO story_features (article_id, day, features, minhash) VALUES (?, ?, ?, ?)", rows
    )


def save_members(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str | None, float | None]]
) -> None:
    """(article_id, story_id, role, copy_of, score): insert or move."""
    conn.executemany(
        "INSERT INTO story_members (article_id, story_id, role, copy_of, score) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, role = excluded.role, "
        "copy_of = excluded.copy_of, score = coalesce(excluded.score, story_members.score)",
        rows,
    )


def ensure_stories(conn: sqlite3.Connection, rows: Iterable[tuple[str, int, str]]) -> None:
    """Create the rows of new stories (id, seq, lang) so members can refer to them; summaries follow."""
    stamp = now_iso()
    conn.executemany(
        "INSERT OR IGNORE INTO stories (id, seq, lang, title, size, sources, independent, early, updated_at) "
        "VALUES (?, ?, ?, '', 0, 0, 0, 0, ?)",
        [(i, seq, lang, stamp) for i, seq, lang in rows],
    )


def save_summaries(conn: sqlite3.Connection, summaries: Sequence[Summary]) -> None:
    stamp = now_iso()
    for s in summaries:
        conn.execute(
            "INSERT INTO stories (id, seq, lang, title, first_seen, last_seen, size, sources, independent, "
            "early, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "lang = excluded.lang, title = excluded.title, first_seen = excluded.first_seen, "
            "last_seen = excluded.last_seen, size = excluded.size, sources = excluded.sources, "
            "independent = excluded.independent, early = excluded.early, updated_at = excluded.updated_at",
            (
                s.id,
                s.seq,
                s.lang,
                s.title,
                s.first_seen,
                s.last_seen,
                s.size,
                s.sources,
                s.independent,
                s.early,
                stamp,
            ),
        )
        conn.execute("DELETE FROM story_entities WHERE story_id = ?", (s.id,))
        conn.executemany(
            "INSERT INTO story_entities (story_id, name, type, count) VALUES (?, ?, ?, ?)",
            [(s.id, name, kind, count) for name, kind, count in s.entities],
        )


def delete_stories(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Delete emptied stories (their members must have moved first)."""
    conn.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in ids])


def add_df(conn: sqlite3.Connection, increments: Mapping[str, int], docs: int) -> None:
    rows = [(t, n) for t, n in sorted(increments.items())]
    if docs:
        rows.append(("", docs))
    conn.executemany(
        "INSERT INTO story_df (term, df) VALUES (?, ?) "
        "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        rows,
    )


# Reading for the clusterer ----------------------------------------------------------------------------
def load_df(conn: sqlite3.Connection) -> tuple[dict[str, int], int]:
    df = {row[0]: row[1] for row in conn.execute("SELECT term, df FROM story_df")}
    return df, df.pop("", 0)


def next_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM stories").fetchone()[0])


_MEMBER_ROWS = (
    "SELECT m.article_id, m.story_id, s.seq, s.lang, m.role, m.copy_of, f.day, f.features, f.minhash "
    "FROM story_members m JOIN stories s ON s.id = m.story_id "
    "JOIN story_features f ON f.article_id = m.article_id "
)


def member_rows_of_stories(conn: sqlite3.Connection, story_ids: Sequence[str]) -> list[MemberRow]:
    out: list[MemberRow] = []
    for i in range(0, len(story_ids), 500):
        chunk = list(story_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        sql = _MEMBER_ROWS + f"WHERE m.story_id IN ({marks}) ORDER BY s.seq, f.rowid"
        out.extend(MemberRow(*row) for row in conn.execute(sql, chunk))
    return out


_STORIES_OF_DAY = (
    "SELECT DISTINCT m.story_id FROM story_features f JOIN story_members m USING (article_id) WHERE "
)


def stories_on_day(conn: sqlite3.Connection, day: int | None) -> list[str]:
    """Ids of the stories with a member on that day (None: with an undated member)."""
    if day is None:
        return sorted(r[0] for r in conn.execute(_STORIES_OF_DAY + "f.day IS NULL"))
    return sorted(r[0] for r in conn.execute(_STORIES_OF_DAY + "f.day = ?", (day,)))


def minhashes_on_day(conn: sqlite3.Connection, day: int | None) -> list[tuple[str, bytes]]:
    """(article id, signature) of the articles of a day that have one."""
    if day is None:
        sql = "SELECT article_id, minhash FROM story_features WHERE day IS NULL AND minhash IS NOT NULL"
        return [(r[0], r[1]) for r in conn.execute(sql)]
    sql = "SELECT article_id, minhash FROM story_features WHERE day = ? AND minhash IS NOT NULL"
    return [(r[0], r[1]) for r in conn.execute(sql, (day,))]


def member_articles(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """Members with the article fields a summary needs, by time."""
    return list(
        conn.execute(
            "SELECT a.id, a.external_id, a.source, a.url, a.published, a.published_utc, a.title, a.text, "
            "m.role, m.copy_of, m.score FROM story_members m JOIN articles a ON a.id = m.article_id "
            "WHERE m.story_id = ? ORDER BY a.published_utc IS NULL, a.published_utc, a.seq",
            (story_id,),
        )
    )


# Reading for people -------------------------------------------------------------------------------------
def list_stories(
    conn: sqlite3.Connection, where: StoryFilter | None = None, *, limit: int | None = 50
) -> list[Story]:
    """Ranked by importance (ties: more members, then older story first)."""
    f = where or StoryFilter()
    parts: list[str] = []
    params: list[object] = []
    if f.since:
        parts.append("coalesce(last_seen, '') >= ?")
        params.append(f.since if len(f.since) > 10 else f.since + "T00:00:00Z")
    until = None
    if f.until:
        until = f.until + "T23:59:59Z" if len(f.until) == 10 else f.until
        parts.append("coalesce(first_seen, '') <= ?")
        params.append(until)
    if f.lang:
        parts.append("lang = ?")
        params.append(f.lang)
    if f.entity:
        parts.append("id IN (SELECT story_id FROM story_entities WHERE name = ? COLLATE NOCASE)")
        params.append(" ".join(f.entity.lower().replace("ё", "е").split()))
    reference = until or conn.execute("SELECT max(last_seen) FROM stories").fetchone()[0]
    rows = _candidates(conn, parts, params, reference, limit)
    ranked = sorted(
        rows,
        key=lambda r: (-_importance(r, reference), -r["size"], r["seq"]),
    )
    chosen = ranked if limit is None else ranked[:limit]
    return [_story(conn, r, reference) for r in chosen]


# Recency fades importance by exp(-age / RECENCY_HOURS): after this many hours the factor is below e^-8, so
# an older story (breadth × velocity stays under ~100 in practice) cannot reach the top of a list that has
# enough recent stories; only the far tail of a long list could differ from ranking every story.
_RANKING_HORIZON_HOURS = 8 * RECENCY_HOURS


def _candidates(
    conn: sqlite3.Connection, parts: list[str], params: list[object], reference: str | None, limit: int | None
) -> list[sqlite3.Row]:
    """The rows to rank: for a top-N list, only stories seen within the ranking horizon (and undated
    ones), unless there are fewer than N of them; so ranking costs the recent stories, not the store."""
    clause = " WHERE " + " AND ".join(parts) if parts else ""
    if limit is not None and reference:
        horizon = (_parse_utc(reference) - timedelta(hours=_RANKING_HORIZON_HOURS)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
        recent = " AND ".join([*parts, "(last_seen >= ? OR last_seen IS NULL)"])
        rows = list(conn.execute(f"SELECT * FROM stories WHERE {recent}", [*params, horizon]))
        if len(rows) >= limit:
            return rows
    return list(conn.execute(f"SELECT * FROM stories{clause}", params))


def _parse_utc(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def get_story(conn: sqlite3.Connection, story_id: str) -> StoryDetail | None:
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    reference = conn.execute("SELECT max(last_seen) FROM stories").fetchone()[0]
    members = tuple(
        StoryMember(
            article_id=m["id"],
            external_id=m["external_id"],
            source=m["source"],
            published=m["published"],
            published_utc=m["published_utc"],
            headline=m["title"] or compress_lead(m["text"]),
            role=m["role"],
            copy_of=m["copy_of"],
            score=m["score"],
            url=m["url"],
        )
        for m in member_articles(conn, story_id)
    )
    return StoryDetail(_story(conn, row, reference), members)


def story_of_article(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def count_stories(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])


def _importance(row: sqlite3.Row, reference: str | None) -> float:
    return importance(
        independent=row["independent"], early=row["early"], last_seen=row["last_seen"], reference=reference
    )


def _story(conn: sqlite3.Connection, row: sqlite3.Row, reference: str | None) -> Story:
    members = list(
        conn.execute(
            "SELECT coalesce(a.external_id, a.id), a.source "
            "FROM story_members m JOIN articles a ON a.id = m.article_id "
            "WHERE m.story_id = ? ORDER BY m.role DESC, a.published_utc IS NULL, a.published_utc, a.seq",
            (row["id"],),
        )
    )
    sources = sorted({s for _, s in members if s})
    entities = tuple(
        r[0]
        for r in conn.execute(
            "SELECT name FROM story_entities WHERE story_id = ? ORDER BY count DESC, name LIMIT 10",
            (row["id"],),
        )
    )
    return Story(
        id=row["id"],
        title=row["title"],
        lang=row["lang"],
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        size=row["size"],
        independent=row["independent"],
        early=row["early"],
        importance=_importance(row, reference),
        sources=tuple(sources),
        entities=entities,
        articles=tuple(m[0] for m in members),
    )
