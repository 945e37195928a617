"""How evaluative each article is in its own voice, with the phrases that make it so.

Counted: evaluative and loaded words, intensifiers and superlatives (``lexicon/tone_*.tsv``, our own; the
Russian synthetic superlative, «важнейший», by morphology). Words inside direct quotes are the speaker's,
not the outlet's, and are not counted; in a sentence that attributes what it says («заявил», «по
словам») a word counts half. The score is weighted hits per 100 of the outlet's own words, so long and
short articles compare; ``relative`` sets it against the story's mean.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from svodka.compare.claims import Doc
from svodka.compare.result import Span, Tone
from svodka.compare.words import ATTRIBUTION, STOP, lexicon
from svodka.nlp import morph
from svodka.nlp.types import Token

MAX_EVIDENCE = 8
_WEIGHTS = {"eval": 1.0, "superl": 1.0, "intens": 0.5}
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"(?:ейш|айш)(?:ий|ая|ее|ие|его|ей|их|ему|им|ую|ими|ем)$", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"\b(?:по\s+словам|по\s+мнению|according\s+to)\b", re.IGNORECASE)


def tone_of(doc: Doc) -> Tone:
    """An article's tone score and its evaluative phrases (in text order, the strongest first if many)."""
    ru, en = lexicon("tone_ru"), lexicon("tone_en")
    hits: list[tuple[float, int]] = []
    own_words = 0
    quotes = doc.direct_quotes
    words = list(map(_word, map(_TEXT, doc.tokens)))
    for sentence in doc.sentences:
        first = bisect.bisect_left(doc.token_starts, sentence.start)
        last = bisect.bisect_left(doc.token_starts, sentence.stop)
        inside = [(a, b) for a, b in quotes if a < sentence.stop and sentence.start < b]
        attributed = any(map(ATTRIBUTION.__contains__, map(_LEMMA, doc.tokens[first:last]))) or bool(
            _ATTRIBUTED.search(doc.article.text, sentence.start, sentence.stop)
        )
        for k in range(first, last):
            alpha, cyrillic, superlative = words[k]
            if not alpha:
                continue
            token = doc.tokens[k]
            if inside and any(a <= token.start and token.stop <= b for a, b in inside):
                continue
            own_words += 1
            cls = (ru if cyrillic else en).get(token.lemma)
            if cls is None and superlative:
                cls = "superl"
            if cls is not None:
                hits.append((_WEIGHTS.get(cls, 1.0) * (0.5 if attributed else 1.0), k))
    score = 100.0 * sum(w for w, _ in hits) / own_words if own_words else 0.0
    return Tone(doc.index, round(score, 2), _evidence(doc, [i for _, i in hits]))


def tones(docs: Sequence[Doc]) -> list[Tone]:
    return [tone_of(doc) for doc in docs]


def relative(tone: Tone, all_tones: Sequence[Tone]) -> float:
    """The score as a multiple of the story's mean (1.0: as evaluative as the story's average)."""
    mean = sum(t.score for t in all_tones) / len(all_tones) if all_tones else 0.0
    return round(tone.score / mean, 2) if mean else 0.0


def _superlative(token: Token) -> bool:
    return _word(token.text)[2]


# Each word's tests are worked out once per process: they were the bulk of the time (a regex per token, a
# morphological parse per «-ейший»-looking word).
_LEMMA, _TEXT = attrgetter("lemma"), attrgetter("text")


@lru_cache(maxsize=100_000)
def _word(text: str) -> tuple[bool, bool, bool]:
    """Whether a word starts with a letter, is Cyrillic, and is a Russian synthetic superlative
    («важнейший»)."""
    alpha = text[:1].isalpha()
    if not _CYRILLIC.search(text):
        return alpha, False, False
    if not _SUPERLATIVE.search(text):
        return alpha, True, False
    return alpha, True, any("Supr" in p.tag for p in morph.analyzer().parse(text.lower())[:2])


def _evidence(doc: Doc, hits: list[int]) -> tuple[Span, ...]:
    """Each hit grown into a phrase: the words it qualifies (up to two more), neighbouring hits merged."""
    text = doc.article.text
    phrases: list[list[int]] = []
    for i in hits:
        start, stop = i, i
        while stop + 1 < len(doc.tokens) and stop - i < 2:
            nxt = doc.tokens[stop + 1]
            gap = text[doc.tokens[stop].stop : nxt.start]
            if gap.strip(" ") or not nxt.text[:1].isalpha() or doc.quoted(nxt.start, nxt.stop):
                break
            stop += 1
            if nxt.lemma not in STOP and nxt.pos in ("NOUN", "PROPN", ""):
                break
        if (
            phrases
            and start <= phrases[-1][1] + 1
            and not text[doc.tokens[phrases[-1][1]].stop : doc.tokens[start].start].strip(" ")
        ):
            phrases[-1][1] = max(phrases[-1][1], stop)
        else:
            phrases.append([start, stop])
    spans = [Span(doc.index, doc.tokens[a].start, doc.tokens[b].stop) for a, b in phrases]
    if len(spans) > MAX_EVIDENCE:
        spans = sorted(sorted(spans, key=lambda s: s.start - s.stop)[:MAX_EVIDENCE], key=lambda s: s.start)
    return tuple(spans)
