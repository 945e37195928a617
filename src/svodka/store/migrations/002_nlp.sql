-- What the NLP layer found in each article (svodka.nlp), with character offsets into articles.text.

-- One row per analysed article. Sentences and tokens are compact JSON: [[start, stop], ...] and
-- [[start, stop, lemma, pos], ...] (a token's text is the article text between its offsets).
CREATE TABLE analyses (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL,
    sentences    TEXT NOT NULL,
    tokens       TEXT NOT NULL,
    analysed_at  TEXT NOT NULL
);

-- Store-level entities: one person, place or organisation across all articles.
-- id is stable: derived from type and canonical name (svodka.store.analyses.entity_id).
CREATE TABLE entities (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
    name         TEXT NOT NULL,                    -- canonical name ("Владимир Путин")
    folded       TEXT NOT NULL,                    -- name lowercased, ё → е (lookups)
    surname      TEXT,                             -- PER: the last word of the name, folded
    first_name   TEXT                              -- PER: the rest of the name, folded; NULL for a surname alone
);
CREATE INDEX entities_folded ON entities (type, folded);
CREATE INDEX entities_surname ON entities (surname) WHERE surname IS NOT NULL;

CREATE TABLE entity_aliases (
    entity_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias        TEXT NOT NULL,
    folded       TEXT NOT NULL,                    -- alias lowercased, ё → е (SQLite's lower() is ASCII-only)
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_folded ON entity_aliases (folded);

-- The article-level entities (svodka.nlp.types.Entity) and the store entity each one is.
CREATE TABLE article_entities (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,                    -- Entity.key, unique within the article
    seq          INTEGER NOT NULL,                 -- order of first mention within the article
    entity_id    TEXT NOT NULL REFERENCES entities (id),
    type         TEXT NOT NULL,
    name         TEXT NOT NULL,
    aliases      TEXT NOT NULL,                    -- JSON list
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE mentions (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    stop         INTEGER NOT NULL,
    type         TEXT NOT NULL,
    normal       TEXT NOT NULL,
    entity_key   TEXT NOT NULL,
    role         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, start, stop, entity_key)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,               -- order within the article
    parts          TEXT NOT NULL,                  -- JSON [[start, stop], ...], without the quote marks
    kind           TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    speaker_start  INTEGER,
    speaker_stop   INTEGER,
    speaker        TEXT,                           -- canonical name
    speaker_type   TEXT NOT NULL,
    speaker_key    TEXT,                           -- Entity.key within the article
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE dates (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    stop         INTEGER NOT NULL,
    value        TEXT NOT NULL,                    -- ISO: 2025-11-11, 2025-11 or 2025
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX dates_value ON dates (value);
