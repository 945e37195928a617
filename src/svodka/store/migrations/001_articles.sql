-- Articles and their full-text index of lemmas.
CREATE TABLE articles (
    seq           INTEGER PRIMARY KEY,           -- insertion order; also the rowid of article_search
    id            TEXT NOT NULL UNIQUE,          -- stable id (svodka.model.article_id)
    external_id   TEXT,                          -- the input's own id, or a file's relative path
    source        TEXT,
    url           TEXT,
    published     TEXT,                          -- ISO 8601 as known: date or datetime with offset
    published_utc TEXT,                          -- sortable UTC form of published (a date counts as 00:00Z)
    title         TEXT,
    text          TEXT NOT NULL,
    lang          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    origin        TEXT,                          -- where it was read from (path, file:line, URL)
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_utc);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_external ON articles (external_id);

-- Each row holds the search terms (word forms and lemmas, see svodka.nlp.morph.search_terms) of one
-- article, rowid = articles.seq. Terms are plain lowercase words, so the default tokenizer suffices.
CREATE VIRTUAL TABLE article_search USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 0');

-- Feeds polled by `svodka watch`, with what conditional GET needs.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_polled   TEXT,
    last_status   TEXT
);
CREATE TABLE feed_items (
    feed_url   TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    item_key   TEXT NOT NULL,                    -- entry id or link
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);
