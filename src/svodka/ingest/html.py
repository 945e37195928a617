"""HTML pages (placeholder: being written)."""
from __future__ import annotations
from svodka.model import RawDocument


def read_html(data: bytes, *, origin: str, url: str | None = None) -> RawDocument:
    raise NotImplementedError
