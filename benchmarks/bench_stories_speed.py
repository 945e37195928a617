# ruff: noqa: E501 - the lines of the report read best whole
"""Speed of story assignment on the tg-ru-2024 corpus, through the real pipeline.

    python -m benchmarks.bench_stories_speed [../shared/corpora/tg-ru-2024/posts.jsonl]
        [--nlp-docs 1000] [--replay 200000] [--limit N] [--workers 0]

Three measurements, each in a fresh temporary store:
1. NLP slice: the first ``--nlp-docs`` posts through the analyser alone (nothing stored), then through the
   full pipeline (NLP + stories + store) with the same analyser, in the same run: the ratio of the two
   throughputs over the same documents.
2. Whole corpus, ``--no-nlp`` features (lemmas, no entities): per-article assignment time (features, copy
   lookup, candidates, scoring) at 1k, 10k and 22k stored articles; per-batch overhead (maintain + write).
3. Replay to ``--replay`` articles: the corpus again and again with dates shifted past its end and ids made
   new, still through the pipeline with ``--no-nlp``; assignment time at 22k vs 200k.
Peak memory (max RSS of this process) is reported at the end of each part.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.report import write_section
from svodka.ingest.normalize import to_article
from svodka.ingest.sources import ReadOptions, read_inputs
from svodka.model import Article, RawDocument, Rejection, sort_key
from svodka.nlp.types import Analysis
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store
from svodka.store import articles as _articles
from svodka.stories.assign import Clusterer

DEFAULT = "../shared/corpora/tg-ru-2024/posts.jsonl"
MARKS = (1_000, 10_000, 22_000, 200_000)
WINDOW = 1_000
"""Latencies are taken over the WINDOW articles before each mark."""


class TimedAnalyzer:
    """Wraps the NLP analyser and adds up the time spent in it."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.seconds = 0.0

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        started = time.perf_counter()
        out: list[Analysis] = self.inner.analyse(articles)  # type: ignore[attr-defined]
        self.seconds += time.perf_counter() - started
        return out

    def close(self) -> None:
        if hasattr(self.inner, "close"):
            self.inner.close()


class TimedClusterer:
    """Records the time of each article's assignment and of each batch's maintain + write."""

    def __init__(self, clusterer: Clusterer) -> None:
        self.latencies: list[float] = []
        self.cpu: list[float] = []
        """CPU time of this thread per assignment: on a shared machine, wall time also counts waiting for a core."""
        self.batch_seconds = 0.0
        self.batch_articles = 0
        inner_one, inner_add = clusterer.place, clusterer.add

        def assign_one(*args, **kwargs):  # type: ignore[no-untyped-def]
            started, cpu = time.perf_counter(), time.thread_time()
            result = inner_one(*args, **kwargs)
            self.latencies.append(time.perf_counter() - started)
            self.cpu.append(time.thread_time() - cpu)
            return result

        def add(conn, articles, analyses=None):  # type: ignore[no-untyped-def]
            before, started = sum(self.latencies), time.perf_counter()
            result = inner_add(conn, articles, analyses)
            self.batch_seconds += time.perf_counter() - started - (sum(self.latencies) - before)
            self.batch_articles += len(articles)
            return result

        clusterer.place = assign_one  # type: ignore[method-assign]
        clusterer.add = add  # type: ignore[method-assign]
        self.clusterer = clusterer


def documents(path: str, limit: int | None) -> list[RawDocument]:
    out = []
    for item in read_inputs([path], ReadOptions()):
        if isinstance(item, Rejection):
            continue
        out.append(item)
        if limit and len(out) >= limit:
            break
    return out


def replayed(docs: list[RawDocument], total: int) -> Iterator[RawDocument]:
    """The corpus, then copies shifted by its span (plus a day) with new ids, until ``total`` documents."""
    times = [d.published for d in docs if isinstance(d.published, datetime)]
    span = (max(times) - min(times)) + timedelta(days=1) if times else timedelta(days=200)
    n, rep = 0, 0
    while n < total:
        for doc in docs:
            if n >= total:
                return
            if rep == 0:
                yield doc
            else:
                shifted = doc.published + span * rep if isinstance(doc.published, datetime) else doc.published
                yield replace(doc, external_id=f"{doc.external_id}#r{rep}", published=shifted)
            n += 1
        rep += 1


def percentiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def nlp_slice(docs: list[RawDocument], workers: int) -> dict[str, float]:
    from svodka.nlp.analyzer import make_analyzer

    analyzer = TimedAnalyzer(make_analyzer(workers=workers or None))
    # NLP alone, first: the same articles through the same analyser in the pipeline's batches, nothing
    # stored. (Time inside the analyser during the full run is no measure of NLP alone: the pipeline
    # analyses the next batch while it stores the current one.)
    articles = [a for a in map(to_article, docs) if isinstance(a, Article)]
    started = time.perf_counter()
    for i in range(0, len(articles), IngestOptions().batch_size):
        analyzer.analyse(articles[i : i + IngestOptions().batch_size])
    nlp_only = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "nlp.db") as store:
        timed = TimedClusterer(Clusterer.load(store.conn))
        try:
            started = time.perf_counter()
            report = ingest_documents(
                store, docs, IngestOptions(analyzer=analyzer, clusterer=timed.clusterer)
            )  # type: ignore[arg-type]
            total = time.perf_counter() - started
        finally:
            analyzer.close()
    return {
        "docs": report.stored,
        "total_s": total,
        "nlp_s": nlp_only,
        "nlp_docs": len(articles),
        "stories_s": sum(timed.latencies) + timed.batch_seconds,
        "peak_mb": peak_mb(),
    }


def no_nlp_run(
    docs: Iterator[RawDocument], tmp: str, budget_s: float
) -> tuple[TimedClusterer, float, int, int]:
    """The pipeline without NLP and without the full-text search index (not part of assignment; on this
    machine it costs more than assignment itself), stopping after ``budget_s`` seconds."""
    started = time.perf_counter()

    def within_budget() -> Iterator[RawDocument]:
        for doc in docs:
            if time.perf_counter() - started > budget_s:
                return
            yield doc

    saved = _articles.index_terms
    _articles.index_terms = lambda text: ""  # type: ignore[assignment]
    try:
        with Store(Path(tmp) / "speed.db") as store:
            timed = TimedClusterer(Clusterer.load(store.conn))
            report = ingest_documents(store, within_budget(), IngestOptions(clusterer=timed.clusterer))
            return timed, time.perf_counter() - started, report.stored, report.read
    finally:
        _articles.index_terms = saved


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", default=DEFAULT)
    parser.add_argument("--nlp-docs", type=int, default=1000, help="posts through the NLP pipeline (0: skip)")
    parser.add_argument("--replay", type=int, default=200_000, help="replay the corpus to this many articles")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N posts of the corpus")
    parser.add_argument("--workers", type=int, default=0, help="NLP worker processes (0: one per core)")
    parser.add_argument("--skip-assign", action="store_true", help="only the NLP slice")
    parser.add_argument("--budget-minutes", type=float, default=60.0, help="stop the replay after this long")
    parser.add_argument("--no-write", action="store_true", help="print only, do not touch BENCHMARKS.md")
    args = parser.parse_args()
    corpus = documents(args.path, args.limit)
    # The file is grouped by channel, newest first; a live stream arrives in time order, so replay it so.
    corpus.sort(key=lambda d: sort_key(d.published) or "")
    head = f"Corpus: {len(corpus)} posts of `{args.path}`, in order of publication."

    if args.nlp_docs:
        nlp = nlp_slice(corpus[: args.nlp_docs], args.workers)
        full_rate = nlp["docs"] / nlp["total_s"]
        nlp_rate = nlp["nlp_docs"] / nlp["nlp_s"]
        ratio = full_rate / nlp_rate
        lines = [
            head,
            "",
            f"### Full pipeline vs NLP alone (first {nlp['docs']:.0f} posts, both in one run)",
            "",
            "| measure | value |",
            "|---|---|",
            f"| full pipeline (read + NLP + stories + store) | {full_rate:.1f} docs/s ({nlp['total_s']:.1f} s) |",
            f"| NLP alone (same articles, same analyser, nothing stored) | {nlp_rate:.1f} docs/s ({nlp['nlp_s']:.1f} s) |",
            f"| stories step (assign + maintain + write) | {nlp['stories_s']:.1f} s |",
            f"| full / NLP-only | **{ratio:.2f}×** (target ≥ 0.8×: {'met' if ratio >= 0.8 else 'NOT met'}) |",
            f"| peak memory so far | {nlp['peak_mb']:.0f} MB |",
            "",
        ]
        print("\n".join(lines), flush=True)
        if not args.no_write:
            write_section(
                "stories-speed-nlp",
                "Stories: full pipeline vs NLP-only throughput (tg-ru-2024)",
                "\n".join(lines),
            )
    if args.skip_assign:
        return

    total = max(args.replay, len(corpus))
    with tempfile.TemporaryDirectory() as tmp:
        timed, seconds, stored, read = no_nlp_run(replayed(corpus, total), tmp, args.budget_minutes * 60)
    lat = timed.latencies
    rows = []
    p95_at: dict[int, float] = {}
    reached = [m for m in MARKS if m <= len(lat) + WINDOW // 2]
    if not reached or len(lat) > reached[-1] + WINDOW:
        reached.append(len(lat))  # where the time budget stopped the replay
    for mark in reached:
        end = min(mark, len(lat))
        p50, p95 = percentiles(lat[max(0, end - WINDOW) : end])
        c50, c95 = percentiles(timed.cpu[max(0, end - WINDOW) : end])
        p95_at[min(mark, 200_000) if mark in MARKS else -1] = c95
        rows.append(f"| {end:,} | {p50:.2f} | {p95:.2f} | {c50:.2f} | {c95:.2f} |")
    lines = [
        head,
        "",
        f"### Assignment time, `--no-nlp` features ({stored:,} articles stored through the pipeline;"
        f" {read - stored:,} of the {read:,} read were repeats of a stored id)",
        "",
        "Assignment = MinHash signature and copy lookup, loading days, candidates from the postings, scoring,"
        " joining or opening a story (feature extraction excluded: with NLP it reads the analysis).",
        f"Articles beyond the corpus ({len(corpus):,}) are the corpus replayed with dates shifted past its end."
        " The full-text search index is left out of this part (it is the store's, not assignment's).",
        f"Pipeline without NLP: {stored / seconds:.0f} docs/s overall ({seconds:.0f} s); per-batch maintain + write:"
        f" {1000 * timed.batch_seconds / max(1, timed.batch_articles):.2f} ms per article.",
        "",
        f"Over the {WINDOW} articles before each mark; wall time includes waiting for a core on this shared"
        f" machine (load average {os.getloadavg()[0]:.1f} at the end), CPU time does not. Targets judged on CPU time.",
        "",
        "| store size | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]
    if read < total:
        lines.append(
            f"- The replay stopped at {read:,} of {total:,} articles when the time budget"
            f" (`--budget-minutes {args.budget_minutes:g}`) ran out."
        )
    at22 = p95_at.get(22_000)
    if at22 is not None:
        lines.append(
            f"- CPU p95 at 22k: {at22:.2f} ms (target ≤ 10 ms: {'met' if at22 <= 10 else 'NOT met'})"
        )
    if at22 is not None and 200_000 in p95_at:
        growth = p95_at[200_000] / at22
        lines.append(
            f"- CPU p95 at 200k / at 22k: {growth:.2f}× (target ≤ 2×: {'met' if growth <= 2 else 'NOT met'})"
        )
    lines.append(f"- peak memory (max RSS of the benchmark process): {peak_mb():.0f} MB")
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("stories-speed", "Stories: speed of assignment (tg-ru-2024)", body)


if __name__ == "__main__":
    main()
