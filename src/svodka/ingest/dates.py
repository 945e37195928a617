"""Publication dates as inputs give them: ISO 8601, RFC 2822 (feeds, HTTP), Unix time, «30 июля 2015»."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from svodka.model import Published, parse_published

_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "мая": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_RUSSIAN = re.compile(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})", re.IGNORECASE)


def parse_date_value(value: object) -> Published | None:
    """A date from a JSON field or a header; ``None`` when empty; ``ValueError`` when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds are common in exports
        return datetime.fromtimestamp(seconds, tz=UTC)
    if not isinstance(value, str):
        raise ValueError(f"a date must be a string or a number, not {type(value).__name__}")
    text = value.strip()
    try:
        return parse_published(text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    russian = parse_russian_date(text)
    if russian:
        return russian
    raise ValueError(f"unreadable date {text[:40]!r} (expected ISO 8601 such as 2025-11-11T09:30:00+03:00)")


def parse_russian_date(text: str) -> date | None:
    """«30 июля 2015», «1 мая 2020 г.» → a date; None when the text holds no such date."""
    match = _RUSSIAN.search(text)
    if not match:
        return None
    word = match.group(2).lower()
    month = next((m for stem, m in _MONTHS.items() if word.startswith(stem) and len(word) <= len(stem) + 3), None)
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
