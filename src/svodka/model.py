"""The records that flow through the pipeline: what a reader produces and what the store keeps."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

Published = datetime | date
"""When an article was published: a timezone-aware datetime when the input says so, else a date."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it, before ids, hashes and language are derived.

    ``origin`` says where it came from (a file path, ``file.jsonl:17``, a URL) so that messages can point
    at it; ``external_id`` is the input's own id, or a file's path relative to the folder ingested.
    """

    text: str
    origin: str
    external_id: str | None = None
    source: str | None = None
    url: str | None = None
    published: Published | None = None
    title: str | None = None
    lang: str | None = None
    keyed_by_external_id: bool = True
    """False where ``external_id`` only names a place (a file path): then the text identifies the article."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article, and why (one line, meant for people)."""

    origin: str
    reason: str
    external_id: str | None = None
    """The feed entry's key when retrying cannot help (an entry with no text): a watcher passes it over."""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article. ``id`` is stable: the same input always gets the same id (see ``article_id``)."""

    id: str
    external_id: str | None
    source: str | None
    url: str | None
    published: Published | None
    title: str | None
    text: str
    lang: str
    content_hash: str
    origin: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The JSON form used by ``--json`` and the HTTP API."""
        return {
            "id": self.id,
            "external_id": self.external_id,
            "source": self.source,
            "url": self.url,
            "date": format_published(self.published),
            "title": self.title,
            "lang": self.lang,
            "content_hash": self.content_hash,
            "text": self.text,
        }


_SPACES = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """A hash of the text with white space folded, so that CRLF and re-wrapping do not count as changes."""
    folded = _SPACES.sub(" ", text).strip()
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).hexdigest()


def article_id(*, url: str | None, source: str | None, key_id: str | None, text_hash: str) -> str:
    """The stable id of an article.

    A URL identifies an article wherever it was read from; else the input's own id within its source
    (a JSONL record's ``id``); else the text itself (files, id-less records), so that the same text read
    twice, from anywhere, is one article.
    """
    if url:
        key = "url:" + url.strip()
    elif key_id:
        key = f"ext:{source or ''}|{key_id}"
    else:
        key = "text:" + text_hash
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def format_published(value: Published | None) -> str | None:
    """ISO 8601: ``2025-11-11`` for a date, ``2025-11-11T09:30:00+03:00`` for a datetime."""
    if value is None:
        return None
    return value.isoformat()


def parse_published(value: str | None) -> Published | None:
    """Read back what ``format_published`` wrote (and the ISO forms inputs commonly use).

    Raises ``ValueError`` for anything else; readers decide whether that rejects the record.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def sort_key(value: Published | None) -> str | None:
    """A UTC string that sorts dates and datetimes together (a bare date counts as its midnight UTC)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y-%m-%dT00:00:00Z")
