"""Small word lists the entity rules use: abbreviations, countries, offices and who has held them.

Kept short on purpose: each entry is here because a rule in ``entities`` or ``linking`` needs it.
"""

from __future__ import annotations

from svodka.nlp.types import EntityType

ABBREVIATIONS: dict[str, tuple[EntityType, str]] = {
    # token as written → (type, canonical name)
    "РФ": ("LOC", "Россия"),
    "США": ("LOC", "США"),
    "КНР": ("LOC", "Китай"),
    "КНДР": ("LOC", "КНДР"),
    "ФРГ": ("LOC", "Германия"),
    "ОАЭ": ("LOC", "ОАЭ"),
    "МИД": ("ORG", "МИД"),
    "ЦБ": ("ORG", "ЦБ"),
    "ФСБ": ("ORG", "ФСБ"),
    "МВД": ("ORG", "МВД"),
    "МЧС": ("ORG", "МЧС"),
    "СК": ("ORG", "СК"),
    "ФАС": ("ORG", "ФАС"),
    "ФНС": ("ORG", "ФНС"),
    "ООН": ("ORG", "ООН"),
    "НАТО": ("ORG", "НАТО"),
    "ОПЕК": ("ORG", "ОПЕК"),
    "МВФ": ("ORG", "МВФ"),
    "ВТО": ("ORG", "ВТО"),
    "ОДКБ": ("ORG", "ОДКБ"),
    "ЕАЭС": ("ORG", "ЕАЭС"),
    "ШОС": ("ORG", "ШОС"),
    "БРИКС": ("ORG", "БРИКС"),
    "Минфин": ("ORG", "Минфин"),
    "Минобороны": ("ORG", "Минобороны"),
    "Госдума": ("ORG", "Госдума"),
}

_CANONICAL = {
    "рф": "Россия",
    "российская федерация": "Россия",
    "соединенные штаты": "США",
    "соединенные штаты америки": "США",
    "кнр": "Китай",
    "фрг": "Германия",
    "беларусь": "Белоруссия",
    "республика беларусь": "Белоруссия",
    "республика казахстан": "Казахстан",
}


def fold(name: str) -> str:
    """Lowercase with ё as е: the form names are compared in."""
    return " ".join(name.lower().replace("ё", "е").split())


def canonical_abbreviation(name: str) -> str | None:
    """The canonical name of a place written as an abbreviation or an official long form (РФ → Россия)."""
    return _CANONICAL.get(fold(name))


COUNTRIES: dict[str, str] = {
    # lemma (or lowercased token) → canonical country
    "россия": "Россия",
    "рф": "Россия",
    "казахстан": "Казахстан",
    "сша": "США",
    "америка": "США",
    "украина": "Украина",
    "белоруссия": "Белоруссия",
    "беларусь": "Белоруссия",
    "франция": "Франция",
    "германия": "Германия",
    "фрг": "Германия",
    "китай": "Китай",
    "кнр": "Китай",
    "турция": "Турция",
    "узбекистан": "Узбекистан",
    "киргизия": "Киргизия",
    "киргизстан": "Киргизия",
    "таджикистан": "Таджикистан",
    "туркмения": "Туркмения",
    "туркменистан": "Туркмения",
    "азербайджан": "Азербайджан",
    "армения": "Армения",
    "грузия": "Грузия",
    "молдавия": "Молдавия",
    "молдова": "Молдавия",
    "иран": "Иран",
    "израиль": "Израиль",
    "индия": "Индия",
    "япония": "Япония",
    "великобритания": "Великобритания",
    "италия": "Италия",
    "польша": "Польша",
    "финляндия": "Финляндия",
    "сирия": "Сирия",
    "египет": "Египет",
    "бразилия": "Бразилия",
}

COUNTRY_ADJECTIVES: dict[str, str] = {
    "российский": "Россия",
    "казахстанский": "Казахстан",
    "американский": "США",
    "украинский": "Украина",
    "белорусский": "Белоруссия",
    "французский": "Франция",
    "германский": "Германия",
    "немецкий": "Германия",
    "китайский": "Китай",
    "турецкий": "Турция",
    "узбекский": "Узбекистан",
    "киргизский": "Киргизия",
    "таджикский": "Таджикистан",
    "азербайджанский": "Азербайджан",
    "армянский": "Армения",
    "грузинский": "Грузия",
    "иранский": "Иран",
    "израильский": "Израиль",
    "британский": "Великобритания",
    "японский": "Япония",
    "индийский": "Индия",
}

OFFICE_HEADS: dict[str, str] = {
    # head lemma → office; "лидер" and "глава" of a country mean its head of state
    "президент": "president",
    "лидер": "president",
    "глава": "president",
    "премьер": "premier",
    "премьер-министр": "premier",
    "канцлер": "chancellor",
}

OFFICE_HOLDERS: dict[tuple[str, str], tuple[str, ...]] = {
    # People who have held an office. A role resolves to one of them only when the article names that
    # person (so an old text about "президент России" and Медведев still reads right); an article that
    # names the holder by surname alone gets the first name from here.
    ("president", "Россия"): ("Владимир Путин", "Дмитрий Медведев", "Борис Ельцин"),
    ("president", "Казахстан"): ("Касым-Жомарт Токаев", "Нурсултан Назарбаев"),
    ("president", "США"): ("Дональд Трамп", "Джо Байден", "Барак Обама", "Джордж Буш"),
    ("president", "Украина"): ("Владимир Зеленский", "Петр Порошенко", "Виктор Янукович", "Виктор Ющенко"),
    ("president", "Белоруссия"): ("Александр Лукашенко",),
    ("president", "Франция"): ("Эммануэль Макрон", "Франсуа Олланд", "Николя Саркози"),
    ("president", "Турция"): ("Реджеп Эрдоган",),
    ("president", "Китай"): ("Си Цзиньпин",),
    ("president", "Узбекистан"): ("Шавкат Мирзиеев", "Ислам Каримов"),
    ("president", "Киргизия"): ("Садыр Жапаров", "Алмазбек Атамбаев"),
    ("president", "Таджикистан"): ("Эмомали Рахмон",),
    ("president", "Азербайджан"): ("Ильхам Алиев",),
    ("premier", "Россия"): ("Михаил Мишустин", "Дмитрий Медведев", "Владимир Путин"),
    ("chancellor", "Германия"): ("Фридрих Мерц", "Олаф Шольц", "Ангела Меркель"),
    ("press_secretary", "Россия"): ("Дмитрий Песков",),
}


def holder(office: str, country: str, surname: str) -> str | None:
    """The full name of a person with this surname who has held the office, if any."""
    folded = fold(surname)
    for name in OFFICE_HOLDERS.get((office, country), ()):
        if fold(name.split()[-1]) == folded:
            return name
    return None


OFFICE_LABELS: dict[str, str] = {
    "president": "президент",
    "premier": "премьер-министр",
    "chancellor": "канцлер",
    "press_secretary": "пресс-секретарь президента",
}

ORG_WORDS = frozenset(
    [
        "компания",
        "банк",
        "холдинг",
        "концерн",
        "корпорация",
        "группа",
        "партия",
        "движение",
        "агентство",
        "фонд",
        "издание",
        "газета",
        "журнал",
        "телеканал",
        "радиостанция",
        "организация",
        "общество",
        "объединение",
        "ассоциация",
        "союз",
        "клуб",
        "завод",
        "комбинат",
        "фабрика",
        "авиакомпания",
        "госкорпорация",
        "ретейлер",
        "ритейлер",
        "оператор",
        "маркетплейс",
        "сервис",
        "платформа",
    ]
)

SEPARATORS = frozenset({"(", ")", "[", "]", "•", "·", ";", "|", "/", ",", "—", "–"})
"""Tokens that never sit inside a name: an NER span holding one is two names (or a name and a gloss)."""

LEGAL_FORMS = frozenset(
    [
        "оао",
        "ооо",
        "зао",
        "пао",
        "ао",
        "нао",
        "гуп",
        "муп",
        "фгуп",
        "фгуп",
        "нко",
        "нк",
        "ик",
        "ип",
        "чоп",
        "фгбу",
        "гбу",
        "ано",
        "кб",
        "ак",
        "тк",
        "иа",
        "ия",
        "концерн",
        "компания",
        "холдинг",
        "корпорация",
        "госкорпорация",
        "группа",
        "агентство",
    ]
)
"""Words before a name in quotes that are not part of it: ОАО «Газпром», концерн «Майкрософт»."""

TYPE_FIXES: dict[str, EntityType] = {
    # folded normal form → the type the tagger often gets wrong
    "ес": "ORG",
    "евросоюз": "ORG",
    "европейский союз": "ORG",
    "мкс": "LOC",
}

NOT_ENTITIES = frozenset({"сми", "интернет-сми"})
"""Normal forms the tagger marks though they name nothing ("СМИ" is "the media")."""

SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ын",
    "ова",
    "ева",
    "ина",
    "ына",
    "ому",
    "ему",
    "ым",
    "им",
    "ой",
    "ую",
    "ский",
    "цкий",
    "ская",
    "цкая",
    "ского",
    "цкого",
    "скому",
    "цкому",
    "ским",
    "цким",
    "ской",
    "цкой",
    "ова",
    "ову",
    "евым",
    "овым",
    "ина",
    "ину",
    "иным",
    "ыным",
    "енко",
    "ук",
    "юк",
    "як",
    "ич",
)
"""Endings of Russian surnames, in the nominative and oblique cases."""

NAME_PARTICLES = frozenset(
    [
        "ле",
        "де",
        "ди",
        "да",
        "дю",
        "ван",
        "фон",
        "дер",
        "дел",
        "делла",
        "ла",
        "аль",
        "эль",
        "ибн",
        "бен",
        "бин",
        "о",
        "мак",
    ]
)
"""Particles that belong to the surname after them ("Марин Ле Пен", "Люк Ван Велли")."""
