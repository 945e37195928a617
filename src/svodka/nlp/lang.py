"""Language of a text: ru / en / other, by script and a few function words — cheap and right for short texts.

Statistical detectors misread short Russian texts full of brand names ("iPhone 17 Pro: обзор новинки
Apple" → English); counting letters does not: Cyrillic words decide for Russian.
"""

from __future__ import annotations

import re

_CYRILLIC_WORD = re.compile(r"\b[а-яёА-ЯЁ]{2,}")
_LATIN_WORD = re.compile(r"\b[a-zA-Z]{2,}\b")
_OTHER_CYRILLIC = re.compile(r"[ієїґўәғқңөұүһ]", re.IGNORECASE)  # Ukrainian, Belarusian, Kazakh letters
_ENGLISH_WORDS = (
    "the of and to in is was for on that with as by at from it be are has have had said will an this "
    "not but or were which their its after who been would they more than about"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())


def detect_language(text: str) -> str:
    """'ru', 'en' or 'other'."""
    sample = text[:5000]
    cyrillic = _CYRILLIC_WORD.findall(sample)
    latin = _LATIN_WORD.findall(sample)
    if not cyrillic and not latin:
        return "other"
    if len(cyrillic) >= len(latin) * 0.5 and cyrillic:
        other = len(_OTHER_CYRILLIC.findall(sample))
        return "other" if other > max(2, len(cyrillic) // 20) else "ru"
    english = sum(1 for w in latin if w.lower() in _ENGLISH)
    if english >= max(1, len(latin) // 20) or len(latin) < 8:
        return "en"
    return "other"
