"""``svodka watch FEEDS.txt --every 10m``: poll feeds and ingest their new entries, round after round."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from svodka.cli.common import DbOption, console, errors_to_exit, open_db
from svodka.cli.ingest import _analyzer
from svodka.ingest.fetch import Fetcher
from svodka.ingest.watch import FeedPoll, parse_interval, read_feed_list, watch
from svodka.pipeline import IngestOptions


def watch_command(
    feeds_file: Annotated[
        Path,
        typer.Argument(help="A text file with one feed URL a line (# comments allowed).", show_default=False),
    ],
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 30s, 10m, 1h.")] = "10m",
    db: DbOption = "svodka.db",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and stop.")] = False,
    max_rounds: Annotated[
        int | None, typer.Option("--max-rounds", min=1, help="Stop after this many rounds.")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server.")
    ] = 20.0,
    delay: Annotated[
        float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")
    ] = 1.0,
    nlp: Annotated[
        bool, typer.Option("--nlp/--no-nlp", help="Analyse new articles (entities, quotes, dates).")
    ] = True,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Processes for the NLP step (0: one per core).")
    ] = 0,
) -> None:
    """Poll feeds with conditional GET and store their new entries; one line per feed per round.

    A feed that fails (timeout, HTTP error, malformed) is reported and polled again next round.
    Ctrl-C stops the watcher (what a round has stored stays stored).
    """
    with errors_to_exit():
        interval = parse_interval(every)
        urls = read_feed_list(feeds_file)
        fetcher = Fetcher(timeout=timeout, per_host_delay=delay)
    rounds = 1 if once else max_rounds
    with open_db(db) as store:
        analyzer = _analyzer(workers) if nlp else None
        options = IngestOptions(analyzer=analyzer)
        done = 0
        try:
            console.print(f"watching {len(urls)} feed(s) every {every}; Ctrl-C stops", highlight=False)
            done = watch(
                store,
                urls,
                every=interval,
                fetcher=fetcher,
                options=options,
                max_rounds=rounds,
                on_poll=_print,
            )
        except KeyboardInterrupt:
            console.print("stopped", highlight=False)
        finally:
            if analyzer is not None and hasattr(analyzer, "close"):
                analyzer.close()
    if done:
        console.print(f"done: {done} round(s)", highlight=False)


def _print(round_number: int, poll: FeedPoll) -> None:
    colour = {"error": "red", "not modified": "dim", "new": "green"}[poll.status]
    console.print(f"[{colour}]round {round_number}[/] {escape(poll.line())}", highlight=False, soft_wrap=True)
