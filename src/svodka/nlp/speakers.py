"""Who said it: the speaker mention next to an attribution, resolved to a canonical entity.

A speaker is found in a window of text around the reporting word: the nearest entity mention, role
("представитель Кремля"), group ("эксперты") or pronoun ("он"). Roles and pronouns are resolved through
the article: the entity linker's own resolution when the mention carries one, else the same role named
earlier next to a name ("глава Минсвязи Игорь Щёголев"), else the person the previous sentence is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from svodka.nlp import morph
from svodka.nlp.cues import (
    ENGLISH_PRONOUNS,
    ENGLISH_ROLES,
    GROUP_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    words,
)
from svodka.nlp.quote_context import UNKNOWN, Context, Speaker, _parses, can_be
from svodka.nlp.types import Mention, Token

_STOP_PHRASE = words(
    """
    что чтобы и а но в во на по с со о об к от для который которая которые это также ранее уже не же
    ли бы тоже однако
    """
)
# Words after which a name is an object, not the speaker: "в интервью РИА Новости", "агентству Рейтер".
_OBLIQUE = words(
    """
    в во на с со для по от у к о об при через интервью агентство газета издание журнал телеканал
    радио радиостанция сайт корреспондент журналист беседа to with from of in at by
    """
)
_SURNAME_NOMINATIVE = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ова", "ева", "ина", "ская", "цкая")
_MEDIA = frozenset({"агентство", "газета", "издание", "журнал", "телеканал", "радио", "радиостанция", "сайт"})
_COLLECTIVE = frozenset({"делегация", "руководство", "представитель", "сотрудник"})
_CYRILLIC = re.compile(r"[а-яё]")


def find_speaker(
    ctx: Context, lo: int, hi: int, anchor: tuple[int, int], *, subject: bool = True
) -> Speaker | None:
    """The speaker named in [lo, hi) for the reporting word at ``anchor``.

    Before the anchor the nearest candidate wins ("глава NASA Майкл Гриффин сказал"); after it the first
    one ("сказал Токаев Путину"). Candidates before the anchor are preferred: that is the subject's usual
    place in both languages, except right after a quote, where callers pass ``lo`` = anchor. With
    ``subject`` only words that can be in the nominative count ("сказал Путину" names the listener);
    "по словам X" passes False.
    """
    before = candidates(ctx, lo, anchor[0], subject)
    if len(before) > 1 and before[-1].span and before[-2].span:
        first, last = before[-2].span, before[-1].span
        if ctx.text[first[1] : last[0]].strip() == "и":
            # "Израиль и США заявляют": two sources, one group
            return Speaker((first[0], last[1]), ctx.text[first[0] : last[1]], "OTHER")
    if before:
        return before[-1]
    after = candidates(ctx, anchor[1], hi, subject)
    return after[0] if after else None


def _nominative_mention(mention: Mention) -> bool:
    words = mention.text.replace("«", " ").replace("»", " ").split()
    if not words:
        return False
    if mention.text == mention.normal:
        return True  # the linker's nominative form is the text itself
    if mention.type == "PER" and not mention.role:
        # foreign names are read oddly, and "Токаев" as a plural of "токай": any word, or a surname form
        return any(can_be(word, "nomn") for word in words) or words[-1].endswith(
            _SURNAME_NOMINATIVE
        )  # foreign names are read oddly: any word
    return can_be(words[0], "nomn")


def candidates(ctx: Context, lo: int, hi: int, subject: bool = True) -> list[Speaker]:
    """Speaker candidates in [lo, hi) in text order: mentions, then role, group and pronoun phrases."""
    if hi <= lo:
        return []
    found: list[tuple[int, Speaker]] = []
    covered: list[tuple[int, int]] = []
    for mention in ctx.mentions_in(lo, hi):
        role = _role_before(ctx, mention, lo)
        start = role.span[0] if role is not None and role.span else mention.start
        covered.append((start, mention.stop))
        if subject and _after_preposition(ctx, start, lo):
            continue  # "в интервью РИА Новости", "агентству France-Presse": not the subject
        if role is not None and mention.type != "PER":
            if not subject or _subject_word(ctx, start):
                found.append((start, role))
        elif not subject or _nominative_mention(mention):
            found.append((mention.start, ctx.from_mention(mention)))
    for i in ctx.token_range(lo, hi):
        token = ctx.tokens[i]
        if any(a <= token.start < b for a, b in covered):
            continue
        known = _known_surname(ctx, token, subject)
        if known is not None:
            found.append((token.start, known))
            continue
        if subject and (not can_be(token.text, "nomn") or _after_preposition(ctx, token.start, lo)):
            continue
        speaker = _phrase_speaker(ctx, i, hi, subject)
        if speaker is not None and speaker.span is not None:
            found.append((speaker.span[0], speaker))
            covered.append(speaker.span)
    found.sort(key=lambda pair: pair[0])
    return [speaker for _, speaker in found]


def _known_surname(ctx: Context, token: Token, subject: bool) -> Speaker | None:
    """A person's surname the recogniser missed here but found elsewhere ("сказал Токаев Путину")."""
    if not token.text[:1].isupper() or len(token.text) < 3:
        return None
    if ctx.surnames is None:
        ctx.surnames = {}
        for person in ctx.entities.values():
            if person.type == "PER" and " " in person.name:
                ctx.surnames.setdefault(person.name.split()[-1], person)
    entity = ctx.surnames.get(token.text)
    if entity is None and not subject:
        entity = next((e for name, e in ctx.surnames.items() if token.text.startswith(name)), None)
    if entity is None:
        return None
    return Speaker((token.start, token.stop), entity.name, "PER", entity.key)


def _after_preposition(ctx: Context, offset: int, lo: int) -> bool:
    tokens = ctx.token_range(max(lo, offset - 40), offset)
    for i in reversed(tokens):
        token = ctx.tokens[i]
        if token.text in '«“„"':
            continue
        if token.lemma in _MEDIA and can_be(token.text, "nomn"):
            return False  # "пишет газета «Ведомости»": the outlet is the subject
        return token.lemma in _OBLIQUE
    return False


def _subject_word(ctx: Context, offset: int) -> bool:
    tokens = ctx.token_range(offset, offset + 40)
    return not tokens or can_be(ctx.tokens[tokens[0]].text, "nomn")


def _is_role(token: Token) -> bool:
    lemma = token.lemma
    return lemma in ROLE_NOUNS or lemma in GROUP_NOUNS or lemma in ENGLISH_ROLES


def _is_people(token: Token, subject: bool = True) -> bool:
    """A plural noun for people ("инвесторы", "американцы"): a group speaker even when not listed."""
    return (
        token.text[:1].isalpha()
        and any(
            {"NOUN", "anim", "plur", "nomn" if subject else "plur"} <= tags for tags in _parses(token.text)
        )
        and token.lemma not in _STOP_PHRASE
    )


def _plural(token: Token) -> bool:
    word = token.text.lower().replace("ё", "е")
    if token.lemma in ("сми", "власть"):
        return True
    if token.lemma in ENGLISH_ROLES:
        return word.endswith("s") and not word.endswith("ss")
    parses = _parses(word)
    return bool(parses) and "plur" in parses[0] and token.lemma in GROUP_NOUNS


def _nominative_phrase(ctx: Context, start: int, head: int) -> str:
    """The phrase from ``start`` with its words up to the head noun put in the nominative."""
    words = []
    for i in ctx.token_range(start, ctx.tokens[head].stop):
        token = ctx.tokens[i]
        parses = morph.analyzer().parse(token.text.lower()) if _CYRILLIC.search(token.text.lower()) else []
        form = token.text
        if any("nomn" in parse.tag for parse in parses):
            parses = []  # already nominative ("власти", "эксперты"): keep the word as written
        for parse in parses:
            plural = "plur" in parse.tag
            inflected = parse.inflect({"nomn", "plur"} if plural else {"nomn"})
            if inflected is not None:
                form = inflected.word.capitalize() if token.text[:1].isupper() else inflected.word
                break
        words.append(form)
    return " ".join(words)


def _role_before(ctx: Context, mention: Mention, lo: int) -> Speaker | None:
    """ "представитель Кремля", "глава Минсвязи": a role noun governing an organisation's name."""
    tokens = ctx.token_range(max(lo, mention.start - 60), mention.start)
    index = None
    for i in reversed(tokens):
        token = ctx.tokens[i]
        if _is_role(token):
            index = i
            break
        if not token.text[0].isalpha() or token.lemma in _STOP_PHRASE or i < tokens.stop - 3:
            break
    if index is None:
        return None
    head = ctx.tokens[index]
    start = _adjectives_before(ctx, index, lo)
    span = (start, mention.stop)
    person = _apposed_person(ctx, mention.stop)
    if person is not None:
        return ctx.from_mention(person)  # "директор института Евгений Минченко"
    if _plural(head) or head.lemma in _COLLECTIVE:
        # "представители ХДС", "эксперты компании", "делегация ОБСЕ": the organisation speaks
        return ctx.from_mention(mention)
    return _resolve_role(ctx, index, span)


def _adjectives_before(ctx: Context, index: int, lo: int) -> int:
    start = ctx.tokens[index].start
    i = index - 1
    while i >= 0 and ctx.tokens[i].start >= lo:
        word = ctx.tokens[i].text
        if word.lower() not in _STOP_PHRASE and can_be(word, "ADJF") and _CYRILLIC.search(word.lower()):
            start = ctx.tokens[i].start
            i -= 1
        else:
            break
    return start


def _phrase_speaker(ctx: Context, index: int, hi: int, subject: bool = True) -> Speaker | None:
    token = ctx.tokens[index]
    word = token.text.lower().replace("ё", "е")
    if word in SUBJECT_PRONOUNS or word in ENGLISH_PRONOUNS:
        return resolve_pronoun(ctx, token)
    people = not _is_role(token) and _is_people(token, subject)
    if not _is_role(token) and not people:
        return None
    start = _adjectives_before(ctx, index, 0 if index == 0 else ctx.tokens[max(0, index - 3)].start)
    stop = token.stop
    j = index + 1
    while j < len(ctx.tokens) and j < index + 5 and ctx.tokens[j].stop <= hi:
        nxt = ctx.tokens[j]
        lowered = nxt.text.lower()
        if not nxt.text[0].isalnum() or nxt.lemma in _STOP_PHRASE or lowered in PRONOUNS:
            break
        if nxt.lemma in SPEECH_VERBS or nxt.pos in (
            "VERB",
            "AUX",
            "ADV",
            "ADP",
            "PRON",
            "PART",
            "CCONJ",
            "SCONJ",
        ):
            break
        stop = nxt.stop
        j += 1
    span = (start, stop)
    for mention in ctx.mentions_in(token.stop, stop + 3):
        if mention.type == "PER" and not mention.role:
            return ctx.from_mention(mention)  # "руководитель КЗЖ Джоэл Саймон"
    person = _apposed_person(ctx, stop)
    if person is not None:
        return ctx.from_mention(person)
    if people or _plural(token):
        organisations = [m for m in ctx.mentions_in(token.stop, stop + 1) if m.type != "PER"]
        if organisations and not people:
            return ctx.from_mention(organisations[0])
        name = _nominative_phrase(ctx, start, index) + ctx.text[token.stop : stop]
        return Speaker(span, name, "OTHER")
    return _resolve_role(ctx, index, span)


def _apposed_person(ctx: Context, offset: int) -> Mention | None:
    """A person's name right after a role phrase: "глава Минсвязи Игорь Щёголев"."""
    i = bisect_left(ctx.mention_starts, offset)
    while i < len(ctx.mentions) and ctx.mentions[i].start <= offset + 2:
        mention = ctx.mentions[i]
        if mention.type == "PER" and not mention.role and not ctx.text[offset : mention.start].strip():
            return mention
        i += 1
    return None


def _resolve_role(ctx: Context, index: int, span: tuple[int, int]) -> Speaker:
    """A singular role: the person the article names with that role, or the previous sentence's person."""
    head = ctx.tokens[index]
    # The linker may have resolved a role mention covering this phrase already.
    for mention in ctx.mentions_in(span[0], span[1] + 1):
        if mention.role and mention.type == "PER":
            resolved = ctx.from_mention(mention)
            return Speaker(span, resolved.name, "PER", resolved.entity)
    # The article names the person with this role somewhere: "протоиерей Всеволод Чаплин", earlier first.
    others = [i for i in range(len(ctx.tokens)) if i != index and ctx.tokens[i].lemma == head.lemma]
    for i in sorted(others, key=lambda i: (i > index, abs(i - index))):
        other = ctx.tokens[i]
        near = [m for m in ctx.mentions_in(other.stop, other.stop + 80) if m.type == "PER" and not m.role]
        if near and len(ctx.token_range(other.stop, near[0].start)) <= 4:
            resolved = ctx.from_mention(near[0])
            return Speaker(span, resolved.name, "PER", resolved.entity)
    if ctx.lang != "ru":
        return Speaker(span, ctx.text[span[0] : span[1]], "PER")  # "the minister": no Russian role chains
    person = previous_person(ctx, span[0], said_window=5)
    if person is not None:
        return Speaker(span, person.name, "PER", person.entity)
    return Speaker(span, ctx.text[span[0] : span[1]], "PER")


def resolve_pronoun(ctx: Context, token: Token) -> Speaker:
    """ "он"/"она": the person the current sentence is about, else the last speaker, else the last person."""
    gender = PRONOUNS.get(token.text.lower().replace("ё", "е"), ENGLISH_PRONOUNS.get(token.text.lower(), "m"))
    span = (token.start, token.stop)
    if gender == "p":
        for offset, said in reversed(ctx.said):
            if offset < token.start and said.type in ("ORG", "OTHER") and token.start - offset < 1500:
                return Speaker(span, said.name, said.type, said.entity)
        return Speaker(span, None, "OTHER")

    def fits(speaker: Speaker) -> bool:
        return speaker.type == "PER" and _gender_fits(speaker.name or "", gender)

    index = ctx.sentence_index(token.start)
    here = ctx.sentences[index].start
    for mention in ctx.outside_quotes(ctx.mentions_in(here, token.start)):
        candidate = ctx.from_mention(mention)
        if fits(candidate):
            return Speaker(span, candidate.name, "PER", candidate.entity)
    window = ctx.sentences[max(0, index - 2)].start
    for offset, said in reversed(ctx.said):
        if window <= offset < token.start and fits(said):
            return Speaker(span, said.name, "PER", said.entity)
    for back in range(index - 1, max(-1, index - 6), -1):
        sentence = ctx.sentences[back]
        for mention in ctx.outside_quotes(ctx.mentions_in(sentence.start, sentence.stop)):
            candidate = ctx.from_mention(mention)
            if fits(candidate):
                return Speaker(span, candidate.name, "PER", candidate.entity)
    return Speaker(span, None, "PER")


def _gender_fits(name: str, gender: str) -> bool:
    words = name.split()
    if not words:
        return True
    last = words[-1].lower()
    female = last.endswith(("ова", "ева", "ина", "ёва", "ская", "цкая", "ая")) or (
        len(words) > 1 and words[0].lower().endswith(("а", "я")) and not words[0].lower().endswith("ья")
    )
    male = last.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ич")) and not female
    # Names that show no gender ("Аун Сан Су Чжи", "Бхутто") fit either pronoun.
    return not male if gender == "f" else not female


def previous_person(ctx: Context, offset: int, said_window: int = 2) -> Speaker | None:
    """The person the text before ``offset`` is about: a recent quote's speaker (within ``said_window``
    sentences), else the first person named in the nearest sentence that names one (the subject comes
    first in most news sentences)."""
    index = ctx.sentence_index(offset)
    window = ctx.sentences[max(0, index - said_window)].start
    for said_at, said in reversed(ctx.said):
        if window <= said_at < offset and said.type == "PER" and said.entity:
            return Speaker(None, said.name, "PER", said.entity)
    for back in range(index, max(-1, index - 6), -1):
        sentence = ctx.sentences[back]
        stop = min(sentence.stop, offset)
        people = [m for m in ctx.mentions_in(sentence.start, stop) if m.type == "PER"]
        if people:
            return ctx.from_mention(people[0])
    return None


def context_speaker(ctx: Context, offset: int) -> Speaker:
    """For a quote with no attribution: the last speaker in this or the previous paragraph, else UNKNOWN."""
    para_start, _ = ctx.paragraph(offset)
    prev_start, _ = ctx.paragraph(max(0, para_start - 2))
    for said_at, said in reversed(ctx.said):
        if prev_start <= said_at < offset and said.name:
            return Speaker(None, said.name, said.type, said.entity)
    person = previous_person(ctx, offset)
    return person if person is not None else UNKNOWN
