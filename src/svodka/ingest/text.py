"""Plain-text articles, including the seed format.

The seed format: an optional first line `` date YYYY-MM-DD`` (the text may go on after the date on the
same line), an optional last line ``Источник: X`` naming the outlet. Both are removed from the text.
The first line becomes the title when it looks like a headline: short, a line of its own, no final period.
"""

from __future__ import annotations

import re
from datetime import date

from svodka.model import RawDocument

_DATE_LINE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\n|(?=\S))")
_SOURCE_LINE = re.compile(
    r"\n[ \t]*(?:Источник|Source)[ \t]*:[ \t]*([^\n]{1,200}?)[ \t]*\n*\Z", re.IGNORECASE
)
_HEADLINE_MAX = 160


def parse_text(text: str, *, origin: str, external_id: str | None = None) -> RawDocument:
    """Split a decoded text file (``\\n`` line endings) into date, source, title and body."""
    published: date | None = None
    match = _DATE_LINE.match(text)
    if match:
        try:
            published = date.fromisoformat(match.group(1))
        except ValueError:
            published = None  # "date 2025-13-45" is not a date line; leave the text as it is
        else:
            text = text[match.end() :]
    source: str | None = None
    match = _SOURCE_LINE.search("\n" + text)
    if match:
        source = match.group(1).strip()
        text = ("\n" + text)[: match.start()].removeprefix("\n")
    body = text.strip("\n").rstrip()
    title, body = split_headline(body)
    return RawDocument(
        text=body,
        origin=origin,
        external_id=external_id,
        source=source,
        published=published,
        title=title,
        keyed_by_external_id=False,
    )


def split_headline(body: str) -> tuple[str | None, str]:
    """(title, rest) when the first line reads as a headline, else (None, body)."""
    first, sep, rest = body.lstrip().partition("\n")
    candidate = first.strip()
    if (
        sep
        and rest.strip()
        and 0 < len(candidate) <= _HEADLINE_MAX
        and not candidate.endswith((".", ",", ":", ";", "—", "-"))
        and len(candidate.split()) >= 2
    ):
        return candidate, rest.strip("\n")
    return None, body
