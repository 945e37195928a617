"""English sentences are not ended at an abbreviation before a date or a name (our own sentences)."""

from __future__ import annotations

import pytest

from svodka.nlp.english import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The vote is on Dec. 12 in all regions. Mr. Lane said on Oct. 31 it was late.",
            ["The vote is on Dec. 12 in all regions.", "Mr. Lane said on Oct. 31 it was late."],
        ),
        ("Gov. Brown spoke first. Dr. Ames left.", ["Gov. Brown spoke first.", "Dr. Ames left."]),
        # a month at the end of a sentence still ends it
        ("They moved in Dec. Then it rained.", ["They moved in Dec.", "Then it rained."]),
        ("It was 5 p.m. Smith left.", ["It was 5 p.m.", "Smith left."]),
    ],
)
def test_sentences(text: str, expected: list[str], nlp_models) -> None:  # type: ignore[no-untyped-def]
    sentences, _ = segment(text)
    assert [text[s.start : s.stop] for s in sentences] == expected
