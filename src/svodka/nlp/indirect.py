"""Reported speech without quote marks: "заявил, что…", "по словам X, …", "…, сообщает X", "Об этом…".

Each construction gives the content span (without the complementiser and the final full stop; a
parenthetical attribution inside it splits it into parts) and a thunk that finds the speaker once the
quotes before it are known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from svodka.nlp.cues import (
    AUTHOR_MODALS,
    BY_NOUNS_FORMS,
    CONNECTIVES,
    ENGLISH_SPEECH,
    IMPERSONAL_FORMS,
    IMPERSONAL_VERBS,
    OPINION_VERBS,
    PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    words,
)
from svodka.nlp.quote_context import UNKNOWN, Context, Speaker, can_be
from svodka.nlp.speakers import candidates, context_speaker, find_speaker, resolve_pronoun
from svodka.nlp.types import QuoteKind, Token

SpeakerThunk = Callable[[], Speaker]

_COMPLEMENTISERS = frozenset({"что", "чтобы", "будто", "that"})
_AUTHOR_FORMS = words(
    """
    напомним отметим добавим подчеркнем подчеркнём уточним заметим скажем признаем признаём повторим
    поясним оговоримся
    """
)
_ANAPHORIC = re.compile(
    r"(?:(?P<about>об\s+этом(?:\s+же)?)|это|эту\s+информацию|информацию(?:\s+об\s+этом)?|такую\s+информацию"
    r"|эти\s+данные|данную\s+информацию|эти\s+сведения|this\s+was)\s",
    re.IGNORECASE,
)
# "Это подтвердил X" but not "Это подчёркивает уникальность": without "об этом" only verbs of confirming.
_CONFIRM = words(
    """
    подтвердить подтверждать сообщить сообщать заявить заявлять опровергнуть передать
    """
)
_UNKNOWN_BY = frozenset(
    {
        "некоторым",
        "последним",
        "неподтвержденным",
        "неподтверждённым",
        "неофициальным",
        "предварительным",
        "имеющимся",
        "другим",
    }
)
_PLURAL_ENDINGS = ("ят", "ут", "ют", "ат", "ли")
_CYRILLIC = re.compile(r"[а-яё]")
_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:я|мы|мне|меня|нам|нас|наш\w*|мой|моя|мое|моё|мои|I|we|my|our)(?!\w)", re.I
)
_CLAUSE_END = re.compile(r"[,;:()]|\s[—–-]\s")
_OWN_CLAUSE = re.compile(r"\s+(?:it|he|she|they|we|i|you|there|this|these|those)\s+\w", re.IGNORECASE)
"""An English subject right after the reporting verb: the verb takes a clause ("thought it was"), so the
words before it are not what was said."""


@dataclass(slots=True)
class Candidate:
    parts: list[tuple[int, int]]
    kind: QuoteKind
    speak: SpeakerThunk
    attribution: tuple[int, int] | None = None
    standalone: bool = False
    nested_in: Candidate | None = field(default=None, repr=False)
    anchor: int = -1
    outer: bool = False
    """An attribution around the content ("…, сообщает X", "по данным X"): an inner report wins over it."""
    """Where the attribution starts: a later quote's content ends before the next quote's anchor."""


def strip_span(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span without surrounding whitespace, or None when nothing is left."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop > start else None


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(y, v) - max(x, u)) for x, y in a for u, v in b)


def find_indirect(ctx: Context, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Every reported-speech construction of the article, in text order, without overlaps."""
    found: list[Candidate] = []
    tokens = ctx.tokens
    for i, token in enumerate(tokens):
        word = token.text.lower().replace("ё", "е")
        if word == "по" or (word == "согласно") or (word == "according" and _next_word(ctx, i) == "to"):
            candidate = _by_words(ctx, i)
        elif (
            word == "как"
            and i + 1 < len(tokens)
            and _is_report(tokens[i + 1])
            and tokens[i + 1].text.lower() != "говорится"  # "как говорится": an idiom
        ):
            candidate = _as_said(ctx, i)
        elif _is_report(token):
            candidate = _with_complement(ctx, i) or _postposed(ctx, i) or _anaphoric(ctx, i)
        else:
            continue
        if candidate is not None and not _inside_quotes(candidate, quoted):
            found.append(candidate)
    return _cut_overlaps(ctx, found)


def _next_word(ctx: Context, i: int) -> str:
    return ctx.tokens[i + 1].text.lower() if i + 1 < len(ctx.tokens) else ""


def _is_speech(token: Token) -> bool:
    return token.lemma in SPEECH_VERBS or token.text.lower() in ENGLISH_SPEECH


def _is_report(token: Token) -> bool:
    word = token.text.lower()
    return (
        token.lemma in SPEECH_VERBS
        or token.lemma in OPINION_VERBS
        or token.lemma in IMPERSONAL_VERBS
        or word in IMPERSONAL_FORMS
        or word in ENGLISH_SPEECH
        or word.startswith(("уверен", "убежд"))  # the lemma of "уверена" may come out as "уверить"
        or (token.lemma in SPEECH_NOUNS and not token.text[:1].isupper())
    )


def _sentence_bounds(ctx: Context, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset``, cut to its paragraph."""
    sentence = ctx.sentences[ctx.sentence_index(offset)]
    para_start, para_end = ctx.paragraph(offset)
    return max(sentence.start, para_start), min(sentence.stop, para_end)


def _content(ctx: Context, start: int, stop: int) -> tuple[int, int] | None:
    """A content span: no leading connective, no final full stop, no trailing comma."""
    text = ctx.text
    span = strip_span(text, start, stop)
    if span is None:
        return None
    start, stop = span
    lowered = text[start:stop].lower()
    for connective in CONNECTIVES:
        if (
            lowered.startswith(connective)
            and not text[start + len(connective) : start + len(connective) + 1].isalnum()
        ):
            start += len(connective)
            while start < stop and text[start] in " \t,":
                start += 1
            break
    while stop > start and text[stop - 1] in ".,;: \t—–-":
        stop -= 1
    if stop - start < 3 or not re.search(r"\w{2}", text[start:stop]):
        return None
    return start, stop


def _author_voice(ctx: Context, i: int) -> bool:
    """«Напомним, что», «Стоит отметить, что»: the article's own voice, not a quote."""
    word = ctx.tokens[i].text.lower().replace("ё", "е")
    if word in _AUTHOR_FORMS:
        return True
    return i > 0 and ctx.tokens[i - 1].lemma in AUTHOR_MODALS


def speaker_of_verb(ctx: Context, i: int, lo: int, hi: int) -> Speaker:
    """The subject of the reporting word ``i`` between ``lo`` and ``hi``, else who the context is about."""
    token = ctx.tokens[i]
    word = token.text.lower()
    found = find_speaker(ctx, lo, hi, (token.start, token.stop))
    if found is not None:
        return found
    impersonal = token.lemma in IMPERSONAL_VERBS or word in IMPERSONAL_FORMS or token.lemma in SPEECH_NOUNS
    plural = word.endswith(_PLURAL_ENDINGS) or word.startswith(("уверены", "убеждены"))
    if impersonal or plural:
        # "в заявлении МИД говорится", "в Минсвязи уверены", "как сообщается на сайте Roem.ru"
        sources = [s for s in candidates(ctx, lo, hi, False) if s.type == "ORG"]
        if sources:
            return min(sources, key=lambda s: abs((s.span or (0, 0))[0] - token.start))
        return UNKNOWN  # "сообщается, что", "говорят, что": nobody named
    if ctx.lang != "ru":
        # English names its subject; an unknown noun phrase before the verb ("the central bank") is it
        phrase = re.search(r"(?:\b(?:the|a|an)\s+)?((?:[\w.'-]+\s+){1,4})$", ctx.text[lo : token.start])
        if phrase:
            start = lo + phrase.start(1)
            return Speaker((start, token.start - 1), phrase.group(1).strip(), "OTHER")
        return UNKNOWN
    return context_speaker(ctx, token.start)


def _with_complement(ctx: Context, i: int) -> Candidate | None:
    """ "X заявил (журналистам), что …", "X уверен, что …", "сообщается, что …", "X said that …"."""
    if _author_voice(ctx, i):
        return None
    tokens = ctx.tokens
    s_start, s_stop = _sentence_bounds(ctx, tokens[i].start)
    for j in range(i + 1, min(len(tokens), i + 12)):
        token = tokens[j]
        if token.start >= s_stop:
            return None
        word = token.text.lower()
        if word in _COMPLEMENTISERS:
            between = ctx.text[tokens[j - 1].stop : token.start] if j > i + 1 else ""
            previous = tokens[j - 1].text
            if j == i + 1 or previous == "," or "," in between:
                break
            return None
        if (
            word in (".", "!", "?", ":", ";", "«", "—")
            or _is_report(token)
            or word in ("который", "которая", "которые", "как")
        ):
            return None
    else:
        return None
    content = _content(ctx, tokens[j].stop, s_stop)
    if content is None:
        return None
    verb = i
    speak = lambda: speaker_of_verb(ctx, verb, s_start, tokens[j].start)  # noqa: E731
    return Candidate([content], "indirect", speak, anchor=tokens[i].start)


def _postposed(ctx: Context, i: int) -> Candidate | None:
    """ "…, сообщает Лента.ру.", "Было бы неплохо, отмечает X, …" (two parts), "…, X said."."""
    tokens = ctx.tokens
    token = tokens[i]
    word = token.text.lower()
    if word.endswith(("в", "вшись", "я", "ясь")) and word not in ENGLISH_SPEECH:
        return None  # a gerund after a comma is part of its clause ("…, добавив")
    if not (token.lemma in SPEECH_VERBS or word in ENGLISH_SPEECH):
        return None
    s_start, s_stop = _sentence_bounds(ctx, token.start)
    before = ctx.text[s_start : token.start]
    head = re.search(r"(?:,|\s[—–-])\s*(?:[—–-]\s*)?$", before)
    subject_first = None
    if head is None and ctx.lang != "ru":
        # English "…, the minister said."
        head = re.search(r",\s*(?:\w+\s+){0,4}$", before)
        subject_first = head.start() if head else None
    if head is None:
        return None
    if subject_first is not None and _OWN_CLAUSE.match(ctx.text, token.stop):
        return None  # "…, he thought it was driftwood": the verb has its own object clause after it
    if ctx.text[s_start : s_start + head.start()].rstrip()[-1:] in '»”“"':
        return None  # «…», — сказал X: direct speech, found with its quote marks
    if _CYRILLIC.search(word) and not can_be(word, "VERB"):
        return None  # a participle: "…, предлагающими ему услуги"
    clause = _CLAUSE_END.search(ctx.text, token.stop, s_stop)
    clause_end = clause.start() if clause else s_stop
    lo = s_start + head.start() if subject_first is not None else token.start
    if subject_first is None and not candidates(ctx, token.stop, clause_end):
        return None  # a postposed attribution names its speaker after the verb: "…, сообщает X"
    lead = ctx.text[s_start : s_start + head.start()]
    part1 = _content(ctx, s_start, s_start + head.start())
    parts = []
    if part1 is not None and len(re.findall(r"\w+", ctx.text[part1[0] : part1[1]])) >= 3:
        parts.append(part1)
    elif lead.strip() and not _is_connective(lead):
        return None
    if clause is not None and ctx.text[clause.start()] == ",":
        part2 = _content(ctx, clause.end(), s_stop)
        if part2 is not None:
            parts.append(part2)  # "Между тем, сообщает «Коммерсантъ», …"
    if not parts:
        return None
    # "Мы очень довольны экспериментами, сказал Макартур": first-person words are his own, so direct
    first_person = _FIRST_PERSON.search(ctx.text, parts[0][0], parts[-1][1])
    kind: QuoteKind = "direct" if first_person else "indirect"
    return Candidate(
        parts, kind, lambda: speaker_of_verb(ctx, i, lo, clause_end), anchor=token.start, outer=True
    )


def _anaphoric(ctx: Context, i: int) -> Candidate | None:
    """ "Об этом сообщил X", "Это подтвердил X": the content is the paragraph before this sentence."""
    token = ctx.tokens[i]
    s_start, s_stop = _sentence_bounds(ctx, token.start)
    lead = _ANAPHORIC.match(ctx.text, s_start)
    if lead is None or token.start - lead.end() > 40:
        return None
    if not lead.group("about") and (token.lemma not in _CONFIRM or token.start - lead.end() > 12):
        return None
    para_start, _ = ctx.paragraph(s_start)
    if ctx.text[para_start:s_start].strip():
        content = _content(ctx, para_start, s_start)
    else:
        prev_start, _ = ctx.paragraph(max(0, para_start - 2))
        content = _content(ctx, prev_start, para_start)
    if content is None:
        return None
    return Candidate([content], "indirect", lambda: speaker_of_verb(ctx, i, s_start, s_stop), outer=True)


def _as_said(ctx: Context, i: int) -> Candidate | None:
    """ "Как сообщает X, …" and "…, как пишет X, …"."""
    verb = i + 1
    return _parenthetical(ctx, i, lambda lo, hi: speaker_of_verb(ctx, verb, lo, hi))


def _by_words(ctx: Context, i: int) -> Candidate | None:
    """ "По словам X, …", "по данным X", "согласно заявлению X", "according to X"."""
    tokens = ctx.tokens
    noun = None
    for j in range(i + 1, min(len(tokens), i + 4)):
        word = tokens[j].text.lower().replace("ё", "е")
        if word in BY_NOUNS_FORMS or (tokens[i].text.lower() == "according" and word == "to"):
            noun = j
            break
        if not tokens[j].text.isalpha():
            return None
    if noun is None:
        return None
    between = [tokens[k].text.lower().replace("ё", "е") for k in range(i + 1, noun)]

    def speak(lo: int, hi: int) -> Speaker:
        if any(word in _UNKNOWN_BY for word in between):
            return UNKNOWN
        pronoun = next((tokens[k] for k in range(i + 1, noun) if tokens[k].text.lower() in PRONOUNS), None)
        if pronoun is not None:
            return resolve_pronoun(ctx, pronoun)
        found = find_speaker(
            ctx, tokens[noun].stop, hi, (tokens[noun].stop, tokens[noun].stop), subject=False
        )
        if found is not None:
            return found
        rest = ctx.text[tokens[noun].stop : hi].strip(" ,.")
        return Speaker(None, rest, "OTHER") if rest else UNKNOWN

    return _parenthetical(ctx, i, speak)


def _parenthetical(ctx: Context, i: int, speak: Callable[[int, int], Speaker]) -> Candidate | None:
    """Content around a parenthetical attribution starting at token ``i`` and ending at the next comma."""
    text = ctx.text
    start = ctx.tokens[i].start
    s_start, s_stop = _sentence_bounds(ctx, start)
    clause = _CLAUSE_END.search(text, ctx.tokens[i].stop, s_stop)
    attr_end = clause.start() if clause else s_stop
    parts = []
    lead = text[s_start:start].rstrip()
    if lead.endswith((",", "—", "–")):
        first = _content(ctx, s_start, len(lead) + s_start - 1)
        if first is not None:
            parts.append(first)
    elif lead and not _is_connective(lead):
        return None  # "по словам" inside a clause of its own is not an attribution of this sentence
    if clause is not None and text[clause.start()] == ",":
        second = _content(ctx, clause.end(), s_stop)
        if second is not None:
            parts.append(second)
    if not parts:
        return None
    return Candidate(parts, "indirect", lambda: speak(start, attr_end), anchor=start, outer=True)


def _is_connective(lead: str) -> bool:
    return lead.lower().strip(" ,") in CONNECTIVES


def _inside_quotes(candidate: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """Speech reported inside a direct quote is the quoted speaker's words, not a new quote."""
    start = candidate.parts[0][0]
    return any(opening < start < closing for opening, closing in quoted)


def _cut_overlaps(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """One quote per stretch of text: a later construction inside an earlier content ends that content."""
    found.sort(key=lambda c: c.parts[0][0])
    # "X сообщил, что A, передаёт Интерфакс": the innermost report is the quote, not the agency's.
    inner = [c for c in found if not c.outer]
    found = [
        c for c in found if not c.outer or not any(any(a <= i.anchor < b for a, b in c.parts) for i in inner)
    ]
    kept: list[Candidate] = []
    for candidate in found:
        if kept and overlap(kept[-1].parts, candidate.parts):
            previous = kept[-1]
            if candidate.parts[0][0] > previous.parts[0][0]:
                # "X заявил, что A, а Y отметил, что B": A ends before Y's clause
                end = max(candidate.anchor, previous.parts[-1][0])
                cut = max(
                    ctx.text.rfind(",", previous.parts[-1][0], end),
                    ctx.text.rfind(" и ", previous.parts[-1][0], end),  # "напомнил, что A и подчеркнул…"
                )
                if cut > previous.parts[-1][0]:
                    trimmed = _content(ctx, previous.parts[-1][0], cut)
                    if trimmed is not None:
                        previous.parts[-1] = _drop_conjunction(ctx, trimmed)
                        kept.append(candidate)
                        continue
            continue
        kept.append(candidate)
    return kept


def _drop_conjunction(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    return span
