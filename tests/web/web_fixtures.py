"""Our own test articles (invented people and places): one story told by two outlets, a hostile article.

Outlet A and outlet B report the same meeting and disagree, the way the seed reports do: on where it
took place and on how many agreements were signed. B comes an hour after A: the comparison takes
figures given more than two hours apart for updates, not disagreements. A hostile article tries every
injection.
"""

from __future__ import annotations

STORY_A = {
    "id": "a-1",
    "source": "vestnik-test.ru",
    "date": "2026-03-11T09:30:00+03:00",
    "title": "Соколов и Белова обсудили строительство моста через Обь",
    "text": (
        "Мэр Новосибирска Андрей Соколов и губернатор Томской области Ирина Белова встретились 10 марта "
        "в мэрии Новосибирска, чтобы обсудить строительство нового моста через Обь.\n\n"
        "По итогам встречи стороны подписали 12 соглашений о сотрудничестве.\n\n"
        "«Мост нужен обоим регионам, и мы построим его к 2029 году», — сказал Андрей Соколов.\n\n"
        "Ирина Белова отметила, что область выделит на проект 4 млрд рублей."
    ),
}
STORY_B = {
    "id": "b-1",
    "source": "sibir-daily.ru",
    "date": "2026-03-11T10:30:00+03:00",
    "title": "Губернатор Белова и мэр Соколов договорились о мосте через Обь",
    "text": (
        "Губернатор Томской области Ирина Белова и мэр Новосибирска Андрей Соколов встретились 10 марта "
        "в загородной резиденции губернатора под Томском, чтобы обсудить строительство нового моста "
        "через Обь.\n\n"
        "По итогам встречи стороны подписали 15 соглашений о сотрудничестве.\n\n"
        "«Мост нужен обоим регионам, и мы построим его к 2029 году», — сказал Андрей Соколов.\n\n"
        "Эта поистине историческая встреча прошла в удивительно тёплой и доверительной атмосфере."
    ),
}
OTHER = {
    "id": "c-1",
    "source": "vestnik-test.ru",
    "date": "2026-03-12T08:00:00+03:00",
    "title": "В Барнауле открыли новую библиотеку",
    "text": (
        "В Барнауле в четверг открыли новую детскую библиотеку на 40 тысяч книг. "
        "Директор библиотеки Мария Волкова рассказала, что читальный зал рассчитан на сто мест."
    ),
}

ENGLISH = {
    "id": "e-1",
    "source": "north-wire.com",
    "date": "2026-03-12T09:00:00+00:00",
    "title": "A new children's library opens in Barnaul",
    "text": (
        "A children's library holding 40,000 books opened in Barnaul on Thursday. "
        "Its director, Maria Volkova, said the reading room seats a hundred children."
    ),
    "lang": "en",
}

ALL = (STORY_A, STORY_B, OTHER, ENGLISH)

XSS = "<script>window.__pwned = 1</script>"
HOSTILE = {
    "id": "x-1",
    "source": 'evil"><script>window.__pwned=2</script>',
    "url": "javascript:window.__pwned=3",
    "date": "2026-03-12T13:00:00+03:00",
    "title": f'Заголовок {XSS} "quoted" \'single\' <img src=x onerror="window.__pwned=4">',
    "text": (
        f'Текст с {XSS} и атрибутом " onmouseover="window.__pwned=5" и <b>разметкой</b> & амперсандом. '
        "«Цитата с <script>alert(1)</script> внутри», — сказал Андрей Соколов."
    ),
}
