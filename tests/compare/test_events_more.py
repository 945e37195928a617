"""Events ranked by an ordinal («первым отличился», «счёт открыл», "scored first") and events dated by a
date written beside them («обнаружили в сентябре 2025 года», "found last August"), across articles."""

from __future__ import annotations

import pytest
from compare_fixtures import article

from svodka.compare import compare_articles
from svodka.compare.claims import build_docs
from svodka.compare.events import find_events


def compare(*pairs):  # type: ignore[no-untyped-def]
    return compare_articles([a for a, _ in pairs], [an for _, an in pairs])


def of_kind(comparison, kind: str) -> list:  # type: ignore[no-untyped-def]
    return [d for d in comparison.differences if d.kind == kind]


PETROV = ("Иван Петров", "PER", "Иван Петров")
SIDOROV = ("Олег Сидоров", "PER", "Олег Сидоров")
PETROV_EN = ("Ivan Petrov", "PER", "Ivan Petrov")
SIDOROV_EN = ("Oleg Sidorov", "PER", "Oleg Sidorov")


@pytest.mark.parametrize(
    ("text", "lang", "rank"),
    [
        ("Счёт открыл нападающий «Севера» Иван Петров.", "ru", "first"),
        ("Первым отличился форвард «Юга» Иван Петров.", "ru", "first"),
        ("Первый гол забил Иван Петров.", "ru", "first"),
        ("Последний гол забил Иван Петров.", "ru", "last"),
        ("Иван Петров забил два гола.", "ru", None),
        ("Ivan Petrov opened the scoring for the visitors.", "en", "first"),
        ("Ivan Petrov scored first for the visitors.", "en", "first"),
        ("Ivan Petrov scored the last goal.", "en", "last"),
        ("Ivan Petrov scored twice.", "en", None),
        ("Ivan Petrov scored last Monday.", "en", None),  # "last" after the word is a date
    ],
)
def test_an_ordinal_ranks_the_event_beside_it(text: str, lang: str, rank: str | None) -> None:
    mention = PETROV if lang == "ru" else PETROV_EN
    docs = build_docs(*zip(article(text, source="a", lang=lang, mentions=[mention]), strict=True))
    goals = [e for e in find_events(docs[0]) if e.kind == "goal"]
    assert [e.rank for e in goals] == [rank]
    if rank:
        assert goals[0].agents == {"PER:петров" if lang == "ru" else "PER:petrov"}


@pytest.mark.parametrize(
    ("one", "two", "lang", "mentions", "expected"),
    [
        # two people named as the first to score, one article knowing both: one of the reports is wrong
        (
            "Счёт открыл нападающий «Севера» Иван Петров. У «Юга» дважды забил Олег Сидоров.",
            "Первым отличился форвард «Юга» Олег Сидоров, который забил дважды.",
            "ru",
            ([PETROV, SIDOROV], [SIDOROV]),
            ["order"],
        ),
        (
            "Ivan Petrov opened the scoring in the fifth minute. Oleg Sidorov scored twice for the hosts.",
            "Oleg Sidorov scored first for the hosts.",
            "en",
            ([PETROV_EN, SIDOROV_EN], [SIDOROV_EN]),
            ["order"],
        ),
        # neither knows the other's scorer: perhaps two matches
        ("Счёт открыл Иван Петров.", "Первым отличился Олег Сидоров.", "ru", ([PETROV], [SIDOROV]), []),
        (
            "Ivan Petrov opened the scoring.",
            "Oleg Sidorov scored first.",
            "en",
            ([PETROV_EN], [SIDOROV_EN]),
            [],
        ),
        # the same person, told two ways
        (
            "Счёт открыл Иван Петров на пятой минуте.",
            "Первым отличился Иван Петров.",
            "ru",
            ([PETROV], [PETROV]),
            [],
        ),
        (
            "Ivan Petrov opened the scoring.",
            "Ivan Petrov scored first.",
            "en",
            ([PETROV_EN], [PETROV_EN]),
            [],
        ),
        # the first goal and another goal: no disagreement
        (
            "Счёт открыл Иван Петров на пятой минуте.",
            "Олег Сидоров забил на сороковой минуте, Иван Петров — на пятой.",
            "ru",
            ([PETROV], [SIDOROV, PETROV]),
            [],
        ),
        (
            "Ivan Petrov scored first.",
            "Oleg Sidorov scored the winner late on; Ivan Petrov had scored early.",
            "en",
            ([PETROV_EN], [SIDOROV_EN, PETROV_EN]),
            [],
        ),
    ],
)
def test_different_people_named_first_are_an_order_difference(
    one: str, two: str, lang: str, mentions: tuple[list, list], expected: list[str]
) -> None:
    result = compare(
        article(one, source="a", lang=lang, mentions=mentions[0]),
        article(two, source="b", lang=lang, mentions=mentions[1]),
    )
    orders = of_kind(result, "order")
    assert [d.kind for d in orders] == expected
    if expected:
        assert {s.doc for s in orders[0].spans} == {0, 1}
        assert orders[0].values[0].endswith(("Иван Петров", "Ivan Petrov"))
        assert orders[0].values[1].endswith(("Олег Сидоров", "Oleg Sidorov"))


@pytest.mark.parametrize(
    ("one", "lang_one", "two", "lang_two", "expected"),
    [
        # a month against a relative month, in one language and across two
        (
            "Клад обнаружили в сентябре 2025 года на окраине деревни.",
            "ru",
            "Клад нашёл в августе прошлого года местный житель.",
            "ru",
            ("2025-09", "2025-08"),
        ),
        (
            "The hoard was found in September 2025 near the village.",
            "en",
            "A farmer spotted the hoard last August.",
            "en",
            ("2025-09", "2025-08"),
        ),
        (
            "Клад обнаружили в сентябре 2025 года на окраине деревни.",
            "ru",
            "A farmer found the hoard in August last year.",
            "en",
            ("2025-09", "2025-08"),
        ),
        # the same month, once with the year guessed and once written
        (
            "Клад обнаружили в сентябре на окраине деревни.",
            "ru",
            "Клад нашли в сентябре 2025 года.",
            "ru",
            None,
        ),
        (
            "The hoard was found in September 2025.",
            "en",
            "A farmer found the hoard last September.",
            "en",
            None,
        ),
        # a month and a day of it, or of different precision: no disagreement
        ("Клад обнаружили 14 сентября 2025 года.", "ru", "Клад нашли в сентябре 2025 года.", "ru", None),
        # «с» marks a point of reference, not the day of the find
        (
            "Клад ищут с августа прошлого года, а нашли в сентябре 2025 года.",
            "ru",
            "Клад нашли в сентябре 2025 года.",
            "ru",
            None,
        ),
    ],
)
def test_one_event_dated_differently_is_a_date_difference(
    one: str, lang_one: str, two: str, lang_two: str, expected: tuple[str, str] | None
) -> None:
    result = compare(article(one, source="a", lang=lang_one), article(two, source="b", lang=lang_two))
    dates = of_kind(result, "date")
    if expected is None:
        assert dates == []
        return
    assert len(dates) == 1
    assert dates[0].values == (f"a: {expected[0]}", f"b: {expected[1]}")
    assert {s.doc for s in dates[0].spans} == {0, 1}


@pytest.mark.parametrize(
    ("one", "dated"),
    [
        # a date across a comma is another verb's: the day of the showing, not of the find
        ("Клад показали публике в марте 2026 года, через полгода после того, как его обнаружили.", False),
        ("Клад обнаружили в марте 2026 года недалеко от деревни.", True),
    ],
)
def test_an_event_is_dated_by_a_date_of_its_own_clause(one: str, dated: bool) -> None:
    from svodka.compare.events import date_differences

    pair = [article(one, source="a"), article("Клад обнаружили в сентябре 2025 года.", source="b")]
    docs = build_docs([a for a, _ in pair], [n for _, n in pair])
    found = date_differences(docs, [find_events(d) for d in docs], "ru")
    assert [d.values for d in found] == ([("a: 2026-03", "b: 2025-09")] if dated else [])


def test_an_article_with_two_dates_for_one_kind_is_left_alone() -> None:
    """Two finds in one article may be two events: its dates are not held against another's."""
    result = compare(
        article(
            "Первый клад обнаружили в мае 2025 года. Второй клад нашли в сентябре 2025 года.", source="a"
        ),
        article("A farmer found the hoard in August 2025.", source="b", lang="en"),
    )
    assert of_kind(result, "date") == []
