"""The in-memory story index: story states (members' features, centroids) and postings for candidates.

Postings map (day, term) → stories, so finding candidates for an article looks at its own day and the
days beside it only: the cost does not grow with the store. Days are loaded from the store on first use
(``ensure_days``) and dropped when they fall out of the window of recent days (``evict``); the store is
the truth and the index a cache of it, so a day dropped and loaded again comes back the same.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from svodka.store import stories as sql
from svodka.stories.dedup import CopyFinder
from svodka.stories.features import Features
from svodka.stories.vocab import Vocabulary

Day = int | None
ENTITY_KEY = "\x00e:"
NAME_KEY = "\x00n:"
"""Postings of entities share the term map; this prefix cannot occur in a lemma."""


@dataclass(slots=True)
class Member:
    features: Features
    role: str = "original"
    copy_of: str | None = None
    score: float | None = None


@dataclass(slots=True)
class StoryState:
    """A story as the clusterer keeps it: members and the sums it compares new articles with."""

    id: str
    seq: int
    lang: str
    members: dict[str, Member] = field(default_factory=dict)
    centroids: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per language, the sum of the originals' unit term vectors (idf is applied when comparing)."""
    entities: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    lead_numbers: Counter[str] = field(default_factory=Counter)
    first: float | None = None
    last: float | None = None
    norm_cache: dict[str, tuple[int, float]] = field(default_factory=dict)
    """Per language: (vocabulary size, norm of the idf-weighted centroid) when last computed."""

    @property
    def centroid(self) -> dict[str, float]:
        """The centroid of the story's own (first) language."""
        return self.centroids.get(self.lang, {})

    def add(self, member: Member) -> None:
        f = member.features
        self.members[f.article_id] = member
        if member.role == "original":
            centroid = self.centroids.setdefault(f.lang, {})
            for term, weight in unit(f.terms).items():
                centroid[term] = centroid.get(term, 0.0) + weight
            self.entities.update(f.entities)
            self.numbers.update(f.numbers)
            self.names.update(f.names)
            self.lead_numbers.update(f.lead_numbers)
        if f.time is not None:
            self.first = f.time if self.first is None else min(self.first, f.time)
            self.last = f.time if self.last is None else max(self.last, f.time)
        self.norm_cache.pop(f.lang, None)

    def rebuild(self) -> None:
        """Recompute the sums from the members (after members leave or change role)."""
        members = list(self.members.values())
        self.members = {}
        self.centroids, self.entities, self.numbers, self.names = {}, Counter(), Counter(), Counter()
        self.lead_numbers = Counter()
        self.first = self.last = None
        self.norm_cache = {}
        for member in members:
            self.add(member)

    def originals(self) -> list[Member]:
        return [m for m in self.members.values() if m.role == "original"]

    @property
    def days(self) -> set[Day]:
        return {m.features.day for m in self.members.values()}


def unit(terms: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in terms.values()))
    return {t: w / norm for t, w in terms.items()} if norm else {}


class StoryIndex:
    """Stories of the recent days in memory, with postings and the copy finder over their articles."""

    def __init__(self, vocab: Vocabulary, next_seq: int = 1, *, keep_days: int = 7) -> None:
        self.vocab = vocab
        self.next_seq = next_seq
        self.keep_days = keep_days
        self.stories: dict[str, StoryState] = {}
        self.article_story: dict[str, str] = {}
        self.postings: dict[Day, dict[str, list[str]]] = {}
        self.loaded: set[Day] = set()
        self.finder = CopyFinder()
        self.day_articles: dict[Day, list[str]] = {}
        self.newest_day: int | None = None
        self.langs: set[str] = set()
        """Languages of the articles posted: name keys of the others are looked up (none if only one)."""
        self.dirty_members: set[str] = set()
        self.dirty_stories: set[str] = set()
        self.deleted_stories: set[str] = set()

    @classmethod
    def load(cls, conn: sqlite3.Connection, *, keep_days: int = 7) -> StoryIndex:
        """Read what the index needs up front (term frequencies, the next story number); days load lazily."""
        df, docs = sql.load_df(conn)
        return cls(Vocabulary(df, docs), sql.next_seq(conn), keep_days=keep_days)

    # Loading and evicting days ------------------------------------------------------------------------
    def ensure_days(self, conn: sqlite3.Connection, days: Iterable[Day]) -> None:
        """Load every story with a member on these days (and the postings of those days) from the store."""
        missing = sorted((d for d in set(days) if d not in self.loaded), key=_day_order)
        for day in missing:
            self.loaded.add(day)
            self.postings.setdefault(day, {})
            absent = [s for s in sql.stories_on_day(conn, day) if s not in self.stories]
            rows = sql.member_rows_of_stories(conn, absent)
            for row in rows:
                story = self.stories.get(row.story_id)
                if story is None:
                    story = self.stories[row.story_id] = StoryState(
                        row.story_id, row.story_seq, row.story_lang
                    )
                features = Features.from_json(row.article_id, row.features)
                story.add(Member(features, row.role, row.copy_of))
                self.article_story[row.article_id] = row.story_id
            # Stories loaded earlier (through another day) have members here too: post them for this day.
            for story in sorted(self.stories.values(), key=lambda s: s.seq):
                for member in story.members.values():
                    if member.features.day == day:
                        self.post(story.id, member.features)
            for article_id, sig in sql.minhashes_on_day(conn, day):
                self.add_signature(article_id, day, sig)

    def evict(self, around: int) -> None:
        """Forget the days more than ``keep_days`` before ``around`` (and stories that only live there)."""
        cutoff = around - self.keep_days
        old = [d for d in self.loaded if d is not None and d < cutoff]
        if not old:
            return
        for day in old:
            self.loaded.discard(day)
            self.postings.pop(day, None)
            self.finder.remove(self.day_articles.pop(day, []))
        for story in list(self.stories.values()):
            if story.id in self.dirty_stories:
                continue
            days = story.days
            if None not in days and all(d is not None and d < cutoff for d in days):
                del self.stories[story.id]
                for article_id in story.members:
                    self.article_story.pop(article_id, None)

    def add_signature(self, article_id: str, day: Day, sig: bytes) -> None:
        if article_id not in self.finder:
            self.finder.add(article_id, sig)
            self.day_articles.setdefault(day, []).append(article_id)

    # Postings -------------------------------------------------------------------------------------------
    def post(
        self, story_id: str, features: Features, *, top: int = 10, idf: Mapping[str, float] | None = None
    ) -> None:
        """Make the story findable by the article's strongest terms and its entities, on the article's day."""
        day_map = self.postings.setdefault(features.day, {})
        for key in self.keys(features, top, idf):
            stories = day_map.setdefault(key, [])
            if not stories or stories[-1] != story_id:
                stories.append(story_id)
        self.post_names(story_id, features)

    def keys(self, features: Features, top: int, idf: Mapping[str, float] | None = None) -> list[str]:
        """The article's ``top`` terms by tf·idf (``idf``: of its terms, if at hand), and its entities."""
        weights = idf if idf is not None else {t: self.vocab.idf(t) for t in features.terms}
        best = heapq.nlargest(top, features.terms.items(), key=lambda tw: (tw[1] * weights[tw[0]], tw[0]))
        return [t for t, _ in best] + [ENTITY_KEY + e for e in features.entities]

    def name_keys(self, names: Iterable[str], lang: str) -> list[str]:
        """Posting keys of names in one language (looked up from the others only)."""
        return [f"{NAME_KEY}{lang}:{n}" for n in names]

    def post_names(self, story_id: str, features: Features) -> None:
        """Make the story findable from other languages by the article's names."""
        self.langs.add(features.lang)
        day_map = self.postings.setdefault(features.day, {})
        for key in self.name_keys(features.names, features.lang):
            stories = day_map.setdefault(key, [])
            if not stories or stories[-1] != story_id:
                stories.append(story_id)

    def foreign_keys(self, features: Features) -> list[str]:
        """Keys that find stories in the other languages seen so far by this article's names."""
        return [
            k for lang in sorted(self.langs - {features.lang}) for k in self.name_keys(features.names, lang)
        ]

    def candidates(self, keys: list[str], days: Iterable[Day], *, per_key: int) -> Iterator[StoryState]:
        """Stories posted under any key on any of the days; the newest ``per_key`` of each posting list."""
        seen: set[str] = set()
        for day in days:
            day_map = self.postings.get(day)
            if not day_map:
                continue
            for key in keys:
                for story_id in reversed(day_map.get(key, [])[-per_key:]):
                    if story_id in seen:
                        continue
                    seen.add(story_id)
                    story = self.stories.get(story_id)
                    if story is not None:
                        yield story

    # Changes --------------------------------------------------------------------------------------------
    def open_story(self, founder: str, lang: str) -> StoryState:
        story_id = self._new_id(founder)
        story = self.stories[story_id] = StoryState(story_id, self.next_seq, lang)
        self.next_seq += 1
        self.dirty_stories.add(story_id)
        return story

    def join(self, story: StoryState, member: Member) -> None:
        story.add(member)
        self.article_story[member.features.article_id] = story.id
        self.dirty_members.add(member.features.article_id)
        self.dirty_stories.add(story.id)

    def move(self, article_ids: Iterable[str], source: StoryState, target: StoryState) -> None:
        moved = [source.members.pop(a) for a in article_ids if a in source.members]
        for member in moved:
            self.join(target, member)
            self.post(target.id, member.features)
        source.rebuild()
        self.dirty_stories.add(source.id)
        if not source.members:
            del self.stories[source.id]
            self.dirty_stories.discard(source.id)
            self.deleted_stories.add(source.id)

    def _new_id(self, founder: str) -> str:
        # Derived from the founder, so the same input gives the same ids; a retired id is not reused.
        base = "s" + founder
        candidate, n = base, 1
        while candidate in self.stories or candidate in self.deleted_stories:
            n += 1
            candidate = f"{base}-{n}"
        return candidate


def _day_order(day: Day) -> int:
    return -1 if day is None else day
