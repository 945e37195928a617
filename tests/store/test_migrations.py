"""Versioned migrations recorded in a table; databases Svodka cannot use are refused with a reason."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from svodka.errors import StoreError
from svodka.store import db, open_store


def recorded(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return [
            (v, n) for v, n in conn.execute("SELECT version, name FROM schema_migrations ORDER BY version")
        ]


def test_a_new_database_records_every_shipped_migration(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    shipped = [(version, name) for version, name, _ in db.migrations()]
    assert shipped[0] == (1, "articles")
    assert recorded(path) == shipped
    versions = [v for v, _ in shipped]
    assert versions == sorted(set(versions))


def test_reopening_applies_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        stamps = conn.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    conn = db.connect(path)
    try:
        assert db.migrate(conn) == []
    finally:
        conn.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version, applied_at FROM schema_migrations").fetchall() == stamps


def test_a_partly_migrated_database_gets_only_what_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    shipped = db.migrations()
    if len(shipped) < 2:
        pytest.skip("needs at least two shipped migrations")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)"
    )
    version, name, sql = shipped[0]
    conn.executescript(sql)
    conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.close()
    conn = db.connect(path)
    conn.close()
    assert recorded(path) == [(v, n) for v, n, _ in shipped]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', 'later')")
    with pytest.raises(StoreError, match=r"schema version 999.*upgrade Svodka"):
        open_store(path)


@pytest.mark.parametrize(
    "content",
    [b"This is a text file, not a database.\n" * 100, "Просто текст.".encode() * 500, bytes(range(256)) * 64],
    ids=["english-text", "russian-text", "binary"],
)
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a usable Svodka database"):
        open_store(path)
    assert path.read_bytes() == content  # and it is left as it was


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "s.db")


def test_an_incomplete_statement_in_a_migration_is_refused() -> None:
    with pytest.raises(StoreError, match="incomplete SQL statement"):
        list(db._statements("CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y"))
    assert list(db._statements("-- a comment\nCREATE TABLE a (x INTEGER);\n-- trailing comment\n")) == [
        "-- a comment\nCREATE TABLE a (x INTEGER);\n"
    ]
