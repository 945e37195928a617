"""Which claims of different articles report the same fact.

Each claim is a tf-idf vector over its content lemmas, the entities it mentions and its numbers, with the
idf taken within the story (a word every article repeats, the story's own name, says little about which
fact a claim states). Two claims of different articles are linked when their cosine reaches ``THRESHOLD``
and one is the other's best match in its article; linked claims form groups (union-find). A group
spanning several articles is a shared fact; a claim in no group is reported by its source only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from svodka.compare.claims import Claim, Doc

THRESHOLD = 0.25
"""Cosine at which two claims count as the same fact (tuned on our fixtures, the seed pair, the sample
corpus and a reading of tg-ru-2024 stories: 0.3 left paraphrases as "only in" one source)."""
SYNONYM = 0.6
"""Word-vector cosine at which two different lemmas count as partly the same word («детально», «подробно»)."""

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
    """Claims linked together, spanning at least two articles, in article then text order."""
    only: tuple[ClaimId, ...]
    """Claims no other article reports."""

    def partners(self, claim: ClaimId) -> list[Link]:
        return [link for link in self.links if claim in (link.a, link.b)]


def terms(claim: Claim) -> list[str]:
    """What a claim is matched by: lemmas, entity keys, numbers with units."""
    found = list(claim.lemmas)
    found.extend(claim.entities)
    found.extend(f"#{n.value:g}{n.unit}" for n in claim.numbers)
    found.extend("event:" + kind for kind in claim.events)
    found.extend("date:" + d.value for d in claim.dates)
    return found


def alignable(claim: Claim) -> bool:
    return not claim.heading and len(claim.lemmas) >= MIN_LEMMAS


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
    parent = list(range(len(claims)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = {}
    for i in range(len(claims)):
        members.setdefault(find(i), []).append(i)
    groups = []
    grouped: set[int] = set()
    for items in members.values():
        if len({claims[i].doc for i in items}) >= 2:
            groups.append(tuple(sorted((claims[i].doc, claims[i].index) for i in items)))
            grouped.update(items)
    groups.sort()
    only = tuple((c.doc, c.index) for i, c in enumerate(claims) if i not in grouped)
    return Alignment(
        links=tuple(
            Link((claims[i].doc, claims[i].index), (claims[j].doc, claims[j].index), round(s, 4))
            for (i, j), s in sorted(links.items())
        ),
        groups=tuple(groups),
        only=only if len(docs) > 1 else (),
    )


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
    known = []
    for term, k in vocabulary.items():
        if term.isalpha() and (eligible is None or term in eligible):  # not "#12…", "event:…", "PER:…"
            vector = vectors(term)
            if vector is not None:
                known.append((k, vector))
    if len(known) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    unit = np.stack([v for _, v in known]).astype(np.float32)
    unit /= np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-6)
    cos = unit @ unit.T
    np.fill_diagonal(cos, 0.0)
    cos[cos < SYNONYM] = 0.0
    keep = np.nonzero(cos.any(axis=1))[0]
    rows = np.array([known[i][0] for i in keep], dtype=np.int64)
    return rows, cos[np.ix_(keep, keep)]


def _tfidf(claims: Sequence[Claim]) -> tuple[np.ndarray, dict[str, int]]:
    """Row-normalized tf-idf vectors, idf over the claims given."""
    bags = [Counter(terms(c)) for c in claims]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocabulary = {t: k for k, t in enumerate(df)}
    n = len(claims)
    idf = np.array([math.log((n + 1) / (df[t] + 1)) + 1.0 for t in vocabulary], dtype=np.float32)
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float32)
    for row, bag in enumerate(bags):
        for term, count in bag.items():
            matrix[row, vocabulary[term]] = 1.0 + math.log(count)
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms, vocabulary
