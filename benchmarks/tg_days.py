"""The tg-ru-2024 posts of a day (or of a prefix, or a range read as one stream) in a temporary store.

    with day_store(posts_path, "2024-11-27") as store: ...

Shared by the benchmarks that dump a day's stories for judging by reading (``compare_tg``, ``compare_tone``,
``compare_quotes``): NLP and story assignment as ``svodka ingest`` does them.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from svodka.model import RawDocument, parse_published
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tg-ru-2024" / "posts.jsonl"
DAY_HELP = (
    "A day (2024-12-04), a prefix of dates (2024-0: January to September) or a range of days "
    "(2024-11-26..2024-12-04) read as one stream in time order, so that stories run across days."
)


def read_posts(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def raw(post: dict[str, Any]) -> RawDocument:
    return RawDocument(text=post["text"], origin=post["id"], external_id=post["id"], source=post["source"],
                       published=parse_published(post["date"]))  # fmt: skip


def posts_of(posts: list[dict[str, Any]], day: str) -> list[dict[str, Any]]:
    """The posts of ``day``: a day or a prefix in corpus order, a range ``FIRST..LAST`` oldest first."""
    first, _, last = day.partition("..")
    if last:
        return sorted((p for p in posts if first <= p["date"][:10] <= last), key=lambda p: str(p["date"]))
    return [p for p in posts if p["date"].startswith(day)]


@contextmanager
def day_store(posts: list[dict[str, Any]], day: str) -> Iterator[Store]:
    """A temporary store with the posts of ``day`` ingested (NLP, stories)."""
    from svodka.nlp.analyzer import make_analyzer

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "tg.db") as store:
        docs = [raw(p) for p in posts_of(posts, day)]
        ingest_documents(store, docs, IngestOptions(analyzer=make_analyzer(1)))
        yield store
