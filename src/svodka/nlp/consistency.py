"""Document-level corrections of person mentions: a text names a person the same way throughout.

- ``propagate_people``: a word the tagger took as part of a person's name somewhere in the text is that
  person's name everywhere else too, in any case form ("Лазарь" tagged once, "Лазаря" missed later), and
  a lone word typed LOC/ORG that is such a name becomes PER;
- ``drop_common_words``: a one-word PER that pymorphy reads as an ordinary word and not a name
  ("Опустили", "Кто", "История" at the start of a sentence) or a plural family ("Стругацких") is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from svodka.nlp.candidate import Candidate
from svodka.nlp.lexicon import fold
from svodka.nlp.morph import analyzer
from svodka.nlp.natasha_adapter import Models, Parsed, normalize_tokens

_NAME_TAGS = ("Name", "Surn", "Patr")
_NOT_NAME_POS = frozenset(
    {
        "VERB",
        "INFN",
        "GRND",
        "PRTF",
        "PRTS",
        "NPRO",
        "ADVB",
        "CONJ",
        "PRCL",
        "PREP",
        "PRED",
        "NUMR",
        "COMP",
        "INTJ",
    }
)


@lru_cache(maxsize=50_000)
def _reading(word: str) -> tuple[bool, bool, str | None]:
    """(known to the dictionary, may be a name, POS of the best reading) of a lowercased word."""
    parses = analyzer().parse(word)
    maybe_name = any(any(t in p.tag for t in _NAME_TAGS) for p in parses[:5] if p.score >= 0.02)
    best = parses[0] if parses else None
    known = analyzer().word_is_known(word)
    if best is None:
        return known, maybe_name, None
    if best.tag.POS in ("NOUN", "ADJF") and best.normal_form != word:
        # An inflected form ("Токаев" reads as the genitive plural of "токай"): too often a surname.
        return known, True, best.tag.POS
    return known, maybe_name, best.tag.POS


def drop_common_words(candidates: list[Candidate], parsed: Parsed) -> list[Candidate]:
    """Without one-word PER mentions that are ordinary words or plural family names."""
    index = {t.start: i for i, t in enumerate(parsed.tokens)}
    kept = []
    for c in candidates:
        i = index.get(c.start)
        if c.type != "PER" or c.role or i is None or parsed.tokens[i].stop != c.stop:
            kept.append(c)
            continue
        word = fold(c.text)
        known, maybe_name, pos = _reading(word)
        # Plural families ("Стругацких", "Стругацкие") name no one person; "-ов" plurals look like surnames.
        plural = word.endswith(("ых", "их", "ие", "ые")) and "plur" in analyzer().parse(word)[0].tag
        if plural or (known and not maybe_name and (pos in _NOT_NAME_POS or pos in ("NOUN", "ADJF"))):
            continue
        kept.append(c)
    return kept


def propagate_people(
    text: str, candidates: list[Candidate], parsed: Parsed, models: Models
) -> list[Candidate]:
    """Add the missed mentions of name words seen in PER mentions; retype one-word LOC/ORG that are names."""
    tokens = parsed.tokens
    index = {t.start: i for i, t in enumerate(tokens)}
    name_words: set[str] = set()
    name_lemmas: set[str] = set()
    covered = [False] * len(tokens)
    for c in candidates:
        first = index.get(c.start)
        if first is None:
            continue
        i = first
        while i < len(tokens) and tokens[i].start < c.stop:
            covered[i] = True
            if c.type == "PER" and not c.role and tokens[i].text[:1].isupper() and len(tokens[i].text) > 2:
                name_words.add(fold(tokens[i].text))
                name_lemmas.add(tokens[i].lemma)
            i += 1
    if not name_words:
        return candidates

    def is_name(i: int) -> bool:
        token = tokens[i]
        return token.text[:1].isupper() and (fold(token.text) in name_words or token.lemma in name_lemmas)

    result = []
    for c in candidates:
        at = index.get(c.start)
        single = at is not None and tokens[at].stop == c.stop
        if single and c.type != "PER" and at is not None and is_name(at) and fold(c.text) in name_words:
            c = replace(c, type="PER")
        result.append(c)
    i = 0
    while i < len(tokens):
        if covered[i] or not is_name(i):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and not covered[j + 1]
            and is_name(j + 1)
            and tokens[j + 1].start - tokens[j].stop <= 1
        ):
            j += 1
        part = list(range(i, j + 1))
        start, stop = tokens[i].start, tokens[j].stop
        normal = normalize_tokens([tokens[k] for k in part], [parsed.feats[k] for k in part], models)
        nominative = all(parsed.feats[k].get("Case", "") in ("", "Nom") for k in part)
        result.append(Candidate(start, stop, "PER", text[start:stop], normal, nominative))
        i = j + 1
    return result


@lru_cache(maxsize=50_000)
def _first_name(word: str) -> bool:
    """pymorphy's best reading of the word is a first name ("лазаря" → Лазарь)."""
    parses = analyzer().parse(word)
    return bool(parses) and "Name" in parses[0].tag and parses[0].score >= 0.5


def first_names(text: str, candidates: list[Candidate], parsed: Parsed, models: Models) -> list[Candidate]:
    """A capitalized first name inside a sentence that the tagger left out is a person ("Лазарь")."""
    starts = {s.start for s in parsed.sentences}
    taken = sorted((c.start, c.stop) for c in candidates)
    added = []
    for i, token in enumerate(parsed.tokens):
        word = token.text
        if not word[:1].isupper() or len(word) < 3 or token.start in starts or not word.isalpha():
            continue
        if i > 0 and parsed.tokens[i - 1].text in ("«", '"', "„", "“", ".", "!", "?", "…", ":"):
            continue
        if any(a < token.stop and token.start < b for a, b in taken) or not _first_name(fold(word)):
            continue
        normal = normalize_tokens([token], [parsed.feats[i]], models)
        added.append(
            Candidate(token.start, token.stop, "PER", word, normal, parsed.feats[i].get("Case") == "Nom")
        )
    return candidates + added
