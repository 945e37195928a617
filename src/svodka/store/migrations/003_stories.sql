-- Stories: groups of articles that report one event (svodka.stories).
-- The in-memory candidate index is rebuilt from story_features (by day) and story_df; nothing else is needed.
CREATE TABLE stories (
    id           TEXT PRIMARY KEY,                 -- stable: derived from the founding article's id
    seq          INTEGER NOT NULL UNIQUE,          -- creation order (ties in ranking, determinism)
    lang         TEXT NOT NULL,
    title        TEXT NOT NULL,
    first_seen   TEXT,                             -- UTC ISO of the earliest dated member
    last_seen    TEXT,
    size         INTEGER NOT NULL,                 -- members, copies included
    sources      INTEGER NOT NULL,                 -- distinct sources of all members
    independent  INTEGER NOT NULL,                 -- distinct sources of originals (copies count once)
    early        INTEGER NOT NULL,                 -- members within 6 h of first_seen (velocity)
    updated_at   TEXT NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_first_seen ON stories (first_seen);

CREATE TABLE story_members (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id     TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('original', 'copy')),
    copy_of      TEXT,                             -- the original's article id when role = 'copy'
    score        REAL                              -- similarity to the story when it joined (NULL: founder)
);
CREATE INDEX story_members_story ON story_members (story_id);

-- Most frequent canonical entities of a story (for display and `svodka stories --entity`).
CREATE TABLE story_entities (
    story_id     TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    type         TEXT,
    count        INTEGER NOT NULL,
    PRIMARY KEY (story_id, name)
) WITHOUT ROWID;
CREATE INDEX story_entities_name ON story_entities (name COLLATE NOCASE);

-- What clustering needs of each article, so the index is rebuilt without re-analysing texts.
CREATE TABLE story_features (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    day          INTEGER,                          -- days since 1970-01-01 UTC; NULL for undated articles
    features     TEXT NOT NULL,                    -- JSON, see svodka.stories.features.Features
    minhash      BLOB                              -- MinHash signature (uint32 × num_perm); NULL if too short
);
CREATE INDEX story_features_day ON story_features (day);

-- Document frequencies of terms (idf), kept incrementally; the row with term '' holds the document count.
CREATE TABLE story_df (
    term         TEXT PRIMARY KEY,
    df           INTEGER NOT NULL
) WITHOUT ROWID;
