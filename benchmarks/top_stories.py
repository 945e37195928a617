# ruff: noqa: E501 - the lines of the report read best whole
"""A reader's check: the top stories of one day of the tg-ru-2024 corpus, to be judged by reading.

    python -m benchmarks.top_stories [../shared/corpora/tg-ru-2024/posts.jsonl] [--day 2024-12-02] [--no-nlp]

The posts of the day and of the two days around it go through the full pipeline (in order of publication)
into a temporary store; the 15 most important stories of the day are written to BENCHMARKS.md with their
sizes, sources, headline and the first line of every member, so that each can be judged: one event or not,
copies right or not.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.report import write_section
from svodka.ingest.sources import ReadOptions, read_inputs
from svodka.model import RawDocument, Rejection, sort_key
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store
from svodka.store.stories import StoryFilter

DEFAULT = "../shared/corpora/tg-ru-2024/posts.jsonl"
TOP = 15


def first_line(text: str, width: int = 110) -> str:
    line = next((x.strip() for x in text.splitlines() if x.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", default=DEFAULT)
    parser.add_argument("--day", default="2024-12-02")
    parser.add_argument("--no-nlp", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    day = date.fromisoformat(args.day)
    lo, hi = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=2)).isoformat()
    docs = [
        d
        for d in read_inputs([args.path], ReadOptions())
        if not isinstance(d, Rejection) and lo <= (sort_key(d.published) or "") < hi
    ]
    docs.sort(key=lambda d: sort_key(d.published) or "")
    analyzer = None
    if not args.no_nlp:
        from svodka.nlp.analyzer import LocalAnalyzer

        analyzer = LocalAnalyzer()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "top.db") as store:
        report = ingest_documents(
            store, list[RawDocument | Rejection](docs), IngestOptions(analyzer=analyzer)
        )
        seconds = time.perf_counter() - started
        stories = store.stories(StoryFilter(since=args.day, until=args.day), limit=TOP)
        total = len(store.stories(StoryFilter(since=args.day, until=args.day), limit=None))
        lines = [
            f"Posts of {lo} … {hi} (exclusive): {report.stored} stored through the pipeline "
            f"({'with' if analyzer else 'without'} NLP) in {seconds:.0f} s; {total} stories touch {args.day}.",
            "Ranked by importance (independent sources, velocity, recency at the end of the day). "
            "Members: time UTC, channel, role, first line. Judge each: one event? copies right?",
            "",
        ]
        for rank, story in enumerate(stories, start=1):
            detail = store.story(story.id)
            lines.append(
                f"**{rank}. {story.title}** — {story.size} posts, {story.independent} independent of "
                f"{len(story.sources)} channels, importance {story.importance:.2f}, `{story.id}`"
            )
            lines.append("")
            for m in detail.members:
                text = store.article(m.article_id).text
                role = "original" if m.role == "original" else "copy"
                when = (m.published_utc or "")[5:16].replace("T", " ")
                lines.append(f"- {when} {m.source} ({role}): {first_line(text)}")
            lines.append("")
        body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("stories-top", f"Stories: top {TOP} of {args.day} (tg-ru-2024), for reading", body)
    print(json.dumps({"stored": report.stored, "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    main()
