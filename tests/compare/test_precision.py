"""Saying nothing beats a false difference: cases read in real news where two reports only seem to
disagree, next to the true differences the same rules must keep. Our own sentences."""
# ruff: noqa: E501 - parametrized cases read best one a line

from __future__ import annotations

import pytest
from compare_fixtures import article

from svodka.compare import compare_articles


def compare(*pairs):  # type: ignore[no-untyped-def]
    return compare_articles([a for a, _ in pairs], [an for _, an in pairs])


def kinds(comparison) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(d.kind for d in comparison.differences)


def test_a_count_told_by_the_whole_clause_and_another_word_for_its_unit_is_compared() -> None:
    one = article(
        "Авария с участием автобуса и 15 автомобилей произошла на Лесном проспекте в Твери.", source="a"
    )
    two = article("Авария с участием автобуса и 16 машин произошла на Лесном проспекте в Твери.", source="b")
    result = compare(one, two)
    assert kinds(result) == ["number"]
    values = " ".join(result.differences[0].values)
    assert "15" in values and "16" in values


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # the other article gives the first figure too: two counts of two things
        (
            "Ночью по складу в Брянской области выпустили шесть ракет ATACMS, сообщили военные.",
            "По складу в Брянской области выпустили шесть ракет ATACMS. Пять ракет ATACMS над Брянской областью сбиты.",
        ),
        # «минимум три» and «пять» can both be true
        (
            "При пожаре в общежитии пострадали минимум три человека.",
            "При пожаре в общежитии пострадали пять человек.",
        ),
        # «не менее десяти» is ten or more
        ("На трассе у Клина столкнулись не менее десяти машин.", "На трассе у Клина столкнулись 12 машин."),
        # an exchange rate moves by the minute
        ("Курс доллара на бирже превысил 110 рублей.", "Курс доллара на бирже составил 104 рубля."),
        # a change against a total
        (
            "Лимит семейной ипотеки увеличен на 2,4 трлн рублей.",
            "Общий лимит семейной ипотеки составит 6,25 трлн рублей.",
        ),
        # one end of a range against a value inside it
        (
            "Штраф для водителей грузовиков составит от 150 до 300 тысяч рублей.",
            "Штраф для водителей грузовиков составит 200 тысяч рублей.",
        ),
        ("В драке у бара участвовали 5-7 человек.", "В драке у бара участвовали 6 человек."),
        # what may happen against what will
        (
            "Штраф для водителей грузовиков может достигать 300 тысяч рублей.",
            "Штраф для водителей грузовиков составит 150 тысяч рублей.",
        ),
        # the other article gives both fares: two fares, not one told two ways
        (
            "Тариф «Стандарт» подорожает до 650 рублей.",
            "Билет «Бизнес» подорожает до 2500 рублей. Тариф «Стандарт» станет 650 рублей.",
        ),
        ("Пожар охватил дом: горят с 1 по 3 этажи.", "Пожар охватил дом: горят 5 этажей."),
        # a part of another count
        (
            "По складу выпустили пять ракет ATACMS, из них две достигли цели.",
            "По складу выпустили пять ракет ATACMS, три достигли цели.",
        ),
        # a space groups the thousands: one figure written two ways
        (
            "Облдума утвердила надбавку учителям сельских школ в 12 350 рублей.",
            "Облдума утвердила надбавку учителям сельских школ в 12350 рублей.",
        ),
        ("В октябре поймали более 1 800 пьяных водителей.", "В октябре поймали более 1800 пьяных водителей."),
        # the latest batch against the running total
        (
            "Ещё две лодки с рыбаками нашли на водохранилище, сообщили спасатели.",
            "17 лодок с рыбаками нашли на водохранилище, сообщили спасатели.",
        ),
        # a part and the whole («у 12 из 15») against another part
        (
            "Плесень нашли в хлебе у семи пекарен из списка.",
            "Плесень нашли в хлебе у 12 из 15 пекарен из списка.",
        ),
        # a preliminary count, and an outlet's update, may still change
        ("Предварительно, три человека погибли в ДТП с фурой.", "В ДТП с фурой погибли четыре человека."),
        (
            "UPD: В результате ДТП с фурой погибли четыре человека.",
            "В результате ДТП с фурой погибли три человека.",
        ),
        # an outlet updating its own count («UPD:») is no other outlet's disagreement with its first line
        (
            "Сборная повторила рекорд, забив 9 голов команде острова.\n\nUPD: Сборная установила рекорд, забив 10 голов команде острова.\n\nUPD 2: Сборная обновила рекорд, забив 11 голов команде острова.",
            "Сборная обновила рекорд, забив 11 голов команде острова.",
        ),
        # a count the story says rose: the smaller one may be an earlier figure
        (
            "При обрушении балкона на Заводской улице пострадали два человека, в том числе подросток.",
            "При обрушении балкона на Заводской улице пострадали семь человек. Число пострадавших выросло до семи человек.",
        ),
        # a demand or a plan is not a fact
        (
            "Профсоюз просит повысить зарплату водителям на 20 процентов.",
            "Профсоюз добился повышения зарплаты водителям на 12 процентов.",
        ),
        # a part against the whole, when some article gives the part and the rest
        (
            "В автобусе ехали 42 человека.",
            "Всего в автобусе было 45 человек: 42 пассажира и три сотрудника турфирмы.",
        ),
        # a fire's area is measured again as it spreads
        (
            "Ангар с сеном загорелся под Тверью на площади 1000 квадратных метров, говорят спасатели.",
            "Ангар с сеном горит под Тверью на площади 1,5 тыс квадратных метров, говорят спасатели.",
        ),
        # numbers that name an article of a code, not a count
        (
            "По факту драки возбуждено уголовное дело по ч. 2 ст. 213 УК РФ.",
            "По факту аварии возбуждено уголовное дело по ч. 3 ст. 264 УК РФ.",
        ),
        # a day's count against the running total
        (
            "В области за сутки выписали 120 человек.",
            "Всего в области выписали 95 человек.",
        ),
        # tenfold apart: a town's count and the region's
        (
            "В городе за зиму от гриппа умерли 6 человек.",
            "В регионе за зиму от гриппа умерли 1716 человек.",
        ),
    ],
)
def test_figures_that_can_both_be_right_are_not_a_difference(one: str, two: str) -> None:
    assert kinds(compare(article(one, source="a"), article(two, source="b"))) == []


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # the number words are the figures, and «в течение» says nothing of what is counted
        (
            "Пожарные приехали к дому в течение пяти минут и вывели всех жильцов.",
            "Через шесть минут к дому приехали пожарные.",
        ),
        # «около полусотни детей» of a camp against «30 школьников»
        (
            "В лагере заболели 30 школьников, предварительно из-за сырой воды.",
            "В лагере заболело около полусотни детей.",
        ),
    ],
)
def test_figures_that_cannot_both_be_right_are_a_difference(one: str, two: str) -> None:
    assert kinds(compare(article(one, source="a"), article(two, source="b"))) == ["number"]


def test_not_more_than_is_an_upper_bound() -> None:
    one = article("На трассе у Клина столкнулись не более пяти машин.", source="a")
    two = article("На трассе у Клина столкнулись 12 машин.", source="b")
    assert kinds(compare(one, two)) == ["number"]


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # a shortened name is the same person
        (
            ("Задержанного в Коломне сторожа зовут Пётр С.", "Пётр С"),
            ("Задержанного в Коломне сторожа зовут Пётр Сомов.", "Пётр Сомов"),
        ),
        # a case form the tagger left as the name («Ларионовой») and the name
        (
            ("Поправки о ночной тишине внесла в облдуму Ларионовой.", "Ларионовой"),
            ("Поправки о ночной тишине внесла в облдуму Ирина Ларионова.", "Ирина Ларионова"),
        ),
        # people named after an agency («ФСБшники») are not a person who did it instead
        (
            ("По звонку мошенников Вера Ильина сняла все сбережения и отдала их незнакомцу.", "Вера Ильина"),
            (
                "По звонку ложных ФСБшников пенсионерка сняла все сбережения и отдала их незнакомцу.",
                "ФСБшников",
            ),
        ),
        # two transliterations of one foreign name
        (
            ("Музей возглавил куратор Глен Лаури из Нью-Йорка.", "Глен Лаури"),
            ("Музей возглавил куратор Гленн Лоури из Нью-Йорка.", "Гленн Лоури"),
        ),
        # who explains a decision is not who made it
        (
            ("Новые правила въезда в страну утвердил Иван Петров.", "Иван Петров"),
            ("Новые правила въезда в страну пояснил Олег Сидоров.", "Олег Сидоров"),
        ),
    ],
)
def test_people_that_can_both_be_right_are_not_a_difference(
    one: tuple[str, str], two: tuple[str, str]
) -> None:
    a = article(one[0], source="a", mentions=[(one[1], "PER", one[1])])
    b = article(two[0], source="b", mentions=[(two[1], "PER", two[1])])
    assert kinds(compare(a, b)) == []


def test_outlets_cited_for_a_fact_are_not_a_speaker_difference() -> None:
    said = "грузовик въехал в витрину магазина на окраине"
    one = article(f"По данным Delfi, {said}.", source="a", quotes=[(said, "Delfi", "indirect", "ORG")])
    two = article(f"Как сообщает LRT, {said}.", source="b", quotes=[(said, "LRT", "indirect", "ORG")])
    assert [d.kind for d in compare(one, two).differences if d.kind == "speaker"] == []


def test_the_same_words_given_to_two_people_are_a_speaker_difference() -> None:
    said = "Этот мост город ждал почти тридцать лет"
    one = article(f"«{said}», — сказал Иван Петров.", source="a", quotes=[(said, "Иван Петров", "direct")])
    two = article(f"«{said}», — сказал Олег Сидоров.", source="b", quotes=[(said, "Олег Сидоров", "direct")])
    assert [d.kind for d in compare(one, two).differences] == ["speaker"]


def test_a_planned_date_is_not_a_date_difference() -> None:
    one = article("Голосование по проекту бюджета в думе планируется провести 14 марта.", source="a")
    two = article("Голосование по проекту бюджета в думе планируется провести 16 марта.", source="b")
    assert kinds(compare(one, two)) == []


def test_a_sentence_another_article_repeats_in_its_headline_is_not_only_in_its_source() -> None:
    one = article("Мост через Оку закрыли на ремонт до весны, сообщили в мэрии Калуги.", source="a")
    two = article(
        "Мост через Оку закрыли на ремонт до весны\nВодителям предлагают объезд через соседний район.",
        source="b",
    )
    result = compare(one, two).to_dict()
    only = [c["text"] for c in result["only_in"]]
    assert not any("мэрии" in t for t in only)
    assert any("объезд" in t for t in only)
    assert all("\n" not in c["text"] for g in result["shared"] for c in g["claims"])


def test_a_sentence_of_a_quote_other_articles_give_is_not_only_in_its_source() -> None:
    said = "Ремонт закончим к маю. Денег на него хватит. Жителям неудобства не грозят"
    shorter = "Ремонт закончим к маю. Денег на него хватит"
    one = article(f"«{said}», — сказал Иван Петров.", source="a", quotes=[(said, "Иван Петров", "direct")])
    two = article(
        f"«{shorter}», — сказал Иван Петров.", source="b", quotes=[(shorter, "Иван Петров", "direct")]
    )
    result = compare(one, two).to_dict()
    assert not any("неудобства" in c["text"] for c in result["only_in"])


def test_a_claim_cited_in_a_difference_is_still_listed_as_only_in_its_source() -> None:
    one = article(
        "Президенты начали неформальную встречу за чашкой чая в Кремле. "
        "Завтра делегации проведут переговоры о торговле и энергетике.",
        source="a",
    )
    two = article("После долгих переговоров президент пригласил гостя к себе домой на чаепитие.", source="b")
    result = compare(one, two).to_dict()
    order = [d for d in result["differences"] if d["kind"] == "order"]
    assert order, result["differences"]
    only = [c["text"] for c in result["only_in"]]
    # no other article tells of tomorrow's talks, nor of the invitation home: both are only in their source
    assert any("Завтра делегации" in t for t in only)
    assert any("к себе домой" in t for t in only)


@pytest.mark.parametrize(
    "pointer",
    [
        "Читать нас без VPN можно здесь: [bit.ly/example](https://bit.ly/example)",
        "А подробнее о новых правилах рассказывали в [нашем канале](https://t.me/example/1).",
        "Подробно о том, кто такой этот инженер, мы писали [здесь](https://example.org/a).",
        # a line that is only a link: an entry of a digest, even with a full stop inside its title
        "\n🚗 [Десять ошибок начинающих водителей](https://example.org/a)",
        "\n📖 [Мосты Оки. Часть 2: переправы и паромы](https://example.org/b)",
    ],
)
def test_a_pointer_to_more_reading_is_not_a_fact_only_one_source_has(pointer: str) -> None:
    one = article(f"Мост через Оку закрыли на ремонт до весны. {pointer}", source="a")
    two = article("Мост через Оку закрыли на ремонт до весны.", source="b")
    result = compare(one, two).to_dict()
    assert result["only_in"] == []
    assert len(result["shared"]) == 1


def test_a_fact_one_outlet_posts_twice_is_only_in_that_outlet_once() -> None:
    first = article("Мост через Оку закрыли на ремонт до весны. Объезд идёт через Ферзиково.", source="a")
    again = article("Водителям напоминают: объезд идёт через Ферзиково.", source="a")
    other = article("Мост через Оку закрыли на ремонт до весны, сообщили в мэрии.", source="b")
    result = compare(first, again, other).to_dict()
    detour = [c for c in result["only_in"] if "Ферзиково" in c["text"]]
    assert len(detour) == 1 and detour[0]["source"] == "a"
    assert all(len({c["source"] for c in g["claims"]}) >= 2 for g in result["shared"])


def test_a_claim_close_to_another_sources_claim_is_not_called_only_in() -> None:
    from svodka.compare.align import align
    from svodka.compare.claims import build_docs

    pairs = [
        article("Мост через Оку закрыли на ремонт до весны. Ярмарку откроют в субботу.", source="a"),
        article("Мост через Оку закроют на ремонт до весны, сообщили в мэрии Калуги.", source="b"),
    ]
    docs = build_docs([a for a, _ in pairs], [an for _, an in pairs])
    loose = align(docs)
    strict = align(docs, threshold=0.99)  # the bridge sentences no longer count as the same fact…
    assert len(loose.groups) == 1 and not strict.groups
    only = {docs[d].claims[c].start for d, c in strict.only if d == 0}
    # …but they are too close for either to be called only in its source; the fair's is
    assert only == {docs[0].claims[1].start}


def test_a_long_quote_reworded_in_one_sentence_shows_that_sentence() -> None:
    said = (
        "Мост построим к осени. Не слишком ли много вы себе позволяете, подрядчики? Деньги выделены полностью"
    )
    told = "Мост построим к осени. Не слишком ли вы зарвались, подрядчики? Деньги выделены полностью"
    one = article(f"«{said}», — сказал Иван Петров.", source="a", quotes=[(said, "Иван Петров", "direct")])
    two = article(f"«{told}», — сказал Иван Петров.", source="b", quotes=[(told, "Иван Петров", "direct")])
    wording = [d for d in compare(one, two).differences if d.kind == "wording"]
    assert len(wording) == 1
    assert wording[0].values == (
        "Не слишком ли много вы себе позволяете, подрядчики?",
        "Не слишком ли вы зарвались, подрядчики?",
    )


@pytest.mark.parametrize(
    ("said", "told"),
    [
        # words left out and two sentences joined: shortened, not reworded
        (
            "Цены растут. В магазинах это видно каждому покупателю",
            "Цены растут, это видно каждому покупателю",
        ),
        # the same words in another grammar
        ("Этот сыр заметно мягче, чем другие сыры", "Этот сыр заметно мягче других сыров"),
        # markup, a link and an editor's insertion
        ("Мы **продолжим** переговоры с [председателем КНР] Си", "Мы продолжим переговоры с Си"),
    ],
)
def test_a_quote_told_with_fewer_words_or_other_grammar_is_not_a_wording_difference(
    said: str, told: str
) -> None:
    one = article(f"«{said}», — сказал Иван Петров.", source="a", quotes=[(said, "Иван Петров", "direct")])
    two = article(f"«{told}», — сказал Иван Петров.", source="b", quotes=[(told, "Иван Петров", "direct")])
    assert [d.kind for d in compare(one, two).differences] == []


def test_collective_numerals_count_people() -> None:
    one = article("При взрыве газа в доме на Садовой улице пострадали трое.", source="a")
    two = article("При взрыве газа в доме на Садовой улице пострадали 2 человека.", source="b")
    result = compare(one, two)
    assert kinds(result) == ["number"]


def test_two_dates_both_articles_give_are_not_a_date_difference() -> None:
    one = article(
        "Каток на ВДНХ откроют 26 марта, официальное открытие катка на ВДНХ состоится 29 марта.", source="a"
    )
    two = article(
        "Каток на ВДНХ начнёт работать с 26 марта, а официальное открытие катка на ВДНХ пройдёт 29 марта.",
        source="b",
    )
    assert [d.kind for d in compare(one, two).differences if d.kind == "date"] == []


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # a time of day written two ways
        (
            "Паромная переправа в Керчи закрыта до 14.30 мск.",
            "Паромная переправа в Керчи закрыта до 14:30 мск.",
        ),
        # figures of a list are figures of several things
        (
            "Зарплата оператора станков в Москве доходит до 300 тысяч рублей.",
            "Что платят на заводах Москвы:\n— Оператор станков – до 300 тысяч рублей.\n— Слесарь – до 350 тысяч рублей.",
        ),
    ],
)
def test_times_and_listed_figures_are_not_number_differences(one: str, two: str) -> None:
    assert [d.kind for d in compare(article(one, source="a"), article(two, source="b")).differences] == []


@pytest.mark.parametrize(
    "two",
    [
        "В Твери открыли склад стройматериалов площадью в полторы тысячи квадратных метров.",
        "В Твери открыли склад стройматериалов площадью 1,5 тыс квадратных метров.",
    ],
)
def test_an_area_in_words_or_with_a_scale_is_compared(two: str) -> None:
    one = article(
        "В Твери открыли склад стройматериалов площадью 1000 квадратных метров.",
        source="a",
    )
    result = compare(one, article(two, source="b"))
    assert kinds(result) == ["number"]


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # a bare «building» may well be the house
        (
            "После находки мины в Лобне жильцов эвакуировали из дома.",
            "После находки мины в Лобне жильцов эвакуировали из здания.",
        ),
        # «в ночь на 4 ноября» began on the 3rd
        (
            "Вулкан Левотоби на Флоресе начал извержение в ночь на 4 ноября.",
            "Вулкан Левотоби на Флоресе начал извержение 3 ноября.",
        ),
        # years count ages, durations and terms alike
        (
            "Тайсон не боксировал на профессиональном ринге 19 лет.",
            "Тайсон не боксировал на профессиональном ринге, Тайсону 58 лет.",
        ),
    ],
)
def test_compatible_places_dates_and_years_are_not_differences(one: str, two: str) -> None:
    assert kinds(compare(article(one, source="a"), article(two, source="b"))) == []


def with_verbs(pair):  # type: ignore[no-untyped-def]
    """The article with its verbs tagged, as the NLP layer tags them (the fixtures give no parts of speech)."""
    from dataclasses import replace

    from svodka.nlp import morph

    doc, analysis = pair
    tokens = tuple(
        replace(t, pos="VERB") if morph.analyzer().parse(t.text)[0].tag.POS == "VERB" else t
        for t in analysis.tokens
    )
    return doc, replace(analysis, tokens=tokens)


def test_a_date_of_another_verb_in_the_sentence_is_not_a_date_difference() -> None:
    # «в августе» dates the birthday, not the extension both articles tell of
    one = "Губернатор продлил контракт главврачу больницы, которому в августе исполнилось 68 лет."
    two = "Губернатор в октябре продлил контракт главврачу больницы после достижения 65 лет."
    assert kinds(compare(with_verbs(article(one, source="a")), with_verbs(article(two, source="b")))) == []
    # and a date of the verb both tell of still differs
    three = "Губернатор в августе продлил контракт главврачу больницы после достижения 65 лет."
    assert kinds(compare(with_verbs(article(three, source="a")), with_verbs(article(two, source="b")))) == [
        "date"
    ]


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        # a part of a building without saying which may be in the house
        (
            "Пожар произошёл в жилом доме на Тверском бульваре.",
            "Пожар произошёл в чердачном помещении на Тверском бульваре.",
            [],
        ),
        # «в здании мэрии» is the city hall, not a bare «здание» that could be anything
        (
            "Встреча губернатора с делегацией прошла в резиденции губернатора.",
            "Встреча губернатора с делегацией прошла в здании мэрии.",
            ["place"],
        ),
    ],
)
def test_parts_of_buildings_and_named_buildings(one: str, two: str, expected: list[str]) -> None:
    assert kinds(compare(article(one, source="a"), article(two, source="b"))) == expected


@pytest.mark.parametrize(
    "aside",
    [
        # a channel talking to its reader
        "Ну хоть какая-то польза — пешком ходить полезно.",
        "Кажется, кто-то очень торопился домой.",
        "Хочешь знать, откуда у него эти шрамы?",
        "Жаль, конечно, этих водителей.",
        "Game over, folks.",
        # a news site's furniture
        "ТВЕРЬ, 6 марта, Пресс-Агентство.",
        "Фото: пресс-служба администрации",
        "Источник: пресс-служба городской администрации",
        "Читайте также: в Твери открыли новый мост",
        "Новости по теме: мост через Волгу закроют летом",
        "Подробнее читайте в материале «Как строили мост».",
        "Поддержи независимое городское издание рублём",
        "Все главные новости города теперь в Telegram!",
        # the outlet asking, not telling
        "О чём же договорились в мэрии?",
        "❓ Как вы теперь добираетесь до работы?",
    ],
)
def test_an_aside_or_a_sites_furniture_is_not_a_fact_only_one_source_has(aside: str) -> None:
    one = article(f"Мост через Оку закрыли на ремонт до весны. {aside}", source="a")
    two = article("Мост через Оку закрыли на ремонт до весны.", source="b")
    assert compare(one, two).to_dict()["only_in"] == []


def test_a_sentence_ending_in_someones_quoted_question_is_still_a_claim() -> None:
    one = article("Мост через Оку закрыли на ремонт. Жители спросили мэра: «Когда откроют мост?»", source="a")
    two = article("Мост через Оку закрыли на ремонт.", source="b")
    assert any("Жители спросили" in c["text"] for c in compare(one, two).to_dict()["only_in"])


def test_an_aside_in_someones_quoted_words_is_still_a_claim() -> None:
    said = "Ну что ж, ремонт моста закончим к маю"
    one = article(
        f"Мост через Оку закрыли на ремонт. «{said}», — сказал Иван Петров.",
        source="a",
        quotes=[(said, "Иван Петров", "direct")],
    )
    two = article("Мост через Оку закрыли на ремонт.", source="b")
    assert any("к маю" in c["text"] for c in compare(one, two).to_dict()["only_in"])


@pytest.mark.parametrize(
    ("told", "retold"),
    [
        # its words are all in the other article, spread over its sentences: a retelling
        ("Водители едут в объезд через Ферзиково и ругают пробки.", True),
        # the same, with a figure the other article does not give: a fact of its own
        ("Водители едут в объезд через Ферзиково и ругают пробки длиной 7 километров.", False),
        # mostly new words
        ("Городские власти обещают открыть паромную переправу к маю.", False),
    ],
)
def test_a_claim_told_in_the_words_of_other_sources_is_a_retelling(told: str, retold: bool) -> None:
    from svodka.compare.align import _retold_in_words, alignable
    from svodka.compare.claims import build_docs

    pairs = [
        article(f"Мост через Оку закрыли. {told}", source="a"),
        article(
            "Водители ругают новое расписание. Объезд идёт через поле. Ферзиково стоит в пробках с утра.",
            source="b",
        ),
    ]
    docs = build_docs([a for a, _ in pairs], [an for _, an in pairs])
    claims = [c for d in docs for c in d.claims if alignable(c)]
    found = _retold_in_words(claims, [docs[c.doc].label for c in claims])
    assert found[[docs[c.doc].text(c.start, c.stop) for c in claims].index(told)] == retold


def test_a_bound_is_read_through_the_commas_around_it() -> None:
    from svodka.compare.numbers import _qualifier

    # «Ранены, как минимум, трое рабочих»
    assert _qualifier(["пострадать", ",", "как", "минимум", ","], 4) == "gt"


def test_a_role_opening_a_sentence_is_not_a_named_speaker_against_a_name() -> None:
    said = "молодые рабочие руки уходят из деревень в города"
    one = article(
        f"Представитель министерства заявил, что это «{said}».",
        source="a",
        quotes=[(said, "Представитель министерства", "direct")],
    )
    two = article(
        f"Никита Кузнецов отметил, что это «{said}».",
        source="b",
        quotes=[(said, "Никита Кузнецов", "direct")],
    )
    assert [d.kind for d in compare(one, two).differences if d.kind == "speaker"] == []


def test_shared_facts_are_not_chained_into_one_group() -> None:
    # C's sentence tells both facts: linked to A's first and B's second, it must not merge the two facts
    a = article(
        "Мост через Оку закрыли на ремонт до весны. Объезд идёт через Ферзиково и Калугу.", source="a"
    )
    b = article(
        "Мост через Оку закрыли на ремонт до весны. Объезд идёт через Ферзиково и Калугу.", source="b"
    )
    c = article("Мост через Оку закрыли, объезд через Ферзиково.", source="c")
    result = compare(a, b, c).to_dict()
    groups = [sorted(x["text"] for x in g["claims"]) for g in result["shared"]]
    assert len(groups) == 2, groups
    assert all(len({x["article"] for x in g["claims"]}) == len(g["claims"]) for g in result["shared"])


def test_an_english_comma_groups_thousands_and_each_unit_is_compared_on_its_own() -> None:
    # both give «3 years» alike; that agreement says nothing of the fine
    one = article(
        "A court in Leeds gave the driver 3 years in prison and a fine of 12,000 pounds.",
        source="a",
        lang="en",
    )
    two = article(
        "A court in Leeds gave the driver 3 years in prison and a fine of 2,000 pounds.",
        source="b",
        lang="en",
    )
    result = compare(one, two)
    assert kinds(result) == ["number"]
    values = " ".join(result.differences[0].values)
    assert "12,000" in values and "2,000" in values


@pytest.mark.parametrize(
    ("one", "two", "lang"),
    [
        # «12,000» is twelve thousand in English, as «12 000» is in Russian
        ("The court fined the company 12,000 euros.", "The court fined the company 12000 euros.", "en"),
        ("The court fined the company $1,234,567.", "The court fined the company $1234567.", "en"),
        # a Russian comma is a decimal point: «1,5 млн» is one and a half million
        ("Суд оштрафовал компанию на 1,5 млн рублей.", "Суд оштрафовал компанию на 1500000 рублей.", "ru"),
    ],
)
def test_grouped_and_plain_figures_agree(one: str, two: str, lang: str) -> None:
    assert kinds(compare(article(one, source="a", lang=lang), article(two, source="b", lang=lang))) == []


def test_a_sentence_that_only_begins_with_a_city_and_a_date_is_a_claim() -> None:
    one = article(
        "Мост через Оку закрыли на ремонт до весны. ТВЕРЬ, 6 марта, в центре города сгорел склад шин.",
        source="a",
    )
    two = article("Мост через Оку закрыли на ремонт до весны.", source="b")
    only = [c["text"] for c in compare(one, two).to_dict()["only_in"]]  # type: ignore[union-attr]
    assert any("склад шин" in t for t in only)


def test_the_summary_tells_a_fact_by_a_sentence_that_stands_on_its_own() -> None:
    one = article("Также в Твери закрыли мост через Волгу на ремонт.", source="a")
    two = article("В Твери закрыли мост через Волгу на ремонт.", source="b")
    comparison = compare(one, two)
    assert [s.doc for s in comparison.summary] == [1]


def test_guides_of_one_bus_counted_differently_are_a_difference() -> None:
    one = article("В автобусе было 50 человек: 47 туристов и три гида.", source="a")
    two = article("В автобусе ехали 46 туристов и два гида.", source="b")
    assert "number" in kinds(compare(one, two))


@pytest.mark.parametrize(
    "background",
    [
        # a paragraph opening on a day a week before the post tells of an earlier event
        "5 марта другой автобус этой компании съехал в кювет под Клином.",
        "Напомним, недавно другой автобус этой компании съехал в кювет под Клином.",
    ],
)
def test_figures_of_an_earlier_event_told_as_background_are_not_compared(background: str) -> None:
    one = article(
        "Автобус компании «Тверьтранс» съехал в кювет под Торжком. В салоне ехали 30 пассажиров.", source="a"
    )
    two = article(
        f"Автобус компании «Тверьтранс» съехал в кювет под Торжком.\n\n{background} В салоне ехали 24 пассажира.",
        source="b",
    )
    assert kinds(compare(one, two)) == []


def test_figures_of_the_same_day_in_another_paragraph_are_still_compared() -> None:
    one = article(
        "Автобус компании «Тверьтранс» съехал в кювет под Торжком. В салоне ехали 30 пассажиров.", source="a"
    )
    two = article(
        "Автобус компании «Тверьтранс» съехал в кювет под Торжком.\n\n12 марта в салоне ехали 24 пассажира.",
        source="b",
    )
    assert kinds(compare(one, two)) == ["number"]
