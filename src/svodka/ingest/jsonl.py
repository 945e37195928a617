"""JSON Lines and JSON arrays of articles.

Fields (all but ``text`` optional): ``id``, ``url``, ``source``, ``date``, ``title``, ``text``, ``lang``.
Other names are mapped with ``FieldMap`` (``--field text=body --field date=published_at`` in the CLI).
A pair file (records with ``first_text``/``second_text``, as in the Dialogue-2021 clustering pairs) is
recognised by its fields: each side becomes a document, and a side seen before (same URL) is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import urlsplit

from svodka.errors import UsageError
from svodka.ingest.dates import parse_date_value
from svodka.ingest.decode import MAX_DOCUMENT_BYTES, normalize_newlines
from svodka.model import RawDocument, Rejection

FIELDS = ("id", "url", "source", "date", "title", "text", "lang")
PAIR_SIDES = ("first", "second")
_TOO_DEEP = "malformed JSON: nested too deeply to be an article record"


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Our field name → the input's field name, for inputs that name them differently."""

    names: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.names) - set(FIELDS)
        if unknown:
            raise UsageError(
                f"unknown field(s) {sorted(unknown)} in the field map; known: {', '.join(FIELDS)}"
            )

    @classmethod
    def parse(cls, specs: list[str]) -> FieldMap:
        """From ``["text=body", "date=published_at"]``."""
        names = {}
        for spec in specs:
            ours, sep, theirs = spec.partition("=")
            if not sep or not ours.strip() or not theirs.strip():
                raise UsageError(f"a field mapping looks like text=body, not {spec!r}")
            names[ours.strip()] = theirs.strip()
        return cls(names)

    def get(self, record: Mapping[str, Any], name: str) -> Any:
        return record.get(self.names.get(name, name))


def read_json_lines(stream: IO[bytes], origin: str, fields: FieldMap) -> Iterator[RawDocument | Rejection]:
    """One record a line; a bad line is rejected with its line number and the rest go on."""
    seen: set[str] = set()
    for number, line in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        if len(line) > MAX_DOCUMENT_BYTES:
            yield Rejection(
                where,
                f"line of {len(line) / 1e6:.1f} MB is larger than the {MAX_DOCUMENT_BYTES // 2**20} MB limit",
            )
            continue
        try:
            record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield Rejection(where, f"undecodable bytes: JSON Lines must be UTF-8 ({exc.reason})")
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield Rejection(where, _TOO_DEEP)
            continue
        yield from records_to_documents(record, where, fields, seen)


def read_json_array(data: bytes, origin: str, fields: FieldMap) -> Iterator[RawDocument | Rejection]:
    """A JSON array of records (or one record, or ``{"articles": [...]}``)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield Rejection(origin, f"undecodable bytes: JSON must be UTF-8 ({exc.reason})")
        return
    except json.JSONDecodeError as exc:
        yield Rejection(origin, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    except RecursionError:
        yield Rejection(origin, _TOO_DEEP)
        return
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    items = value if isinstance(value, list) else [value]
    seen: set[str] = set()
    for index, record in enumerate(items):
        yield from records_to_documents(record, f"{origin}[{index}]", fields, seen)


def records_to_documents(
    record: object, where: str, fields: FieldMap, seen: set[str]
) -> Iterator[RawDocument | Rejection]:
    """One record → one document, or two for a pair record (each side once per file)."""
    if not isinstance(record, dict):
        yield Rejection(where, f"a record must be a JSON object, not {type(record).__name__}")
        return
    if "first_text" in record and "second_text" in record:
        for side in PAIR_SIDES:
            key = str(record.get(f"{side}_url") or record.get(f"{side}_text"))
            if key in seen:
                continue
            seen.add(key)
            yield _pair_side(record, side, f"{where}:{side}")
        return
    yield record_to_document(record, where, fields)


def record_to_document(record: Mapping[str, Any], where: str, fields: FieldMap) -> RawDocument | Rejection:
    text = fields.get(record, "text")
    if not isinstance(text, str) or not text.strip():
        name = fields.names.get("text", "text")
        return Rejection(where, f"no text: the record has no non-empty string field {name!r}")
    try:
        published = parse_date_value(fields.get(record, "date"))
    except ValueError as exc:
        return Rejection(where, str(exc))
    raw_id = fields.get(record, "id")
    url = _str(fields.get(record, "url"))
    return RawDocument(
        text=normalize_newlines(text).strip(),
        origin=where,
        external_id=None if raw_id is None else str(raw_id),
        source=_str(fields.get(record, "source")) or _site(url),
        url=url,
        published=published,
        title=_str(fields.get(record, "title")),
        lang=_str(fields.get(record, "lang")),
    )


def _pair_side(record: Mapping[str, Any], side: str, where: str) -> RawDocument | Rejection:
    mapped = {
        "url": record.get(f"{side}_url"),
        "title": record.get(f"{side}_title"),
        "text": record.get(f"{side}_text"),
        "lang": record.get("lang"),
        "id": record.get(f"{side}_url"),
    }
    return record_to_document(mapped, where, FieldMap())


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
