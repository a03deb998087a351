"""The store's writes about articles, as functions of an open connection.

brief.store.database opens the transaction (BEGIN IMMEDIATE), calls one of these, and
commits; so every function here is all-or-nothing. Untrusted text is sanitized on the way in.

De-duplication of a story, in order: the same GUID in the same feed; the same GUID anywhere
when the GUID is globally unique by construction (a URL, urn:, tag:); the same normalized
link; the same content hash (of the final text, known once the page is analyzed) in another
feed: two entries of one feed are never merged by their text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from brief.models import Brief
from brief.net import normalize_url
from brief.store import identity
from brief.store.fulltext import index, paragraph_ends, unindex
from brief.store.rows import CompletedStatus, to_db_time
from brief.text import sanitize, truncate

if TYPE_CHECKING:
    import sqlite3

    from brief.models import Enclosure, FeedEntry

_GLOBAL_GUID_PREFIXES = ("http://", "https://", "urn:", "tag:", "sha256:")
# The longest a stored field may be, in characters; longer ones are cut with a visible mark
# (brief.text.truncate). Real titles stay under 300, bylines under 150, quotations under 2,000;
# a hostile feed or page could otherwise store 10 MB in one title.
TITLE_MAX = 1000
AUTHOR_MAX = 300
NAME_MAX = 300  # a speaker's or actor's name, a role
QUOTE_MAX = 5000


def clean(text: str | None, limit: int | None = None) -> str | None:
    """Sanitized text (cut to ``limit`` characters, marked), None for None."""
    if text is None:
        return None
    text = sanitize(text)
    return text if limit is None else truncate(text, limit)


def content_hash(text: str) -> str | None:
    """A fingerprint of an article text that ignores case and spacing; None for no text."""
    words = text.casefold().split()
    if not words:
        return None
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def find_article(
    conn: sqlite3.Connection,
    feed_id: int | None,
    guid: str | None,
    url: str | None,
    text_hash: str | None = None,
) -> int | None:
    """The id of the stored story an entry is (see the module docstring), or None."""
    if guid and feed_id is not None:
        row = conn.execute(
            "SELECT article_id FROM feed_articles WHERE feed_id = ? AND guid = ?", (feed_id, guid)
        ).fetchone()
        if row is not None:
            return int(row[0])
    if guid and guid.lower().startswith(_GLOBAL_GUID_PREFIXES):
        row = conn.execute(
            "SELECT article_id FROM feed_articles WHERE guid = ? LIMIT 1", (guid,)
        ).fetchone()
        if row is not None:
            return int(row[0])
    if url:
        row = conn.execute(
            "SELECT id FROM articles WHERE normalized_url = ? LIMIT 1", (normalize_url(url),)
        ).fetchone()
        if row is not None:
            return int(row[0])
    if text_hash:
        # Not a story this feed already carries: that is another entry of the feed whose page
        # ends in the same text (a consent wall, a paywall), not the same story.
        row = conn.execute(
            """SELECT id FROM articles a WHERE content_hash = ? AND NOT EXISTS (
                   SELECT 1 FROM feed_articles fa WHERE fa.article_id = a.id AND fa.feed_id = ?)
               LIMIT 1""",
            (text_hash, feed_id),
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def link(conn: sqlite3.Connection, feed_id: int, article_id: int, guid: str) -> None:
    """Record that ``feed_id`` carries the article (under its own GUID)."""
    conn.execute(
        "INSERT OR IGNORE INTO feed_articles (feed_id, article_id, guid) VALUES (?, ?, ?)",
        (feed_id, article_id, guid),
    )


def _published(entry_date: str | None, page_date: str | None) -> str | None:
    """The feed's date (a UTC datetime) else the page's (a date): as database time text."""
    if entry_date:
        return entry_date
    if page_date and len(page_date) == 10:
        return page_date + "T00:00:00Z"
    return None


def insert_pending(conn: sqlite3.Connection, feed_id: int, entry: FeedEntry, now: datetime) -> int:
    """Store a new entry with the feed's own text, waiting for its page."""
    paragraphs = [p for p in (sanitize(p) for p in entry.text.split("\n\n")) if p.strip()]
    text = "\n\n".join(paragraphs)
    cursor = conn.execute(
        """INSERT INTO articles (guid, url, normalized_url, title, author, published, fetched_at,
                                 text, paragraph_ends, extraction_status, enclosures)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)""",
        (
            entry.guid,
            entry.url,
            normalize_url(entry.url) if entry.url else None,
            clean(entry.title, TITLE_MAX),
            clean(entry.author, AUTHOR_MAX),
            _published(entry.published, None),
            to_db_time(now),
            text,
            paragraph_ends(paragraphs),
            json.dumps([_enclosure_json(e) for e in entry.enclosures]),
        ),
    )
    article_id = int(cursor.lastrowid or 0)
    link(conn, feed_id, article_id, entry.guid)
    index(conn, article_id)
    return article_id


def _enclosure_json(enclosure: Enclosure) -> dict[str, object]:
    """An enclosure as stored: its type sanitized (the URL is a checked http(s) link)."""
    kind = clean(enclosure.type)
    return {**enclosure.to_json(), "type": " ".join(kind.split()) if kind else None}


def _brief_json(brief: Brief) -> str:
    """The brief without its text (stored in its own columns), every string sanitized and the
    fields with a length cap cut to it."""
    doc = _sanitized(brief.to_json(with_text=False))
    _cap(doc, "title", TITLE_MAX)
    _cap(doc, "author", AUTHOR_MAX)
    for said in (*doc.get("quotes", ()), *doc.get("statements", ())):
        _cap(said, "text", QUOTE_MAX)
        _cap(said, "speaker", NAME_MAX)
        _cap(said, "role", NAME_MAX)
    for actor in doc.get("actors", ()):
        _cap(actor, "name", NAME_MAX)
        _cap(actor, "role", NAME_MAX)
    return json.dumps(doc, ensure_ascii=False)


def _cap(doc: dict[str, Any], key: str, limit: int) -> None:
    if isinstance(doc.get(key), str):
        doc[key] = truncate(doc[key], limit)


def _sanitized(value: Any) -> Any:
    if isinstance(value, str):
        return sanitize(value)
    if isinstance(value, list):
        return [_sanitized(v) for v in value]
    if isinstance(value, dict):
        return {k: _sanitized(v) for k, v in value.items()}
    return value


def complete_article(
    conn: sqlite3.Connection,
    article_id: int,
    brief: Brief,
    status: CompletedStatus,
    reason: str | None,
) -> int | None:
    """Store the analysis of an article. Returns the article's id — another one's when the
    text shows it is a story already stored (this one is then merged into it) — or None when
    the article was deleted meanwhile."""
    row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    paragraphs = [sanitize(p) for p in brief.article.paragraphs]
    text = "\n\n".join(paragraphs)
    text_hash = content_hash(text)
    if text_hash is not None:
        # The same text in a feed that carries this article too is a different entry of that
        # feed (pages that all end on one consent wall or paywall): merging it would lose the
        # entry, and its feed would bring it back as new at every refresh.
        twin = conn.execute(
            """SELECT id FROM articles a WHERE content_hash = ? AND id != ? AND NOT EXISTS (
                   SELECT 1 FROM feed_articles theirs JOIN feed_articles mine
                       ON mine.feed_id = theirs.feed_id
                   WHERE theirs.article_id = a.id AND mine.article_id = ?)
               LIMIT 1""",
            (text_hash, article_id, article_id),
        ).fetchone()
        if twin is not None:
            # Links move to the twin only after this article is gone: (feed, GUID) is unique.
            links = conn.execute(
                "SELECT feed_id, guid FROM feed_articles WHERE article_id = ?", (article_id,)
            ).fetchall()
            delete_articles(conn, [article_id])
            for feed_id, guid in links:
                link(conn, feed_id, int(twin[0]), guid)
            return int(twin[0])
    a = brief.article
    unindex(conn, "?", (article_id,))
    conn.execute(
        """UPDATE articles SET title = coalesce(title, ?), author = coalesce(author, ?),
               published = coalesce(published, ?), text = ?, paragraph_ends = ?, content_hash = ?,
               extraction_status = ?, extraction_reason = ?, brief = ?
           WHERE id = ?""",
        (
            clean(a.title, TITLE_MAX),
            clean(a.author, AUTHOR_MAX),
            _published(None, a.published),
            text,
            paragraph_ends(paragraphs),
            text_hash,
            status,
            clean(reason),
            _brief_json(brief),
            article_id,
        ),
    )
    _store_quotes(conn, article_id, brief)
    index(conn, article_id)
    return article_id


def _store_quotes(conn: sqlite3.Connection, article_id: int, brief: Brief) -> None:
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    said = [
        (clean(q.speaker, NAME_MAX), q.speaker_kind, clean(q.role, NAME_MAX), is_stmt, q)
        for is_stmt, group in ((0, brief.quotes), (1, brief.statements))
        for q in group
    ]
    # Speakers are linked first so that each quote row is written once, with its speaker.
    ids = identity.link_article(
        conn, article_id, [(name, kind, role) for name, kind, role, _, _ in said if name]
    )
    rows = [
        (article_id, name, kind, role, truncate(sanitize(q.text), QUOTE_MAX), is_stmt,
         q.paragraph, q.start, q.end, ids.get(name or ""))
        for name, kind, role, is_stmt, q in said
    ]  # fmt: skip
    conn.executemany(
        """INSERT INTO quotes (article_id, speaker, speaker_kind, role, text, is_statement,
                               paragraph, start_offset, end_offset, speaker_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    )


def delete_articles(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Delete articles with their links, quotes and index rows."""
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        unindex(conn, marks, chunk)
        conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)


def purge(conn: sqlite3.Connection, keep_days: int, now: datetime) -> int:
    """Delete unstarred articles fetched more than ``keep_days`` ago; remember their GUIDs
    (tombstones) while their feeds keep listing them. Returns how many were deleted."""
    now_text = to_db_time(now)
    cutoff = to_db_time(now - timedelta(days=keep_days))
    old = "SELECT id FROM articles WHERE starred = 0 AND fetched_at < ?"
    conn.execute(
        f"""INSERT OR REPLACE INTO tombstones (feed_id, guid, last_seen)
            SELECT feed_id, guid, ? FROM feed_articles WHERE article_id IN ({old})""",
        (now_text, cutoff),
    )
    ids = [int(r[0]) for r in conn.execute(old, (cutoff,))]
    delete_articles(conn, ids)
    conn.execute("DELETE FROM tombstones WHERE last_seen < ?", (cutoff,))
    return len(ids)
