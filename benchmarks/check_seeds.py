"""The quotes of the two seed articles, checked against the six listed in ../shared/data/compare/README.md.

    python -m benchmarks.check_seeds [../shared/seeds] [--compare ../shared/data/compare/README.md]

Prints every quote found in each seed with its speaker, then, for each quote the README lists (read
from the README at run time: the repository holds no copy), whether a direct quote starting with those
words was found in that article, and with which speaker.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import svodka
from benchmarks.report import write_section

SHARED = Path(__file__).resolve().parents[2] / "shared"
# "`../../seeds/000_39a0068691501367.txt` (A, …"
_SEED = re.compile(r"`[./]*seeds/(?P<file>[^`]+)`\s*\((?P<label>[A-Z])\b")
# "- A: «Сегодня у нас будет возможность…» — Владимир Путин (said "президент РФ")"
_LISTED = re.compile(
    r"^- (?P<label>[A-Z]): [«“„\"](?P<words>[^»”“\"]+?)…?[»”“\"] — (?P<speaker>[^(\n]+?)\s*(?:\(|$)", re.M
)


@dataclass(frozen=True, slots=True)
class Listed:
    label: str
    words: str
    speaker: str


def listed_quotes(readme: str) -> tuple[dict[str, str], list[Listed]]:
    """The seed files by label and the quotes the README lists."""
    seeds = {m["label"]: m["file"] for m in _SEED.finditer(readme)}
    quotes = [Listed(m["label"], m["words"].strip(), m["speaker"].strip()) for m in _LISTED.finditer(readme)]
    return seeds, quotes


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def check(listed: Listed, text: str, quotes: Sequence[dict[str, Any]]) -> tuple[bool, str]:
    """Whether a direct quote of the article starts with the listed words, and who we say said it."""
    for quote in quotes:
        start, stop = quote["parts"][0]
        if quote["kind"] == "direct" and _norm(text[start:stop]).startswith(_norm(listed.words)):
            speaker = quote["speaker"] or "—"
            return _norm(speaker) == _norm(listed.speaker), speaker
    return False, "not found"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=SHARED / "seeds")
    parser.add_argument("--compare", type=Path, default=SHARED / "data" / "compare" / "README.md")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args(argv)

    seeds, listed = listed_quotes(args.compare.read_text(encoding="utf-8"))
    results: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for label, name in sorted(seeds.items()):
        text = (args.seeds / name).read_text(encoding="utf-8")
        found = svodka.extract(text)["quotes"]
        results[label] = (text, found)
        print(f"\n{label}: {name} — {len(found)} quotes")
        for quote in found:
            words = " | ".join(text[a:b] for a, b in quote["parts"])
            span = quote["speaker_span"]
            said = f" (said «{text[span[0] : span[1]]}»)" if span else ""
            print(
                f"  {quote['kind']:8} {quote['speaker'] or '—'} [{quote['speaker_type']}]{said}: {words[:90]}"
            )

    rows = ["| seed | listed quote begins | listed speaker | found | our speaker |", "|---|---|---|---|---|"]
    right = 0
    for item in listed:
        text, found = results[item.label]
        ok, speaker = check(item, text, found)
        right += ok
        begins = " ".join(item.words.split()[:4])
        rows.append(f"| {item.label} | {begins}… | {item.speaker} | {'yes' if ok else 'NO'} | {speaker} |")
    summary = f"{right} of {len(listed)} listed quotes found with the listed speaker."
    body = "\n".join(rows) + f"\n\n{summary} (The list is read from {args.compare} at run time.)"
    print("\n" + body)
    if not args.no_write:
        write_section(
            "seed-quotes",
            "Quotes in the seed articles",
            body,
            command="python -m benchmarks.check_seeds " + " ".join(sys.argv[1:] if argv is None else argv),
        )


if __name__ == "__main__":
    main()
