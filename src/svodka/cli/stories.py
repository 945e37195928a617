"""``svodka stories`` (the ranked list) and ``svodka story ID`` (members, timeline, entities, quotes)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from svodka.cli.common import DbOption, JsonOption, console, open_db, print_json
from svodka.store import Store
from svodka.store.stories import StoryFilter
from svodka.stories.records import StoryDetail

QUOTES_SHOWN = 20


def stories_command(
    db: DbOption = "svodka.db",
    since: Annotated[str | None, typer.Option(help="Seen on or after (ISO date or datetime, UTC).")] = None,
    until: Annotated[str | None, typer.Option(help="Seen on or before (ISO date or datetime, UTC).")] = None,
    lang: Annotated[str | None, typer.Option(help="Only this language: ru, en.")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only stories about this entity (canonical name).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many (most important first).")] = 20,
    json_out: JsonOption = False,
) -> None:
    """Stories ranked by importance: independent sources, how fast they spread, how recent."""
    where = StoryFilter(since=since, until=until, lang=lang, entity=entity)
    with open_db(db) as store:
        items = store.stories(where, limit=limit)
    if json_out:
        print_json([s.to_dict() for s in items])
        return
    table = Table(title=f"{len(items)} stories", title_justify="left")
    for name, style in (
        ("id", "dim"),
        ("imp.", ""),
        ("arts", ""),
        ("indep.", ""),
        ("first seen", ""),
        ("headline", ""),
    ):
        if name == "headline":
            table.add_column(name, style=style, overflow="fold", ratio=1, min_width=30)
        else:
            table.add_column(name, style=style, no_wrap=True)
    for s in items:
        table.add_row(
            s.id,
            f"{s.importance:.2f}",
            str(s.size),
            str(s.independent),
            (s.first_seen or "—")[:16].replace("T", " "),
            s.title,
        )
    console.print(table)


def story_command(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id (see `svodka stories`).")],
    db: DbOption = "svodka.db",
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
    compare: Annotated[
        bool, typer.Option("--compare", help="How each source tells it: shared, only-in, differences, tone.")
    ] = False,
) -> None:
    """One story: members with sources and times (originals and copies), entities, quotes with speakers."""
    if compare:
        from svodka.cli.compare import story_compare  # the comparison layer loads only when asked for

        with open_db(db) as store:
            story_compare(store, story_id, json_out=json_out)
        return
    with open_db(db) as store:
        view = story_view(store, store.story(story_id))
        # Hook for `--compare` (the comparison layer): add a `compare` flag to this command and, when set,
        # view["comparison"] = svodka.compare.compare_story(store, story_id).to_dict(), rendered below.
    if json_out:
        print_json(view)
        return
    print_story(view)


def story_view(store: Store, detail: StoryDetail) -> dict[str, Any]:
    """The story as ``svodka story --json`` prints it: record, members, timeline, entities, quotes."""
    out = detail.to_dict()
    timeline = sorted(
        (m for m in detail.members if m.published_utc),
        key=lambda m: (m.published_utc or "", m.article_id),
    )
    out["timeline"] = [
        {
            "time": m.published_utc,
            "source": m.source,
            "article_id": m.article_id,
            "role": m.role,
            "headline": m.headline,
        }
        for m in timeline
    ]
    quotes: list[dict[str, Any]] = []
    for member in detail.members:
        analysis = store.analysis(member.article_id)
        if analysis is None or not analysis.quotes:
            continue
        text = store.article(member.article_id).text
        for quote in analysis.quotes:
            quotes.append(
                {
                    "article_id": member.article_id,
                    "source": member.source,
                    "speaker": quote.speaker,
                    "speaker_type": quote.speaker_type,
                    "kind": quote.kind,
                    "text": " … ".join(text[a:b] for a, b in quote.parts),
                }
            )
    out["quotes"] = quotes
    return out


def print_story(view: dict[str, Any]) -> None:
    console.print(f"[bold]{view['title']}[/]", highlight=False)
    console.print(
        f"[dim]{view['id']} · {view['lang']} · {view['size']} articles, "
        f"{view['independent_sources']} independent sources · "
        f"{view['first_seen'] or '—'} → {view['last_seen'] or '—'} · importance {view['importance']}[/]",
        highlight=False,
    )
    if view["entities"]:
        console.print("[dim]entities:[/] " + ", ".join(view["entities"]), highlight=False)
    table = Table(title="members (timeline)", title_justify="left")
    for name in ("published", "source", "role", "article", "headline"):
        table.add_column(name, overflow="fold" if name == "headline" else "ellipsis")
    for m in view["members"]:
        role = m["role"] if m["role"] == "original" else f"copy of {m['copy_of']}"
        table.add_row(
            m["published"] or "—",
            m["source"] or "—",
            role,
            m["external_id"] or m["article_id"],
            m["headline"],
        )
    console.print(table)
    if view["quotes"]:
        console.print("[bold]quotes[/]")
        for q in view["quotes"][:QUOTES_SHOWN]:
            who = q["speaker"] or "(speaker unknown)"
            console.print(
                f"  [cyan]{who}[/] [dim]({q['source'] or '—'}, {q['kind']})[/]: «{q['text']}»",
                highlight=False,
            )
        if len(view["quotes"]) > QUOTES_SHOWN:
            console.print(f"  … and {len(view['quotes']) - QUOTES_SHOWN} more (use --json for all)")
