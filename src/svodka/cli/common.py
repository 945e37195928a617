"""What every command shares: the --db option, the console, JSON output, and errors → exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from svodka.errors import BadInput, NotFound, StoreError, SvodkaError, UsageError
from svodka.store import DEFAULT_PATH, Store

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite database file (created if missing).", envvar="SVODKA_DB")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON array instead of a table.")]
DEFAULT_DB = DEFAULT_PATH

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Library errors become one red line on stderr and exit code 2."""
    try:
        yield
    except (UsageError, NotFound, StoreError, BadInput) as exc:
        raise fail(str(exc)) from None
    except SvodkaError as exc:
        raise fail(str(exc)) from None


@contextmanager
def open_db(path: str) -> Iterator[Store]:
    with errors_to_exit():
        store = Store(path)
    try:
        with errors_to_exit():
            yield store
    finally:
        store.close()


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
