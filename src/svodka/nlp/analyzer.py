"""The NLP step of the pipeline: one ``Analysis`` per article, in parallel over processes.

``analyse_text`` is the whole of it for one text: natasha (Russian) or the English heuristics → entity
mentions → linking → quotes → dates. ``make_analyzer`` runs it over articles, in this process
(``workers=1``) or in a pool of worker processes, each of which builds its models once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime

from svodka.errors import UsageError
from svodka.model import Article, Published
from svodka.nlp import english
from svodka.nlp.dates import find_dates
from svodka.nlp.entities import find_mentions
from svodka.nlp.lang import detect_language
from svodka.nlp.linking import link
from svodka.nlp.natasha_adapter import Models, parse, shared_models
from svodka.nlp.quotes import find_quotes
from svodka.nlp.types import Analysis

CHUNK = 16
"""Articles per task sent to a worker: large enough to amortize pickling, small enough to balance load."""


def analyse_text(
    text: str, lang: str | None = None, published: Published | None = None, *, models: Models | None = None
) -> Analysis:
    """Everything the NLP layer finds in one text (``lang`` detected when not given)."""
    language = lang or detect_language(text)
    base = _as_date(published)
    if language == "ru":
        parsed = parse(text, models or shared_models())
        candidates = find_mentions(text, parsed, models or shared_models())
        sentences, tokens = parsed.sentences, parsed.tokens
    else:
        sentences, tokens = english.segment(text)
        candidates = english.find_mentions(text, sentences, tokens)
    mentions, entities = link(candidates)
    quotes = find_quotes(text, sentences, tokens, mentions, entities, language)
    dates = find_dates(text, base, language)
    return Analysis(
        lang=language,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        mentions=tuple(mentions),
        entities=tuple(entities),
        quotes=tuple(quotes),
        dates=tuple(dates),
    )


def _as_date(value: Published | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _analyse_article(article: Article) -> Analysis:
    return analyse_text(article.text, article.lang, article.published)


def _analyse_chunk(articles: list[Article]) -> list[Analysis]:
    return [_analyse_article(a) for a in articles]


class LocalAnalyzer:
    """Analyses in this process, with one set of models."""

    def __init__(self, models: Models | None = None) -> None:
        self.models = models or shared_models()

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        return [analyse_text(a.text, a.lang, a.published, models=self.models) for a in articles]

    def close(self) -> None:
        """Nothing to release; here for the same interface as ``PoolAnalyzer``."""


class PoolAnalyzer:
    """Analyses in ``workers`` processes; each loads the models once, on its first article."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        if not articles:
            return []
        if self._pool is None:
            # Forked workers (scripts need no ``if __name__ == "__main__"`` guard); each builds its own
            # models, which also limits its BLAS to one thread (see ``natasha_adapter.Models``).
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_warm_worker)
        size = max(1, min(CHUNK, -(-len(articles) // self.workers)))
        chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        results: list[Analysis] = []
        for part in self._pool.map(_analyse_chunk, chunks):
            results.extend(part)
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _warm_worker() -> None:
    shared_models().warm()


Analyzer = LocalAnalyzer | PoolAnalyzer


def make_analyzer(workers: int | None = None) -> Analyzer:
    """An analyzer over ``workers`` processes (None: one per core; 1: in this process, no pool)."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise UsageError(f"--workers must be at least 1 (got {count}); leave it out for one per core")
    return LocalAnalyzer() if count == 1 else PoolAnalyzer(count)
