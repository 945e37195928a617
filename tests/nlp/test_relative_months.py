"""Months placed relative to the article's date: "last August", «в сентябре прошлого года»."""

from __future__ import annotations

from datetime import date

import pytest

from svodka.nlp.dates import find_dates

MARCH = date(2026, 3, 21)
OCTOBER = date(2026, 10, 2)


@pytest.mark.parametrize(
    ("text", "lang", "base", "expected"),
    [
        ("He spotted it last August, near the river.", "en", MARCH, [("last August", "2025-08")]),
        ("He spotted it last August, near the river.", "en", OCTOBER, [("last August", "2026-08")]),
        ("It was found last March.", "en", MARCH, [("last March", "2025-03")]),
        ("It was found in August last year.", "en", MARCH, [("in August last year", "2025-08")]),
        ("It was found in August of last year.", "en", OCTOBER, [("in August of last year", "2025-08")]),
        ("The bridge opens next May.", "en", MARCH, [("next May", "2026-05")]),
        ("The bridge opens next February.", "en", MARCH, [("next February", "2027-02")]),
        ("Prices rose last year.", "en", MARCH, [("last year", "2025")]),
        ("Prices rose this month.", "en", MARCH, [("this month", "2026-03")]),
        (
            "Старый клад рыбаки нашли в сентябре прошлого года.",
            "ru",
            MARCH,
            [("в сентябре прошлого года", "2025-09")],
        ),
        (
            "Мост откроют в конце мая следующего года.",
            "ru",
            MARCH,
            [("в конце мая следующего года", "2027-05")],
        ),
        ("Завод построят в августе этого года.", "ru", MARCH, [("в августе этого года", "2026-08")]),
        ("Мост откроют в мае.", "ru", MARCH, [("в мае", "2026-05")]),
        ("The last report came out in 2024.", "en", MARCH, [("2024", "2024")]),
    ],
)
def test_relative_months(text: str, lang: str, base: date, expected: list[tuple[str, str]]) -> None:
    assert [(text[d.start : d.stop], d.value) for d in find_dates(text, base, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("He spotted it last August.", "en"), ("Старый клад рыбаки нашли в сентябре прошлого года.", "ru")],
)
def test_relative_months_need_a_base_date(text: str, lang: str) -> None:
    assert [d for d in find_dates(text, None, lang) if len(d.value) == 7] == []
