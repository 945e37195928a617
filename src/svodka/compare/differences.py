"""Aligned claims whose details disagree: a number, a date, a place, a person, the order of events.

Saying nothing beats a false difference, so every check needs two claims about the same thing first:
claims the alignment linked strongly (``SAME_FACT``), or mentions of the same kind of event (a place, an
order). And a value only disagrees when nothing on the other side is compatible with it: «более двух
часов» agrees with «три часа», «в рабочих помещениях Кремля» with «в Кремле», 2025-11 with 2025-11-11.
(Quote speakers and wording are compared in ``quotes``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from svodka.compare.align import Alignment
from svodka.compare.claims import Claim, Doc, Number, Place
from svodka.compare.events import Before, Event, order
from svodka.compare.result import Difference, Span
from svodka.compare.words import ATTRIBUTION, STOP

SAME_FACT = 0.35
"""Link score from which two claims are taken to state the same fact with different details."""
SAME_PEOPLE = 0.45
"""A person swap needs more: everything else in the two claims must match."""
_PLACE_GROUP = {"venue": "building", "home": "building", "geo": "geo"}
# A claim that reports a demand, a plan or an expectation gives a number that need not have come true.
_HEDGES = frozenset(
    [
        "просить",
        "попросить",
        "требовать",
        "потребовать",
        "предложить",
        "предлагать",
        "планировать",
        "намереваться",
        "ожидать",
        "ожидаться",
        "мочь",
        "прогнозировать",
        "обещать",
        "ask",
        "asked",
        "demand",
        "demanded",
        "request",
        "plan",
        "planned",
        "expect",
        "expected",
        "propose",
        "proposed",
        "could",
        "may",
        "might",
    ]
)


def same_event(a: Claim, b: Claim) -> bool:
    """Whether two claims say the same thing happened: a verb in common or an event of the same kind."""
    return bool(a.verbs & b.verbs - ATTRIBUTION or a.events & b.events) or (
        not a.verbs and not b.verbs and len(set(a.lemmas) & set(b.lemmas)) >= 3
    )


def find_differences(
    docs: Sequence[Doc], alignment: Alignment, events: Sequence[list[Event]]
) -> list[Difference]:
    """Every difference in details between the articles (besides quotes)."""
    found: list[Difference] = []
    for link in alignment.links:
        a = docs[link.a[0]].claims[link.a[1]]
        b = docs[link.b[0]].claims[link.b[1]]
        if link.score >= SAME_FACT and same_event(a, b):
            found.extend(_numbers(docs, a, b))
            found.extend(_dates(docs, a, b))
            found.extend(_claim_places(docs, a, b))
        if link.score >= SAME_PEOPLE:
            found.extend(_people(docs, a, b))
    found.extend(_number_facts(docs))
    found.extend(_event_places(docs, events))
    found.extend(_orders(docs, events))
    return _unique(found)


def _numbers(docs: Sequence[Doc], a: Claim, b: Claim) -> list[Difference]:
    found: list[Difference] = []
    if a.persons != b.persons or (set(a.lemmas) & _HEDGES) != (set(b.lemmas) & _HEDGES):
        return found  # counts of different people, or one is a demand and the other a result
    units = {n.unit for n in a.numbers if n.unit} & {n.unit for n in b.numbers if n.unit}
    for unit in sorted(units):
        mine = [n for n in a.numbers if n.unit == unit]
        theirs = [n for n in b.numbers if n.unit == unit]
        if not any(_agree(x, y) for x in mine for y in theirs):
            found.append(
                Difference(
                    "number",
                    f"how many ({unit})" if unit != "%" else "what share (%)",
                    (_span(a), _span(b)),
                    (_values(docs, a, mine), _values(docs, b, theirs)),
                )
            )
    return found


def _number_facts(docs: Sequence[Doc]) -> list[Difference]:
    """Counts of the same thing by the same verb («пострадали 12 человек» / «пострадали 15 человек»).

    Within one story a verb and a counted noun name one fact even where the rest of the two sentences
    differ (who reported it, what else happened); counts tied to different people are left alone.
    """
    facts: dict[tuple[str, str, frozenset[str]], list[tuple[Claim, Number]]] = {}
    for doc in docs:
        for claim in doc.claims:
            if claim.heading or set(claim.lemmas) & _HEDGES:
                continue
            for number in claim.numbers:
                verb = _verb_of(doc, claim, number)
                if number.unit and verb:
                    facts.setdefault((verb, number.unit, claim.persons), []).append((claim, number))
    found = []
    for (verb, unit, _), items in sorted(facts.items(), key=lambda kv: kv[0][:2]):
        by_doc: dict[int, list[tuple[Claim, Number]]] = {}
        for claim, number in items:
            by_doc.setdefault(claim.doc, []).append((claim, number))
        for x, y in combinations(sorted(by_doc), 2):
            if any(_agree(p, q) for _, p in by_doc[x] for _, q in by_doc[y]):
                continue
            a, b = by_doc[x][0][0], by_doc[y][0][0]
            found.append(
                Difference(
                    "number",
                    f"how many ({unit}, {verb})",
                    (_span(a), _span(b)),
                    (
                        _values(docs, a, [n for _, n in by_doc[x]]),
                        _values(docs, b, [n for _, n in by_doc[y]]),
                    ),
                )
            )
    return found


def _verb_of(doc: Doc, claim: Claim, number: Number) -> str | None:
    """The verb nearest to a number within its clause (no comma between), if the tagger marked verbs."""
    text = doc.article.text
    best: tuple[int, str] | None = None
    for token in doc.tokens_in(claim.start, claim.stop):
        if token.pos != "VERB" or token.lemma in STOP or token.lemma in ATTRIBUTION:
            continue
        left, right = (
            sorted((token.stop, number.start)) if token.stop <= number.start else (number.stop, token.start)
        )
        if any(mark in text[left:right] for mark in ",;:—–"):
            continue
        distance = right - left
        if best is None or distance < best[0]:
            best = (distance, token.lemma)
    return best[1] if best else None


def _agree(x: Number, y: Number) -> bool:
    """Whether two counts can both be true: equal within 1 %, or a bound the other satisfies."""
    if abs(x.value - y.value) <= 0.01 * max(abs(x.value), abs(y.value)):
        return True
    for p, q in ((x, y), (y, x)):
        if p.qualifier == "gt" and q.value > p.value:
            return True
        if p.qualifier == "lt" and q.value < p.value:
            return True
        if p.qualifier == "approx" and abs(q.value - p.value) <= 0.2 * abs(p.value):
            return True
    return x.qualifier == y.qualifier == "gt" or x.qualifier == y.qualifier == "lt"


def _dates(docs: Sequence[Doc], a: Claim, b: Claim) -> list[Difference]:
    mine = [d.value for d in a.dates]
    theirs = [d.value for d in b.dates]
    if not mine or not theirs:
        return []
    if any(x.startswith(y) or y.startswith(x) for x in mine for y in theirs):
        return []
    if _only_inferred_years_differ(docs, a, b):
        return []
    if {len(x) for x in mine} != {len(y) for y in theirs}:
        return []  # «в 2024 году» next to «11 ноября»: likely different things, not a contradiction
    return [
        Difference(
            "date",
            "when (" + ", ".join(sorted(a.events & b.events)) + ")" if a.events & b.events else "when",
            (_span(a), _span(b)),
            (f"{docs[a.doc].label}: {', '.join(mine)}", f"{docs[b.doc].label}: {', '.join(theirs)}"),
        )
    ]


def _only_inferred_years_differ(docs: Sequence[Doc], a: Claim, b: Claim) -> bool:
    """«в сентябре» read as 2026-09 against «в сентябре 2025 года»: the year was a guess, not a claim."""
    for claim, other in ((a, b), (b, a)):
        text = docs[claim.doc].article.text
        guessed = [d.value for d in claim.dates if not re.search(r"\d{4}", text[d.start : d.stop])]
        if any(g[4:] == o.value[4:] for g in guessed for o in other.dates):
            return True
    return False


def _claim_places(docs: Sequence[Doc], a: Claim, b: Claim) -> list[Difference]:
    found = []
    for group in ("building", "geo"):
        mine = [p for p in a.places if _PLACE_GROUP[p.kind] == group]
        theirs = [p for p in b.places if _PLACE_GROUP[p.kind] == group]
        if mine and theirs and not any(_same_place(x, y) for x in mine for y in theirs):
            found.append(
                Difference(
                    "place",
                    "where",
                    (_span(a), _span(b)),
                    (_place_values(docs, a.doc, mine), _place_values(docs, b.doc, theirs)),
                )
            )
    return found


def _same_place(x: Place, y: Place) -> bool:
    return bool(x.key & y.key) or (x.kind == y.kind == "home")


def _event_places(docs: Sequence[Doc], events: Sequence[list[Event]]) -> list[Difference]:
    """Where each article puts the same event, when they name places that cannot both be right."""
    found = []
    kinds = {e.kind for doc_events in events for e in doc_events}
    for kind in sorted(kinds):
        # Only buildings: «в Москве» and «в России» in sentences about one event often place different
        # parts of it (or other events), while «в Кремле» and «у себя дома» cannot both host one tea.
        for group in ("building",):
            placed: dict[int, list[tuple[Claim, Place]]] = {}
            for doc_events in events:
                for event in doc_events:
                    if event.kind != kind:
                        continue
                    doc = docs[event.doc]
                    sentence = doc.claims[event.claim].sentence
                    for claim in doc.claims:
                        if claim.sentence == sentence:
                            placed.setdefault(doc.index, []).extend(
                                (claim, p) for p in claim.places if _PLACE_GROUP[p.kind] == group
                            )
            involved: set[int] = set()
            for x, y in combinations(sorted(d for d, ps in placed.items() if ps), 2):
                if not any(_same_place(p, q) for _, p in placed[x] for _, q in placed[y]):
                    involved.update((x, y))
            if len(involved) < 2:
                continue
            spans: list[Span] = []
            values: list[str] = []
            for d in sorted(involved):
                claims = list(dict.fromkeys(c for c, _ in placed[d]))
                spans.extend(_span(c) for c in claims)
                values.append(_place_values(docs, d, list(dict.fromkeys(p for _, p in placed[d]))))
            found.append(Difference("place", f"where the {kind} took place", tuple(spans), tuple(values)))
    return found


def _orders(docs: Sequence[Doc], events: Sequence[list[Event]]) -> list[Difference]:
    """Two articles putting the same two events in opposite order."""
    said: dict[int, list[Before]] = {doc.index: order(doc, events[doc.index]) for doc in docs}
    found = []
    reported: set[tuple[str, str]] = set()
    for x, y in combinations(sorted(said), 2):
        for one in said[x]:
            for other in said[y]:
                pair = (one.first.kind, one.second.kind)
                if (other.first.kind, other.second.kind) != pair[::-1] or tuple(sorted(pair)) in reported:
                    continue
                reported.add((min(pair), max(pair)))
                found.append(
                    Difference(
                        "order",
                        f"which came first: the {pair[0]} or the {pair[1]}",
                        _event_spans(docs, one) + _event_spans(docs, other),
                        (_order_value(docs, one), _order_value(docs, other)),
                    )
                )
    return found


def _people(docs: Sequence[Doc], a: Claim, b: Claim) -> list[Difference]:
    if not a.persons or not b.persons or a.persons & b.persons:
        return []
    everyone_a = {k for c in docs[a.doc].claims for k in c.persons}
    everyone_b = {k for c in docs[b.doc].claims for k in c.persons}
    if a.persons & everyone_b or b.persons & everyone_a:
        return []  # both articles know both people: more likely two facts than one fact told two ways
    return [
        Difference(
            "person",
            "who",
            (_span(a), _span(b)),
            (_person_values(docs, a), _person_values(docs, b)),
        )
    ]


def _event_spans(docs: Sequence[Doc], before: Before) -> tuple[Span, ...]:
    claims = dict.fromkeys([before.first.claim, before.second.claim])
    return tuple(_span(docs[before.first.doc].claims[c]) for c in claims)


def _order_value(docs: Sequence[Doc], before: Before) -> str:
    def one(event: Event) -> str:
        return event.kind + (f" ({event.date})" if event.date else "")

    return f"{docs[before.first.doc].label}: {one(before.first)} → {one(before.second)}"


def _span(claim: Claim) -> Span:
    return Span(claim.doc, claim.start, claim.stop)


def _values(docs: Sequence[Doc], claim: Claim, numbers: Sequence[Number]) -> str:
    doc = docs[claim.doc]
    return f"{doc.label}: " + ", ".join(_phrase(doc, n.start, n.stop) for n in numbers)


def _place_values(docs: Sequence[Doc], index: int, places: Sequence[Place]) -> str:
    doc = docs[index]
    return f"{doc.label}: " + ", ".join(dict.fromkeys(doc.text(p.start, p.stop) for p in places))


def _person_values(docs: Sequence[Doc], claim: Claim) -> str:
    doc = docs[claim.doc]
    names = sorted(
        {
            m.normal
            for m in doc.analysis.mentions
            if claim.start <= m.start < claim.stop and m.type == "PER" and not m.role
        }
    )
    return f"{doc.label}: " + ", ".join(names)


def _phrase(doc: Doc, start: int, stop: int) -> str:
    """A number with the word before (a qualifier) and the word after (its unit)."""
    before = doc.article.text[max(0, start - 20) : start].split()[-1:]
    after = doc.article.text[stop : stop + 30].split()[:1]
    return " ".join([*before, doc.text(start, stop), *after]).strip(" ,.;:")


def _unique(found: list[Difference]) -> list[Difference]:
    """One difference per disagreement: pairwise findings of one kind that share a claim are merged
    (11 March in one article against 12 March in three is one difference, not three)."""
    kept: list[Difference] = []
    for difference in found:
        for k, other in enumerate(kept):
            if other.kind == difference.kind and set(other.spans) & set(difference.spans):
                kept[k] = Difference(
                    other.kind,
                    other.about,
                    tuple(dict.fromkeys(other.spans + difference.spans)),
                    tuple(dict.fromkeys(other.values + difference.values)),
                )
                break
        else:
            kept.append(difference)
    return kept
