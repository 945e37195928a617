"""The SQLite connection: WAL, foreign keys, versioned migrations, and one writer at a time.

Migrations are the ``migrations/NNN_name.sql`` files beside this module, applied in order, each in its
own transaction and recorded in ``schema_migrations``. Every layer adds its tables as a new file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from svodka.errors import StoreError

BUSY_TIMEOUT_MS = 30_000


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("svodka.store").joinpath("migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name[4:-4], entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a version number: {versions}")
    return found


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a Svodka database and bring its schema up to date."""
    target = str(path)
    if target != ":memory:":
        parent = Path(target).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create the database {target}: folder {parent} does not exist")
    try:
        conn = sqlite3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the database {target}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{target} is not a usable Svodka database: {exc}") from exc
    except BaseException:
        conn.close()  # a newer schema (StoreError) or an interrupt: do not leak the open file
        raise
    return conn


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations this database lacks; returns the versions applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    shipped = migrations()
    newest = max((v for v, _, _ in shipped), default=0)
    if done and max(done) > newest:
        raise StoreError(
            f"this database has schema version {max(done)}, newer than this Svodka knows ({newest}): "
            "upgrade Svodka"
        )
    applied = []
    for version, name, sql in shipped:
        if version in done:
            continue
        with transaction(conn):
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                continue  # another process applied it while we waited for the write lock
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now_iso()),
            )
        applied.append(version)
    return applied


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction: ``BEGIN IMMEDIATE`` takes the write lock up front, so writers queue."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _statements(sql: str) -> Iterator[str]:
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise StoreError(f"incomplete SQL statement in a migration: {buffer[:80]!r}")
