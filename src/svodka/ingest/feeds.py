"""RSS/Atom feeds (placeholder: being written)."""
from __future__ import annotations
from collections.abc import Iterator
from svodka.ingest.fetch import Fetcher
from svodka.model import RawDocument, Rejection


def read_feed(data: bytes, *, origin: str, url: str | None = None, fetcher: Fetcher | None = None) -> Iterator[RawDocument | Rejection]:
    raise NotImplementedError


def looks_like_feed(data: bytes) -> bool:
    raise NotImplementedError


def kind_of_response(content_type: str | None, data: bytes) -> str:
    raise NotImplementedError
