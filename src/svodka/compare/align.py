"""Which claims of different articles report the same fact.

Each claim is a tf-idf vector over its content lemmas, the entities it mentions and its numbers, with the
idf taken within the story (a word every article repeats, the story's own name, says little about which
fact a claim states). Two claims of different articles are linked when their cosine reaches ``THRESHOLD``
and one is the other's best match in its article. Linked claims spanning several sources are not only in
one source; they are shown as shared facts, split so that no article states a fact twice (links chain); a
claim linked to no other source's is reported by its source only.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from threadpoolctl import threadpool_limits

from svodka.compare.claims import Claim, Doc

THRESHOLD = 0.25
"""Cosine at which two claims count as the same fact (tuned on our fixtures, the seed pair, the sample
corpus and a reading of tg-ru-2024 stories: 0.3 left paraphrases as "only in" one source)."""
SYNONYM = 0.6
"""Word-vector cosine at which two different lemmas count as partly the same word («детально», «подробно»)."""

NEAR = 0.22
"""Cosine from which a claim of another source is too close for the claim to be called «only in» its own
(though not close enough to be called the same fact): neither is said. (0.20 lifted only-in precision on
411 judged tg claims from 0.63 to 0.67 but lost two true «only in B» facts of the seed pair.)"""

WordVectors = Callable[[str], "np.ndarray | None"]
"""A lemma's word vector, or None when the vocabulary lacks it (navec's, through the NLP layer)."""
MIN_LEMMAS = 3
"""A claim with fewer content words is too thin to align or to report as only in one source."""

ClaimId = tuple[int, int]
"""(article index, claim index)."""


@dataclass(frozen=True, slots=True)
class Link:
    a: ClaimId
    b: ClaimId
    score: float


@dataclass(frozen=True, slots=True)
class Alignment:
    links: tuple[Link, ...]
    groups: tuple[tuple[ClaimId, ...], ...]
    """Shared facts: linked claims of at least two articles, one each where links allow, in article then
    text order."""
    only: tuple[ClaimId, ...]
    """Claims no other article reports."""

    def partners(self, claim: ClaimId) -> list[Link]:
        return [link for link in self.links if claim in (link.a, link.b)]


def terms(claim: Claim) -> list[str]:
    """What a claim is matched by: lemmas, entity keys, numbers with units."""
    found = list(claim.lemmas)
    found.extend(sorted(claim.entities))  # sorted: the same vocabulary order, the same floats, every run
    found.extend(f"#{n.value:g}{n.unit}" for n in claim.numbers)
    found.extend("event:" + kind for kind in claim.events)
    found.extend("date:" + d.value for d in claim.dates)
    return found


def alignable(claim: Claim) -> bool:
    """Whether a claim has enough content to be matched: words, and figures with their units
    («Пострадали 5 человек» is a fact). Headlines are matched too, but never reported on their own."""
    return len(claim.lemmas) + sum(1 for n in claim.numbers if n.unit) >= MIN_LEMMAS


def align(
    docs: Sequence[Doc], *, threshold: float = THRESHOLD, vectors: WordVectors | None = None
) -> Alignment:
    """Link the claims of different articles that state the same fact.

    With ``vectors``, lemmas whose word vectors are close count as partly equal (a soft cosine).
    """
    claims = [c for d in docs for c in d.claims if alignable(c)]
    if not claims:
        return Alignment((), (), ())
    # The matrices are small: BLAS threads cost more to start than they save, and on a busy machine
    # they wait for cores (28 ms instead of 5 for a 20-article story under load).
    with threadpool_limits(1, user_api="blas"):
        sims = similarities(claims, vectors, eligible=_open_class(docs))
    owner = np.array([c.doc for c in claims])
    links: dict[tuple[int, int], float] = {}
    for doc in docs:
        columns = np.where(owner == doc.index)[0]
        if not len(columns):
            continue
        best = columns[np.argmax(sims[:, columns], axis=1)]
        for i, j in enumerate(best):
            if owner[i] != doc.index and sims[i, j] >= threshold:
                links[(min(i, int(j)), max(i, int(j)))] = float(sims[i, j])
    parent = {i: i for i in range(len(claims))}
    for i, j in links:
        parent[_root(parent, i)] = _root(parent, j)
    members: dict[int, list[int]] = {}
    for i in range(len(claims)):
        members.setdefault(_root(parent, i), []).append(i)
    label = [docs[c.doc].label for c in claims]
    near = _near_other_source(sims, label) | _retold_in_words(claims, label)
    groups = []
    only = []
    for items in members.values():
        told = [i for i in items if not claims[i].heading]
        if len({label[i] for i in items}) < 2:
            # One outlet's claim, perhaps in two of its posts: only in that source, listed once, unless
            # another source says something close to it («only in» is a strong thing to tell a reader).
            if told and not any(near[i] for i in items):
                only.append(min(told, key=lambda i: (claims[i].doc, claims[i].index)))
            continue
        # A headline repeating a sentence of another article makes that sentence shared (it is not
        # only in its source), but the group shows sentences, not headlines.
        for fact in _facts(told, links, claims):
            groups.append(tuple(sorted((claims[i].doc, claims[i].index) for i in fact)))
    groups.sort()
    only.sort(key=lambda i: (claims[i].doc, claims[i].index))
    return Alignment(
        links=tuple(
            Link((claims[i].doc, claims[i].index), (claims[j].doc, claims[j].index), round(s, 4))
            for (i, j), s in sorted(links.items())
        ),
        groups=tuple(groups),
        only=tuple((claims[i].doc, claims[i].index) for i in only) if len(docs) > 1 else (),
    )


def _root(parent: dict[int, int], x: int) -> int:
    """The representative of ``x``'s set in a union-find forest (halving the path on the way)."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _facts(
    told: Sequence[int], links: dict[tuple[int, int], float], claims: Sequence[Claim]
) -> list[list[int]]:
    """The shared facts among linked claims: links taken strongest first, joining two groups only when
    no article would then state the fact twice (links chain: «взрыв» to «водитель погиб» to «СВУ» would
    make one blob of a story's every sentence). A claim left alone joins its best partner's fact; facts
    told by fewer than two articles are not shown."""
    inside = set(told)
    parent = {i: i for i in told}
    articles = {i: {claims[i].doc} for i in told}

    def find(x: int) -> int:
        return _root(parent, x)

    ranked = sorted(((s, i, j) for (i, j), s in links.items() if i in inside and j in inside), reverse=True)
    for _, i, j in ranked:
        a, b = find(i), find(j)
        if a != b and not articles[a] & articles[b]:
            parent[a] = b
            articles[b] |= articles.pop(a)
    for _, i, j in ranked:
        for lone, partner in ((i, j), (j, i)):
            if len(articles[find(lone)]) == 1 and len(articles[find(partner)]) > 1:
                root, target = find(lone), find(partner)
                parent[root] = target
                articles[target] |= articles.pop(root)
    facts: dict[int, list[int]] = {}
    for i in told:
        facts.setdefault(find(i), []).append(i)
    return [fact for root, fact in facts.items() if len(articles[root]) >= 2]


RETOLD = 0.5
"""Share of a claim's content words that other sources' claims use, from which it is taken as a retelling
(unless it brings a figure they lack): on 411 judged only-in claims of tg-ru-2024, such claims were true
only 1 time in 3; leaving them out lifted only-in precision from 0.63 to 0.68 and lost 14 of 259 true."""


def _retold_in_words(claims: Sequence[Claim], label: Sequence[str]) -> np.ndarray:
    """Whether each claim mostly uses words other sources use, and gives no figure they do not."""
    word_sources: dict[str, set[str]] = {}
    figure_sources: dict[float, set[str]] = {}
    for claim, source in zip(claims, label, strict=True):
        for lemma in claim.lemmas:
            word_sources.setdefault(lemma, set()).add(source)
        for number in claim.numbers:
            figure_sources.setdefault(number.value, set()).add(source)

    def elsewhere(sources: set[str], source: str) -> bool:
        return len(sources) > 1 or source not in sources

    found = np.zeros(len(claims), dtype=bool)
    for k, (claim, source) in enumerate(zip(claims, label, strict=True)):
        if not claim.lemmas:
            continue
        shared = sum(elsewhere(word_sources[lemma], source) for lemma in claim.lemmas) / len(claim.lemmas)
        found[k] = shared >= RETOLD and all(elsewhere(figure_sources[n.value], source) for n in claim.numbers)
    return found


def _near_other_source(sims: np.ndarray, label: Sequence[str]) -> np.ndarray:
    """Whether each claim has a claim of another source at ``NEAR`` or closer."""
    labels = np.array(label, dtype=object)
    other = labels[:, None] != labels[None, :]
    return np.any((sims >= NEAR) & other, axis=1)


def similarities(
    claims: Sequence[Claim], vectors: WordVectors | None = None, *, eligible: set[str] | None = None
) -> np.ndarray:
    """The (soft) cosine of every pair of claims, idf over the claims given."""
    matrix, vocabulary = _tfidf(claims)
    if vectors is None:
        return matrix @ matrix.T
    soft = matrix.copy()
    rows, table = _synonyms(vocabulary, vectors, eligible)
    if len(rows):
        soft[:, rows] += matrix[:, rows] @ table
    sims = soft @ matrix.T
    norms = np.sqrt(np.maximum(np.einsum("ij,ij->i", soft, matrix), 1e-12))
    return sims / norms[:, None] / norms[None, :]


def _open_class(docs: Sequence[Doc]) -> set[str] | None:
    """Lemmas tagged as common nouns, verbs, adjectives or adverbs: the words that have synonyms (names
    do not, and leaving them out halves the work). None when no tagger ran: then every word may."""
    tagged = [t for d in docs for t in d.tokens if t.pos]
    if not tagged:
        return None
    return {t.lemma for t in tagged if t.pos in ("NOUN", "VERB", "ADJ", "ADV")}


def _synonyms(
    vocabulary: dict[str, int], vectors: WordVectors, eligible: set[str] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The terms that have a near-synonym in the story, and their cosines (``SYNONYM`` and up, else 0)."""
    wanted = [
        (term, k)
        for term, k in vocabulary.items()
        if term.isalpha() and (eligible is None or term in eligible)  # not "#12…", "event:…", "PER:…"
    ]
    found, unit = _unit_vectors(vectors).gather([term for term, _ in wanted], vectors)
    if len(found) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    known = [wanted[i][1] for i in found]
    cos = unit @ unit.T
    # The same terms and cosines as zeroing every cosine below SYNONYM in the whole matrix, without
    # writing the whole matrix: only the rows and columns of the terms kept are copied.
    near = ~(cos < SYNONYM)
    np.fill_diagonal(near, False)
    keep = np.nonzero(near.any(axis=1))[0]
    rows = np.array([known[i] for i in keep], dtype=np.int64)
    table = cos[np.ix_(keep, keep)]
    table[table < SYNONYM] = 0.0
    np.fill_diagonal(table, 0.0)
    return rows, table


class _UnitVectors:
    """The unit vectors of the terms a ``WordVectors`` has been asked for, one matrix row each.

    Looking vectors up and normalizing them cost as much as the cosines, and a story's words mostly recur
    in the next story: each term is looked up once per process (word vectors are a model's, fixed).
    """

    MAX_TERMS = 200_000
    """Forget everything past this many terms (800 bytes to 1 kB each with navec)."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        """Row of each term asked for, -1 when it has no vector."""
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.size = 0
        self.lock = threading.Lock()  # comparisons may run in the web server's worker threads

    def gather(self, terms: Sequence[str], vectors: WordVectors) -> tuple[list[int], np.ndarray]:
        """The positions in ``terms`` of those with a vector, and their unit vectors (one row each)."""
        with self.lock:
            if len(self.rows) > self.MAX_TERMS:
                self.rows, self.size = {}, 0
            rows = [self._row(term, vectors) for term in terms]
            found = [i for i, row in enumerate(rows) if row >= 0]
            return found, self.matrix[[rows[i] for i in found]]

    def _row(self, term: str, vectors: WordVectors) -> int:
        row = self.rows.get(term)
        if row is None:
            vector = vectors(term)
            row = -1 if vector is None else self._add(vector)
            self.rows[term] = row
        return row

    def _add(self, vector: np.ndarray) -> int:
        unit = np.asarray(vector).astype(np.float32)[None, :]
        unit /= np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-6)
        if self.size == len(self.matrix) or self.matrix.shape[1] != unit.shape[1]:
            grown = np.zeros((max(1024, 2 * self.size), unit.shape[1]), dtype=np.float32)
            if self.size:
                grown[: self.size] = self.matrix[: self.size]
            self.matrix = grown
        self.matrix[self.size] = unit[0]
        self.size += 1
        return self.size - 1


_UNITS: weakref.WeakKeyDictionary[WordVectors, _UnitVectors] = weakref.WeakKeyDictionary()


def _unit_vectors(vectors: WordVectors) -> _UnitVectors:
    """The unit vectors kept for ``vectors`` (for as long as it lives), fresh ones for a callable that
    cannot be weakly referenced."""
    try:
        return _UNITS.setdefault(vectors, _UnitVectors())
    except TypeError:
        return _UnitVectors()


def _tfidf(claims: Sequence[Claim]) -> tuple[np.ndarray, dict[str, int]]:
    """Row-normalized tf-idf vectors, idf over the claims given."""
    bags = [Counter(terms(c)) for c in claims]
    df = Counter(chain.from_iterable(bags))  # in one pass, in the same order as bag by bag
    vocabulary = {t: k for k, t in enumerate(df)}
    n = len(claims)
    idf = np.array([math.log((n + 1) / (d + 1)) + 1.0 for d in df.values()], dtype=np.float32)
    # Every (claim, term) weight set in one assignment, not one at a time (rounded to float32 alike).
    rows = np.repeat(np.arange(n), [len(bag) for bag in bags])
    columns = list(map(vocabulary.__getitem__, chain.from_iterable(bags)))
    weights = [1.0 if c == 1 else 1.0 + math.log(c) for bag in bags for c in bag.values()]
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float32)
    matrix[rows, columns] = weights
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms, vocabulary
