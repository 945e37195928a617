"""The records: stable ids, content hashes, publication dates and their JSON form."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from svodka.model import Article, article_id, content_hash, format_published, parse_published, sort_key

MSK = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Путин встретился с Токаевым.\r\nВторой абзац.", "Путин встретился с Токаевым.\nВторой абзац."),
        ("Путин встретился\nс Токаевым.", "Путин встретился с Токаевым."),
        ("  The minister   said so. \n\n", "The minister said so."),
    ],
)
def test_content_hash_ignores_line_endings_and_wrapping(a: str, b: str) -> None:
    assert content_hash(a) == content_hash(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Путин встретился с Токаевым.", "Путин встретился с Токаевым!"),
        ("The minister said so.", "The minister said no."),
    ],
)
def test_content_hash_sees_changed_words(a: str, b: str) -> None:
    assert content_hash(a) != content_hash(b)


# Golden values: an id must never change between versions, or a re-ingest would duplicate every article.
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"url": "https://www.rbc.ru/politics/11/11/2025/a", "source": None, "key_id": None},
            "30b63a6b26a3a823",
        ),
        ({"url": None, "source": "ТАСС", "key_id": "42"}, "9c9febc156d9838d"),
        (
            {
                "url": None,
                "source": None,
                "key_id": None,
                "text_hash": content_hash("Путин встретился с Токаевым."),
            },
            "d7e69b04fcefc696",
        ),
    ],
)
def test_article_id_is_stable(kwargs: dict[str, str | None], expected: str) -> None:
    text_hash = kwargs.get("text_hash") or "unused"
    found = article_id(
        url=kwargs["url"], source=kwargs["source"], key_id=kwargs["key_id"], text_hash=text_hash
    )
    assert found == expected


def test_article_id_prefers_url_then_own_id_then_text() -> None:
    by_url = article_id(url="https://a.ru/1", source="a", key_id="1", text_hash="h1")
    assert by_url == article_id(url="https://a.ru/1", source="b", key_id="2", text_hash="h2")
    by_key = article_id(url=None, source="a", key_id="1", text_hash="h1")
    assert by_key == article_id(url=None, source="a", key_id="1", text_hash="h2")
    assert by_key != article_id(url=None, source="b", key_id="1", text_hash="h1")  # ids are per source
    by_text = article_id(url=None, source=None, key_id=None, text_hash="h1")
    assert by_text == article_id(url=None, source="other", key_id=None, text_hash="h1")
    assert len({by_url, by_key, by_text}) == 3


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2025, 11, 11), "2025-11-11"),
        (datetime(2025, 11, 11, 9, 30, tzinfo=MSK), "2025-11-11T09:30:00+03:00"),
        (datetime(2024, 12, 4, 9, 0, 28, tzinfo=UTC), "2024-12-04T09:00:28+00:00"),
        (datetime(2024, 12, 4, 9, 0), "2024-12-04T09:00:00"),
        (None, None),
    ],
)
def test_published_round_trips(value: date | datetime | None, text: str | None) -> None:
    assert format_published(value) == text
    assert parse_published(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-12-04T09:00:28Z", datetime(2024, 12, 4, 9, 0, 28, tzinfo=UTC)),
        (" 2025-11-11 ", date(2025, 11, 11)),
        ("", None),
    ],
)
def test_parse_published_reads_common_iso_forms(text: str, expected: date | datetime | None) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize("text", ["11 ноября 2025", "yesterday", "2025-13-01"])
def test_parse_published_rejects_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_published(text)


def test_sort_key_orders_dates_and_datetimes_together_in_utc() -> None:
    values = [
        datetime(2025, 11, 11, 1, 0, tzinfo=MSK),  # 2025-11-10T22:00Z
        date(2025, 11, 11),  # 00:00Z
        datetime(2025, 11, 11, 5, 0),  # naive: read as UTC
        datetime(2025, 11, 10, 23, 0, tzinfo=UTC),
    ]
    keys = [sort_key(v) for v in values]
    assert keys == [
        "2025-11-10T22:00:00Z",
        "2025-11-11T00:00:00Z",
        "2025-11-11T05:00:00Z",
        "2025-11-10T23:00:00Z",
    ]
    assert sort_key(None) is None


def test_article_to_dict_has_the_json_keys() -> None:
    article = Article(
        id="abc",
        external_id="000_x.txt",
        source="www.rbc.ru",
        url=None,
        published=date(2025, 11, 11),
        title="Заголовок",
        text="Текст статьи.",
        lang="ru",
        content_hash=content_hash("Текст статьи."),
    )
    out = article.to_dict()
    assert {"id", "external_id", "source", "url", "date", "title", "lang", "text"} <= set(out)
    assert out["date"] == "2025-11-11"
    assert out["source"] == "www.rbc.ru"
