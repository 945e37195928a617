"""Mentions → entities within one article, each with one canonical name.

People: a full name ("Касыма-Жомарта Токаева") starts an entity; a surname alone, another case form or
the first name alone joins the entity it agrees with (the most recent one if several do); two people who
share a surname but not a first name stay apart. The canonical name is "Имя Фамилия" in the nominative
(a patronymic is kept as an alias). Roles ("президент РФ", "глава государства") resolve to
1. the person the text names next to the role ("пресс-секретарь Кремля Дмитрий Песков"),
2. else a person the text names who has held that office (``lexicon.OFFICE_HOLDERS``),
3. "глава государства" without a country: the head of state mentioned most recently;
and otherwise become an entity of their own named by the role ("президент Франции").
Places and organisations are one entity per normal form (with abbreviations folded: РФ → Россия).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from svodka.nlp import lexicon
from svodka.nlp.entities import Candidate, RoleKey
from svodka.nlp.morph import analyzer
from svodka.nlp.types import Entity, EntityType, Mention

_APPOSITION_GAP = 2
"""Characters allowed between a role and the name it introduces ("президент РФ Владимир Путин")."""


@dataclass(frozen=True, slots=True)
class NameParts:
    first: str | None
    patronymic: str | None
    last: str | None

    @property
    def full(self) -> bool:
        return bool(self.first and self.last)


@dataclass(slots=True)
class _Cluster:
    type: EntityType
    mentions: list[Candidate] = field(default_factory=list)
    parts: list[NameParts] = field(default_factory=list)
    roles: set[RoleKey] = field(default_factory=set)
    last_seen: int = 0

    _names: tuple[int, str | None, str | None] = (-1, None, None)
    """(number of parts, first, last) as last computed: linking asks for them often."""

    @property
    def first(self) -> str | None:
        return self._name_votes()[0]

    @property
    def last(self) -> str | None:
        return self._name_votes()[1]

    def _name_votes(self) -> tuple[str | None, str | None]:
        if self._names[0] != len(self.parts) + len(self.mentions):
            first = _vote([p.first for p in self.parts if p.first], self)
            last = _vote([p.last for p in self.parts if p.last], self)
            self._names = (len(self.parts) + len(self.mentions), first, last)
        return self._names[1], self._names[2]


def link(candidates: Sequence[Candidate]) -> tuple[list[Mention], list[Entity]]:
    """One ``Entity`` per person, place or organisation; mentions (names and roles) keyed to them."""
    ordered = sorted(candidates, key=lambda c: (c.start, -c.stop))
    clusters: list[_Cluster] = []
    owner: dict[int, _Cluster] = {}
    names = [c for c in ordered if c.type == "PER" and c.role is None]
    _link_people(names, clusters, owner)
    _link_others([c for c in ordered if c.type != "PER"], clusters, owner)
    _link_roles(ordered, clusters, owner)
    return _records(ordered, clusters, owner)


# People ---------------------------------------------------------------------------------------------


def _link_people(names: list[Candidate], clusters: list[_Cluster], owner: dict[int, _Cluster]) -> None:
    parsed = [(c, name_parts(c.normal)) for c in names]
    # Full names first, so that a surname used before the full name still finds its person.
    for candidate, parts in sorted(parsed, key=lambda item: not item[1].full):
        match = _find_person(parts, candidate.start, clusters)
        if match is None and parts.first and not parts.last and not parts.patronymic:
            # One word read as a first name may be a surname seen before ("Гиффордс" after "Гэбриэль
            # Гиффордс"): then it is that person's surname.
            as_surname = NameParts(None, None, parts.first)
            match = _find_person(as_surname, candidate.start, [c for c in clusters if c.last])
            parts = as_surname if match is not None else parts
        if match is None:
            match = _Cluster("PER")
            clusters.append(match)
        match.mentions.append(candidate)
        match.parts.append(parts)
        match.last_seen = max(match.last_seen, candidate.start)
        owner[id(candidate)] = match


def _find_person(parts: NameParts, position: int, clusters: list[_Cluster]) -> _Cluster | None:
    fitting = [c for c in clusters if c.type == "PER" and c.parts and _agrees(parts, c)]
    if not fitting:
        # A case form the normalizer could not undo ("Олега Дерипаски" next to "Дерипаска").
        fitting = [c for c in clusters if c.type == "PER" and c.parts and _agrees(parts, c, loose=True)]
    if not fitting:
        return None
    before = [c for c in fitting if min(m.start for m in c.mentions) <= position]
    pool = before or fitting
    return max(pool, key=lambda c: max((m.start for m in c.mentions if m.start <= position), default=-1))


def _agrees(parts: NameParts, cluster: _Cluster, *, loose: bool = False) -> bool:
    last, first = cluster.last, cluster.first
    if (
        parts.last
        and last
        and not (same_surname(parts.last, last) or (loose and case_forms(parts.last, last)))
    ):
        return False
    if parts.first and first and not _same_first(parts.first, first):
        return False
    if parts.last and not last:
        return False  # a cluster of a first name alone does not take a surname
    if not parts.last and parts.first:
        return bool(first)
    return bool(parts.last)


def _same_first(a: str, b: str) -> bool:
    fa, fb = lexicon.fold(a).rstrip("."), lexicon.fold(b).rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[:1] == fb[:1]
    return fa == fb


def same_surname(a: str, b: str) -> bool:
    """Equal after folding; "Иванов" and "Иванова" are different people and stay apart."""
    return lexicon.fold(a) == lexicon.fold(b)


_CASE_ENDINGS = frozenset({"", "а", "у", "ом", "е", "ым", "ой", "ы", "и", "ей", "ю", "ем", "им", "я"})


def case_forms(a: str, b: str) -> bool:
    """Two spellings that differ only in a case ending (a weaker test than ``same_surname``)."""
    fa, fb = lexicon.fold(a), lexicon.fold(b)
    n = 0
    while n < min(len(fa), len(fb)) and fa[n] == fb[n]:
        n += 1
    return n >= 4 and fa[n:] in _CASE_ENDINGS and fb[n:] in _CASE_ENDINGS


@lru_cache(maxsize=50_000)
def _tags(word: str) -> frozenset[str]:
    grams: set[str] = set()
    for parse in analyzer().parse(lexicon.fold(word))[:4]:
        if parse.score >= 0.05:
            grams.update(g for g in ("Name", "Surn", "Patr", "Geox") if g in parse.tag)
    return frozenset(grams)


def name_parts(normal: str) -> NameParts:
    """First name, patronymic and surname of a person's name in the nominative (by pymorphy's name tags)."""
    words = _join_particles(normal.split())
    if not words:
        return NameParts(None, None, None)
    tags = [_tags(w) for w in words]
    if len(words) == 1:
        word = words[0]
        if _is_initial(word):
            return NameParts(word, None, None)
        if "Name" in tags[0] and "Surn" not in tags[0]:
            return NameParts(word, None, None)
        return NameParts(None, None, word)
    if len(words) == 2:
        a, b = words
        if "Patr" in tags[1] and "Surn" not in tags[1]:
            return NameParts(a, b, None)
        if "Surn" in tags[0] and "Name" not in tags[0] and "Name" in tags[1]:
            return NameParts(b, None, a)
        return NameParts(a, None, b)
    if "Patr" in tags[1]:
        return NameParts(words[0], words[1], " ".join(words[2:]))
    if "Patr" in tags[-1]:
        return NameParts(words[1], words[-1], words[0])
    return NameParts(words[0], None, words[-1])


def _join_particles(words: list[str]) -> list[str]:
    """ "Марин Ле Пен" → ["Марин", "Ле Пен"]: a particle belongs to the surname after it."""
    joined: list[str] = []
    for word in reversed(words):
        if joined and len(joined) == 1 and lexicon.fold(word) in lexicon.NAME_PARTICLES and len(words) > 2:
            joined[-1] = f"{word} {joined[-1]}"
        else:
            joined.append(word)
    return list(reversed(joined))


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


# Places and organisations ------------------------------------------------------------------------


def _link_others(items: list[Candidate], clusters: list[_Cluster], owner: dict[int, _Cluster]) -> None:
    by_key: dict[tuple[str, str], _Cluster] = {}
    for candidate in items:
        key = (candidate.type, lexicon.fold(candidate.normal))
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = _Cluster(candidate.type)
            clusters.append(cluster)
        cluster.mentions.append(candidate)
        cluster.last_seen = max(cluster.last_seen, candidate.start)
        owner[id(candidate)] = cluster


# Roles --------------------------------------------------------------------------------------------


def _link_roles(ordered: list[Candidate], clusters: list[_Cluster], owner: dict[int, _Cluster]) -> None:
    people = [c for c in ordered if c.type == "PER" and c.role is None]
    roles = [c for c in ordered if c.role is not None]
    # 1. Apposition binds a role to the name right after it, for the whole article.
    for role in roles:
        assert role.role is not None
        named = next((p for p in people if 0 <= p.start - role.stop <= _APPOSITION_GAP), None)
        if named is not None and role.role[1] is not None:
            owner[id(named)].roles.add(role.role)
    for role in roles:
        assert role.role is not None
        cluster = _resolve_role(role, role.role, clusters, owner, ordered)
        if cluster is None:
            cluster = _Cluster("PER")
            clusters.append(cluster)
        else:
            cluster.roles.add(role.role)
        cluster.mentions.append(role)
        owner[id(role)] = cluster


def _resolve_role(
    role: Candidate,
    key: RoleKey,
    clusters: list[_Cluster],
    owner: dict[int, _Cluster],
    ordered: list[Candidate],
) -> _Cluster | None:
    people = [c for c in clusters if c.type == "PER" and c.parts]
    office, country = key
    if country is None:
        # "глава государства": the head of state (a person holding any "president" role) mentioned last.
        holders = [c for c in people if any(r[0] == office for r in c.roles)]
        return _most_recent(holders, role.start, owner, ordered)
    bound = [c for c in people if key in c.roles]
    if bound:
        return _most_recent(bound, role.start, owner, ordered)
    known = [c for c in people if c.last and lexicon.holder(office, country, c.last)]
    if known:
        return _most_recent(known, role.start, owner, ordered)
    same_role = [c for c in clusters if c.type == "PER" and not c.parts and key in c.roles]
    return same_role[0] if same_role else None


def _most_recent(
    pool: list[_Cluster], position: int, owner: dict[int, _Cluster], ordered: list[Candidate]
) -> _Cluster | None:
    """The cluster of ``pool`` mentioned last before ``position``; else the one mentioned first after it."""
    if not pool:
        return None
    chosen = {id(c) for c in pool}
    best: _Cluster | None = None
    for candidate in ordered:
        if candidate.start >= position:
            break
        cluster = owner.get(id(candidate))
        if cluster is not None and id(cluster) in chosen:
            best = cluster
    return best or min(pool, key=lambda c: min(m.start for m in c.mentions))


# Records ------------------------------------------------------------------------------------------


def _records(
    ordered: list[Candidate], clusters: list[_Cluster], owner: dict[int, _Cluster]
) -> tuple[list[Mention], list[Entity]]:
    keys: dict[int, str] = {}
    entities: list[Entity] = []
    used: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: min(m.start for m in c.mentions)):
        name = canonical_name(cluster)
        key = f"{cluster.type}:{name}"
        n = 2
        while key in used:
            key, n = f"{cluster.type}:{name}#{n}", n + 1
        used.add(key)
        keys[id(cluster)] = key
        abbreviations = {m.text for m in cluster.mentions if m.text in lexicon.ABBREVIATIONS}
        aliases = sorted(({m.normal for m in cluster.mentions} | abbreviations) - {name})
        entities.append(Entity(key, cluster.type, name, tuple(aliases)))
    mentions = [
        Mention(c.start, c.stop, c.type, c.text, c.normal, keys[id(owner[id(c)])], c.role is not None)
        for c in ordered
    ]
    return mentions, entities


def canonical_name(cluster: _Cluster) -> str:
    """ "Имя Фамилия" for a person, else the most used normal form (nominative spellings count double).

    The normalizer writes ё as е; where the text spells a word of the name with ё, so does the name.
    """
    name = _canonical(cluster)
    spelled = {lexicon.fold(w): w for m in cluster.mentions for w in m.text.split() if "ё" in w.lower()}
    return " ".join(spelled.get(lexicon.fold(w), w) if "е" in w.lower() else w for w in name.split(" "))


def _canonical(cluster: _Cluster) -> str:
    if cluster.type == "PER" and cluster.parts:
        first, last = cluster.first, cluster.last
        if first and _is_initial(first):
            first = None
        if last and not first:
            # A surname alone, of someone who holds an office the article names: "Путин" + "президент РФ".
            known = (lexicon.holder(o, c, last) for o, c in cluster.roles if c)
            full = next((k for k in known if k), None)
            if full:
                return full
        return " ".join(p for p in (first, last) if p) or cluster.mentions[0].normal
    if cluster.type == "PER":
        return _role_name(cluster)
    return _vote([m.normal for m in cluster.mentions], cluster) or cluster.mentions[0].normal


def _role_name(cluster: _Cluster) -> str:
    roles = [m for m in cluster.mentions if m.role]
    keyed = next((m.role for m in roles if m.role and m.role[1]), None)
    if keyed is not None:
        office, country = keyed
        return f"{lexicon.OFFICE_LABELS.get(office, office)} ({country})"
    return roles[0].normal if roles else cluster.mentions[0].normal


def _vote(values: list[str], cluster: _Cluster) -> str | None:
    """The most common spelling, counting forms written in the nominative twice."""
    if not values:
        return None
    counts: Counter[str] = Counter()
    nominative = {lexicon.fold(m.text) for m in cluster.mentions if m.nominative}
    for value in values:
        counts[value] += 2 if any(lexicon.fold(value) in n for n in nominative) else 1
    # Spellings differing only in case/ё are one form: count them together, show the commonest spelling.
    folded: Counter[str] = Counter()
    for value, n in counts.items():
        folded[lexicon.fold(value)] += n
    best = folded.most_common(1)[0][0]
    return max((v for v in counts if lexicon.fold(v) == best), key=lambda v: counts[v])
