"""``svodka ingest``: read files, folders and URLs into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from svodka.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    DbOption,
    console,
    err_console,
    errors_to_exit,
    open_db,
    print_json,
)
from svodka.ingest.jsonl import FieldMap
from svodka.ingest.sources import FORMATS, ReadOptions
from svodka.pipeline import Analyzer, IngestOptions, IngestReport, ingest
from svodka.store import Store


def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively) and http(s) URLs of pages or feeds.", show_default=False
        ),
    ],
    db: DbOption = "svodka.db",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=f"Read every file as this format: {', '.join(FORMATS)}. "
            "Default: by file name, then by content.",
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field", help="Map a JSON field: OURS=THEIRS, e.g. --field text=body --field date=published_at."
        ),
    ] = None,
    nlp: Annotated[
        bool,
        typer.Option("--nlp/--no-nlp", help="Analyse articles (entities, quotes, dates) while ingesting."),
    ] = True,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Processes for the NLP step (0: one per core).")
    ] = 0,
    stories: Annotated[
        bool,
        typer.Option(
            "--stories/--no-stories", help="Deduplicate and group articles into stories while ingesting."
        ),
    ] = True,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read articles and store them: same article twice is stored once; bad inputs are listed with reasons.

    Exit code 0 when every input was read, 1 when some were rejected, 2 on a usage error.
    """
    with errors_to_exit():
        reading = ReadOptions(fields=FieldMap.parse(field or []), format=fmt)
    with open_db(db) as store:
        analyzer = _analyzer(workers) if nlp else None
        options = IngestOptions(reading=reading, analyzer=analyzer, stories=stories)
        total = None if quiet else estimate_total(inputs)
        try:
            if quiet or json_out:
                report = ingest(store, inputs, options)
            else:
                report = _with_progress(store, inputs, options, total)
        finally:
            if analyzer is not None and hasattr(analyzer, "close"):
                analyzer.close()
    if json_out:
        print_json(report.to_dict())
    else:
        print_summary(report)
    raise typer.Exit(EXIT_REJECTED if report.rejected else EXIT_OK)


def _analyzer(workers: int) -> Analyzer | None:
    # The NLP layer plugs in here; importing it loads no model until the first article.
    try:
        from svodka.nlp.analyzer import make_analyzer  # optional until the NLP layer lands
    except ImportError:
        return None
    analyzer: Analyzer = make_analyzer(workers=workers or None)
    return analyzer


def _with_progress(
    store: Store, inputs: list[str], options: IngestOptions, total: int | None
) -> IngestReport:
    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.0f} docs/s"),
        TextColumn("stored {task.fields[stored]}, dup {task.fields[dup]}, rejected {task.fields[rej]}"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task("ingest", total=total, rate=0.0, stored=0, dup=0, rej=0)

        def update(report: IngestReport) -> None:
            bar.update(
                task,
                completed=report.read,
                rate=report.docs_per_second,
                stored=report.stored,
                dup=report.duplicate,
                rej=len(report.rejected),
            )

        report = ingest(store, inputs, options, progress=update)
        bar.update(task, total=report.read, completed=report.read)
        return report


def print_summary(report: IngestReport) -> None:
    console.print(
        f"read [bold]{report.read}[/], stored [bold green]{report.stored}[/], "
        f"duplicate [bold]{report.duplicate}[/], rejected [bold red]{len(report.rejected)}[/] "
        f"in {report.seconds:.1f} s ({report.docs_per_second:.0f} docs/s)",
        highlight=False,
    )
    for rejection in report.rejected[:50]:
        console.print(
            f"  [red]rejected[/] {rejection.origin}: {rejection.reason}", highlight=False, soft_wrap=True
        )
    if len(report.rejected) > 50:
        console.print(f"  … and {len(report.rejected) - 50} more (use --json for all)")


def estimate_total(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, counted cheaply (files, JSON lines); None for URLs."""
    total = 0
    for item in inputs:
        if item.startswith(("http://", "https://")):
            return None
        path = Path(item)
        files = (
            [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path] if path.is_file() else []
        )
        for file in files:
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                with file.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total
