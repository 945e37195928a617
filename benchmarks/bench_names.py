"""Canonical names of people on factRuEval-2016: ours against the ``.coref`` firstname + lastname.

    python -m benchmarks.bench_names [../shared/data/factru]

For each Person entity of the corpus that has both a first name and a last name, the entity our linker
gave to the mentions covering its spans (the one most of them got) must be named "Имя Фамилия" equal to
the corpus's firstname + lastname (compared lowercased, ё as е). A person none of whose mentions we found
counts as wrong; the accuracy over the persons we found is shown beside.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from benchmarks.factru import DEFAULT_PATH, load_persons
from benchmarks.report import write_section
from svodka.nlp.entities import find_mentions
from svodka.nlp.lexicon import fold
from svodka.nlp.linking import link
from svodka.nlp.natasha_adapter import Models, parse

TARGET = 0.95


def main(root: Path = DEFAULT_PATH) -> str:
    models = Models().warm()
    total = found = right = 0
    wrong: Counter[str] = Counter()
    for _doc_id, text, persons in load_persons(root):
        if not persons:
            continue
        # Entities only (parse → mentions → linking), as analyse_text does them, without quotes and dates.
        mentions, entities = link(find_mentions(text, parse(text, models), models))
        names = {e.key: e.name for e in entities}
        people = [m for m in mentions if m.type == "PER" and not m.role]
        for person in persons:
            total += 1
            votes: Counter[str] = Counter()
            for start, stop in person.spans:
                for m in people:
                    if m.start < stop and start < m.stop:
                        votes[m.entity] += 1
            if not votes:
                continue
            found += 1
            ours = names[votes.most_common(1)[0][0]]
            gold = f"{person.firstname} {person.lastname}"
            if fold(ours) == fold(gold):
                right += 1
            elif len(wrong) < 10_000:
                wrong[f"{gold} → {ours}"] += 1
    accuracy = right / total if total else 0.0
    examples = "\n".join(
        f"- {pair}" for pair, _ in wrong.most_common(int(__import__("os").environ.get("SHOW", "15")))
    )
    return (
        f"{total} Person entities with first and last names (dev + test).\n\n"
        f"| measure | value |\n|---|---|\n"
        f"| accuracy over all persons | {accuracy:.3f} ({right}/{total}) |\n"
        f"| persons whose mentions we found | {found} |\n"
        f"| accuracy over found persons | {right / found if found else 0:.3f} |\n\n"
        f"Target ≥ {TARGET:.2f}: {'met' if accuracy >= TARGET else 'NOT met'}.\n\n"
        f"Some mismatches (gold → ours):\n{examples}\n"
    )


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    body = main(path)
    print(body)
    write_section("nlp-names", "Canonical names of people (factRuEval-2016 .coref)", body)
