"""``svodka analyze``: (re)run the NLP analysis over the articles of a store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from svodka.cli.common import DbOption, console, err_console, errors_to_exit, open_db


def analyze_command(
    db: DbOption = "svodka.db",
    workers: Annotated[int, typer.Option("--workers", min=0, help="Processes (0: one per core).")] = 0,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-analyse every article, not only new ones.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Find entities, quotes and dates in stored articles not analysed yet (all of them with --all)."""
    from svodka.nlp.analyzer import make_analyzer
    from svodka.pipeline import analyse_stored

    with open_db(db) as store:
        with errors_to_exit():
            analyzer = make_analyzer(workers or None)
        try:
            if quiet:
                done = analyse_stored(store, analyzer, everything=everything)
            else:
                columns = [
                    TextColumn("[bold]analyze"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                ]
                with Progress(*columns, console=err_console) as bar:
                    task = bar.add_task("analyze", total=None)

                    def update(finished: int, total: int) -> None:
                        bar.update(task, completed=finished, total=total)

                    done = analyse_stored(store, analyzer, everything=everything, progress=update)
        finally:
            analyzer.close()
    console.print(f"analysed [bold]{done}[/] articles", highlight=False)
