"""Online clustering: each new article joins a story (as an original or a copy) or opens one.

``Clusterer.add`` runs inside the caller's write transaction (the pipeline stores articles and assigns
them in one), so a crash leaves no article half-assigned. The same articles in the same order give the
same stories: candidates, ties and ids are all decided by data and input order, never by hash order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from svodka.model import Article
from svodka.nlp.types import Analysis
from svodka.store import stories as sql
from svodka.stories import maintain as _maintain
from svodka.stories.dedup import signature
from svodka.stories.features import Features, extract
from svodka.stories.index import Day, Member, StoryIndex, StoryState
from svodka.stories.similarity import Settings, score, weighted, within_window
from svodka.stories.summary import summarize


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: its story, whether it is a copy (and of what), and how well it fitted."""

    article_id: str
    story_id: str
    role: str
    copy_of: str | None
    score: float | None
    opened: bool


class Clusterer:
    """The story index of one store, built once per process and passed to the pipeline."""

    def __init__(self, index: StoryIndex, settings: Settings | None = None) -> None:
        self.index = index
        self.settings = settings or Settings()
        self._stale = False

    @classmethod
    def load(cls, conn: sqlite3.Connection, settings: Settings | None = None) -> Clusterer:
        chosen = settings or Settings()
        return cls(StoryIndex.load(conn, keep_days=chosen.keep_days), chosen)

    def add(
        self,
        conn: sqlite3.Connection,
        articles: Sequence[Article],
        analyses: Sequence[Analysis | None] | None = None,
    ) -> list[Assignment]:
        """Assign stored articles (in order) and write the stories they changed, in the caller's transaction.

        If it fails, the caller's transaction is expected to roll back; the index is then reloaded from the
        store on the next call, so memory never holds what the database lost.
        """
        if self._stale:
            self.index = StoryIndex.load(conn, keep_days=self.settings.keep_days)
            self._stale = False
        try:
            return self._add(conn, articles, analyses)
        except BaseException:
            self._stale = True
            raise

    def _add(
        self,
        conn: sqlite3.Connection,
        articles: Sequence[Article],
        analyses: Sequence[Analysis | None] | None,
    ) -> list[Assignment]:
        found = list(analyses) if analyses is not None else [None] * len(articles)
        rows: list[tuple[str, int | None, str, bytes | None]] = []
        assignments: list[Assignment] = []
        for article, analysis in zip(articles, found, strict=True):
            assignment, row = self.assign_one(conn, article, analysis)
            assignments.append(assignment)
            rows.append(row)
        sql.save_features(conn, rows)
        _maintain.maintain(conn, self.index, self.settings)
        self.flush(conn)
        return assignments

    def assign_one(
        self, conn: sqlite3.Connection, article: Article, analysis: Analysis | None
    ) -> tuple[Assignment, tuple[str, int | None, str, bytes | None]]:
        """Assign one article in memory; returns where it went and its features row (written by ``add``)."""
        features = extract(article, analysis)
        assignment, sig = self.place(conn, features, article)
        return assignment, (article.id, features.day, features.to_json(), sig)

    def place(
        self, conn: sqlite3.Connection, features: Features, article: Article
    ) -> tuple[Assignment, bytes | None]:
        """Deduplicate and assign an article whose features are known (the part timed as "assignment")."""
        sig = signature(article.text)  # not the title: outlets re-title what they copy
        return self._assign(conn, features, sig), sig

    def _assign(self, conn: sqlite3.Connection, features: Features, sig: bytes | None) -> Assignment:
        index = self.index
        days = self._days(features.day)
        index.ensure_days(conn, days)
        index.vocab.add(features.terms)
        if features.day is not None and (index.newest_day is None or features.day > index.newest_day):
            index.newest_day = features.day
        assignment = self._as_copy(features, sig, days) if sig is not None else None
        if assignment is None:
            assignment = self._by_content(features, days)
        if sig is not None:
            index.add_signature(features.article_id, features.day, sig)
        return assignment

    def _days(self, day: Day) -> list[Day]:
        if day is not None:
            return [day - 1, day, day + 1, None]  # undated stories have no time to disagree with
        # An undated article may belong to any story in memory: those of the recent days (``keep_days``
        # bounds them) and the undated ones. Nothing to disagree with, nothing to load.
        return [None, *sorted(d for d in self.index.loaded if d is not None)]

    def _as_copy(self, features: Features, sig: bytes, days: list[Day]) -> Assignment | None:
        index = self.index
        for other, jaccard in index.finder.similar(sig):
            story = index.stories.get(index.article_story.get(other, ""))
            if story is None:
                continue
            member = story.members[other]
            if member.features.lang != features.lang:
                continue
            if (
                features.day is not None
                and member.features.day is not None
                and member.features.day not in days
            ):
                continue
            original_id = member.copy_of or other
            original = story.members[original_id]
            if _earlier(features, original.features):
                # The newcomer predates the report we took for the original (input out of order): it becomes
                # the original and the whole copy group points at it.
                index.join(story, Member(features, "original", None, round(jaccard, 4)))
                for m in story.members.values():
                    if m.features.article_id == original_id or m.copy_of == original_id:
                        m.role, m.copy_of = "copy", features.article_id
                        index.dirty_members.add(m.features.article_id)
                story.rebuild()
                index.post(story.id, features, top=self.settings.post_terms)
                return Assignment(features.article_id, story.id, "original", None, round(jaccard, 4), False)
            index.join(story, Member(features, "copy", original_id, round(jaccard, 4)))
            return Assignment(features.article_id, story.id, "copy", original_id, round(jaccard, 4), False)
        return None

    def _by_content(self, features: Features, days: list[Day]) -> Assignment:
        index, s = self.index, self.settings
        idf = {t: index.vocab.idf(t) for t in features.terms}
        vec = weighted(features.terms, index.vocab, idf)
        keys = index.keys(features, s.query_terms, idf) + index.foreign_keys(features)
        best: tuple[float, int, StoryState] | None = None
        for story in index.candidates(keys, days, per_key=s.per_key):
            if not within_window(features.time, story, s):
                continue
            value = score(features, vec, story, index.vocab, s, idf)
            # Scores across languages are on another scale: compare each with its own threshold.
            margin = value - (s.assign if features.lang in story.centroids else s.cross_assign)
            if best is None or (margin, -story.seq) > (best[0], -best[1]):
                best = (margin, story.seq, story)
        if best is not None and best[0] >= 0:
            story = best[2]
            value = round(best[0] + (s.assign if features.lang in story.centroids else s.cross_assign), 4)
            index.join(story, Member(features, "original", None, value))
            index.post(story.id, features, top=s.post_terms, idf=idf)
            return Assignment(features.article_id, story.id, "original", None, value, False)
        story = index.open_story(features.article_id, features.lang)
        index.join(story, Member(features))
        index.post(story.id, features, top=s.post_terms, idf=idf)
        return Assignment(features.article_id, story.id, "original", None, None, True)

    def flush(self, conn: sqlite3.Connection) -> None:
        """Write what changed: new stories, moved members, summaries, deletions, term frequencies."""
        index = self.index
        changed = sorted(
            (index.stories[i] for i in index.dirty_stories if i in index.stories), key=lambda s: s.seq
        )
        # Story rows first (members refer to them), then members, then the summaries that read the members.
        sql.ensure_stories(conn, [(s.id, s.seq, s.lang) for s in changed])
        member_rows = []
        for article_id in sorted(index.dirty_members):
            story = index.stories.get(index.article_story.get(article_id, ""))
            if story is None or article_id not in story.members:
                continue
            m = story.members[article_id]
            member_rows.append((article_id, story.id, m.role, m.copy_of, m.score))
        sql.save_members(conn, member_rows)
        sql.delete_stories(conn, sorted(index.deleted_stories))
        sql.save_summaries(conn, [summarize(conn, s, index.vocab) for s in changed])
        increments, docs = index.vocab.take_pending()
        sql.add_df(conn, increments, docs)
        index.dirty_members.clear()
        index.dirty_stories.clear()
        index.deleted_stories.clear()
        if index.newest_day is not None:
            index.evict(index.newest_day)


def _earlier(a: Features, b: Features) -> bool:
    return a.time is not None and (b.time is None or a.time < b.time)
