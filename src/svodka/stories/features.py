"""What clustering sees of an article: weighted content lemmas, canonical entities, places, numbers, time.

Built from the article's ``Analysis`` when there is one (lemmas with POS, entities with canonical names);
for an article stored without NLP, from ``svodka.nlp.morph.lemmas`` alone, with no entities.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from svodka.model import Article, Published
from svodka.nlp import morph
from svodka.nlp.dates import find_dates
from svodka.nlp.types import Analysis
from svodka.stories.records import compress_lead
from svodka.stories.stopwords import STOPWORDS

DAY = 86_400.0
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+|@\w+", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "X", ""})
_LEMMA_OK = re.compile(r"^[^\W_][\w-]*$")
TITLE_BOOST = 1
"""Extra count for each word of the title (or of a headline-like first line): headlines name the event."""
_LEAD_MAX = 200


@dataclass(frozen=True, slots=True)
class Features:
    """An article as the clusterer sees it. ``terms`` are lemma → sublinear tf weight (idf applied later)."""

    article_id: str
    lang: str
    source: str | None
    time: float | None
    """Seconds since the epoch (UTC); a bare date counts as its noon; None when the article has no date."""
    terms: Mapping[str, float]
    entities: tuple[str, ...] = ()
    """Canonical names (lowercased) of the persons, organisations and places the article mentions."""
    places: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    lead_numbers: tuple[str, ...] = ()
    """Every number of the headline (the title or a headline-like first line), small ones too: «8 ноября»."""
    names: tuple[str, ...] = ()
    """Latin consonant skeletons of names («Воронцова», "Vorontsov" → "vrncv"): shared across languages."""
    dated_by_text: bool = False
    """True when ``time`` comes from a date the text states, the article itself having none."""

    @property
    def day(self) -> int | None:
        return None if self.time is None else int(self.time // DAY)

    def to_json(self) -> str:
        return json.dumps(
            {
                "lang": self.lang,
                "source": self.source,
                "time": self.time,
                "terms": {t: round(w, 4) for t, w in self.terms.items()},
                "entities": self.entities,
                "places": self.places,
                "numbers": self.numbers,
                "names": self.names,
                "lead_numbers": self.lead_numbers,
                "dated_by_text": self.dated_by_text,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, article_id: str, text: str) -> Features:
        data = json.loads(text)
        return cls(
            article_id=article_id,
            lang=data["lang"],
            source=data.get("source"),
            time=data.get("time"),
            terms=data["terms"],
            entities=tuple(data.get("entities", ())),
            places=tuple(data.get("places", ())),
            numbers=tuple(data.get("numbers", ())),
            names=tuple(data.get("names", ())),
            lead_numbers=tuple(data.get("lead_numbers", ())),
            dated_by_text=bool(data.get("dated_by_text", False)),
        )


def extract(article: Article, analysis: Analysis | None = None) -> Features:
    """The features of one article (its analysis, when given, must be of ``article.text``)."""
    counts: Counter[str] = Counter()
    if analysis is not None and analysis.tokens:
        for token in analysis.tokens:
            if token.pos in _CONTENT_POS:
                _count(counts, token.lemma.lower().replace("ё", "е"))
    else:
        for lemma in morph.lemmas(_URL.sub(" ", article.text)):
            _count(counts, lemma)
    for lemma in morph.lemmas(_URL.sub(" ", headline_text(article))):
        if _keep(lemma):
            counts[lemma] += TITLE_BOOST
    terms = {t: 1.0 + math.log(c) for t, c in sorted(counts.items())}
    entities: set[str] = set()
    places: set[str] = set()
    names: set[str] = set()
    if analysis is not None:
        for entity in analysis.entities:
            name = normalize_name(entity.name)
            if name:
                entities.add(name)
                names.update(skeleton(morph.lemma(w)) for w in morph.WORD.findall(entity.name))
                if entity.type == "LOC":
                    places.add(name)
    else:
        names.update(skeleton(morph.lemma(w)) for w in capitalized(article))
    when, by_text = epoch(article.published), False
    if when is None:
        when = stated_date(article, analysis)
        by_text = when is not None
    return Features(
        article_id=article.id,
        lang=article.lang,
        source=article.source,
        time=when,
        terms=terms,
        entities=tuple(sorted(entities)),
        places=tuple(sorted(places)),
        numbers=numbers(article.text if not article.title else article.title + "\n" + article.text),
        names=tuple(sorted(n for n in names if len(n) >= MIN_SKELETON)),
        lead_numbers=numbers(headline_text(article), minimum=0),
        dated_by_text=by_text,
    )


def stated_date(article: Article, analysis: Analysis | None) -> float | None:
    """For an undated article, the (noon of the) full date its text states most often; ties: the earliest."""
    mentions = analysis.dates if analysis is not None else find_dates(article.text, None, article.lang)
    days = Counter(m.value for m in mentions if len(m.value) == 10)
    if not days:
        return None
    value = min(days, key=lambda d: (-days[d], d))
    try:
        return epoch(date.fromisoformat(value))
    except ValueError:
        return None


_CAPITALIZED = re.compile(r"(?<![.!?…]\s)(?<!^)\b[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?", re.MULTILINE)
_LATIN = "abvgdeezziiklmnoprstufhccss-i-eua"  # one Latin letter for each Cyrillic one; "-": none
_TRANSLIT = str.maketrans(
    {c: "" if lat == "-" else lat for c, lat in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True)}
)
_DIGRAPHS = (
    ("shch", "s"),
    ("kh", "h"),
    ("zh", "z"),
    ("ts", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("x", "ks"),
    ("w", "v"),
)
_VOWELS = re.compile(r"[aeiouy]")
MIN_SKELETON = 3


def skeleton(word: str) -> str:
    """A name's consonant skeleton in Latin letters: the first letter, then consonants, doubled ones once.

    «Архангельск» and "Arkhangelsk" both give "arhnglsk"; «Воронцов» and "Vorontsov" give "vrncv".
    """
    text = word.lower().translate(_TRANSLIT)
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    text = re.sub(r"[^a-z]", "", text)
    if len(text) > 1 and text[0] == "y" and text[1] in "aeiou":
        text = text[1:]  # "Yakutia", "Yekaterinburg": the y of a Cyrillic я/е/ю, not a consonant
    if not text:
        return ""
    rest = _VOWELS.sub("", text[1:])
    return re.sub(r"(.)\1+", r"\1", text[0] + rest)


def capitalized(article: Article) -> list[str]:
    """Capitalized words not opening a sentence: names, when there is no NER to find them."""
    text = (article.title + ". " if article.title else "") + _URL.sub(" ", article.text)
    return [m.group() for m in _CAPITALIZED.finditer(text)]


def headline_text(article: Article) -> str:
    """The title, else the lead sentence as a headline would say it (Telegram posts start with one)."""
    return article.title or compress_lead(article.text, _LEAD_MAX)


def numbers(text: str, minimum: float = 10) -> tuple[str, ...]:
    """Numbers that can tell one event from another: ≥ ``minimum`` or with a fraction ("3,5" → "3.5")."""
    found: set[str] = set()
    for match in _NUMBER.finditer(_URL.sub(" ", text)):
        value = match.group().replace(",", ".")
        try:
            number = float(value)
        except ValueError:  # pragma: no cover - the pattern only matches digits
            continue
        if number >= minimum or "." in value:
            found.add(value.rstrip("0").rstrip(".") if "." in value else value.lstrip("0") or "0")
    return tuple(sorted(found))


def normalize_name(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def epoch(published: Published | None) -> float | None:
    """Seconds since the epoch, UTC; a date alone counts as its noon (it is known to the day only)."""
    if published is None:
        return None
    if isinstance(published, datetime):
        moment = published if published.tzinfo else published.replace(tzinfo=UTC)
        return moment.timestamp()
    return datetime.combine(published, time(12), tzinfo=UTC).timestamp()


def _keep(lemma: str) -> bool:
    if lemma in STOPWORDS or not _LEMMA_OK.match(lemma):
        return False
    return len(lemma) >= 3 or (lemma.isdigit() and len(lemma) >= 2)


def _count(counts: Counter[str], lemma: str) -> None:
    if _keep(lemma):
        counts[lemma] += 1
