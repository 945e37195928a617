"""What keeps the web layer safe with untrusted text: headers, a request size limit, bearer tokens.

Everything here is plain ASGI or a FastAPI dependency, so it holds for the API and the pages alike.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 8 * 2**20
"""Bytes a request body may have; a batch of a few hundred news articles fits comfortably."""

# No inline script or style anywhere: our JS and CSS are files under /static. Inline SVG is markup,
# not a resource, so charts need nothing more. data: images only for the favicon-less default.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
# The interactive docs page at /docs loads its script from a CDN; the app must work offline and under
# this CSP, so it is not served: the schema itself is at /openapi.json.


class SecurityHeaders:
    """Adds the CSP and its companions to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """Raised inside ``receive`` when a body without an honest Content-Length grows past the limit.

    An ``HTTPException``, so that FastAPI passes it through body parsing and its handler answers 413.
    """

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail)


class BodyLimit:
    """Answers 413 to a request whose body is larger than ``max_bytes``.

    Content-Length is checked up front; a chunked body is counted as it arrives, so a client cannot get
    round the limit by not announcing the size.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    await _json_error(send, 400, "the Content-Length header is not a number")
                    return
                if announced > self.max_bytes:
                    await _json_error(send, 413, self._message())
                    return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self._message())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _json_error(send, 413, self._message())

    def _message(self) -> str:
        return (
            f"the request body is larger than the limit of {self.max_bytes // 1024} KiB: send smaller batches"
        )


async def _json_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"error": {"status": status, "detail": detail}}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """A FastAPI dependency: the request must carry ``Authorization: Bearer <token>`` of the server."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "writing through the API is disabled: start the server with --token or SVODKA_TOKEN set"
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(
            401,
            "this endpoint needs the header 'Authorization: Bearer <token>'",
            {"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "wrong token", {"WWW-Authenticate": 'Bearer error="invalid_token"'})


def safe_url(url: str | None) -> str | None:
    """An article's URL if it is http(s), else None: a ``javascript:`` link must never reach an href."""
    if not url:
        return None
    stripped = url.strip()
    lowered = stripped.lower()
    if lowered.startswith(("http://", "https://")) and not any(c in stripped for c in "\x00\r\n\t "):
        return stripped
    return None
