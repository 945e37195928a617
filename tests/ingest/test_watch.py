"""Polling feeds: conditional GET across rounds, entries read once, failing feeds reported, the CLI."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_http import LocalServer, Route
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.errors import UsageError
from svodka.ingest.fetch import Fetcher
from svodka.ingest.watch import FeedPoll, parse_interval, poll_feed, poll_round, read_feed_list, watch
from svodka.store import Store
from svodka.store import feeds as feed_store

RSS = "application/rss+xml; charset=utf-8"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "svodka.db") as opened:
        yield opened


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(per_host_delay=0, timeout=0.5)


def serve_feeds(server: LocalServer, *, etag: str | None = '"r1"') -> tuple[str, str]:
    server.routes["/ru.rss"] = Route(body=server.fixture("feed_ru.rss"), content_type=RSS, etag=etag)
    server.routes["/en.atom"] = Route(
        body=server.fixture("feed_en.atom"), content_type="application/atom+xml"
    )
    server.routes["/news/most.html"] = Route(body=server.fixture("article_ru.html"))
    return server.url("/ru.rss"), server.url("/en.atom")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("10m", 600), ("1h", 3600), ("1.5h", 5400), ("0.2s", 0.2), ("45", 45), (" 2 min ", 120)],
)
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "0s", "10 minutes", "-5m", "1d", "m"])
def test_bad_interval_fails_loudly(text: str) -> None:
    with pytest.raises(UsageError, match="30s, 10m or 1h"):
        parse_interval(text)


def test_read_feed_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# Российские ленты\n\nhttps://lenta.example/rss\n  http://news.example/feed.xml  # English\n"
        "https://lenta.example/rss\n",
        encoding="utf-8",
    )
    assert read_feed_list(path) == ["https://lenta.example/rss", "http://news.example/feed.xml"]


@pytest.mark.parametrize(
    ("content", "message"), [("# nothing\n\n", "no feed URLs"), ("lenta.example/rss\n", ":1: expected")]
)
def test_bad_feed_list_fails_loudly(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        read_feed_list(path)


def test_second_round_is_not_modified_and_fetches_nothing_new(
    server: LocalServer, store: Store, fetcher: Fetcher
) -> None:
    ru, _ = serve_feeds(server)
    first = poll_feed(store, ru, fetcher)
    second = poll_feed(store, ru, fetcher)
    assert (first.status, first.entries, first.stored) == ("new", 3, 3)
    assert second == FeedPoll(ru, "not modified")
    assert server.hits_of("/ru.rss")[1].headers["If-None-Match"] == '"r1"'
    assert len(server.hits_of("/news/most.html")) == 1
    assert store.count() == 3
    state = feed_store.feed_state(store.conn, ru)
    assert (state.etag, state.last_status) == ('"r1"', "304")


def test_without_validators_seen_entries_are_skipped(
    server: LocalServer, store: Store, fetcher: Fetcher
) -> None:
    ru, _ = serve_feeds(server, etag=None)
    poll_feed(store, ru, fetcher)
    second = poll_feed(store, ru, fetcher)
    assert (second.status, second.entries, second.stored) == ("new", 0, 0)
    assert len(server.hits_of("/news/most.html")) == 1  # the page of a seen entry is not fetched again
    assert feed_store.seen_keys(store.conn, ru) == {"vesti-volga-1001", "vesti-most-1002", "vesti-bus-1003"}


def test_a_new_entry_is_read_in_the_next_round(server: LocalServer, store: Store, fetcher: Fetcher) -> None:
    _, en = serve_feeds(server)
    assert poll_feed(store, en, fetcher).stored == 2
    extra = b"""<entry><title>Library reopens after flood</title><link href="/city/library.html"/>
    <id>urn:riverside-daily:4713</id><updated>2024-03-07T09:00:00Z</updated>
    <summary>The central library reopened on Thursday after six months of repairs that followed the
    spring flood, with new shelves, a children's reading room and a cafe; the city spent two million
    dollars on the works and volunteers helped to move more than forty thousand books back to their
    places.</summary></entry></feed>"""
    server.routes["/en.atom"].body = server.routes["/en.atom"].body.replace(b"</feed>", extra)
    poll = poll_feed(store, en, fetcher)
    assert (poll.entries, poll.stored) == (1, 1)
    assert store.count() == 3


def test_an_entry_without_text_is_reported_once_and_a_failed_page_is_tried_again(
    server: LocalServer, store: Store, fetcher: Fetcher
) -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Lenta</title>
    <item><guid isPermaLink="false">empty-1</guid><title>Без текста</title></item>
    <item><guid isPermaLink="false">gone-2</guid><title>Страница</title><link>/news/gone.html</link></item>
    </channel></rss>""".encode()
    server.routes["/x.rss"] = Route(body=feed, content_type=RSS, etag=None)
    server.routes["/news/gone.html"] = Route(body=b"Internal error", status=500)
    url = server.url("/x.rss")
    first = poll_feed(store, url, fetcher)
    second = poll_feed(store, url, fetcher)
    assert [r.reason[:22] for r in first.rejected] == ["the entry has no text", "the entry has no text "]
    assert [r.origin for r in second.rejected] == [server.url("/news/gone.html")]
    assert feed_store.seen_keys(store.conn, url) == {"empty-1"}
    assert len(server.hits_of("/news/gone.html")) == 2


def test_failing_feeds_are_reported_and_the_others_stored(
    server: LocalServer, store: Store, fetcher: Fetcher
) -> None:
    ru, en = serve_feeds(server)
    server.routes["/slow.rss"] = Route(body=server.fixture("feed_ru.rss"), content_type=RSS, delay=1.5)
    server.routes["/broken.rss"] = Route(body=b"Internal error", status=500)
    server.routes["/garbage.rss"] = Route(body=b"<rss version='2.0'><channel><title>x</ti", content_type=RSS)
    urls = [server.url("/slow.rss"), ru, server.url("/broken.rss"), server.url("/garbage.rss"), en]
    polls = list(poll_round(store, urls, fetcher))
    assert [(p.status, p.reason) for p in polls] == [
        ("error", "timed out after 0.5 s"),
        ("new", None),
        ("error", "HTTP 500 Internal Server Error"),
        ("error", "malformed feed: unclosed token"),
        ("new", None),
    ]
    assert store.count() == 5
    assert polls[0].line() == f"{urls[0]}: error: timed out after 0.5 s"
    assert polls[1].line() == f"{ru}: 3 new entries, 3 stored"
    assert feed_store.feed_state(store.conn, urls[2]).last_status == "error: HTTP 500 Internal Server Error"


def test_watch_two_rounds(server: LocalServer, store: Store, fetcher: Fetcher) -> None:
    ru, en = serve_feeds(server)
    heard: list[tuple[int, str, str]] = []
    done = watch(
        store,
        [ru, en],
        every=0.05,
        fetcher=fetcher,
        max_rounds=2,
        on_poll=lambda n, p: heard.append((n, p.url, p.status)),
    )
    assert done == 2
    assert heard == [(1, ru, "new"), (1, en, "new"), (2, ru, "not modified"), (2, en, "new")]
    assert store.count() == 5


def test_watch_stops_when_asked(server: LocalServer, store: Store, fetcher: Fetcher) -> None:
    ru, _ = serve_feeds(server)
    stop = threading.Event()
    done = watch(store, [ru], every=3600, fetcher=fetcher, on_poll=lambda n, p: stop.set(), stop=stop)
    assert done == 1  # returned at once, without waiting an hour for the next round


def cli(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["watch", *args, "--db", str(tmp_path / "svodka.db"), "--no-nlp", "--delay", "0"]
    )
    return result.exit_code, result.output


def test_cli_watch_max_rounds(server: LocalServer, tmp_path: Path) -> None:
    ru, en = serve_feeds(server)
    server.routes["/broken.rss"] = Route(status=500)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{ru}\n\n{server.url('/broken.rss')}\n{en}\n", encoding="utf-8")
    code, output = cli(tmp_path, str(feeds), "--every", "0.1s", "--max-rounds", "2")
    assert code == 0, output
    lines = [line for line in output.splitlines() if line.startswith("round")]
    assert lines == [
        f"round 1 {ru}: 3 new entries, 3 stored",
        f"round 1 {server.url('/broken.rss')}: error: HTTP 500 Internal Server Error",
        f"round 1 {en}: 2 new entries, 2 stored",
        f"round 2 {ru}: not modified",
        f"round 2 {server.url('/broken.rss')}: error: HTTP 500 Internal Server Error",
        f"round 2 {en}: 0 new entries, 0 stored",
    ]
    assert "done: 2 round(s)" in output


def test_cli_watch_once(server: LocalServer, tmp_path: Path) -> None:
    ru, _ = serve_feeds(server)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(ru + "\n", encoding="utf-8")
    code, output = cli(tmp_path, str(feeds), "--once")
    assert code == 0, output
    assert [line for line in output.splitlines() if line.startswith("round")] == [
        f"round 1 {ru}: 3 new entries, 3 stored"
    ]
    with Store(tmp_path / "svodka.db") as store:
        assert store.count() == 3


@pytest.mark.parametrize(("args", "message"), [(["--every", "soon"], "30s, 10m or 1h"), ([], "no feed URLs")])
def test_cli_watch_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# empty\n" if not args else "https://lenta.example/rss\n", encoding="utf-8")
    code, output = cli(tmp_path, str(feeds), "--once", *args)
    assert code == 2
    assert message in output


def test_cli_watch_ctrl_c_stops_cleanly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def interrupted(*args: object, **kwargs: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("svodka.cli.watch.watch", interrupted)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://lenta.example/rss\n", encoding="utf-8")
    code, output = cli(tmp_path, str(feeds))
    assert code == 0
    assert "stopped" in output
