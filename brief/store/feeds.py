"""The store's writes about feeds: subscriptions and the outcome of each fetch.

Functions of an open connection inside the caller's write transaction (see brief.store.database).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from brief.store.articles import NAME_MAX, TITLE_MAX, clean, find_article, insert_pending, link
from brief.store.fulltext import unindex
from brief.store.rows import FetchUpdate, to_db_time
from brief.text import sanitize

if TYPE_CHECKING:
    import sqlite3

    from brief.models import FeedEntry


def add_feed(
    conn: sqlite3.Connection, url: str, name: str | None, tags: Sequence[str], now: datetime
) -> tuple[int, bool]:
    """(feed id, True when newly added); an existing feed is left as it is."""
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is not None:
        return int(row[0]), False
    cursor = conn.execute(
        "INSERT INTO feeds (url, name, tags, added_at) VALUES (?, ?, ?, ?)",
        (url, clean(name, NAME_MAX), clean_tags(tags), to_db_time(now)),
    )
    return int(cursor.lastrowid or 0), True


def clean_tags(tags: Sequence[str]) -> str:
    """Tags as the feeds table keeps them: sanitized, one line each, unique, as JSON."""
    kept = [t for t in (" ".join(sanitize(t).split()) for t in tags) if t]
    return json.dumps(list(dict.fromkeys(kept)))


def edit_feed(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    name: str | None = None,
    tags: Sequence[str] | None = None,
) -> bool:
    """Rename a feed (an empty name: the feed's own title again) or replace its tags."""
    changed = 0
    if name is not None:
        sql = "UPDATE feeds SET name = ? WHERE id = ?"
        changed += conn.execute(sql, (clean(name) or None, feed_id)).rowcount
    if tags is not None:
        sql = "UPDATE feeds SET tags = ? WHERE id = ?"
        changed += conn.execute(sql, (clean_tags(tags), feed_id)).rowcount
    return changed > 0


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> bool:
    """Delete a feed and the articles only it carried (starred ones stay)."""
    orphans = """
        SELECT fa.article_id FROM feed_articles fa JOIN articles a ON a.id = fa.article_id
        WHERE fa.feed_id = :feed AND a.starred = 0 AND NOT EXISTS (
            SELECT 1 FROM feed_articles o WHERE o.article_id = fa.article_id AND o.feed_id != :feed)
    """
    unindex(conn, orphans, {"feed": feed_id})
    conn.execute(f"DELETE FROM articles WHERE id IN ({orphans})", {"feed": feed_id})
    return conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount > 0


def record_fetch(
    conn: sqlite3.Connection,
    feed_id: int,
    update: FetchUpdate,
    entries: Iterable[FeedEntry],
    now: datetime,
    not_before: datetime | None,
    max_new: int | None = None,
) -> list[int]:
    """Store a fetch: new entries (pending), links to known stories, and the feed's new
    ETag/Last-Modified, all in the caller's one transaction. Returns the new article ids.

    Of more than ``max_new`` new entries only the newest are stored (by date; undated ones,
    in feed order, after the dated); the others are remembered as tombstones, so that they
    are not new again at the next refresh while the feed lists them."""
    now_text = to_db_time(now)
    oldest = to_db_time(not_before) if not_before is not None else None
    new: list[FeedEntry] = []
    for entry in entries:
        seen = conn.execute(
            "UPDATE tombstones SET last_seen = ? WHERE feed_id = ? AND guid = ?",
            (now_text, feed_id, entry.guid),
        )
        if seen.rowcount:
            continue  # deleted by retention and still listed: not new
        existing = find_article(conn, feed_id, entry.guid, entry.url)
        if existing is not None:
            link(conn, feed_id, existing, entry.guid)
        elif oldest is None or entry.published is None or entry.published >= oldest:
            new.append(entry)
    if max_new is not None and len(new) > max_new:
        # sorted() is stable, reversed too: undated entries ("") keep the feed's order, last.
        kept = {id(e) for e in sorted(new, key=lambda e: e.published or "", reverse=True)[:max_new]}
        conn.executemany(
            "INSERT OR REPLACE INTO tombstones (feed_id, guid, last_seen) VALUES (?, ?, ?)",
            [(feed_id, e.guid, now_text) for e in new if id(e) not in kept],
        )
        new = [e for e in new if id(e) in kept]
    new_ids = [insert_pending(conn, feed_id, entry, now) for entry in new]
    _fetch_succeeded(conn, feed_id, update, now_text)
    return new_ids


def _fetch_succeeded(
    conn: sqlite3.Connection, feed_id: int, update: FetchUpdate, now_text: str
) -> None:
    conn.execute(
        """UPDATE feeds SET etag = ?, last_modified = ?, title = coalesce(?, title),
               site_url = coalesce(?, site_url), last_attempt = ?, last_success = ?,
               error_count = 0, last_error = NULL, next_attempt = NULL
           WHERE id = ?""",
        (
            update.etag,
            update.last_modified,
            clean(update.title, TITLE_MAX),
            update.site_url,
            now_text,
            now_text,
            feed_id,
        ),
    )
    if update.new_url:
        # A feed that moved onto a URL already subscribed keeps its old URL: the two
        # subscriptions stay distinct rather than failing the whole fetch.
        conn.execute(
            """UPDATE feeds SET url = ? WHERE id = ?
               AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)""",
            (update.new_url, feed_id, update.new_url),
        )


def record_not_modified(conn: sqlite3.Connection, feed_id: int, now: datetime) -> None:
    """A 304: the feed is fine and unchanged (its ETag and Last-Modified stay)."""
    now_text = to_db_time(now)
    conn.execute(
        """UPDATE feeds SET last_attempt = ?, last_success = ?, error_count = 0,
               last_error = NULL, next_attempt = NULL WHERE id = ?""",
        (now_text, now_text, feed_id),
    )


def record_failure(
    conn: sqlite3.Connection,
    feed_id: int,
    error: str,
    next_attempt: datetime | None,
    now: datetime,
) -> None:
    """A failed fetch: count it, keep its message, and when to try again."""
    conn.execute(
        """UPDATE feeds SET last_attempt = ?, error_count = error_count + 1, last_error = ?,
               next_attempt = ? WHERE id = ?""",
        (
            to_db_time(now),
            " ".join(sanitize(error).split()),
            to_db_time(next_attempt) if next_attempt is not None else None,
            feed_id,
        ),
    )
