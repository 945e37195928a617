"""RSS and Atom feeds: entries, dates, short entries completed from pages, bad feeds, `svodka ingest URL`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from local_http import LocalServer, Route
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.ingest.feeds import SHORT_ENTRY_CHARS, kind_of_response, looks_like_feed, read_feed
from svodka.ingest.fetch import Fetcher
from svodka.model import RawDocument, Rejection
from svodka.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "http://news.example"
MSK = timezone(timedelta(hours=3))


def fixture(name: str, base: str = BASE) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"BASE_URL", base.encode())


def documents(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    assert all(isinstance(item, RawDocument) for item in items), items
    return [item for item in items if isinstance(item, RawDocument)]


def test_rss_entries_without_fetcher(no_network: None) -> None:
    docs = documents(list(read_feed(fixture("feed_ru.rss"), origin="feed_ru.rss")))
    assert [d.external_id for d in docs] == ["vesti-volga-1001", "vesti-most-1002", "vesti-bus-1003"]
    assert [d.url for d in docs] == [
        f"{BASE}/news/volga.html",
        f"{BASE}/news/most.html",
        f"{BASE}/news/missing.html",
    ]
    assert {d.source for d in docs} == {"Вести Поволжья"}
    assert docs[0].title == "Волга обмелела у Самары: речные трамваи отменены"
    assert docs[0].published == datetime(2015, 7, 30, 10, 15, tzinfo=MSK)
    assert docs[0].text.startswith("Уровень воды в Волге у Самары")
    assert "<p>" not in docs[0].text and "\n«Мы не можем рисковать" in docs[0].text  # paragraphs → lines
    assert docs[1].text == "Мэр Казани открыл движение по новому мосту. Подробности — на сайте."


def test_atom_entries(no_network: None) -> None:
    docs = documents(list(read_feed(fixture("feed_en.atom"), origin="feed_en.atom")))
    assert [(d.external_id, d.title) for d in docs] == [
        ("urn:riverside-daily:4711", "City council approves new bike lanes"),
        ("urn:riverside-daily:4712", "Storm closes the coastal highway"),
    ]
    assert docs[0].published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert docs[1].published == datetime(2024, 3, 6, 7, 45, tzinfo=UTC)  # no <published>: <updated>
    assert docs[0].source == "Riverside Daily"
    assert docs[0].text.startswith("The Riverside city council voted")
    assert all(len(d.text) >= SHORT_ENTRY_CHARS for d in docs)


def test_source_falls_back_to_host_and_key_to_link() -> None:
    data = b"""<rss version="2.0"><channel><item><link>https://www.lenta.example/news/1</link>
    <description>Short news.</description><pubDate>Mon, 01 Jan 2024 12:00:00 GMT</pubDate></item>
    </channel></rss>"""
    (doc,) = documents(list(read_feed(data, origin="f", url="https://www.lenta.example/rss")))
    assert (doc.source, doc.external_id) == ("lenta.example", "https://www.lenta.example/news/1")
    assert doc.published == datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


def test_short_entry_is_completed_from_its_page(server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(body=server.fixture("feed_ru.rss"), content_type="application/rss+xml")
    server.routes["/news/most.html"] = Route(body=server.fixture("article_ru.html"))
    items = list(read_feed(server.fixture("feed_ru.rss"), origin="feed", fetcher=Fetcher(per_host_delay=0)))
    _volga, most, bus = documents(items)
    assert "шумозащитные экраны" in most.text  # the page's text, not the teaser
    assert most.title == "В Казани открыли новый мост через Казанку"
    assert most.published == datetime(2015, 7, 30, 14, 20, tzinfo=MSK)  # the entry's own date wins
    assert (
        bus.text == "Ульяновский автозавод в пятницу выпустил тысячный автобус новой модели."
    )  # 404: teaser kept
    assert [h.path for h in server.hits] == [
        "/news/most.html",
        "/news/missing.html",
    ]  # long entries: no fetch


def test_skipped_entries_are_not_fetched(server: LocalServer) -> None:
    server.routes["/news/most.html"] = Route(body=server.fixture("article_ru.html"))
    fetcher = Fetcher(per_host_delay=0)
    items = list(
        read_feed(server.fixture("feed_ru.rss"), origin="f", fetcher=fetcher, skip={"vesti-most-1002"})
    )
    assert [d.external_id for d in documents(items)] == ["vesti-volga-1001", "vesti-bus-1003"]
    assert [h.path for h in server.hits] == ["/news/missing.html"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss version='2.0'><channel><title>x</ti", "malformed feed: unclosed token"),
        (b"<html><body><p>Hello</p></body></html>", "not an RSS or Atom feed"),
        (b"\x00\x01\x02", "not an RSS or Atom feed"),
    ],
)
def test_bad_feed_is_one_rejection_with_reason(data: bytes, reason: str) -> None:
    (item,) = list(read_feed(data, origin="bad.xml"))
    assert isinstance(item, Rejection)
    assert item.origin == "bad.xml"
    assert item.reason.startswith(reason)


def test_entry_of_a_damaged_feed_says_so() -> None:
    data = b"<rss version='2.0'><channel><item><title>A & B</title>"
    (item,) = list(read_feed(data, origin="bad.xml"))
    assert isinstance(item, Rejection)
    assert item.reason == "the entry has no text (malformed feed: not well-formed (invalid token))"


def test_empty_feed_has_no_entries() -> None:
    assert list(read_feed(b"<rss version='2.0'><channel><title>x</title></channel></rss>", origin="f")) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', True),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>', True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', True),
        (b"<!DOCTYPE html><html><body>rss feed</body></html>", False),
        (b"<?xml version='1.0'?><urlset/>", False),
        (b"just text about <rss>", False),
    ],
)
def test_looks_like_feed(data: bytes, expected: bool) -> None:
    assert looks_like_feed(data) is expected


@pytest.mark.parametrize(
    ("content_type", "data", "kind"),
    [
        ("application/rss+xml; charset=utf-8", b"<rss/>", "feed"),
        ("application/atom+xml", b"<feed/>", "feed"),
        ("text/xml", b"<rss/>", "feed"),
        ("text/html; charset=windows-1251", b"<html><body>x</body></html>", "html"),
        ("text/html", b'<?xml version="1.0"?><rss version="2.0"/>', "feed"),
        ("application/json", b'[{"text": "a"}]', "json"),
        ("application/json", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("application/x-ndjson", b'{"text": "a"}\n', "jsonl"),
        ("text/plain; charset=utf-8", "Новость дня".encode(), "text"),
        (None, b"<!doctype html><html></html>", "html"),
        ("application/octet-stream", b"<rss version='2.0'/>", "feed"),
        (None, "Просто текст".encode(), "text"),
    ],
)
def test_kind_of_response(content_type: str | None, data: bytes, kind: str) -> None:
    assert kind_of_response(content_type, data) == kind


def test_cli_ingest_of_a_feed_url(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = Route(
        body=server.fixture("feed_en.atom"), content_type="application/atom+xml"
    )
    db = tmp_path / "svodka.db"
    result = CliRunner().invoke(
        app, ["ingest", server.url("/feed.xml"), "--db", str(db), "--no-nlp", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output
    with Store(db) as store:
        stored = {a.title: a for a in store.articles()}
    assert set(stored) == {"City council approves new bike lanes", "Storm closes the coastal highway"}
    assert stored["Storm closes the coastal highway"].source == "Riverside Daily"
    assert stored["Storm closes the coastal highway"].url == server.url("/weather/storm.html")


def test_cli_ingest_of_a_failing_url_is_a_rejection(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = Route(body=b"boom", status=500)
    result = CliRunner().invoke(
        app, ["ingest", server.url("/feed.xml"), "--db", str(tmp_path / "s.db"), "--no-nlp", "-q"]
    )
    assert result.exit_code == 1
    assert "HTTP 500 Internal Server Error" in result.output
