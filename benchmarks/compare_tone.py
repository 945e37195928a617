"""Tone per source against a reader's judgement: does Svodka rank a story's posts as a reader does?

    python -m benchmarks.compare_tone [../shared/corpora/tg-ru-2024/posts.jsonl] --day 2024-11-27
        [--stories 12] [--min-sources 3] --out tone_2024-11-27.md
    python -m benchmarks.compare_tone [posts.jsonl] --judged tone_2024-11-27.md … [--note …]

The first form ingests a day of posts (NLP and story assignment, in a temporary database) and writes the
stories with the most independent sources, each post under a letter, with a blank line per post for the
reader's mark — how evaluative and emotional the outlet's own words are, 0 (a neutral report) to 3
(strongly loaded) — and no score of Svodka's, so the reading is blind. The second form reads the marks
back, compares the same posts (analysed again from the corpus) and writes into BENCHMARKS.md:

- pair agreement: over the pairs of posts of one story the reader marked differently, the share Svodka
  orders the same way (a tie in Svodka's scores counts half; 0.5 is chance);
- the most loaded post: in stories whose highest mark only one post has, how often it has Svodka's
  highest score.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import write_judged
from benchmarks.tg_days import DAY_HELP, DEFAULT, day_store, raw, read_posts
from svodka.model import Article

TITLE = "Tone per source against a reader (tg-ru-2024)"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_POST = re.compile(r"^### ([A-Z]) — (.*) \(post (\S+)\)$")
_MARK = re.compile(r"^- ([A-Z]): *([0-3])?\s*(?:—.*)?$")


@dataclass(frozen=True)
class JudgedStory:
    posts: tuple[str, ...]
    """Post ids, in letter order."""
    marks: tuple[int | None, ...]
    """The reader's mark of each post (None: left blank)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", nargs="?", default=str(DEFAULT))
    parser.add_argument("--day", default="2024-11-27", help=DAY_HELP)
    parser.add_argument("--stories", type=int, default=12, help="How many stories, most sources first.")
    parser.add_argument("--min-sources", type=int, default=3, help="Independent sources a story needs.")
    parser.add_argument("--out", default="tone.md")
    parser.add_argument("--judged", nargs="+", help="Dumps with the marks filled in: report the agreement.")
    parser.add_argument("--note", default="", help="A paragraph to add under the table (with --judged).")
    args = parser.parse_args()
    posts = {p["id"]: p for p in read_posts(Path(args.posts))}
    if args.judged:
        judge(posts, [Path(p) for p in args.judged], args.note)
    else:
        dump(posts, args.day, args.stories, args.min_sources, Path(args.out))


def dump(posts: dict[str, dict[str, Any]], day: str, count: int, min_sources: int, out: Path) -> None:
    lines = [
        f"# Tone of tg-ru-2024 stories, {day}",
        "",
        "Mark each post: how evaluative and emotional is the outlet's OWN wording (not the words of",
        "the people it quotes)? Loaded, pejorative or slang words, irony, judgements nobody is credited",
        "with, intensifiers, superlatives, exclamations. 0 = a neutral report, 1 = a little, 2 = clearly,",
        "3 = strongly loaded. Write the digit after the letter in the list under each story («- A: 2»),",
        "and, if you like, the words that decided it after a dash («- A: 2 — …»).",
        "",
    ]
    with day_store(list(posts.values()), day) as store:
        stories = [s for s in store.stories(limit=None) if s.independent >= min_sources][:count]
        for story in stories:
            members = [m for m in store.story(story.id).members if not getattr(m, "copy_of", None)]
            articles = [store.article(m.article_id) for m in members][: len(LETTERS)]
            lines += [f"## {story.title} ({story.id})", ""]
            for letter, article in zip(LETTERS, articles, strict=False):
                heading = f"### {letter} — {article.source} (post {article.external_id})"
                lines += [heading, "", article.text, ""]
            lines += ["#### marks", ""] + [f"- {letter}: " for letter in LETTERS[: len(articles)]] + [""]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}: {len(stories)} stories; fill in the marks, then --judged {out}")


def read_judged(path: Path) -> list[JudgedStory]:
    """The stories of a dump, with the post ids and the marks filled in."""
    found: list[JudgedStory] = []
    ids: list[str] = []
    marks: dict[str, int | None] = {}
    in_marks = False

    def close() -> None:
        if ids:
            found.append(JudgedStory(tuple(ids), tuple(marks.get(k) for k in LETTERS[: len(ids)])))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            close()
            ids, marks, in_marks = [], {}, False
        elif line.startswith("#### marks"):
            in_marks = True
        elif (post := _POST.match(line)) and not in_marks:
            ids.append(post.group(3))
        elif in_marks and (mark := _MARK.match(line.strip())):
            marks[mark.group(1)] = int(mark.group(2)) if mark.group(2) else None
    close()
    return found


def agreement(marks: Sequence[int | None], scores: Sequence[float]) -> tuple[float, int]:
    """Concordant pairs (ties in ``scores`` half) and the pairs the reader marked differently."""
    concordant, pairs = 0.0, 0
    for i in range(len(marks)):
        for j in range(i + 1, len(marks)):
            a, b = marks[i], marks[j]
            if a is None or b is None or a == b:
                continue
            pairs += 1
            if scores[i] == scores[j]:
                concordant += 0.5
            elif (scores[i] > scores[j]) == (a > b):
                concordant += 1
    return concordant, pairs


def top_agrees(marks: Sequence[int | None], scores: Sequence[float]) -> bool | None:
    """Whether the one post the reader marked highest has Svodka's highest score (None: no single top)."""
    known = [m for m in marks if m is not None]
    if not known or known.count(max(known)) > 1:
        return None
    top = marks.index(max(known))
    return all(scores[top] > s for k, s in enumerate(scores) if k != top)


def judge(posts: dict[str, dict[str, Any]], paths: list[Path], note: str) -> None:
    from svodka.compare import compare_articles, word_vectors
    from svodka.ingest.normalize import to_article
    from svodka.nlp.analyzer import make_analyzer

    analyzer, vectors = make_analyzer(1), word_vectors()
    rows = [
        "| dump | stories | posts marked | pairs marked apart | pair agreement | most loaded post found |",
        "|---|---|---|---|---|---|",
    ]
    total = [0, 0, 0.0, 0, 0, 0]  # stories, posts, concordant, pairs, top found, top stories
    for path in paths:
        counts = [0, 0, 0.0, 0, 0, 0]
        for story in read_judged(path):
            articles = [to_article(raw(posts[i])) for i in story.posts]
            kept = [a for a in articles if isinstance(a, Article)]
            if len(kept) != len(articles):
                continue
            tones = compare_articles(kept, analyzer.analyse(kept), vectors=vectors).tone
            scores = [t.score for t in sorted(tones, key=lambda t: t.doc)]
            concordant, pairs = agreement(story.marks, scores)
            top = top_agrees(story.marks, scores)
            marked = sum(m is not None for m in story.marks)
            step = [1, marked, concordant, pairs, top is True, top is not None]
            counts = [c + s for c, s in zip(counts, step, strict=True)]
        total = [t + c for t, c in zip(total, counts, strict=True)]
        rows.append(_row(path.name, counts))
    rows.append(_row("**all**", total))
    explanation = (
        "Each post of a story marked by a reader who had not seen Svodka's scores: how evaluative and\n"
        "emotional the outlet's own words are, 0 (neutral) to 3 (strongly loaded). Pair agreement: of the\n"
        "pairs of posts of one story the reader marked apart, the share Svodka's tone score orders the same\n"
        "way (ties half; chance is 0.5). Most loaded post: in stories where one post has the highest mark,\n"
        "how often it has the highest score."
    )
    command = "python -m benchmarks.compare_tone --judged"
    write_judged(("compare-tone", TITLE), explanation, rows, note, command=command, paths=paths)


def _row(name: str, c: Sequence[float]) -> str:
    stories, posts, concordant, pairs, top, tops = c
    share = f"{concordant / pairs:.2f}" if pairs else "—"
    found = f"{int(top)}/{int(tops)}" if tops else "—"
    return f"| {name} | {int(stories)} | {int(posts)} | {int(pairs)} | {share} | {found} |"


if __name__ == "__main__":
    main()
