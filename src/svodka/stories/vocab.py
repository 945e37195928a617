"""Document frequencies for idf, kept incrementally as articles arrive (and persisted in ``story_df``)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

PRIOR_DOCS = 50


class Vocabulary:
    """How many articles hold each term. ``add`` before scoring an article, so its own terms count."""

    def __init__(self, df: Mapping[str, int] | None = None, docs: int = 0) -> None:
        self.df: dict[str, int] = dict(df or {})
        self.docs = docs
        self._pending: Counter[str] = Counter()
        self._pending_docs = 0

    def add(self, terms: Iterable[str]) -> None:
        self.docs += 1
        self._pending_docs += 1
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1
            self._pending[term] += 1

    def idf(self, term: str) -> float:
        """BM25's idf (never negative), over the articles seen plus ``PRIOR_DOCS`` that lack the term.

        The prior matters only while the store is small: with two articles, the words they share would
        otherwise weigh least exactly when they are the evidence that the two report one event.
        """
        df = self.df.get(term, 0)
        return math.log(1.0 + (self.docs + PRIOR_DOCS - df + 0.5) / (df + 0.5))

    def take_pending(self) -> tuple[dict[str, int], int]:
        """The increments since the last call (term → added df, added documents), for the store."""
        pending, docs = dict(self._pending), self._pending_docs
        self._pending.clear()
        self._pending_docs = 0
        return pending, docs
