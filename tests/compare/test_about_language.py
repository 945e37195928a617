"""A difference's ``about`` is in the story's language: Russian when most of its articles are Russian."""

from __future__ import annotations

import re

import pytest
from compare_fixtures import article

from svodka.compare import compare_articles
from svodka.compare.words import lexicon

KINDS = ("place", "number", "date", "person", "order", "speaker", "wording")


def abouts(*pairs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    result = compare_articles([a for a, _ in pairs], [an for _, an in pairs])
    assert all(d.kind in KINDS for d in result.differences)  # the JSON API's enum does not change
    return {d.kind: d.about for d in result.differences}


@pytest.mark.parametrize(
    ("one", "two", "lang", "kind", "expected"),
    [
        (
            "Встреча губернатора с делегацией прошла в резиденции губернатора.",
            "Встреча губернатора с делегацией прошла в здании мэрии.",
            "ru",
            "place",
            ("где",),
        ),
        (
            "The governor met the delegation at the governor's residence.",
            "The governor met the delegation at the city hall.",
            "en",
            "place",
            ("where",),
        ),
        (
            "При пожаре на складе пострадали 12 человек, сообщили спасатели.",
            "При пожаре на складе пострадали 15 человек, сообщили спасатели.",
            "ru",
            "number",
            ("число во фразе «", "пострадали"),
        ),
        (
            "In the warehouse fire 12 people were injured, rescuers said.",
            "In the warehouse fire 15 people were injured, rescuers said.",
            "en",
            "number",
            ("the figure in «", "injured"),
        ),
        (
            "Суд огласил приговор бывшему директору предприятия 11 марта.",
            "Суд огласил приговор бывшему директору предприятия 12 марта.",
            "ru",
            "date",
            ("когда",),
        ),
        (
            "The court sentenced the former director of the plant on March 11.",
            "The court sentenced the former director of the plant on March 12.",
            "en",
            "date",
            ("when",),
        ),
        (
            "После переговоров президенты встретились за чашкой чая.",
            "Президенты выпили чаю, а затем начались переговоры делегаций.",
            "ru",
            "order",
            ("что было раньше:", "переговоры", "неформальная встреча"),
        ),
        (
            "After the talks the presidents met over tea.",
            "The presidents had tea, and then the talks of the delegations began.",
            "en",
            "order",
            ("which came first:", "talks", "informal meeting"),
        ),
    ],
)
def test_about_is_in_the_language_of_the_story(
    one: str, two: str, lang: str, kind: str, expected: tuple[str, ...]
) -> None:
    found = abouts(article(one, source="a", lang=lang), article(two, source="b", lang=lang))
    assert kind in found, found
    assert found[kind].startswith(expected[0])
    assert all(word in found[kind] for word in expected[1:])
    own_words = re.sub(r"«.*»", "", found[kind])  # a quoted stretch of an article is in its own language
    assert bool(re.search("[а-яё]", own_words, re.I)) == (lang == "ru"), found[kind]


RU_FIRE = ("При пожаре на складе пострадали 12 человек, сообщили спасатели.", "ru")
RU_FIRE_2 = ("При пожаре на складе пострадали 15 человек, сообщили спасатели.", "ru")
EN_FIRE = ("In the warehouse fire 15 people were injured, rescuers said.", "en")
EN_FIRE_2 = ("In the warehouse fire 12 people were injured, rescuers said.", "en")


@pytest.mark.parametrize(
    ("texts", "prefix"),
    [
        # most articles Russian: Russian, even with an English one among them
        ((RU_FIRE, RU_FIRE_2, EN_FIRE), "число"),
        # most articles English, or as many of each: English
        ((EN_FIRE, EN_FIRE_2, RU_FIRE), "the figure"),
        ((RU_FIRE, RU_FIRE_2, EN_FIRE, EN_FIRE_2), "the figure"),
    ],
)
def test_the_language_is_that_of_most_articles(texts: tuple[tuple[str, str], ...], prefix: str) -> None:
    pairs = [article(text, source=f"s{i}", lang=lang) for i, (text, lang) in enumerate(texts)]
    found = abouts(*pairs)
    assert found["number"].startswith(prefix), found


def test_every_event_kind_has_a_russian_name() -> None:
    kinds = {k for k in lexicon("events").values() if k != "informal"} | {"informal meeting"}
    names = lexicon("kinds")
    assert kinds <= set(names), kinds - set(names)
    assert all(any("а" <= ch <= "я" for ch in names[k]) for k in kinds)
