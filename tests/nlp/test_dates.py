"""Dates: each form, relative dates against a base date, and skipped without one."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from svodka.nlp.dates import find_dates

BASE = date(2025, 11, 11)  # a Tuesday


def found(text: str, base: date | None = BASE, lang: str = "ru") -> list[tuple[str, str]]:
    return [(text[d.start : d.stop], d.value) for d in find_dates(text, base, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча прошла 2025-11-11 в Кремле.", [("2025-11-11", "2025-11-11")]),
        ("Документ от 05.03.2024 опубликован.", [("05.03.2024", "2024-03-05")]),
        ("Визит начался 11 ноября.", [("11 ноября", "2025-11-11")]),
        ("Это случилось 11 ноября 2025 года.", [("11 ноября 2025 года", "2025-11-11")]),
        ("Закон принят 5 мая 2020 г. в третьем чтении.", [("5 мая 2020 г.", "2020-05-05")]),
        # an abbreviated month after a day
        ("Сессия открылась 12 дек. 2019 г. в Твери.", [("12 дек. 2019 г.", "2019-12-12")]),
        ("Ярмарку провели 5 окт. на площади.", [("5 окт.", "2025-10-05")]),
        ("Отчёт сдали 3 сент. 2024 года.", [("3 сент. 2024 года", "2024-09-03")]),
        ("Визит пройдёт 11–12 ноября.", [("11", "2025-11-11"), ("12 ноября", "2025-11-12")]),
        ("Ярмарка прошла в начале ноября.", [("в начале ноября", "2025-11")]),
        ("Выборы пройдут в конце декабря 2026 года.", [("в конце декабря 2026 года", "2026-12")]),
        ("Отчёт выйдет в мае.", [("в мае", "2025-05")]),
        ("Школу построили в 2022 году.", [("2022 году", "2022")]),
        ("Сегодня мэр откроет новый мост.", [("Сегодня", "2025-11-11")]),
        ("Делегации встретятся завтра.", [("завтра", "2025-11-12")]),
        ("Вчера он прилетел.", [("Вчера", "2025-11-10")]),
        ("Решение объявят послезавтра.", [("послезавтра", "2025-11-13")]),
        ("Позавчера прошёл митинг.", [("Позавчера", "2025-11-09")]),
        ("Об этом стало известно на прошлой неделе.", [("на прошлой неделе", "2025-11-03")]),
        ("Встреча прошла в понедельник.", [("в понедельник", "2025-11-10")]),
        ("В пятницу будет голосование.", [("В пятницу", "2025-11-14")]),
        # no past-tense word: the nearest Wednesday, tomorrow («вступит» has no future marker word)
        ("Соглашение вступит в силу в среду.", [("в среду", "2025-11-12")]),
        ("Соглашение подписали в среду.", [("в среду", "2025-11-05")]),
        # the clause around the weekday decides, not a past verb elsewhere in the sentence
        ("Совет утвердил новый тариф, он вступит в силу в среду.", [("в среду", "2025-11-12")]),
        # a noun that ends like a past verb («канал») is no past tense; a comma before markup ends a clause
        (
            "Совет утвердил новый тариф, **он вступит в силу в среду,** передает 5-й канал.",
            [("в среду", "2025-11-12")],
        ),
        ("Генерал и журнал в среду.", [("в среду", "2025-11-12")]),
        ("Цены выросли в прошлом году.", [("в прошлом году", "2024")]),
        # a date with no year takes the year that puts it closest to the base date
        ("Это было 30 декабря.", [("30 декабря", "2024-12-30")]),
        ("Нет дат в этом тексте, только 123 рубля и Ту-154.", []),
        ("Мая Плисецкая танцевала.", []),
    ],
)
def test_russian_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, date(2025, 1, 5) if "30 декабря" in text else BASE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visit began on November 11, 2025.", [("November 11, 2025", "2025-11-11")]),
        ("Talks resumed on 11 Nov in Moscow.", [("11 Nov", "2025-11-11")]),
        ("Prices rose in March 2024.", [("March 2024", "2024-03")]),
        ("The bridge was rebuilt in 2022.", [("2022", "2022")]),
        ("He said yesterday that talks would go on.", [("yesterday", "2025-11-10")]),
        ("The delegations meet tomorrow.", [("tomorrow", "2025-11-12")]),
        ("They met last Monday.", [("last Monday", "2025-11-10")]),
        ("They meet next week.", [("next week", "2025-11-17")]),
        ("Officials may ask for more.", []),
    ],
)
def test_english_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang="en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Вчера, 10 ноября 2025 года, и завтра.", "ru", [("10 ноября 2025 года", "2025-11-10")]),
        ("Встреча 11 ноября в понедельник.", "ru", []),
        ("В 2022 году и 2025-11-11.", "ru", [("2022 году", "2022"), ("2025-11-11", "2025-11-11")]),
        ("Yesterday, on November 11, 2025.", "en", [("November 11, 2025", "2025-11-11")]),
    ],
)
def test_without_a_base_date_only_absolute_dates(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, None, lang) == expected


def test_dates_are_in_text_order_and_do_not_overlap() -> None:
    text = "С 11 ноября 2025 года по 2025-12-01, а также в 2026 году."
    dates = find_dates(text, BASE, "ru")
    assert [d.value for d in dates] == ["2025-11-11", "2025-12-01", "2026"]
    assert all(a.stop <= b.start for a, b in itertools.pairwise(dates))
