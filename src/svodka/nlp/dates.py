"""Dates an article talks about, as ISO values: «11 ноября 2025 года», «в начале ноября», «вчера», "Nov 11".

Regular expressions over month stems, no model: this runs on every article, so it is a handful of
compiled patterns and nothing else. Dates without a year take it from the base date (the article's
date), choosing the year that puts the date closest to it; relative dates ("вчера", "on Monday") need a
base date and are skipped without one, as are day-and-month dates with no year and no base.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from svodka.nlp.quote_context import can_be
from svodka.nlp.types import DateMention

_RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
# Genitive ("11 ноября") and the other forms ("в ноябре", "ноябрь 2025"); «мая/мае/май» share a short stem.
_RU_MONTH = (
    r"(?P<month>январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
# «12 дек. 2019 г.», «5 окт.»: abbreviated months, after a day only (a dot is required).
_RU_MONTH_ABBREVIATIONS = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip
_RU_DAY_MONTH = _RU_MONTH[:-1] + r"|(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)\.)"
_EN_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_EN_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_B = r"(?<![\w-])"  # a date starts at a word boundary (not inside "A-11")
_E = r"(?![\w])"
_RU_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.))"

_ISO = re.compile(_B + r"(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)" + _E)
_NUMERIC = re.compile(_B + r"(?P<day>[0-3]?\d)\.(?P<mm>[01]\d)\.(?P<year>(?:19|20)\d\d)" + _E)
# «… 2025 года» after a day or a month: the year is optional and named ``year``.
_OPTIONAL_YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d)" + _RU_YEAR_WORD + r"?" + _E + r")?"
_RU_DAY = re.compile(
    _B + r"(?P<day>[0-3]?\d)(?:\s*[–—-]\s*(?P<day2>[0-3]?\d))?\s+" + _RU_DAY_MONTH + _E + _OPTIONAL_YEAR,
    re.IGNORECASE,
)
_RU_MONTH_ONLY = re.compile(
    _B
    + r"(?:(?P<part>в\s+(?:начале|середине|конце)|с\s+начала|до\s+конца|к\s+концу)\s+|в\s+)?"
    + _RU_MONTH
    + _E
    + _OPTIONAL_YEAR,
    re.IGNORECASE,
)
_RU_YEAR = re.compile(_B + r"(?P<year>(?:19|20)\d\d)" + _RU_YEAR_WORD + _E, re.IGNORECASE)
_EN_MONTH_DAY = re.compile(
    _B
    + _EN_MONTH
    + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    + _E
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)"
    + _E
    + ")?"
)
_EN_DAY_MONTH = re.compile(
    _B
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _EN_MONTH
    + r"(?!\w)"
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)"
    + _E
    + ")?"
)
_EN_MONTH_YEAR = re.compile(_B + _EN_MONTH + r"\s+(?P<year>(?:19|20)\d\d)" + _E)
_EN_YEAR = re.compile(r"\b(?:in|since|by|of)\s+(?P<year>(?:19|20)\d\d)\b(?![-/]\d)")

_RU_RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
_EN_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_RU_RELATIVE = re.compile(_B + r"(?P<word>позавчера|вчера|сегодня|послезавтра|завтра)" + _E, re.IGNORECASE)
_EN_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.IGNORECASE)
_RU_WEEK = re.compile(
    _B + r"на\s+(?P<which>прошлой|этой|текущей|следующей|будущей)\s+неделе" + _E, re.IGNORECASE
)
_EN_WEEK = re.compile(r"\b(?P<which>last|this|next)\s+week\b", re.IGNORECASE)
_EN_PERIOD = re.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>year|month)\b", re.IGNORECASE)
# "last August", "in August last year", "August of next year": a month placed relative to the base date.
_EN_RELATIVE_MONTH = re.compile(
    r"\b(?:(?P<which>last|this|next|past|coming)\s+"
    + _EN_MONTH.replace("(?P<month>", "(?P<month1>")
    + r"(?!\w)|(?:in\s+)?"
    + _EN_MONTH
    + r",?\s+(?:of\s+)?(?P<which2>last|this|next)\s+year\b)",
    re.IGNORECASE,
)
# «в сентябре прошлого года», «в марте этого года»: the year is said in words.
_RU_RELATIVE_MONTH = re.compile(
    _B
    + r"(?:(?P<part>в\s+(?:начале|середине|конце)|с\s+начала|до\s+конца|к\s+концу)\s+|в\s+)?"
    + _RU_MONTH
    + r"\s+(?P<which>прошлого|позапрошлого|этого|текущего|нынешнего|следующего|будущего)\s+года"
    + _E,
    re.IGNORECASE,
)
_RU_PERIOD = re.compile(
    _B + r"в\s+(?P<which>прошлом|этом|текущем|следующем|будущем)\s+(?P<unit>году|месяце)" + _E, re.IGNORECASE
)
_WEEK_SHIFT = {
    "прошлой": -7,
    "этой": 0,
    "текущей": 0,
    "следующей": 7,
    "будущей": 7,
    "last": -7,
    "this": 0,
    "next": 7,
}
_PERIOD_SHIFT = {"прошлом": -1, "этом": 0, "текущем": 0, "следующем": 1, "будущем": 1}
_PERIOD_SHIFT |= {"last": -1, "this": 0, "next": 1}
_YEAR_SHIFT = {
    "позапрошлого": -2,
    "прошлого": -1,
    "этого": 0,
    "текущего": 0,
    "нынешнего": 0,
    "следующего": 1,
    "будущего": 1,
    "last": -1,
    "this": 0,
    "next": 1,
}

_RU_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "сред": 2,
    "четверг": 3,
    "пятниц": 4,
    "суббот": 5,
    "воскресень": 6,
}
_RU_WEEKDAY = re.compile(
    _B + r"во?\s+(?:(?P<which>прошлый|прошлую|прошлое|следующий|следующую|следующее|ближайший|ближайшую)\s+)?"
    r"(?P<day>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)" + _E,
    re.IGNORECASE,
)
_EN_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_EN_WEEKDAY = re.compile(
    r"\b(?:on\s+|this\s+)?(?P<which>last\s+|next\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A weekday in a sentence about the future is the coming one; otherwise news talk about the past one.
_FUTURE = re.compile(
    r"\b(?:буд(?:ет|ут|ем)|состоится|пройд[её]т|планиру\w+|намерен\w*|собира\w+|предстоит|ожида\w+"
    r"|will|shall|is\s+to|are\s+to|plans?|scheduled|going\s+to)\b",
    re.IGNORECASE,
)
# Past tense: a verb ending in -л/-ла/-ло/-ли («прошла», «заявил»), or an English past marker.
_PAST = re.compile(
    r"\b\w{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)\b|\b(?:was|were|had|did|\w+ed)\b", re.IGNORECASE
)


def _past_tense(clause: str) -> bool:
    """Whether a clause has a verb in the past tense: a word ending like one that can be read as a past
    verb («заявил»), not a noun that ends the same way («канал», «генерал»); English markers count."""
    return any(can_be(match.group(), "VERB", "past") for match in _PAST.finditer(clause))


_CLAUSE_BREAK = re.compile(r"[,;—]|:\s")
_NEXT = frozenset({"следующий", "следующую", "следующее", "ближайший", "ближайшую", "next"})
_LAST = frozenset({"прошлый", "прошлую", "прошлое", "last"})


Converter = Callable[[re.Match[str], str, date | None], Iterator[DateMention]]
_DIGIT = re.compile(r"\d")
_RU_MONTH_HINT = re.compile(r"январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр")
_RU_RELATIVE_HINT = re.compile(
    r"вчера|сегодня|завтра|недел|прошлом|этом|текущем|следующем|будущем"
    r"|понедельник|вторник|сред[уа]|четверг|пятниц|суббот|воскресень"
)
_EN_MONTH_HINT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def find_dates(text: str, base: date | None, lang: str) -> list[DateMention]:
    """The dates ``text`` mentions, in text order, with ISO values (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``).

    ``base`` is the article's date: it resolves relative dates and supplies missing years. ``lang``
    ("ru", "en", anything else) picks the patterns; Russian texts also get English month names and
    ISO dates, since those turn up in them.
    """
    found: list[DateMention] = []
    # Each family of patterns runs only when a cheap hint says it can match: most texts have few dates.
    lowered = text.lower()
    digits = _DIGIT.search(text) is not None
    matchers: list[tuple[re.Pattern[str], Converter]] = []
    if digits:
        matchers += [(_ISO, _numeric), (_NUMERIC, _numeric)]
    if lang != "en":
        if digits:
            matchers += [(_RU_DAY, _ru_day), (_RU_YEAR, _year)]
        if _RU_MONTH_HINT.search(lowered):
            matchers += [(_RU_MONTH_ONLY, _ru_month), (_RU_RELATIVE_MONTH, _ru_relative_month)]
        if _RU_RELATIVE_HINT.search(lowered):
            matchers += [
                (_RU_RELATIVE, _relative),
                (_RU_WEEK, _week),
                (_RU_PERIOD, _period),
                (_RU_WEEKDAY, _weekday),
            ]
    if _EN_MONTH_HINT.search(text) and (digits or lang != "ru"):
        matchers += [(_EN_MONTH_DAY, _en_day), (_EN_DAY_MONTH, _en_day), (_EN_MONTH_YEAR, _en_month)]
    if lang != "ru":
        matchers += [(_EN_YEAR, _year), (_EN_RELATIVE, _relative), (_EN_WEEK, _week), (_EN_WEEKDAY, _weekday)]
        matchers += [(_EN_PERIOD, _period), (_EN_RELATIVE_MONTH, _en_relative_month)]
    for pattern, convert in matchers:
        for match in pattern.finditer(text):
            found.extend(convert(match, text, base))
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    """Longest first, then earliest: «11 ноября 2025 года» wins over «2025 года» and «ноября»."""
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda d: (-(d.stop - d.start), d.start)):
        if all(mention.stop <= k.start or mention.start >= k.stop for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda d: d.start)


def _closest_year(month: int, day: int, base: date | None) -> int | None:
    """The year that puts day.month nearest to the base date (31 December read in January is last year's)."""
    if base is None:
        return None
    best: tuple[int, int] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            distance = abs((date(year, month, day) - base).days)
        except ValueError:  # 29 February in a year without it
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _day_value(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _ru_month_number(word: str) -> int:
    word = word.lower()
    if word.endswith("."):
        return _RU_MONTH_ABBREVIATIONS[word[:-1]]
    for stem, number in _RU_MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or word[:3] in ("май", "мая", "мае")):
            return number
    raise ValueError(f"not a Russian month: {word!r}")  # unreachable: the pattern lists the months


def _numeric(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    value = _day_value(int(match["year"]), int(match["mm"]), int(match["day"]))
    if value:
        yield DateMention(match.start(), match.end(), value)


def _ru_day(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    month = _ru_month_number(match["month"])
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else _closest_year(month, day, base)
    if match["day2"]:
        # «11–12 ноября»: two dates, the first covering only its number
        first = _day_value(year, month, day)
        if first:
            yield DateMention(match.start("day"), match.end("day"), first)
        second = _day_value(year, month, int(match["day2"]))
        if second:
            yield DateMention(match.start("day2"), match.end(), second)
        return
    value = _day_value(year, month, day)
    if value:
        yield DateMention(match.start(), match.end(), value)


def _ru_month(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    word = match["month"].lower()
    explicit = bool(match["year"])
    # A bare month word needs a preposition or a year: «мая» alone is too often something else.
    if not explicit and match.start() == match.start("month"):
        return
    month = _ru_month_number(word)
    year = int(match["year"]) if explicit else _closest_year(month, 15, base)
    if year is not None:
        yield DateMention(match.start(), match.end(), f"{year:04d}-{month:02d}")


def _year(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    yield DateMention(match.start("year"), match.end(), match["year"])


def _en_day(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    month = _EN_MONTHS[match["month"][:3].lower()]
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else _closest_year(month, day, base)
    value = _day_value(year, month, day)
    if value:
        yield DateMention(match.start(), match.end(), value)


def _en_month(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    month = _EN_MONTHS[match["month"][:3].lower()]
    yield DateMention(match.start(), match.end(), f"{int(match['year']):04d}-{month:02d}")


def _relative(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    if base is None:
        return
    word = match["word"].lower()
    shift = _RU_RELATIVE_DAYS.get(word, _EN_RELATIVE_DAYS.get(word, 0))
    yield DateMention(match.start(), match.end(), (base + timedelta(days=shift)).isoformat())


def _week(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    # A week has no ISO day value: we give the Monday of that week, the day the week starts.
    if base is None:
        return
    monday = base - timedelta(days=base.weekday()) + timedelta(days=_WEEK_SHIFT[match["which"].lower()])
    yield DateMention(match.start(), match.end(), monday.isoformat())


def _period(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    if base is None:
        return
    shift = _PERIOD_SHIFT[match["which"].lower()]
    if match["unit"].lower() in ("году", "year"):
        yield DateMention(match.start(), match.end(), f"{base.year + shift:04d}")
        return
    months = base.year * 12 + base.month - 1 + shift
    yield DateMention(match.start(), match.end(), f"{months // 12:04d}-{months % 12 + 1:02d}")


def _ru_relative_month(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    if base is None:
        return
    year = base.year + _YEAR_SHIFT[match["which"].lower()]
    yield DateMention(match.start(), match.end(), f"{year:04d}-{_ru_month_number(match['month']):02d}")


def _en_relative_month(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    """A month relative to the base date. "August last year" names the year; "last August" is the
    latest August before the base month (in March 2026 that is August 2025, in October 2026 August
    2026), "next August" the first after it."""
    if base is None:
        return
    if match["which2"]:
        month = _EN_MONTHS[match["month"][:3].lower()]
        year = base.year + _YEAR_SHIFT[match["which2"].lower()]
    else:
        month = _EN_MONTHS[match["month1"][:3].lower()]
        which = match["which"].lower()
        year = base.year
        if which in ("last", "past") and month >= base.month:
            year -= 1
        elif which in ("next", "coming") and month <= base.month:
            year += 1
        if len(match["month1"]) > 4 or match["month1"].lower() in ("may", "june", "july"):
            # a full month name: a dot after it ends the sentence, not an abbreviation
            yield DateMention(match.start(), match.end("month1"), f"{year:04d}-{month:02d}")
            return
    yield DateMention(match.start(), match.end(), f"{year:04d}-{month:02d}")


def _weekday(match: re.Match[str], text: str, base: date | None) -> Iterator[DateMention]:
    if base is None:
        return
    day = match["day"].lower()
    table = _EN_WEEKDAYS if day in _EN_WEEKDAYS else _RU_WEEKDAYS
    target = next(number for stem, number in table.items() if day.startswith(stem))
    which = (match["which"] or "").strip().lower()
    back = (base.weekday() - target) % 7
    if which in _NEXT:
        ahead = (target - base.weekday()) % 7 or 7
        value = base + timedelta(days=ahead)
    elif which in _LAST:
        value = base - timedelta(days=back or 7)
    else:
        begin = max(0, text.rfind(".", 0, match.start()))
        end = text.find(".", match.end())
        end = end if end > 0 else len(text)
        sentence = text[begin:end]
        ahead = (target - base.weekday()) % 7
        # the clause around the weekday: «…подписал указ, он вступит в силу в среду»
        clause = _CLAUSE_BREAK.split(text[begin : match.start()])[-1]
        clause += _CLAUSE_BREAK.split(text[match.start() : end])[0]
        if _FUTURE.search(sentence) or (not _past_tense(clause) and ahead < back):
            # a weekday with no past-tense word is the nearest one: «вступит в силу в среду», written
            # on a Tuesday, is tomorrow, not six days ago (the future perfective has no marker word)
            value = base + timedelta(days=ahead)
        else:
            value = base - timedelta(days=back)
    yield DateMention(match.start(), match.end(), value.isoformat())
