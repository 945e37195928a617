"""Speed of the NLP layer next to bare natasha (segment + morph + NER), measured in the same run.

    python -m benchmarks.bench_nlp_speed [../shared/corpora/tg-ru-2024/posts.jsonl] [--limit 5000]

Two corpora: the first ``limit`` Telegram posts and the 254 factRuEval texts. For each: bare natasha in
this process, our whole analysis (entities with linking, roles, quotes, dates) in this process, and the
same over two worker processes (``make_analyzer(2)``). Peak RSS is per process (this one, and each worker).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.factru import DEFAULT_PATH as FACTRU
from benchmarks.factru import load_jsonl
from benchmarks.report import write_section
from svodka.model import Article
from svodka.nlp.analyzer import PoolAnalyzer, analyse_text
from svodka.nlp.natasha_adapter import Models, bare_pipeline

POSTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tg-ru-2024" / "posts.jsonl"
TARGET_SINGLE, TARGET_PAIR = 0.8, 1.8


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_rss(_: int) -> tuple[int, float]:
    time.sleep(0.5)  # keep both workers busy so that each answers once
    return os.getpid(), _peak_rss_mb()


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def measure(name: str, texts: list[str], models: Models) -> tuple[list[str], dict[str, float]]:
    chars = sum(len(t) for t in texts)
    articles = [
        Article(
            id=str(i),
            external_id=None,
            source=None,
            url=None,
            published=None,
            title=None,
            text=t,
            lang="ru",
            content_hash="",
        )
        for i, t in enumerate(texts)
    ]
    bare = _timed(lambda: [bare_pipeline(t, models) for t in texts])
    single = _timed(lambda: [analyse_text(t, "ru", models=models) for t in texts])
    pool = PoolAnalyzer(2)
    pool.analyse(articles[:4])  # start the workers and load their models outside the timing
    pair = _timed(lambda: pool.analyse(articles))
    assert pool._pool is not None
    workers = dict(pool._pool.map(_worker_rss, range(2)))
    pool.close()
    rows = []
    for label, seconds in (
        ("bare natasha, 1 process", bare),
        ("svodka, 1 process", single),
        ("svodka, 2 processes", pair),
    ):
        rows.append(
            f"| {name} | {label} | {len(texts) / seconds:.1f} | {chars / seconds:,.0f} | {seconds:.1f} |"
        )
    ratios = {
        "single": bare / single,
        "pair": single / pair,
        "workers_rss": max(workers.values(), default=0.0),
    }
    return rows, ratios


def main(posts: Path, limit: int) -> str:
    texts = []
    with posts.open(encoding="utf-8") as stream:
        for line in stream:
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= limit:
                break
    factru = [d.text for d in load_jsonl(FACTRU)]
    models = Models().warm()
    rows = ["| corpus | run | docs/s | chars/s | seconds |", "|---|---|---|---|---|"]
    verdicts = []
    for name, corpus in ((f"tg-ru-2024, first {len(texts)} posts", texts), ("factRuEval, 254 texts", factru)):
        lines, ratio = measure(name, corpus, models)
        rows.extend(lines)
        verdicts.append(
            f"- {name}: svodka / bare natasha = {ratio['single']:.2f}× (target ≥ {TARGET_SINGLE}: "
            f"{'met' if ratio['single'] >= TARGET_SINGLE else 'NOT met'}); "
            f"2 processes / 1 = {ratio['pair']:.2f}× "
            f"(target ≥ {TARGET_PAIR}: {'met' if ratio['pair'] >= TARGET_PAIR else 'NOT met'}); "
            f"peak RSS of a worker {ratio['workers_rss']:.0f} MB"
        )
    return (
        "\n".join(rows)
        + f"\n\nPeak RSS of the measuring process (models + bare + single runs): {_peak_rss_mb():.0f} MB.\n\n"
        + "\n".join(verdicts)
        + "\n\nThe machine has 2 cores shared with other work, so the 2-process figure is a lower bound.\n"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", nargs="?", type=Path, default=POSTS)
    parser.add_argument("--limit", type=int, default=5000)
    args = parser.parse_args()
    body = main(args.posts, args.limit)
    print(body)
    write_section("nlp-speed", "NLP speed (docs/s, chars/s, memory)", body)
