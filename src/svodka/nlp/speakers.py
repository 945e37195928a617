"""Who said it: the speaker mention next to an attribution, resolved to a canonical entity.

A speaker is found in a window of text around the reporting word: the nearest entity mention, role
("представитель Кремля"), group ("эксперты") or pronoun ("он"). Roles and pronouns are resolved through
the article: the entity linker's own resolution when the mention carries one, else the same role named
earlier next to a name ("глава Минсвязи Игорь Щёголев"), else the person the previous sentence is about.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from svodka.nlp.cues import (
    ENGLISH_PRONOUNS,
    ENGLISH_ROLES,
    GROUP_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from svodka.nlp.types import Entity, Mention, Sentence, SpeakerType, Token


@dataclass(frozen=True, slots=True)
class Speaker:
    span: tuple[int, int] | None
    name: str | None
    type: SpeakerType
    entity: str | None = None


UNKNOWN = Speaker(None, None, "UNKNOWN")
_STOP_PHRASE = frozenset(
    "что чтобы и а но в во на по с со о об к от для который которая которые это также ранее уже".split()
)


@dataclass(slots=True)
class Context:
    """The article as the quote finder sees it: tokens, sentences and mentions with fast offset lookup."""

    text: str
    lang: str
    tokens: Sequence[Token]
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]
    entities: dict[str, Entity]
    token_starts: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    said: list[tuple[int, Speaker]] = field(default_factory=list)
    """Speakers found so far with the offset of their quote: "the previous speaker" for context."""

    @classmethod
    def build(
        cls,
        text: str,
        sentences: Sequence[Sentence],
        tokens: Sequence[Token],
        mentions: Sequence[Mention],
        entities: Sequence[Entity],
        lang: str,
    ) -> Context:
        tokens = sorted(tokens, key=lambda t: t.start)
        sentences = sorted(sentences, key=lambda s: s.start) or [Sentence(0, len(text))]
        mentions = sorted(mentions, key=lambda m: (m.start, -m.stop))
        return cls(
            text=text,
            lang=lang,
            tokens=tokens,
            sentences=sentences,
            mentions=mentions,
            entities={e.key: e for e in entities},
            token_starts=[t.start for t in tokens],
            sentence_starts=[s.start for s in sentences],
            mention_starts=[m.start for m in mentions],
        )

    def token_range(self, start: int, stop: int) -> range:
        """Indices of the tokens lying within [start, stop)."""
        i = bisect_left(self.token_starts, start)
        j = bisect_left(self.token_starts, stop)
        while j > i and self.tokens[j - 1].stop > stop:
            j -= 1
        return range(i, j)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def paragraph(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        stop = self.text.find("\n", offset)
        return start, len(self.text) if stop < 0 else stop

    def mentions_in(self, start: int, stop: int) -> list[Mention]:
        i = bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < stop:
            if self.mentions[i].stop <= stop:
                found.append(self.mentions[i])
            i += 1
        return found

    def from_mention(self, mention: Mention) -> Speaker:
        entity = self.entities.get(mention.entity)
        name = entity.name if entity else mention.normal or mention.text
        kind = entity.type if entity else mention.type
        # States and cities that speak ("Южная Корея заявила") speak as organisations.
        speaker_type: SpeakerType = "PER" if kind == "PER" else "ORG"
        return Speaker((mention.start, mention.stop), name, speaker_type, entity.key if entity else None)


def find_speaker(ctx: Context, lo: int, hi: int, anchor: tuple[int, int]) -> Speaker | None:
    """The speaker named in [lo, hi) for the reporting word at ``anchor``.

    Before the anchor the nearest candidate wins ("глава NASA Майкл Гриффин сказал"); after it the first
    one ("сказал Токаев Путину"). Candidates before the anchor are preferred: that is the subject's usual
    place in both languages, except right after a quote, where callers pass ``lo`` = anchor.
    """
    before = _candidates(ctx, lo, anchor[0])
    if before:
        return before[-1]
    after = _candidates(ctx, anchor[1], hi)
    return after[0] if after else None


def _candidates(ctx: Context, lo: int, hi: int) -> list[Speaker]:
    """Speaker candidates in [lo, hi) in text order: mentions, then role, group and pronoun phrases."""
    if hi <= lo:
        return []
    found: list[tuple[int, Speaker]] = []
    covered: list[tuple[int, int]] = []
    for mention in ctx.mentions_in(lo, hi):
        role = _role_before(ctx, mention, lo)
        if role is not None and mention.type != "PER":
            found.append((role.span[0] if role.span else mention.start, role))
        else:
            found.append((mention.start, ctx.from_mention(mention)))
        covered.append((role.span[0] if role and role.span else mention.start, mention.stop))
    for i in ctx.token_range(lo, hi):
        token = ctx.tokens[i]
        if any(a <= token.start < b for a, b in covered):
            continue
        speaker = _phrase_speaker(ctx, i, hi)
        if speaker is not None and speaker.span is not None:
            found.append((speaker.span[0], speaker))
            covered.append(speaker.span)
    found.sort(key=lambda pair: pair[0])
    return [speaker for _, speaker in found]


def _is_role(token: Token) -> bool:
    lemma = token.lemma
    return lemma in ROLE_NOUNS or lemma in GROUP_NOUNS or lemma in ENGLISH_ROLES


def _plural(token: Token) -> bool:
    word = token.text.lower().replace("ё", "е")
    if token.lemma in ("сми", "власть"):
        return True
    if token.lemma in ENGLISH_ROLES:
        return word.endswith("s") and not word.endswith("ss")
    return word != token.lemma and word.endswith(("ы", "и", "ие", "ые")) and token.lemma in GROUP_NOUNS


def _role_before(ctx: Context, mention: Mention, lo: int) -> Speaker | None:
    """"представитель Кремля", "глава Минсвязи": a role noun governing an organisation's name."""
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
    if _plural(head):
        # "представители ХДС", "эксперты компании": the organisation speaks
        return ctx.from_mention(mention)
    return _resolve_role(ctx, index, span)


def _adjectives_before(ctx: Context, index: int, lo: int) -> int:
    start = ctx.tokens[index].start
    i = index - 1
    while i >= 0 and ctx.tokens[i].start >= lo:
        word = ctx.tokens[i].text.lower()
        if word.endswith(("ый", "ий", "ой", "ая", "яя", "ые", "ие", "ого", "его")) and word not in _STOP_PHRASE:
            start = ctx.tokens[i].start
            i -= 1
        else:
            break
    return start


def _phrase_speaker(ctx: Context, index: int, hi: int) -> Speaker | None:
    token = ctx.tokens[index]
    word = token.text.lower().replace("ё", "е")
    if word in SUBJECT_PRONOUNS or word in ENGLISH_PRONOUNS:
        return _resolve_pronoun(ctx, token)
    if not _is_role(token):
        return None
    start = _adjectives_before(ctx, index, 0 if index == 0 else ctx.tokens[max(0, index - 3)].start)
    stop = token.stop
    j = index + 1
    while j < len(ctx.tokens) and j < index + 5 and ctx.tokens[j].stop <= hi:
        nxt = ctx.tokens[j]
        if not nxt.text[0].isalnum() or nxt.lemma in _STOP_PHRASE or nxt.lemma in SPEECH_VERBS:
            break
        if nxt.pos in ("VERB", "AUX", "ADV", "ADP"):
            break
        stop = nxt.stop
        j += 1
    span = (start, stop)
    if _plural(token):
        return Speaker(span, ctx.text[start:stop], "OTHER")
    return _resolve_role(ctx, index, span)


def _resolve_role(ctx: Context, index: int, span: tuple[int, int]) -> Speaker:
    """A singular role: the person the article names with that role, or the previous sentence's person."""
    head = ctx.tokens[index]
    # The linker may have resolved a role mention covering this phrase already.
    for mention in ctx.mentions_in(span[0], span[1] + 1):
        if mention.role and mention.type == "PER":
            resolved = ctx.from_mention(mention)
            return Speaker(span, resolved.name, "PER", resolved.entity)
    for i in range(index - 1, -1, -1):
        earlier = ctx.tokens[i]
        if earlier.lemma != head.lemma:
            continue
        near = [m for m in ctx.mentions_in(earlier.stop, earlier.stop + 60) if m.type == "PER" and not m.role]
        if near and ctx.token_range(earlier.stop, near[0].start).__len__() <= 4:
            resolved = ctx.from_mention(near[0])
            return Speaker(span, resolved.name, "PER", resolved.entity)
    person = previous_person(ctx, span[0])
    if person is not None:
        return Speaker(span, person.name, "PER", person.entity)
    return Speaker(span, ctx.text[span[0] : span[1]], "PER")


def _resolve_pronoun(ctx: Context, token: Token) -> Speaker:
    gender = PRONOUNS.get(token.text.lower().replace("ё", "е"), ENGLISH_PRONOUNS.get(token.text.lower(), "m"))
    span = (token.start, token.stop)
    if gender == "p":
        for offset, said in reversed(ctx.said):
            if offset < token.start and said.type in ("ORG", "OTHER"):
                return Speaker(span, said.name, said.type, said.entity)
        return Speaker(span, None, "OTHER")
    for mention in reversed(ctx.mentions_in(max(0, token.start - 3000), token.start)):
        if mention.type == "PER":
            speaker = ctx.from_mention(mention)
            if _gender_fits(speaker.name or "", gender):
                return Speaker(span, speaker.name, "PER", speaker.entity)
    return Speaker(span, None, "PER")


def _gender_fits(name: str, gender: str) -> bool:
    words = name.split()
    if not words:
        return True
    last = words[-1].lower()
    female = last.endswith(("ова", "ева", "ина", "ёва", "ская", "цкая", "ая")) or (
        len(words) > 1 and words[0].lower().endswith(("а", "я")) and not words[0].lower().endswith("ья")
    )
    return female if gender == "f" else not female


def previous_person(ctx: Context, offset: int) -> Speaker | None:
    """The person the sentence before ``offset`` is about: its quote's speaker, else its first named person."""
    index = ctx.sentence_index(offset)
    current = ctx.sentences[index]
    for back in (index - 1, index - 2, index):
        if back < 0:
            continue
        sentence = ctx.sentences[back]
        stop = offset if back == index else sentence.stop
        start = sentence.start if back != index else current.start
        for said_at, said in reversed(ctx.said):
            if start <= said_at < stop and said.type == "PER" and said.entity:
                return Speaker(None, said.name, "PER", said.entity)
        people = [m for m in ctx.mentions_in(start, stop) if m.type == "PER"]
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
