"""``svodka extract FILE...``: entities, quotes and dates of text files as JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer

from svodka.cli.common import EXIT_OK, EXIT_REJECTED, err_console, errors_to_exit
from svodka.errors import BadInput, UsageError


def extract_command(
    files: Annotated[list[str], typer.Argument(help="Text files (any common encoding).", show_default=False)],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One compact JSON object a line (else indented).")
    ] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="ru or en (default: detected per file).")] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="The texts' date (ISO), for 'вчера', '11 ноября'.")
    ] = None,
) -> None:
    """Print one JSON object per file: {path, lang, entities, quotes, dates}, offsets into the file's text.

    Exit code 0 when every file was read, 1 when some could not be (each says why on stderr).
    """
    from svodka.nlp.extract import extract_file

    with errors_to_exit():
        when = _parse_date(on)
    failed = 0
    for path in files:
        try:
            record = extract_file(path, lang, when)
        except BadInput as exc:
            err_console.print(f"[red]rejected[/] {exc}", highlight=False, soft_wrap=True)
            failed += 1
            continue
        if jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(EXIT_REJECTED if failed else EXIT_OK)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise UsageError(f"--date {value!r} is not an ISO date (like 2025-11-11)") from exc
