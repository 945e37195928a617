"""``svodka demo``: the sample corpus that ships with Svodka, ingested and shown."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from svodka.cli.articles import articles_command
from svodka.cli.common import console
from svodka.cli.ingest import _analyzer, print_summary  # the ingest command's NLP set-up
from svodka.cli.stories import stories_command
from svodka.pipeline import IngestOptions, ingest
from svodka.store import Store


def sample_path() -> Path:
    """The folder of sample articles inside the installed package."""
    return Path(str(resources.files("svodka").joinpath("sample", "articles")))


def demo_command(
    db: Annotated[str, typer.Option("--db", help="Database for the demo (recreated).")] = "svodka-demo.db",
    nlp: Annotated[
        bool, typer.Option("--nlp/--no-nlp", help="Analyse the articles (entities, quotes, dates).")
    ] = True,
) -> None:
    """Ingest the shipped sample corpus (about 40 invented articles) into a fresh database and show it."""
    target = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    console.rule("[bold]Svodka demo: the sample corpus")
    console.print(f"reading {sample_path()} into {target}", highlight=False)
    analyzer = _analyzer(0) if nlp else None
    with Store(target) as store:
        report = ingest(store, [str(sample_path())], IngestOptions(analyzer=analyzer))
    print_summary(report)
    articles_command(
        db=str(target), limit=100, source=None, lang=None, since=None, until=None, offset=0, json_out=False
    )
    stories_command(db=str(target), since=None, until=None, lang=None, entity=None, limit=20, json_out=False)
    console.print(f"\nTry: svodka search --db {target} 'губернатор'", highlight=False)
    console.print(f"     svodka story --db {target} ID   (an id from the stories above)", highlight=False)
