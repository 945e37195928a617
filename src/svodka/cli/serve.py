"""``svodka serve``: the web UI and the HTTP API over a database."""

from __future__ import annotations

from typing import Annotated

import typer

from svodka.cli.common import DbOption, console, errors_to_exit
from svodka.pipeline import Analyzer


def serve_command(
    db: DbOption = "svodka.db",
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="SVODKA_TOKEN",
            help="Bearer token for the write endpoints (POST/DELETE /api/articles); without it they are off.",
            show_default=False,
        ),
    ] = None,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Analyse articles posted to the API.")] = True,
) -> None:
    """Serve the web UI and the JSON API (schema at /openapi.json) until Ctrl-C."""
    from svodka.web.app import create_app, serve

    with errors_to_exit():
        create_app(db).state.web.close()  # fail now, with a clear message, on a bad database
    analyzer = _analyzer() if nlp else None
    url = f"http://{_display(host)}:{port}/"
    console.print(f"Svodka is serving {db} at {url}  (Ctrl-C stops)", highlight=False, markup=False)
    if token:
        console.print("write endpoints: on (Authorization: Bearer …)", highlight=False)
    serve(db, host=host, port=port, token=token, analyzer=analyzer)


def _analyzer() -> Analyzer | None:
    # The NLP layer plugs in here, as in `svodka ingest`; one process: the server handles requests in threads.
    try:
        from svodka.nlp.analyzer import make_analyzer
    except ImportError:
        return None
    return make_analyzer(workers=1)


def _display(host: str) -> str:
    return f"[{host}]" if ":" in host else host
