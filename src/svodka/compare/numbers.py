"""Numbers in a claim: digits and number words, with the unit they count and a bound («более», «около»).

«22 440» and «22440» are one figure; «12,000» is twelve thousand in English and «1,5 млн» one and a half
million in Russian; «трое» counts people; a number inside a date or a time of day is not a figure.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from svodka.compare.words import STOP
from svodka.nlp.types import Token

Qualifier = Literal["eq", "gt", "lt", "approx"]
_START = operator.attrgetter("start")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.,]\d)|\d+(?:[.,]\d+)?)"
    r"(?:\s*(%|тыс\.?|тысяч\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?|триллион\w*"
    r"|thousand|million|billion|trillion|bn)(?!\w))?"
)
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_GROUPING = str.maketrans("", "", " \u00a0\u202f")
_WORD_SCALES = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "thousand": 1e3, "million": 1e6}
_CLOCK = re.compile(
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d|\.[0-5]\d(?=\s*(?:мск|по\s+москов|утра|вечера|ч\b|msk|gmt|utc)))",
    re.IGNORECASE,
)
_SCALES = {"тыс.": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9}
_SCALES |= {"трлн": 1e12, "триллион": 1e12, "trillion": 1e12}
_SCALES |= {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "%": 1.0}
NUMBER_WORDS = {  # not «один»: «один из», «ещё один» are rarely counts
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сто": 100, "полтора": 1.5,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "сорок": 40,
    "пятьдесят": 50, "полсотня": 50, "полусотня": 50, "полсотни": 50,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "dozen": 12, "hundred": 100,
}  # fmt: skip
_COLLECTIVE = frozenset(["двое", "трое", "четверо", "пятеро", "шестеро", "семеро"])
QUALIFIERS: dict[str, Qualifier] = {
    "более": "gt", "свыше": "gt", "больше": "gt", "выше": "gt", "over": "gt", "more": "gt", "above": "gt",
    "менее": "lt", "меньше": "lt", "ниже": "lt", "почти": "lt", "under": "lt", "less": "lt", "fewer": "lt",
    "nearly": "lt", "almost": "lt", "около": "approx", "примерно": "approx", "порядка": "approx",
    "приблизительно": "approx", "about": "approx", "around": "approx", "approximately": "approx",
    "roughly": "approx", "минимум": "gt", "least": "gt", "максимум": "lt",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    stop: int
    value: float
    unit: str
    """The lemma of the counted noun ("человек", "час"), "%" for percent, "" when none follows."""
    qualifier: Qualifier = "eq"


def numbers_in(
    text: str, start: int, stop: int, tokens: Sequence[Token], in_date: set[int], lang: str | None = None
) -> list[Number]:
    """The numbers of ``text[start:stop]`` (``tokens`` are its tokens), not those inside a date (the
    character offsets ``in_date`` covers). In English a comma groups thousands («12,000 euros»); in
    Russian it is the decimal point («1,5 млн»)."""
    found: list[Number] = []
    if not _DIGIT.search(text, start, stop) and not any(t.lemma in NUMBER_WORDS for t in tokens):
        return found
    # A qualifier is found by its form as well as its lemma: «выше» is a form of «высокий».
    lemmas = [form if (form := t.text.lower()) in QUALIFIERS else t.lemma for t in tokens]
    starts = list(map(_START, tokens))
    for match in _NUMBER.finditer(text, start, stop):
        if (
            match.start() in in_date
            or _CLOCK.match(text, match.start())
            or text[match.start() - 1 : match.start()] == ":"
        ):
            continue  # a date, or a time of day («до 11:30 мск», «в 11.30»)
        # «22 440» and «22440» are one figure: a space may group the thousands
        digits = match.group(1).translate(_GROUPING)
        if _COMMA_GROUPED.fullmatch(digits) and (lang == "en" or digits.count(",") > 1 or "." in digits):
            digits = digits.replace(",", "")
        value = float(digits.replace(",", "."))
        unit = ""
        scale = match.group(2)
        if scale:
            value *= next((v for k, v in _SCALES.items() if scale.lower().startswith(k.rstrip("."))), 1.0)
            unit = "%" if scale == "%" else ""
        after = bisect.bisect_left(starts, match.end())
        i = after if after < len(tokens) else None
        if not unit and i is not None and lemmas[i] not in STOP and tokens[i].text[:1].isalpha():
            unit = lemmas[i]
            if tokens[i].pos == "ADJ" and i + 1 < len(tokens) and tokens[i + 1].pos == "NOUN":
                unit = lemmas[i + 1]  # «шести грузовых вагонов» counts wagons
        before = bisect.bisect_left(starts, match.start()) - 1
        qualifier = _qualifier(lemmas, before if before >= 0 else None)
        found.append(Number(match.start(), match.end(), value, unit, qualifier))
    for k, token in enumerate(tokens):
        if token.lemma in _COLLECTIVE:
            # «трое пострадали», «двоих задержали»: people, unless a noun follows («трое суток»)
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            unit = following.lemma if following is not None and following.pos == "NOUN" else "человек"
            qualifier = _qualifier(lemmas, k - 1 if k else None)
            found.append(Number(token.start, token.stop, float(NUMBER_WORDS[token.lemma]), unit, qualifier))
            continue
        if token.lemma in NUMBER_WORDS and k + 1 < len(tokens):
            following = tokens[k + 1]
            if following.lemma in STOP or not following.text[:1].isalpha() or following.lemma in NUMBER_WORDS:
                continue  # «один из», «two of»: not a count
            qualifier = _qualifier(lemmas, k - 1 if k else None)
            value, unit = float(NUMBER_WORDS[token.lemma]), following.lemma
            if unit in _WORD_SCALES:  # «полторы тысячи квадратных метров»
                value *= _WORD_SCALES[unit]
                counted = tokens[k + 2] if k + 2 < len(tokens) else None
                unit = counted.lemma if counted is not None and counted.text[:1].isalpha() else ""
                if (
                    counted is not None
                    and counted.pos == "ADJ"
                    and k + 3 < len(tokens)
                    and tokens[k + 3].pos == "NOUN"
                ):
                    unit = tokens[k + 3].lemma
            found.append(Number(token.start, token.stop, value, unit, qualifier))
    return sorted(found, key=lambda n: n.start)


def _qualifier(lemmas: Sequence[str], before: int | None) -> Qualifier:
    """«более», «около», "more than": the word (or two) before a number that makes it a bound."""
    if before is None or before < 0:
        return "eq"
    if not lemmas[before][:1].isalnum() and before > 0:
        before -= 1  # «как, минимум, трое»: the comma is not the word before
    if lemmas[before] in ("than", "чем") and before > 0:
        before -= 1
    found = QUALIFIERS.get(lemmas[before], "eq")
    if found in ("gt", "lt") and before > 0 and lemmas[before - 1] in ("не", "not", "no"):
        return "lt" if found == "gt" else "gt"  # «не менее пяти»: five or more
    return found


def qualifier_word(token: Token) -> bool:
    """Whether a token bounds a number («выше», whose lemma is «высокий», counts by its form)."""
    return token.lemma in QUALIFIERS or token.text.lower() in QUALIFIERS
