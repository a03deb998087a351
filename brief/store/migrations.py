"""The database schema as numbered migrations; the number applied is PRAGMA user_version.

Migration N (1-based) takes a database at version N-1 to version N. Never edit a released
migration: append a new one. Each runs in its own BEGIN IMMEDIATE transaction together with
the version bump, so a crash leaves the database at N-1 or N, never between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.errors import StoreError

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

_V1 = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT,
    tags TEXT NOT NULL DEFAULT '[]',        -- JSON list of strings
    title TEXT,
    site_url TEXT,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_attempt TEXT,
    last_success TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    guid TEXT NOT NULL,                     -- the GUID in the feed that brought it first
    url TEXT,
    normalized_url TEXT,
    content_hash TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    fetched_at TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    paragraphs TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
    extraction_status TEXT NOT NULL DEFAULT 'pending'
        CHECK (extraction_status IN ('pending', 'full', 'feed-only')),
    extraction_reason TEXT,
    brief TEXT,                             -- Brief.to_json() without the text
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    digested_at TEXT
);
CREATE INDEX articles_normalized_url ON articles(normalized_url);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_fetched_at ON articles(fetched_at);
CREATE INDEX articles_pending ON articles(extraction_status) WHERE extraction_status = 'pending';
-- Listing order: the publication time, but never later than the fetch (a wrong clock at the
-- publisher must not pin an article to the top).
CREATE INDEX articles_time ON articles(min(coalesce(published, fetched_at), fetched_at));

CREATE TABLE feed_articles (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,                     -- the entry's GUID in this feed
    PRIMARY KEY (feed_id, article_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX feed_articles_feed_guid ON feed_articles(feed_id, guid);
CREATE INDEX feed_articles_guid ON feed_articles(guid);
CREATE INDEX feed_articles_article ON feed_articles(article_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT,
    speaker_kind TEXT,
    role TEXT,
    text TEXT NOT NULL,
    is_statement INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);

-- Entries deleted by retention, remembered while their feed still lists them, so that they
-- are not fetched again as new.
CREATE TABLE tombstones (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;

-- rowid = articles.id
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, quotes, speakers, tokenize = 'unicode61 remove_diacritics 2'
);
"""

# 2: the files an entry carries (podcast audio, video), as JSON [{url, type, length}].
_V2 = """
ALTER TABLE articles ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
"""

# 3: speaker identity.
# Speaker identity (brief.store.identity): stored speakers with stable ids, each quote's link
# to one, why each alias in each article linked where it did, and the roles seen with dates.
# Articles stored before it are queued in speaker_pending and linked when the store opens.
_SPEAKERS = """
CREATE TABLE speaker_entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                     -- 'person' | 'organization'
    name TEXT NOT NULL,                     -- the fullest name seen, as shown
    name_key TEXT NOT NULL,                 -- brief.store.naming: 'person:boris johnson'
    surname TEXT,
    weight INTEGER NOT NULL,                -- how full ``name`` is
    merged_into INTEGER REFERENCES speaker_entities(id)
);
CREATE INDEX speaker_entities_key ON speaker_entities(name_key);
CREATE INDEX speaker_entities_surname ON speaker_entities(surname);

CREATE TABLE speaker_links (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,                    -- the name as the article gives it
    speaker_id INTEGER NOT NULL REFERENCES speaker_entities(id),
    how TEXT NOT NULL,                      -- the rule that linked it
    PRIMARY KEY (article_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_links_speaker ON speaker_links(speaker_id);

CREATE TABLE speaker_roles (
    speaker_id INTEGER NOT NULL REFERENCES speaker_entities(id),
    role TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (speaker_id, role)
) WITHOUT ROWID;

ALTER TABLE quotes ADD COLUMN speaker_id INTEGER REFERENCES speaker_entities(id);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);

CREATE TABLE speaker_pending (article_id INTEGER PRIMARY KEY);
INSERT INTO speaker_pending SELECT DISTINCT article_id FROM quotes WHERE speaker IS NOT NULL;
"""

# 4: one copy of the text. The paragraphs were a JSON copy of `text`: they become the end
# offsets of each paragraph in it (paragraph i runs from the end of i-1 plus the two-character
# separator). The full-text index kept a third copy: it becomes an external-content FTS5 table
# over the view articles_search (title and text from the row, quotes and speakers from the
# quotes table), rebuilt from the rows. Self-contained: it may be renumbered at a merge.
_ONE_TEXT = """
ALTER TABLE articles ADD COLUMN paragraph_ends TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET paragraph_ends = (
    SELECT coalesce(json_group_array(e), '[]') FROM (
        SELECT sum(length(value) + 2) OVER (ORDER BY key) - 2 AS e
        FROM json_each(articles.paragraphs) ORDER BY key
    )
);
ALTER TABLE articles DROP COLUMN paragraphs;
DROP TABLE articles_fts;
CREATE VIEW articles_search (id, title, text, quotes, speakers) AS
SELECT a.id, coalesce(a.title, ''), a.text,
    coalesce((SELECT group_concat(text, char(10)) FROM (
        SELECT text FROM quotes WHERE article_id = a.id ORDER BY id)), ''),
    coalesce((SELECT group_concat(speaker, char(10)) FROM (
        SELECT speaker FROM quotes WHERE article_id = a.id AND speaker != ''
        GROUP BY speaker ORDER BY min(id))), '')
FROM articles a;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, quotes, speakers, content = 'articles_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""

# 5: followed speakers (brief.store.follows): the ones followed from the reader; the config's
# [[follow]] rules are matched at read time and never stored. A followed id that is later merged
# into another stays valid (reads resolve merged_into).
_FOLLOWS = """
CREATE TABLE speaker_follows (
    speaker_id INTEGER PRIMARY KEY REFERENCES speaker_entities(id),
    since TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _SPEAKERS, _ONE_TEXT, _FOLLOWS)
SCHEMA_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """The statements of a migration script (no ';' appears inside a statement here)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def check_version(conn: sqlite3.Connection, path: Path) -> int:
    """The database's schema version; StoreError when a newer brief wrote it."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database {path} was written by a newer brief "
            f"(schema {version} > {SCHEMA_VERSION}); upgrade brief"
        )
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply the migrations the database lacks, one transaction each.

    The version is read again inside each write transaction: two brief processes opening a
    fresh database at once must not both apply migration 1.
    """
    if check_version(conn, path) == SCHEMA_VERSION:
        return
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = check_version(conn, path)
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
