"""``svodka articles``, ``svodka article ID`` and ``svodka search QUERY``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from svodka.cli.common import DbOption, JsonOption, console, open_db, print_json
from svodka.model import Article, format_published
from svodka.store import ArticleFilter

_LIST_FIELDS = ("id", "external_id", "source", "url", "date", "title", "lang")


def list_fields(article: Article) -> dict[str, object]:
    full = article.to_dict()
    return {key: full[key] for key in _LIST_FIELDS}


def articles_command(
    db: DbOption = "svodka.db",
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    lang: Annotated[str | None, typer.Option(help="Only this language: ru, en, other.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Published on or after (ISO date or datetime, UTC).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Published on or before (ISO date or datetime, UTC).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many (newest first).")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    json_out: JsonOption = False,
) -> None:
    """List stored articles, newest first."""
    where = ArticleFilter(source=source, lang=lang, since=since, until=until)
    with open_db(db) as store:
        items = store.articles(where, limit=limit, offset=offset)
        total = store.count(where)
    if json_out:
        print_json([list_fields(a) for a in items])
        return
    table = Table(title=f"{len(items)} of {total} articles", title_justify="left")
    for name, style in (("id", "dim"), ("date", ""), ("source", "cyan"), ("lang", ""), ("title / text", "")):
        table.add_column(name, style=style, overflow="fold" if name == "title / text" else "ellipsis")
    for a in items:
        table.add_row(a.id, format_published(a.published) or "", a.source or "", a.lang, headline(a))
    console.print(table)


def article_command(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id or external id.")],
    db: DbOption = "svodka.db",
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
) -> None:
    """Show one article: metadata and full text."""
    with open_db(db) as store:
        article = store.article(article_id)
    if json_out:
        print_json(article.to_dict())
        return
    console.print(f"[bold]{article.title or headline(article)}[/]", highlight=False)
    for name, value in (
        ("id", article.id),
        ("external id", article.external_id),
        ("source", article.source),
        ("url", article.url),
        ("date", format_published(article.published)),
        ("language", article.lang),
        ("read from", article.origin),
    ):
        if value:
            console.print(f"[dim]{name}:[/] {value}", highlight=False)
    console.print()
    console.print(article.text, highlight=False, markup=False)


def search_command(
    query: Annotated[str, typer.Argument(help="Words to find, in any form: «Токаева» finds «Токаев».")],
    db: DbOption = "svodka.db",
    limit: Annotated[int, typer.Option(min=1, help="How many hits.")] = 20,
    json_out: JsonOption = False,
) -> None:
    """Full-text search with Russian morphology."""
    with open_db(db) as store:
        hits = store.search(query, limit=limit)
    if json_out:
        print_json(
            [{**list_fields(h.article), "score": round(h.score, 4), "snippet": h.snippet} for h in hits]
        )
        return
    if not hits:
        console.print(f"nothing found for {query!r}")
        return
    for hit in hits:
        a = hit.article
        when = format_published(a.published) or "—"
        console.print(
            f"[bold]{a.title or headline(a)}[/] [dim]{a.id} · {a.source or '—'} · {when}[/]", highlight=False
        )
        console.print("  " + hit.snippet, highlight=False, markup=False)


def headline(article: Article, width: int = 100) -> str:
    if article.title:
        return article.title
    first = article.text.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"
