"""Lemmas for search and matching: the one module that imports pymorphy3.

``pymorphy3`` is also registered under the name ``pymorphy2`` here, because natasha 1.6 and yargy import
that name and the original pymorphy2 does not run on Python 3.11 (same dictionaries, same output).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

import pymorphy3

sys.modules.setdefault("pymorphy2", pymorphy3)

WORD = re.compile(r"\w+(?:[-‐]\w+)*")
_CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The Russian morphological analyzer, built once per process (about 0.3 s, 15 MB)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a word, lowercased; ё folded to е so that spelling does not split lemmas.

    Non-Russian words are only lowercased (and stripped of an English possessive).
    """
    lowered = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(lowered):
        return lowered.removesuffix("'s").removesuffix("’s")
    parses = analyzer().parse(lowered)
    return parses[0].normal_form.replace("ё", "е") if parses else lowered


@lru_cache(maxsize=200_000)
def search_terms(word: str) -> tuple[str, ...]:
    """Every form a word can be looked up by: itself and each of its possible lemmas.

    Indexing and querying both use this, so that «Токаева» finds «Токаев» even where the dictionary
    guesses the surname's lemma wrongly (it reads «Токаев» as a form of «Токай»): the two sets meet.
    """
    lowered = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(lowered):
        return (lowered,)
    forms = {lowered}
    forms.update(p[2].replace("ё", "е") for p in _unranked().parse(lowered))  # p[2]: the normal form
    return tuple(sorted(forms))


@lru_cache(maxsize=1)
def _unranked() -> pymorphy3.MorphAnalyzer:
    # Search terms need the set of possible lemmas, not their order: without the probability ranking and
    # with plain tuples instead of Parse objects, parsing is about a third cheaper (raw ingest indexes
    # every word). Same dictionary, same lemmas.
    return pymorphy3.MorphAnalyzer(lang="ru", result_type=None, probability_estimator_cls=None)


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text, with their offsets (hyphenated words stay whole)."""
    return WORD.finditer(text)


def lemmas(text: str) -> list[str]:
    """The lemmas of all words of a text, in order."""
    return [lemma(m.group()) for m in WORD.finditer(text)]
