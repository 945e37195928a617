"""The journey of an article: read → analyse → deduplicate → assign to a story → store.

``ingest`` is the whole of it; each step is one call into its layer. Articles move in batches: a batch is
committed in one transaction, so a crash loses at most the batch in flight, never part of an article,
and what the progress report has counted as stored is on disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from svodka.ingest.normalize import to_article
from svodka.ingest.sources import ReadOptions, read_inputs
from svodka.model import Article, RawDocument, Rejection
from svodka.nlp.types import Analysis
from svodka.store import Store
from svodka.stories.assign import Clusterer


class Analyzer(Protocol):
    """The NLP step: one ``Analysis`` per article, in order."""

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    reading: ReadOptions = field(default_factory=ReadOptions)
    analyzer: Analyzer | None = None
    """None skips the NLP step (``--no-nlp``)."""
    stories: bool = True
    """False skips deduplication and story assignment (``--no-stories``)."""
    clusterer: Clusterer | None = None
    """The story index, built once per process (``Clusterer.load``) and passed in; None: built per call."""
    batch_size: int = 256


@dataclass(slots=True)
class IngestReport:
    """What happened to each input document. ``stored`` counts only what is committed."""

    read: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicate": self.duplicate,
            "rejected": [{"origin": r.origin, "reason": r.reason} for r in self.rejected],
            "seconds": round(self.seconds, 3),
        }


Progress = Callable[[IngestReport], None]


def ingest(
    store: Store,
    inputs: Iterable[str],
    options: IngestOptions | None = None,
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """Read files, folders and URLs and put their articles into the store."""
    opts = options or IngestOptions()
    return ingest_documents(store, read_inputs(inputs, opts.reading), opts, progress=progress)


def ingest_documents(
    store: Store,
    documents: Iterable[RawDocument | Rejection],
    options: IngestOptions | None = None,
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """The pipeline over documents some reader produced (files, a feed, the HTTP API)."""
    opts = options or IngestOptions()
    report = IngestReport()
    started = time.perf_counter()
    clusterer = (opts.clusterer or Clusterer.load(store.conn)) if opts.stories else None

    def store_batch(fresh: list[Article], analysing: Future[list[Analysis]] | None) -> None:
        analyses = analysing.result() if analysing is not None else None
        with store.write() as conn:  # stored and assigned to stories together, or not at all
            stored = store.add_articles(fresh, analyses)
            if clusterer is not None:  # deduplicate and assign: copies join their original, others a story
                new = [i for i, is_new in enumerate(stored) if is_new]
                clusterer.add(conn, [fresh[i] for i in new], [analyses[i] for i in new] if analyses else None)
        report.stored += sum(stored)
        report.duplicate += len(stored) - sum(stored)
        report.stored_ids.extend(a.id for a, new in zip(fresh, stored, strict=True) if new)
        report.seconds = time.perf_counter() - started
        if progress:
            progress(report)

    # With an analyzer, batch N+1 is analysed (in its worker processes) while batch N is stored and assigned,
    # so the NLP workers do not wait for the writer. Batches are still stored one at a time, in order.
    previous: tuple[list[Article], Future[list[Analysis]] | None] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="svodka-analyse") as ahead:
        for batch in _batches(documents, opts.batch_size):
            report.read += len(batch)
            fresh = _new_articles(store, batch, report)
            analysing = ahead.submit(opts.analyzer.analyse, fresh) if opts.analyzer and fresh else None
            if previous is not None:
                store_batch(*previous)
                previous = None
            if analysing is None:
                store_batch(fresh, None)  # nothing to wait for: store at once
            else:
                previous = (fresh, analysing)
        if previous is not None:
            store_batch(*previous)
    report.seconds = time.perf_counter() - started
    return report


def _new_articles(store: Store, batch: list[RawDocument | Rejection], report: IngestReport) -> list[Article]:
    """Normalize a batch and drop what is stored already or repeated within the batch."""
    articles: list[Article] = []
    for item in batch:
        result = item if isinstance(item, Rejection) else to_article(item)
        if isinstance(result, Rejection):
            report.rejected.append(result)
        else:
            articles.append(result)
    known = store.existing_ids([a.id for a in articles])
    fresh: list[Article] = []
    for article in articles:
        if article.id in known:
            report.duplicate += 1
        else:
            known.add(article.id)
            fresh.append(article)
    return fresh


def _batches(items: Iterable[RawDocument | Rejection], size: int) -> Iterator[list[RawDocument | Rejection]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def analyse_stored(
    store: Store,
    analyzer: Analyzer,
    *,
    everything: bool = False,
    batch_size: int = 64,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """(Re)run the NLP step over stored articles: those never analysed, or all with ``everything``.

    Each batch is stored in one transaction; ``progress(done, total)`` after each. Returns how many.
    """
    ids = [a.id for a in store.articles()] if everything else store.unanalysed_ids()
    done = 0
    for start in range(0, len(ids), batch_size):
        articles = [store.article(i) for i in ids[start : start + batch_size]]
        store.set_analyses([(a.id, an) for a, an in zip(articles, analyzer.analyse(articles), strict=True)])
        done += len(articles)
        if progress:
            progress(done, len(ids))
    if everything:
        store.prune_entities()
    return done
