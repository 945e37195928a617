"""The interface's words in Russian (the default) and English, and dates written the way each reads them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone

MOSCOW = timezone(timedelta(hours=3), "MSK")
"""Times are shown in Moscow time (no DST since 2014), the clock Russian news runs on."""
LANGS = ("ru", "en")
DEFAULT_LANG = "ru"
COOKIE = "svodka_lang"

UI: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "tagline": "как разные источники рассказывают одну историю",
        "stories": "Сюжеты",
        "articles": "Статьи",
        "search": "Поиск",
        "search_placeholder": "Поиск по статьям: Токаев, губернатор…",
        "find": "Найти",
        "filter": "Показать",
        "period": "Период",
        "period_all": "всё время",
        "period_1d": "сутки",
        "period_7d": "неделя",
        "period_30d": "месяц",
        "language": "Язык",
        "any": "любой",
        "source": "Источник",
        "entity": "Персона или организация",
        "query": "Слова",
        "sources_n": "источников",
        "articles_n": "статей",
        "no_stories": "Сюжетов пока нет.",
        "no_articles": "Статей пока нет. Загрузите их: svodka ingest ПАПКА",
        "stories_missing": "Сюжеты ещё не собраны: пока показаны статьи, свежие сверху.",
        "autorefresh": "Автообновление",
        "on": "вкл",
        "off": "выкл",
        "updated": "Есть новые материалы — обновите страницу",
        "prev": "← Назад",
        "next": "Дальше →",
        "summary": "Коротко",
        "timeline": "Хронология",
        "comparison": "Как рассказывают источники",
        "comparison_missing": "Сравнение источников для этого сюжета пока недоступно.",
        "shared": "Сообщают все",
        "only_in": "Только у",
        "differences": "Расхождения",
        "no_differences": "Расхождений не найдено.",
        "tone": "Тон",
        "tone_hint": "насколько оценочен и эмоционален текст источника относительно сюжета",
        "evidence": "Почему",
        "quotes": "Цитаты",
        "quotes_by": "Цитаты",
        "quotes_about": "Цитаты о нём",
        "no_quotes": "Цитат нет.",
        "speaker_unknown": "говорящий не определён",
        "members": "Материалы сюжета",
        "role_original": "первоисточник",
        "role_copy": "перепечатка",
        "entities": "Упоминаются",
        "top_entities": "Главные участники",
        "related": "Связанные",
        "mentions": "Упоминания по дням",
        "mentions_n": "упоминаний",
        "aliases": "Также",
        "story": "Сюжет",
        "article": "Статья",
        "open_original": "Открыть оригинал",
        "text": "Текст",
        "results_for": "Результаты по запросу",
        "no_results": "Ничего не найдено.",
        "not_found": "Не найдено",
        "bad_request": "Неверный запрос",
        "unavailable": "Хранилище недоступно",
        "error": "Ошибка",
        "home": "На главную",
        "kind_place": "место",
        "kind_number": "число",
        "kind_date": "дата",
        "kind_person": "участник",
        "kind_order": "порядок событий",
        "kind_speaker": "автор цитаты",
        "kind_wording": "формулировка цитаты",
        "PER": "персона",
        "ORG": "организация",
        "LOC": "место",
        "span": "Время",
        "importance": "Значимость",
        "legend_shared": "общее",
        "legend_only": "только здесь",
        "legend_diff": "расхождение",
        "legend_quote": "цитата",
        "source_unknown": "источник не указан",
        "more_columns": "Не показаны рядом",
        "show_all": "Показать все",
    },
    "en": {
        "tagline": "how different sources tell one story",
        "stories": "Stories",
        "articles": "Articles",
        "search": "Search",
        "search_placeholder": "Search articles: Tokayev, governor…",
        "find": "Search",
        "filter": "Apply",
        "period": "Period",
        "period_all": "all time",
        "period_1d": "day",
        "period_7d": "week",
        "period_30d": "month",
        "language": "Language",
        "any": "any",
        "source": "Source",
        "entity": "Person or organisation",
        "query": "Words",
        "sources_n": "sources",
        "articles_n": "articles",
        "no_stories": "No stories yet.",
        "no_articles": "No articles yet. Load some: svodka ingest FOLDER",
        "stories_missing": "Stories are not built yet: showing articles, newest first.",
        "autorefresh": "Auto-refresh",
        "on": "on",
        "off": "off",
        "updated": "New material has arrived — reload the page",
        "prev": "← Previous",
        "next": "Next →",
        "summary": "In short",
        "timeline": "Timeline",
        "comparison": "How the sources tell it",
        "comparison_missing": "The source comparison for this story is not available yet.",
        "shared": "Reported by all",
        "only_in": "Only in",
        "differences": "Differences",
        "no_differences": "No differences found.",
        "tone": "Tone",
        "tone_hint": "how evaluative and emotional each source's text is, relative to the story",
        "evidence": "Why",
        "quotes": "Quotes",
        "quotes_by": "Quotes",
        "quotes_about": "Quotes about them",
        "no_quotes": "No quotes.",
        "speaker_unknown": "speaker not resolved",
        "members": "Articles in this story",
        "role_original": "original",
        "role_copy": "copy",
        "entities": "Mentioned",
        "top_entities": "Main actors",
        "related": "Related",
        "mentions": "Mentions per day",
        "mentions_n": "mentions",
        "aliases": "Also",
        "story": "Story",
        "article": "Article",
        "open_original": "Open the original",
        "text": "Text",
        "results_for": "Results for",
        "no_results": "Nothing found.",
        "not_found": "Not found",
        "bad_request": "Bad request",
        "unavailable": "The store is unavailable",
        "error": "Error",
        "home": "Home",
        "kind_place": "place",
        "kind_number": "number",
        "kind_date": "date",
        "kind_person": "person",
        "kind_order": "order of events",
        "kind_speaker": "speaker",
        "kind_wording": "wording of a quote",
        "PER": "person",
        "ORG": "organisation",
        "LOC": "place",
        "span": "Time",
        "importance": "Importance",
        "legend_shared": "shared",
        "legend_only": "only here",
        "legend_diff": "difference",
        "legend_quote": "quote",
        "source_unknown": "source not given",
        "more_columns": "Not shown side by side",
        "show_all": "Show all",
    },
}

PLURALS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "ru": {
        "sources": ("источник", "источника", "источников"),
        "articles": ("статья", "статьи", "статей"),
        "mentions": ("упоминание", "упоминания", "упоминаний"),
        "versions": ("формулировка", "формулировки", "формулировок"),
    },
    "en": {
        "sources": ("source", "sources"),
        "articles": ("article", "articles"),
        "mentions": ("mention", "mentions"),
        "versions": ("version", "versions"),
    },
}

_MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip


_MONTHS_NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                      "октябрь", "ноябрь", "декабрь")  # fmt: skip


def plural(count: int, word: str, lang: str) -> str:
    """The word's form for a count: 1 источник, 3 источника, 5 источников; 1 source, 2 sources."""
    forms = PLURALS.get(lang, PLURALS[DEFAULT_LANG]).get(word)
    if not forms:
        return word
    if lang != "ru":
        return forms[0] if count == 1 else forms[1]
    tens, units = count % 100, count % 10
    if units == 1 and tens != 11:
        return forms[0]
    if 2 <= units <= 4 and not 12 <= tens <= 14:
        return forms[1]
    return forms[2]


def pick_lang(query: str | None, cookie: str | None) -> str:
    """The interface language: ``?lang=`` first, then the cookie, else Russian. Unknown values are ignored."""
    for candidate in (query, cookie):
        if candidate in LANGS:
            return candidate
    return DEFAULT_LANG


def translator(lang: str) -> Mapping[str, str]:
    return UI.get(lang, UI[DEFAULT_LANG])


def format_when(value: str | date | datetime | None, lang: str, *, with_time: bool = True) -> str:
    """«11 ноября 2025, 09:30» / «11 Nov 2025, 09:30 MSK» (Moscow time) from an ISO string or a date.

    An unreadable value is shown as given (it is escaped by the template like any other text).
    """
    if value is None or value == "":
        return ""
    moment: date | datetime
    if isinstance(value, date | datetime):
        moment = value
    else:
        text = value.strip()
        partial = _partial(text, lang)
        if partial:
            return partial
        try:
            moment = (
                date.fromisoformat(text)
                if len(text) == 10
                else datetime.fromisoformat(text.replace("Z", "+00:00"))
            )
        except ValueError:
            return text
    # A bare date is stored as its midnight UTC: a time of exactly 00:00:00 says nothing, so it is not shown.
    timed = isinstance(moment, datetime) and (moment.hour, moment.minute, moment.second) != (0, 0, 0)
    if isinstance(moment, datetime) and moment.tzinfo is not None and timed:
        moment = moment.astimezone(MOSCOW)
    month = _MONTHS.get(lang, _MONTHS["ru"])[moment.month - 1]
    day = f"{moment.day} {month} {moment.year}"
    if with_time and timed and isinstance(moment, datetime):
        return f"{day}, {moment:%H:%M}" + ("" if lang == "ru" else " MSK")
    return day


def _partial(text: str, lang: str) -> str | None:
    """«сентябрь 2025» for ``2025-09``, «2025» for ``2025`` (dates the texts name only in part)."""
    if len(text) == 4 and text.isdigit():
        return text
    if (
        len(text) == 7
        and text[4] == "-"
        and text[:4].isdigit()
        and text[5:].isdigit()
        and 1 <= int(text[5:]) <= 12
    ):
        month = int(text[5:])
        name = _MONTHS_NOMINATIVE[month - 1] if lang == "ru" else _MONTHS["en"][month - 1]
        return f"{name} {text[:4]}"
    return None
