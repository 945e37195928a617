"""The article store: idempotent writes, lookups by id and external id, listing with filters."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from svodka.errors import NotFound
from svodka.ingest.normalize import to_article
from svodka.model import Article, RawDocument, Rejection
from svodka.store import ArticleFilter, Store, open_store


def article(text: str, **fields: object) -> Article:
    result = to_article(RawDocument(text=text, origin="test", **fields))  # type: ignore[arg-type]
    assert not isinstance(result, Rejection)
    return result


ARTICLES = [
    article(
        "Министр транспорта провёл совещание в Кремле.",
        external_id="000_a.txt",
        keyed_by_external_id=False,
        published=date(2025, 11, 11),
        title="Совещание в Кремле",
    ),
    article(
        "Токаев прибыл в Москву на два дня.",
        external_id="t-1",
        source="ТАСС",
        published=datetime(2025, 11, 12, 6, 0, tzinfo=UTC),
    ),
    article(
        "The Kazakh president arrived in Moscow for talks.",
        url="https://news.example.com/kz",
        source="news.example.com",
        published=datetime(2025, 11, 10, 12, 0, tzinfo=UTC),
    ),
    article("Статья без даты и источника."),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "s.db") as opened:
        yield opened


def test_adding_twice_stores_once(store: Store) -> None:
    assert store.add_articles(ARTICLES) == [True, True, True, True]
    assert store.add_articles(ARTICLES) == [False, False, False, False]
    assert store.count() == 4
    rows = store.conn.execute("SELECT count(*) FROM article_search").fetchone()[0]
    assert rows == 4  # the duplicate write added no search rows either


def test_articles_come_back_as_they_went_in(store: Store) -> None:
    store.add_articles(ARTICLES)
    for original in ARTICLES:
        assert store.article(original.id) == original


@pytest.mark.parametrize(("key", "index"), [("000_a.txt", 0), ("t-1", 1)])
def test_lookup_by_external_id(store: Store, key: str, index: int) -> None:
    store.add_articles(ARTICLES)
    assert store.article(key).id == ARTICLES[index].id


def test_unknown_id_is_not_found_with_a_hint(store: Store) -> None:
    with pytest.raises(NotFound, match="svodka articles"):
        store.article("nope")


def test_listing_is_newest_first_and_undated_last(store: Store) -> None:
    store.add_articles(ARTICLES)
    listed = [a.id for a in store.articles()]
    assert listed == [ARTICLES[1].id, ARTICLES[0].id, ARTICLES[2].id, ARTICLES[3].id]
    assert [a.id for a in store.articles(limit=2, offset=1)] == [ARTICLES[0].id, ARTICLES[2].id]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (ArticleFilter(source="ТАСС"), [1]),
        (ArticleFilter(lang="en"), [2]),
        (ArticleFilter(lang="ru"), [1, 0, 3]),
        (ArticleFilter(since="2025-11-11"), [1, 0]),
        (ArticleFilter(until="2025-11-11"), [0, 2]),  # a bare date includes its whole day
        (ArticleFilter(since="2025-11-11", until="2025-11-11"), [0]),
        (ArticleFilter(since="2025-11-12T07:00:00Z"), []),
    ],
)
def test_filters(store: Store, where: ArticleFilter, expected: list[int]) -> None:
    store.add_articles(ARTICLES)
    assert [a.id for a in store.articles(where)] == [ARTICLES[i].id for i in expected]
    assert store.count(where) == len(expected)


def test_delete_removes_the_article_and_its_search_row(store: Store) -> None:
    store.add_articles(ARTICLES)
    store.delete_article(ARTICLES[0].id)
    assert store.count() == 3
    assert store.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 3
    assert store.search("Кремле") == []
    with pytest.raises(NotFound):
        store.delete_article(ARTICLES[0].id)


def test_existing_ids(store: Store) -> None:
    store.add_articles(ARTICLES[:2])
    many = [f"x{i}" for i in range(1200)] + [ARTICLES[1].id]  # more than one IN (...) chunk
    assert store.existing_ids(many) == {ARTICLES[1].id}


def test_a_failed_batch_leaves_nothing_behind(store: Store) -> None:
    broken = article("Сломанная статья, которая не должна остаться.")
    object.__setattr__(broken, "lang", None)  # violates NOT NULL after the first insert succeeded
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles([ARTICLES[0], broken])
    assert store.count() == 0
    assert store.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 0


def test_the_database_is_wal_with_foreign_keys(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_two_stores_on_one_file_write_without_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    open_store(path).close()
    results: list[list[bool]] = []

    def write() -> None:
        with open_store(path) as own:
            results.append(own.add_articles(ARTICLES))

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(sum(r) for r in results) == [0, 4]
    with open_store(path) as check:
        assert check.count() == 4
