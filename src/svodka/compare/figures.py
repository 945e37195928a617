"""Figures two articles give differently: «пострадали 12 человек» against «пострадали 15 человек».

Two figures are of one thing when they count the same unit and the words around one (up to a comma or a
dash) are all around the other. Most of this module is about what is not a disagreement though it looks
like one: a bound and a value that agree, a count that moves (an update, a toll that rose, a fire's area,
a day's count against a total), a part against the whole, a batch against a running total, a list of
figures of many things, a number that names rather than counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import combinations

from svodka.compare.claims import Claim, Doc
from svodka.compare.events import hedged
from svodka.compare.numbers import NUMBER_WORDS, Number, qualifier_word
from svodka.compare.result import Difference, Language, Span, about
from svodka.compare.words import ATTRIBUTION, STOP


def _span(claim: Claim) -> Span:
    return Span(claim.doc, claim.start, claim.stop)


_SEGMENT_BREAK = re.compile(r"[,;:()«»\"“”„]|\s[-—–]\s|\s(?:и|а|and)\s")
SAME_FIGURE = 0.75
"""Share of the shorter stretch's words the other must have for two figures to count the same thing."""
FAR_APART = 10.0
"""Figures this many times apart are taken to count different things, not to disagree."""
CLOSE_IN_TIME = timedelta(hours=1)
"""Figures published further apart than this may be an update (a rate, a toll), not a disagreement."""


@dataclass(frozen=True, slots=True)
class _Figure:
    claim: Claim
    number: Number
    words: frozenset[str]
    """Content lemmas of the number's stretch of text (between commas, dashes, brackets), unit included."""
    start: int
    stop: int


def number_differences(docs: Sequence[Doc], lang: Language) -> list[Difference]:
    """The same figure given differently: «пострадали 12 человек» / «пострадали 15 человек».

    Two figures are of the same thing when they count the same unit and the words around one (up to a
    comma or a dash) are all around the other: «цена гречки выросла до 90 рублей» and «цена риса выросла
    до 85 рублей» are two figures, «спасатели ищут пять туристов» and «отряды спасателей ищут
    четырёх человек» one. Counts tied to different people, demands and plans are left alone.
    """
    figures = {doc.index: _figures(doc) for doc in docs}
    moving = _moving(docs, figures)
    found = []
    for x, y in combinations(sorted(figures), 2):
        if docs[x].label == docs[y].label or not _close_in_time(docs[x], docs[y]):
            continue
        vocabulary = {d: {t.lemma for t in docs[d].tokens} for d in (x, y)}
        by_unit: dict[str, list[tuple[_Figure, _Figure]]] = {}
        for p in figures[x]:
            for q in figures[y]:
                if (
                    p.number.unit == q.number.unit
                    and id(p) not in moving
                    and id(q) not in moving
                    and p.claim.persons == q.claim.persons
                    and _same_figure(p, q, vocabulary[x], vocabulary[y])
                ):
                    by_unit.setdefault(p.number.unit, []).append((p, q))
        # Each unit on its own: «10-12 years» told alike does not make «12,000 / 2,000 euros» agree.
        for pairs in by_unit.values():
            found.extend(_number_difference(docs, pairs, figures[x], figures[y], lang))
    return found


def _number_difference(
    docs: Sequence[Doc],
    pairs: list[tuple[_Figure, _Figure]],
    mine: list[_Figure],
    theirs: list[_Figure],
    lang: Language,
) -> list[Difference]:
    """The difference between two articles' figures of one unit that count the same thing, if any."""
    if any(_agree(p.number, q.number) for p, q in pairs):
        return []
    # «пять ракет перехвачены» against «удар шестью ракетами» is no disagreement when the other
    # article also says «шести ракет ATACMS»: two counts of two things.
    if any(_gives(theirs, p) or _gives(mine, q) for p, q in pairs):
        return []
    # Two tellings of one count rarely differ tenfold: «умерли 6» against «умерли 1716» count two things
    # (a day and a season, a town and a region).
    pairs = [(p, q) for p, q in pairs if not _far_apart(p.number.value, q.number.value)]
    if not pairs:
        return []
    # «45 человек: 42 пассажира и три сотрудника»: 42 aboard against 45 is a part against the whole
    if any(_part_and_rest(docs, p.number.value, q.number.value) for p, q in pairs):
        return []
    smallest = min((f for pair in pairs for f in pair), key=lambda f: len(f.words))
    text = docs[smallest.claim.doc].text(smallest.start, smallest.stop).strip(" .")
    return [
        Difference(
            "number",
            about("figure", lang, text=text),
            tuple(dict.fromkeys(_span(f.claim) for pair in pairs for f in pair)),
            (
                _values(docs, pairs[0][0].claim, list(dict.fromkeys(p.number for p, _ in pairs))),
                _values(docs, pairs[0][1].claim, list(dict.fromkeys(q.number for _, q in pairs))),
            ),
        )
    ]


def _far_apart(x: float, y: float) -> bool:
    small, large = sorted((abs(x), abs(y)))
    return small > 0 and large > FAR_APART * small


def _part_and_rest(docs: Sequence[Doc], x: float, y: float) -> bool:
    """Whether some sentence of the story gives the smaller figure and what it lacks of the larger one
    together: then the smaller counts a part of what the larger counts."""
    small, large = sorted((x, y))
    rest = large - small
    if small <= 0 or rest <= 0:
        return False
    return any(
        any(n.value == small and n.unit for n in claim.numbers)
        and any(n.value == rest and n.unit for n in claim.numbers)
        for doc in docs
        for claim in doc.claims
    )


def _gives(figures: list[_Figure], figure: _Figure) -> bool:
    """Whether an article gives this very figure too (the same value of the same unit): then the two
    figures compared are of two things it tells apart («Стандарт» 650 рублей, «Бизнес» 2500)."""
    return any(f.number.value == figure.number.value and f.number.unit == figure.number.unit for f in figures)


def _moving(docs: Sequence[Doc], figures: dict[int, list[_Figure]]) -> set[int]:
    """Figures that change as the story goes on, so that another outlet's other value is an update, not a
    disagreement: those an outlet itself gives differently (a rate posted every hour, a rising toll) or
    marks as its update («UPD: погибло четыре человека»), and every count of a unit some article says
    changed («число раненых выросло до девяти»)."""
    changed = _changed_units(docs)
    moving = {
        id(f)
        for doc in docs
        for f in figures[doc.index]
        if f.number.unit in changed or _UPDATE.match(doc.article.text, f.claim.start) or _burnt_area(f)
    }
    by_source: dict[str, list[tuple[int, _Figure]]] = {}
    for index, found in figures.items():
        by_source.setdefault(docs[index].label, []).extend((index, f) for f in found)
    for items in by_source.values():
        vocabulary = {i: {t.lemma for t in docs[i].tokens} for i, _ in items}
        for k, (i, p) in enumerate(items):
            for j, q in items[k + 1 :]:
                if (
                    p.number.unit == q.number.unit
                    and _same_figure(p, q, vocabulary[i], vocabulary[j])
                    and not _agree(p.number, q.number)
                ):
                    moving.update((id(p), id(q)))
    return moving


_AREA_UNITS = frozenset(["кв", "квадратный", "метр", "гектар", "га", "километр", "hectare", "acre", "square"])
_BURNING = frozenset(
    [
        "пожар",
        "возгорание",
        "гореть",
        "загореться",
        "огонь",
        "пламя",
        "тушить",
        "fire",
        "blaze",
        "burn",
        "wildfire",
    ]
)


def _burnt_area(figure: _Figure) -> bool:
    """The area of a fire: measured again and again as it spreads or is put out, so two outlets' areas
    minutes apart («загорелся на площади 1 тыс. кв. м», «горит на площади 1,5 тыс.») are two readings."""
    lemmas = set(figure.claim.lemmas)
    return (
        figure.number.unit in _AREA_UNITS
        and bool(lemmas & _BURNING)
        and (
            "площадь" in lemmas
            or "area" in lemmas
            or figure.number.unit in ("гектар", "га", "hectare", "acre")
        )
    )


def _changed_units(docs: Sequence[Doc]) -> set[str]:
    """Units of the counts some article of the story says changed to a value («выросло до семи»)."""
    found = set()
    for doc in docs:
        text = doc.article.text
        for claim in doc.claims:
            for number in claim.numbers:
                if number.unit and _CHANGED_TO.search(text[max(0, number.start - 40) : number.start]):
                    found.add(_UNIT_SYNONYMS.get(number.unit, number.unit))
    return found


def _same_figure(p: _Figure, q: _Figure, p_words: set[str], q_words: set[str]) -> bool:
    """Whether two figures count the same thing (see ``_number_facts``).

    Most words around the one must be around the other; and where each has a word the other lacks
    while the other article uses that word elsewhere («евро» / «доллар» in two reports that both
    mention both currencies), they are figures of two things both articles know about.
    """
    shared = len(p.words & q.words)
    if shared < min(len(p.words), len(q.words)) * SAME_FIGURE or shared < 2:
        return False
    return not ((p.words - q.words) & q_words and (q.words - p.words) & p_words)


def _figures(doc: Doc) -> list[_Figure]:
    text = doc.article.text
    listed = _list_lines(text)
    background = _background_paragraphs(doc)
    found = []
    for claim in doc.claims:
        if claim.heading or hedged(doc, claim) or claim.paragraph in background:
            continue
        if any(a <= claim.start < b for a, b in listed):
            continue  # a list («— Слесарь – до 350 тысяч», «— штрафы до 60 млн») gives figures of many things
        for number in claim.numbers:
            if not number.unit or number.unit in _MIXED_UNITS or _range_or_change(text, number):
                continue
            if _PRELIMINARY.search(text, claim.start, number.start):
                continue  # «Предварительно, двое раненых»: a first count, to be updated
            if _IDENTIFIER.search(text, max(0, number.start - 12), number.start):
                continue  # «ч. 2 ст. 167 УК», «№ 1512», "Article 5": a number that names, not counts
            breaks_before = [m.end() for m in _SEGMENT_BREAK.finditer(text, claim.start, number.start)]
            after = _SEGMENT_BREAK.search(text, number.stop, claim.stop)
            start = breaks_before[-1] if breaks_before else claim.start
            stop = after.start() if after else claim.stop
            words = _stretch_words(doc, start, stop)
            if not words - {number.unit}:
                # «столкнулись трамвай и 9 машин»: the stretch is the count alone, so what it
                # counts is told by the whole clause (the crash on the avenue).
                words = _stretch_words(doc, claim.start, claim.stop)
            if words & _CURRENCIES and number.unit in _CURRENCIES | {"рубль"}:
                continue  # an exchange rate («доллар выше 114 рублей») moves by the minute
            if len(words - {number.unit}) >= 1:
                unit = _UNIT_SYNONYMS.get(number.unit, number.unit)
                if _PERIOD.search(text, claim.start, claim.stop):
                    unit += "/period"  # «за сутки выздоровели 4207»: the day's count, not the running total
                words = frozenset(_UNIT_SYNONYMS.get(w, w) for w in words)
                found.append(_Figure(claim, replace(number, unit=unit), words, start, stop))
    return found


_PRELIMINARY = re.compile(r"предварительн|preliminar", re.IGNORECASE)
_IDENTIFIER = re.compile(
    r"(?:\b(?:ч|ст|п|пп|чч|стт)\.|№|\b(?:част[ьи]|стать[яиюе]|пункт[ау]?|article|section|no\.)|#)\s*$",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\bза\s+(?:последние\s+|минувшие\s+|прошедшие\s+)?(?:сутки|день|неделю|месяц|час)\b"
    r"|\b(?:in|over)\s+the\s+(?:past|last)\s+(?:24\s+hours|day|week|month)",
    re.IGNORECASE,
)
"""A count over a stated period («за сутки», «за неделю») is compared only with another such count."""
_UPDATE = re.compile(r"\W*(?:upd|update|обновлено)\b", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:от|с|from|between)\s+$", re.IGNORECASE)
_RANGE_START_AFTER = re.compile(r"^\s*(?:[^\W\d]+\.?\s+)?(?:до|по|to|and)\s+\d", re.IGNORECASE)
_RANGE_END = re.compile(
    r"\b(?:от|с|from|between)\s+\d[\d\s.,]*(?:[^\W\d]+\.?\s+)?(?:до|по|to|and)\s+$", re.IGNORECASE
)
_DASH_BEFORE = re.compile(r"\d\s*[-–—]\s*$")
_DASH_AFTER = re.compile(r"^\s*[-–—]\s*\d")
_CHANGE_BEFORE = re.compile(r"\b(?:на|by)\s+(?:[а-яёa-z]+\s+)?$", re.IGNORECASE)
_CHANGE_WORDS = re.compile(
    r"увелич|повыс|повыш|сниз|сниж|сократ|сокращ|вырос|выраст|рост|упал|паден|подорож|подешев|прибав"
    r"|increas|rais|rose|risen|grow|grew|fell|fall|cut|drop",
    re.IGNORECASE,
)


_CHANGED_TO = re.compile(rf"(?:{_CHANGE_WORDS.pattern})\w*\s+(?:до|to)\s+$", re.IGNORECASE)
"""A count changed to a new value («выросло до семи», «снизилось до пяти»): the count moves."""


_PART = re.compile(
    r"\b(?:из\s+(?:них|которых|числа)|в\s+том\s+числе|of\s+(?:them|which)|including)\W{0,3}$", re.I
)


_OF_BEFORE = re.compile(
    r"(?:\d|\b(?:дв|тр|четыр|пят|шест|сем|восем|девят|десят|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)\w*)\s+(?:из|of|out\s+of)\s+$",
    re.IGNORECASE,
)
_OF_AFTER = re.compile(r"^\s+(?:из|of|out\s+of)\s+\d", re.IGNORECASE)
_MORE = re.compile(r"\b(?:ещ[её]|another|further)\s+$", re.IGNORECASE)


_BULLET = re.compile(r"^[ \t]*(?:[•●▪◦·*—–-]|\d{1,2}[.)])[ \t]", re.MULTILINE)


_RECALL = re.compile(r"[\W_]*(?:напомним|напомню|ранее|прежде|recall|earlier|previously)\b", re.IGNORECASE)
BACKGROUND_DAYS = 3
"""A paragraph that opens on a day this many days or more before its post tells of an earlier event."""


def _background_paragraphs(doc: Doc) -> set[int]:
    """Paragraphs that tell an earlier event as background («Напомним, …», «24 ноября другой самолёт …» in a
    post of 1 December): their figures count that event's things, not this story's."""
    published = doc.article.published
    day = published.date() if isinstance(published, datetime) else published
    found: set[int] = set()
    seen: set[int] = set()
    for claim in doc.claims:
        if claim.paragraph in seen:
            continue
        seen.add(claim.paragraph)  # the paragraph's first claim says what it is about
        if _RECALL.match(doc.article.text, claim.start, claim.stop):
            found.add(claim.paragraph)
            continue
        for mention in claim.dates:
            try:
                when = date.fromisoformat(mention.value)
            except ValueError:
                continue  # a month or a year: too coarse to tell
            if day is not None and (day - when).days >= BACKGROUND_DAYS:
                found.add(claim.paragraph)
    return found


def _list_lines(text: str) -> list[tuple[int, int]]:
    """The lines of a bulleted list with figures in at least two of its lines (empty otherwise)."""
    lines = []
    for match in _BULLET.finditer(text):
        stop = text.find("\n", match.start())
        lines.append((match.start(), stop if stop >= 0 else len(text)))
    with_figures = [(a, b) for a, b in lines if re.search(r"\d", text[a:b].lstrip(" \t0123456789.)"))]
    return lines if len(with_figures) >= 2 else []


def _range_or_change(text: str, number: Number) -> bool:
    """A figure that is one end of a range («от 150 до 300 тысяч», «5–7 человек») or a change («лимит
    увеличен на 2,4 трлн»): it does not contradict a single value or a total."""
    before = text[max(0, number.start - 40) : number.start]
    after = text[number.stop : number.stop + 40]
    if _RANGE_START.search(before) and _RANGE_START_AFTER.match(after):
        return True
    if _RANGE_END.search(before) or _DASH_BEFORE.search(before) or _DASH_AFTER.match(after):
        return True
    if _PART.search(before):
        return True  # «из них две достигли цели»: a part of another count
    if _OF_BEFORE.search(before) or _OF_AFTER.match(after):
        return True  # «у 12 из 15 производителей»: a part and the whole, neither a count to compare
    if _MORE.search(before):
        return True  # «ещё два беспилотника»: the latest batch, not the running total
    return bool(_CHANGE_BEFORE.search(before[-25:]) and _CHANGE_WORDS.search(before))


_MIXED_UNITS = frozenset(["год", "year"])
"""Units that count too many kinds of thing to compare by their words: «Тайсону 58 лет», «не
боксировал около 20 лет», «за последние 19 лет», «срок 7 лет»."""
_CURRENCIES = frozenset(["доллар", "евро", "юань", "курс", "dollar", "euro", "yuan", "rate"])
_UNIT_SYNONYMS = {
    "машина": "автомобиль",
    "авто": "автомобиль",
    "легковушка": "автомобиль",
    "car": "автомобиль",
    "кв": "метр",  # «1 тыс. кв. м», «1,5 тыс. квадратных метров»
    "квадратный": "метр",
    "школьник": "ученик",  # «30 учеников заболели» / «около сорока детей заболело»
    "ребенок": "ученик",
}
"""Units that count the same things («16 машин», «15 автомобилей»)."""


def _stretch_words(doc: Doc, start: int, stop: int) -> frozenset[str]:
    """Content lemmas of a stretch of text: what a figure in it counts."""
    return frozenset(
        t.lemma
        for t in doc.tokens_in(start, stop)
        if t.text[:1].isalpha()
        and t.lemma not in STOP
        and t.lemma not in ATTRIBUTION
        and not qualifier_word(t)  # «выше 115 рублей» says nothing about what is counted
        and t.lemma not in NUMBER_WORDS  # «пять» and «шесть» are the figures, not what they count
        and t.lemma not in _PREPOSITION_NOUNS
    )


_PREPOSITION_NOUNS = frozenset(["течение", "ход", "результат", "course", "result"])
"""Nouns of compound prepositions («в течение пяти минут», «в результате взрыва»): no subject matter."""


def _close_in_time(a: Doc, b: Doc) -> bool:
    x, y = a.article.published, b.article.published
    if not isinstance(x, datetime) or not isinstance(y, datetime) or (x.tzinfo is None) != (y.tzinfo is None):
        return True  # dates only: the same day's reports
    return abs(x - y) <= CLOSE_IN_TIME


def _agree(x: Number, y: Number) -> bool:
    """Whether two counts can both be true: equal within 1 %, or a bound the other satisfies."""
    if abs(x.value - y.value) <= 0.01 * max(abs(x.value), abs(y.value)):
        return True
    for p, q in ((x, y), (y, x)):
        if p.qualifier == "gt" and q.value > p.value:
            return True
        if p.qualifier == "lt" and q.value < p.value:
            return True
        if p.qualifier == "approx" and abs(q.value - p.value) <= 0.2 * abs(p.value):
            return True
    return x.qualifier == y.qualifier == "gt" or x.qualifier == y.qualifier == "lt"


def _values(docs: Sequence[Doc], claim: Claim, numbers: Sequence[Number]) -> str:
    doc = docs[claim.doc]
    return f"{doc.label}: " + ", ".join(_phrase(doc, n.start, n.stop) for n in numbers)


def _phrase(doc: Doc, start: int, stop: int) -> str:
    """A number with the word before (a qualifier) and the word after (its unit)."""
    before = doc.article.text[max(0, start - 20) : start].split()[-1:]
    if before and before[0].lower() in ("и", "а", "and", "с", "в"):
        before = []  # «и 15 автомобилей»: a conjunction says nothing about the figure
    after = doc.article.text[stop : stop + 30].split()[:1]
    return " ".join([*before, doc.text(start, stop), *after]).strip(" ,.;:")
