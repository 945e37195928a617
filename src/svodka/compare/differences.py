"""Aligned claims whose details disagree: a number, a date, a place, a person, the order of events.

Saying nothing beats a false difference, so every check needs two claims about the same thing first:
claims the alignment linked strongly (``SAME_FACT``), or mentions of the same kind of event (a place, an
order). And a value only disagrees when nothing on the other side is compatible with it: «более двух
часов» agrees with «три часа», «в рабочих помещениях Кремля» with «в Кремле», 2025-11 with 2025-11-11.
(Quote speakers and wording are compared in ``quotes``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import combinations

from svodka.compare.align import Alignment
from svodka.compare.claims import NUMBER_WORDS, Claim, Doc, Number, Place, qualifier_word
from svodka.compare.events import (
    Before,
    Event,
    date_differences,
    dates_in,
    eve,
    hedged,
    order,
    rank_differences,
)
from svodka.compare.result import Difference, Language, Span, about, kind_name, story_language
from svodka.compare.words import ATTRIBUTION, STOP, personal_name

SAME_FACT = 0.35
"""Link score from which two claims are taken to state the same fact with different details."""
SAME_PEOPLE = 0.45
"""A person swap needs more: everything else in the two claims must match."""
_PLACE_GROUP = {"venue": "building", "home": "building", "geo": "geo"}


def same_event(a: Claim, b: Claim) -> bool:
    """Whether two claims say the same thing happened: a verb in common or an event of the same kind."""
    return bool(a.verbs & b.verbs - ATTRIBUTION or a.events & b.events) or (
        not a.verbs and not b.verbs and len(set(a.lemmas) & set(b.lemmas)) >= 3
    )


def _same_verb(a: Claim, b: Claim) -> bool:
    """A verb in common other than one of saying (or, untagged, three words in common)."""
    if a.verbs or b.verbs:
        return bool((a.verbs & b.verbs) - ATTRIBUTION)
    return len(set(a.lemmas) & set(b.lemmas)) >= 3


def find_differences(
    docs: Sequence[Doc], alignment: Alignment, events: Sequence[list[Event]]
) -> list[Difference]:
    """Every difference in details between the articles (besides quotes)."""
    found: list[Difference] = []
    lang = story_language(docs)
    for link in alignment.links:
        a = docs[link.a[0]].claims[link.a[1]]
        b = docs[link.b[0]].claims[link.b[1]]
        if docs[a.doc].label == docs[b.doc].label:
            continue  # an outlet updating itself is not two sources disagreeing
        if a.heading or b.heading:
            continue  # a headline shortens: what it leaves out or rounds is no disagreement
        if link.score >= SAME_FACT and same_event(a, b):
            if _same_verb(a, b):  # «в пятницу заявил о вчерашнем пожаре» dates the statement, not the fire
                found.extend(_dates(docs, a, b, lang))
            found.extend(_claim_places(docs, a, b, lang))
        if link.score >= SAME_PEOPLE:
            found.extend(_people(docs, a, b, lang))
    found.extend(_number_facts(docs, lang))
    found.extend(_event_places(docs, events, lang))
    found.extend(_orders(docs, events, lang))
    found.extend(rank_differences(docs, events, lang))
    found.extend(date_differences(docs, events, lang))
    return _unique(found)


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


def _number_facts(docs: Sequence[Doc], lang: Language) -> list[Difference]:
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
    found = []
    for claim in doc.claims:
        if claim.heading or hedged(doc, claim):
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


def _dates(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    if hedged(docs[a.doc], a) or hedged(docs[b.doc], b):
        return []  # a planned or expected date is not a fact to contradict
    shared = (a.verbs & b.verbs) - ATTRIBUTION
    mine = _event_dates(docs[a.doc], a, shared)
    theirs = _event_dates(docs[b.doc], b, shared)
    if not mine or not theirs:
        return []
    if any(x.startswith(y) or y.startswith(x) for x in mine for y in theirs):
        return []
    eves = {eve(docs[a.doc], d) for d in a.dates} | {eve(docs[b.doc], d) for d in b.dates}
    if eves & (set(mine) | set(theirs)):
        return []  # «в ночь на 4 ноября» began on the 3rd
    if dates_in(docs[b.doc]) & set(mine) or dates_in(docs[a.doc]) & set(theirs):
        return []  # each article gives the other's date too: two dates of two things («с 26 ноября»)
    if _only_inferred_years_differ(docs, a, b):
        return []
    # the words of the dates themselves («в августе» / «в октябре») are what is compared, not a subject
    words_a, words_b = (
        set(a.lemmas) - _date_words(docs[a.doc], a),
        set(b.lemmas) - _date_words(docs[b.doc], b),
    )
    mine_only, theirs_only = words_a - words_b, words_b - words_a
    if len(mine_only) == len(theirs_only) == 1:
        return []  # the same sentence about another subject («курс евро» / «курс доллара»)
    if {len(x) for x in mine} != {len(y) for y in theirs}:
        return []  # «в 2024 году» next to «11 ноября»: likely different things, not a contradiction
    return [
        Difference(
            "date",
            about("when_event", lang, kinds=sorted(a.events & b.events))
            if a.events & b.events
            else about("when", lang),
            (_span(a), _span(b)),
            (f"{docs[a.doc].label}: {', '.join(mine)}", f"{docs[b.doc].label}: {', '.join(theirs)}"),
        )
    ]


def _date_words(doc: Doc, claim: Claim) -> set[str]:
    return {t.lemma for d in claim.dates for t in doc.tokens_in(d.start, d.stop)}


_SINCE = re.compile(r"(?:\b(?:с|со|до|по|since|until|from|till)\s+)$", re.IGNORECASE)


def _event_dates(doc: Doc, claim: Claim, verbs: frozenset[str]) -> list[str]:
    """The claim's dates that say when something happened: «впервые с 16 марта» is a point of reference.

    With ``verbs`` (those both claims share), only the dates of these verbs: the nearest verb to
    «в августе» in «продлил контракт главврачу, которому в августе исполнилось 68 лет» is «исполниться».
    """
    text = doc.article.text
    tagged = [t for t in doc.tokens_in(claim.start, claim.stop) if t.pos == "VERB"]
    found = []
    for d in claim.dates:
        if _SINCE.search(text[max(0, d.start - 12) : d.start]):
            continue
        if verbs and tagged:
            nearest = min(tagged, key=lambda t: min(abs(t.start - d.stop), abs(d.start - t.stop)))
            if nearest.lemma not in verbs:
                continue
        found.append(d.value)
    return found


def _only_inferred_years_differ(docs: Sequence[Doc], a: Claim, b: Claim) -> bool:
    """«в сентябре» read as 2026-09 against «в сентябре 2025 года»: the year was a guess, not a claim."""
    for claim, other in ((a, b), (b, a)):
        text = docs[claim.doc].article.text
        guessed = [d.value for d in claim.dates if not re.search(r"\d{4}", text[d.start : d.stop])]
        if any(g[4:] == o.value[4:] for g in guessed for o in other.dates):
            return True
    return False


def _claim_places(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    found = []
    # Only buildings and homes: towns and regions nest («в Сеуле» / «в Южной Корее», «в Москве» /
    # «в Подмосковье») and without a gazetteer two of them cannot be told to contradict each other.
    for group in ("building",):
        mine = [p for p in a.places if _PLACE_GROUP[p.kind] == group]
        theirs = [p for p in b.places if _PLACE_GROUP[p.kind] == group]
        if mine and theirs and not any(_same_place(x, y) for x in mine for y in theirs):
            found.append(
                Difference(
                    "place",
                    about("where", lang),
                    (_span(a), _span(b)),
                    (_place_values(docs, a.doc, mine), _place_values(docs, b.doc, theirs)),
                )
            )
    return found


_GENERIC = """
    улица проспект площадь переулок шоссе город область район край республика округ село поселок
    street avenue square city region district
"""
_GENERIC_PLACE_WORDS = frozenset(_GENERIC.split())
_BARE_BUILDING = frozenset(["здание", "строение", "корпус", "этаж", "building", "floor"])
_BUILDING_PART = frozenset(
    [
        *("помещение", "чердак", "чердачный", "подвал", "подвальный", "крыша", "кровля", "подъезд"),
        *("мансарда", "этаж", "жилой", "нежилой", "premises", "attic", "basement", "roof"),
    ]
)
"""Words that name a part of a building without saying which: «в чердачном помещении» may well be in
the house another article names, or in the office."""


def _bare(words: set[str]) -> bool:
    return bool(words) and words <= _BARE_BUILDING


def _same_place(x: Place, y: Place) -> bool:
    """Places that can be one: a word in common («на Большой Никитской» / «в Кофемании на Большой
    Никитской улице»), not counting «улица», «город» and the like; or two homes."""
    if x.kind == y.kind == "home":
        return True
    words_x = {w for key in x.key for w in key.split(":")[-1].split()}
    words_y = {w for key in y.key for w in key.split(":")[-1].split()}
    if {x.kind, y.kind} == {"home", "venue"} and (_bare(words_x) or _bare(words_y)):
        return True  # «из дома» / «из здания»: a bare «building» may well be the house
    if (words_x and words_x <= _BUILDING_PART) or (words_y and words_y <= _BUILDING_PART):
        return True
    return bool((words_x - _GENERIC_PLACE_WORDS) & (words_y - _GENERIC_PLACE_WORDS))


def _event_places(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
    """Where each article puts the same event, when they name places that cannot both be right."""
    found = []
    kinds = {e.kind for doc_events in events for e in doc_events}
    for kind in sorted(kinds):
        # Only buildings: «в Москве» and «в России» in sentences about one event often place different
        # parts of it (or other events), while «в Кремле» and «у себя дома» cannot both host one tea.
        for group in ("building",):
            placed: dict[int, list[tuple[Claim, Place]]] = {}
            for doc_events in events:
                for event in doc_events:
                    if event.kind != kind:
                        continue
                    doc = docs[event.doc]
                    sentence = doc.claims[event.claim].sentence
                    for claim in doc.claims:
                        if claim.sentence == sentence:
                            placed.setdefault(doc.index, []).extend(
                                (claim, p) for p in claim.places if _PLACE_GROUP[p.kind] == group
                            )
            involved: set[int] = set()
            for x, y in combinations(sorted(d for d, ps in placed.items() if ps), 2):
                if docs[x].label == docs[y].label:
                    continue
                if not any(_same_place(p, q) for _, p in placed[x] for _, q in placed[y]):
                    involved.update((x, y))
            if len(involved) < 2:
                continue
            spans: list[Span] = []
            values: list[str] = []
            for d in sorted(involved):
                claims = list(dict.fromkeys(c for c, _ in placed[d]))
                spans.extend(_span(c) for c in claims)
                values.append(_place_values(docs, d, list(dict.fromkeys(p for _, p in placed[d]))))
            where = about("where_event", lang, kind=kind)
            found.append(Difference("place", where, tuple(spans), tuple(values)))
    return found


def _orders(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
    """Two articles putting the same two events in opposite order."""
    said: dict[int, list[Before]] = {doc.index: order(doc, events[doc.index]) for doc in docs}
    found = []
    reported: set[tuple[str, str]] = set()
    for x, y in combinations(sorted(said), 2):
        if docs[x].label == docs[y].label:
            continue
        for one in said[x]:
            for other in said[y]:
                pair = (one.first.kind, one.second.kind)
                if (other.first.kind, other.second.kind) != pair[::-1] or tuple(sorted(pair)) in reported:
                    continue
                reported.add((min(pair), max(pair)))
                found.append(
                    Difference(
                        "order",
                        about("order", lang, a=pair[0], b=pair[1]),
                        _event_spans(docs, one) + _event_spans(docs, other),
                        (_order_value(docs, one, lang), _order_value(docs, other, lang)),
                    )
                )
    return found


def _people(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    if not a.persons or not b.persons or a.persons & b.persons:
        return []
    everyone_a = {k for c in docs[a.doc].claims for k in c.persons}
    everyone_b = {k for c in docs[b.doc].claims for k in c.persons}
    if a.persons & everyone_b or b.persons & everyone_a:
        return []  # both articles know both people: more likely two facts than one fact told two ways
    if len(a.persons) > 1 or len(b.persons) > 1 or not _same_verb(a, b):
        return []  # who did what to whom is not read here: one doer each, doing the same thing
    if _says(docs[a.doc], a) or _says(docs[b.doc], b):
        return []  # «пояснил Песков» names who explains a decision, not who made it
    if not all(map(personal_name, _person_names(docs, a) + _person_names(docs, b))):
        return []  # «ФСБшников» is what the tagger took for a name: people of an agency, not a person
    if _compatible_names(_person_names(docs, a), _all_people(docs[b.doc])) or _compatible_names(
        _person_names(docs, b), _all_people(docs[a.doc])
    ):
        return []  # «Алексей К.» and «Алексей Корягин»; «Буцкой» and «Татьяны Буцкой»: maybe one person
    return [
        Difference(
            "person",
            about("who", lang),
            (_span(a), _span(b)),
            (_person_values(docs, a), _person_values(docs, b)),
        )
    ]


def _says(doc: Doc, claim: Claim) -> bool:
    """Whether a claim reports someone's words (a verb of saying, «по словам»)."""
    return any(t.lemma in ATTRIBUTION for t in doc.tokens_in(claim.start, claim.stop)) or bool(
        re.search(r"\bпо\s+(?:словам|мнению|данным)\b", doc.text(claim.start, claim.stop), re.IGNORECASE)
    )


def _person_names(docs: Sequence[Doc], claim: Claim) -> list[str]:
    doc = docs[claim.doc]
    return [
        m.normal
        for m in doc.analysis.mentions
        if claim.start <= m.start < claim.stop and m.type == "PER" and not m.role
    ]


def _compatible_names(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether two names can be one person: each word of the shorter starts like a word of the longer
    («Белоусов» / «Андрей Белоусов»; «Алексей К» / «Алексей Корягин»; «Буцкой» / «Татьяна Буцкая»,
    a case form the tagger left)."""
    for x in mine:
        for y in theirs:
            a, b = _name_words(x), _name_words(y)
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if short and all(any(_same_stem(p, q) for q in long_) for p in short):
                return True
    return False


def _all_people(doc: Doc) -> list[str]:
    return [m.normal for m in doc.analysis.mentions if m.type == "PER"]


def _name_words(name: str) -> list[str]:
    return _LETTERS.findall(name.lower().replace("ё", "е"))


_LETTERS = re.compile(r"[^\W\d_]+")


def _same_stem(p: str, q: str) -> bool:
    """«к» and «корягин» (an initial), «буцкой» and «буцкая» (the same stem), «лаури» and «лоури» (two
    transliterations of one foreign name: one letter apart)."""
    if len(p) == 1 or len(q) == 1:
        return p[0] == q[0]
    n = max(3, min(len(p), len(q)) - 2)
    return p[:n] == q[:n] or (min(len(p), len(q)) >= 4 and _one_edit(p, q))


def _one_edit(p: str, q: str) -> bool:
    """Whether two words are at most one letter apart (changed, added or dropped)."""
    if abs(len(p) - len(q)) > 1:
        return False
    if len(p) == len(q):
        return sum(a != b for a, b in zip(p, q, strict=True)) <= 1
    short, long_ = (p, q) if len(p) < len(q) else (q, p)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _event_spans(docs: Sequence[Doc], before: Before) -> tuple[Span, ...]:
    claims = dict.fromkeys([before.first.claim, before.second.claim])
    return tuple(_span(docs[before.first.doc].claims[c]) for c in claims)


def _order_value(docs: Sequence[Doc], before: Before, lang: Language) -> str:
    def one(event: Event) -> str:
        return kind_name(event.kind, lang) + (f" ({event.date})" if event.date else "")

    return f"{docs[before.first.doc].label}: {one(before.first)} → {one(before.second)}"


def _span(claim: Claim) -> Span:
    return Span(claim.doc, claim.start, claim.stop)


def _values(docs: Sequence[Doc], claim: Claim, numbers: Sequence[Number]) -> str:
    doc = docs[claim.doc]
    return f"{doc.label}: " + ", ".join(_phrase(doc, n.start, n.stop) for n in numbers)


def _place_values(docs: Sequence[Doc], index: int, places: Sequence[Place]) -> str:
    doc = docs[index]
    return f"{doc.label}: " + ", ".join(dict.fromkeys(doc.text(p.start, p.stop) for p in places))


def _person_values(docs: Sequence[Doc], claim: Claim) -> str:
    return f"{docs[claim.doc].label}: " + ", ".join(sorted(set(_person_names(docs, claim))))


def _phrase(doc: Doc, start: int, stop: int) -> str:
    """A number with the word before (a qualifier) and the word after (its unit)."""
    before = doc.article.text[max(0, start - 20) : start].split()[-1:]
    if before and before[0].lower() in ("и", "а", "and", "с", "в"):
        before = []  # «и 15 автомобилей»: a conjunction says nothing about the figure
    after = doc.article.text[stop : stop + 30].split()[:1]
    return " ".join([*before, doc.text(start, stop), *after]).strip(" ,.;:")


def _unique(found: list[Difference]) -> list[Difference]:
    """One difference per disagreement: pairwise findings of one kind that share a claim are merged
    (11 March in one article against 12 March in three is one difference, not three)."""
    kept: list[Difference] = []
    for difference in found:
        for k, other in enumerate(kept):
            if other.kind == difference.kind and set(other.spans) & set(difference.spans):
                kept[k] = Difference(
                    other.kind,
                    other.about,
                    tuple(dict.fromkeys(other.spans + difference.spans)),
                    tuple(dict.fromkeys(other.values + difference.values)),
                )
                break
        else:
            kept.append(difference)
    return kept
