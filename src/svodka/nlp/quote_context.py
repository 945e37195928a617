"""The article as the quote finder reads it: tokens, sentences and mentions with lookup by offset.

Shared by ``quotes``, ``indirect`` and ``speakers``; also the ``Speaker`` record they pass around.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from svodka.nlp import morph
from svodka.nlp.types import Entity, Mention, Sentence, SpeakerType, Token

_CYRILLIC = re.compile(r"[а-яё]")


@dataclass(frozen=True, slots=True)
class Speaker:
    span: tuple[int, int] | None
    name: str | None
    type: SpeakerType
    entity: str | None = None


UNKNOWN = Speaker(None, None, "UNKNOWN")


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
    quoted: list[tuple[int, int]] = field(default_factory=list)
    """Quote-mark spans: names inside someone's words are not who is speaking."""
    surnames: dict[str, Entity] | None = None
    """Surnames of the article's people, built on first use."""
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

    def outside_quotes(self, mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if not any(a < m.start < b for a, b in self.quoted)]

    def from_mention(self, mention: Mention) -> Speaker:
        entity = self.entities.get(mention.entity)
        name = entity.name if entity else mention.normal or mention.text
        kind = entity.type if entity else mention.type
        # States and cities that speak ("Южная Корея заявила") speak as organisations.
        speaker_type: SpeakerType = "PER" if kind == "PER" else "ORG"
        return Speaker((mention.start, mention.stop), name, speaker_type, entity.key if entity else None)


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[frozenset[str], ...]:
    """The grammemes of each reading of a Russian word (empty for other scripts)."""
    lowered = word.lower()
    if not _CYRILLIC.search(lowered):
        return ()
    return tuple(frozenset(str(p.tag).replace(" ", ",").split(",")) for p in morph.analyzer().parse(lowered))


def can_be(word: str, *grammemes: str) -> bool:
    parses = _parses(word)
    return not parses or any(all(g in tags for g in grammemes) for tags in parses)
