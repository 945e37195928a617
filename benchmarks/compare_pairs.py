"""Dump the comparisons of pairs of news articles on one event (Toloka OK pairs), for judging by reading.

    python -m benchmarks.compare_pairs [../shared/data/clustering/toloka_pairs.jsonl] [--lang ru]
        [--out compare_pairs.md]
    python -m benchmarks.compare_pairs --judged compare_pairs.md --note "…"

A second corpus for the comparison, besides tg-ru-2024: news sites (May 2020) rather than Telegram
channels, each pair two outlets that crowd workers said report the same event. Every pair is compared as
a story of two articles (its site is the source); the dump lists every difference and every "only in"
claim with a blank verdict box, and the two texts. ``--judged`` reads the verdicts back (``- [x]`` true,
``- [ ]`` false) and writes the precision into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlparse

from benchmarks.compare_tg import add_judging, judge
from svodka.compare import compare_articles, word_vectors
from svodka.ingest.normalize import to_article
from svodka.model import Article, RawDocument

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering" / "toloka_pairs.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", default=str(DEFAULT))
    parser.add_argument("--lang", default="ru", help="Which pairs: ru or en.")
    parser.add_argument(
        "--label",
        default="OK",
        help="OK (one event told by two sites) or BAD (two events): on BAD pairs, which are compared as if "
        "one story, every difference claimed is about two different events — a stress test of «a difference "
        "needs aligned claims about the same thing».",
    )
    parser.add_argument("--out", default="compare_pairs.md")
    add_judging(parser)
    args = parser.parse_args()
    if args.judged:
        judge(
            [Path(p) for p in args.judged],
            args.note,
            section=("compare-pairs", "Comparison precision on Toloka news pairs (judged by reading)"),
            command="python -m benchmarks.compare_pairs --judged",
        )
        return
    from svodka.nlp.analyzer import make_analyzer

    with Path(args.pairs).open(encoding="utf-8") as lines_in:
        pairs = [json.loads(line) for line in lines_in]
    pairs = [p for p in pairs if p["label"] == args.label and p["lang"] == args.lang]
    analyzer = make_analyzer(1)
    vectors = word_vectors()
    title = f"# Comparisons of Toloka {args.label} pairs ({args.lang})"
    lines = [title, "", f"Pairs compared: {len(pairs)}.", ""]
    for number, pair in enumerate(pairs, 1):
        articles = [_article(pair, side, number) for side in ("first", "second")]
        if articles[0].source == articles[1].source:
            continue  # one outlet twice: nothing to compare between sources
        result = compare_articles(articles, analyzer.analyse(articles), vectors=vectors).to_dict()
        lines += [f"## {number}. {pair['first_title']}", "", "### differences", ""]
        for d in result["differences"]:  # type: ignore[attr-defined]
            lines.append(f"- [ ] {d['kind']}: {d['about']} — {' | '.join(d['values'])}")
            lines += [f"    - [{c['source']}] {c['text']}" for c in d["claims"]]
        lines += ["", "### only in", ""]
        for c in result["only_in"]:  # type: ignore[attr-defined]
            lines.append(f"- [ ] [{c['source']}] {c['text']}")
        lines += ["", "### the articles", ""]
        for article in articles:
            lines += [f"**{article.source}** — {article.title}", "", article.text, ""]
        print(f"{number}/{len(pairs)}", end="\r", flush=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {len(pairs)} pairs; mark true items with [x], then --judged {args.out}")


def _article(pair: dict[str, str], side: str, number: int) -> Article:
    url = pair[f"{side}_url"]
    raw = RawDocument(
        text=pair[f"{side}_text"],
        origin=url,
        external_id=f"{number}-{side}",
        source=urlparse(url).netloc.removeprefix("www."),
        url=url,
        title=pair[f"{side}_title"],
    )
    article = to_article(raw)
    if not isinstance(article, Article):
        raise SystemExit(f"pair {number}: {article.reason}")
    return article


if __name__ == "__main__":
    main()
