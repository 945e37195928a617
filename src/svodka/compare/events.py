"""Events an article mentions (a meeting, talks, a fire), when each took place and which came first.

An event is named by a word of ``lexicon/events.tsv``; a meeting called informal («неформальная
встреча», «за чашкой чая») is a kind of its own. Each mention gets a date: one written in its claim
(explicit), else the last date written earlier in its paragraph (inherited), else, in the article's first
two sentences, the article's own date (implied: the lead reports the day's news). Order comes from those
dates and from connectives within a sentence: «после X … Y», «X, а затем Y», "before X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from svodka.compare.claims import Claim, Doc, event_kinds

DateKind = Literal["explicit", "inherited", "implied", "none"]

_AFTER_WORDS = frozenset({"после", "after", "following"})
_BEFORE_WORDS = frozenset({"перед", "before", "prior"})
_THEN = re.compile(
    r"\b(?:а\s+затем|затем|потом|после\s+этого|после\s+чего|а\s+далее|then|afterwards|later)\b", re.I
)
_FUTURE = re.compile(r"\b(?:предстоит|буд(?:ет|ут)|состоится|пройд[её]т|will|is\s+to|are\s+to)\b", re.I)
_LEAD_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    doc: int
    claim: int
    start: int
    stop: int
    date: str | None
    date_kind: DateKind


@dataclass(frozen=True, slots=True)
class Before:
    """In one article, ``first`` happened before ``second`` (by a connective or by their dates)."""

    first: Event
    second: Event


def find_events(doc: Doc) -> list[Event]:
    """Every event mention of an article, with the date it is placed on."""
    found: list[Event] = []
    paragraph_date: tuple[int, str] | None = None
    for claim in doc.claims:
        if paragraph_date and paragraph_date[0] != claim.paragraph:
            paragraph_date = None
        own_date = _day(claim)
        for kind, token in event_kinds(doc.tokens_in(claim.start, claim.stop)):
            value, how = _when(doc, claim, own_date, paragraph_date)
            found.append(Event(kind, doc.index, claim.index, token.start, token.stop, value, how))
        if own_date:
            paragraph_date = (claim.paragraph, own_date)
    return _first_per_claim(found)


def order(doc: Doc, events: list[Event]) -> list[Before]:
    """Pairs of events of different kinds this article puts in an order, by connective or by date."""
    pairs: list[Before] = []
    for sentence in {e_claim.sentence for e_claim in doc.claims}:
        in_sentence = [e for e in events if doc.claims[e.claim].sentence == sentence]
        pairs.extend(_by_connective(doc, in_sentence))
    dated = [e for e in events if e.date and e.date_kind != "none" and len(e.date) == 10]
    for a in dated:
        for b in dated:
            if (
                a.kind != b.kind
                and a.date
                and b.date
                and a.date < b.date
                and "explicit" in (a.date_kind, b.date_kind)
            ):
                pairs.append(Before(a, b))
    return pairs


def _by_connective(doc: Doc, events: list[Event]) -> list[Before]:
    if len({e.kind for e in events}) < 2:
        return []
    text = doc.article.text
    pairs: list[Before] = []
    for event in events:
        before_words = text[max(0, event.start - 40) : event.start].lower().split()[-4:]
        others = [e for e in events if e.kind != event.kind]
        if any(w in _AFTER_WORDS for w in before_words[-3:]):
            pairs.extend(Before(event, other) for other in others if other.start > event.stop)
        elif any(w in _BEFORE_WORDS for w in before_words[-3:]):
            pairs.extend(Before(other, event) for other in others if other.start > event.stop)
    for a in events:
        for b in events:
            if a.kind != b.kind and a.stop < b.start and _THEN.search(text, a.stop, b.start):
                pairs.append(Before(a, b))
    return pairs


def _when(
    doc: Doc, claim: Claim, own: str | None, paragraph: tuple[int, str] | None
) -> tuple[str | None, DateKind]:
    if own:
        return own, "explicit"
    if paragraph:
        return paragraph[1], "inherited"
    future = _FUTURE.search(doc.article.text, claim.start, claim.stop)
    if doc.base and claim.sentence < _LEAD_SENTENCES and not future:
        return doc.base.isoformat(), "implied"
    return None, "none"


def _day(claim: Claim) -> str | None:
    days = [d.value for d in claim.dates if len(d.value) == 10]
    return days[0] if days else None


def _first_per_claim(events: list[Event]) -> list[Event]:
    """One mention per kind per claim: «встреча … встретились» in one clause is one event."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for event in events:
        if (event.claim, event.kind) not in seen:
            seen.add((event.claim, event.kind))
            kept.append(event)
    return kept
