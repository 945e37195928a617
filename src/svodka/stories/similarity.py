"""How alike an article and a story (or two stories) are: tf·idf cosine, plus shared entities and numbers."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from svodka.stories.features import Features
from svodka.stories.index import StoryState
from svodka.stories.vocab import Vocabulary


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Thresholds and weights of clustering. The defaults are the documented, benchmarked ones."""

    assign: float = 0.35
    """An article joins the most similar candidate story scoring at least this; else it opens a story."""
    merge: float = 0.45
    """Two stories whose centroids score at least this are merged by ``maintain``."""
    split: float = 0.15
    """A member scoring below this against the rest of its story is split off by ``maintain``."""
    entity_weight: float = 0.10
    """Added in proportion to the share of the article's entities the story has."""
    entity_penalty: float = 0.05
    """Taken off when both name several entities and none is shared: other participants, other event."""
    number_weight: float = 0.05
    headline_number_conflict: float = 0.15
    """Taken off when the headlines of both give numbers and none is shared: «29 drones» is not «15 drones»,
    the weather on 8 November is not the weather on 18 November."""
    cross_assign: float = 0.35
    """Across languages (names and numbers only) an article joins a story scoring at least this."""
    min_shared_names: int = 3
    cross_number_weight: float = 0.3
    cross_merge: float = 0.45
    day_penalty: float = 0.10
    """Taken off per day between an article and the story's span: a day later is more likely a new event
    (a reaction, the next match) than another report of the same one."""
    window_hours: float = 24.0
    """An article may join a story seen no more than this before or after it."""
    max_span_hours: float = 30.0
    """No story spans more than this: the same topic on another day is another story."""
    post_terms: int = 10
    query_terms: int = 12
    per_key: int = 20
    """Newest stories looked at per posting list: bounds the cost of a very common term."""
    keep_days: int = 7


def weighted(
    terms: Mapping[str, float], vocab: Vocabulary, idf: Mapping[str, float] | None = None
) -> dict[str, float]:
    """Unit-length tf·idf vector (``idf``: of the terms, if at hand)."""
    vec = {t: w * (idf[t] if idf is not None else vocab.idf(t)) for t, w in terms.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def story_norm(story: StoryState, vocab: Vocabulary, lang: str | None = None) -> float:
    """Norm of the idf-weighted centroid of a language (default: the story's), cached until the story changes
    or the vocabulary grows by 2 %."""
    key = lang or story.lang
    cached = story.norm_cache.get(key)
    if cached is not None and vocab.docs <= cached[0] * 1.02:
        return cached[1]
    idf = vocab.idf
    norm = math.sqrt(sum((w * idf(t)) ** 2 for t, w in story.centroids.get(key, {}).items()))
    story.norm_cache[key] = (vocab.docs, norm)
    return norm


def text_similarity(
    vec: Mapping[str, float],
    story: StoryState,
    vocab: Vocabulary,
    idf: Mapping[str, float] | None = None,
    lang: str | None = None,
) -> float:
    """Cosine of a unit tf·idf vector with the story's centroid in ``lang`` (``idf``: of its terms)."""
    norm = story_norm(story, vocab, lang)
    if not norm:
        return 0.0
    weights = idf if idf is not None else {t: vocab.idf(t) for t in vec}
    centroid = story.centroids.get(lang or story.lang, {})
    dot = sum(v * centroid[t] * weights[t] for t, v in vec.items() if t in centroid)
    return dot / norm


def overlap(mine: tuple[str, ...], theirs: Counter[str]) -> tuple[float, int]:
    """(share of ``mine`` that ``theirs`` has, how many ``theirs`` has)."""
    if not mine or not theirs:
        return 0.0, len(theirs)
    shared = sum(1 for e in mine if e in theirs)
    return shared / min(len(mine), len(theirs)), len(theirs)


def score(
    features: Features,
    vec: Mapping[str, float],
    story: StoryState,
    vocab: Vocabulary,
    s: Settings,
    idf: Mapping[str, float] | None = None,
) -> float:
    """Similarity of an article to a story: text cosine, adjusted by shared entities and numbers.

    A story with no article in the article's language is compared by names and numbers (``cross_lingual``).
    """
    lag = s.day_penalty * gap_hours(features.time, story) / 24
    if features.lang not in story.centroids:
        return cross_lingual(features.names, features.numbers, story, s) - lag
    value = text_similarity(vec, story, vocab, idf, features.lang) - lag
    share, theirs = overlap(features.entities, story.entities)
    if share:
        value += s.entity_weight * share
    elif len(features.entities) >= 2 and theirs >= 2:
        value -= s.entity_penalty
    number_share, _ = overlap(features.numbers, story.numbers)
    if (
        features.lead_numbers
        and story.lead_numbers
        and not any(n in story.lead_numbers for n in features.lead_numbers)
    ):
        value -= s.headline_number_conflict
    return value + s.number_weight * number_share


def cross_lingual(names: tuple[str, ...], numbers: tuple[str, ...], story: StoryState, s: Settings) -> float:
    """Similarity across languages: the share of names (consonant skeletons) and numbers in common.

    Below ``min_shared_names`` shared names it is 0: a couple of common names (a country, a capital) say
    nothing about the event.
    """
    shared = sum(1 for n in names if n in story.names)
    if shared < s.min_shared_names:
        return 0.0
    name_share = shared / min(len(names), len(story.names))
    number_share, _ = overlap(numbers, story.numbers)
    return (1 - s.cross_number_weight) * name_share + s.cross_number_weight * number_share


def stories_similarity(a: StoryState, b: StoryState, vocab: Vocabulary, s: Settings) -> float:
    """Similarity of two stories' centroids (in a language both have), with the same entity and number
    adjustments; across languages, by names and numbers."""
    common = sorted(set(a.centroids) & set(b.centroids), key=lambda lang: (lang != a.lang, lang))
    if not common:
        return cross_lingual(tuple(a.names), tuple(a.numbers), b, s)
    lang = common[0]
    na, nb = story_norm(a, vocab, lang), story_norm(b, vocab, lang)
    if not na or not nb:
        return 0.0
    ca, cb = a.centroids[lang], b.centroids[lang]
    small, large = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    idf = vocab.idf
    dot = sum(w * large[t] * idf(t) ** 2 for t, w in small.items() if t in large)
    value = dot / (na * nb) - s.day_penalty * spans_gap_hours(a, b) / 24
    if a.lead_numbers and b.lead_numbers and not any(n in b.lead_numbers for n in a.lead_numbers):
        value -= s.headline_number_conflict
    mine = tuple(e for e, _ in a.entities.most_common(10))
    share, theirs = overlap(mine, b.entities)
    if share:
        value += s.entity_weight * share
    elif len(mine) >= 2 and theirs >= 2:
        value -= s.entity_penalty
    return value


def gap_hours(time: float | None, story: StoryState) -> float:
    """Hours between the article and the nearest end of the story's time span (0 inside it or undated)."""
    if time is None or story.first is None or story.last is None:
        return 0.0
    if time < story.first:
        return (story.first - time) / 3600
    return max(0.0, time - story.last) / 3600


def spans_gap_hours(a: StoryState, b: StoryState) -> float:
    """Hours between two stories' time spans (0 when they overlap or one is undated)."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return 0.0
    return max(0.0, max(a.first, b.first) - min(a.last, b.last)) / 3600


def within_window(time: float | None, story: StoryState, s: Settings) -> bool:
    """Whether an article of this time may join the story (an undated article or story always may)."""
    if time is None or story.first is None or story.last is None:
        return True
    window = s.window_hours * 3600
    if time < story.first - window or time > story.last + window:
        return False
    return max(story.last, time) - min(story.first, time) <= s.max_span_hours * 3600


def spans_fit(a: StoryState, b: StoryState, s: Settings) -> bool:
    """Whether two stories together would still span no more than ``max_span_hours``."""
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return max(a.last, b.last) - min(a.first, b.first) <= s.max_span_hours * 3600
