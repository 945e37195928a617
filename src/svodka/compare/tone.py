"""How evaluative each article is in its own voice, with the phrases that make it so.

Counted: evaluative, loaded and colloquial words, intensifiers and superlatives (``lexicon/tone_*.tsv``,
our own; the Russian synthetic superlative, «важнейший», by morphology, save those that only name a thing,
«ближайшие часы»), and what a sentence does in the outlet's voice: an emoji of feeling (😱, not ⚡️), an
aside to the reader («Ну что, поехали»), its own question («Кто следующий?») or exclamation. Words inside
direct quotes are the speaker's, not the outlet's, and are not counted, nor are a channel's promo lines; in
a sentence that attributes what it says («заявил», «по словам») a word counts half. The score is weighted
hits per 100 of the outlet's own words, so long and short articles compare; ``relative`` sets it against
the story's mean."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from svodka.compare.claims import Doc
from svodka.compare.furniture import channel_aside, channel_furniture, promo_folded
from svodka.compare.result import Span, Tone
from svodka.compare.words import ATTRIBUTION, STOP, lexicon
from svodka.nlp import morph
from svodka.nlp.types import Sentence, Token

MAX_EVIDENCE = 8
_WEIGHTS = {
    # words
    "eval": 1.0,
    "superl": 1.0,
    "intens": 0.5,
    # what a sentence does in the outlet's voice
    "question": 1.0,
    "exclaim": 0.5,
    "emoji": 0.5,
    "aside": 1.0,
}
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"(?:ейш|айш)(?:ий|ая|ее|ие|его|ей|их|ему|им|ую|ими|ем)$", re.IGNORECASE)
_PLAIN_SUPERLATIVE = ("ближайш", "новейш", "высш", "низш", "крупнейш")
"""Superlatives that only name a thing: «в ближайшие часы», «новейшая система», «высший суд»."""
_EMOTIVE = re.compile(
    "[\U0001f600-\U0001f64f\U0001f910-\U0001f92f\U0001f970-\U0001f97f\U0001f47b\U0001f480\U0001f4a9]"
)
"""Emoji of faces and feelings (😱, 🤯, 🥶, 👻): lightning bolts and exclamation marks lead news by habit."""
_CLOSING = "?!.…)"
"""What may close a sentence after its question or exclamation mark («Правда?!)», «Что?..»)."""
_ATTRIBUTED = re.compile(r"\b(?:по\s+словам|по\s+мнению|according\s+to)\b", re.IGNORECASE)


def tone_of(doc: Doc) -> Tone:
    """An article's tone score and its evaluative phrases (in text order, the strongest first if many)."""
    hits: list[tuple[float, int]] = []
    own_words = 0
    text = doc.article.text
    folded = promo_folded(text, text.lower())
    tokens = doc.tokens
    words = list(map(_word, map(_TEXT, tokens)))
    emojis = [m.start() for m in _EMOTIVE.finditer(text)]
    for sentence in doc.sentences:
        if channel_furniture(text, sentence.start, sentence.stop, folded=folded):
            continue  # «😄 Подписаться»: the channel's fixtures, in every post alike
        first = bisect.bisect_left(doc.token_starts, sentence.start)
        last = bisect.bisect_left(doc.token_starts, sentence.stop)
        inside = [(a, b) for a, b in doc.direct_quotes if a < sentence.stop and sentence.start < b]
        own = [
            k
            for k in range(first, last)
            if words[k][0]
            and not (inside and any(a <= tokens[k].start and tokens[k].stop <= b for a, b in inside))
        ]
        if not own:
            continue
        own_words += len(own)
        attributed = any(map(ATTRIBUTION.__contains__, map(_LEMMA, tokens[first:last]))) or bool(
            _ATTRIBUTED.search(text, sentence.start, sentence.stop)
        )
        hits += _word_hits(doc, words, own, attributed)
        hits += _sentence_hits(doc, sentence, own, inside, attributed, emojis)
    score = 100.0 * sum(w for w, _ in hits) / own_words if own_words else 0.0
    return Tone(doc.index, round(score, 2), _evidence(doc, sorted({i for _, i in hits})))


def _word_hits(
    doc: Doc, words: Sequence[tuple[bool, bool, bool]], own: Sequence[int], attributed: bool
) -> list[tuple[float, int]]:
    """Evaluative words, intensifiers and superlatives among the outlet's own words of a sentence."""
    ru, en = lexicon("tone_ru"), lexicon("tone_en")
    hits = []
    for k in own:
        _, cyrillic, superlative = words[k]
        cls = (ru if cyrillic else en).get(doc.tokens[k].lemma)
        if cls == "superl" and k > own[0] and doc.tokens[k - 1].lemma in ("тот", "этот"):
            cls = None  # «тот самый шторм» points back, it does not grade
        if cls is None and superlative:
            cls = "superl"
        if cls is not None:
            hits.append((_WEIGHTS[cls] * (0.5 if attributed else 1.0), k))
    return hits


def _sentence_hits(
    doc: Doc,
    sentence: Sentence,
    own: Sequence[int],
    inside: Sequence[tuple[int, int]],
    attributed: bool,
    emojis: Sequence[int],
) -> list[tuple[float, int]]:
    """What the sentence does in the outlet's own voice: an emoji of feeling (``emojis``: the offsets of
    the article's), an aside to the reader, a question or an exclamation. Each is shown by a word of it."""
    text = doc.article.text
    hits = []
    start, stop = sentence.start, sentence.stop
    for at in emojis[bisect.bisect_left(emojis, start) : bisect.bisect_left(emojis, stop)]:
        if not any(a <= at < b for a, b in inside):
            # shown with the word before it (an emoji is not a token without the tagger)
            before = bisect.bisect_right(own, bisect.bisect_right(doc.token_starts, at) - 1) - 1
            hits.append((_WEIGHTS["emoji"], own[max(0, before)]))
    if not inside and channel_aside(text, start, stop):
        hits.append((_WEIGHTS["aside"], own[0]))  # «Ну что, поехали»: the channel's own remark
    end = stop
    while end > start and (text[end - 1] in _CLOSING or text[end - 1].isspace()):
        end -= 1
    mark = next((i for i in range(end, stop) if text[i] in "?!"), None)
    if mark is not None and not attributed and not any(a <= mark < b for a, b in inside):
        # the outlet's own question or exclamation («Кто следующий?», «Берегите себя!»)
        hits.append((_WEIGHTS["question" if text[mark] == "?" else "exclaim"], own[-1]))
    return hits


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
    if not _SUPERLATIVE.search(text) or text.lower().startswith(_PLAIN_SUPERLATIVE):
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
