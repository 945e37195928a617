"""The comparison lexicons (``lexicon/*.tsv``, our own, MIT) and the small word lists matching needs.

Loaded once per process from the package data; an entry is ``lemma<TAB>class``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from svodka.errors import SvodkaError
from svodka.nlp import morph


@cache
def lexicon(name: str) -> dict[str, str]:
    """``lemma → class`` from ``lexicon/NAME.tsv``; a missing or malformed file is an installation error."""
    try:
        text = (
            resources.files("svodka.compare").joinpath("lexicon", f"{name}.tsv").read_text(encoding="utf-8")
        )
    except FileNotFoundError as exc:
        raise SvodkaError(
            f"lexicon {name!r} is missing from the installation ({exc}); reinstall svodka"
        ) from exc
    entries: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        lemma, sep, cls = line.partition("\t")
        if not sep or not cls.strip():
            raise SvodkaError(f"lexicon {name!r} line {number}: expected 'lemma<TAB>class', got {raw!r}")
        entries[lemma.strip().lower().replace("ё", "е")] = cls.strip()
    return entries


# Function words carry no claim content; they are left out of matching (the idf would shrink them anyway,
# but short claims would still match on «в» and «the»).
_STOP_WORDS = """
    и а но или да же ли бы не ни что чтобы как так также тоже уже еще лишь только вот это этот тот такой
    который какой весь сам свой мой наш ваш его ее их он она оно они мы вы я ты себя кто где когда там тут
    в во на с со по к ко о об обо от до за из изо для при под над у про через без между после перед около
    быть являться стать мочь иметь один два
    the a an of to in on for and or but is are be was were been being has have had it its this that these
    those with as at by from he she they we i you his her their our my your will would can could should
    not no do does did so than then there here which who whom what when where also just only about into
"""
STOP = frozenset(_STOP_WORDS.split())

# Speech and attribution: a sentence built on them reports a judgement rather than makes it.
_ATTRIBUTION_WORDS = """
    сказать заявить отметить подчеркнуть сообщить считать полагать назвать признать добавить пояснить
    написать рассказать объявить уточнить according said says told stated noted believes called added
"""
ATTRIBUTION = frozenset(_ATTRIBUTION_WORDS.split())

# A claim that reports a demand, a plan or an expectation gives a number that need not have come true.
HEDGES = frozenset(
    [
        "просить",
        "попросить",
        "требовать",
        "потребовать",
        "предложить",
        "предлагать",
        "планировать",
        "намереваться",
        "ожидать",
        "ожидаться",
        "мочь",
        "прогнозировать",
        "должный",
        "планироваться",
        "ожидаться",
        "обещать",
        "ask",
        "asked",
        "demand",
        "demanded",
        "request",
        "plan",
        "planned",
        "expect",
        "expected",
        "propose",
        "proposed",
        "could",
        "may",
        "might",
    ]
)


_NAME_TAGS = frozenset(["Name", "Surn", "Patr"])
_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ACRONYM_WORD = re.compile(r"^[А-ЯЁA-Z]{2,}[а-яёa-z]")
_CYRILLIC_WORD = re.compile(r"^[а-яёА-ЯЁ-]+$")


@lru_cache(maxsize=50_000)
def personal_name(name: str) -> bool:
    """Whether a name the tagger gave a person looks like one: a word the dictionary knows as a first name,
    surname or patronymic, a capitalized word it does not know («Трамп»), or a Latin one («Glenn Lowry»);
    not a role alone («Представитель министерства»), nor a word made of an acronym («ФСБшников»)."""
    words = _NAME_WORD.findall(name)
    if not words or any(_ACRONYM_WORD.match(word) for word in words):
        return False
    for word in words:
        if not _CYRILLIC_WORD.match(word):
            return True
        parses = morph.analyzer().parse(word)
        if any(_NAME_TAGS & p.tag.grammemes for p in parses):
            return True
        if word[:1].isupper() and not any(p.is_known for p in parses):
            return True
    return False
