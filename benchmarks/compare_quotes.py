"""The same quote across sources, judged by reading: are grouped versions one remark, is a lone one alone?

    python -m benchmarks.compare_quotes [../shared/corpora/tg-ru-2024/posts.jsonl] --day 2024-11-27
        [--stories 15] --out quotes_2024-11-27.md
    python -m benchmarks.compare_quotes --judged quotes_2024-11-27.md … [--note …]

The first form ingests a day of posts (as ``svodka ingest`` does, in a temporary database), takes the
stories in which two or more sources quote someone, and writes for each the quote groups Svodka makes
(the versions of one remark across articles, with each version's speaker) and the quotes it finds in one
article only, each with a box to tick by reading, then the articles. The second form counts the ticks
into BENCHMARKS.md:

- a group is right (``[x]``) when all its versions report one and the same remark, in any words;
- a quote told once is right (``[x]``) when no other article of the story gives that remark; left blank,
  it is a match Svodka missed (or, marked «not a quote», narration taken for someone's words).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks.report import write_judged
from benchmarks.tg_days import DAY_HELP, DEFAULT, day_store, read_posts
from svodka.compare import Comparison, compare_story, word_vectors

TITLE = "Quotes across sources on tg-ru-2024 stories (judged by reading)"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", nargs="?", default=str(DEFAULT))
    parser.add_argument("--day", default="2024-11-27", help=DAY_HELP)
    parser.add_argument("--stories", type=int, default=15, help="How many stories, most sources first.")
    parser.add_argument("--out", default="quotes.md")
    parser.add_argument("--judged", nargs="+", help="Dumps with the boxes ticked: report the counts.")
    parser.add_argument("--note", default="", help="A paragraph to add under the table (with --judged).")
    args = parser.parse_args()
    if args.judged:
        judge([Path(p) for p in args.judged], args.note)
        return
    lines = [
        f"# Quotes across sources, tg-ru-2024, {args.day}",
        "",
        "Tick a group ([x]) when all its versions report one and the same remark (in any words, shortened",
        "or translated); the speakers shown are Svodka's and are not judged here. Tick a quote told once",
        "([x]) when no other article of the story gives that remark; else leave it blank and write after it",
        "« — also in X» with the letter of the article that has it.",
        "",
    ]
    vectors = word_vectors()
    shown = 0
    with day_store(read_posts(Path(args.posts)), args.day) as store:
        for story in (s for s in store.stories(limit=None) if s.independent >= 2):
            comparison = compare_story(store, story.id, vectors=vectors)
            if len({v.doc for group in comparison.quotes for v in group.versions}) < 2:
                continue  # fewer than two articles quote anyone: nothing to match
            lines += _story(story.title, story.id, comparison)
            shown += 1
            if shown == args.stories:
                break
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {shown} stories; tick the boxes, then --judged {args.out}")


def _story(title: str, story_id: str, comparison: Comparison) -> list[str]:
    docs = comparison.docs
    lines = [f"## {title} ({story_id})", "", "### quote groups", ""]
    groups = [g for g in comparison.quotes if len({v.doc for v in g.versions}) > 1]
    singles = [g for g in comparison.quotes if len({v.doc for v in g.versions}) == 1]
    for group in groups:
        lines.append(f"- [ ] {group.match}")
        for span, speaker in zip(group.versions, group.speakers, strict=True):
            text = docs[span.doc].article.text[span.start : span.stop]
            lines.append(f"    - [{LETTERS[span.doc]}] «{text}» — {speaker or 'speaker unknown'}")
    lines += ["", "### quotes told once", ""]
    for group in singles:
        for span, speaker in zip(group.versions, group.speakers, strict=True):
            text = docs[span.doc].article.text[span.start : span.stop]
            lines.append(f"- [ ] [{LETTERS[span.doc]}] «{text}» — {speaker or 'speaker unknown'}")
    lines += ["", "### the articles", ""]
    for doc in docs:
        heading = f"**{LETTERS[doc.index]} — {doc.label}** ({doc.article.external_id}):"
        lines += [heading, "", doc.article.text, ""]
    return lines


def count(path: Path) -> dict[str, int]:
    """Ticked and listed groups and quotes told once in a judged dump."""
    counts = {"groups": 0, "groups right": 0, "once": 0, "once right": 0, "not a quote": 0, "stories": 0}
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        counts["stories"] += line.startswith("## ")
        if line.startswith("### "):
            section = line[4:].strip()
        box = re.match(r"- \[( |x)\] ", line)
        if box and section in ("quote groups", "quotes told once"):
            key = "groups" if section == "quote groups" else "once"
            counts[key] += 1
            counts[key + " right"] += box.group(1) == "x"
            counts["not a quote"] += box.group(1) == " " and "not a quote" in line
    return counts


def judge(paths: list[Path], note: str) -> None:
    rows = [
        "| dump | stories | groups right/made | precision | told once right/listed | missed | not a quote |",
        "|---|---|---|---|---|---|---|",
    ]
    total = dict.fromkeys(("groups", "groups right", "once", "once right", "not a quote", "stories"), 0)
    for path in paths:
        counts = count(path)
        total = {k: total[k] + counts[k] for k in total}
        rows.append(_row(path.name, counts))
    rows.append(_row("**all**", total))
    explanation = (
        "Each quote group (one remark in several articles) and each quote Svodka finds in one article only,\n"
        "judged by reading the story's articles. A group is right when its versions are one remark; a quote\n"
        "told once is right when no other article gives it, else it is a missed match (or, rarely, not a\n"
        "quote at all: narration taken for someone's words)."
    )
    command = "python -m benchmarks.compare_quotes --judged"
    write_judged(("compare-quotes", TITLE), explanation, rows, note, command=command, paths=paths)


def _row(name: str, c: dict[str, int]) -> str:
    precision = f"{c['groups right'] / c['groups']:.2f}" if c["groups"] else "—"
    missed = c["once"] - c["once right"] - c["not a quote"]
    return (
        f"| {name} | {c['stories']} | {c['groups right']}/{c['groups']} | {precision} "
        f"| {c['once right']}/{c['once']} | {missed} | {c['not a quote']} |"
    )


if __name__ == "__main__":
    main()
