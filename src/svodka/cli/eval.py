"""``svodka eval pairs FILE``: the Dialogue-2021 pairwise metric of story clustering."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from svodka.cli.common import console, errors_to_exit, print_json
from svodka.stories.evaluate import evaluate_pairs

eval_app = typer.Typer(help="Measure Svodka on labelled data.", no_args_is_help=True)


@eval_app.command("pairs")
def pairs_command(
    path: Annotated[
        str,
        typer.Argument(metavar="FILE", help="JSONL of pairs: first_*/second_* documents and label OK/BAD."),
    ],
    nlp: Annotated[
        bool, typer.Option("--nlp/--no-nlp", help="Analyse the documents (entities) first.")
    ] = True,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Put the unique documents through the pipeline into a temporary store; a pair is OK when both land
    in one
    story. Prints precision, recall and F1 of the OK class per language."""
    from svodka.cli.ingest import _analyzer  # shares the ingest command's NLP set-up; loads no model yet

    analyzer = _analyzer(0) if nlp else None
    try:
        with errors_to_exit():
            scores = evaluate_pairs(path, analyzer=analyzer)
    finally:
        if analyzer is not None and hasattr(analyzer, "close"):
            analyzer.close()
    if json_out:
        print_json([s.to_dict() for s in scores.values()])
        return
    table = Table(title=f"OK-class scores of {path}", title_justify="left")
    for name in ("lang", "pairs", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "lang" else "right")
    for s in scores.values():
        table.add_row(s.lang, str(s.pairs), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    console.print(table)
