"""Quotes: each pattern of direct and indirect speech, the non-quotes, and speaker resolution.

No natasha here: tokens come from razdel with pymorphy lemmas, and each case lists its entity mentions
as the linker would give them — (surface, type, canonical name, is it a role) — so the quote rules are
tested on their own, fast.
"""

from __future__ import annotations

import pytest
from razdel import sentenize, tokenize

from svodka.nlp.morph import lemma
from svodka.nlp.quotes import find_quotes, quote_spans
from svodka.nlp.types import Entity, EntityType, Mention, Quote, Sentence, Token

Names = tuple[tuple[str, EntityType, str, bool], ...]
Expected = list[tuple[str, tuple[str, ...], str | None]]


def quotes_of(text: str, names: Names = (), lang: str = "ru") -> list[Quote]:
    sentences = [Sentence(s.start, s.stop) for s in sentenize(text)]
    tokens = [Token(t.start, t.stop, t.text, lemma(t.text)) for t in tokenize(text)]
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    for surface, kind, name, role in names:  # longer surfaces first: "Владимир Путин" before "Путин"
        key = f"{kind}:{name}"
        entities[key] = Entity(key, kind, name)
        start = text.find(surface)
        while start >= 0:
            stop = start + len(surface)
            if not any(m.start < stop and start < m.stop for m in mentions):
                mentions.append(Mention(start, stop, kind, surface, surface, key, role))
            start = text.find(surface, stop)
    assert len({m.entity for m in mentions}) == len(entities), "a listed name is not in the case text"
    return find_quotes(text, sentences, tokens, mentions, list(entities.values()), lang)


def summary(text: str, quotes: list[Quote]) -> Expected:
    return [(q.kind, tuple(text[a:b] for a, b in q.parts), q.speaker) for q in quotes]


PUTIN: Names = (("Путин", "PER", "Владимир Путин", False),)
PESKOV: Names = (("Дмитрий Песков", "PER", "Дмитрий Песков", False),)

DIRECT = [
    (  # guillemets, attribution after a dash
        "«Мы закончим стройку к осени», — сказал Владимир Путин.",
        (("Владимир Путин", "PER", "Владимир Путин", False),),
        [("direct", ("Мы закончим стройку к осени",), "Владимир Путин")],
    ),
    (  # English quote marks, a role the linker resolved
        "“Давайте сначала осмотрим новый цех”, — предложил глава государства.",
        (("глава государства", "PER", "Владимир Путин", True),),
        [("direct", ("Давайте сначала осмотрим новый цех",), "Владимир Путин")],
    ),
    (  # German-style marks, attribution without a dash
        "„Новая дорога сблизит наши города“, заявил Касым-Жомарт Токаев.",
        (("Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев", False),),
        [("direct", ("Новая дорога сблизит наши города",), "Касым-Жомарт Токаев")],
    ),
    (  # straight quotes; the name after the role is the speaker
        '"Мы ответим на письмо через неделю", - сказал министр Сергей Лавров.',
        (("Сергей Лавров", "PER", "Сергей Лавров", False),),
        [("direct", ("Мы ответим на письмо через неделю",), "Сергей Лавров")],
    ),
    (  # interrupted by its attribution: one quote in two parts
        "«Склад построят за год, — сказал Реджеп Эрдоган. — Деньги на него уже выделены».",
        (("Реджеп Эрдоган", "PER", "Реджеп Тайип Эрдоган", False),),
        [("direct", ("Склад построят за год", "Деньги на него уже выделены"), "Реджеп Тайип Эрдоган")],
    ),
    (  # «A», сказал X. «B». — B continues A
        "«Мы проверяем все версии», сказал Игорь Смирнов. «Конечно, ответ будет не скоро».",
        (("Игорь Смирнов", "PER", "Игорь Смирнов", False),),
        [
            (
                "direct",
                ("Мы проверяем все версии", "Конечно, ответ будет не скоро"),
                "Игорь Смирнов",
            )
        ],
    ),
    (  # a colon introduces the quote
        "Сидорова заявила агентству Reuters: «Я не жалею о своём выборе».",
        (("Сидорова", "PER", "Анна Сидорова", False), ("Reuters", "ORG", "Reuters", False)),
        [("direct", ("Я не жалею о своём выборе",), "Анна Сидорова")],
    ),
    (  # a partial quote after a verb of speech
        "Путин пообещал «разобрать каждый пункт» на совещании.",
        PUTIN,
        [("direct", ("разобрать каждый пункт",), "Владимир Путин")],
    ),
    (  # a partial quote inside reported speech: the indirect quote and the fragment, same speaker
        "Путин отметил, что завтра надо проверить стройку — «разобрать каждый пункт» и назначить сроки.",
        PUTIN,
        [
            (
                "indirect",
                ("завтра надо проверить стройку — «разобрать каждый пункт» и назначить сроки",),
                "Владимир Путин",
            ),
            ("direct", ("разобрать каждый пункт",), "Владимир Путин"),
        ],
    ),
    (  # a quote-marked clause filling the complement is direct
        "Он подчеркнул, что «перенос сроков связан с погодой». Дмитрий Медведев ушёл.",
        (("Дмитрий Медведев", "PER", "Дмитрий Медведев", False),),
        [("direct", ("перенос сроков связан с погодой",), None)],
    ),
    (  # English
        '"We are ready to talk," the minister said.',
        (),
        [("direct", ("We are ready to talk,",), "minister")],
    ),
]


DIRECT += [
    (  # an interview turn: the name and a colon open the paragraph
        "Радио Тверь: Как прошла поездка?\n\nОльга Кузнецова: Поездка была удачной, нам обещали помочь.",
        (("Ольга Кузнецова", "PER", "Ольга Кузнецова", False),),
        [("direct", ("Поездка была удачной, нам обещали помочь.",), "Ольга Кузнецова")],
    ),
    (  # the whole content of "как сообщил X" in quote marks is direct
        "Как сообщил В. Орлов, «планируется снижение пошлин на зерно».",
        (("В. Орлов", "PER", "Виктор Орлов", False),),
        [("direct", ("планируется снижение пошлин на зерно",), "Виктор Орлов")],
    ),
    (  # "цитирует X Y": Y is the speaker, not the outlet
        "«Главное решение приняли в марте», — цитирует ИА Regnum Игоря Волкова.",
        (("ИА Regnum", "ORG", "ИА Regnum", False), ("Игоря Волкова", "PER", "Игорь Волков", False)),
        [("direct", ("Главное решение приняли в марте",), "Игорь Волков")],
    ),
    (  # first-person words closed by an attribution are the speaker's own words
        "Мы очень довольны первым урожаем в теплицах, сказал Пётр Орлов.",
        (("Пётр Орлов", "PER", "Пётр Орлов", False),),
        [("direct", ("Мы очень довольны первым урожаем в теплицах",), "Пётр Орлов")],
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), DIRECT)
def test_direct_speech(text: str, names: Names, expected: Expected) -> None:
    assert summary(text, quotes_of(text, names, "en" if text.isascii() else "ru")) == expected


SPEAKERS = [
    (  # a role in this sentence, the name in the sentence before (resolved without the linker)
        "Ранее Дмитрий Песков упоминал, что в Кремле следят за ремонтом моста. "
        "«Мы ждём подробного отчёта о работах», - пояснил представитель Кремля.",
        PESKOV,
        "Дмитрий Песков",
        "представитель Кремля",
    ),
    (  # a pronoun: the person the text is about
        "Путин осмотрел новый цех в Казани. «Работа сделана хорошо», — сказал он.",
        PUTIN,
        "Владимир Путин",
        "он",
    ),
    (  # a pronoun skips the people named inside the quote and a woman's name
        "Анна Петрова вошла первой. Путин встал. «Мы благодарны Анне Петровой за работу», — сказал он.",
        (*PUTIN, ("Анна Петрова", "PER", "Анна Петрова", False)),
        "Владимир Путин",
        "он",
    ),
    (  # the subject, not the listener ("сказал Токаев Путину")
        "«Я привёз с собой несколько предложений», — сказал Токаев Путину.",
        (("Токаев", "PER", "Касым-Жомарт Токаев", False), ("Путину", "PER", "Владимир Путин", False)),
        "Касым-Жомарт Токаев",
        "Токаев",
    ),
    (  # an organisation
        "Минфин сообщил, что дефицит бюджета сократится.",
        (("Минфин", "ORG", "Министерство финансов", False),),
        "Министерство финансов",
        "Минфин",
    ),
]


@pytest.mark.parametrize(("text", "names", "speaker", "span"), SPEAKERS)
def test_speaker_resolution(text: str, names: Names, speaker: str, span: str) -> None:
    quote = quotes_of(text, names)[-1]
    assert quote.speaker == speaker
    assert quote.speaker_span is not None
    assert text[quote.speaker_span[0] : quote.speaker_span[1]] == span


INDIRECT = [
    (
        "Дмитрий Песков заявил, что визит пройдёт по плану.",
        PESKOV,
        [("indirect", ("визит пройдёт по плану",), "Дмитрий Песков")],
    ),
    (
        "Дмитрий Песков сообщил журналистам, что визит пройдёт по плану.",
        PESKOV,
        [("indirect", ("визит пройдёт по плану",), "Дмитрий Песков")],
    ),
    (
        "По словам Дмитрия Пескова, визит пройдёт по плану.",
        (("Дмитрия Пескова", "PER", "Дмитрий Песков", False),),
        [("indirect", ("визит пройдёт по плану",), "Дмитрий Песков")],
    ),
    (
        "Как отметил Дмитрий Песков, визит пройдёт по плану.",
        PESKOV,
        [("indirect", ("визит пройдёт по плану",), "Дмитрий Песков")],
    ),
    (  # a parenthetical attribution splits the content in two parts
        "Новый закон о такси, подчеркнул Дмитрий Медведев, будет полезным.",
        (("Дмитрий Медведев", "PER", "Дмитрий Медведев", False),),
        [("indirect", ("Новый закон о такси", "будет полезным"), "Дмитрий Медведев")],
    ),
    (
        "Тверь получила на ремонт дорог 3 миллиарда рублей, сообщает Лента.ру.",
        (("Лента.ру", "ORG", "Лента.ру", False),),
        [("indirect", ("Тверь получила на ремонт дорог 3 миллиарда рублей",), "Лента.ру")],
    ),
    (  # opinion verbs with a holder; a group speaker
        "Эксперты считают, что цены вырастут.",
        (),
        [("indirect", ("цены вырастут",), "Эксперты")],
    ),
    (
        "Путин уверен, что отношения будут развиваться.",
        PUTIN,
        [("indirect", ("отношения будут развиваться",), "Владимир Путин")],
    ),
    (  # impersonal: nobody named
        "Сообщается, что заседание продлилось почти три часа.",
        (),
        [("indirect", ("заседание продлилось почти три часа",), None)],
    ),
    (  # anaphoric: the content is the paragraph before
        "Завод закроет два цеха в Твери.\n\nОб этом заявил Андрей Волков.",
        (("Андрей Волков", "PER", "Андрей Волков", False),),
        [("indirect", ("Завод закроет два цеха в Твери",), "Андрей Волков")],
    ),
    (  # two reporting verbs, two quotes; the first ends where the second clause starts
        "Иван Соколов заявил, что ремонт затянулся, а Павел Егоров отметил, что подрядчика сменят.",
        (("Иван Соколов", "PER", "Иван Соколов", False), ("Павел Егоров", "PER", "Павел Егоров", False)),
        [
            ("indirect", ("ремонт затянулся",), "Иван Соколов"),
            ("indirect", ("подрядчика сменят",), "Павел Егоров"),
        ],
    ),
    (
        "The minister said that prices would rise.",
        (),
        [("indirect", ("prices would rise",), "minister")],
    ),
    (
        "According to the Central Bank, inflation will slow down.",
        (("Central Bank", "ORG", "Central Bank", False),),
        [("indirect", ("inflation will slow down",), "Central Bank")],
    ),
]


INDIRECT += [
    (  # two sources joined by "и" speak as a group
        "Франция и Германия отвергают такой план, заявляя, что спор можно решить только в суде.",
        (("Франция", "LOC", "Франция", False), ("Германия", "LOC", "Германия", False)),
        [("indirect", ("спор можно решить только в суде",), "Франция и Германия")],
    ),
    (  # no subject, but the organisation the clause names
        "В Минсвязи уверены, что тарифы на связь не вырастут.",
        (("Минсвязи", "ORG", "Минсвязи", False),),
        [("indirect", ("тарифы на связь не вырастут",), "Минсвязи")],
    ),
    (  # English, the speaker before a postposed verb
        "Prices will rise, the central bank said.",
        (),
        [("indirect", ("Prices will rise",), "central bank")],
    ),
    (  # an English postposed verb with a time after it
        "Prices will rise, the central bank said on Monday.",
        (),
        [("indirect", ("Prices will rise",), "central bank")],
    ),
    (  # an English role stays a role: no resolving "the minister" to a person named earlier
        "Joe Biden arrived. The minister said that prices would rise.",
        (("Joe Biden", "PER", "Joe Biden", False),),
        [("indirect", ("prices would rise",), "minister")],
    ),
    (  # a parenthetical attribution with only a connective before it
        "Между тем, сообщает «Коммерсантъ», завод ищет нового владельца.",
        (("Коммерсантъ", "ORG", "Коммерсантъ", False),),
        [("indirect", ("завод ищет нового владельца",), "Коммерсантъ")],
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), INDIRECT)
def test_indirect_speech(text: str, names: Names, expected: Expected) -> None:
    assert summary(text, quotes_of(text, names, "en" if text.isascii() else "ru")) == expected


NOT_QUOTES = [
    "ООО «Ромашка» объявило о банкротстве.",
    "Акции компании «Газпром» подорожали на бирже.",
    "В прокат вышел фильм «Брат» в новой реставрации.",
    "Его так называемая «оптимизация» расходов никого не убедила.",
    "Теплоход «Волга-3» причалил в Твери.",
    "Делегаты съезда партии «Единая Россия», где выступил премьер, проголосовали единогласно.",
    "Напомним, что мост через Волгу ремонтируют раз в десять лет.",
    "Стоит отметить, что переговоры шли два часа.",
    "Министр сообщил об отставке.",
    "Президент рассказал о том, как прошли переговоры.",
    "На плакате надпись – «Сто лет нашей школе».",
    "«Городские парки: новые идеи». Форум пройдёт в Твери.",
    "Как говорится, в гостях хорошо, а дома лучше.",
    'The film "Brother" was shown again.',
    # the verb has a clause of its own after it: not "…, he said." closing a reported statement
    "When the fisherman saw something in the riverbank last August, he thought it was a piece of wood.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(text: str) -> None:
    assert quotes_of(text, (), "en" if text.isascii() else "ru") == []


def test_organisation_speaks_but_its_name_is_not_a_quote() -> None:
    text = "Компания «Газпром» сообщила, что поставки будут продолжены."
    names: Names = (("«Газпром»", "ORG", "Газпром", False),)
    assert summary(text, quotes_of(text, names)) == [("indirect", ("поставки будут продолжены",), "Газпром")]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("«Один» и «два»", ["Один", "два"]),
        ("«ООО „Ромашка“ закрылось», — сказал он.", ["ООО „Ромашка“ закрылось"]),
        ("«Внешние «кавычки» внутри»", ["Внешние «кавычки» внутри"]),
        ('Он сказал: "Да". И ушёл "домой"', ["Да", "домой"]),
        ("«Незакрытая\nстрока»", []),
    ],
)
def test_quote_marks_pair_up(text: str, pairs: list[str]) -> None:
    assert [text[a + 1 : b] for a, b in quote_spans(text)] == pairs
