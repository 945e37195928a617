# ruff: noqa: E501 - the lines of the report read best whole
"""Story clustering quality on crowd-labelled pairs (Dialogue Evaluation 2021 metric).

    python -m benchmarks.bench_clustering [../shared/data/clustering/toloka_pairs.jsonl] [--no-nlp-run]

All unique documents of the pairs file go through the normal pipeline into a temporary store (once without
NLP, once with it); a pair is predicted OK when both documents land in one story. Reported: precision,
recall and F1 of the OK class per language, against the published anchors and the targets.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.report import write_section
from svodka.stories.evaluate import PairScore, evaluate_pairs
from svodka.stories.similarity import Settings

DEFAULT = "../shared/data/clustering/toloka_pairs.jsonl"
TARGETS = {"ru": 0.95, "en": 0.90}
ANCHORS = "Dialogue Evaluation 2021 winner 0.960 (BERT-scale); multilingual USE 0.893; TF-IDF+SVD 0.831; fastText 0.804."


def rows(label: str, scores: dict[str, PairScore], seconds: float) -> list[str]:
    out = []
    for lang in ("ru", "en", "all"):
        s = scores.get(lang)
        if s is None:
            continue
        target = TARGETS.get(lang)
        verdict = "" if target is None else (f"≥ {target}: met" if s.f1 >= target else f"≥ {target}: NOT met")
        out.append(
            f"| {label} | {lang} | {s.pairs} | {s.tp}/{s.fp}/{s.fn} | {s.precision:.3f} | {s.recall:.3f} "
            f"| **{s.f1:.3f}** | {verdict} | {seconds:.0f} s |"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", default=DEFAULT)
    parser.add_argument(
        "--no-nlp-run", action="store_true", help="skip the run with NLP (slow on a busy machine)"
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    table = [
        "| run | lang | pairs | tp/fp/fn | precision | recall | F1 (OK class) | target | time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    started = time.perf_counter()
    table += rows(
        "lemmas only (`--no-nlp`)",
        evaluate_pairs(args.path, settings=settings),
        time.perf_counter() - started,
    )
    print("\n".join(table), flush=True)
    if not args.no_nlp_run:
        from svodka.nlp.analyzer import LocalAnalyzer

        started = time.perf_counter()
        scores = evaluate_pairs(args.path, analyzer=LocalAnalyzer(), settings=settings)
        table += rows("with NLP (entities)", scores, time.perf_counter() - started)
    body = "\n".join(
        [
            f"Pairs: `{args.path}` (no dates: the time window plays no part). Anchors: {ANCHORS}",
            f"Settings: assign ≥ {settings.assign}, merge ≥ {settings.merge}, split < {settings.split}, "
            f"entity weight {settings.entity_weight}, number weight {settings.number_weight}.",
            "",
            *table,
            "",
            "The score is tf·idf cosine of content lemmas with the story centroid, plus shared canonical entities and",
            "numbers. navec document vectors (idf-weighted mean) were tried and did not help on these pairs, so they",
            "are not used (see the stories report).",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("stories-quality", "Stories: clustering quality on the Toloka pairs", body)


if __name__ == "__main__":
    main()
