"""The store's writes: subscriptions, fetches, articles and their briefs, read and starred
marks, digested stamps (a part of brief.store.database.Store, whose ``_write`` transaction is
BEGIN IMMEDIATE … COMMIT and turns sqlite3 errors into StoreError).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from brief.models import Brief
from brief.store import articles as store_write
from brief.store import feeds as store_feeds
from brief.store.queries import where
from brief.store.rows import (
    COMPLETED_STATUSES,
    ArticleFilter,
    CompletedStatus,
    FetchUpdate,
    now_utc,
    to_db_time,
)

if TYPE_CHECKING:
    import sqlite3

    from brief.config import FeedConfig
    from brief.models import FeedEntry


class Writes:
    """Writing feeds and articles (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    # Feeds.

    def add_feed(
        self, url: str, name: str | None = None, tags: Sequence[str] = ()
    ) -> tuple[int, bool]:
        """Subscribe; returns (feed id, True when new). An existing feed is left unchanged."""
        with self._write() as conn:
            return store_feeds.add_feed(conn, url, name, tags, now_utc())

    def add_feeds(self, feeds: Iterable[FeedConfig]) -> list[tuple[int, bool]]:
        """Subscribe to several feeds in one transaction (an OPML import: all or nothing)."""
        now = now_utc()
        with self._write() as conn:
            return [store_feeds.add_feed(conn, f.url, f.name, f.tags, now) for f in feeds]

    def edit_feed(
        self, feed_id: int, *, name: str | None = None, tags: Sequence[str] | None = None
    ) -> bool:
        """Rename a feed ("" for its own title) and/or replace its tags; False if not there."""
        with self._write() as conn:
            return store_feeds.edit_feed(conn, feed_id, name=name, tags=tags)

    def remove_feed(self, feed_id: int) -> bool:
        """Unsubscribe; articles only this feed carried go too, unless starred."""
        with self._write() as conn:
            return store_feeds.remove_feed(conn, feed_id)

    def find_article(self, feed_id: int, guid: str, url: str | None) -> int | None:
        """The stored story an entry is (GUID, then normalized link), or None."""
        with self._read() as conn:
            return store_write.find_article(conn, feed_id, guid, url)

    def record_fetch(
        self,
        feed_id: int,
        update: FetchUpdate,
        entries: Iterable[FeedEntry],
        *,
        not_before: datetime | None = None,
        now: datetime | None = None,
        max_new: int | None = None,
    ) -> list[int]:
        """Store a successful fetch in ONE transaction: new entries (status "pending", with
        the feed's text), links of known stories to this feed, and the feed's ETag,
        Last-Modified, title and error reset — so the ETag never runs ahead of the entries.
        Entries published before ``not_before`` are skipped, and beyond the ``max_new``
        newest new ones too (for good). Returns the new article ids."""
        with self._write() as conn:
            return store_feeds.record_fetch(
                conn, feed_id, update, entries, now or now_utc(), not_before, max_new
            )

    def record_not_modified(self, feed_id: int, *, now: datetime | None = None) -> None:
        """A 304 answer: success, validators kept."""
        with self._write() as conn:
            store_feeds.record_not_modified(conn, feed_id, now or now_utc())

    def record_failure(
        self,
        feed_id: int,
        error: str,
        next_attempt: datetime | None = None,
        *,
        now: datetime | None = None,
    ) -> None:
        """A failed fetch: error count + 1, the message, and not before ``next_attempt``."""
        with self._write() as conn:
            store_feeds.record_failure(conn, feed_id, error, next_attempt, now or now_utc())

    def complete_article(
        self, article_id: int, brief: Brief, status: CompletedStatus, reason: str | None = None
    ) -> int | None:
        """Store an article's analysis; ``status`` "full" (from its page) or "feed-only"
        (``reason`` says why the page was not used). Returns the id it is stored under (an
        existing story's when the text is a duplicate), None if it was deleted meanwhile."""
        _check_status(status)
        with self._write() as conn:
            return store_write.complete_article(conn, article_id, brief, status, reason)

    def add_article_with_brief(
        self,
        feed_id: int,
        entry: FeedEntry,
        brief: Brief,
        status: CompletedStatus,
        reason: str | None = None,
        *,
        now: datetime | None = None,
    ) -> int:
        """Store an entry and its analysis in one transaction; a story already stored (by
        GUID, link or text) is linked to this feed instead. Returns the article id."""
        _check_status(status)
        text_hash = store_write.content_hash(brief.article.text)
        with self._write() as conn:
            existing = store_write.find_article(conn, feed_id, entry.guid, entry.url, text_hash)
            if existing is not None:
                store_write.link(conn, feed_id, existing, entry.guid)
                return existing
            article_id = store_write.insert_pending(conn, feed_id, entry, now or now_utc())
            stored = store_write.complete_article(conn, article_id, brief, status, reason)
            return article_id if stored is None else stored

    # Reading state.

    def set_read(self, article_ids: int | Iterable[int], read: bool = True) -> int:
        """Mark articles read (or unread); returns how many changed."""
        ids = [article_ids] if isinstance(article_ids, int) else list(article_ids)
        with self._write() as conn:
            return sum(
                conn.execute(
                    "UPDATE articles SET read = ? WHERE id = ? AND read != ?", (read, i, read)
                ).rowcount
                for i in ids
            )

    def mark_all_read(self, flt: ArticleFilter | None = None) -> int:
        """Mark every article matching the filter read; returns how many changed."""
        return len(self.mark_all_read_ids(flt))

    def mark_all_read_ids(self, flt: ArticleFilter | None = None) -> list[int]:
        """Mark every unread article matching the filter read; returns their ids (to undo
        with set_read(ids, False))."""
        condition, params = where(flt)
        with self._write() as conn:
            sql = f"UPDATE articles AS a SET read = 1 WHERE read = 0 AND {condition} RETURNING id"
            return [row[0] for row in conn.execute(sql, params).fetchall()]

    def set_starred(self, article_id: int, starred: bool = True) -> bool:
        """Star (or unstar) an article; False when there is no such article."""
        with self._write() as conn:
            sql = "UPDATE articles SET starred = ? WHERE id = ?"
            return conn.execute(sql, (starred, article_id)).rowcount > 0

    # Digest.

    def mark_digested(self, article_ids: Iterable[int], *, at: datetime | None = None) -> None:
        """Record that a delivered digest included these articles."""
        stamp = to_db_time(at or now_utc())
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET digested_at = ? WHERE id = ?",
                [(stamp, i) for i in article_ids],
            )


def _check_status(status: str) -> None:
    # The database refuses anything else too (CHECK), but "pending" would pass it.
    if status not in COMPLETED_STATUSES:
        raise ValueError(f"status must be 'full' or 'feed-only', not {status!r}")
