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
_UNIX = re.compile(r"-?\d{9,13}(?:\.\d+)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 11.11.2025, the usual Russian form


def parse_date_value(value: object) -> Published | None:
    """A date from a JSON field or a header; ``None`` when empty; ``ValueError`` when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return unix_time(value)
    if not isinstance(value, str):
        raise ValueError(f"a date must be a string or a number, not {type(value).__name__}")
    text = value.strip()
    if _UNIX.fullmatch(text):
        return unix_time(float(text))
    dotted = _DOTTED.fullmatch(text)
    if dotted:
        try:
            return date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        except ValueError as exc:
            raise ValueError(f"unreadable date {text!r}: {exc}") from None
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


def unix_time(value: float) -> datetime:
    """Seconds (or milliseconds, common in exports) since 1970 → an aware UTC datetime."""
    seconds = value / 1000 if abs(value) > 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        # 1e300, inf and NaN reach here: a bad value in one record must not stop the batch
        raise ValueError(f"unix time {value!r} is out of range") from None


def parse_russian_date(text: str) -> date | None:
    """«30 июля 2015», «1 мая 2020 г.» → a date; None when the text holds no such date."""
    match = _RUSSIAN.search(text)
    if not match:
        return None
    word = match.group(2).lower()
    month = next(
        (m for stem, m in _MONTHS.items() if word.startswith(stem) and len(word) <= len(stem) + 3), None
    )
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
