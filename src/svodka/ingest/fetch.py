"""HTTP fetching (placeholder: being written)."""
from __future__ import annotations
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    data: bytes
    content_type: str | None
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        raise NotImplementedError
