"""The SQLite store of feeds, articles and briefs: with brief.store.health (creation, the
check at open, backups) the only modules that import sqlite3.

One file in the data folder, in WAL mode (readers never block the writer), with a busy timeout
(a writer waits for another instead of failing), foreign keys on, and ``BEGIN IMMEDIATE`` for
every write transaction (a deferred one could fail half-way when it upgrades to a write
lock). The schema is migrated on open (brief.store.migrations). Every sqlite3 error leaves here
as one StoreError line (locked, read-only, disk full, not a database, damaged, newer schema);
a malformed search query is a UsageError.

This class owns the connection and the transactions; its writes come from brief.store.writes
(feeds, articles, read and starred marks, through brief.store.feeds and brief.store.articles),
its reads from brief.store.queries (feeds, articles), brief.store.speakers (speakers, quotes),
brief.store.speaker_view, brief.store.digest_reads and brief.store.follows (followed
speakers). One Store may be shared by threads (calls are serialized); processes each open
their own.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

from brief.errors import StoreError, UsageError
from brief.store import articles as store_write
from brief.store import health, identity
from brief.store.digest_reads import DigestReads
from brief.store.errors import SQLITE_ERROR, store_error
from brief.store.follows import Follows
from brief.store.queries import ArticleReads
from brief.store.rows import SearchHit, now_utc
from brief.store.speaker_view import SpeakerViewReads
from brief.store.speakers import SaidReads, search_rows
from brief.store.writes import Writes

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


class Store(ArticleReads, DigestReads, SaidReads, Follows, SpeakerViewReads, Writes):
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

    # Health.

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check; ["ok"] for a sound database."""
        with self._read() as conn:
            return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]

    def journal_mode(self) -> str:
        """The journal mode in use ("wal")."""
        with self._read() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])


def _translate(err: sqlite3.Error, path: Path, timeout: float) -> StoreError:
    """One line for the user about what went wrong with the database file."""
    code = getattr(err, "sqlite_errorcode", None)
    return store_error(code if isinstance(code, int) else None, str(err), path, timeout)
