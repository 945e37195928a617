"""Polling feeds: every round, each feed is fetched with a conditional GET and its new entries go
through the pipeline (``svodka.pipeline.ingest_documents``) like any other article.

A feed that times out or answers with an error is reported and tried again next round; the others go on.
The state (validators, entries seen) lives in the store, so a watcher can be stopped and restarted.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from svodka.errors import FetchError, UsageError
from svodka.ingest.feeds import read_feed
from svodka.ingest.fetch import Fetcher
from svodka.model import Rejection
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store
from svodka.store import feeds as _feeds

_INTERVAL = re.compile(r"\A(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\Z", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """How one poll of one feed went. ``status`` is ``new``, ``not modified`` or ``error``."""

    url: str
    status: str
    entries: int = 0
    """Entries not seen before (stored, duplicates of stored articles, or rejected)."""
    stored: int = 0
    duplicate: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    reason: str | None = None
    """Why the feed could not be read (``error`` only)."""

    def line(self) -> str:
        """One line for people: ``URL: 3 new entries, 3 stored``, ``URL: not modified``, ``URL: error: …``."""
        if self.status == "error":
            return f"{self.url}: error: {self.reason}"
        if self.status == "not modified":
            return f"{self.url}: not modified"
        parts = [f"{self.entries} new {'entry' if self.entries == 1 else 'entries'}", f"{self.stored} stored"]
        if self.duplicate:
            parts.append(f"{self.duplicate} duplicate")
        if self.rejected:
            parts.append(f"{len(self.rejected)} rejected (first: {self.rejected[0].reason})")
        return f"{self.url}: {', '.join(parts)}"


OnPoll = Callable[[int, FeedPoll], None]


def parse_interval(text: str) -> float:
    """``30s``, ``10m``, ``1h``, ``1.5h`` or a bare number of seconds → seconds."""
    match = _INTERVAL.match(text.strip())
    if not match or float(match.group(1)) <= 0:
        raise UsageError(f"an interval looks like 30s, 10m or 1h, not {text!r}")
    return float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs, one a line; blank lines and ``#`` comments are skipped, repeats kept once."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the feed list {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"the feed list {path} is not UTF-8 text ({exc.reason})") from exc
    urls: dict[str, None] = {}
    for number, line in enumerate(lines, start=1):
        url = line.split(" #", 1)[0].strip()
        if not url or url.startswith("#"):
            continue
        if not url.startswith(("http://", "https://")) or " " in url:
            raise UsageError(f"{path}:{number}: expected an http(s) feed URL, not {url[:80]!r}")
        urls[url] = None
    if not urls:
        raise UsageError(f"no feed URLs in {path} (one http(s) URL a line)")
    return list(urls)


def poll_feed(store: Store, url: str, fetcher: Fetcher, options: IngestOptions | None = None) -> FeedPoll:
    """Fetch one feed (conditionally) and ingest the entries it has not had before."""
    state = _feeds.feed_state(store.conn, url)
    try:
        response = fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        return _failed(store, url, str(exc).removeprefix(url + ": "))
    if response.not_modified:
        with store.write() as conn:
            _feeds.record_poll(conn, url, "304", keep_validators=True)
        return FeedPoll(url, "not modified")
    seen = _feeds.seen_keys(store.conn, url)
    items = list(read_feed(response.data, origin=url, url=response.url, fetcher=fetcher, skip=seen))
    if len(items) == 1 and isinstance(items[0], Rejection) and items[0].origin == url:
        return _failed(store, url, items[0].reason)  # the feed itself is unreadable: keep no validators
    report = ingest_documents(store, items, options)
    with store.write() as conn:
        _feeds.record_poll(
            conn, url, str(response.status), etag=response.etag, last_modified=response.last_modified
        )
        _feeds.mark_seen(conn, url, [d.external_id for d in items if d.external_id])
    return FeedPoll(
        url,
        "new",
        entries=len(items),
        stored=report.stored,
        duplicate=report.duplicate,
        rejected=report.rejected,
    )


def poll_round(
    store: Store, urls: Sequence[str], fetcher: Fetcher, options: IngestOptions | None = None
) -> Iterator[FeedPoll]:
    """Poll every feed once, in order; one ``FeedPoll`` each, as each is done."""
    for url in urls:
        yield poll_feed(store, url, fetcher, options)


def watch(
    store: Store,
    urls: Sequence[str],
    *,
    every: float,
    fetcher: Fetcher | None = None,
    options: IngestOptions | None = None,
    max_rounds: int | None = None,
    on_poll: OnPoll | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Poll the feeds every ``every`` seconds (start to start) until ``max_rounds`` rounds are done or
    ``stop`` is set; returns the number of rounds done. ``on_poll(round, poll)`` hears of each poll."""
    if every <= 0:
        raise UsageError(f"the polling interval must be positive, not {every}")
    if max_rounds is not None and max_rounds < 1:
        raise UsageError(f"--max-rounds must be at least 1, not {max_rounds}")
    client = fetcher or Fetcher()
    halt = stop or threading.Event()
    done = 0
    while not halt.is_set():
        started = time.monotonic()
        for poll in poll_round(store, urls, client, options):
            if on_poll:
                on_poll(done + 1, poll)
        done += 1
        if max_rounds is not None and done >= max_rounds:
            break
        halt.wait(max(0.0, every - (time.monotonic() - started)))
    return done


def _failed(store: Store, url: str, reason: str) -> FeedPoll:
    with store.write() as conn:
        _feeds.record_poll(conn, url, f"error: {reason}", keep_validators=True)
    return FeedPoll(url, "error", reason=reason)
