"""The ``svodka`` command line. Each command lives in its own module and only parses arguments."""

from __future__ import annotations

import logging

import typer

from svodka.cli.analyze import analyze_command
from svodka.cli.articles import article_command, articles_command, search_command
from svodka.cli.compare import compare_command
from svodka.cli.demo import demo_command
from svodka.cli.eval import eval_app
from svodka.cli.extract import extract_command
from svodka.cli.ingest import ingest_command
from svodka.cli.serve import serve_command
from svodka.cli.stories import stories_command, story_command
from svodka.cli.watch import watch_command

app = typer.Typer(
    name="svodka",
    help="Svodka: news articles → stories, entities, quotes and how each source tells it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("ingest")(ingest_command)
app.command("articles")(articles_command)
app.command("article")(article_command)
app.command("search")(search_command)
app.command("demo")(demo_command)
app.command("serve")(serve_command)
app.command("analyze")(analyze_command)
app.command("extract")(extract_command)
app.command("watch")(watch_command)
app.command("compare")(compare_command)
app.command("stories")(stories_command)
app.command("story")(story_command)
app.add_typer(eval_app, name="eval")


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens (to stderr)."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    app()
