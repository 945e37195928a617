"""The pairwise metric itself: per-language precision, recall and F1 for the pairs labelled OK."""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.errors import BadInput
from svodka.stories.evaluate import Pair, read_pairs, score_pairs


def test_counts_per_language_and_all() -> None:
    pairs = [
        Pair("ru", "a", "b", True),  # same story: tp
        Pair("ru", "a", "c", False),  # same story: fp
        Pair("ru", "d", "e", True),  # apart: fn
        Pair("en", "x", "y", False),  # apart: tn
    ]
    stories = {"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s3", "x": "s4", "y": "s5"}
    scores = score_pairs(pairs, stories)  # type: ignore[arg-type]
    ru = scores["ru"]
    assert (ru.tp, ru.fp, ru.fn) == (1, 1, 1)
    assert (
        ru.precision == pytest.approx(0.5) and ru.recall == pytest.approx(0.5) and ru.f1 == pytest.approx(0.5)
    )
    assert scores["en"].f1 == 0.0 and scores["all"].pairs == 4


def test_documents_without_a_story_are_never_together() -> None:
    scores = score_pairs([Pair("ru", "a", "b", True)], {"a": None, "b": None})
    assert scores["ru"].tp == 0 and scores["ru"].fn == 1


@pytest.mark.parametrize(
    "line", ['{"label": "OK"}', '{"label": "MAYBE", "first_text": "a", "second_text": "b"}', "not json"]
)
def test_bad_pair_files_say_why(tmp_path: Path, line: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match=r"p\.jsonl:1"):
        read_pairs(path)
