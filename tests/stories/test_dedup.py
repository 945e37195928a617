"""Copies: MinHash LSH finds near-duplicates, leaves different reports alone, and skips texts too short."""
# ruff: noqa: E501 - parametrized cases read best one a line

from __future__ import annotations

import pytest

from svodka.stories.dedup import CopyFinder, jaccard, shingles, signature

BASE_RU = (
    "Пожар на заводе «Волжские краски» в Дзержинске потушен. Огонь охватил цех на площади 800 квадратных метров, "
    "пострадали 12 рабочих завода. Причины возгорания выясняет прокуратура."
)
BASE_EN = (
    "A fisherman found a steppe bison carcass about 28,000 years old on the Indigirka river bank in Yakutia, scientists "
    "in Yakutsk said. The bison is almost intact: its skin and wool survived in the permafrost."
)


@pytest.mark.parametrize(
    ("original", "copy"),
    [
        (BASE_RU, BASE_RU.replace("Пожар на заводе", "ПОЖАР на заводе") + " Фото: пресс-служба МЧС."),
        (BASE_RU, "Срочно! " + BASE_RU.replace("ё", "е")),
        (BASE_EN, BASE_EN + " Reprinted with permission."),
        (BASE_EN, BASE_EN.replace("scientists in Yakutsk said", "scientists in Yakutsk reported")),
    ],
)
def test_near_duplicates_are_found(original: str, copy: str) -> None:
    finder = CopyFinder()
    sig = signature(original)
    assert sig is not None
    finder.add("a", sig)
    other = signature(copy)
    assert other is not None
    found = finder.similar(other)
    assert [key for key, _ in found] == ["a"]
    assert found[0][1] >= finder.threshold


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (
            BASE_RU,
            "В Дзержинске прокуратура начала проверку завода «Волжские краски» после пожара: министр обещал проверить все заводы региона до конца месяца.",
        ),
        (
            BASE_EN,
            "Scientists in Yakutsk will study the bison found on the Indigirka river next summer, when the ground thaws and more of the skeleton can be dug out.",
        ),
    ],
)
def test_different_reports_are_not_copies(one: str, two: str) -> None:
    a, b = signature(one), signature(two)
    assert a is not None and b is not None
    finder = CopyFinder()
    finder.add("a", a)
    assert finder.similar(b) == []
    assert jaccard(a, b) < 0.3


@pytest.mark.parametrize("text", ["Срочно!", "Breaking news: more soon", "Путин прилетел в Астану"])
def test_short_texts_get_no_signature(text: str) -> None:
    assert signature(text) is None


def test_shingles_ignore_case_yo_and_urls() -> None:
    assert shingles("Ёлка в ЦЕНТРЕ города https://example.com/x") == shingles("елка в центре города")


def test_removed_articles_are_not_found() -> None:
    finder = CopyFinder()
    sig = signature(BASE_EN)
    assert sig is not None
    finder.add("a", sig)
    finder.remove(["a"])
    assert finder.similar(sig) == [] and len(finder) == 0
