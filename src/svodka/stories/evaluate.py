"""The Dialogue-2021 pairwise metric: put a pairs file through the pipeline, score same-story pairs.

Each pair record names two documents (``first_*`` and ``second_*``) and a label, OK (same event) or BAD.
All unique documents go into a temporary store through the normal pipeline; a pair is predicted OK when
both documents land in one story. Reported: precision, recall and F1 of the OK class, per language.
Pair files carry no dates: articles without a date are never split by the time window.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from svodka.errors import BadInput
from svodka.pipeline import Analyzer, IngestOptions, ingest
from svodka.store import Store
from svodka.stories.assign import Clusterer
from svodka.stories.similarity import Settings


@dataclass(frozen=True, slots=True)
class PairScore:
    """Counts and scores of the OK class for one language (or ``all``)."""

    lang: str
    pairs: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "pairs": self.pairs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Pair:
    lang: str
    first: str
    second: str
    same: bool


def read_pairs(path: str | Path) -> list[Pair]:
    """The labelled pairs of a file; documents are named by URL (else by their text)."""
    pairs: list[Pair] = []
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                label = str(record["label"]).upper()
                first = record.get("first_url") or record["first_text"]
                second = record.get("second_url") or record["second_text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise BadInput(
                    f"{path}:{number}: not a pair record ({exc}); see `svodka eval pairs --help`"
                ) from exc
            if label not in ("OK", "BAD"):
                raise BadInput(f"{path}:{number}: label must be OK or BAD, not {label!r}")
            pairs.append(Pair(str(record.get("lang") or "other"), first, second, label == "OK"))
    return pairs


def evaluate_pairs(
    path: str | Path,
    *,
    analyzer: Analyzer | None = None,
    settings: Settings | None = None,
    workdir: str | Path | None = None,
) -> dict[str, PairScore]:
    """Scores per language and ``all``. The temporary store lives in ``workdir`` (default: a temp folder)."""
    pairs = read_pairs(path)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp, Store(Path(tmp) / "pairs.db") as store:
        options = IngestOptions(analyzer=analyzer, clusterer=Clusterer.load(store.conn, settings))
        report = ingest(store, [str(path)], options)
        if report.rejected:
            first = report.rejected[0]
            raise BadInput(f"{len(report.rejected)} documents rejected, e.g. {first.origin}: {first.reason}")
        story: dict[str, str | None] = {}
        for pair in pairs:
            for key in (pair.first, pair.second):
                if key not in story:
                    story[key] = store.story_of(store.article(key).id)
        return score_pairs(pairs, story)


def score_pairs(pairs: list[Pair], story: dict[str, str | None]) -> dict[str, PairScore]:
    """Counts of the OK class given each document's story."""
    counts: dict[str, list[int]] = {}
    for pair in pairs:
        a, b = story.get(pair.first), story.get(pair.second)
        predicted = a is not None and a == b
        for lang in (pair.lang, "all"):
            c = counts.setdefault(lang, [0, 0, 0, 0])
            c[0] += 1
            c[1] += predicted and pair.same
            c[2] += predicted and not pair.same
            c[3] += pair.same and not predicted
    return {lang: PairScore(lang, *c) for lang, c in sorted(counts.items())}
