"""Alignment, each kind of difference, quotes and tone, on sentences written for these tests."""
# ruff: noqa: E501 - parametrized cases read best one a line

from __future__ import annotations

import dataclasses

import pytest
from compare_fixtures import article

from svodka.compare import compare_articles


def compare(*pairs):  # type: ignore[no-untyped-def]
    return compare_articles([a for a, _ in pairs], [an for _, an in pairs])


def kinds(comparison) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(d.kind for d in comparison.differences)


@pytest.mark.parametrize(
    ("one", "two", "lang"),
    [
        (
            "Мэр открыл новый мост через реку Двину. Погода в городе была холодной и ветреной.",
            "Новый мост через Двину открыл мэр города. На открытие пришли школьники из соседних сел.",
            "ru",
        ),
        (
            "The mayor opened the new bridge across the river. The weather in town was cold and windy.",
            "A new bridge across the river was opened by the mayor. Schoolchildren from nearby villages came to watch.",
            "en",
        ),
    ],
)
def test_alignment_links_the_same_fact_and_keeps_the_rest_apart(one: str, two: str, lang: str) -> None:
    result = compare(article(one, source="a", lang=lang), article(two, source="b", lang=lang)).to_dict()
    assert len(result["shared"]) == 1
    assert {c["source"] for c in result["shared"][0]["claims"]} == {"a", "b"}
    only = {(c["source"], c["text"]) for c in result["only_in"]}
    assert ("a", one.split(". ")[1]) in only
    assert ("b", two.split(". ")[1]) in only


@pytest.mark.parametrize(
    ("one", "two", "kind", "values"),
    [
        (
            "При пожаре на складе пострадали 12 человек, сообщили спасатели.",
            "При пожаре на складе пострадали 15 человек, сообщили спасатели.",
            "number",
            ("12", "15"),
        ),
        (
            "In the warehouse fire 12 people were injured, rescuers said.",
            "In the warehouse fire 15 people were injured, rescuers said.",
            "number",
            ("12", "15"),
        ),
        (
            "Суд огласил приговор бывшему директору предприятия 11 марта.",
            "Суд огласил приговор бывшему директору предприятия 12 марта.",
            "date",
            ("2026-03-11", "2026-03-12"),
        ),
        (
            "Встреча губернатора с делегацией прошла в резиденции губернатора.",
            "Встреча губернатора с делегацией прошла в здании мэрии.",
            "place",
            ("в резиденции", "в здании"),
        ),
        (
            "После переговоров президенты встретились за чашкой чая.",
            "Президенты выпили чаю, а затем начались переговоры делегаций.",
            "order",
            ("переговоры", "неформальная встреча"),
        ),
    ],
)
def test_each_kind_of_difference_is_found_with_both_spans(
    one: str, two: str, kind: str, values: tuple[str, str]
) -> None:
    lang = "en" if one.isascii() else "ru"
    result = compare(article(one, source="a", lang=lang), article(two, source="b", lang=lang)).to_dict()
    found = [d for d in result["differences"] if d["kind"] == kind]
    assert len(found) == 1, result["differences"]
    assert {c["source"] for c in found[0]["claims"]} == {"a", "b"}
    assert all(v in " ".join(found[0]["values"]) for v in values)


def test_a_person_swap_is_a_difference() -> None:
    one = article(
        "Контракт на строительство моста подписал министр Иван Петров в понедельник.",
        source="a",
        mentions=[("Иван Петров", "PER", "Иван Петров")],
    )
    two = article(
        "Контракт на строительство моста подписал министр Олег Сидоров в понедельник.",
        source="b",
        mentions=[("Олег Сидоров", "PER", "Олег Сидоров")],
    )
    result = compare(one, two).to_dict()
    assert [d["kind"] for d in result["differences"]] == ["person"]
    assert "Петров" in result["differences"][0]["values"][0]
    assert "Сидоров" in result["differences"][0]["values"][1]


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # a bound that the other figure satisfies
        ("Совещание в мэрии продолжалось более двух часов.", "Совещание в мэрии продолжалось три часа."),
        # one place inside the other
        ("Мэры встретились в ратуше за обедом.", "Мэры встретились в рабочих кабинетах ратуши за обедом."),
        # the same figure written two ways
        (
            "Длина моста составляет 1,2 км, сообщили строители.",
            "Длина моста составляет 1.2 км, сообщили строители.",
        ),
        # a demand is not a result
        ("Суд назначил директору три года условно.", "Прокурор просил назначить директору семь лет."),
        # a year that was only guessed
        ("Тушу нашли на берегу реки в сентябре 2025 года.", "Тушу нашли на берегу реки в сентябре."),
        ("The talks lasted more than two hours.", "The talks lasted three hours."),
        # two lower bounds («выше» is a form of «высокий»)
        (
            "Курс доллара на бирже поднялся выше 108 рублей.",
            "Курс доллара на бирже поднялся выше 110 рублей.",
        ),
        # figures of two things both articles know about
        (
            "Курс евро на бирже достиг 114 рублей. Доллар тоже подорожал.",
            "Курс доллара на бирже достиг 111 рублей. Евро тоже подорожал.",
        ),
    ],
)
def test_compatible_details_are_not_differences(one: str, two: str) -> None:
    lang = "en" if one.isascii() else "ru"
    result = compare(article(one, source="a", lang=lang), article(two, source="b", lang=lang))
    assert result.differences == ()


@pytest.mark.parametrize(
    ("first", "second", "speakers", "kinds"),
    [
        ("Этот мост город ждал почти тридцать лет.", "Этот мост город ждал почти тридцать лет.", ("Иван Петров", "Иван Петров"), []),
        ("Этот мост город ждал почти тридцать лет.", "Этот мост город ждал почти тридцать лет.", ("Иван Петров", "Анна Смирнова"), ["speaker"]),
        ("Этот мост город ждал почти тридцать лет, и вот он открыт.", "Этот мост город ждал почти тридцать лет", ("Иван Петров", "Иван Петров"), []),
        ("Мост город ждал тридцать долгих лет, наконец жители получили переправу.", "Жители тридцать лет ждали мост, и наконец город обрёл переправу.", ("Иван Петров", "Иван Петров"), ["wording"]),
    ],
)  # fmt: skip
def test_quotes_are_matched_across_articles(
    first: str, second: str, speakers: tuple[str, str], kinds: list[str]
) -> None:
    one = article(
        f"«{first}», — сказал чиновник на открытии.", source="a", quotes=[(first, speakers[0], "direct")]
    )
    two = article(
        f"«{second}», — заявил чиновник журналистам.", source="b", quotes=[(second, speakers[1], "direct")]
    )
    result = compare(one, two)
    assert len(result.quotes) == 1
    assert len(result.quotes[0].versions) == 2
    assert sorted(d.kind for d in result.differences) == kinds


def test_different_quotes_stay_apart() -> None:
    one = article(
        "«Мост откроют весной», — сказал мэр.",
        source="a",
        quotes=[("Мост откроют весной", "Иван Петров", "direct")],
    )
    two = article(
        "«Бюджет города вырос», — сказал мэр.",
        source="b",
        quotes=[("Бюджет города вырос", "Иван Петров", "direct")],
    )
    assert [len(q.versions) for q in compare(one, two).quotes] == [1, 1]


@pytest.mark.parametrize(
    ("neutral", "loaded", "lang", "phrase"),
    [
        (
            "Президенты провели переговоры в Кремле. Стороны обсудили торговлю.",
            "Президенты провели поистине исторические переговоры в Кремле. Это уникальный и важнейший визит.",
            "ru",
            "исторические переговоры",
        ),
        (
            "The presidents held talks in the Kremlin. They discussed trade.",
            "The presidents held truly historic talks in the Kremlin. It was a remarkable, unique visit.",
            "en",
            "historic talks",
        ),
    ],
)
def test_tone_ranks_the_evaluative_article_higher_with_evidence(
    neutral: str, loaded: str, lang: str, phrase: str
) -> None:
    result = compare(
        article(neutral, source="a", lang=lang), article(loaded, source="b", lang=lang)
    ).to_dict()
    tone = {t["source"]: t for t in result["tone"]}
    assert tone["b"]["score"] > tone["a"]["score"]
    assert any(phrase in e["text"] for e in tone["b"]["evidence"])


def test_words_inside_a_quote_are_not_the_outlets_tone() -> None:
    said = "Это поистине исторический и уникальный визит"
    quoting = article(f"«{said}», — сказал министр.", source="a", quotes=[(said, "Иван Петров", "direct")])
    saying = article(f"{said}, — пишет издание.", source="b")
    result = compare(quoting, saying).to_dict()
    tone = {t["source"]: t["score"] for t in result["tone"]}
    assert tone["a"] == 0
    assert tone["b"] > 0


def test_json_has_exactly_the_documented_shape_with_offsets_into_the_text() -> None:
    one = article(
        "Мэр открыл новый мост через реку 3 марта. Погода в городе была холодной и ветреной.", source="a"
    )
    two = article("Новый мост через реку открыл мэр 3 марта. Пришли школьники.", source="b")
    result = compare(one, two).to_dict()
    assert list(result) == [
        "story",
        "sources",
        "summary",
        "timeline",
        "shared",
        "only_in",
        "differences",
        "quotes",
        "tone",
    ]
    assert result["timeline"][0]["date"] == "2026-03-03"
    texts = {"a": one[0].text, "b": two[0].text}
    claims = [c for g in result["shared"] for c in g["claims"]] + result["only_in"]
    for claim in claims:
        assert set(claim) == {"article", "source", "start", "stop", "text"}
        assert texts[claim["source"]][claim["start"] : claim["stop"]] == claim["text"]
    assert result["summary"] in (
        result["shared"][0]["claims"][0]["text"],
        result["shared"][0]["claims"][1]["text"],
    )


def test_an_outlet_disagreeing_with_itself_is_an_update_not_a_difference() -> None:
    one = article("При пожаре на складе пострадали 12 человек, сообщили спасатели.", source="same")
    two = article("При пожаре на складе пострадали 15 человек, сообщили спасатели.", source="same")
    two = (dataclasses.replace(two[0], id="same-2", external_id="same-2.txt"), two[1])
    assert compare(one, two).differences == ()


def test_a_shorter_form_of_the_same_name_is_not_another_speaker() -> None:
    said = "Посольство запретило президенту давать интервью журналистам"
    one = article(f"«{said}», — заявил Такер.", source="a", quotes=[(said, "Такер", "direct")])
    two = article(
        f"«{said}», — заявил Такер Карлсон.", source="b", quotes=[(said, "Такер Карлсон", "direct")]
    )
    result = compare(one, two)
    assert result.quotes[0].match == "verbatim"
    assert result.differences == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a person and the body he speaks for
        (("заявил Медведев", "Дмитрий Медведев", "PER"), ("заявили в России", "Россия", "ORG")),
        # an article that credits both agencies
        (
            ("сообщают источники AP и Reuters", "Associated Press", "ORG"),
            ("сообщают источники Reuters", "Reuters", "ORG"),
        ),
    ],
)
def test_speakers_that_can_both_be_right_are_not_a_difference(
    first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    said = "Цены на зерно растут, но рост скоро замедлится"
    one = article(f"«{said}», — {first[0]}.", source="a", quotes=[(said, first[1], "direct", first[2])])
    two = article(f"«{said}», — {second[0]}.", source="b", quotes=[(said, second[1], "direct", second[2])])
    assert compare(one, two).differences == ()
