"""JSON Lines and JSON arrays: the documented fields, --field mappings, pair files, dates, bad records."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from svodka.errors import UsageError
from svodka.ingest.dates import parse_date_value
from svodka.ingest.jsonl import FieldMap, read_json_array, read_json_lines
from svodka.model import RawDocument, Rejection

RECORDS = [
    {
        "id": "-1001:11877",
        "url": "https://example.ru/news/1",
        "source": "Пример Новости",
        "date": "2024-12-04T09:00:28+00:00",
        "title": "В Кремле прошла встреча",
        "text": "Президенты встретились в Кремле.\r\nРазговор шёл за чаем.",
        "lang": "ru",
    },
    {
        "id": 42,
        "source": "Daily Example",
        "date": "2025-11-11",
        "text": "The presidents met in Moscow.",
        "lang": "en",
    },
    {"text": "Текст без всего остального."},
]


def _lines(records: Sequence[object]) -> io.BytesIO:
    return io.BytesIO(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records))


def _docs(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    assert all(isinstance(i, RawDocument) for i in items), items
    return [i for i in items if isinstance(i, RawDocument)]


def test_json_lines_fields() -> None:
    docs = _docs(list(read_json_lines(_lines(RECORDS), "posts.jsonl", FieldMap())))
    first, second, third = docs
    assert first.external_id == "-1001:11877"
    assert first.url == "https://example.ru/news/1"
    assert first.source == "Пример Новости"
    assert first.published == datetime(2024, 12, 4, 9, 0, 28, tzinfo=UTC)
    assert first.title == "В Кремле прошла встреча"
    assert first.text == "Президенты встретились в Кремле.\nРазговор шёл за чаем."
    assert first.lang == "ru"
    assert first.origin == "posts.jsonl:1"
    assert second.external_id == "42"  # numbers become strings
    assert second.published == date(2025, 11, 11)
    assert second.lang == "en"
    assert (third.external_id, third.source, third.url, third.published) == (None, None, None, None)
    assert third.origin == "posts.jsonl:3"


@pytest.mark.parametrize(
    "data",
    [
        json.dumps(RECORDS, ensure_ascii=False).encode(),
        json.dumps({"articles": RECORDS}, ensure_ascii=False).encode(),
        b"\xef\xbb\xbf" + json.dumps(RECORDS).encode(),
    ],
    ids=["array", "articles-object", "bom"],
)
def test_json_array_reads_the_same_records(data: bytes) -> None:
    docs = _docs(list(read_json_array(data, "dump.json", FieldMap())))
    assert [d.text.split("\n")[0] for d in docs] == [
        "Президенты встретились в Кремле.",
        "The presidents met in Moscow.",
        "Текст без всего остального.",
    ]
    assert [d.origin for d in docs] == ["dump.json[0]", "dump.json[1]", "dump.json[2]"]


def test_field_mapping() -> None:
    record = {
        "guid": "a1",
        "body": "Текст статьи.",
        "published_at": 1731340800,
        "outlet": "ТАСС",
        "head": "Заголовок",
    }
    fields = FieldMap.parse(["id=guid", "text=body", "date=published_at", "source=outlet", "title = head"])
    (doc,) = _docs(list(read_json_lines(_lines([record]), "x.jsonl", fields)))
    assert (doc.external_id, doc.text, doc.source, doc.title) == ("a1", "Текст статьи.", "ТАСС", "Заголовок")
    assert doc.published == datetime(2024, 11, 11, 16, 0, tzinfo=UTC)


def test_a_mapped_text_field_that_is_missing_is_named_in_the_reason() -> None:
    (item,) = read_json_lines(_lines([{"text": "есть"}]), "x.jsonl", FieldMap.parse(["text=body"]))
    assert isinstance(item, Rejection)
    assert "'body'" in item.reason


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (["body"], "looks like text=body"),
        (["text="], "looks like text=body"),
        (["=body"], "looks like text=body"),
        (["content=body"], "unknown field"),
    ],
)
def test_bad_field_mappings_are_usage_errors(specs: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        FieldMap.parse(specs)


PAIRS = [
    {
        "lang": "ru",
        "first_url": "https://a.ru/1",
        "second_url": "https://b.ru/x/2",
        "first_title": "Экс-игрок найден живым",
        "second_title": "Футболист оказался жив",
        "first_text": "Первый текст о футболисте.",
        "second_text": "Второй текст о футболисте.",
        "answer": "OK",
    },
    {
        "lang": "ru",
        "first_url": "https://a.ru/1",  # seen in the first pair
        "second_url": "https://www.c.ru/3",
        "first_title": "Экс-игрок найден живым",
        "second_title": "Другая новость",
        "first_text": "Первый текст о футболисте.",
        "second_text": "Третий текст совсем о другом.",
        "answer": "BAD",
    },
    {
        "lang": "en",
        "first_url": "https://d.com/4",
        "second_url": "https://e.com/5",
        "first_title": "Player found alive",
        "second_title": "Footballer alive",
        "first_text": "A player declared dead was found alive.",
        "second_text": "The footballer is alive, reports say.",
        "answer": "OK",
    },
]


@pytest.mark.parametrize("as_array", [False, True], ids=["jsonl", "array"])
def test_pair_file_gives_each_side_once(as_array: bool) -> None:
    if as_array:
        items = list(read_json_array(json.dumps(PAIRS).encode(), "pairs.json", FieldMap()))
    else:
        items = list(read_json_lines(_lines(PAIRS), "pairs.jsonl", FieldMap()))
    docs = _docs(items)
    assert [d.url for d in docs] == [
        "https://a.ru/1",
        "https://b.ru/x/2",
        "https://www.c.ru/3",
        "https://d.com/4",
        "https://e.com/5",
    ]
    assert [d.source for d in docs] == ["a.ru", "b.ru", "c.ru", "d.com", "e.com"]
    assert docs[0].title == "Экс-игрок найден живым"
    assert docs[3].lang == "en"
    assert docs[1].origin.endswith(":second")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-11", date(2025, 11, 11)),
        ("2025-11-11T09:30:00+03:00", datetime(2025, 11, 11, 9, 30, tzinfo=timezone(timedelta(hours=3)))),
        ("2025-11-11T06:30:00Z", datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),
        ("2025-11-11 09:30:00", datetime(2025, 11, 11, 9, 30)),
        (
            "Tue, 11 Nov 2025 09:30:00 +0300",
            datetime(2025, 11, 11, 9, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("Tue, 11 Nov 2025 06:30:00 GMT", datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),
        (1762842600, datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),
        (1762842600.0, datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),
        (1762842600000, datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),  # milliseconds
        ("1762842600", datetime(2025, 11, 11, 6, 30, tzinfo=UTC)),
        ("11.11.2025", date(2025, 11, 11)),
        ("30 июля 2015", date(2015, 7, 30)),
        ("1 мая 2020 г.", date(2020, 5, 1)),
        (None, None),
        ("", None),
    ],
)
def test_dates(value: object, expected: object) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["вчера", "2025-13-01", "31.02.2025", True, [2025], 1e300, float("inf")])
def test_unreadable_dates_raise_value_error(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date_value(value)


def test_bad_lines_are_rejected_with_their_line_number_and_the_rest_is_read() -> None:
    data = (
        b'{"id": 1, "text": "\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb2\xd0\xb0\xd1\x8f."}\n'  # «Первая.»
        b'{"id": 2, "text": "broken\n'
        b"\n"
        b'{"id": 3, "text": "\xcf\xf0\xe8\xe2\xe5\xf2"}\n'  # Windows-1251 inside JSON Lines
        b"[1, 2]\n"
        b'{"id": 5, "title": "no text"}\n'
        b'{"id": 6, "text": "ok", "date": "someday"}\n'
        b'{"id": 7, "text": "ok", "date": 1e300}\n' + b"[" * 50_000 + b"]" * 50_000 + b"\n"
        b'{"id": 9, "text": "The last one."}\n'
    )
    items = list(read_json_lines(io.BytesIO(data), "f.jsonl", FieldMap()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = {i.origin: i.reason for i in items if isinstance(i, Rejection)}
    assert [d.external_id for d in docs] == ["1", "9"]
    assert set(rejected) == {f"f.jsonl:{n}" for n in (2, 4, 5, 6, 7, 8, 9)}
    assert rejected["f.jsonl:2"].startswith("malformed JSON")
    assert rejected["f.jsonl:4"].startswith("undecodable bytes")
    assert "JSON object" in rejected["f.jsonl:5"]
    assert rejected["f.jsonl:6"].startswith("no text")
    assert "someday" in rejected["f.jsonl:7"]
    assert "out of range" in rejected["f.jsonl:8"]
    assert "nested too deeply" in rejected["f.jsonl:9"]
    assert all("\n" not in reason for reason in rejected.values())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'[{"text": "a"},', "malformed JSON"),
        (b'[{"text": "\xff"}]', "undecodable bytes"),
        (b"[" * 50_000, "nested too deeply"),
    ],
)
def test_a_bad_json_file_is_one_rejection(data: bytes, reason: str) -> None:
    (item,) = read_json_array(data, "dump.json", FieldMap())
    assert isinstance(item, Rejection)
    assert item.origin == "dump.json"
    assert reason in item.reason
