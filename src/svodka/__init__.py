"""Svodka: an open news-story engine for Russian-language news.

The public API::

    import svodka
    with svodka.open_store("svodka.db") as store:
        report = svodka.ingest(store, ["articles/", "feed.xml"])
        for hit in store.search("Токаева"):
            print(hit.article.title, hit.snippet)
"""

from svodka.errors import BadInput, FetchError, NotFound, StoreError, SvodkaError, UnsupportedFormat, UsageError
from svodka.model import Article, RawDocument, Rejection
from svodka.pipeline import IngestOptions, IngestReport, ingest, ingest_documents
from svodka.store import ArticleFilter, SearchHit, Store, open_store

__all__ = [
    "Article",
    "ArticleFilter",
    "BadInput",
    "FetchError",
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
    "ingest",
    "ingest_documents",
    "open_store",
]
__version__ = "0.1.0"
