"""The nominative of a surname the dictionary does not know, from its ending, case and gender.

natasha puts names in the nominative through pymorphy, which guesses unknown surnames poorly
("Райкконена" reads as a participle and stays as it is). When that fails, the tagger's case and gender
and the regular endings of surnames still tell the nominative: Райкконена (masc, gen) → Райкконен,
Вертинской (fem) → Вертинская, Мелкумовой → Мелкумова, Маковского → Маковский.
"""

from __future__ import annotations

_OBLIQUE = frozenset({"Gen", "Dat", "Acc", "Ins", "Loc"})

# (ending, gender or "" for any, replacement): tried in order, the first that fits wins
_RULES: tuple[tuple[str, str, str], ...] = (
    ("ского", "", "ский"),
    ("цкого", "", "цкий"),
    ("скому", "", "ский"),
    ("цкому", "", "цкий"),
    ("ским", "Masc", "ский"),
    ("цким", "Masc", "цкий"),
    ("ском", "", "ский"),
    ("ской", "Fem", "ская"),
    ("цкой", "Fem", "цкая"),
    ("скую", "Fem", "ская"),
    ("цкую", "Fem", "цкая"),
    ("овой", "Fem", "ова"),
    ("евой", "Fem", "ева"),
    ("иной", "Fem", "ина"),
    ("ыной", "Fem", "ына"),
    ("ову", "Fem", "ова"),
    ("еву", "Fem", "ева"),
    ("ину", "Fem", "ина"),
    ("овым", "Masc", "ов"),
    ("евым", "Masc", "ев"),
    ("иным", "Masc", "ин"),
    ("ыным", "Masc", "ын"),
    ("ова", "Masc", "ов"),
    ("ева", "Masc", "ев"),
    ("ина", "Masc", "ин"),
    ("ына", "Masc", "ын"),
    ("ову", "Masc", "ов"),
    ("еву", "Masc", "ев"),
    ("ину", "Masc", "ин"),
    ("ове", "Masc", "ов"),
    ("еве", "Masc", "ев"),
    ("ине", "Masc", "ин"),
)
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_FOREIGN_MASC = (("ом", "Ins"), ("ем", "Ins"), ("а", "Gen"), ("а", "Acc"), ("у", "Dat"), ("е", "Loc"))


def nominative(word: str, case: str, gender: str) -> str | None:
    """The nominative of an oblique-case surname (keeping the word's capitalization), or None."""
    if case not in _OBLIQUE or len(word) < 4:
        return None
    lowered = word.lower()
    for ending, needs, replacement in _RULES:
        if lowered.endswith(ending) and (not needs or needs == gender):
            return word[: len(word) - len(ending)] + replacement
    if gender == "Masc":
        # a foreign consonant-final surname declined like a noun: Райкконена → Райкконен
        for ending, fits in _FOREIGN_MASC:
            stem = lowered[: len(lowered) - len(ending)]
            if case == fits and lowered.endswith(ending) and stem[-1:] in _CONSONANTS:
                return word[: len(stem)]
    return None
