"""Reading factRuEval-2016 (the shared copy) and naeval's token-level NER metric, for the NLP benchmarks.

The metric follows naeval (``naeval/ner/score.py``): razdel tokens, each tagged I-TYPE when a span of that
type covers it, F1 per type over tokens, summed over all documents (dev and test together).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from razdel import tokenize

TYPES = ("PER", "LOC", "ORG")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "factru"


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass(slots=True)
class Score:
    pred_total: int = 0
    pred_correct: int = 0
    gold_total: int = 0
    gold_correct: int = 0

    @property
    def precision(self) -> float:
        return self.pred_correct / self.pred_total if self.pred_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_correct / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})

    def add(
        self, text: str, pred: Iterable[tuple[int, int, str]], gold: Iterable[tuple[int, int, str]]
    ) -> None:
        tokens = [(t.start, t.stop) for t in tokenize(text)]
        pred_list, gold_list = list(pred), list(gold)
        for kind in TYPES:
            p_tags = _io(tokens, sorted((s, e) for s, e, t in pred_list if t == kind))
            g_tags = _io(tokens, sorted((s, e) for s, e, t in gold_list if t == kind))
            score = self.by_type[kind]
            for p, g in zip(p_tags, g_tags, strict=True):
                score.pred_total += p
                score.gold_total += g
                score.pred_correct += p and g
                score.gold_correct += p and g


def _io(tokens: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[bool]:
    """naeval's ``spans_io``: a token is inside once it starts at or after the span start (quirks kept)."""
    tags = []
    queue = iter(spans)
    span = next(queue, None)
    for start, stop in tokens:
        inside = False
        if span is not None:
            if start >= span[0]:
                inside = True
            if stop >= span[1]:
                span = next(queue, None)
        tags.append(inside)
    return tags


def load_jsonl(root: Path) -> list[Document]:
    """Dev and test sets as naeval projects them (``jsonl/``)."""
    docs = []
    for part in ("devset", "testset"):
        path = root / "jsonl" / f"factru_{part}_per_loc_org.jsonl"
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                spans = tuple((s["start"], s["stop"], s["type"]) for s in record["spans"])
                docs.append(Document(record["id"], record["text"], spans))
    return docs


@dataclass(frozen=True, slots=True)
class Person:
    """A factRuEval Person entity: its mentions' character spans and its normalized name parts."""

    spans: tuple[tuple[int, int], ...]
    firstname: str
    lastname: str


def load_persons(root: Path) -> Iterator[tuple[str, str, list[Person]]]:
    """(doc id, text, persons with both a first name and a last name) for every document of both sets."""
    for part in ("devset", "testset"):
        for txt in sorted((root / part).glob("book_*.txt")):
            base = txt.with_suffix("")
            text = txt.read_text(encoding="utf-8")
            spans = _read_spans(base.with_suffix(".spans"))
            objects = _read_objects(base.with_suffix(".objects"))
            persons = []
            for mention_ids, values in _read_coref(base.with_suffix(".coref")):
                first, last = values.get("firstname"), values.get("lastname")
                if not first or not last:
                    continue
                covered = []
                for mention in mention_ids:
                    kind, span_ids = objects.get(mention, ("", []))
                    if kind != "Person":
                        continue
                    bounds = [spans[s] for s in span_ids if s in spans]
                    if bounds:
                        covered.append((min(b[0] for b in bounds), max(b[1] for b in bounds)))
                if covered:
                    persons.append(Person(tuple(covered), first, last))
            yield base.name, text, persons


def _read_spans(path: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            found[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    return found


def _read_objects(path: Path) -> dict[str, tuple[str, list[str]]]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        head = line.split("#", 1)[0].split()
        if len(head) >= 3:
            found[head[0]] = (head[1], head[2:])
    return found


def _read_coref(path: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    block: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            ids = block[0].split()[1:]
            values = {}
            for row in block[1:]:
                key, _, value = row.partition(" ")
                values[key] = value.strip()
            yield ids, values
        block = []
