"""Articles broken into claims: sentences, long ones split at clause boundaries, each with what it mentions.

A claim is a span of the article's stored text (character offsets) plus what matching and comparing need:
its content lemmas, the entities it mentions (by a key that matches across articles), numbers with their
units, places, dates and quotes. Everything comes from the article's ``Analysis``; an analysis without
tokens (``--no-nlp`` articles) is lemmatized here so that such articles can still be aligned.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import compress, repeat
from typing import Literal

from svodka.compare.furniture import not_a_claim, promo_folded
from svodka.compare.numbers import NUMBER_WORDS, Number, numbers_in
from svodka.compare.words import ATTRIBUTION, STOP, lexicon
from svodka.model import Article
from svodka.nlp import morph
from svodka.nlp.dates import find_dates
from svodka.nlp.types import Analysis, DateMention, Entity, Mention, Sentence, Token

PlaceKind = Literal["venue", "home", "geo"]

LONG_SENTENCE = 200
"""Sentences longer than this (characters) are split at clause boundaries."""
MIN_CLAUSE = 50

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV", "X", ""})
_CLAUSE_BREAK = re.compile(
    r"(?:;\s+|,\s+(?=(?:однако|но|а|причем|при этом|тогда как|которы[йеха]\w*|которо\w+"
    r"|whereas|while|but|which|who)\b))",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_PLACE_PREPS = frozenset({"в", "во", "на", "к", "у", "из", "in", "at", "into", "inside"})
_VISIT = frozenset({"посетить", "посещать", "visit", "visited"})
_GEO_PREPS = frozenset({"в", "во", "на", "in", "at"})
_ROLE_ALIASES = {"рф": "россия", "российский федерация": "россия", "российская федерация": "россия"}


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    stop: int
    kind: PlaceKind
    key: frozenset[str]
    """Lemmas (or an entity's match key) two mentions of the same place share."""


@dataclass(frozen=True, slots=True)
class Claim:
    doc: int
    """Index of its article in the comparison."""
    index: int
    start: int
    stop: int
    sentence: int
    paragraph: int
    heading: bool
    lemmas: tuple[str, ...]
    entities: frozenset[str]
    persons: frozenset[str]
    """Match keys of people named (not only referred to by a role)."""
    numbers: tuple[Number, ...]
    places: tuple[Place, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[int, ...]
    """Indices into the article's ``Analysis.quotes`` that overlap the claim."""
    events: frozenset[str] = frozenset()
    """Kinds of event the claim names (``event_kinds``)."""
    verbs: frozenset[str] = frozenset()
    """Lemmas of its verbs (where the tagger gave parts of speech): what the claim says happened."""


@dataclass(frozen=True, slots=True)
class Doc:
    """One article of a comparison with its analysis and claims."""

    index: int
    article: Article
    analysis: Analysis
    label: str
    """The source as shown to people: the outlet, else the external id, else the id."""
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    base: date | None
    token_starts: tuple[int, ...]

    def text(self, start: int, stop: int) -> str:
        return self.article.text[start:stop]

    def tokens_in(self, start: int, stop: int) -> tuple[Token, ...]:
        """The tokens that begin inside ``[start, stop)``."""
        return self.tokens[
            bisect.bisect_left(self.token_starts, start) : bisect.bisect_left(self.token_starts, stop)
        ]

    def quoted(self, start: int, stop: int) -> bool:
        """Whether the span lies inside reported speech (a direct quote's words)."""
        return any(a <= start and stop <= b for a, b in self.direct_quotes)

    @property
    def direct_quotes(self) -> tuple[tuple[int, int], ...]:
        return tuple((q.start, q.stop) for q in self.analysis.quotes if q.kind == "direct")


_NAME_JUNK = re.compile(r"[^\w\s.'’-]|_")


def entity_key(name: str, type_: str) -> str:
    """A key that matches the same entity across articles: a person's surname, else the whole name."""
    # markup caught in a name («Андрей **Белоусов» in a post with bold type) is not part of it
    folded = " ".join(_NAME_JUNK.sub(" ", name.lower().replace("ё", "е")).split())
    if type_ == "PER":
        return "PER:" + folded.rsplit(" ", 1)[-1]
    return type_ + ":" + _ROLE_ALIASES.get(folded, folded)


def source_label(article: Article) -> str:
    return article.source or article.external_id or article.id


def article_date(article: Article) -> date | None:
    value = article.published
    if isinstance(value, datetime):
        return value.date()
    return value


_START, _LEMMA, _POS = operator.attrgetter("start"), operator.attrgetter("lemma"), operator.attrgetter("pos")


def build_doc(index: int, article: Article, analysis: Analysis, *, story_date: date | None = None) -> Doc:
    """An article's claims, from its stored text and its analysis.

    ``story_date`` stands in for the article's date when it has none (the other articles' date), so that
    «11 ноября» in an undated article still gets its year.
    """
    text = article.text
    base = article_date(article)
    tokens = analysis.tokens or _lemmatize(text)
    sentences = _split_lines(text, analysis.sentences) if analysis.sentences else _split_sentences(text)
    dates = analysis.dates
    if not analysis.tokens or (base is None and story_date is not None):
        base = base or story_date
        dates = tuple(find_dates(text, base, analysis.lang or article.lang))
    starts = list(map(_START, tokens))
    names = {e.key: e for e in analysis.entities}
    lowered = text.lower()
    urls = _urls(text, lowered)
    ordered = sorted(analysis.mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in ordered]
    in_url = {
        starts[k]
        for a, b in urls
        for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
    }
    # What depends on a token or a mention alone is worked out once per article, and each claim takes
    # its slice (by token index): per-claim passes over the tokens made long stories slow.
    mention_keys = [
        entity_key(names[m.entity].name if m.entity in names else m.normal, m.type) for m in ordered
    ]
    # (map and compress: these passes over every token run in C)
    lemmas, poses, positions = list(map(_LEMMA, tokens)), list(map(_POS, tokens)), range(len(tokens))
    content = list(compress(positions, map(_content_lemma, lemmas, poses)))
    if in_url:
        content = [k for k in content if starts[k] not in in_url]
    content_lemmas = [lemmas[k] for k in content]
    verbs = [k for k in compress(positions, map(operator.eq, poses, repeat("VERB"))) if lemmas[k] not in STOP]
    verb_lemmas = [lemmas[k] for k in verbs]
    places_lex, events_lex = lexicon("places"), lexicon("events")
    place_words = list(compress(positions, map(places_lex.__contains__, lemmas)))
    event_words = list(compress(positions, map(events_lex.__contains__, lemmas)))
    number_words = list(compress(positions, map(NUMBER_WORDS.__contains__, lemmas)))
    in_date = {p for d in dates for p in range(d.start, d.stop)}
    quote_spans = [(i, q.start, q.stop) for i, q in enumerate(analysis.quotes)]
    folded = promo_folded(text, lowered)
    claims: list[Claim] = []
    paragraph = 0
    previous_stop = 0
    for number, sentence in enumerate(sentences):
        if "\n" in text[previous_stop : sentence.start]:
            paragraph += 1
        previous_stop = sentence.stop
        for start, stop in _clauses(text, sentence, analysis):
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
            span = tokens[lo:hi]
            picked = [
                k
                for k in range(
                    bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, stop)
                )
                if ordered[k].stop <= stop
            ]
            mentions = [ordered[k] for k in picked]
            # _places starts only from a word of the places lexicon or a LOC mention, numbers_in only from
            # a digit or a number word: most claims have neither, and skip them.
            has_places = _any_in(place_words, lo, hi) or any(m.type == "LOC" for m in mentions)
            has_numbers = _any_in(number_words, lo, hi) or _DIGIT.search(text, start, stop) is not None
            claims.append(
                Claim(
                    doc=index,
                    index=len(claims),
                    start=start,
                    stop=stop,
                    sentence=number,
                    paragraph=paragraph,
                    heading=not_a_claim(
                        text, start, stop, folded=folded, lang=analysis.lang, quotes=quote_spans
                    ),
                    lemmas=tuple(_slice(content, content_lemmas, lo, hi)),
                    # built as sets first, as before: a frozenset's order (hence the order of alignment
                    # terms, hence float rounding) depends on how it was built
                    entities=frozenset({mention_keys[k] for k in picked}),
                    persons=frozenset(
                        {mention_keys[k] for k in picked if ordered[k].type == "PER" and not ordered[k].role}
                    ),
                    numbers=tuple(numbers_in(text, start, stop, span, in_date, analysis.lang))
                    if has_numbers
                    else (),
                    places=tuple(_places(text, span, mentions, names)) if has_places else (),
                    dates=tuple(d for d in dates if start <= d.start and d.stop <= stop) if dates else (),
                    quotes=tuple(i for i, a, b in quote_spans if a < stop and start < b)
                    if quote_spans
                    else (),
                    events=frozenset(kind for kind, _ in event_kinds(span))
                    if _any_in(event_words, lo, hi)
                    else frozenset(),
                    verbs=frozenset(_slice(verbs, verb_lemmas, lo, hi)),
                )
            )
    return Doc(
        index, article, analysis, source_label(article), tokens, sentences, tuple(claims), base, tuple(starts)
    )


def build_docs(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[Doc]:
    """The claims of each article; undated articles take the latest date among the others."""
    dated = [d for d in (article_date(a) for a in articles) if d is not None]
    story_date = max(dated) if dated else None
    return [
        build_doc(i, a, an, story_date=story_date)
        for i, (a, an) in enumerate(zip(articles, analyses, strict=True))
    ]


def _any_in(indices: Sequence[int], lo: int, hi: int) -> bool:
    """Whether some of the sorted token ``indices`` lies in ``[lo, hi)``."""
    return bisect.bisect_left(indices, lo) < bisect.bisect_left(indices, hi)


def _slice(indices: Sequence[int], values: Sequence[str], lo: int, hi: int) -> Sequence[str]:
    """The ``values`` of the sorted token ``indices`` that lie in ``[lo, hi)``, in order."""
    return values[bisect.bisect_left(indices, lo) : bisect.bisect_left(indices, hi)]


def event_kinds(tokens: Sequence[Token]) -> list[tuple[str, Token]]:
    """The events a run of tokens names, with the token naming each; a meeting over tea is informal."""
    kinds = lexicon("events")
    named = [(kinds[t.lemma], t) for t in tokens if t.lemma in kinds]
    if not named:
        return []
    informal = any(kind == "informal" for kind, _ in named)
    found = []
    for kind, token in named:
        if kind == "informal" and token.lemma not in ("чаепитие", "чай", "tea"):
            continue
        if kind in ("meeting", "informal"):
            kind = "informal meeting" if informal else "meeting"
        found.append((kind, token))
    return found


def _content(token: Token) -> bool:
    """A word that says what the claim is about: not a function word, not a number (numbers are compared
    as numbers), not a verb of saying («сообщил источник» tells who said it, not what happened)."""
    return _content_lemma(token.lemma, token.pos)


@lru_cache(maxsize=100_000)
def _content_lemma(lemma: str, pos: str) -> bool:
    return (
        pos in _CONTENT_POS
        and lemma not in STOP
        and lemma not in ATTRIBUTION
        and _LETTER.search(lemma) is not None
    )


def _lemmatize(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.group(), morph.lemma(m.group())) for m in morph.words(text))


def _split_sentences(text: str) -> tuple[Sentence, ...]:
    found = []
    for match in re.finditer(r"[^\n]+?(?:[.!?…]+(?=\s|$)|$)", text, re.M):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped[0])
            found.append(Sentence(start, start + len(stripped)))
    return tuple(found)


def _split_lines(text: str, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """Sentences cut at line breaks too: a headline glued to the next sentence is two claims. A full stop
    inside a link's title («[Самоучитель по Go. Часть 14](https://…)») does not end a sentence."""
    found = []
    for sentence in _joined_in_links(text, sentences):
        start = sentence.start
        for line in text[sentence.start : sentence.stop].split("\n"):
            stripped = line.strip()
            if stripped:
                begin = start + line.index(stripped[0])
                found.append(Sentence(begin, begin + len(stripped)))
            start += len(line) + 1
    return tuple(found)


_MARKDOWN_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")


def _joined_in_links(text: str, sentences: Sequence[Sentence]) -> Sequence[Sentence]:
    if "](" not in text:
        return sentences
    links = [m.span() for m in _MARKDOWN_LINK.finditer(text)]
    joined: list[Sentence] = []
    for sentence in sentences:
        if joined and any(a < joined[-1].stop and sentence.start < b for a, b in links):
            joined[-1] = Sentence(joined[-1].start, sentence.stop)
        else:
            joined.append(sentence)
    return joined


def _clauses(text: str, sentence: Sentence, analysis: Analysis) -> list[tuple[int, int]]:
    """The sentence, or its clauses when it is long; never a break inside a quote or a tiny piece."""
    start, stop = sentence.start, sentence.stop
    if stop - start <= LONG_SENTENCE:
        return [(start, stop)]
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, stop):
        cut = match.end()
        inside = any(q.start < cut < q.stop for q in analysis.quotes)
        if not inside and cut - cuts[-1] >= MIN_CLAUSE and stop - cut >= MIN_CLAUSE:
            cuts.append(cut)
    spans = []
    for left, right in zip(cuts, [*cuts[1:], stop], strict=True):
        piece = text[left:right].rstrip(" ,;")
        spans.append((left, left + len(piece)))
    return spans


_URL_CORES = ("http", "www.", "t.me/")


def _urls(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans ``_URL.finditer`` finds, faster: a case-insensitive search over the whole article is slow,
    and a URL can only start where ``lowered`` (the article in lower case) has one of ``_URL_CORES`` (no
    character but these letters and their capitals matches them ignoring case)."""
    if len(lowered) != len(text):
        return [m.span() for m in _URL.finditer(text)]
    found: list[tuple[int, int]] = []
    at = 0
    while True:
        hits = [i for core in _URL_CORES if (i := lowered.find(core, at)) >= 0]
        if not hits:
            return found
        match = _URL.match(text, min(hits))
        if match:
            found.append(match.span())
            at = match.end()
        else:
            at = min(hits) + 1


def _places(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention], names: dict[str, Entity]
) -> list[Place]:
    """Venues and homes named by a noun after a preposition (or «посетить»), and locations «в Казани»."""
    places_lex = lexicon("places")
    found: list[Place] = []
    for k, token in enumerate(tokens):
        kind = places_lex.get(token.lemma)
        if kind is None or any(p.start <= token.start < p.stop for p in found):
            continue
        # "at the governor's residence": articles and the possessive "s" token do not count as words
        window = [t.lemma for t in tokens[max(0, k - 6) : k] if t.lemma not in _NOT_WORDS][-3:]
        if token.lemma == "себя":
            if not window or window[-1] not in ("к", "у"):
                continue
        elif not any(w in _PLACE_PREPS or w in _VISIT for w in window):
            continue
        first = k
        while first > 0 and tokens[first - 1].lemma not in _PLACE_PREPS | _VISIT and k - first < 5:
            first -= 1
        key = {t.lemma for t in tokens[first : k + 1] if t.lemma not in STOP and t.lemma not in _NOT_WORDS}
        last = k
        while last + 1 < len(tokens) and last - k < 2 and _owner(text, tokens[last], tokens[last + 1]):
            last += 1  # «помещениях Кремля», «здании мэрии Мурманска»: the owner is part of the place
            key.add(tokens[last].lemma)
        if key & {"белый", "white"}:
            kind = "venue"  # the White House is not anybody's home
        if first > 0 and tokens[first - 1].lemma in _PLACE_PREPS | _VISIT:
            first -= 1  # shown with its preposition: «в Кремле», «к себе»
        found.append(Place(tokens[first].start, tokens[last].stop, _kind(kind), frozenset(key)))
    for mention in mentions:
        if mention.type != "LOC" or mention.normal.lower() in places_lex:
            continue
        at = next((i for i, t in enumerate(tokens) if t.start >= mention.start), None)
        if at is None or at == 0 or tokens[at - 1].lemma not in _GEO_PREPS:
            continue
        if _CYRILLIC.search(mention.text) and not _locative(tokens[at].text):
            continue  # «в Россию» is where someone goes, not where something happens
        name = names[mention.entity].name if mention.entity in names else mention.normal
        found.append(Place(mention.start, mention.stop, "geo", frozenset({entity_key(name, "LOC")})))
    # «в здании мэрии» is one place, not also a bare «в здании»
    inside = [p for p in found if any(q is not p and q.start <= p.start and p.stop <= q.stop for q in found)]
    return sorted((p for p in found if p not in inside), key=lambda p: p.start)


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_NOT_WORDS = frozenset({"s", "'s", "’s", "the", "a", "an"})


def _owner(text: str, previous: Token, token: Token) -> bool:
    """Whether ``token`` goes on a place's name: a name or a noun, right after it, nothing between."""
    if text[previous.stop : token.start].strip() or not token.text[:1].isalpha():
        return False
    return token.pos in ("NOUN", "PROPN") or (not token.pos and token.text[:1].isupper())


def _kind(value: str) -> PlaceKind:
    if value == "venue":
        return "venue"
    if value == "home":
        return "home"
    return "geo"


@lru_cache(maxsize=20_000)
def _locative(word: str) -> bool:
    return any(p.tag.case in ("loct", "loc2") for p in morph.analyzer().parse(word.lower()))
