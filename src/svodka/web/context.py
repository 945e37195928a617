"""What a running server holds: the database path, one read connection per thread, one writer, caches.

SQLite in WAL mode lets readers read while one writer writes, but a Python connection must not be used
by two threads at once: each request thread gets its own read ``Store``; every write (the ingest and
delete endpoints) goes through one writer ``Store`` under a lock, the way the pipeline expects to run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from svodka.pipeline import Analyzer
from svodka.store import Store


@dataclass(slots=True)
class LruCache:
    """A small thread-safe LRU map (comparisons are worth keeping; recomputing one costs ~100 ms)."""

    size: int = 256
    _items: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get_or_compute(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _data_version(store: Store) -> int:
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])


class WebContext:
    """Shared by every request of one app. Close it when the server stops."""

    def __init__(self, db: str, *, analyzer: Analyzer | None = None, word_vectors: bool = True) -> None:
        self.db = db
        self.analyzer = analyzer
        self.use_vectors = word_vectors
        self._vectors: Any = None
        self._vectors_lock = threading.Lock()
        self.comparisons = LruCache()
        self.story_lists = LruCache(128)
        """Ranked story lists by (query, store version): ranking every story costs ~1 s at 20k articles."""
        self.entity_names = LruCache(4096)
        """Story entity keys → the store entity (id, canonical name), until the next write."""
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self._generation = 0
        """Bumped by ``close``: a thread's connection from before is closed and must not be reused."""
        self._write_lock = threading.Lock()
        self._writer: Store | None = None
        self._clusterer: Any = None
        self._seen_version: int | None = None
        # Open once up front: a bad path or a foreign file fails at start, not on the first request.
        self.reader()
        self._sentinel: tuple[int, Store] | None = None
        self._sentinel_lock = threading.Lock()

    def reader(self) -> Store:
        """This thread's read connection (opened on first use, and again after ``close``)."""
        held: tuple[int, Store] | None = getattr(self._local, "store", None)
        if held is not None and held[0] == self._generation:
            return held[1]
        store = Store(self.db)
        self._local.store = (self._generation, store)
        with self._opened_lock:
            self._opened.append(store)
        return store

    def version(self) -> int:
        """Changes whenever anyone (this server or another process) commits to the database.

        SQLite's ``data_version`` on a connection that never writes moves with every commit made through
        any other connection, and reading it costs no I/O: cached lists are keyed by it.
        """
        with self._sentinel_lock:
            if self._sentinel is None or self._sentinel[0] != self._generation:
                store = Store(self.db)
                self._sentinel = (self._generation, store)
                with self._opened_lock:
                    self._opened.append(store)
            return _data_version(self._sentinel[1])

    def vectors(self) -> Any:
        """The word vectors of the comparison (``svodka.compare.word_vectors``), loaded on first use.

        None when switched off or not installed: the comparison then aligns claims by lemmas alone.
        """
        if not self.use_vectors:
            return None
        with self._vectors_lock:
            if self._vectors is None:
                try:
                    from svodka.compare import word_vectors
                except ImportError:
                    self.use_vectors = False
                    return None
                self._vectors = word_vectors()
                if self._vectors is None:
                    self.use_vectors = False
            return self._vectors

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The one writing connection, held for the duration of the block."""
        with self._write_lock:
            if self._writer is None:
                self._writer = Store(self.db)
            try:
                yield self._writer
            finally:
                self._seen_version = _data_version(self._writer)
        self.comparisons.clear()
        self.entity_names.clear()

    def forget_clusterer(self) -> None:
        """After a delete: the index still holds the article; it is rebuilt on the next ingest."""
        self._clusterer = None

    def clusterer(self, store: Store) -> Any:
        """The story index for the writer, loaded once; loaded again when another process wrote the store.

        Call inside ``writer()``. SQLite's ``data_version`` changes when another connection commits, so a
        ``svodka watch`` or ``ingest`` running beside the server does not leave the index stale.
        """
        from svodka.stories.assign import Clusterer

        version = _data_version(store)
        if self._clusterer is None or version != self._seen_version:
            self._clusterer = Clusterer.load(store.conn)
        return self._clusterer

    def close(self) -> None:
        """Close every connection (the server is stopping); a later request opens new ones."""
        with self._opened_lock:
            self._generation += 1
            stores, self._opened = self._opened, []
        if self._writer is not None:
            stores.append(self._writer)
            self._writer = None
        self.story_lists.clear()
        for store in stores:
            store.close()
