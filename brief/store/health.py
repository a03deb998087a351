"""Is the database file sound: created whole, checked at open, copied safely (`brief backup`).

A new database is made in a temporary file and linked into place once its schema is written,
so a zero-length file is never brief's own work in progress: it is a lost database, refused
with advice instead of silently initialised again. Every open (but those of brief's own
worker processes) runs ``PRAGMA quick_check``, stopped after QUICK_CHECK_SECONDS so that a
large store still opens fast: damage found refuses the store with one line of advice.
``backup`` copies a live database with SQLite's online backup API (a consistent snapshot
while cron keeps writing) into a temporary file, checks the copy and renames it into place.
``vacuum_if_hollow`` gives the space of a large purge back to the file system.
Like brief.store.database, a user of sqlite3 (the backup needs a connection of its own).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from brief.errors import FileWriteError, StoreError
from brief.store.migrations import migrate

# How long the check at open may take; a larger file is checked this far and opened.
QUICK_CHECK_SECONDS = 1.0
# A purge that leaves this share of the file, and this many bytes, as free pages is followed
# by VACUUM (a year-long store purging a month at a time frees gigabytes).
VACUUM_FREE_SHARE = 0.25
VACUUM_FREE_BYTES = 4 * 1024 * 1024
# The progress handler runs every this many SQLite virtual machine instructions.
_PROGRESS_STEPS = 10_000


def recovery_advice(path: Path) -> str:
    """What to do with a damaged database (the end of the one error line)."""
    return (
        f"brief will not use it: recover what is left with `sqlite3 {path} .recover | "
        f"sqlite3 {path}.recovered` and move that into its place, or restore a backup "
        "made with `brief backup PATH`"
    )


def refuse_empty(path: Path) -> None:
    """StoreError when ``path`` is a zero-length file (brief never leaves one)."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size == 0:
            raise StoreError(
                f"database {path} is empty (0 bytes): its data is gone, and brief does not "
                "start it again silently; restore a backup over it, or delete it to start "
                "an empty store"
            )


def initialise(conn: sqlite3.Connection, path: Path, timeout: float) -> None:
    """The connection's settings (busy timeout, foreign keys, WAL), the schema migrated."""
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commit.
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn, path)


def create(path: Path, timeout: float) -> None:
    """Make a new database at ``path`` whole: initialised in a temporary file, then linked
    into place (if another process made one meanwhile, that one is kept)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            initialise(conn, path, timeout)
        finally:
            conn.close()  # checkpoints the WAL into the file
        _link_into_place(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _link_into_place(tmp: Path, path: Path) -> None:
    """``tmp`` appears at ``path`` unless a file is already there (then that one is kept)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        return  # another brief created it first: use that one
    except OSError:
        try:  # a file system without hard links: a rename, checked just before
            if not path.exists():
                os.rename(tmp, path)
        except OSError as err:
            raise StoreError(f"cannot create database {path}: {err.strerror or err}") from err


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """StoreError naming the first problem when PRAGMA quick_check finds damage; a check that
    runs past QUICK_CHECK_SECONDS stops there, the store taken as sound."""
    deadline = time.monotonic() + QUICK_CHECK_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as err:
        if "interrupt" in str(err).lower():
            return
        raise  # SQLITE_CORRUPT, NOTADB…: the caller's translation says it with the advice
    finally:
        conn.set_progress_handler(None, 0)
    if rows != ["ok"]:
        # A report is one row of several lines, headed "*** in database main ***".
        lines = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
        first = lines[0] if lines else "quick_check failed"
        raise StoreError(f"database {path} is damaged ({first}); {recovery_advice(path)}")


def backup(conn: sqlite3.Connection, source: Path, target: Path) -> Path:
    """Copy the open database ``conn`` to ``target`` (a file, or a folder to put
    brief-YYYY-MM-DD-HHMMSS.sqlite3 in); returns the file written."""
    if target.is_dir():
        target = target / time.strftime("brief-%Y-%m-%d-%H%M%S.sqlite3")
    if target.exists() and target.resolve() == source.resolve():
        raise FileWriteError(f"cannot back up {source} onto itself")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        copy = sqlite3.connect(tmp, isolation_level=None)
    except sqlite3.Error as err:
        raise FileWriteError(f"cannot write {target}: {err}") from err
    try:
        try:
            conn.backup(copy)
            # One self-contained file: no -wal beside it to forget when it is moved.
            copy.execute("PRAGMA journal_mode = DELETE")
            quick_check(copy, tmp)
        finally:
            copy.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except sqlite3.Error as err:
        raise FileWriteError(f"cannot write {target}: {err}") from err
    except OSError as err:
        raise FileWriteError(f"cannot write {target}: {err.strerror or err}") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def vacuum_if_hollow(conn: sqlite3.Connection) -> bool:
    """VACUUM when free pages are at least VACUUM_FREE_SHARE of the file and VACUUM_FREE_BYTES;
    True when it ran. Decided from the free pages, not from one purge, so a VACUUM that could
    not run (another process held the database past the busy timeout) runs at a later purge."""
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    if free * size < VACUUM_FREE_BYTES or free < pages * VACUUM_FREE_SHARE:
        return False
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            return False  # the purge itself is committed; the space comes back later
        raise
    return True
