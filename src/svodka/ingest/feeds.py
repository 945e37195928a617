"""RSS and Atom feeds → one document per entry (the one module importing feedparser).

An entry whose text is only a teaser (shorter than ``SHORT_ENTRY_CHARS``) is completed from the page it
links to when a ``Fetcher`` is given; if that page cannot be read, the teaser is kept.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Container, Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from svodka.errors import BadInput
from svodka.ingest.dates import parse_date_value
from svodka.ingest.fetch import Fetcher
from svodka.ingest.html import fragment_text, host_of, read_html
from svodka.model import Published, RawDocument, Rejection

SHORT_ENTRY_CHARS = 300
KINDS = ("feed", "html", "json", "jsonl", "text")

_ROOT = re.compile(rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)", re.DOTALL)
_FEED_ROOTS = (b"rss", b"feed", b"rdf:rdf", b"rdf")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_JSONL_TYPES = (
    "application/x-ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/jsonlines",
)


def read_feed(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    fetcher: Fetcher | None = None,
    skip: Container[str] = (),
) -> Iterator[RawDocument | Rejection]:
    """The entries of an RSS 2.0, RSS 1.0 or Atom feed, in feed order.

    ``url`` is where the feed was fetched from (relative links resolve against it). Entries whose key
    (entry id, else link) is in ``skip`` are passed over without fetching anything (``svodka watch``
    skips the entries it has seen). A feed that cannot be parsed yields one ``Rejection`` with the
    parser's reason.
    """
    headers = {"content-location": url} if url else {}
    # A stream, never bytes or str: feedparser reads a string that looks like a URL or a path from there.
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers=headers, sanitize_html=False, resolve_relative_uris=True
    )
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        if problem and looks_like_feed(data):
            yield Rejection(origin, f"malformed feed: {_one_line(problem)}")
        else:
            yield Rejection(origin, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)")
        return
    problem = parsed.get("bozo_exception")
    # Encoding and content-type quibbles are harmless; an XML error means entries may be cut or missing.
    damage = (
        None if problem is None or isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe) else problem
    )
    entries = parsed.get("entries", [])
    if damage is not None and not entries:
        yield Rejection(origin, f"malformed feed: {_one_line(damage)}")
        return
    channel = parsed.get("feed", {})
    source = _plain(channel.get("title"), channel.get("title_detail")) or host_of(url or channel.get("link"))
    for index, entry in enumerate(entries, start=1):
        key = entry_key(entry)
        if key is not None and key in skip:
            continue
        found = _entry_document(entry, f"{origin}#{index}", source, fetcher)
        if isinstance(found, Rejection) and damage is not None:
            reason = f"{found.reason} (malformed feed: {_one_line(damage)})"
            found = Rejection(found.origin, reason, found.external_id)
        yield found


def entry_key(entry: Mapping[str, Any]) -> str | None:
    """What identifies an entry across polls: its id (guid), else its link."""
    for name in ("id", "link"):
        value = entry.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is ``<rss>``, ``<feed>`` (Atom) or ``<rdf:RDF>`` (RSS 1.0)."""
    match = _ROOT.match(data[:8192].lstrip(b"\xef\xbb\xbf"))
    return match is not None and match.group(1).lower() in _FEED_ROOTS


def kind_of_response(content_type: str | None, data: bytes) -> str:
    """Which reader a fetched body needs: one of ``KINDS``, by content type, then by content."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime in _FEED_TYPES or (mime.endswith("+xml") and mime != "application/xhtml+xml"):
        return "feed"
    if mime in _JSONL_TYPES:
        return "jsonl"
    if mime in ("application/json", "text/json") or mime.endswith("+json"):
        return "jsonl" if _is_json_lines(data) else "json"
    if looks_like_feed(data):
        return "feed"  # feeds are often served as text/html or text/plain
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "text/plain":
        return "text"
    return _sniff(data)


def _entry_document(
    entry: Mapping[str, Any], where: str, feed_source: str | None, fetcher: Fetcher | None
) -> RawDocument | Rejection:
    link = entry.get("link") or None
    origin = link or where
    title = _plain(entry.get("title"), entry.get("title_detail"))
    text = _entry_text(entry)
    published = _published(entry)
    entry_source = entry.get("source", {}).get("title") if isinstance(entry.get("source"), Mapping) else None
    source = entry_source or feed_source
    failure: str | None = None
    if len(text) < SHORT_ENTRY_CHARS and link and fetcher is not None:
        try:
            page = read_html(fetcher.get(link).data, origin=link, url=link)
        except BadInput as exc:
            failure = str(exc).removeprefix(link + ": ")  # keep the teaser: a feed entry is still news
        else:
            if len(page.text) > len(text):
                text = page.text
            title = title or page.title
            published = published or page.published
    if not text:
        why = (
            f"the entry has no text and its page could not be read: {failure}"
            if failure
            else "the entry has no text"
        )
        # An entry without text would be rejected again each round; a page that failed to load may load later.
        return Rejection(origin, why, None if failure else entry_key(entry))
    return RawDocument(
        text=text,
        origin=origin,
        external_id=entry_key(entry),
        source=source,
        url=link,
        published=published,
        title=title,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest of the entry's contents and summary, as plain text."""
    candidates: list[tuple[object, object]] = [
        (c.get("value"), c) for c in entry.get("content", []) if isinstance(c, Mapping)
    ]
    candidates.append((entry.get("summary"), entry.get("summary_detail")))
    texts = [_plain(value, detail) or "" for value, detail in candidates]
    return max(texts, key=len, default="")


def _published(entry: Mapping[str, Any]) -> Published | None:
    """The entry's date with its own UTC offset; feedparser's parse (in UTC) when the text gives none."""
    for name in ("published", "updated", "created"):
        raw = entry.get(name)
        if not raw:
            continue
        try:
            value = parse_date_value(raw)
        except ValueError:
            value = None
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
    return None


def _plain(value: object, detail: object = None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    kind = detail.get("type", "") if isinstance(detail, Mapping) else ""
    text = value.strip() if kind == "text/plain" else fragment_text(value)
    return text or None


def _is_json_lines(data: bytes) -> bool:
    lines = [line for line in data[:65536].splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith(b"{"):
        return False
    try:
        json.loads(lines[0])
    except ValueError:
        return False
    return True


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl" if _is_json_lines(data) else "json"
    return "text"


def _one_line(problem: object) -> str:
    # expat's "<unknown>:2:44:" counts lines of what feedparser fed it, not of the feed: drop it.
    text = re.sub(r"\A<unknown>:\d+:\d+:\s*", "", " ".join(str(problem).split()))
    return text[:200] or type(problem).__name__
