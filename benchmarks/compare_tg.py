"""Dump the comparisons of multi-source stories of the tg-ru-2024 corpus into a file, for judging by reading.

    python -m benchmarks.compare_tg [../shared/corpora/tg-ru-2024/posts.jsonl]
        [--day 2024-12-04 | 2024-0 | 2024-11-26..2024-12-04] [--stories 8] [--out compare_tg.md]

Ingests one day of posts (or the days of a prefix, or a range of days as one stream), with NLP and story
assignment, into a temporary database, takes the stories with the most independent sources, and writes
every difference and every "only in" claim Svodka reports for each, with a blank verdict column to fill in
by reading. The precision figure goes into BENCHMARKS.md only after that reading (``--judged FILE`` reads
the verdicts back: lines starting ``- [x]`` true, ``- [ ]`` false).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks.report import write_judged
from benchmarks.tg_days import DAY_HELP, DEFAULT, day_store, read_posts
from svodka.compare import compare_story, word_vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", nargs="?", default=str(DEFAULT))
    parser.add_argument("--day", default="2024-12-04", help=DAY_HELP)
    parser.add_argument("--stories", type=int, default=8, help="How many stories (0: all of them).")
    parser.add_argument(
        "--differences-only",
        action="store_true",
        help="List only the differences (and the articles of the stories that have some): to judge every "
        "difference of a whole day, where they are too rare in 8 stories to measure precision.",
    )
    parser.add_argument("--out", default="compare_tg.md")
    add_judging(parser)
    args = parser.parse_args()
    if args.judged:
        judge([Path(p) for p in args.judged], args.note)
        return
    lines = [f"# Comparisons of tg-ru-2024 stories, {args.day}", ""]
    with day_store(read_posts(Path(args.posts)), args.day) as store:
        stories = [s for s in store.stories(limit=None) if s.independent >= 2]
        if args.stories:
            stories = stories[: args.stories]
        vectors = word_vectors()
        compared = len(stories)
        if args.differences_only:
            lines += [f"Every multi-source story of the day compared: {compared}.", ""]
        for story in stories:
            result = compare_story(store, story.id, vectors=vectors).to_dict()
            if args.differences_only and not result["differences"]:
                continue
            lines += [f"## {story.title} ({story.id}, {story.independent} sources)", ""]
            lines += ["### differences", ""]
            for d in result["differences"]:  # type: ignore[attr-defined]
                lines.append(f"- [ ] {d['kind']}: {d['about']} — {' | '.join(d['values'])}")
                lines += [f"    - [{c['source']}] {c['text']}" for c in d["claims"]]
            if not args.differences_only:
                lines += ["", "### only in", ""]
                for c in result["only_in"]:  # type: ignore[attr-defined]
                    lines.append(f"- [ ] [{c['source']}] {c['text']}")
            lines += ["", "### the articles", ""]
            for member in store.story(story.id).members:
                article = store.article(member.article_id)
                lines += [
                    f"**{article.source}** ({article.external_id}, {member.role}):",
                    "",
                    article.text,
                    "",
                ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {compared} stories; mark true items with [x], then --judged {args.out}")


def add_judging(parser: argparse.ArgumentParser) -> None:
    """The options that read judged dumps back (``--judged``, ``--note``)."""
    parser.add_argument("--judged", nargs="+", help="Dumps with verdicts filled in: report their precision.")
    parser.add_argument("--note", default="", help="A paragraph to add under the table (with --judged).")


TITLE = "Comparison precision on tg-ru-2024 stories (judged by reading)"


def judge(
    paths: list[Path],
    note: str = "",
    *,
    section: tuple[str, str] = ("compare-tg", TITLE),
    command: str = "python -m benchmarks.compare_tg --judged",
) -> None:
    """Precision of differences and of only-in claims from dumps whose verdicts were filled in by hand."""
    rows = ["| dump | stories | differences true/claimed | precision | only-in true/claimed | precision |"]
    rows.append("|---|---|---|---|---|---|")
    total = {"differences": [0, 0], "only in": [0, 0]}
    all_stories = 0
    for path in paths:
        counts, stories = _count(path)
        all_stories += stories
        for name in total:
            total[name][0] += counts[name][0]
            total[name][1] += counts[name][1]
        rows.append(_row(path.name, stories, counts))
    rows.append(_row("**all**", all_stories, total))
    explanation = (
        "Every item judged by reading the story's articles: a difference is true when the articles really\n"
        "disagree on that detail; an only-in claim is true when no other article of the story states that\n"
        "fact (in any words)."
    )
    write_judged(section, explanation, rows, note, command=command, paths=paths)


def _count(path: Path) -> tuple[dict[str, list[int]], int]:
    counts = {"differences": [0, 0], "only in": [0, 0]}
    stories = 0
    section = ""
    compared = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stories += line.startswith("## ")
        whole_day = re.match(r"Every multi-source story of the day compared: (\d+)", line)
        if whole_day:
            compared = int(whole_day.group(1))  # a --differences-only dump lists only some of them
        if line.startswith("### "):
            section = line[4:].strip()
        match = re.match(r"- \[( |x)\] ", line)
        if match and section in counts:
            counts[section][0] += match.group(1) == "x"
            counts[section][1] += 1
    return counts, compared if compared is not None else stories


def _row(name: str, stories: int, counts: dict[str, list[int]]) -> str:
    cells = []
    for key in ("differences", "only in"):
        ok, claimed = counts[key]
        cells += [f"{ok}/{claimed}", f"{ok / claimed:.2f}" if claimed else "—"]
    return f"| {name} | {stories} | " + " | ".join(cells) + " |"


if __name__ == "__main__":
    main()
