"""What in an article is not a claim: a headline, a channel's promo line, a pointer to read elsewhere,
the channel's aside to its reader, a news site's furniture (photo credits, datelines, «Читайте также»)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# A headline ends without a full stop, a quote's closing mark or a bracket.
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")

# Channel furniture, not news: «Подписывайся на SHOT», «Прислать новость», "Subscribe".
_PROMO = re.compile(
    r"подпис(?:ыв)?айтесь|подпис(?:ыв)?айся|подпишись|подписаться|прислать новость|предложить новость"
    r"|наш канал|subscribe",
    re.IGNORECASE,
)
# A pointer to more reading, not a fact: «Читать нас без VPN можно тут», «А подробнее о новом мосте
# рассказывали в [нашем канале](https://…)», «…, писали [здесь](https://…)».
_POINTER = re.compile(
    r"читать\s+нас|без\s+vpn|\bподробн\w*\b[^\n]*\]\(|\[(?:здесь|тут|этой\s+статье|по\s+ссылке)\]\(",
    re.IGNORECASE,
)
# A line that is nothing but a link (an entry of a digest: «🐍 [10 ошибок начинающих](https://…)»): the
# title of something to read elsewhere, not a fact told here.
_LINK_ONLY = re.compile(r"[\W_]*\[[^\]\n]*[^\W\d_][^\]\n]*\]\([^)\s]+\)[\W_]*")
# The outlet asking, not telling: «О чём же они говорили?», «❓ Как вы справляетесь с…?» (a question in
# someone's quoted words ends with the closing quote mark and stays a claim).
_QUESTION = re.compile(r"\?[\s*_]*$")
# Promo words are searched case-insensitively, slow over every claim of a long article: the article is
# first folded character by character onto the letters of the promo words' cores, as re.IGNORECASE matches
# them («П» → «п»), and only claims that contain a core are searched. No character matches two of these
# letters (checked over all of Unicode), so a fold never hides a match.
_PROMO_CORES = ("подпи", "новость", "наш канал", "subscribe")
_PROMO_LETTERS = tuple(sorted(set("".join(_PROMO_CORES))))


@lru_cache(maxsize=20_000)
def _fold(char: str) -> str:
    """The promo-core letter that ``char`` matches ignoring case, else ``char`` itself."""
    return next((c for c in _PROMO_LETTERS if re.fullmatch(re.escape(c), char, re.IGNORECASE)), char)


_FOLD_ODD = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
"""The characters re.IGNORECASE matches to a promo letter that ``str.lower`` does not turn into it (found
by trying every Unicode character under Python 3.11): «ı» matches "i", «ᲂ» (a rounded «о») matches «о»."""


def promo_folded(text: str, lowered: str) -> str | None:
    """The article folded onto the promo letters, or None when no promo word can be in it."""
    folded = lowered  # the same as the fold where it keeps offsets and no odd character is there
    if len(folded) != len(text) or any(c in text for c in _FOLD_ODD):
        folded = text.translate({ord(c): f for c in set(text) if (f := _fold(c)) != c})
    return folded if any(core in folded for core in _PROMO_CORES) else None


def _pointer(text: str, start: int, stop: int) -> bool:
    """Whether a claim points to something to read elsewhere (a link with «подробнее», «здесь», or a
    line that is only a link)."""
    piece = text[start:stop]
    if "](" not in piece and "vpn" not in piece.lower():
        return False
    return _POINTER.search(text, start, stop) is not None or _LINK_ONLY.fullmatch(piece) is not None


# The channel talking to its reader, not reporting: «Ну хоть какая-то польза…», «Кажется, кто-то торопился»,
# «Хочешь знать, что было дальше?», «Жаль, конечно, водителей», «…, получается».
_ASIDE = re.compile(
    r"^[\W_]*(?:ну|че|чё|кажется|жаль|хочешь|хотите|представьте|согласитесь|готовимся|лол|ахах\w*|эх|ох|ух)\b"
    r"|\b(?:получается|конечно)[\W_]*$",
    re.IGNORECASE,
)
# A news site's furniture, not news: «Фото: …», «Источник: …», «Читайте также …», «Новости по теме: …»,
# «Подробнее читайте в нашем материале …», «Поддержи наше издание», a dateline alone («ТВЕРЬ, 6 марта,
# Агентство.», «ТАСС, 2 мая.»), "CLICK HERE TO GET THE … APP", "The agency contributed to this report".
_FURNITURE = re.compile(
    r"^[\W_]*(?:(?:фото|photo|иллюстрация|источник|source|по теме|новости по теме|читайте также"
    r"|смотрите также|read more|read also|related)\s*[:—–-]"
    r"|(?:читайте также|новости по теме|подробнее читайте|смотрите также|поддержи(?:те)?\s|click here)"
    r"|(?-i:[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ -]*),\s*\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр"
    r"|октябр|ноябр|декабр)\w*(?:\s+\d{4})?[^.]{0,30}[\s./]*$)"
    r"|(?:новости|теперь|читайте\s+нас)\s+в\s+(?:telegram|телеграм)|выделите\s+(?:его|текст)|внесена\s+правка"
    r"|contributed to this report",
    re.IGNORECASE,
)
_LATIN_ONLY = re.compile(r"^[^а-яё]*[a-z][^а-яё]*$", re.IGNORECASE)


def _aside(
    text: str, start: int, stop: int, lang: str | None, quotes: Sequence[tuple[int, int, int]]
) -> bool:
    """Whether a sentence is the channel's aside to its reader or question (or an English catchphrase
    in a Russian post: «Game over, folks»), or a news site's furniture (a photo credit, a dateline, «Читайте
    также»), not a reported fact. Quoted words are someone's, and stay claims."""
    if any(a < stop and start < b for _, a, b in quotes):
        return False
    piece = text[start:stop].strip()
    return (
        _ASIDE.search(piece) is not None
        or _QUESTION.search(piece) is not None
        or _FURNITURE.search(piece) is not None
        or (lang == "ru" and _LATIN_ONLY.match(piece) is not None)
    )


def _promo(text: str, folded: str | None, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` has channel furniture in it («Подписывайся на SHOT»)."""
    if folded is None or not any(folded.find(core, start, stop) >= 0 for core in _PROMO_CORES):
        return False
    return _PROMO.search(text, start, stop) is not None


def _is_heading(text: str, start: int, stop: int) -> bool:
    """A line of its own with no final punctuation, short: a headline or subheading, not a claim."""
    before, after = start, stop  # stepped over spaces and tabs, without copying the text around
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    while after < len(text) and text[after] in " \t":
        after += 1
    own_line = text[before - 1 : before] in ("", "\n") and text[after : after + 1] in ("", "\n")
    return own_line and not _SENTENCE_END.search(text[start:stop]) and len(text[start:stop].split()) < 15


def not_a_claim(
    text: str,
    start: int,
    stop: int,
    *,
    folded: str | None,
    lang: str | None,
    quotes: Sequence[tuple[int, int, int]],
) -> bool:
    """Whether ``text[start:stop]`` is furniture rather than a reported fact; ``folded`` is
    ``promo_folded(text, text.lower())``, worked out once per article."""
    return (
        _is_heading(text, start, stop)
        or channel_furniture(text, start, stop, folded=folded)
        or _aside(text, start, stop, lang, quotes)
    )


def channel_furniture(text: str, start: int, stop: int, *, folded: str | None) -> bool:
    """Whether ``text[start:stop]`` is a channel's promo line or a pointer to read elsewhere: the channel's
    own fixtures, not how it tells the story (``folded`` as for ``not_a_claim``)."""
    return _promo(text, folded, start, stop) or _pointer(text, start, stop)


def channel_aside(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` is the channel talking to its reader («Ну что, поехали»)."""
    return _ASIDE.search(text[start:stop].strip()) is not None
