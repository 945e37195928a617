"""``svodka compare FILE FILE...`` and the ``--compare`` view of ``svodka story ID``.

Only argument parsing and rendering live here; the comparison is ``svodka.compare``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from svodka.cli.common import console, errors_to_exit, fail, print_json
from svodka.compare import Comparison, Span, compare_articles, compare_story, word_vectors
from svodka.compare.tone import relative
from svodka.ingest.normalize import to_article
from svodka.ingest.sources import read_inputs
from svodka.model import Article, Rejection
from svodka.store import Store

_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")


def compare_command(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="Articles to compare (files or folders).")
    ],
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Compare how several articles tell one story: shared facts, facts only one has, differences, tone."""
    from svodka.nlp.analyzer import make_analyzer

    articles: list[Article] = []
    for item in read_inputs(files):
        result = item if isinstance(item, Rejection) else to_article(item)
        if isinstance(result, Rejection):
            raise fail(f"{result.origin}: {result.reason}")
        articles.append(result)
    if len(articles) < 2:
        raise fail("give at least two articles to compare")
    with errors_to_exit():
        analyzer = make_analyzer(1)
        analyses = analyzer.analyse(articles)
        comparison = compare_articles(articles, analyses, vectors=word_vectors())
    show(comparison, json_out=json_out)


def story_compare(store: Store, story_id: str, *, json_out: bool) -> None:
    """The ``--compare`` hook of ``svodka story ID``."""
    with errors_to_exit():
        comparison = compare_story(store, story_id, vectors=word_vectors())
    show(comparison, json_out=json_out)


def show(comparison: Comparison, *, json_out: bool, out: Console | None = None) -> None:
    if json_out:
        print_json(comparison.to_dict())
        return
    render(comparison, out or console)


def render(comparison: Comparison, out: Console) -> None:
    """Sections: sources, summary, timeline, differences, shared, only in, quotes, tone."""
    colour = {d.label: _COLOURS[i % len(_COLOURS)] for i, d in enumerate(comparison.docs)}

    def badge(span: Span) -> Text:
        label = comparison.docs[span.doc].label
        return Text(f" {label} ", style=f"bold black on {colour[label]}")

    def quoted(span: Span, limit: int = 240) -> Text:
        text = comparison.docs[span.doc].text(span.start, span.stop).replace("\n", " ")
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return Text.assemble(
            badge(span), " «", (text, "italic"), "»", (f"  [{span.start}:{span.stop}]", "dim")
        )

    def section(title: str, count: int | None = None) -> None:
        out.print()
        out.rule(f"[bold]{title}" + (f" ({count})" if count is not None else ""), align="left")

    title = f"story {comparison.story}" if comparison.story else "comparison"
    out.rule(f"[bold]{title}: {len(comparison.docs)} articles")
    out.print(
        Text("sources: ").append_text(
            Text(" ").join(Text(f" {s} ", style=f"bold black on {colour[s]}") for s in comparison.sources)
        )
    )
    section("summary")
    out.print(comparison.summary_text(), highlight=False)
    section("timeline", len(comparison.timeline))
    for entry in comparison.timeline:
        sources = Text(" ").join(badge(s) for s in dict.fromkeys(_first_per_doc(entry.claims)))
        out.print(Text.assemble((entry.date, "bold"), "  ", sources))
        out.print(
            Text("   " + comparison.docs[entry.text.doc].text(entry.text.start, entry.text.stop)),
            highlight=False,
        )
    section("differences", len(comparison.differences))
    for difference in comparison.differences:
        out.print(Text.assemble((difference.kind.upper(), "bold red"), "  ", difference.about))
        for value in difference.values:
            out.print(Text("   • " + value, style="yellow"), highlight=False)
        for span in difference.spans:
            out.print(Text("     ").append_text(quoted(span)))
    section("reported by several sources", len(comparison.shared))
    for group in comparison.shared:
        out.print(Text("• ").append_text(quoted(group[0])))
        for span in group[1:]:
            out.print(Text("  ").append_text(quoted(span)))
    section("reported by one source only", len(comparison.only_in))
    for span in comparison.only_in:
        out.print(Text("• ").append_text(quoted(span)))
    section("quotes", len(comparison.quotes))
    for quote in comparison.quotes:
        how = f" — {quote.match}" if quote.match != "single" else ""
        out.print(Text.assemble((quote.speaker or "speaker unknown", "bold"), (how, "dim")))
        for span in quote.versions:
            out.print(Text("   ").append_text(quoted(span)))
    section("tone (evaluative words per 100 of the outlet's own words)")
    for tone in sorted(comparison.tone, key=lambda t: -t.score):
        doc = comparison.docs[tone.doc]
        out.print(
            Text.assemble(
                (f" {doc.label} ", f"bold black on {colour[doc.label]}"),
                f"  {tone.score:.2f}  (×{relative(tone, comparison.tone):.2f} of the story's mean)",
            )
        )
        phrases = [doc.text(s.start, s.stop) for s in tone.evidence]
        if phrases:
            out.print(Text("   " + "; ".join(f"«{p}»" for p in phrases), style="italic"), highlight=False)


def _first_per_doc(spans: tuple[Span, ...]) -> list[Span]:
    seen: dict[int, Span] = {}
    for span in spans:
        seen.setdefault(span.doc, span)
    return list(seen.values())
