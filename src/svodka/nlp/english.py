"""English entities, best effort without a model: runs of capitalized words, typed by small word lists.

Expected quality (see README): people and organisations written with titles or suffixes ("President Joe
Biden", "Acme Corp.") and well-known places come out right; a lone capitalized word at the start of a
sentence is skipped, and an unknown single word is typed only when the text marks it (a title before it,
"in"/"at" before a place, a surname already seen). There are no normal forms beyond a dropped possessive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from svodka.nlp.entities import Candidate
from svodka.nlp.natasha_adapter import segment as _segment
from svodka.nlp.natasha_adapter import shared_models
from svodka.nlp.types import EntityType, Sentence, Token

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ceo",
        "chairman",
        "judge",
        "mayor",
        "sir",
        "lord",
    ]
)
ORG_WORDS = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "company",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "group",
        "bank",
        "ministry",
        "department",
        "agency",
        "university",
        "college",
        "institute",
        "council",
        "committee",
        "commission",
        "party",
        "parliament",
        "congress",
        "senate",
        "court",
        "association",
        "federation",
        "union",
        "foundation",
        "news",
        "times",
        "post",
        "press",
        "service",
        "services",
        "reuters",
        "kremlin",
        "army",
        "navy",
        "police",
        "fund",
        "organization",
        "organisation",
        "airlines",
        "motors",
        "technologies",
        "labs",
    ]
)
PLACES = frozenset(
    [
        "russia",
        "moscow",
        "kazakhstan",
        "astana",
        "ukraine",
        "kyiv",
        "kiev",
        "belarus",
        "minsk",
        "china",
        "beijing",
        "japan",
        "tokyo",
        "india",
        "germany",
        "berlin",
        "france",
        "paris",
        "britain",
        "uk",
        "london",
        "england",
        "scotland",
        "ireland",
        "us",
        "usa",
        "america",
        "washington",
        "new",
        "york",
        "california",
        "texas",
        "florida",
        "canada",
        "mexico",
        "brazil",
        "italy",
        "rome",
        "spain",
        "madrid",
        "poland",
        "warsaw",
        "turkey",
        "ankara",
        "iran",
        "israel",
        "gaza",
        "syria",
        "egypt",
        "europe",
        "asia",
        "africa",
        "australia",
        "korea",
        "seoul",
        "finland",
        "sweden",
        "norway",
        "georgia",
        "armenia",
        "azerbaijan",
        "uzbekistan",
        "st",
        "petersburg",
        "siberia",
        "crimea",
    ]
)
CONNECTORS = frozenset({"of", "de", "the", "for", "and", "&", "von", "van", "al", "bin"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "across"})
_SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "or",
        "so",
        "if",
        "when",
        "after",
        "before",
        "as",
        "there",
        "here",
        "what",
        "who",
        "why",
        "how",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "yes",
        "no",
        "while",
        "since",
        "for",
        "with",
        "by",
        "from",
    ]
)


_BEFORE_NUMBER = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|Vol)\.$")
_BEFORE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St)\.$")


def segment(text: str) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    """Sentences and tokens (no part-of-speech tags for English)."""
    sentences, tokens = _segment(text, shared_models())
    return _join_abbreviations(text, sentences), tokens


def _join_abbreviations(text: str, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """Sentences the segmenter ended at an abbreviation joined again: "on Dec. | 12 that…", "Gov. | Brown"."""
    joined: list[Sentence] = []
    for sentence in sentences:
        if joined:
            before = text[joined[-1].start : joined[-1].stop]
            following = text[sentence.start : sentence.start + 1]
            if (_BEFORE_NUMBER.search(before) and following.isdigit()) or (
                _BEFORE_NAME.search(before) and following.isupper()
            ):
                joined[-1] = Sentence(joined[-1].start, sentence.stop)
                continue
        joined.append(sentence)
    return tuple(joined)


def find_mentions(text: str, sentences: Sequence[Sentence], tokens: Sequence[Token]) -> list[Candidate]:
    """PER / ORG / LOC mentions from runs of capitalized words."""
    starts = {s.start for s in sentences}
    found: list[Candidate] = []
    surnames: set[str] = set()
    i = 0
    while i < len(tokens):
        run = _run_at(tokens, i)
        if not run:
            i += 1
            continue
        first, last = run
        i = last + 1
        titled = False
        # "Russian President Vladimir Putin", "Mr. Peskov": the name starts after the last title word
        titles = [k for k in range(first, last) if tokens[k].text.lower().rstrip(".") in TITLES]
        if titles:
            first, titled = titles[-1] + 1, True
        while first <= last and not any(ch.isalpha() for ch in tokens[first].text):
            first += 1
        words = [t.text for t in tokens[first : last + 1]]
        if not words:
            continue
        kind = _kind(words, tokens, first, titled, surnames)
        if kind is None or (
            tokens[first].start in starts and len(words) == 1 and not titled and kind != "LOC"
        ):
            if not (tokens[first].start in starts and words[0].lower() in surnames):
                continue
            kind = "PER"
        start, stop = tokens[first].start, tokens[last].stop
        span = text[start:stop]
        normal = span.removesuffix("'s").removesuffix("’s")
        if normal != span:
            stop -= len(span) - len(normal)
        if kind == "PER":
            surnames.add(words[-1].lower().removesuffix("'s"))
        found.append(Candidate(start, stop, kind, text[start:stop], normal))
    return found


def _capitalized(token: Token) -> bool:
    word = token.text
    return word[:1].isupper() and any(ch.isalpha() for ch in word) and word.lower() not in _SENTENCE_OPENERS


def _run_at(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    if not _capitalized(tokens[i]):
        return None
    last = i
    j = i + 1
    while j < len(tokens):
        if _capitalized(tokens[j]) and tokens[j].start - tokens[j - 1].stop <= 1:
            last = j
            j += 1
        elif tokens[j].text.lower() in CONNECTORS and j + 1 < len(tokens) and _capitalized(tokens[j + 1]):
            j += 1
        elif tokens[j].text == "." and tokens[j - 1].text.lower() in TITLES and j + 1 < len(tokens):
            j += 1  # "Mr. Peskov"
        else:
            break
    return i, last


def _kind(
    words: list[str], tokens: Sequence[Token], first: int, titled: bool, surnames: set[str]
) -> EntityType | None:
    lowered = [w.lower().rstrip(".") for w in words]
    if any(w in ORG_WORDS or w + "." in ORG_WORDS for w in lowered):
        return "ORG"
    if " ".join(lowered) in PLACES or all(w in PLACES for w in lowered):
        return "LOC"
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return "ORG"
    if titled or (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)):
        return "PER"
    if lowered[-1].removesuffix("'s") in surnames:
        return "PER"
    if first > 0 and tokens[first - 1].text.lower() in PLACE_PREPOSITIONS:
        return "LOC"
    return None
