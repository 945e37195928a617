"""``Fetcher`` against a local server: redirects, conditional GET, politeness, and every failure named."""

from __future__ import annotations

import socket
import time

import pytest
from local_http import LocalServer, Route

from svodka.errors import FetchError, UsageError
from svodka.ingest.fetch import DEFAULT_USER_AGENT, Fetcher

PAGE = "<html><body><p>Привет, мир! Hello, world!</p></body></html>".encode()


def fast(**options: float) -> Fetcher:
    return Fetcher(per_host_delay=0, **options)  # type: ignore[arg-type]


def test_get_returns_body_type_and_final_url_after_redirect(server: LocalServer) -> None:
    server.routes["/old"] = Route(status=302, headers={"Location": "/new"})
    server.routes["/new"] = Route(body=PAGE, content_type="text/html; charset=utf-8")
    response = fast().get(server.url("/old"))
    assert (response.url, response.status, response.data) == (server.url("/new"), 200, PAGE)
    assert response.content_type == "text/html; charset=utf-8"
    assert not response.not_modified


@pytest.mark.parametrize("agent", [None, "TestBot/2.0 (+https://example.org/bot)"])
def test_user_agent_is_sent(server: LocalServer, agent: str | None) -> None:
    server.routes["/"] = Route(body=PAGE)
    fetcher = Fetcher(per_host_delay=0, user_agent=agent) if agent else fast()
    fetcher.get(server.url("/"))
    assert server.hits_of("/")[0].headers["User-Agent"] == (agent or DEFAULT_USER_AGENT)


def test_conditional_get_with_etag_gives_not_modified(server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(body=b"<rss/>", etag='"v1"')
    fetcher = fast()
    first = fetcher.get(server.url("/feed.xml"))
    second = fetcher.get(server.url("/feed.xml"), etag=first.etag)
    assert (first.status, first.etag, first.not_modified) == (200, '"v1"', False)
    assert (second.status, second.data, second.not_modified, second.etag) == (304, b"", True, '"v1"')
    assert server.hits_of("/feed.xml")[1].headers["If-None-Match"] == '"v1"'


def test_conditional_get_with_last_modified(server: LocalServer) -> None:
    stamp = "Thu, 30 Jul 2015 10:00:00 GMT"
    server.routes["/feed.xml"] = Route(body=b"<rss/>", last_modified=stamp)
    fetcher = fast()
    first = fetcher.get(server.url("/feed.xml"))
    second = fetcher.get(server.url("/feed.xml"), last_modified=first.last_modified)
    assert first.last_modified == stamp
    assert second.not_modified
    assert server.hits_of("/feed.xml")[1].headers["If-Modified-Since"] == stamp


def test_per_host_delay_spaces_requests(server: LocalServer) -> None:
    server.routes["/"] = Route(body=PAGE)
    fetcher = Fetcher(per_host_delay=0.2)
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(server.url("/"))
    # Measured by the client: server-side timestamps jitter on a loaded machine.
    assert time.monotonic() - started >= 0.4
    assert len(server.hits_of("/")) == 3


def test_no_delay_before_the_first_request_to_a_host(server: LocalServer) -> None:
    server.routes["/"] = Route(body=PAGE)
    started = time.monotonic()
    Fetcher(per_host_delay=5).get(server.url("/"))
    assert time.monotonic() - started < 2


def test_timeout_is_named(server: LocalServer) -> None:
    server.routes["/slow"] = Route(body=PAGE, delay=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fast(timeout=0.5).get(server.url("/slow"))
    assert str(caught.value) == f"{server.url('/slow')}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.4


@pytest.mark.parametrize(
    ("status", "reason"),
    [(500, "HTTP 500 Internal Server Error"), (404, "HTTP 404 Not Found"), (403, "HTTP 403 Forbidden")],
)
def test_http_error_status_is_named(server: LocalServer, status: int, reason: str) -> None:
    server.routes["/page"] = Route(body=b"oops", status=status)
    with pytest.raises(FetchError, match=f"^{server.url('/page')}: {reason}$"):
        fast().get(server.url("/page"))


@pytest.mark.parametrize("send_length", [True, False])
def test_oversize_body_is_refused(server: LocalServer, send_length: bool) -> None:
    server.routes["/big"] = Route(body=b"x" * 300_000, send_length=send_length)
    with pytest.raises(FetchError, match="larger than the"):
        fast(max_bytes=100_000).get(server.url("/big"))


def test_gzip_body_is_inflated(server: LocalServer) -> None:
    server.routes["/z"] = Route(body=PAGE, gzip=True)
    assert fast().get(server.url("/z")).data == PAGE


def test_gzip_bomb_is_refused(server: LocalServer) -> None:
    server.routes["/z"] = Route(body=b"\0" * 2_000_000, gzip=True)
    with pytest.raises(FetchError, match="larger than the"):
        fast(max_bytes=100_000).get(server.url("/z"))


def test_connection_refused_is_named() -> None:
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=f"^http://127.0.0.1:{port}/: connection refused$"):
        fast().get(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "not a url", "http:///nohost"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fast().get(url)


@pytest.mark.parametrize(
    "options", [{"timeout": 0}, {"per_host_delay": -1}, {"max_bytes": 0}, {"user_agent": " "}]
)
def test_bad_options_fail_loudly(options: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        Fetcher(**options)  # type: ignore[arg-type]
