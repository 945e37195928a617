"""A local HTTP server for the web-facing readers: 127.0.0.1 on a random port (used by conftest.py).

Routes are set by the test; the server records every request (path, headers, time) so that tests can
check what was sent (User-Agent, If-None-Match) and when (per-host delay).
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    gzip: bool = False


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    at: float


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping must not hold up the test

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out has closed the socket: expected, not a failure


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def fixture(self, name: str) -> bytes:
        """A fixture file with ``BASE_URL`` pointing at this server."""
        return (FIXTURES / name).read_bytes().replace(b"BASE_URL", self.base.encode())

    def hits_of(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                server.hits.append(Hit(self.path, dict(self.headers.items()), time.monotonic()))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                unchanged = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
                )
                self.send_response(304 if unchanged else route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if unchanged:
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_header("Content-Type", route.content_type)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if route.send_length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
