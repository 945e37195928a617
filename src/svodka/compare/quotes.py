"""The same quote across articles — verbatim, shortened or paraphrased — and whether the speakers agree.

Two quotes match when their words are the same (verbatim), when one is a run of the other's words
(shortened: a partial quote), or when most content lemmas of the shorter are in the longer (paraphrased).
Matched quotes whose resolved speakers differ are a ``speaker`` difference; matched direct quotes worded
differently (neither is a cut of the other) are a ``wording`` difference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import methodcaller

from svodka.compare.claims import Doc, entity_key
from svodka.compare.result import Difference, QuoteGroup, Span, about, story_language
from svodka.compare.words import STOP, personal_name
from svodka.nlp import morph

MIN_WORDS = 3
PARAPHRASE = 0.6
"""Share of the shorter quote's content lemmas found in the other."""
MIN_SHARED = 4

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|https?://\S+")
_EDITORIAL = re.compile(r"\[[^\]]*\]")


def _plain(text: str) -> str:
    """A quote's words without markup: a link keeps its text, an editor's [insertion] goes
    («[глава МИД] Лавров [Сергей]» is Лавров's words as another outlet gives them)."""
    return _EDITORIAL.sub(" ", _LINK.sub(lambda m: m.group(1) or " ", text))


_YO = methodcaller("replace", "ё", "е")


@dataclass(frozen=True, slots=True)
class _Quote:
    doc: int
    start: int
    stop: int
    direct: bool
    speaker: str | None
    speaker_key: str | None
    words: tuple[str, ...]
    lemmas: frozenset[str]
    said: tuple[int, int]
    """The quote with its attribution («…», — сказал Петров): what a speaker difference shows."""


def match_quotes(docs: Sequence[Doc]) -> tuple[list[QuoteGroup], list[Difference]]:
    """Every quote of the story grouped with its other versions, and the speaker and wording differences."""
    quotes = [q for d in docs for q in _quotes(d)]
    groups = _Groups(len(quotes))
    # Lemma sets as bit masks: counting the lemmas two quotes share is one AND, not a set intersection
    # (every pair of a long story's quotes is tried).
    bits: dict[str, int] = {}
    masks = [sum(1 << bits.setdefault(lemma, len(bits)) for lemma in q.lemmas) for q in quotes]
    words = [q.words for q in quotes]
    for i, a in enumerate(quotes):
        mask = masks[i]
        for j in range(i + 1, len(quotes)):
            if (mask & masks[j]).bit_count() < MIN_WORDS and a.words != words[j]:
                continue  # cannot be the same quote: skip the slower checks
            b = quotes[j]
            if a.doc == b.doc:
                continue
            kind = relation(a.words, b.words, a.lemmas, b.lemmas)
            if kind:
                groups.join(i, j, kind)
    found: list[QuoteGroup] = []
    differences: list[Difference] = []
    members = sorted(groups.members().items(), key=lambda kv: (quotes[kv[1][0]].doc, quotes[kv[1][0]].start))
    for root, items in members:
        versions = [quotes[i] for i in items]
        match = groups.how.get(root, "single") if len({v.doc for v in versions}) > 1 else "single"
        named = [v.speaker for v in versions if v.speaker]
        found.append(
            QuoteGroup(
                speaker=max(named, key=named.count) if named else None,
                versions=tuple(Span(v.doc, v.start, v.stop) for v in versions),
                match=match,
                speakers=tuple(v.speaker for v in versions),
            )
        )
        differences.extend(_differences(docs, versions, match))
    return found, differences


class _Groups:
    """Quotes joined into groups (union-find), each group with its loosest link (``how``)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.how: dict[int, str] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int, kind: str) -> None:
        root, other = self.find(a), self.find(b)
        how = _weaker(self.how.get(root), kind)
        if other != root:
            self.parent[other] = root
            how = _weaker(how, self.how.pop(other)) if other in self.how else how
        self.how[root] = how

    def members(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return found


def relation(a: Sequence[str], b: Sequence[str], la: frozenset[str], lb: frozenset[str]) -> str | None:
    """verbatim, shortened, paraphrased or None for two quotes' words and content lemmas."""
    if min(len(a), len(b)) < MIN_WORDS:
        return None
    if tuple(a) == tuple(b):
        return "verbatim"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if set(short) <= set(long_) and _contains(long_, short):
        return "shortened"
    small = min(len(la), len(lb))
    shared = len(la & lb)
    if small and shared >= MIN_SHARED and shared / small >= PARAPHRASE and shared / len(la | lb) >= 0.35:
        return "paraphrased"
    return None


def _differences(docs: Sequence[Doc], versions: list[_Quote], match: str) -> list[Difference]:
    found: list[Difference] = []
    if match == "single":
        return found
    # Only words quoted as said: «по данным Delfi…» and «…, сообщает LRT» are two outlets cited for a
    # fact, not one utterance credited to two speakers.
    # And only people: «Рейтер» and «Reuters», «Минобороны» and «военное ведомство» are one body told two
    # ways more often than two bodies credited with one statement.
    named = [
        v
        for v in versions
        if v.speaker_key and v.speaker_key.startswith("PER:") and v.direct and not _speaker_inside(v)
    ]
    # A person and an organisation («Медведев» / «Россия») may be one speaking for the other; and an
    # article that names the other speaker too («источники AP и Reuters») does not contradict it.
    one_kind = len({v.speaker_key.split(":")[0] for v in named if v.speaker_key}) == 1
    if (
        one_kind
        and _disagree([v.speaker or "" for v in named])
        and len({docs[v.doc].label for v in named}) > 1
        and not _names_each_other(docs, named)
    ):
        found.append(
            Difference(
                "speaker",
                about("who_said", story_language(docs), text=_short(docs, versions[0])),
                tuple(Span(v.doc, *v.said) for v in named),
                tuple(f"{docs[v.doc].label}: {v.speaker}" for v in named),
            )
        )
    direct = [v for v in versions if v.direct]
    if match == "paraphrased" and len({docs[v.doc].label for v in direct}) > 1:
        spans = _reworded(docs, direct)
        if spans is None:  # one sentence each: the quotes themselves
            spans = [Span(v.doc, v.start, v.stop) for v in direct] if _reworded_both_ways(direct) else []
        if spans:
            found.append(
                Difference(
                    "wording",
                    about("wording", story_language(docs)),
                    tuple(spans),
                    tuple(docs[s.doc].text(s.start, s.stop) for s in spans),
                )
            )
    return found


def _reworded_both_ways(versions: list[_Quote]) -> bool:
    """Whether some two versions, themselves one quote, each have content words the other lacks (two
    fragments of one long quote are not two wordings of it): a version that only leaves words out («в
    магазинах» dropped, two sentences joined) is a shortened quote, and one that only changes their
    grammar («мягче, чем другие сыры» / «мягче других сыров») is the same words."""
    return any(
        a.lemmas - b.lemmas and b.lemmas - a.lemmas and relation(a.words, b.words, a.lemmas, b.lemmas)
        for i, a in enumerate(versions)
        for b in versions[i + 1 :]
    )


_QUOTE_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def _reworded(docs: Sequence[Doc], versions: list[_Quote]) -> list[Span] | None:
    """The sentences of long quotes where the wording differs («Не слишком ли вы зарвались?» against
    «Не слишком ли много вы себе позволяете?»), not the nine sentences around them.
    A sentence left out is a shortened quote, and a sentence that only loses or only gains words is
    the same sentence cut: only sentences each with content words the other lacks count. None when the
    quotes are one sentence each."""
    split = [_sentences(docs[v.doc], v) for v in versions]
    if all(len(s) <= 1 for s in split):
        return None
    found: list[Span] = []
    for k, mine in enumerate(split):
        for theirs in split[k + 1 :]:
            # each sentence of the shorter version with the sentence of the longer it is closest to,
            # and back: «Ломоносова или Менделеева» pairs with «Ломоносова», not with «Пушкина»
            short, long_ = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            for one in short:
                other = max(long_, key=lambda o: _overlap(one, o), default=None)
                if other is None or max(short, key=lambda o: _overlap(other, o)) is not one:
                    continue
                both_ways = one[2] - other[2] and other[2] - one[2]
                if both_ways and _overlap(one, other) >= PARAPHRASE and not _cut(one[1], other[1]):
                    found.extend(x for x in (one[0], other[0]) if x not in found)
    return sorted(found, key=lambda s: (s.doc, s.start))


def _overlap(
    a: tuple[Span, tuple[str, ...], frozenset[str]], b: tuple[Span, tuple[str, ...], frozenset[str]]
) -> float:
    """Share of the smaller sentence's content lemmas found in the other."""
    small = min(len(a[2]), len(b[2]))
    return len(a[2] & b[2]) / small if small else 0.0


def _sentences(doc: Doc, quote: _Quote) -> list[tuple[Span, tuple[str, ...], frozenset[str]]]:
    text = doc.text(quote.start, quote.stop)
    found = []
    for m in _QUOTE_SENTENCE.finditer(text):
        words = tuple(w.lower().replace("ё", "е") for w in _WORD.findall(_plain(m.group())))
        if len(words) < MIN_WORDS:
            continue
        lead = len(m.group()) - len(m.group().lstrip())
        stop = quote.start + m.end() - (len(m.group()) - len(m.group().rstrip()))
        span = Span(quote.doc, quote.start + m.start() + lead, stop)
        found.append((span, words, frozenset(morph.lemma(w) for w in words) - STOP))
    return found


def _cut(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one sentence is the other shortened (a run of its words)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return _contains(long_, short)


def _names_each_other(docs: Sequence[Doc], versions: list[_Quote]) -> bool:
    """Whether some version's sentence also names another version's speaker (by surname stem)."""
    for v in versions:
        claim = next((c for c in docs[v.doc].claims if c.start <= v.start < c.stop), None)
        around = docs[v.doc].text(claim.start, claim.stop) if claim else docs[v.doc].text(*v.said)
        around = around.lower().replace("ё", "е")
        for w in versions:
            words = (w.speaker or "").lower().replace("ё", "е").split()
            if w is v or not words:
                continue
            stem = words[-1][:-2] if len(words[-1]) > 5 else words[-1]  # «Reuters», «Карлсона»
            if stem in around:
                return True
    return False


def _disagree(names: list[str]) -> bool:
    """Whether some two names cannot be one person: «Такер» and «Такер Карлсон» can, «Петров» and
    «Сидоров» cannot (one name's words must all be in the other's)."""
    words = [set(n.lower().replace("ё", "е").split()) for n in names]
    return any(not (a <= b or b <= a) for i, a in enumerate(words) for b in words[i + 1 :])


def _speaker_inside(quote: _Quote) -> bool:
    """A speaker named inside their own quote («…не дали Петрову выступить», said a reporter)
    is more likely a misresolution than the speaker: such a version does not count against others."""
    surname = (quote.speaker or "").lower().replace("ё", "е").split()[-1:]
    return bool(surname) and any(w.startswith(surname[0][:-2] or surname[0]) for w in quote.words)


def _quotes(doc: Doc) -> list[_Quote]:
    found = []
    for quote in doc.analysis.quotes:
        text = _plain(" ".join(doc.text(a, b) for a, b in quote.parts))
        words = tuple(map(_YO, map(str.lower, _WORD.findall(text))))
        lemmas = frozenset(map(morph.lemma, words)) - STOP
        # Only a named speaker can contradict another: «заместитель начальника ГУ МЧС» may be Кольцов.
        named = quote.speaker and quote.speaker_type in ("PER", "ORG") and quote.speaker[:1].isupper()
        if named and quote.speaker_type == "PER" and not personal_name(quote.speaker or ""):
            named = False  # «Представитель министерства» opening a sentence: a role, maybe Кузнецов
        key = entity_key(quote.speaker, quote.speaker_type) if named and quote.speaker else None
        said = (quote.start, quote.stop)
        if quote.speaker_span:
            said = (min(quote.start, quote.speaker_span[0]), max(quote.stop, quote.speaker_span[1]))
        direct = quote.kind == "direct"
        found.append(
            _Quote(doc.index, quote.start, quote.stop, direct, quote.speaker, key, words, lemmas, said)
        )
    return found


def _contains(long_: Sequence[str], short: Sequence[str]) -> bool:
    n = len(short)
    return any(tuple(long_[i : i + n]) == tuple(short) for i in range(len(long_) - n + 1))


def _weaker(current: str | None, new: str) -> str:
    """A group is only as close as its loosest link."""
    rank = ["verbatim", "shortened", "paraphrased"]
    return new if current is None else rank[max(rank.index(current), rank.index(new))]


def _short(docs: Sequence[Doc], quote: _Quote, limit: int = 60) -> str:
    text = docs[quote.doc].text(quote.start, quote.stop)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
