"""Venues named by institution nouns («в мэрии», "at City Hall") as places of one event."""
# ruff: noqa: E501 - parametrized cases read best one a line

from __future__ import annotations

import pytest
from compare_fixtures import article

from svodka.compare import compare_articles


def places(one: str, two: str, lang: str) -> list[tuple[str, ...]]:
    result = compare_articles(
        *zip(article(one, source="a", lang=lang), article(two, source="b", lang=lang), strict=True)
    )
    return [d.values for d in result.differences if d.kind == "place"]


@pytest.mark.parametrize(
    ("one", "two", "lang", "expected"),
    [
        (
            "Мэр Новосибирска и губернатор встретились 10 марта в мэрии Новосибирска, чтобы обсудить мост.",
            "Губернатор и мэр Новосибирска встретились 10 марта в загородной резиденции губернатора под Томском, чтобы обсудить мост.",
            "ru",
            [("a: в мэрии Новосибирска", "b: в загородной резиденции")],
        ),
        (
            "Переговоры делегаций прошли в ратуше Выборга.",
            "Переговоры делегаций прошли в здании областного правительства.",
            "ru",
            [("a: в ратуше Выборга", "b: в здании")],
        ),
        (
            "The mayor and the governor met on Tuesday at the city hall to discuss the bridge.",
            "The governor and the mayor met on Tuesday at the governor's country residence to discuss the bridge.",
            "en",
            [("a: at the city hall", "b: at the governor's country residence")],
        ),
        # one building told two ways: not a difference
        ("Встреча прошла в мэрии Новосибирска.", "Встреча прошла в здании мэрии.", "ru", []),
        (
            "The meeting took place at the city hall.",
            "The meeting took place in the city hall building.",
            "en",
            [],
        ),
        # two places of two different events: not a difference
        ("Встреча прошла в мэрии Новосибирска.", "Пожар начался в резиденции губернатора.", "ru", []),
    ],
)
def test_a_city_hall_is_a_venue(one: str, two: str, lang: str, expected: list[tuple[str, ...]]) -> None:
    assert places(one, two, lang) == expected
