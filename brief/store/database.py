"""The SQLite store of feeds, articles and briefs: with brief.store.health (creation, the
check at open, backups) the only modules that import sqlite3.

One file in the data folder, in WAL mode (readers never block the writer), with a busy timeout
(a writer waits for another instead of failing), foreign keys on, and ``BEGIN IMMEDIATE`` for
every write transaction (a deferred one could fail half-way when it upgrades to a write
lock). The schema is migrated on open (brief.store.migrations). Every sqlite3 error leaves here
as one StoreError line (locked, read-only, disk full, not a database, damaged, newer schema);
a malformed search query is a UsageError.

This class owns the connection and the transactions and does the writes (through
brief.store.feeds and brief.store.articles); its reading methods come from brief.store.queries
(feeds, articles), brief.store.speakers (speakers, quotes) and brief.store.follows (followed
speakers). One Store may be shared by
threads (calls are serialized); processes each open their own.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from brief.errors import StoreError, UsageError
from brief.models import Brief
from brief.store import articles as store_write
from brief.store import feeds as store_feeds
from brief.store import health, identity
from brief.store.digest_reads import DigestReads
from brief.store.errors import SQLITE_ERROR, store_error
from brief.store.follows import Follows
from brief.store.queries import ArticleReads, where
from brief.store.rows import (
    COMPLETED_STATUSES,
    ArticleFilter,
    CompletedStatus,
    FetchUpdate,
    SearchHit,
    now_utc,
    to_db_time,
)
from brief.store.speaker_view import SpeakerViewReads
from brief.store.speakers import SaidReads, search_rows

if TYPE_CHECKING:
    from brief.config import FeedConfig
    from brief.models import FeedEntry

DEFAULT_TIMEOUT = 5.0


def _link_pending(conn: sqlite3.Connection) -> None:
    """Link the speakers of articles stored before speaker identity existed, once."""
    if conn.execute("SELECT 1 FROM speaker_pending LIMIT 1").fetchone() is None:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        identity.link_pending(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class Store(ArticleReads, DigestReads, SaidReads, Follows, SpeakerViewReads):
    """An open brief database. Use ``Store.open()`` (and ``with``, or ``close()``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, timeout: float) -> None:
        self._conn = conn
        self.path = path
        self._timeout = timeout
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls, path: Path | None = None, timeout: float = DEFAULT_TIMEOUT, *, check: bool = True
    ) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        ``path`` defaults to paths.database_file(); ``timeout`` is how many seconds a write
        waits for another process's write to finish before StoreError says it is locked.
        ``check`` runs a bounded PRAGMA quick_check first (brief.store.health); brief's own
        worker processes skip it, their parent has checked. A zero-length file or damage
        found is a StoreError with advice.
        """
        if path is None:
            from brief.paths import database_file

            path = database_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create {path.parent}: {err.strerror or err}") from err
        conn: sqlite3.Connection | None = None
        try:
            health.refuse_empty(path)
            if not path.exists():
                health.create(path, timeout)
            conn = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            if check:
                health.quick_check(conn, path)
            health.initialise(conn, path, timeout)
            _link_pending(conn)
        except sqlite3.Error as err:
            if conn is not None:
                conn.close()
            raise _translate(err, path, timeout) from err
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return cls(conn, path, timeout)

    def backup(self, target: Path) -> Path:
        """Copy the database to ``target`` (a file, or a folder for a dated file) with SQLite's
        online backup API: a consistent snapshot while other processes write. Returns the
        file written; FileWriteError when it cannot be."""
        with self._lock:
            try:
                return health.backup(self._conn, self.path, target)
            except sqlite3.Error as err:
                raise _translate(err, self.path, self._timeout) from err

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite when the last one closes)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise _translate(err, self.path, self._timeout) from err
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as err:
                if self._conn.in_transaction:
                    # SQLite may have rolled back already (after SQLITE_FULL, for one).
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("ROLLBACK")
                if isinstance(err, sqlite3.Error):
                    raise _translate(err, self.path, self._timeout) from err
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for the queries inside."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                try:
                    yield self._conn
                finally:
                    if self._conn.in_transaction:
                        self._conn.execute("COMMIT")
            except sqlite3.Error as err:
                raise _translate(err, self.path, self._timeout) from err

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

    def purge(self, keep_days: int, *, now: datetime | None = None) -> int:
        """Delete unstarred articles fetched more than ``keep_days`` days ago; VACUUM after,
        when free pages are most of the file (brief.store.health.vacuum_if_hollow)."""
        with self._write() as conn:
            deleted = store_write.purge(conn, keep_days, now or now_utc())
        with self._lock:
            try:
                health.vacuum_if_hollow(self._conn)
            except sqlite3.Error as err:
                raise _translate(err, self.path, self._timeout) from err
        return deleted

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

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles, texts, quotes and speakers, best match first.

        Raises UsageError for an empty or malformed query, with what is wrong.
        """
        if not query.strip():
            raise UsageError("search: the query is empty")
        try:
            with self._lock:
                self._conn.execute("BEGIN")
                try:
                    return search_rows(self._conn, query, limit, offset)
                finally:
                    self._conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            if (err.sqlite_errorcode & 0xFF) == SQLITE_ERROR:
                raise UsageError(
                    f"search: cannot read the query {query!r} ({err}); put words in "
                    'double quotes to search for them as written, e.g. "covid-19"'
                ) from err
            raise _translate(err, self.path, self._timeout) from err
        except sqlite3.Error as err:
            raise _translate(err, self.path, self._timeout) from err

    # Digest.

    def mark_digested(self, article_ids: Iterable[int], *, at: datetime | None = None) -> None:
        """Record that a delivered digest included these articles."""
        stamp = to_db_time(at or now_utc())
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET digested_at = ? WHERE id = ?",
                [(stamp, i) for i in article_ids],
            )

    # Health.

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check; ["ok"] for a sound database."""
        with self._read() as conn:
            return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]

    def journal_mode(self) -> str:
        """The journal mode in use ("wal")."""
        with self._read() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])


def _check_status(status: str) -> None:
    # The database refuses anything else too (CHECK), but "pending" would pass it.
    if status not in COMPLETED_STATUSES:
        raise ValueError(f"status must be 'full' or 'feed-only', not {status!r}")


def _translate(err: sqlite3.Error, path: Path, timeout: float) -> StoreError:
    """One line for the user about what went wrong with the database file."""
    code = getattr(err, "sqlite_errorcode", None)
    return store_error(code if isinstance(code, int) else None, str(err), path, timeout)
