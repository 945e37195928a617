"""The story records others see (CLI, web, API), and how a story's headline and importance are made."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

HEADLINE_MAX = 120
VELOCITY_HOURS = 6
"""Members that arrive within this many hours of the first one measure how fast a story spread."""
RECENCY_HOURS = 48.0
UNDATED_RECENCY = 0.5
"""The recency factor of a story whose age is unknown: neither fresh nor forgotten."""


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    external_id: str | None
    source: str | None
    published: str | None
    """ISO 8601 as the input said it; ``published_utc`` sorts."""
    published_utc: str | None
    headline: str
    role: str
    """``original`` or ``copy``."""
    copy_of: str | None
    score: float | None
    """Similarity to the story when the article joined it; None for the founder and for copies."""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    lang: str
    first_seen: str | None
    last_seen: str | None
    size: int
    independent: int
    """Distinct sources among originals: copies of one report count once."""
    early: int
    importance: float
    sources: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    """External ids of the members (article ids where an article has none), originals first, by time."""

    def to_dict(self) -> dict[str, object]:
        """The JSON form of ``svodka stories --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "sources": list(self.sources),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "importance": round(self.importance, 4),
            "size": self.size,
            "independent_sources": self.independent,
            "lang": self.lang,
            "entities": list(self.entities),
        }


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: Story
    members: tuple[StoryMember, ...]

    def to_dict(self) -> dict[str, object]:
        return {**self.story.to_dict(), "members": [_member_dict(m) for m in self.members]}


def _member_dict(m: StoryMember) -> dict[str, object]:
    return {
        "article_id": m.article_id,
        "external_id": m.external_id,
        "source": m.source,
        "published": m.published,
        "headline": m.headline,
        "role": m.role,
        "copy_of": m.copy_of,
        "url": m.url,
    }


def importance(*, independent: int, early: int, last_seen: str | None, reference: str | None) -> float:
    """Independent sources (log), times how fast it spread, fading with age relative to ``reference``.

    ``reference`` is the newest time of interest (the end of the listed period, or the newest story),
    not the wall clock, so the same store and query always rank the same way.
    """
    breadth = math.log2(1 + independent)
    velocity = 1.0 + 0.5 * math.log2(1 + early)
    if not last_seen:
        return breadth * velocity * UNDATED_RECENCY
    age_hours = 0.0
    if reference and reference > last_seen:
        age_hours = (_parse(reference) - _parse(last_seen)).total_seconds() / 3600
    return breadth * velocity * math.exp(-age_hours / RECENCY_HOURS)


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


_LEADING_JUNK = re.compile(r"^[^\w«\"“„(]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ«\"“0-9])")
_CLAUSE_BREAKS = (" — ", " – ", "; ", ": ", ", ")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)?")
_EMPHASIS = re.compile(r"\*\*|__|~~|\|\|")


def strip_markup(line: str) -> str:
    """A line without Markdown emphasis, with links reduced to their text, without URLs."""
    return " ".join(_URL.sub("", _EMPHASIS.sub("", _LINK.sub(r"\1", line))).split())


def compress_lead(text: str, limit: int = HEADLINE_MAX) -> str:
    """A headline for an untitled article: its first sentence, cut at a clause boundary to ≤ ``limit`` chars.

    Emoji and bullets before the first word go; a sentence that cannot be cut at a clause is cut at a word.
    """
    lines = [ln for ln in (strip_markup(x) for x in text.strip().split("\n")) if ln]
    line = _LEADING_JUNK.sub("", lines[0] if lines else "").strip()
    if len(lines) > 1 and (line.endswith(":") or len(line.split()) < 3):
        # «Минобороны РФ:» or «Срочно» alone says nothing: the next line carries the news.
        line = (line + " " + _LEADING_JUNK.sub("", lines[1])).strip()
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0].strip()
    sentence = sentence.rstrip(".").strip()
    if len(sentence) <= limit:
        return sentence
    best = -1
    for mark in _CLAUSE_BREAKS:
        cut = sentence.rfind(mark, 0, limit)
        if cut > best and cut >= limit // 3:
            best = cut
    if best > 0:
        return sentence[:best].rstrip(" ,;:—–")
    cut = sentence.rfind(" ", 0, limit - 1)
    return sentence[: cut if cut > 0 else limit - 1].rstrip(" ,;:—–") + "…"
