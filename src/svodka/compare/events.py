"""Events an article mentions (a meeting, talks, a fire), when each took place and which came first.

An event is named by a word of ``lexicon/events.tsv``; a meeting called informal («неформальная
встреча», «за чашкой чая») is a kind of its own. Each mention gets a date: one written in its claim
(explicit), else the last date written earlier in its paragraph (inherited), else, in the article's first
two sentences, the article's own date (implied: the lead reports the day's news). Order comes from those
dates and from connectives within a sentence: «после X … Y», «X, а затем Y», "before X"; and from
ordinals (``lexicon/order.tsv``): «первым отличился Зимин», «счёт открыл Лыков» make a mention the first
of its kind, with the people named beside it as who did it.

Two articles disagree on an event (``rank_differences``, ``date_differences``) when they name different
people as the first (or last) to do it, or date it to months or days that cannot both be right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import combinations
from typing import Literal

from svodka.compare.claims import Claim, Doc, entity_key, event_kinds
from svodka.compare.result import Difference, Language, Span, about
from svodka.compare.words import HEDGES, lexicon
from svodka.nlp.types import DateMention, Token

DateKind = Literal["explicit", "inherited", "implied", "none"]
Rank = Literal["first", "last"]

_AFTER_WORDS = frozenset({"после", "after", "following"})
_BEFORE_WORDS = frozenset({"перед", "before", "prior"})
_THEN = re.compile(
    r"\b(?:а\s+затем|затем|потом|после\s+этого|после\s+чего|а\s+далее|then|afterwards|later)\b", re.I
)
_FUTURE = re.compile(r"\b(?:предстоит|буд(?:ет|ут)|состоится|пройд[её]т|will|is\s+to|are\s+to)\b", re.I)
_LEAD_SENTENCES = 2
_ORDINAL_REACH = 2
"""An ordinal ranks an event word at most this many words away: «первым отличился», "the first goal"."""
_PHRASE_REACH = 3
_SEGMENT = re.compile(r"[,;:()]|\s[-—–]\s")
_SINCE = re.compile(r"(?:\b(?:с|со|до|по|since|until|from|till)\s+)$", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\d{4}|год|year|last|next|past|coming|this", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    doc: int
    claim: int
    start: int
    stop: int
    date: str | None
    date_kind: DateKind
    rank: Rank | None = None
    """"first" for «первым отличился», «счёт открыл»; "last" for "the last goal"; None for most."""
    agents: frozenset[str] = frozenset()
    """Match keys of the people named in the mention's stretch of its claim (up to a comma)."""


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
        tokens = doc.tokens_in(claim.start, claim.stop)
        # ranked mentions first: one mention per kind per claim is kept, and «первым» must not be lost
        mentions = sorted(_phrases(tokens) + _ranked(tokens, event_kinds(tokens)), key=lambda m: m[2] is None)
        for kind, token, rank in mentions:
            value, how = _when(doc, claim, own_date, paragraph_date)
            agents = _agents(doc, claim, token) if rank else frozenset()
            found.append(
                Event(kind, doc.index, claim.index, token.start, token.stop, value, how, rank, agents)
            )
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


def _ranked(tokens: Sequence[Token], kinds: list[tuple[str, Token]]) -> list[tuple[str, Token, Rank | None]]:
    """Each event word with the rank an ordinal next to it gives it («первым отличился», "first goal").

    "Last" counts only before the word ("the last goal"): after it, it is a date ("met last Monday")."""
    if not kinds:
        return []
    ordinals = lexicon("order")
    position = {id(t): i for i, t in enumerate(tokens)}
    found: list[tuple[str, Token, Rank | None]] = []
    for kind, token in kinds:
        at = position[id(token)]
        before = {ordinals.get(t.lemma) for t in tokens[max(0, at - _ORDINAL_REACH) : at]}
        after = {ordinals.get(t.lemma) for t in tokens[at + 1 : at + _ORDINAL_REACH + 1]}
        ranks = (before & {"first", "last"}) | (after & {"first"})
        found.append((kind, token, _rank(ranks.pop()) if len(ranks) == 1 else None))
    return found


def _phrases(tokens: Sequence[Token]) -> list[tuple[str, Token, Rank | None]]:
    """Events a two-word phrase of ``lexicon/order.tsv`` names, ranked: «счёт открыл» is the first goal."""
    found: list[tuple[str, Token, Rank | None]] = []
    present = {t.lemma for t in tokens}
    for one, two, rank, kind in _two_word_phrases():
        if one not in present or two not in present:
            continue
        for i, token in enumerate(tokens):
            if token.lemma != one:
                continue
            near = tokens[max(0, i - _PHRASE_REACH) : i + _PHRASE_REACH + 1]
            if any(t.lemma == two for t in near) and kind:
                found.append((kind, token, _rank(rank)))
                break
    return found


@cache
def _two_word_phrases() -> tuple[tuple[str, str, str, str], ...]:
    """The two-word phrases of ``lexicon/order.tsv``, split: (first word, second word, rank, kind)."""
    found = []
    for phrase, value in lexicon("order").items():
        if " " in phrase:
            one, two = phrase.split(" ", 1)
            rank, _, kind = value.partition(" ")
            found.append((one, two, rank, kind))
    return tuple(found)


def _rank(value: str | None) -> Rank | None:
    return "first" if value == "first" else "last" if value == "last" else None


def _agents(doc: Doc, claim: Claim, token: Token) -> frozenset[str]:
    """The people named in the event word's stretch of the claim, between commas or dashes."""
    text = doc.article.text
    breaks = [m.end() for m in _SEGMENT.finditer(text, claim.start, token.start)]
    start = breaks[-1] if breaks else claim.start
    after = _SEGMENT.search(text, token.stop, claim.stop)
    stop = after.start() if after else claim.stop
    names = {e.key: e.name for e in doc.analysis.entities}
    return frozenset(
        entity_key(names.get(m.entity, m.normal), "PER")
        for m in doc.analysis.mentions
        if m.type == "PER" and not m.role and start <= m.start and m.stop <= stop
    )


def rank_differences(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
    """Articles naming different people as the first (or last) to do the same kind of thing: «счёт
    открыл Лыков» against «первым отличился Зимин», where one of them names the other's person too
    («у «Кедра» дважды отличился Зимин»). Only people are compared: «Поморье» opening the scoring and
    Лыков opening it can both be true."""
    found = []
    ranked = [e for doc_events in events for e in doc_events if e.rank and e.agents]
    everyone = {doc.index: {k for claim in doc.claims for k in claim.persons} for doc in docs}
    for kind, rank in sorted({(e.kind, e.rank) for e in ranked if e.rank}):
        by_doc: dict[int, list[Event]] = {}
        for event in ranked:
            if event.kind == kind and event.rank == rank:
                by_doc.setdefault(event.doc, []).append(event)
        involved: set[int] = set()
        for x, y in combinations(sorted(by_doc), 2):
            mine = {a for e in by_doc[x] for a in e.agents}
            theirs = {a for e in by_doc[y] for a in e.agents}
            # one of the two must know the other's person and still name someone else: else the two
            # may be telling of two matches, or two rounds of talks
            knows = mine & everyone[y] or theirs & everyone[x]
            if docs[x].label != docs[y].label and not mine & theirs and knows:
                involved.update((x, y))
        if len(involved) < 2:
            continue
        spans = tuple(dict.fromkeys(_claim_span(docs, e) for d in sorted(involved) for e in by_doc[d]))
        values = tuple(f"{docs[d].label}: {_people(docs[d], by_doc[d])}" for d in sorted(involved))
        found.append(Difference("order", about(rank, lang, kind=kind), spans, values))
    return found


def date_differences(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
    """Articles dating the same kind of event differently, each by a date written beside it: «обнаружил
    в сентябре 2025 года» against "spotted … last August". An article that gives the kind two dates may
    be telling of two events, and dates of different precision («в 2025 году», «11 ноября») may be of
    different things: both are left alone."""
    found = []
    for kind in sorted({e.kind for doc_events in events for e in doc_events}):
        dated: dict[int, tuple[list[Event], set[DateMention]]] = {}
        for doc_events in events:
            for event in doc_events:
                # a planned or expected date («голосование планируется провести 6 декабря») is no fact
                doc = docs[event.doc]
                planned = hedged(doc, doc.claims[event.claim])
                mention = _written_date(doc, event) if event.kind == kind and not planned else None
                if mention:
                    mentioned = dated.setdefault(event.doc, ([], set()))
                    mentioned[0].append(event)
                    mentioned[1].add(mention)
        single = {d: (es, next(iter(ms))) for d, (es, ms) in dated.items() if len({m.value for m in ms}) == 1}
        involved: set[int] = set()
        for x, y in combinations(sorted(single), 2):
            if docs[x].label != docs[y].label and _dates_clash(docs, (x, single[x][1]), (y, single[y][1])):
                involved.update((x, y))
        if len(involved) < 2:
            continue
        spans = tuple(dict.fromkeys(_claim_span(docs, e) for d in sorted(involved) for e in single[d][0]))
        values = tuple(f"{docs[d].label}: {single[d][1].value}" for d in sorted(involved))
        found.append(Difference("date", about("when_event", lang, kinds=(kind,)), spans, values))
    return found


def _written_date(doc: Doc, event: Event) -> DateMention | None:
    """The date written nearest the event word in its clause, unless a point of reference («с 16 марта»).
    A date across a comma or a dash is another verb's more often than not: «протесты прошли в четверг
    после того, как премьер прервал переговоры» does not date the talks."""
    text = doc.article.text
    dates = [
        d
        for d in doc.claims[event.claim].dates
        if not _SINCE.search(text[max(0, d.start - 12) : d.start])
        and _SEGMENT.search(text, min(d.stop, event.stop), max(d.start, event.start)) is None
    ]
    return min(dates, key=lambda d: min(abs(d.start - event.stop), abs(event.start - d.stop)), default=None)


def _dates_clash(docs: Sequence[Doc], one: tuple[int, DateMention], other: tuple[int, DateMention]) -> bool:
    """Whether two dates of the same precision cannot both be right; a year guessed for «в сентябре»
    (none written) is not held against a written one."""
    (x, p), (y, q) = one, other
    if len(p.value) != len(q.value) or len(p.value) < 7:
        return False
    if eve(docs[x], p) == q.value or eve(docs[y], q) == p.value:
        return False  # «в ночь на 4 ноября» began on the 3rd
    if p.value in dates_in(docs[y]) or q.value in dates_in(docs[x]):
        return False  # each article gives the other's date too: two dates of two things
    guessed = not all(_YEAR_WRITTEN.search(docs[d].text(m.start, m.stop)) for d, m in ((x, p), (y, q)))
    if guessed:
        return p.value[4:] != q.value[4:]
    return p.value != q.value


_NIGHT_BEFORE = re.compile(r"(?:ночь|ночью)\s+на\s*$", re.IGNORECASE)


def eve(doc: Doc, mention: DateMention) -> str | None:
    """The day before a date named as «в ночь на …», when it is a full date."""
    if len(mention.value) != 10 or not _NIGHT_BEFORE.search(
        doc.text(max(0, mention.start - 12), mention.start)
    ):
        return None
    return (date.fromisoformat(mention.value) - timedelta(days=1)).isoformat()


def dates_in(doc: Doc) -> set[str]:
    """Every date an article mentions (ISO values)."""
    return {d.value for c in doc.claims for d in c.dates}


def hedged(doc: Doc, claim: Claim) -> bool:
    """Whether a claim tells of a plan, a demand or an expectation («планируется», «может»)."""
    return not HEDGES.isdisjoint(t.lemma for t in doc.tokens_in(claim.start, claim.stop))


def _claim_span(docs: Sequence[Doc], event: Event) -> Span:
    claim = docs[event.doc].claims[event.claim]
    return Span(claim.doc, claim.start, claim.stop)


def _people(doc: Doc, events: list[Event]) -> str:
    keys = {a for e in events for a in e.agents}
    names = {e.key: e.name for e in doc.analysis.entities}
    shown = dict.fromkeys(
        names.get(m.entity, m.normal)
        for e in events
        for m in doc.analysis.mentions
        if m.type == "PER"
        and e.agents
        and entity_key(names.get(m.entity, m.normal), "PER") in keys
        and doc.claims[e.claim].start <= m.start < doc.claims[e.claim].stop
    )
    return ", ".join(shown)
