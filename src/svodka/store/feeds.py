"""The state of polled feeds (tables ``feeds`` and ``feed_items`` of migration 001).

For each feed: the validators of its last good answer (for conditional GET), when it was last polled
and how that went; and the keys (entry id or link) of the entries already read, so that an entry is read,
and its page fetched, once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from svodka.store.db import now_iso


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_status: str | None = None
    """``200``, ``304`` or ``error: <reason>``."""


def feed_state(conn: sqlite3.Connection, url: str) -> FeedState:
    """The feed's state; an empty one for a feed never polled."""
    row = conn.execute(
        "SELECT url, etag, last_modified, last_polled, last_status FROM feeds WHERE url = ?", (url,)
    ).fetchone()
    return FeedState(*row) if row else FeedState(url)


def list_feeds(conn: sqlite3.Connection) -> list[FeedState]:
    rows = conn.execute("SELECT url, etag, last_modified, last_polled, last_status FROM feeds ORDER BY url")
    return [FeedState(*row) for row in rows]


def record_poll(
    conn: sqlite3.Connection,
    url: str,
    status: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    keep_validators: bool = False,
) -> None:
    """Note a poll inside the caller's transaction. ``keep_validators`` leaves etag/last_modified as
    they were (after an error or a 304, the last good answer's validators still hold)."""
    conn.execute(
        "INSERT INTO feeds (url, etag, last_modified, last_polled, last_status) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET last_polled = excluded.last_polled, "
        "last_status = excluded.last_status"
        + ("" if keep_validators else ", etag = excluded.etag, last_modified = excluded.last_modified"),
        (url, etag, last_modified, now_iso(), status),
    )


def seen_keys(conn: sqlite3.Connection, url: str) -> set[str]:
    """Keys of the feed's entries read before."""
    return {row[0] for row in conn.execute("SELECT item_key FROM feed_items WHERE feed_url = ?", (url,))}


def mark_seen(conn: sqlite3.Connection, url: str, keys: Iterable[str]) -> int:
    """Remember entries as read (the feed must have a row: call ``record_poll`` first); returns how many
    were new."""
    stamp = now_iso()
    cursor = conn.executemany(
        "INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)",
        [(url, key, stamp) for key in dict.fromkeys(keys)],
    )
    return cursor.rowcount
