"""Aligned claims whose details disagree: a number, a date, a place, a person, the order of events.

Saying nothing beats a false difference, so every check needs two claims about the same thing first:
claims the alignment linked strongly (``SAME_FACT``), or mentions of the same kind of event (a place, an
order). And a value only disagrees when nothing on the other side is compatible with it: «более двух
часов» agrees with «три часа», «в рабочих кабинетах ратуши» with «в ратуше», 2025-11 with 2025-11-11.
(Figures are compared in ``figures``, quote speakers and wording in ``quotes``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from svodka.compare.align import Alignment
from svodka.compare.claims import Claim, Doc, Place
from svodka.compare.events import (
    Before,
    Event,
    date_differences,
    dates_in,
    eve,
    hedged,
    order,
    rank_differences,
)
from svodka.compare.figures import number_differences
from svodka.compare.result import Difference, Language, Span, about, kind_name, story_language
from svodka.compare.words import ATTRIBUTION, personal_name

SAME_FACT = 0.35
"""Link score from which two claims are taken to state the same fact with different details."""
SAME_PEOPLE = 0.45
"""A person swap needs more: everything else in the two claims must match."""
_PLACE_GROUP = {"venue": "building", "home": "building", "geo": "geo"}


def same_event(a: Claim, b: Claim) -> bool:
    """Whether two claims say the same thing happened: a verb in common or an event of the same kind."""
    return bool(a.verbs & b.verbs - ATTRIBUTION or a.events & b.events) or (
        not a.verbs and not b.verbs and len(set(a.lemmas) & set(b.lemmas)) >= 3
    )


def _same_verb(a: Claim, b: Claim) -> bool:
    """A verb in common other than one of saying (or, untagged, three words in common)."""
    if a.verbs or b.verbs:
        return bool((a.verbs & b.verbs) - ATTRIBUTION)
    return len(set(a.lemmas) & set(b.lemmas)) >= 3


def find_differences(
    docs: Sequence[Doc], alignment: Alignment, events: Sequence[list[Event]]
) -> list[Difference]:
    """Every difference in details between the articles (besides quotes)."""
    found: list[Difference] = []
    lang = story_language(docs)
    for link in alignment.links:
        a = docs[link.a[0]].claims[link.a[1]]
        b = docs[link.b[0]].claims[link.b[1]]
        if docs[a.doc].label == docs[b.doc].label:
            continue  # an outlet updating itself is not two sources disagreeing
        if a.heading or b.heading:
            continue  # a headline shortens: what it leaves out or rounds is no disagreement
        if link.score >= SAME_FACT and same_event(a, b):
            if _same_verb(a, b):  # «в пятницу заявил о вчерашнем пожаре» dates the statement, not the fire
                found.extend(_dates(docs, a, b, lang))
            found.extend(_claim_places(docs, a, b, lang))
        if link.score >= SAME_PEOPLE:
            found.extend(_people(docs, a, b, lang))
    found.extend(number_differences(docs, lang))
    found.extend(_event_places(docs, events, lang))
    found.extend(_orders(docs, events, lang))
    found.extend(rank_differences(docs, events, lang))
    found.extend(date_differences(docs, events, lang))
    return _unique(found)


def _dates(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    if hedged(docs[a.doc], a) or hedged(docs[b.doc], b):
        return []  # a planned or expected date is not a fact to contradict
    shared = (a.verbs & b.verbs) - ATTRIBUTION
    mine = _event_dates(docs[a.doc], a, shared)
    theirs = _event_dates(docs[b.doc], b, shared)
    if not mine or not theirs:
        return []
    if any(x.startswith(y) or y.startswith(x) for x in mine for y in theirs):
        return []
    eves = {eve(docs[a.doc], d) for d in a.dates} | {eve(docs[b.doc], d) for d in b.dates}
    if eves & (set(mine) | set(theirs)):
        return []  # «в ночь на 4 ноября» began on the 3rd
    if dates_in(docs[b.doc]) & set(mine) or dates_in(docs[a.doc]) & set(theirs):
        return []  # each article gives the other's date too: two dates of two things («с 26 ноября»)
    if _only_inferred_years_differ(docs, a, b):
        return []
    # the words of the dates themselves («в августе» / «в октябре») are what is compared, not a subject
    words_a, words_b = (
        set(a.lemmas) - _date_words(docs[a.doc], a),
        set(b.lemmas) - _date_words(docs[b.doc], b),
    )
    mine_only, theirs_only = words_a - words_b, words_b - words_a
    if len(mine_only) == len(theirs_only) == 1:
        return []  # the same sentence about another subject («курс евро» / «курс доллара»)
    if {len(x) for x in mine} != {len(y) for y in theirs}:
        return []  # «в 2024 году» next to «11 ноября»: likely different things, not a contradiction
    return [
        Difference(
            "date",
            about("when_event", lang, kinds=sorted(a.events & b.events))
            if a.events & b.events
            else about("when", lang),
            (_span(a), _span(b)),
            (f"{docs[a.doc].label}: {', '.join(mine)}", f"{docs[b.doc].label}: {', '.join(theirs)}"),
        )
    ]


def _date_words(doc: Doc, claim: Claim) -> set[str]:
    return {t.lemma for d in claim.dates for t in doc.tokens_in(d.start, d.stop)}


_SINCE = re.compile(r"(?:\b(?:с|со|до|по|since|until|from|till)\s+)$", re.IGNORECASE)


def _event_dates(doc: Doc, claim: Claim, verbs: frozenset[str]) -> list[str]:
    """The claim's dates that say when something happened: «впервые с 16 марта» is a point of reference.

    With ``verbs`` (those both claims share), only the dates of these verbs: the nearest verb to
    «в августе» in «продлил контракт главврачу, которому в августе исполнилось 68 лет» is «исполниться».
    """
    text = doc.article.text
    tagged = [t for t in doc.tokens_in(claim.start, claim.stop) if t.pos == "VERB"]
    found = []
    for d in claim.dates:
        if _SINCE.search(text[max(0, d.start - 12) : d.start]):
            continue
        if verbs and tagged:
            nearest = min(tagged, key=lambda t: min(abs(t.start - d.stop), abs(d.start - t.stop)))
            if nearest.lemma not in verbs:
                continue
        found.append(d.value)
    return found


def _only_inferred_years_differ(docs: Sequence[Doc], a: Claim, b: Claim) -> bool:
    """«в сентябре» read as 2026-09 against «в сентябре 2025 года»: the year was a guess, not a claim."""
    for claim, other in ((a, b), (b, a)):
        text = docs[claim.doc].article.text
        guessed = [d.value for d in claim.dates if not re.search(r"\d{4}", text[d.start : d.stop])]
        if any(g[4:] == o.value[4:] for g in guessed for o in other.dates):
            return True
    return False


def _claim_places(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    found = []
    # Only buildings and homes: towns and regions nest («в Сеуле» / «в Южной Корее», «в Москве» /
    # «в Подмосковье») and without a gazetteer two of them cannot be told to contradict each other.
    for group in ("building",):
        mine = [p for p in a.places if _PLACE_GROUP[p.kind] == group]
        theirs = [p for p in b.places if _PLACE_GROUP[p.kind] == group]
        if mine and theirs and not any(_same_place(x, y) for x in mine for y in theirs):
            found.append(
                Difference(
                    "place",
                    about("where", lang),
                    (_span(a), _span(b)),
                    (_place_values(docs, a.doc, mine), _place_values(docs, b.doc, theirs)),
                )
            )
    return found


_GENERIC = """
    улица проспект площадь переулок шоссе город область район край республика округ село поселок
    street avenue square city region district
"""
_GENERIC_PLACE_WORDS = frozenset(_GENERIC.split())
_BARE_BUILDING = frozenset(["здание", "строение", "корпус", "этаж", "building", "floor"])
_BUILDING_PART = frozenset(
    [
        *("помещение", "чердак", "чердачный", "подвал", "подвальный", "крыша", "кровля", "подъезд"),
        *("мансарда", "этаж", "жилой", "нежилой", "premises", "attic", "basement", "roof"),
    ]
)
"""Words that name a part of a building without saying which: «в чердачном помещении» may well be in
the house another article names, or in the office."""


def _bare(words: set[str]) -> bool:
    return bool(words) and words <= _BARE_BUILDING


def _same_place(x: Place, y: Place) -> bool:
    """Places that can be one: a word in common («на Большой Никитской» / «в Кофемании на Большой
    Никитской улице»), not counting «улица», «город» and the like; or two homes."""
    if x.kind == y.kind == "home":
        return True
    words_x = {w for key in x.key for w in key.split(":")[-1].split()}
    words_y = {w for key in y.key for w in key.split(":")[-1].split()}
    if {x.kind, y.kind} == {"home", "venue"} and (_bare(words_x) or _bare(words_y)):
        return True  # «из дома» / «из здания»: a bare «building» may well be the house
    if (words_x and words_x <= _BUILDING_PART) or (words_y and words_y <= _BUILDING_PART):
        return True
    return bool((words_x - _GENERIC_PLACE_WORDS) & (words_y - _GENERIC_PLACE_WORDS))


def _event_places(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
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
                if docs[x].label == docs[y].label:
                    continue
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
            where = about("where_event", lang, kind=kind)
            found.append(Difference("place", where, tuple(spans), tuple(values)))
    return found


def _orders(docs: Sequence[Doc], events: Sequence[list[Event]], lang: Language) -> list[Difference]:
    """Two articles putting the same two events in opposite order."""
    said: dict[int, list[Before]] = {doc.index: order(doc, events[doc.index]) for doc in docs}
    found = []
    reported: set[tuple[str, str]] = set()
    for x, y in combinations(sorted(said), 2):
        if docs[x].label == docs[y].label:
            continue
        for one in said[x]:
            for other in said[y]:
                pair = (one.first.kind, one.second.kind)
                if (other.first.kind, other.second.kind) != pair[::-1] or tuple(sorted(pair)) in reported:
                    continue
                reported.add((min(pair), max(pair)))
                found.append(
                    Difference(
                        "order",
                        about("order", lang, a=pair[0], b=pair[1]),
                        _event_spans(docs, one) + _event_spans(docs, other),
                        (_order_value(docs, one, lang), _order_value(docs, other, lang)),
                    )
                )
    return found


def _people(docs: Sequence[Doc], a: Claim, b: Claim, lang: Language) -> list[Difference]:
    if not a.persons or not b.persons or a.persons & b.persons:
        return []
    everyone_a = {k for c in docs[a.doc].claims for k in c.persons}
    everyone_b = {k for c in docs[b.doc].claims for k in c.persons}
    if a.persons & everyone_b or b.persons & everyone_a:
        return []  # both articles know both people: more likely two facts than one fact told two ways
    if len(a.persons) > 1 or len(b.persons) > 1 or not _same_verb(a, b):
        return []  # who did what to whom is not read here: one doer each, doing the same thing
    if _says(docs[a.doc], a) or _says(docs[b.doc], b):
        return []  # «пояснил Песков» names who explains a decision, not who made it
    if not all(map(personal_name, _person_names(docs, a) + _person_names(docs, b))):
        return []  # «ФСБшников» is what the tagger took for a name: people of an agency, not a person
    if _compatible_names(_person_names(docs, a), _all_people(docs[b.doc])) or _compatible_names(
        _person_names(docs, b), _all_people(docs[a.doc])
    ):
        return []  # «Алексей К.» and «Алексей Корягин»; «Буцкой» and «Татьяны Буцкой»: maybe one person
    return [
        Difference(
            "person",
            about("who", lang),
            (_span(a), _span(b)),
            (_person_values(docs, a), _person_values(docs, b)),
        )
    ]


def _says(doc: Doc, claim: Claim) -> bool:
    """Whether a claim reports someone's words (a verb of saying, «по словам»)."""
    return any(t.lemma in ATTRIBUTION for t in doc.tokens_in(claim.start, claim.stop)) or bool(
        re.search(r"\bпо\s+(?:словам|мнению|данным)\b", doc.text(claim.start, claim.stop), re.IGNORECASE)
    )


def _person_names(docs: Sequence[Doc], claim: Claim) -> list[str]:
    doc = docs[claim.doc]
    return [
        m.normal
        for m in doc.analysis.mentions
        if claim.start <= m.start < claim.stop and m.type == "PER" and not m.role
    ]


def _compatible_names(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether two names can be one person: each word of the shorter starts like a word of the longer
    («Белоусов» / «Андрей Белоусов»; «Алексей К» / «Алексей Корягин»; «Буцкой» / «Татьяна Буцкая»,
    a case form the tagger left)."""
    for x in mine:
        for y in theirs:
            a, b = _name_words(x), _name_words(y)
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if short and all(any(_same_stem(p, q) for q in long_) for p in short):
                return True
    return False


def _all_people(doc: Doc) -> list[str]:
    return [m.normal for m in doc.analysis.mentions if m.type == "PER"]


def _name_words(name: str) -> list[str]:
    return _LETTERS.findall(name.lower().replace("ё", "е"))


_LETTERS = re.compile(r"[^\W\d_]+")


def _same_stem(p: str, q: str) -> bool:
    """«к» and «корягин» (an initial), «буцкой» and «буцкая» (the same stem), «лаури» and «лоури» (two
    transliterations of one foreign name: one letter apart)."""
    if len(p) == 1 or len(q) == 1:
        return p[0] == q[0]
    n = max(3, min(len(p), len(q)) - 2)
    return p[:n] == q[:n] or (min(len(p), len(q)) >= 4 and _one_edit(p, q))


def _one_edit(p: str, q: str) -> bool:
    """Whether two words are at most one letter apart (changed, added or dropped)."""
    if abs(len(p) - len(q)) > 1:
        return False
    if len(p) == len(q):
        return sum(a != b for a, b in zip(p, q, strict=True)) <= 1
    short, long_ = (p, q) if len(p) < len(q) else (q, p)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _event_spans(docs: Sequence[Doc], before: Before) -> tuple[Span, ...]:
    claims = dict.fromkeys([before.first.claim, before.second.claim])
    return tuple(_span(docs[before.first.doc].claims[c]) for c in claims)


def _order_value(docs: Sequence[Doc], before: Before, lang: Language) -> str:
    def one(event: Event) -> str:
        return kind_name(event.kind, lang) + (f" ({event.date})" if event.date else "")

    return f"{docs[before.first.doc].label}: {one(before.first)} → {one(before.second)}"


def _span(claim: Claim) -> Span:
    return Span(claim.doc, claim.start, claim.stop)


def _place_values(docs: Sequence[Doc], index: int, places: Sequence[Place]) -> str:
    doc = docs[index]
    return f"{doc.label}: " + ", ".join(dict.fromkeys(doc.text(p.start, p.stop) for p in places))


def _person_values(docs: Sequence[Doc], claim: Claim) -> str:
    return f"{docs[claim.doc].label}: " + ", ".join(sorted(set(_person_names(docs, claim))))


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
