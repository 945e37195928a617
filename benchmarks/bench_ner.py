"""NER on factRuEval-2016 (dev + test): naeval's token-level F1 per type, beside bare slovnet (same run).

    python -m benchmarks.bench_ner [../shared/data/factru]

Each of our corrections to slovnet's output (``svodka.nlp.entities.Options``) is also switched off one at a
time, so that the table shows what each contributes. Role mentions ("президент РФ") are not names and are
left out of the comparison, as the corpus does not mark them.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

from benchmarks.factru import DEFAULT_PATH, TYPES, Scores, load_jsonl
from benchmarks.report import write_section
from svodka.nlp.entities import DEFAULT, Options, find_mentions
from svodka.nlp.natasha_adapter import Models, bare_ner, parse

PUBLISHED = {
    "slovnet (published)": (0.959, 0.915, 0.825),
    "slovnet_bert (published, GPU)": (0.973, 0.928, 0.831),
}
TARGET = (0.975, 0.930, 0.850)


def main(root: Path = DEFAULT_PATH) -> str:
    docs = load_jsonl(root)
    models = Models().warm()
    variants: dict[str, Options] = {"svodka (all corrections)": DEFAULT}
    for flag in (
        "clean_spans",
        "type_fixes",
        "drop_common",
        "propagate",
        "first_names",
        "surnames",
        "split_cases",
        "abbreviations",
        "quoted_orgs",
    ):
        if hasattr(DEFAULT, flag):
            variants[f"svodka without {flag}"] = dataclasses.replace(DEFAULT, **{flag: False})
    scores = {"bare slovnet (this run)": Scores(), **{name: Scores() for name in variants}}
    started = time.perf_counter()
    for doc in docs:
        gold = doc.spans
        scores["bare slovnet (this run)"].add(doc.text, bare_ner(doc.text, models), gold)
        parsed = parse(doc.text, models)
        for name, options in variants.items():
            found = [
                (c.start, c.stop, c.type)
                for c in find_mentions(doc.text, parsed, models, options)
                if not c.role
            ]
            scores[name].add(doc.text, found, gold)
    seconds = time.perf_counter() - started
    rows = [
        "| system | PER F1 | LOC F1 | ORG F1 | P/R PER | P/R LOC | P/R ORG |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, (per, loc, org) in PUBLISHED.items():
        rows.append(f"| {name} | {per:.3f} | {loc:.3f} | {org:.3f} | | | |")
    for name, score in scores.items():
        f1 = " | ".join(f"{score.by_type[t].f1:.3f}" for t in TYPES)
        pr = " | ".join(f"{score.by_type[t].precision:.3f}/{score.by_type[t].recall:.3f}" for t in TYPES)
        rows.append(f"| {name} | {f1} | {pr} |")
    ours = scores["svodka (all corrections)"].by_type
    verdict = ", ".join(
        f"{t} {ours[t].f1:.3f} vs ≥ {target:.3f}: {'met' if ours[t].f1 >= target else 'NOT met'}"
        for t, target in zip(TYPES, TARGET, strict=True)
    )
    body = (
        f"{len(docs)} documents (dev + test), token-level F1 per type; {seconds:.0f} s for all runs.\n\n"
        + "\n".join(rows)
        + f"\n\nTargets: {verdict}.\n"
    )
    return body


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    text = main(path)
    print(text)
    write_section("nlp-ner", "NER on factRuEval-2016 (PER / LOC / ORG)", text)
