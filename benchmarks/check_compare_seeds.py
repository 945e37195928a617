"""What the comparison finds in the two seed reports, checked against ``../shared/data/compare/README.md``.

    python -m benchmarks.check_compare_seeds [../shared/seeds] [--no-write]

Each item of the README's list is looked up in the comparison by words that identify it (the check is
by reading the README; the words are ours). Found or not found is reported as it is. BENCHMARKS.md gets
offsets into the stored texts, not the seeds' words; run with --no-write to read the texts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.report import write_section
from svodka.compare import Comparison, compare_articles, word_vectors
from svodka.ingest.normalize import to_article
from svodka.ingest.sources import read_inputs
from svodka.model import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "seeds"
A, B = "000_39a0068691501367.txt", "004_ba3e2cf52126c75d.txt"

ONLY_A = {
    "Peskov on the Central Asia summit with Trump": "Трамп",
    "Peskov's quote (informing about Washington)": "Вашингтоне",
    "delegations to discuss the agenda tomorrow": "делегаций",
    "a state visit once per term": "один раз",
    "Tokayev re-elected in 2022 for seven years": "2022",
    "Tokayev calls Putin an elder comrade (a year older)": "старшим товарищем",
}
ONLY_B = {
    "declaration on strategic partnership and alliance": "декларации",
    "talks in the Kremlin lasted over two hours": "двух часов",
    "on the eve Tokayev announced stronger ties": "накануне",
    "Putin invited Tokayev to his own home": "личный дом",
}
SHARED = {
    "informal meeting over tea": ("чай", "неформальн"),
    "part of Tokayev's state visit": ("визит",),
    "leaders discuss bilateral relations and plans": ("обсуд",),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(DEFAULT))
    parser.add_argument("--no-write", action="store_true", help="Print only; leave BENCHMARKS.md alone.")
    args = parser.parse_args()
    from svodka.nlp.analyzer import make_analyzer

    articles = [a for a in (to_article(d) for d in read_inputs([args.seeds])) if isinstance(a, Article)]
    comparison = compare_articles(articles, make_analyzer(1).analyse(articles), vectors=word_vectors())
    body = report(comparison)
    print(body)
    if not args.no_write:
        write_section("compare-seeds", "Comparison of the two seed reports", body)


def report(c: Comparison) -> str:
    d = c.to_dict()
    lines = ["| README item | found | where |", "|---|---|---|"]

    def row(item: str, ok: bool, where: str) -> None:
        lines.append(f"| {item} | {'yes' if ok else '**no**'} | {where} |")

    by_kind = {x["kind"]: x for x in d["differences"]}  # type: ignore[union-attr, index]
    for kind, item, words in (
        ("place", "difference: where the tea took place", ("Кремл", "дом")),
        ("order", "difference: order/date of the talks vs the informal meeting", ("завтра", "После")),
    ):
        found = by_kind.get(kind)
        texts = " ".join(x["text"] for x in found["claims"]) if found else ""
        sides = {x["article"] for x in found["claims"]} if found else set()
        ok = bool(found) and sides == {A, B} and all(w in texts for w in words)
        row(item, ok, _spans(found["claims"]) if found else "—")
    for label, expected, table in (("only in A", A, ONLY_A), ("only in B", B, ONLY_B)):
        for item, word in table.items():
            hit = [x for x in d["only_in"] if word in x["text"]]  # type: ignore[union-attr]
            elsewhere = [x for g in d["shared"] for x in g["claims"] if word in x["text"]]  # type: ignore[union-attr]
            elsewhere += [x for x in d["differences"] for x in x["claims"] if word in x["text"]]  # type: ignore[union-attr]
            ok = bool(hit) and all(x["article"] == expected for x in hit)
            where = "only_in" if hit else ("in shared/differences" if elsewhere else "not listed")
            row(f"{label}: {item}", ok, where)
    for item, words in SHARED.items():
        groups = [g for g in d["shared"] if any(w in x["text"] for x in g["claims"] for w in words)]  # type: ignore[union-attr]
        ok = any({x["article"] for x in g["claims"]} == {A, B} for g in groups)
        row(f"shared: {item}", ok, f"{len(groups)} shared group(s) mention it")
    tone = {t["article"]: t for t in d["tone"]}  # type: ignore[union-attr]
    ratio = tone[B]["score"] / tone[A]["score"] if tone[A]["score"] else float("inf")
    row(
        "tone: B clearly above A, with phrases",
        ratio >= 2 and len(tone[B]["evidence"]) >= 3,
        f"A {tone[A]['score']}, B {tone[B]['score']} (×{ratio:.1f}); evidence phrases: A "
        f"{len(tone[A]['evidence'])}, B {len(tone[B]['evidence'])} ({_spans(tone[B]['evidence'])})",
    )
    found = sum(1 for line in lines[2:] if "| yes |" in line)
    lines.append("")
    lines.append(
        f"{found} of {len(lines) - 3} items found. Shared groups in all: {len(d['shared'])}; only-in claims: "
        f"{len(d['only_in'])}; differences claimed: {len(d['differences'])} "
        f"({', '.join(x['kind'] for x in d['differences'])})."  # type: ignore[union-attr]
    )
    lines.append("")
    lines.append(
        "Read with care: the README items are looked up by a word or two of ours, so «found» means a"
        " claim with that word is listed where the README puts the fact. A claim cited in a difference is"
        " listed under only-in as well when no other article states it (A's «завтра … делегаций», B's"
        " «личный дом»). The shared fact «leaders discuss relations and plans» is told in A by the"
        " sentence about tomorrow's talks of the delegations, which the README also counts as only in A;"
        " Svodka keeps that sentence apart from B's «подробно обсудили … сотрудничества» (soft cosine"
        " well below the alignment threshold), so it is reported only-in, not shared."
    )
    return "\n".join(lines)


def _spans(claims: list[dict[str, object]]) -> str:
    """Where, as offsets (the seeds' text stays out of BENCHMARKS.md): ``A 0:170, B 672:810``."""
    return ", ".join(f"{'A' if c['article'] == A else 'B'} {c['start']}:{c['stop']}" for c in claims)


if __name__ == "__main__":
    main()
