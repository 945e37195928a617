"""How the sources tell a story: shared facts, facts only one source has, differences, quotes and tone.

    comparison = compare_story(store, story_id)      # or compare_articles(articles, analyses)
    comparison.to_dict()                              # the JSON of `svodka story ID --compare --json`

The flow: claims (``claims``) → alignment across articles (``align``) → differences (``differences``,
``events``), quotes (``quotes``), tone (``tone``), summary and timeline (``summary``).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol

from svodka.compare.align import WordVectors, align
from svodka.compare.claims import build_docs
from svodka.compare.differences import find_differences
from svodka.compare.events import find_events
from svodka.compare.quotes import match_quotes
from svodka.compare.result import Comparison, Difference, QuoteGroup, Span, TimelineEntry, Tone
from svodka.compare.summary import summarize, timeline
from svodka.compare.tone import tones
from svodka.errors import UsageError
from svodka.model import Article
from svodka.nlp.types import Analysis

__all__ = [
    "Comparison",
    "Difference",
    "QuoteGroup",
    "Span",
    "TimelineEntry",
    "Tone",
    "compare_articles",
    "compare_story",
    "word_vectors",
]


class _Stories(Protocol):
    def story(self, story_id: str) -> Any: ...
    def article(self, key: str) -> Article: ...
    def analysis(self, article_id: str) -> Analysis | None: ...


def compare_articles(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    *,
    story: str | None = None,
    vectors: WordVectors | None = None,
) -> Comparison:
    """Compare articles (one story, in any order) given their analyses, in the same order.

    ``vectors`` (see ``word_vectors``) lets alignment match synonyms; without it lemmas must match.
    """
    if len(articles) != len(analyses):
        raise UsageError(
            f"{len(articles)} articles but {len(analyses)} analyses: give one analysis per article"
        )
    docs = build_docs(articles, analyses)
    alignment = align(docs, vectors=vectors)
    events = [find_events(doc) for doc in docs]
    quotes, quote_differences = match_quotes(docs)
    retold = [v for group in quotes if len({v.doc for v in group.versions}) > 1 for v in group.versions]
    differences = find_differences(docs, alignment, events) + quote_differences
    return Comparison(
        story=story,
        docs=tuple(docs),
        summary=summarize(docs, alignment),
        timeline=timeline(docs),
        shared=tuple(
            tuple(Span(d, docs[d].claims[c].start, docs[d].claims[c].stop) for d, c in group)
            for group in alignment.groups
        ),
        # A claim cited in a difference may still be a fact no other source states («завтра делегации
        # обсудят…» is both half of an order difference and only in its article): it is listed in both.
        only_in=tuple(
            span
            for d, c in alignment.only
            if not _retold((span := Span(d, docs[d].claims[c].start, docs[d].claims[c].stop)), retold)
        ),
        differences=tuple(differences),
        quotes=tuple(quotes),
        tone=tuple(tones(docs)),
    )


def _retold(span: Span, retold: Sequence[Span]) -> bool:
    """Whether a claim lies in a quote that other articles give too (in full, shortened or in other
    words): a sentence of a quote is not a fact only its article reports."""
    return any(v.doc == span.doc and v.start < span.stop and span.start < v.stop for v in retold)


def compare_story(store: Any, story_id: str, *, vectors: WordVectors | None = None) -> Comparison:
    """Compare the articles of a stored story (``NotFound`` if there is no such story)."""
    stories: _Stories = store
    found = stories.story(story_id)
    articles = [stories.article(article_id) for article_id in _members(found)]
    # An article stored with --no-nlp has no analysis: it is still compared, by its lemmas alone.
    analyses = [stories.analysis(a.id) or Analysis(lang=a.lang) for a in articles]
    return compare_articles(articles, analyses, story=story_id, vectors=vectors)


def word_vectors() -> WordVectors | None:
    """navec's word vectors through the NLP layer, or None where the NLP layer does not offer them."""
    try:
        adapter = importlib.import_module("svodka.nlp.natasha_adapter")
    except ImportError:
        return None
    embedding = adapter.shared_models().embedding
    cache: dict[str, Any] = {}

    def lookup(word: str) -> Any:
        if word not in cache:
            cache[word] = embedding.get(word)
        return cache[word]

    return lookup


def _members(story: Any) -> list[str]:
    """The ids of a story's articles (``StoryDetail.members``), copies of other members left out."""
    return [m.article_id for m in story.members if not getattr(m, "copy_of", None)]
