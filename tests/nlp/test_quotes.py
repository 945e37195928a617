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
        "«Мы готовы к переговорам», — сказал Владимир Путин.",
        (("Владимир Путин", "PER", "Владимир Путин", False),),
        [("direct", ("Мы готовы к переговорам",), "Владимир Путин")],
    ),
    (  # English quote marks, a role the linker resolved
        "“Сейчас у нас первая часть завершена”, — предложил глава государства.",
        (("глава государства", "PER", "Владимир Путин", True),),
        [("direct", ("Сейчас у нас первая часть завершена",), "Владимир Путин")],
    ),
    (  # German-style marks, attribution without a dash
        "„Это важный шаг для наших стран“, заявил Касым-Жомарт Токаев.",
        (("Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев", False),),
        [("direct", ("Это важный шаг для наших стран",), "Касым-Жомарт Токаев")],
    ),
    (  # straight quotes; the name after the role is the speaker
        '"Мы не будем спешить с ответом", - сказал министр Сергей Лавров.',
        (("Сергей Лавров", "PER", "Сергей Лавров", False),),
        [("direct", ("Мы не будем спешить с ответом",), "Сергей Лавров")],
    ),
    (  # interrupted by its attribution: one quote in two parts
        "«Это признак важного шага, — сказал Реджеп Эрдоган. — Мы хотим сотрудничать и дальше».",
        (("Реджеп Эрдоган", "PER", "Реджеп Тайип Эрдоган", False),),
        [("direct", ("Это признак важного шага", "Мы хотим сотрудничать и дальше"), "Реджеп Тайип Эрдоган")],
    ),
    (  # «A», сказал X. «B». — B continues A
        "«Мы рассматриваем все возможности», сказал Скотт Хоровитц. «Конечно, решение примут не сразу».",
        (("Скотт Хоровитц", "PER", "Скотт Хоровитц", False),),
        [
            (
                "direct",
                ("Мы рассматриваем все возможности", "Конечно, решение примут не сразу"),
                "Скотт Хоровитц",
            )
        ],
    ),
    (  # a colon introduces the quote
        "Бхутто заявила агентству France-Presse: «Я не боюсь их тактики».",
        (("Бхутто", "PER", "Беназир Бхутто", False), ("France-Presse", "ORG", "France-Presse", False)),
        [("direct", ("Я не боюсь их тактики",), "Беназир Бхутто")],
    ),
    (  # a partial quote after a verb of speech
        "Путин пообещал «пройтись по всей повестке» на переговорах.",
        PUTIN,
        [("direct", ("пройтись по всей повестке",), "Владимир Путин")],
    ),
    (  # a partial quote inside reported speech: the indirect quote and the fragment, same speaker
        "Путин отметил, что завтра надо обсудить отношения — «пройтись по всей повестке» и наметить планы.",
        PUTIN,
        [
            (
                "indirect",
                ("завтра надо обсудить отношения — «пройтись по всей повестке» и наметить планы",),
                "Владимир Путин",
            ),
            ("direct", ("пройтись по всей повестке",), "Владимир Путин"),
        ],
    ),
    (  # a quote-marked clause filling the complement is direct
        "Он подчеркнул, что «необходимость адаптироваться связана со стрессом». Дмитрий Медведев ушёл.",
        (("Дмитрий Медведев", "PER", "Дмитрий Медведев", False),),
        [("direct", ("необходимость адаптироваться связана со стрессом",), None)],
    ),
    (  # English
        '"We are ready to talk," the minister said.',
        (),
        [("direct", ("We are ready to talk,",), "minister")],
    ),
]


DIRECT += [
    (  # an interview turn: the name and a colon open the paragraph
        "Голос Америки: Как прошла встреча?\n\nМустафа Джемилев: Реакция была хорошей, он обещал помочь.",
        (("Мустафа Джемилев", "PER", "Мустафа Джемилев", False),),
        [("direct", ("Реакция была хорошей, он обещал помочь.",), "Мустафа Джемилев")],
    ),
    (  # the whole content of "как сообщил X" in quote marks is direct
        "Как сообщил А. Кудрин, «предусматривается введение госрегистрации цен».",
        (("А. Кудрин", "PER", "Алексей Кудрин", False),),
        [("direct", ("предусматривается введение госрегистрации цен",), "Алексей Кудрин")],
    ),
    (  # "цитирует X Y": Y is the speaker, not the outlet
        "«Ключевым был момент в декабре», — цитирует ИА Regnum Евгения Минченко.",
        (("ИА Regnum", "ORG", "ИА Regnum", False), ("Евгения Минченко", "PER", "Евгений Минченко", False)),
        [("direct", ("Ключевым был момент в декабре",), "Евгений Минченко")],
    ),
    (  # first-person words closed by an attribution are the speaker's own words
        "Мы очень довольны научными экспериментами на станции, сказал Уильям Макартур.",
        (("Уильям Макартур", "PER", "Уильям Макартур", False),),
        [("direct", ("Мы очень довольны научными экспериментами на станции",), "Уильям Макартур")],
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), DIRECT)
def test_direct_speech(text: str, names: Names, expected: Expected) -> None:
    assert summary(text, quotes_of(text, names, "en" if text.isascii() else "ru")) == expected


SPEAKERS = [
    (  # a role in this sentence, the name in the sentence before (resolved without the linker)
        "Ранее Дмитрий Песков говорил, что за поездкой внимательно наблюдали. "
        "«Это было бы весьма интересно для российской стороны», - сказал представитель Кремля.",
        PESKOV,
        "Дмитрий Песков",
        "представитель Кремля",
    ),
    (  # a pronoun: the person the text is about
        "Путин приветствовал гостя в Кремле. «Рад видеть вас в Москве», — сказал он.",
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
        "«У меня есть некоторые наблюдения и соображения», — сказал Токаев Путину.",
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
        "Переход на летнее время, подчеркнул Дмитрий Медведев, будет полезным.",
        (("Дмитрий Медведев", "PER", "Дмитрий Медведев", False),),
        [("indirect", ("Переход на летнее время", "будет полезным"), "Дмитрий Медведев")],
    ),
    (
        "Россия дала Украине кредит на сумму 2 миллиарда долларов, сообщает Лента.ру.",
        (("Лента.ру", "ORG", "Лента.ру", False),),
        [("indirect", ("Россия дала Украине кредит на сумму 2 миллиарда долларов",), "Лента.ру")],
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
        "Сообщается, что переговоры продлились более двух часов.",
        (),
        [("indirect", ("переговоры продлились более двух часов",), None)],
    ),
    (  # anaphoric: the content is the paragraph before
        "Концерн сократит тысячу рабочих мест.\n\nОб этом заявил Бернд Пишетсридер.",
        (("Бернд Пишетсридер", "PER", "Бернд Пишетсридер", False),),
        [("indirect", ("Концерн сократит тысячу рабочих мест",), "Бернд Пишетсридер")],
    ),
    (  # two reporting verbs, two quotes; the first ends where the second clause starts
        "Наото Кан заявил, что визит вызывает сожаление, а Сэйдзи Маэхара отметил, что ответ будет жёстким.",
        (("Наото Кан", "PER", "Наото Кан", False), ("Сэйдзи Маэхара", "PER", "Сэйдзи Маэхара", False)),
        [
            ("indirect", ("визит вызывает сожаление",), "Наото Кан"),
            ("indirect", ("ответ будет жёстким",), "Сэйдзи Маэхара"),
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
        "Израиль и США отвергают подобный шаг, заявляя, что мир возможен только путём переговоров.",
        (("Израиль", "LOC", "Израиль", False), ("США", "LOC", "США", False)),
        [("indirect", ("мир возможен только путём переговоров",), "Израиль и США")],
    ),
    (  # no subject, but the organisation the clause names
        "В Минсвязи уверены, что операторам будет легче договориться.",
        (("Минсвязи", "ORG", "Минсвязи", False),),
        [("indirect", ("операторам будет легче договориться",), "Минсвязи")],
    ),
    (  # English, the speaker before a postposed verb
        "Prices will rise, the central bank said.",
        (),
        [("indirect", ("Prices will rise",), "central bank")],
    ),
    (  # an English role stays a role: no resolving "the minister" to a person named earlier
        "Joe Biden arrived. The minister said that prices would rise.",
        (("Joe Biden", "PER", "Joe Biden", False),),
        [("indirect", ("prices would rise",), "minister")],
    ),
    (  # a parenthetical attribution with only a connective before it
        "Между тем, сообщает «Коммерсантъ», телеканал имеет сложности с кредиторами.",
        (("Коммерсантъ", "ORG", "Коммерсантъ", False),),
        [("indirect", ("телеканал имеет сложности с кредиторами",), "Коммерсантъ")],
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
    "Корабль «Союз ТМА-11» приземлился в Казахстане.",
    "Делегаты съезда партии «Единая Россия», где выступил премьер, проголосовали единогласно.",
    "Напомним, что государственный визит возможен один раз за срок полномочий.",
    "Стоит отметить, что переговоры шли два часа.",
    "Министр сообщил об отставке.",
    "Президент рассказал о том, как прошли переговоры.",
    "На нем надпись – «40 дней без Егора».",
    "«Субкультуры: потенциал развития». Конференция пройдёт в Москве.",
    "Как говорится, за ним придут другие.",
    'The film "Brother" was shown again.',
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
