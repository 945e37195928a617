"""What the NLP layer finds in an article: every annotation is character offsets into the article text.

These records are the only NLP shapes the rest of Svodka sees (stories, compare, store, web); the
third-party libraries behind them (natasha, pymorphy3, razdel) stay inside ``svodka.nlp``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC"]
QuoteKind = Literal["direct", "indirect"]
SpeakerType = Literal["PER", "ORG", "OTHER", "UNKNOWN"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str
    lemma: str
    pos: str = ""
    """Universal POS tag when the morphology tagger ran, else empty."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a named entity (or a role that stands for one: "президент РФ")."""

    start: int
    stop: int
    type: EntityType
    text: str
    normal: str
    """The mention in the nominative case ("Касыма-Жомарта Токаева" → "Касым-Жомарт Токаев")."""
    entity: str
    """Key of the article-level entity it refers to (``Entity.key``)."""
    role: bool = False
    """True when the mention is a role or title, not a name ("глава государства")."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity within an article: all of its mentions share ``key``; ``name`` is canonical."""

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or indirect speech; ``parts`` cover the quoted words without the quote marks."""

    parts: tuple[tuple[int, int], ...]
    kind: QuoteKind
    speaker_span: tuple[int, int] | None
    speaker: str | None
    """Canonical name of the speaker (an ``Entity.name``) when resolved."""
    speaker_type: SpeakerType
    speaker_entity: str | None = None
    """``Entity.key`` of the speaker when resolved."""

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def stop(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text talks about; ``value`` is ISO: ``2025-11-11``, ``2025-11`` or ``2025``."""

    start: int
    stop: int
    value: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the NLP layer found in one text."""

    lang: str
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
