"""Svodka: an open news-story engine for Russian-language news.

The public API::

    import svodka
    with svodka.open_store("svodka.db") as store:
        report = svodka.ingest(store, ["articles/", "feed.xml"])
        for hit in store.search("Токаева"):
            print(hit.article.title, hit.snippet)
"""

from datetime import date as _date
from typing import Any as _Any

from svodka.errors import (
    BadInput,
    FetchError,
    NotFound,
    StoreError,
    SvodkaError,
    UnsupportedFormat,
    UsageError,
)
from svodka.ingest.fetch import Fetcher
from svodka.model import Article, RawDocument, Rejection
from svodka.pipeline import IngestOptions, IngestReport, ingest, ingest_documents
from svodka.store import ArticleFilter, SearchHit, Store, open_store


def extract(text: str, lang: str | None = None, date: _date | None = None) -> dict[str, _Any]:
    """Entities, quotes and dates of a text as JSON-ready dicts (see ``svodka.nlp.extract.extract``).

    Loads the NLP models on first use (about 2 s); imported lazily so that ``import svodka`` stays light.
    """
    from svodka.nlp.extract import extract as _extract

    return _extract(text, lang, date)


def compare_story(store: Store, story_id: str, *, vectors: bool = True) -> _Any:
    """How the sources of a stored story tell it: a ``svodka.compare.Comparison`` (``.to_dict()`` for JSON).

    ``vectors`` matches synonyms with navec's word vectors (loaded on first use, about 1 s).
    """
    from svodka.compare import compare_story as _compare_story
    from svodka.compare import word_vectors as _word_vectors

    return _compare_story(store, story_id, vectors=_word_vectors() if vectors else None)


__all__ = [
    "Article",
    "ArticleFilter",
    "BadInput",
    "FetchError",
    "Fetcher",
    "IngestOptions",
    "IngestReport",
    "NotFound",
    "RawDocument",
    "Rejection",
    "SearchHit",
    "Store",
    "StoreError",
    "SvodkaError",
    "UnsupportedFormat",
    "UsageError",
    "compare_story",
    "extract",
    "ingest",
    "ingest_documents",
    "open_store",
]
__version__ = "0.1.0"
