"""HTTP(S) fetching: the one module that talks to the network (standard library only).

A ``Fetcher`` is polite (one request per host every ``per_host_delay`` seconds, a User-Agent that names
Svodka), supports conditional GET for feeds polled again and again, and turns every way a request can
go wrong into a ``FetchError`` whose message names the URL and the cause in one line.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from svodka.errors import FetchError, UsageError

DEFAULT_USER_AGENT = "Svodka/0.1 (+news digest; offline-first)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """What a GET returned. ``url`` is the final URL (after redirects); ``data`` is empty if not modified."""

    url: str
    status: int
    data: bytes
    content_type: str | None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    """True for a 304 answer to a conditional GET: nothing changed since ``etag``/``last_modified``."""


class Fetcher:
    """Fetches URLs; keeps, per host, the time of the last request so as to space them out.

    Options are keyword-only and checked once here. One ``Fetcher`` may be shared by threads.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        user_agent: str = DEFAULT_USER_AGENT,
        per_host_delay: float = 1.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        if timeout <= 0:
            raise UsageError(f"the fetch timeout must be positive, not {timeout}")
        if per_host_delay < 0:
            raise UsageError(f"the per-host delay cannot be negative ({per_host_delay})")
        if max_bytes <= 0:
            raise UsageError(f"the size limit must be positive, not {max_bytes}")
        if not user_agent.strip():
            raise UsageError("the User-Agent cannot be empty")
        self.timeout = timeout
        self.user_agent = user_agent
        self.per_host_delay = per_host_delay
        self.max_bytes = max_bytes
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        # No file:, ftp: or data: handlers: a feed must not make us read local files.
        self._opener = urllib.request.OpenerDirector()
        for handler in (
            urllib.request.ProxyHandler(),
            urllib.request.HTTPHandler(),
            urllib.request.HTTPSHandler(),
            urllib.request.HTTPRedirectHandler(),
            urllib.request.HTTPDefaultErrorHandler(),
            urllib.request.HTTPErrorProcessor(),
        ):
            self._opener.add_handler(handler)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url``; with ``etag``/``last_modified`` a conditional GET (``not_modified`` on 304).

        Raises ``FetchError`` on a timeout, a connection error, an HTTP error status (4xx/5xx) and a
        body larger than ``max_bytes``.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip", "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers, method="GET")
        self._wait_turn(parts.hostname)
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                data = self._read_body(answer, url, deadline)
                return Response(
                    url=answer.geturl(),
                    status=answer.status,
                    data=data,
                    content_type=answer.headers.get("Content-Type"),
                    etag=answer.headers.get("ETag"),
                    last_modified=answer.headers.get("Last-Modified"),
                )
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Response(
                    url=exc.geturl() or url,
                    status=304,
                    data=b"",
                    content_type=None,
                    etag=exc.headers.get("ETag") or etag,
                    last_modified=exc.headers.get("Last-Modified") or last_modified,
                    not_modified=True,
                )
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}".rstrip()) from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"{url}: {self._cause(exc.reason)}") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"{url}: {self._cause(exc)}") from exc

    def _wait_turn(self, host: str) -> None:
        # Reserve the next slot under the lock, sleep outside it: other hosts are not held up.
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._last_request.get(host, -self.per_host_delay) + self.per_host_delay)
            self._last_request[host] = slot
        if slot > now:
            time.sleep(slot - now)

    def _read_body(self, answer: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {self._too_large(int(declared))}")
        gzipped = (answer.headers.get("Content-Encoding") or "").lower() in ("gzip", "x-gzip")
        inflate = zlib.decompressobj(zlib.MAX_WBITS | 16) if gzipped else None
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(_CHUNK):
            if time.monotonic() > deadline:
                # A server that drips bytes never trips the socket timeout; the whole read has a deadline.
                raise FetchError(f"{url}: timed out after {self.timeout:g} s")
            if inflate is not None:
                chunk = self._inflate(inflate, chunk, url, self.max_bytes - size)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: {self._too_large(size)}")
            chunks.append(chunk)
        return b"".join(chunks)

    def _inflate(self, inflate: zlib._Decompress, chunk: bytes, url: str, room: int) -> bytes:
        try:
            out = inflate.decompress(chunk, room + 1)  # at most one byte over the limit: no zip bombs
        except zlib.error as exc:
            raise FetchError(f"{url}: corrupt gzip body ({exc})") from exc
        if inflate.unconsumed_tail:
            raise FetchError(f"{url}: {self._too_large(self.max_bytes + 1)}")
        return out

    def _too_large(self, size: int) -> str:
        return f"body of {size / 2**20:.1f} MB is larger than the {self.max_bytes / 2**20:g} MB limit"

    def _cause(self, reason: object) -> str:
        if isinstance(reason, TimeoutError):
            return f"timed out after {self.timeout:g} s"
        if isinstance(reason, socket.gaierror):
            return f"unknown host ({reason.strerror or reason})"
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused"
        if isinstance(reason, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
        if isinstance(reason, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(reason, ssl.SSLError):
            return f"TLS error ({reason.reason or reason})"
        if isinstance(reason, OSError) and reason.strerror:
            return f"cannot connect ({reason.strerror})"
        return f"cannot fetch ({reason})"
