"""The periodic pass over the stories that changed: split off loose members, merge stories that are one.

Split: a member is compared with its story *without itself* (leave-one-out centroid), so an article that
joined through a chain of neighbours and resembles the story as a whole too little is taken out with its
copies. Merge: two stories of compatible times whose centroids are alike are joined into the older one.
Both compare with centroids, never with a single nearest member: that is what keeps chains from forming.
"""

from __future__ import annotations

import math
import sqlite3

from svodka.stories.index import ENTITY_KEY, Member, StoryIndex, StoryState, unit
from svodka.stories.similarity import Settings, spans_fit, stories_similarity
from svodka.stories.vocab import Vocabulary

MIN_SPLIT_SIZE = 3
"""Below three originals there is no "rest of the story" to compare a member with."""


def maintain(conn: sqlite3.Connection, index: StoryIndex, settings: Settings) -> None:
    """Split, then merge, the stories changed since the last flush (in story order: deterministic)."""
    for story_id in _ordered(index, index.dirty_stories):
        story = index.stories.get(story_id)
        if story is not None:
            split(index, story, settings)
    for story_id in _ordered(index, index.dirty_stories):
        story = index.stories.get(story_id)
        if story is not None:
            merge(conn, index, story, settings)


def split(index: StoryIndex, story: StoryState, settings: Settings) -> list[StoryState]:
    """Take out, one at a time, the weakest original (with its copies) while it scores below ``split``."""
    opened: list[StoryState] = []
    while len(story.originals()) >= MIN_SPLIT_SIZE:
        weakest = min(
            ((leave_one_out(m, story, index.vocab), m.features.article_id) for m in story.originals()),
            default=None,
        )
        if weakest is None or weakest[0] >= settings.split:
            break
        article_id = weakest[1]
        group = [article_id, *sorted(a for a, m in story.members.items() if m.copy_of == article_id)]
        target = index.open_story(article_id, story.lang)
        index.move(group, story, target)
        opened.append(target)
    return opened


def leave_one_out(member: Member, story: StoryState, vocab: Vocabulary) -> float:
    """Cosine (tf·idf) of a member with the story's centroid less that member, in O(member's terms).

    The centroid is that of the member's language; the only member of its language is not judged here
    (it joined across languages, by names and numbers), so it scores 1.
    """
    centroid = story.centroids.get(member.features.lang, {})
    if sum(1 for m in story.originals() if m.features.lang == member.features.lang) < 2:
        return 1.0
    idf = vocab.idf
    raw = unit(member.features.terms)
    mine = {t: w * idf(t) for t, w in raw.items()}
    mine_norm = math.sqrt(sum(v * v for v in mine.values()))
    if not mine_norm:
        return 0.0
    total_sq = sum((w * idf(t)) ** 2 for t, w in centroid.items())
    cross = sum(v * centroid.get(t, 0.0) * idf(t) for t, v in mine.items())
    self_sq = mine_norm * mine_norm
    rest_sq = total_sq - 2 * cross + self_sq
    if rest_sq <= 1e-12:
        return 0.0
    return (cross - self_sq) / (mine_norm * math.sqrt(rest_sq))


def merge(conn: sqlite3.Connection, index: StoryIndex, story: StoryState, settings: Settings) -> StoryState:
    """Merge into one every candidate story alike enough; the older story (lower number) stays."""
    current = story
    for _ in range(8):  # each round merges one pair; a handful is plenty and bounds the work
        partner = _best_partner(conn, index, current, settings)
        if partner is None:
            break
        keep, gone = (current, partner) if current.seq < partner.seq else (partner, current)
        index.move(sorted(gone.members), gone, keep)
        current = keep
    return current


def _best_partner(
    conn: sqlite3.Connection, index: StoryIndex, story: StoryState, settings: Settings
) -> StoryState | None:
    idf = index.vocab.idf
    top = sorted(story.centroid.items(), key=lambda tw: (-tw[1] * idf(tw[0]), tw[0]))[: settings.query_terms]
    keys = [t for t, _ in top] + [ENTITY_KEY + e for e, _ in story.entities.most_common(5)]
    names = [n for n, _ in story.names.most_common(10)]
    keys += [k for lang in sorted(index.langs - set(story.centroids)) for k in index.name_keys(names, lang)]
    days = sorted({d + k for d in story.days if d is not None for k in (-1, 0, 1)})
    if None in story.days:
        days_all: list[int | None] = [None, *days]
    else:
        days_all = list(days)
    index.ensure_days(conn, days_all)
    best: tuple[float, int, StoryState] | None = None
    for other in index.candidates(keys, days_all, per_key=settings.per_key):
        if other.id == story.id or not spans_fit(story, other, settings):
            continue
        value = stories_similarity(story, other, index.vocab, settings)
        same_language = bool(set(story.centroids) & set(other.centroids))
        margin = value - (settings.merge if same_language else settings.cross_merge)
        if margin >= 0 and (best is None or (margin, -other.seq) > (best[0], -best[1])):
            best = (margin, other.seq, other)
    return best[2] if best else None


def _ordered(index: StoryIndex, ids: set[str]) -> list[str]:
    return sorted((i for i in ids if i in index.stories), key=lambda i: index.stories[i].seq)
