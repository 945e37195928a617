"""Where documents come from: files, folders (recursively), URLs. Picks the reader for each input.

Every problem with one input becomes a ``Rejection`` with a one-line reason; the rest of the batch goes on.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from svodka.errors import BadInput, UsageError
from svodka.ingest import feeds, html
from svodka.ingest.decode import MAX_DOCUMENT_BYTES, decode
from svodka.ingest.fetch import Fetcher
from svodka.ingest.jsonl import FieldMap, read_json_array, read_json_lines
from svodka.ingest.text import parse_text
from svodka.model import RawDocument, Rejection

FORMATS = ("text", "jsonl", "json", "html", "feed")
_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read inputs. ``format`` forces one reader for every file (else chosen by file name)."""

    fields: FieldMap = field(default_factory=FieldMap)
    format: str | None = None
    fetcher: Fetcher | None = None

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise UsageError(f"unknown format {self.format!r}; choose one of {', '.join(FORMATS)}")


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[RawDocument | Rejection]:
    """Documents from files, folders and http(s) URLs, in the order given (folders in name order)."""
    opts = options or ReadOptions()
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield from read_url(item, opts)
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                yield from read_file(child, opts, base=path)
        elif path.is_file():
            yield from read_file(path, opts, base=path.parent)
        else:
            yield Rejection(item, "no such file, folder or URL")


def read_file(path: Path, options: ReadOptions, *, base: Path) -> Iterator[RawDocument | Rejection]:
    origin = str(path)
    kind = options.format or _BY_SUFFIX.get(path.suffix.lower())
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_json_lines(stream, origin, options.fields)
            return
        size = path.stat().st_size
        limit = MAX_DOCUMENT_BYTES * (20 if kind in ("json", "feed") else 1)
        if size > limit:
            yield Rejection(
                origin,
                f"file of {size / 2**20:.1f} MB is larger than the {limit // 2**20} MB limit for a document",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, f"cannot read: {exc.strerror or exc}")
        return
    if kind is None:
        kind = sniff(data)
    try:
        if kind == "json":
            yield from read_json_array(data, origin, options.fields)
        elif kind == "jsonl":  # sniffed from the content of a file without a telling name
            yield from read_json_lines(io.BytesIO(data), origin, options.fields)
        elif kind == "html":
            yield html.read_html(data, origin=origin)
        elif kind == "feed":
            yield from feeds.read_feed(data, origin=origin, fetcher=options.fetcher)
        else:
            relative = path.relative_to(base).as_posix()
            yield parse_text(decode(data, origin), origin=origin, external_id=relative)
    except BadInput as exc:
        yield Rejection(origin, _reason(exc, origin))


def read_url(url: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """A page (its article) or a feed (its entries), told apart by content type and content."""
    fetcher = options.fetcher or Fetcher()
    try:
        response = fetcher.get(url)
        kind = options.format or feeds.kind_of_response(response.content_type, response.data)
        if kind == "feed":
            yield from feeds.read_feed(response.data, origin=url, url=response.url, fetcher=fetcher)
        elif kind == "html":
            yield html.read_html(response.data, origin=url, url=response.url)
        elif kind == "jsonl":
            yield from read_json_lines(io.BytesIO(response.data), url, options.fields)
        elif kind == "json":
            yield from read_json_array(response.data, url, options.fields)
        else:
            yield parse_text(decode(response.data, url), origin=url, external_id=url)
    except BadInput as exc:
        yield Rejection(url, _reason(exc, url))


def sniff(data: bytes) -> str:
    """Reader for a file whose name does not tell: markup → html or feed, else text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed" if feeds.looks_like_feed(data) else "html"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        # JSON Lines when the first line is a whole record; else one pretty-printed object
        first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            json.loads(first)
        except (ValueError, RecursionError):
            return "json"
        return "jsonl"
    return "text"


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def _reason(exc: BadInput, origin: str) -> str:
    # Library messages start with the origin; the rejection already carries it.
    return str(exc).removeprefix(origin + ": ")
