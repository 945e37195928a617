"""The interface's language choice, plurals and dates."""

from __future__ import annotations

import pytest

from svodka.web.i18n import UI, format_when, pick_lang, plural


@pytest.mark.parametrize(
    ("query", "cookie", "lang"),
    [
        (None, None, "ru"),
        ("en", None, "en"),
        (None, "en", "en"),
        ("ru", "en", "ru"),
        ("xx", "en", "en"),
        ("<b>", None, "ru"),
    ],
)
def test_pick_lang(query: str | None, cookie: str | None, lang: str) -> None:
    assert pick_lang(query, cookie) == lang


@pytest.mark.parametrize(
    ("count", "lang", "word"),
    [
        (1, "ru", "источник"), (2, "ru", "источника"), (5, "ru", "источников"), (11, "ru", "источников"),
        (21, "ru", "источник"), (22, "ru", "источника"), (112, "ru", "источников"), (0, "ru", "источников"),
        (1, "en", "source"), (2, "en", "sources"), (0, "en", "sources"),
    ],
)  # fmt: skip
def test_plural(count: int, lang: str, word: str) -> None:
    assert plural(count, "sources", lang) == word


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        ("2025-11-11", "ru", "11 ноября 2025"),
        ("2025-11-11T06:30:00Z", "ru", "11 ноября 2025, 09:30"),  # shown in Moscow time
        ("2025-11-11T09:30:00+03:00", "en", "11 Nov 2025, 09:30 MSK"),
        ("2025-11-11T00:00:00Z", "ru", "11 ноября 2025"),  # a bare date stored as midnight
        ("2025-09", "ru", "сентябрь 2025"),
        ("2025-09", "en", "Sep 2025"),
        ("2025", "ru", "2025"),
        ("not a date", "ru", "not a date"),
        (None, "ru", ""),
    ],
)
def test_format_when(value: str | None, lang: str, text: str) -> None:
    assert format_when(value, lang) == text


def test_both_languages_have_every_string() -> None:
    assert set(UI["ru"]) == set(UI["en"])
