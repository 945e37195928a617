"""Storing and reading NLP analyses, and linking each article's entities to store-level entities.

Store-level linking: a place or organisation is one entity per canonical name. A person named in full
("Владимир Путин") is one entity per full name; a person an article names by surname alone joins the one
full-named person with that surname in the store, if there is exactly one (two people who share a surname
stay apart), else an entity of the surname alone, which a later full name absorbs when it is the only one.
Entity ids are stable (a hash of type and canonical name), so re-analysing keeps them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from svodka.nlp.lexicon import fold
from svodka.nlp.types import Analysis, DateMention, Entity, Mention, Quote, Sentence, Token
from svodka.store.db import now_iso

_TABLES = ("analyses", "article_entities", "mentions", "quotes", "dates")


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """A store-level entity; ``mentions`` counts its mentions (in one article or everywhere, as asked)."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
        }


@dataclass(frozen=True, slots=True)
class EntityMention:
    article_id: str
    start: int
    stop: int
    text: str
    role: bool


@dataclass(frozen=True, slots=True)
class EntityDetail:
    """An entity with the articles that mention it (oldest stored first) and every mention."""

    entity: StoredEntity
    articles: tuple[str, ...]
    mentions: tuple[EntityMention, ...]


@dataclass(frozen=True, slots=True)
class StoredQuote:
    article_id: str
    quote: Quote


def entity_id(kind: str, name: str) -> str:
    """The stable id of a store-level entity."""
    return hashlib.blake2b(f"{kind}|{fold(name)}".encode(), digest_size=6).hexdigest()


# Writing ------------------------------------------------------------------------------------------


def insert_analyses(conn: sqlite3.Connection, items: Sequence[tuple[str, Analysis]]) -> None:
    """Store analyses inside the caller's transaction, replacing any earlier analysis of the same article."""
    stamp = now_iso()
    for article_id, analysis in items:
        delete_analysis(conn, article_id)
        conn.execute(
            "INSERT INTO analyses (article_id, lang, sentences, tokens, analysed_at) VALUES (?, ?, ?, ?, ?)",
            (
                article_id,
                analysis.lang,
                json.dumps([[s.start, s.stop] for s in analysis.sentences]),
                json.dumps([[t.start, t.stop, t.lemma, t.pos] for t in analysis.tokens], ensure_ascii=False),
                stamp,
            ),
        )
        for seq, entity in enumerate(analysis.entities):
            store_id = _resolve(conn, entity)
            aliases = json.dumps(entity.aliases, ensure_ascii=False)
            conn.execute(
                "INSERT INTO article_entities (article_id, key, seq, entity_id, type, name, aliases) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, entity.key, seq, store_id, entity.type, entity.name, aliases),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded) VALUES (?, ?, ?)",
                [(store_id, alias, fold(alias)) for alias in {entity.name, *entity.aliases}],
            )
        conn.executemany(
            "INSERT OR IGNORE INTO mentions (article_id, start, stop, type, normal, entity_key, role) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, m.start, m.stop, m.type, m.normal, m.entity, int(m.role))
                for m in analysis.mentions
            ],
        )
        conn.executemany(
            "INSERT INTO quotes (article_id, seq, parts, kind, speaker_start, speaker_stop, speaker, "
            "speaker_type, "
            "speaker_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_quote_row(article_id, n, q) for n, q in enumerate(analysis.quotes)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO dates (article_id, start, stop, value) VALUES (?, ?, ?, ?)",
            [(article_id, d.start, d.stop, d.value) for d in analysis.dates],
        )


def _quote_row(article_id: str, seq: int, q: Quote) -> tuple[object, ...]:
    span = q.speaker_span or (None, None)
    return (
        article_id,
        seq,
        json.dumps(q.parts),
        q.kind,
        span[0],
        span[1],
        q.speaker,
        q.speaker_type,
        q.speaker_entity,
    )


def delete_analysis(conn: sqlite3.Connection, article_id: str) -> None:
    """Forget what the NLP layer found in one article (store-level entities stay; see ``prune_entities``)."""
    for table in _TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def prune_entities(conn: sqlite3.Connection) -> int:
    """Delete store-level entities no article mentions any more; returns how many."""
    cursor = conn.execute(
        "DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM article_entities)"
    )
    return cursor.rowcount


def _resolve(conn: sqlite3.Connection, entity: Entity) -> str:
    folded = fold(entity.name)
    words = folded.split()
    person = entity.type == "PER" and "(" not in folded and 1 <= len(words) <= 4
    if not person:
        return _ensure(conn, entity.type, entity.name, None, None)
    surname, first = words[-1], " ".join(words[:-1]) or None
    full = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM entities WHERE type = 'PER' AND surname = ? AND first_name IS NOT NULL",
            (surname,),
        )
    ]
    if first is None:
        return full[0] if len(full) == 1 else _ensure(conn, "PER", entity.name, surname, None)
    store_id = _ensure(conn, "PER", entity.name, surname, first)
    if not full or full == [store_id]:
        _absorb(conn, entity_id("PER", surname), store_id)
    return store_id


def _ensure(conn: sqlite3.Connection, kind: str, name: str, surname: str | None, first: str | None) -> str:
    store_id = entity_id(kind, name)
    conn.execute(
        "INSERT OR IGNORE INTO entities (id, type, name, folded, surname, first_name) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store_id, kind, name, fold(name), surname, first),
    )
    return store_id


def _absorb(conn: sqlite3.Connection, lone: str, into: str) -> None:
    """A surname-alone entity becomes the one full-named person with that surname."""
    if lone == into or conn.execute("SELECT 1 FROM entities WHERE id = ?", (lone,)).fetchone() is None:
        return
    conn.execute("UPDATE article_entities SET entity_id = ? WHERE entity_id = ?", (into, lone))
    conn.execute(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded) "
        "SELECT ?, alias, folded FROM entity_aliases WHERE entity_id = ?",
        (into, lone),
    )
    conn.execute("DELETE FROM entities WHERE id = ?", (lone,))


# Reading ------------------------------------------------------------------------------------------


def get_analysis(conn: sqlite3.Connection, article_id: str) -> Analysis | None:
    """The stored analysis of an article; None when it has not been analysed."""
    row = conn.execute(
        "SELECT a.lang, a.sentences, a.tokens, t.text FROM analyses a JOIN articles t ON t.id = a.article_id "
        "WHERE a.article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    text = row["text"]
    sentences = tuple(Sentence(s, e) for s, e in json.loads(row["sentences"]))
    tokens = tuple(Token(s, e, text[s:e], lemma, pos) for s, e, lemma, pos in json.loads(row["tokens"]))
    mentions = tuple(
        Mention(
            r["start"],
            r["stop"],
            r["type"],
            text[r["start"] : r["stop"]],
            r["normal"],
            r["entity_key"],
            bool(r["role"]),
        )
        for r in conn.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY start, stop DESC", (article_id,)
        )
    )
    entities = tuple(
        Entity(r["key"], r["type"], r["name"], tuple(json.loads(r["aliases"])))
        for r in conn.execute(
            "SELECT * FROM article_entities WHERE article_id = ? ORDER BY seq", (article_id,)
        )
    )
    quotes = tuple(
        _quote(r)
        for r in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,))
    )
    dates = tuple(
        DateMention(r["start"], r["stop"], r["value"])
        for r in conn.execute("SELECT * FROM dates WHERE article_id = ? ORDER BY start", (article_id,))
    )
    return Analysis(row["lang"], sentences, tokens, mentions, entities, quotes, dates)


def _quote(row: sqlite3.Row) -> Quote:
    span = (row["speaker_start"], row["speaker_stop"]) if row["speaker_start"] is not None else None
    parts = tuple((s, e) for s, e in json.loads(row["parts"]))
    return Quote(parts, row["kind"], span, row["speaker"], row["speaker_type"], row["speaker_key"])


def entities_of(conn: sqlite3.Connection, article_id: str) -> list[StoredEntity]:
    """The store-level entities an article mentions, most mentioned first."""
    rows = conn.execute(
        "SELECT e.id, e.type, e.name, count(m.start) AS n FROM article_entities ae "
        "JOIN entities e ON e.id = ae.entity_id "
        "LEFT JOIN mentions m ON m.article_id = ae.article_id AND m.entity_key = ae.key "
        "WHERE ae.article_id = ? GROUP BY e.id ORDER BY n DESC, e.name",
        (article_id,),
    ).fetchall()
    return [StoredEntity(r["id"], r["type"], r["name"], _aliases(conn, r["id"]), r["n"]) for r in rows]


def get_entity(conn: sqlite3.Connection, store_id: str) -> EntityDetail | None:
    """An entity with its articles and mentions; None when there is no such id."""
    row = conn.execute("SELECT id, type, name FROM entities WHERE id = ?", (store_id,)).fetchone()
    if row is None:
        return None
    mentions = tuple(
        EntityMention(
            r["article_id"], r["start"], r["stop"], r["text"][r["start"] : r["stop"]], bool(r["role"])
        )
        for r in conn.execute(
            "SELECT m.article_id, m.start, m.stop, m.role, t.text FROM article_entities ae "
            "JOIN mentions m ON m.article_id = ae.article_id AND m.entity_key = ae.key "
            "JOIN articles t ON t.id = ae.article_id WHERE ae.entity_id = ? ORDER BY t.seq, m.start",
            (store_id,),
        )
    )
    articles = tuple(
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT ae.article_id FROM article_entities ae JOIN articles t ON t.id = ae.article_id "
            "WHERE ae.entity_id = ? ORDER BY t.seq",
            (store_id,),
        )
    )
    entity = StoredEntity(row["id"], row["type"], row["name"], _aliases(conn, store_id), len(mentions))
    return EntityDetail(entity, articles, mentions)


def find_entities(conn: sqlite3.Connection, name: str, kind: str | None = None) -> list[StoredEntity]:
    """Entities whose canonical name or an alias equals ``name`` (folded), most mentioned first."""
    folded = fold(name)
    rows = conn.execute(
        "SELECT DISTINCT e.id, e.type, e.name FROM entities e "
        "LEFT JOIN entity_aliases a ON a.entity_id = e.id "
        "WHERE (e.folded = ? OR a.folded = ?) AND (? IS NULL OR e.type = ?)",
        (folded, folded, kind, kind),
    ).fetchall()
    found = [
        StoredEntity(r["id"], r["type"], r["name"], _aliases(conn, r["id"]), _count(conn, r["id"]))
        for r in rows
    ]
    return sorted(found, key=lambda e: -e.mentions)


def quotes_by(conn: sqlite3.Connection, store_id: str) -> list[StoredQuote]:
    """Quotes whose resolved speaker is this entity, in article order."""
    rows = conn.execute(
        "SELECT q.* FROM quotes q "
        "JOIN article_entities ae ON ae.article_id = q.article_id AND ae.key = q.speaker_key "
        "JOIN articles t ON t.id = q.article_id WHERE ae.entity_id = ? ORDER BY t.seq, q.seq",
        (store_id,),
    )
    return [StoredQuote(r["article_id"], _quote(r)) for r in rows]


def _aliases(conn: sqlite3.Connection, store_id: str) -> tuple[str, ...]:
    return tuple(
        r[0]
        for r in conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (store_id,)
        )
    )


def _count(conn: sqlite3.Connection, store_id: str) -> int:
    row = conn.execute(
        "SELECT count(*) FROM article_entities ae "
        "JOIN mentions m ON m.article_id = ae.article_id AND m.entity_key = ae.key "
        "WHERE ae.entity_id = ?",
        (store_id,),
    ).fetchone()
    return int(row[0])
